"""Train and measure the event decision model (candidates proposed by the lexicon, decided by a model).

    python -m rasid.train.events --cv           # k-fold (by document) on the GSR dev half: P/R/F1
    python -m rasid.train.events                # train on everything allowed, write rasid/models/events/

Data: the GSR dev half (``rasid.train.gsr``: ASSAULT and PROTEST sentence labels,
span records) and, when present, rasid's own labelled corpus
(``rasid.train.event_corpus``: train split only; dev for choosing settings; the
test split is read only by ``rasid eval events``).

An example is one (candidate, type) pair: the candidate read as an event of that
type. Its label is ``yes`` or ``no``:

* own corpus: yes when an annotated event of that type has its trigger on the candidate;
* GSR, for the set's type only: no in a ``no`` sentence; in a ``yes`` sentence, yes
  on the candidates whose token a coder marked as the verb (every candidate of
  the type when the sentence has no span record); a candidate of a ``yes``
  sentence that no coder marked is left out (it may be a second mention).
  ``ambiguous`` sentences are left out, in training and in scoring. An ASSAULT
  ``no`` example trains the realis model only (not actual; see :func:`train_model`).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from rasid.doc.article import Article
from rasid.events.candidates import Candidate, candidates
from rasid.doc.layers import REALIS
from rasid.events.decide import MODEL_DIR, EventModel, local_features, sentence_features
from rasid.events.features import SentenceView
from rasid.events.linear import fit
from rasid.lang.ar.normalize import norm_key
from rasid.lang.ar.triggers import (LEARNED_TRIGGERS, EventLexicon, candidate_lexicon, event_lexicon,
                                     learned_trigger_rows, trigger_key)
from rasid.train import gsr

STAGES = ["clean", "tokens", "sentences", "mentions", "dates"]


def word_clusters():
    """The NER model's word clusters, as a function of a written word."""
    from rasid.ner.tagger import load_tagger

    return load_tagger().extractor.clusters_of


@dataclass
class Item:
    """One GSR sentence made into an article, its candidates and their views."""

    sentence: gsr.GsrSentence
    article: Article
    cands: list[Candidate]
    views: dict[int, SentenceView]


def _published(doc_id: str) -> str | None:
    # AAW_ARB_20070104.0071 -> 2007-01-04
    part = doc_id.split("_")[-1][:8]
    return f"{part[:4]}-{part[4:6]}-{part[6:8]}" if part.isdigit() else None


def gsr_items(type_: str, pipe) -> list[Item]:
    lex, clusters = candidate_lexicon(), word_clusters()
    items = []
    for s in gsr.load(type_):
        if s.gold is None:
            continue
        art = pipe(Article(raw=s.text, published=_published(s.doc)))
        cands = candidates(art, lex)
        views = {si: SentenceView(art, si, clusters) for si in {c.sentence for c in cands}}
        items.append(Item(s, art, cands, views))
    return items


@dataclass
class OwnItem:
    """One labelled sentence of rasid's own corpus: its article (whole, through the pipeline), the
    candidates inside the sentence and the gold events."""

    row: dict
    article: Article
    cands: list[Candidate]
    views: dict[int, SentenceView]
    events: list[dict]


def own_items(split: str, pipe, articles: dict | None = None, lex: EventLexicon | None = None) -> list[OwnItem]:
    """The labelled sentences of one split (first labelling), each article run through ``pipe`` once, with
    the candidates of ``lex`` (the shipped candidate lexicon when not given)."""
    from rasid.train import event_corpus

    lex, clusters = lex or candidate_lexicon(), word_clusters()
    cache = {} if articles is None else articles
    proposed: dict[str, list[tuple[Candidate, int, int]]] = {}      # per article: candidates, raw spans
    out = []
    for row, text, _, events in event_corpus.gold(split):
        art = cache.get(row["url"])
        if art is None:
            art = cache[row["url"]] = pipe(Article(raw=text, published=row["file"][:10], url=row["url"]))
        spans = proposed.get(row["url"])
        if spans is None:
            spans = proposed[row["url"]] = [(c, *trigger_raw_span(art, c)) for c in candidates(art, lex)]
        cands = [c for c, a, _ in spans if row["start"] <= a < row["end"]]
        views = {si: SentenceView(art, si, clusters) for si in {c.sentence for c in cands}}
        out.append(OwnItem(row, art, cands, views, events))
    return out


# a word becomes a learned trigger when the train split has it as the first word of a gold trigger at
# least this often where no curated trigger proposes it, in at least this share of its occurrences in
# the labelled sentences (chosen on the own dev split; see the model card)
MIN_TRIGGER_COUNT = 3
MIN_TRIGGER_SHARE = 0.1


def learn_triggers(items: list[OwnItem], min_count: int = MIN_TRIGGER_COUNT,
                   min_share: float = MIN_TRIGGER_SHARE) -> list[tuple[str, str, int, int]]:
    """Trigger words the curated lexicon lacks, from labelled sentences whose candidates it proposed:
    ``(key, type, times the first word of a gold trigger, times seen)`` for each word (by
    :func:`trigger_key`) that no candidate covers, with the type the annotators gave it most."""
    seen: Counter = Counter()
    hits: dict[str, Counter] = defaultdict(Counter)
    for it in items:
        art = it.article
        a, b = art.alignment.to_clean(it.row["start"]), art.alignment.to_clean(it.row["end"] - 1)
        if a is None or b is None:
            continue
        idx = art.token_index()
        covered = {k for c in it.cands for k in range(c.first, c.last)}
        gold: dict[int, str] = {}
        for e in it.events:
            cs = art.alignment.to_clean(e["trigger"]["start"])
            if cs is not None:
                gold.setdefault(idx.at(cs), e["type"])
        for k in range(idx.at(a), idx.at(b) + 1):
            tok = art.tokens[k]
            if tok.kind != "word" or k in covered:
                continue
            key = trigger_key(tok)
            seen[key] += 1
            if k in gold:
                hits[key][gold[k]] += 1
    out = []
    for key, by_type in sorted(hits.items()):
        n = sum(by_type.values())
        if n >= min_count and n / seen[key] >= min_share:
            out.append((key, by_type.most_common(1)[0][0], n, seen[key]))
    return out


def write_learned_triggers(rows: list[tuple[str, str, int, int]], path: Path = LEARNED_TRIGGERS) -> None:
    lines = ["# Trigger words learned from rasid's annotated event corpus (TRAIN split; SaudiNewsNet, CC BY-NC-SA",
             "# 4.0): words that no curated trigger proposes, the first word of a gold trigger at least "
             f"{MIN_TRIGGER_COUNT} times",
             f"# and in at least {MIN_TRIGGER_SHARE:.0%} of their occurrences, with the type the annotators gave "
             "most. They are",
             "# candidates for the learned decision only. Written by python -m rasid.train.events.",
             "# Columns: key, type, times a trigger, times seen"]
    path.write_text("\n".join(lines + ["\t".join(map(str, r)) for r in rows]) + "\n", "utf-8")


def gold_class(it: OwnItem, c: Candidate, type_: str) -> str:
    """The realis of the gold event of ``type_`` whose trigger overlaps the candidate, else "no"."""
    a, b = trigger_raw_span(it.article, c)
    return next((e["realis"] for e in it.events if e["type"] == type_ and _overlaps(a, b, e["trigger"])), "no")


Example = tuple[list[str], list[str], str, str]  # a candidate's own features, its sentence's, its class,
                                                # the type it is read as


def _example(article: Article, c: Candidate, view: SentenceView, type_: str, lex, label: str) -> Example:
    return local_features(article, c, view, type_, lex), sentence_features(view, type_), label, type_


def own_examples(items: list[OwnItem], lex) -> list[Example]:
    return [_example(it.article, c, it.views[c.sentence], t, lex, gold_class(it, c, t))
            for it in items for c in it.cands for t in c.types]


def _verb_keys(s: gsr.GsrSentence) -> set[str]:
    return {norm_key(v) for rec in s.spans for v in rec.verb}


def gsr_examples(items: list[Item], type_: str, lex) -> list[Example]:
    out = []
    for it in items:
        verbs = _verb_keys(it.sentence)
        for c in it.cands:
            if type_ not in c.types:
                continue
            if it.sentence.gold:
                forms = {it.article.tokens[i].norm for i in range(c.first, c.last)}
                if verbs and not forms & verbs:
                    continue
                label = "actual"
            else:
                label = "no"
            out.append(_example(it.article, c, it.views[c.sentence], type_, lex, label))
    return out


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "tp": tp, "fp": fp, "fn": fn}


@dataclass
class Settings:
    """How the model is trained (chosen on the own corpus' dev split and GSR folds, never on test)."""

    c: float = 0.3                  # inverse L2 strength of the type model
    realis_c: float = 1.0           # ... of the realis model
    threshold: float = 0.25         # P(an event of the type) needed to take a candidate for an event
    gsr_weight: float = 1.0         # weight of a GSR example beside an own-corpus one (chosen with the GSR
                                    # folds and own dev: 0.2 -> 1.0 took GSR ASSAULT 0.51 -> 0.55, PROTEST
                                    # 0.43 -> 0.46, own dev type F1 0.536 -> 0.527)
    min_count: int = 2
    gsr_no_realis: tuple[str, ...] = ("ASSAULT",)   # GSR sets whose ``no`` candidates teach the realis
                                    # model "not actual" instead of teaching the type model "no event"
    gsr_no_weight: float = 0.3      # their weight there (see train_model; chosen on own dev and GSR folds)


NOT_ACTUAL = tuple(r for r in REALIS if r != "actual")


def train_model(own: list[Example], gsr_ex: list[Example], st: Settings, lex, clusters) -> EventModel:
    """The type model (an event of its type or not, own features only) and the realis model on the
    events (own and sentence features; a GSR ``yes`` is an actual event).

    A GSR ``no`` sentence says that no specific incident of its type *happened* there, not that its
    trigger is no event: the ASSAULT set's "no" lines hold attacks recalled, feared, planned or
    counted, which this project's guide labels as events with another realis. So for the sets in
    ``st.gsr_no_realis`` a candidate of a ``no`` sentence teaches the realis model a partial label,
    "some realis other than actual" (weight ``st.gsr_no_weight``), and is left out of the type model;
    for the others (PROTEST, whose "no" lines are mostly other senses of its triggers) it stays a "no
    event" of the type model."""
    weights = [1.0] * len(own) + [st.gsr_weight] * len(gsr_ex)
    both = own + gsr_ex
    realis_only = [n >= len(own) and y == "no" and t in st.gsr_no_realis for n, (_, _, y, t) in enumerate(both)]
    typed = [(x, w) for x, w, r in zip(both, weights, realis_only) if not r]
    types = fit([(loc, "no" if y == "no" else "yes") for (loc, _, y, _), _ in typed], classes=["no", "yes"],
                c=st.c, min_count=st.min_count, sample_weight=[w for _, w in typed])
    events: list[tuple[list[str], str | tuple[str, ...], float]] = [
        (loc + sent, y, w) for (loc, sent, y, _), w in zip(both, weights) if y != "no"]
    if st.gsr_no_weight > 0:
        events += [(loc + sent, NOT_ACTUAL, st.gsr_no_weight)
                   for (loc, sent, *_), r in zip(both, realis_only) if r]
    realis = fit([(f, y) for f, y, _ in events], classes=list(REALIS), c=st.realis_c, min_count=st.min_count,
                 sample_weight=[w for *_, w in events])
    for m in (types, realis):
        m.meta.update(threshold=st.threshold, c=st.c, realis_c=st.realis_c, gsr_weight=st.gsr_weight,
                      min_count=st.min_count, gsr_no_weight=st.gsr_no_weight, gsr_no_realis=list(st.gsr_no_realis))
    return EventModel(types, realis, st.threshold, lex, clusters)


def cross_validate(st: Settings, k: int = 5, own_split: str = "train") -> dict:
    """Sentence detection on the GSR dev half, k-fold by document, by the whole pipeline (an actual event
    of the type comes back from the events stage): each fold's model is trained on the other folds and
    on the own corpus' ``own_split``; the shipped role model assigns parties."""
    import copy

    from rasid.pipeline import DEFAULT_STAGES, Pipeline
    from rasid.stages.events import Events

    lex = candidate_lexicon()
    clusters = word_clusters()
    pipe = Pipeline.from_names(STAGES)
    before = Pipeline.from_names([s for s in DEFAULT_STAGES if s != "events"])
    own = own_examples(own_items(own_split, pipe), lex)
    items = {t: gsr_items(t, pipe) for t in gsr.SETS}
    ready = {t: [before(Article(raw=it.sentence.text, published=_published(it.sentence.doc))) for it in items[t]]
             for t in gsr.SETS}
    foldno = {t: gsr.folds([it.sentence for it in items[t]], k) for t in gsr.SETS}
    counts = {t: defaultdict(int) for t in gsr.SETS}
    for fold in range(k):
        train = []
        for t in gsr.SETS:
            train += gsr_examples([it for it, f in zip(items[t], foldno[t]) if f != fold], t, lex)
        stage = Events(model=train_model(own, train, st, lex, clusters))
        for t in gsr.SETS:
            for it, art, f in zip(items[t], ready[t], foldno[t]):
                if f == fold:
                    done = stage(copy.deepcopy(art))
                    pred = any(e.type == t and e.realis == "actual" for e in done.events)
                    gold = it.sentence.gold
                    counts[t]["tp" if pred and gold else "fp" if pred else "fn" if gold else "tn"] += 1
    return {t: prf(c["tp"], c["fp"], c["fn"]) for t, c in counts.items()}


MODEL_CARD = """# Event decision models (rasid/models/events/)

What they do: the lexicon proposes candidate triggers (rasid/events/candidates.py); the type
model (`event_type.json.gz`) scores every type a candidate's readings allow as an event or not,
from the candidate's own features, and rasid/events/decide.py takes the type that scores highest
when it reaches the threshold; the realis model (`realis.json.gz`) reads each decided event with
its whole sentence and says whether it is actual, negated, future, hypothetical, background or
generic. Both are logistic regressions over sparse string features (rasid/events/features.py),
trained by `make train` (`python -m rasid.train.events`).

Training data:
- rasid's own event corpus, TRAIN split only ({own_train} sentences): SaudiNewsNet articles
  (CC BY-NC-SA 4.0; text rebuilt from ../shared/data/corpus at training time, labels stored as
  references in rasid/train/data/events/, guide docs/EVENT_ANNOTATION.md);
- the development half of the Arabic PLOVER gold standard (openeventdata/arabic_event_gsr, MIT):
  ASSAULT and PROTEST sentence labels, all folds ({gsr_n} examples, weight {gsr_weight}); the
  candidates of {gsr_no_realis} "no" lines teach the realis model only, as "not actual" (a partial label,
  weight {gsr_no_weight}): those lines hold attacks recalled, feared or counted, which this project's
  guide labels as events of another realis.
The corpus licence (non-commercial, share-alike) applies to what is learned from it.

Candidates: the curated lexicon (rasid/lang/ar/lexicons/events.json) and {n_learned} trigger words
learned from the own TRAIN split (`triggers_learned.tsv`: words no curated trigger proposes that
were the first word of a gold trigger at least {min_trigger} times and in at least {min_share:.0%} of
their occurrences, with the type the annotators gave most; candidates for these models only, never
for the rule finder).

Settings: {settings}. Features kept: {n_features}.

Measured (figures from `rasid eval events`, on data the model was not trained on):
{scores}
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv", action="store_true", help="k-fold on the GSR dev half and print P/R/F1")
    ap.add_argument("-k", type=int, default=5)
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    args = ap.parse_args(argv)
    st = Settings()
    t0 = time.time()
    if args.cv:
        print(json.dumps(cross_validate(st, args.k), indent=1))
        print(f"{time.time() - t0:.0f} s", file=sys.stderr)
        return 0
    from rasid.pipeline import Pipeline

    pipe = Pipeline.from_names(STAGES)
    articles: dict = {}
    if args.out == MODEL_DIR:       # the learned trigger words first: the candidates trained on use them
        rows = learn_triggers(own_items("train", pipe, articles, event_lexicon()))
        write_learned_triggers(rows)
        candidate_lexicon.cache_clear()
        print(f"{len(rows)} trigger words learned", file=sys.stderr)
    lex = candidate_lexicon()
    own_tr = own_items("train", pipe, articles, lex)
    own = own_examples(own_tr, lex)
    gsr_ex = [x for t in gsr.SETS for x in gsr_examples(gsr_items(t, pipe), t, lex)]
    model = train_model(own, gsr_ex, st, lex, word_clusters())
    args.out.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    card = args.out / "MODEL_CARD.md"
    scores = card.read_text("utf-8").split("data the model was not trained on):", 1)[1].strip() \
        if card.exists() else "(run `rasid eval events` and copy its figures here)"
    card.write_text(MODEL_CARD.format(n_learned=len(learned_trigger_rows()), min_trigger=MIN_TRIGGER_COUNT,
                                      min_share=MIN_TRIGGER_SHARE, own_train=len(own_tr), gsr_n=len(gsr_ex), gsr_weight=st.gsr_weight,
                                      gsr_no_weight=st.gsr_no_weight, gsr_no_realis=", ".join(st.gsr_no_realis),
                                      settings=st, n_features=f"type model {len(model.types.weights)}, realis "
                                      f"model {len(model.realis.weights)}", scores=scores), "utf-8")
    print(f"wrote {args.out} ({len(model.types.weights)} + {len(model.realis.weights)} features) in "
          f"{time.time() - t0:.0f} s", file=sys.stderr)
    return 0


# --------------------------------------------------------------------------- scoring

def trigger_raw_span(article: Article, c: Candidate) -> tuple[int, int]:
    """The candidate trigger's span in the raw text (what the labels' offsets index)."""
    a, _ = article.raw_span(article.tokens[c.first].start, article.tokens[c.first].end)
    _, b = article.raw_span(article.tokens[c.last - 1].start, article.tokens[c.last - 1].end)
    return a, b


def _overlaps(a: int, b: int, span: dict | None) -> bool:
    return span is not None and span["start"] < b and a < span["end"]


class _Tally:
    """Predicted events matched to gold ones of one sentence at a time: a prediction matches the first
    unused gold event of its type whose trigger it overlaps. Counts per type, and realis on matches."""

    def __init__(self) -> None:
        self.per: defaultdict[str, defaultdict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.realis_ok = self.realis_n = 0

    def match(self, preds: list[tuple[str, int, int, str]], gold: list[dict]) -> list[tuple[int, dict | None]]:
        """``preds``: ``(type, raw start, raw end, realis)``; returns each prediction's gold event (or None)."""
        used: set[int] = set()
        out = []
        for n, (type_, a, b, realis) in enumerate(preds):
            hit = next((k for k, g in enumerate(gold) if k not in used and g["type"] == type_
                        and _overlaps(a, b, g["trigger"])), None)
            if hit is None:
                self.per[type_]["fp"] += 1
                out.append((n, None))
                continue
            used.add(hit)
            self.per[type_]["tp"] += 1
            self.realis_n += 1
            self.realis_ok += realis == gold[hit]["realis"]
            out.append((n, gold[hit]))
        for k, g in enumerate(gold):
            if k not in used:
                self.per[g["type"]]["fn"] += 1
        return out

    def scores(self) -> dict:
        tot: defaultdict[str, int] = defaultdict(int)
        for c in self.per.values():
            for k, v in c.items():
                tot[k] += v
        return {"type_micro": prf(tot["tp"], tot["fp"], tot["fn"]),
                "by_type": {t: prf(c["tp"], c["fp"], c["fn"]) for t, c in sorted(self.per.items())},
                "realis_accuracy": round(self.realis_ok / self.realis_n, 3) if self.realis_n else 0.0,
                "realis_n": self.realis_n}


def score_own(model: EventModel, items: list[OwnItem]) -> dict:
    """The decision models alone on labelled sentences: type P/R/F1 per type and micro, realis accuracy
    on matched events, and the gold events no candidate covers (lexicon gaps)."""
    tally, gaps = _Tally(), 0
    for it in items:
        spans = [trigger_raw_span(it.article, c) for c in it.cands]
        gaps += sum(1 for e in it.events if not any(_overlaps(a, b, e["trigger"]) for a, b in spans))
        tally.match([(d.type, *trigger_raw_span(it.article, d.candidate), d.realis)
                     for d in model.decide(it.article, it.cands)], it.events)
    return tally.scores() | {"gold_without_candidate": gaps}


def _party_ok(article: Article, ev, role: str, gold: dict | None) -> bool:
    """A predicted party of ``role`` is right when it overlaps the gold span (raw offsets), or when
    neither side has one."""
    parts = [p for p in ev.participants if p.role == role]
    if not parts:
        ids = ev.source if role == "source" else ev.target
        parts = [m for e in article.entities if e.id in ids for m in article.mentions if m.id in e.mentions]
    if gold is None:
        return not parts
    return any(_overlaps(*article.raw_span(p.start, p.end), gold) for p in parts)


def score_product(split: str = "test", pipe=None) -> dict:
    """The whole pipeline's events on the labelled sentences of one split of rasid's own corpus:
    type P/R/F1 (per type and micro; a predicted event matches a gold one of its type whose trigger
    it overlaps), full-event F1 (type, source and target right, direction included), realis accuracy
    on type-matched events. Every realis counts for type and full-event scores."""
    from rasid.pipeline import DEFAULT_STAGES, Pipeline
    from rasid.train import event_corpus

    pipe = pipe or Pipeline.from_names(DEFAULT_STAGES)
    articles: dict[str, Article] = {}
    tally = _Tally()
    n_gold = n_pred = full = 0          # full: events with type, source and target right
    for row, text, _, gold_events in event_corpus.gold(split):
        art = articles.get(row["url"])
        if art is None:
            art = articles[row["url"]] = pipe(Article(raw=text, published=row["file"][:10], url=row["url"]))
        preds = []
        for ev in art.events:
            s, e = ((ev.trigger_start, ev.trigger_end) if ev.trigger_start is not None
                    else (ev.evidence_start, ev.evidence_end))
            a, b = art.raw_span(s, e)
            if row["start"] <= a < row["end"]:
                preds.append((ev, a, b))
        n_gold += len(gold_events)
        n_pred += len(preds)
        for n, g in tally.match([(ev.type, a, b, ev.realis) for ev, a, b in preds], gold_events):
            ev = preds[n][0]
            full += g is not None and _party_ok(art, ev, "source", g["source"]) \
                and _party_ok(art, ev, "target", g["target"])
    return {"split": split} | tally.scores() | {"full_event": prf(full, n_pred - full, n_gold - full)}


def evaluate(split: str = "test", cv: bool = True, k: int = 5) -> dict:
    """What ``rasid eval events`` prints: the product on the own corpus' ``split`` and, with ``cv``,
    GSR dev-half sentence detection cross-validated by document (a model trained per fold)."""
    from rasid.train import participants_eval

    out = {"own": score_product(split)}
    out["roles"] = {"own": participants_eval.own(split)} | {
        f"gsr_{t}": participants_eval.gsr(t) for t in gsr.SETS}
    if cv:
        out["gsr_cv"] = cross_validate(Settings(), k)
    return out


if __name__ == "__main__":
    sys.exit(main())

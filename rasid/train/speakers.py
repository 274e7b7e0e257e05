"""Train and measure speaker finding (:mod:`rasid.quotes.speakers`) on rasid's quotation corpus.

    python -m rasid.train.speakers              # train on train, report dev, write the model
    python -m rasid.train.speakers --eval test  # the shipped model (and the rules) on the test split

Each labelled article runs through the pipeline up to the entities; the quote finder lists its
statements with their speaker options. A statement the finder found matches a gold statement when their
contents overlap; the option whose span overlaps the gold speaker's span (or that names the same entity,
or the same words) is the right one. Statements whose right speaker no option offers teach nothing.

Reported per split: gold statements, how many the finder found, how many got the right speaker (of
found, and of all gold: the issue's "speaker right for N% of statements"), statements found where
the annotators saw none, and the same with the hand-written rules' choice.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from functools import cache

from rasid.events.linear import fit_ranker
from rasid.quotes.speakers import MODEL_FILE, SpeakerModel, Statement, null_features, option_features

C = 0.3
MIN_COUNT = 2
NULL_BIAS = -0.5    # added to "nobody"'s score: chosen on dev (0, -0.5, -1: 39, 41, 41 speakers right; extra 4, 7, 7)


@cache
def _pipeline():
    from rasid.pipeline import Pipeline

    return Pipeline.from_names(["clean", "tokens", "sentences", "mentions", "entities", "places", "names"])


def _statements(art, model: SpeakerModel) -> list[Statement]:
    from rasid.lang.ar.speech import speech_lexicon
    from rasid.quotes.attribute import QuoteFinder, quote_words

    entity_of = {mid: e.id for e in art.entities for mid in e.mentions}
    finder = QuoteFinder(art, entity_of, speech_lexicon(), quote_words(), model=model)
    finder.find()
    return finder.statements


def articles(split: str):
    """``(article, text, rows, gold statements)`` per labelled article of ``split`` (first labels)."""
    from rasid.doc import Article
    from rasid.train.quote_corpus import gold

    by_url: dict[str, list] = defaultdict(list)
    texts = {}
    for row, text, _sent, sts in gold(split):
        by_url[row["url"]].append((row, sts))
        texts[row["url"]] = text
    for url in sorted(by_url):
        art = _pipeline()(Article(raw=texts[url]))
        rows = [r for r, _ in by_url[url]]
        yield art, texts[url], rows, [st for _, sts in by_url[url] for st in sts]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _entity_at(art, span: tuple[int, int]) -> set[str]:
    ent = {mid: e.id for e in art.entities for mid in e.mentions}
    out = set()
    for m in art.mentions:
        if m.id in ent and _overlap(art.raw_span(m.start, m.end), span):
            out.add(ent[m.id])
    return out


def right_options(art, text: str, st: Statement, gold_speaker: dict) -> list[int]:
    """The options of ``st`` that name the gold speaker: spans overlapping it first, then the same
    entity, then the same words."""
    from rasid.lang.ar.normalize import norm_key

    g = (gold_speaker["start"], gold_speaker["end"])
    spans = [art.raw_span(o.start, o.end) for o in st.options]
    first = [k for k, sp in enumerate(spans) if _overlap(sp, g)]
    ents = _entity_at(art, g)
    words = norm_key(text[g[0]:g[1]])
    second = [k for k, o in enumerate(st.options) if k not in first and o.entity is not None and o.entity in ents]
    third = [k for k, o in enumerate(st.options) if k not in first and k not in second and
             norm_key(o.text) == words]
    return first + second + third


def match(art, statements: list[Statement], gold_sts: list[dict], rows: list[dict]):
    """Pairs (gold statement, found statement or None), and the found statements in labelled sentences
    that match no gold statement. A found statement matches one gold statement whose content it
    overlaps; a gold statement with no cue (a content the sentence splitter cut from its cue, labelled
    in its own sentence by the guide) may also match a found statement already matched, when the found
    content runs on over it (across a ؛ or a «…» that spans sentences)."""
    spans = [(art.raw_span(s.start, s.end), art.raw_span(s.cue_start, s.cue_end)) for s in statements]
    used = set()
    pairs = []
    for g in gold_sts:
        gc = (g["content"]["start"], g["content"]["end"])
        k = next((k for k, (sp, _) in enumerate(spans) if k not in used and _overlap(sp, gc)), None)
        if k is None and g.get("cue") is None:
            k = next((k for k, (sp, _) in enumerate(spans) if _overlap(sp, gc)), None)
        if k is not None:
            used.add(k)
        pairs.append((g, statements[k] if k is not None else None))
    extra = [s for k, s in enumerate(statements) if k not in used and any(
        r["start"] <= spans[k][0][0] < r["end"] for r in rows)]
    return pairs, extra


def groups(split: str, model: SpeakerModel) -> list[tuple[list[list[str]], int, float]]:
    """For each statement found in a labelled sentence of ``split``: its options' features, "nobody"
    first, the index of the right one ("nobody" when the annotators saw no statement there or no
    speaker) and its weight."""
    out = []
    for art, text, rows, gold_sts in articles(split):
        pairs, extra = match(art, _statements(art, model), gold_sts, rows)
        for st in extra:
            out.append(([null_features(st.context)] + [option_features(o, st.context) for o in st.options], 0, 1.0))
        for g, st in pairs:
            if st is None:
                continue
            feats = [null_features(st.context)] + [option_features(o, st.context) for o in st.options]
            if g["speaker"] is None:
                out.append((feats, 0, 1.0))
                continue
            right = right_options(art, text, st, g["speaker"])
            if right:
                out.append((feats, right[0] + 1, 1.0))
    return out


def evaluate(split: str, model: SpeakerModel) -> dict:
    """Counts of the finder with ``model`` (and, beside it, the rules) on ``split``."""
    rules = SpeakerModel(None)
    n = Counter()
    for art, text, rows, gold_sts in articles(split):
        statements = _statements(art, model)
        pairs, extra = match(art, statements, gold_sts, rows)
        n["extra_found"] += len(extra)
        n["extra"] += sum(s.chosen is not None for s in extra)
        for g, st in pairs:
            n["gold"] += 1
            if g["speaker"] is None:
                n["gold_no_speaker"] += 1
                continue
            n["gold_" + g["speaker"]["kind"]] += 1
            if st is None:
                continue
            n["found"] += 1
            right = set(right_options(art, text, st, g["speaker"]))
            n["reachable"] += bool(right)
            if st.chosen is not None:
                n["answered"] += 1
                n["right"] += st.chosen in right
                n["right_" + g["speaker"]["kind"]] += st.chosen in right
            r = rules.choose(st.options, st.context)
            n["rules_right"] += r is not None and r in right
    g = n["gold"] - n["gold_no_speaker"]
    return {**n, "speaker_right_of_gold": round(n["right"] / g, 3) if g else 0.0,
            "speaker_right_of_found": round(n["right"] / n["found"], 3) if n["found"] else 0.0,
            "rules_right_of_gold": round(n["rules_right"] / g, 3) if g else 0.0}


def train(split: str = "train", c: float = C, null_bias: float = 0.0) -> SpeakerModel:
    gs = groups(split, SpeakerModel(None))
    model = fit_ranker([(f, k) for f, k, _ in gs], c=c, min_count=MIN_COUNT, sample_weight=[w for _, _, w in gs])
    model.meta.update({"trained_on": f"quotation corpus, {split} split", "groups": len(gs), "c": c,
                       "null_bias": null_bias})
    return SpeakerModel(model)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", choices=("train", "dev", "test"), help="measure the shipped model on a split")
    ap.add_argument("--c", type=float, default=C)
    ap.add_argument("--null-bias", type=float, default=NULL_BIAS)
    args = ap.parse_args(argv)
    if args.eval:
        print(json.dumps(evaluate(args.eval, SpeakerModel.load()), indent=1))
        return 0
    model = train(c=args.c, null_bias=args.null_bias)
    print("dev:", json.dumps(evaluate("dev", model)))
    MODEL_FILE.parent.mkdir(parents=True, exist_ok=True)
    model.model.save(MODEL_FILE)
    print(f"wrote {MODEL_FILE} ({model.model.meta['groups']} training statements)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

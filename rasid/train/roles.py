"""Train the learned role assignment (:mod:`rasid.events.roles`) on rasid's annotated event corpus.

    python -m rasid.train.roles            # train on the train split, print dev role accuracy, write the model

For every gold event of the train split (at its gold trigger, with its gold type), the options of
:func:`rasid.events.participants.role_options` are labelled: an option whose span overlaps the gold
source is the source, the gold target's the target. A ranker per role learns to put the right option
first, "nobody" when the gold role is empty; an event whose gold party no option covers teaches
nothing for that role. The dev split chooses the penalty; the test split is read only by
``rasid eval events``.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rasid.events.linear import LinearModel, fit_ranker
from rasid.events.participants import role_options
from rasid.events.roles import ROLE_FILE, ROLES, RoleModel, null_features, option_features

C = 0.3
MIN_COUNT = 2
# added to the score of "nobody" in each role: chosen on the own dev split by the whole pipeline's
# full-event F1 (null_bias 0, 0.25, 0.5, 1.0 -> 0.145, 0.150, 0.155, 0.147; role accuracy at gold
# triggers 0.487 -> 0.485 at 0.5): an empty role costs less than a wrong party
NULL_BIAS = 0.5
# an event whose roles both come out empty keeps its best-scoring option when that scores within this
# margin of "nobody" (the stage drops an event with no party): chosen on the own dev split by the whole
# pipeline (margin none, 0.5, 1.5, 3 -> type F1 0.514, 0.528, 0.537, 0.537; full-event F1 0.174, 0.172,
# 0.170, 0.169)
ONE_PARTY_MARGIN = 1.5


def groups(split: str) -> dict[str, list]:
    """Per role: (options' features, index of the right one) for each gold event of ``split``."""
    from rasid.train.participants_eval import gold_events, overlap

    out: dict[str, list] = {r: [] for r in ROLES}
    for art, si, first, last, trig, ev in gold_events(split):
        if si is None:
            continue
        opts = role_options(art, si, first, last, trig, ev["type"])
        feats = [null_features(opts)] + [option_features(opts, k) for k in range(len(opts.options))]
        spans = [None] + [art.raw_span(p.start, p.end) if (p := o.participant("x")).end > p.start else None
                          for o in opts.options]
        for role in ROLES:
            g = ev[role]
            if g is None:
                out[role].append((feats, 0))
                continue
            hit = next((k for k, sp in enumerate(spans) if k and sp and overlap(sp, (g["start"], g["end"]))),
                       None)
            if hit is not None:
                out[role].append((feats, hit))
    return out


def gsr_groups() -> dict[str, list]:
    """Per role, groups from the GSR dev half's span records (ASSAULT and PROTEST): at each candidate
    whose token a coder marked as the verb, the option sharing a word with that coder's source (target)
    is the right one; nobody when the coder left the role empty."""
    from rasid.doc import Article
    from rasid.events.candidates import candidates
    from rasid.train import gsr
    from rasid.train.participants_eval import _reading, pipeline

    out: dict[str, list] = {r: [] for r in ROLES}
    for type_ in gsr.SETS:
        for s in gsr.load(type_):
            if not s.spans:
                continue
            art = pipeline()(Article(raw=s.text))
            text = art.text
            for cand in candidates(art):
                words = {text[art.tokens[k].start:art.tokens[k].end] for k in range(cand.first, cand.last)}
                rec = next((r for r in s.spans if words & set(r.verb)), None)
                if rec is None:
                    continue
                trig, first, last = _reading(art, cand.first, cand.last, type_, [cand])
                opts = role_options(art, cand.sentence, first, last, trig, type_)
                feats = [null_features(opts)] + [option_features(opts, k) for k in range(len(opts.options))]
                owords = [None] + [set(o.participant("x").text.split()) for o in opts.options]
                for role, gold in (("source", rec.source), ("target", rec.target)):
                    if not gold:
                        out[role].append((feats, 0))
                        continue
                    hit = next((k for k, w in enumerate(owords) if k and w & set(gold)), None)
                    if hit is not None:
                        out[role].append((feats, hit))
    return out


MIN_HEAD = 3       # a head word learned as an actor word when the train split has it this often


def learn_actor_nouns(split: str = "train", min_count: int = MIN_HEAD) -> list[tuple[str, str, int]]:
    """Head words of the descriptive parties of ``split`` that the curated actor lexicons lack:
    ``(stem, most frequent sector or "None", count)``, seen at least ``min_count`` times."""
    from collections import Counter, defaultdict

    from rasid.events.participants import actor_lexicon, is_quantity_word, learned_actor_rows
    from rasid.train.participants_eval import gold_events

    heads: dict[str, Counter] = defaultdict(Counter)
    for art, si, first, last, trig, ev in gold_events(split):
        if si is None:
            continue
        for role in ROLES:
            g = ev[role]
            if not g or g["kind"] != "descriptive":
                continue
            cs = art.alignment.to_clean(g["start"])
            if cs is None:
                continue
            tok = art.tokens[art.token_index().at(cs)]
            if tok.kind == "word" and len(tok.stem) >= 3 and not is_quantity_word(tok.stem):
                heads[tok.stem][g.get("sector") or "None"] += 1
    curated = actor_lexicon()
    learned = {w for w, *_ in learned_actor_rows()}
    out = []
    for stem, sectors in sorted(heads.items()):
        n = sum(sectors.values())
        if n < min_count or (curated.may_start(stem) and stem not in learned):
            continue
        named = [(c, s) for s, c in sectors.items() if s != "None"]
        out.append((stem, max(named)[1] if named else "None", n))
    return out


def write_actor_nouns(rows: list[tuple[str, str, int]], path: Path) -> None:
    lines = ["# Actor words learned from rasid's annotated event corpus (TRAIN split; SaudiNewsNet, CC BY-NC-SA",
             "# 4.0): the first word of descriptive event parties that the curated lexicons lack, seen at least",
             f"# {MIN_HEAD} times, with the sector the annotators gave most. Written by python -m rasid.train.roles.",
             "# Columns: stem, sector, count"]
    path.write_text("\n".join(lines + [f"{w}\t{s}\t{n}" for w, s, n in rows]) + "\n", "utf-8")


def train(split: str = "train", c: float = C, with_gsr: bool = False) -> RoleModel:
    g = groups(split)
    if with_gsr:
        for r, extra in gsr_groups().items():
            g[r] = g[r] + extra
    rankers = {r: fit_ranker(g[r], c=c, min_count=MIN_COUNT) for r in ROLES}
    # each ranker's weights taken once (LinearModel.weights builds its dict on every call)
    by_role = {r: rankers[r].weights for r in ROLES}
    feats = sorted(set(by_role["source"]) | set(by_role["target"]))
    weights = {f: [float(by_role[r][f][0]) if f in by_role[r] else 0.0 for r in ROLES] for f in feats}
    return RoleModel(LinearModel(list(ROLES), [0.0, 0.0], weights,
                                 {"c": c, "min_count": MIN_COUNT, "null_bias": NULL_BIAS,
                                  "one_party_margin": ONE_PARTY_MARGIN,
                                  "train_events": {r: len(g[r]) for r in ROLES}}))


def main(argv: list[str] | None = None) -> int:
    from rasid.events.decide import MODEL_DIR
    from rasid.train.participants_eval import own

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("-c", type=float, default=C)
    ap.add_argument("--gsr", action="store_true", help="also learn from the GSR dev half's span records")
    a = ap.parse_args(argv)
    from rasid.events.participants import LEARNED_NOUNS, actor_lexicon

    if a.out == MODEL_DIR:          # the actor words first: the options the rankers learn from use them
        nouns = learn_actor_nouns("train")
        write_actor_nouns(nouns, LEARNED_NOUNS)
        actor_lexicon.cache_clear()
        print(f"{len(nouns)} actor words learned", file=sys.stderr)
    model = train("train", a.c, a.gsr)
    dev = own("dev", assign=model.assign)
    model.model.meta["dev"] = {k: round(v, 3) for k, v in dev.items() if isinstance(v, float)}
    print("own dev:", ", ".join(f"{k} {v:.3f}" for k, v in dev.items() if isinstance(v, float)))
    model.model.save(a.out / ROLE_FILE)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Train the actor-evidence model: whether a name no lexicon vouches for becomes a registry actor.

    python -m rasid.train.actor_evidence            # train on TRAIN, choose on DEV, write the model
    python -m rasid.train.actor_evidence --eval test   # figures on TEST (read only for the model card)

Data: the labelled candidates of rasid.train.actor_corpus (docs/ACTOR_ANNOTATION.md): "junk" is the
negative class, "actor" and "span" (a real actor whose name is cut wrong) the positive one
("somebody"). Features: rasid.store.evidence.evidence_features. A logistic regression
(rasid.events.linear.fit); its L2 strength and the probability above which a candidate is admitted
are chosen by 5-fold cross-validation over TRAIN and DEV (folds by article), where a junk actor
admitted costs three times a real one refused (the registry's junk is what users met; a refused
name stays in its article, unregistered); the model is then fitted on TRAIN and DEV. TEST is read only
by ``--eval test``, for the model card.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rasid.store.evidence import MODEL_FILE, evidence_features, never_an_actor, rule_evidence
from rasid.train.actor_corpus import _pipeline, candidates, labels, load_sample
from rasid.train.event_corpus import _by_url

JUNK_COST = 3.0
CS = (0.1, 0.3, 1.0)
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(2, 19))


def examples(split: str | None = None) -> list[tuple[list[str], str, bool, dict]]:
    """``(features, "junk" | "somebody", the hand rules' verdict, sample row)`` of each labelled
    candidate of ``split`` (all splits when None); the row's ``never`` says whether the hand-written
    exclusions rule it out (then the model is not asked)."""
    from rasid.ingest.records import article_from_record

    lab = labels()
    rows = [r for r in load_sample() if r["cid"] in lab and (split is None or r["split"] == split)]
    pipe = _pipeline()
    out = []
    by_url: dict[str, list[dict]] = {}
    for r in rows:
        by_url.setdefault((r["file"], r["url"]), []).append(r)
    for (file, url), rs in by_url.items():
        art = pipe(article_from_record(_by_url(file)[url], "corpus", "json"))
        found = {art.raw_span(m.start, m.end): e for e, m in candidates(art)}
        for r in rs:
            e = found.get((r["start"], r["end"]))
            if e is None:               # the pipeline no longer proposes it: not a candidate now
                continue
            y = "junk" if lab[r["cid"]]["label"] == "junk" else "somebody"
            out.append((evidence_features(e, art), y, bool(rule_evidence(e, art)), r | {"never": never_an_actor(e)}))
    return out


def score(decisions: list[bool], gold: list[str]) -> dict:
    """Of the candidates admitted: how many, how many junk; of the real ones, how many refused."""
    admitted = [g for d, g in zip(decisions, gold) if d]
    junk_in = sum(g == "junk" for g in admitted)
    real = sum(g == "somebody" for g in gold)
    real_in = len(admitted) - junk_in
    return {"candidates": len(gold), "junk": sum(g == "junk" for g in gold), "admitted": len(admitted),
            "junk_admitted": junk_in, "junk_share_admitted": round(junk_in / max(1, len(admitted)), 3),
            "real_refused": real - real_in, "real_recall": round(real_in / max(1, real), 3),
            "junk_caught": round(1 - junk_in / max(1, sum(g == "junk" for g in gold)), 3),
            "cost": junk_in * JUNK_COST + (real - real_in)}


def cross_validated(ex, c: float, folds: int = 5) -> list[float]:
    """Each example's probability of "somebody" from a model fitted on the other folds (by article)."""
    import hashlib

    from rasid.events.linear import fit

    fold = {r["url"]: int(hashlib.sha1(r["url"].encode()).hexdigest()[:6], 16) % folds for *_, r in ex}
    probs = [0.0] * len(ex)
    for k in range(folds):
        model = fit([(f, y) for f, y, _, r in ex if fold[r["url"]] != k], c=c, min_count=2)
        for i, (f, _, _, r) in enumerate(ex):
            if fold[r["url"]] == k:
                probs[i] = model.proba(f).get("somebody", 0.0)
    return probs


def train(ex):
    from rasid.events.linear import fit

    gold = [y for _, y, _, _ in ex]
    best = None
    for c in CS:
        probs = cross_validated(ex, c)
        for th in THRESHOLDS:
            s = score([p >= th and not r["never"] for p, (_, _, _, r) in zip(probs, ex)], gold)
            if best is None or s["cost"] < best[0]:
                best = (s["cost"], c, th, s)
    _, c, th, cv_score = best
    model = fit([(f, y) for f, y, _, _ in ex], c=c, min_count=2)
    model.meta.update({"threshold": th, "c": c, "cross_validated": cv_score, "train_examples": len(ex),
                       "rules_cross_validated": score([r for _, _, r, _ in ex], gold)})
    return model


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", choices=("dev", "test"), default=None, help="only score the shipped model")
    ap.add_argument("--out", type=Path, default=MODEL_FILE)
    args = ap.parse_args(argv)
    if args.eval:
        from rasid.events.linear import LinearModel

        model = LinearModel.load(args.out)
        ex = examples(args.eval)
        gold = [y for _, y, _, _ in ex]
        th = model.meta["threshold"]
        report = {"split": args.eval,
                  "model": score([not r["never"] and model.proba(f).get("somebody", 0.0) >= th
                                  for f, _, _, r in ex], gold),
                  "rules": score([r for _, _, r, _ in ex], gold),
                  "admit_all": score([True] * len(ex), gold)}
        print(json.dumps(report, indent=1))
        return 0
    ex = examples("train") + examples("dev")
    if not ex:
        print("actor_evidence: no labelled candidates (rasid/train/data/actors/labels/)", file=sys.stderr)
        return 1
    model = train(ex)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    print(json.dumps({k: model.meta[k] for k in ("threshold", "c", "train_examples", "cross_validated",
                                                 "rules_cross_validated")}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""conlleval-style span evaluation: exact span and type, per type and micro P/R/F1.

Chunks follow conlleval's rules: a chunk starts at B-X, at I-X after O or after a tag
of another type (an I- without a B- opens a chunk), and ends when the next tag does not
continue it.  A predicted chunk counts as correct when a gold chunk has the same start,
end and type.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence


def _split(tag: str) -> tuple[str, str]:
    if tag == "O" or not tag:
        return "O", ""
    p, _, t = tag.partition("-")
    if not t:  # a bare type, e.g. "PER"
        return "I", p
    return p, t


def chunks(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end_exclusive, type) spans under conlleval rules (IOB1/IOB2; E-/S- also read)."""
    out = []
    start, typ = None, ""
    prev_p = "O"
    for i, tag in enumerate(list(tags) + ["O"]):
        p, t = _split(tag)
        # end of current chunk?
        if start is not None:
            end = (p in ("O", "B", "S") or t != typ or prev_p in ("E", "S"))
            if end:
                out.append((start, i, typ))
                start = None
        # start of a new chunk?
        if p != "O" and start is None:
            start, typ = i, t
        prev_p = p
    return out


@dataclass
class Score:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "pred": self.n_pred, "gold": self.n_gold}


def evaluate(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]],
             types: Iterable[str] | None = None) -> dict[str, Score]:
    """Score predicted tag sequences against gold ones (lists of sentences).

    Returns {type: Score, ..., "micro": Score}.  ``types`` restricts the micro average
    (and the per-type entries) to those types, e.g. ("PER", "LOC", "ORG").
    """
    keep = set(types) if types is not None else None
    tp, np_, ng = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred, strict=True):
        if len(g) != len(p):
            raise ValueError(f"sentence length mismatch: {len(g)} gold vs {len(p)} predicted tags")
        gc, pc = set(chunks(g)), set(chunks(p))
        for c in gc:
            ng[c[2]] += 1
        for c in pc:
            np_[c[2]] += 1
        for c in gc & pc:
            tp[c[2]] += 1
    all_types = sorted(set(ng) | set(np_))
    if keep is not None:
        all_types = [t for t in all_types if t in keep]
    res = {t: Score(tp[t], np_[t], ng[t]) for t in all_types}
    res["micro"] = Score(sum(s.tp for s in res.values()), sum(s.n_pred for s in res.values()),
                         sum(s.n_gold for s in res.values()))
    return res


def report(scores: dict[str, Score]) -> str:
    """A small conlleval-like table."""
    lines = [f"{'type':<6} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6} {'pred':>6}"]
    for t, s in scores.items():
        lines.append(f"{t:<6} {100*s.precision:7.2f} {100*s.recall:7.2f} {100*s.f1:7.2f} {s.n_gold:6d} {s.n_pred:6d}")
    return "\n".join(lines)

"""The shipped list of everyday words (built by ``python -m rasid.train.everyday``): words that in
this corpus are almost never a name. ``everyday_words()`` loads it once per process."""
from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "ner"

__all__ = ["everyday_words"]


@cache
def everyday_words() -> frozenset[str]:
    """norm_key forms of the everyday words; empty when the file is not built."""
    path = MODEL_DIR / "everyday.txt.gz"
    if not path.is_file():
        return frozenset()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return frozenset(line for line in f.read().split("\n") if line)

"""How common a word is in the corpus: the rank of its norm key among the corpus's commonest words.

The list is the NER model's ``common_words.txt.gz`` (SaudiNewsNet's 60,000 commonest words as
written, built by ``make train``: rasid.train.common_words). It decides what the letters alone
cannot: whether كردستان is ك + ردستان (no: ردستان is no word) and whether والعنزي inside a name is
و + العنزي (yes: العنزي is a word of its own, commoner than والعنزي).
"""
from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

from rasid.lang.ar.normalize import norm_key

__all__ = ["word_ranks", "commoner_part"]

WORDS_FILE = Path(__file__).resolve().parents[2] / "models" / "ner" / "common_words.txt.gz"


@lru_cache(maxsize=1)
def word_ranks() -> dict[str, int] | None:
    """norm key -> rank (0 = commonest) of the corpus's commonest words; None without the file."""
    if not WORDS_FILE.is_file():
        return None
    with gzip.open(WORDS_FILE, "rt", encoding="utf-8") as f:
        ranks: dict[str, int] = {}
        for i, w in enumerate(f.read().split("\n")):
            if w:
                ranks.setdefault(norm_key(w), i)
    return ranks


def commoner_part(part: str, whole: str, ranks: dict[str, int]) -> bool:
    """``part`` (a norm key) is one of the commonest words and commoner than ``whole``, which holds
    it after a clitic (مصر in كمصر، العنزي in والعنزي)."""
    r = ranks.get(part)
    if r is None:
        return False
    w = ranks.get(whole)
    return w is None or r < w

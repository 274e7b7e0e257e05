"""The words around a candidate date in the normalised shadow: the readings' ambiguity rules look at them."""
from __future__ import annotations

import re

from rasid.lang.ar.tokenize import split_clitics

__all__ = ["prefix", "prev_words", "next_word", "is_future"]

_SENT_END = re.compile(r"[.!?؟\n]")
_WORD = re.compile(r"\w+")


def prefix(N: str, s: int) -> str:
    """The letters of the same word right before ``s``."""
    ws = s
    while ws > 0 and N[ws - 1].isalnum():
        ws -= 1
    return N[ws:s]


def prev_words(N: str, s: int, k: int = 1) -> list[str]:
    """Up to ``k`` words before ``s`` (nearest last), not crossing a sentence end."""
    lo = max(0, s - 80)
    seg = N[lo:s]
    m = None
    for m in _SENT_END.finditer(seg):
        pass
    if m is not None:
        seg = seg[m.end():]
    return _WORD.findall(seg)[-k:]


def next_word(N: str, e: int) -> str:
    """The word right after ``e`` (after spaces), or ""."""
    m = _WORD.match(N, e + len(N[e:]) - len(N[e:].lstrip(" \t\u00a0")))
    return m.group(0) if m else ""


def is_future(N: str, s: int, cues) -> bool:
    """Does the sentence put ``s`` in the future: one of the 12 words before it is one of ``cues``
    or carries the future prefix سـ?"""
    for w in prev_words(N, s, 12):
        if w in cues:
            return True
        if len(w) >= 4:
            # the future prefix سـ before an imperfect ي/ن (ت- stems are too often foreign words: ستايت)
            pieces = split_clitics(w)
            for a, b in zip(pieces, pieces[1:]):
                if a[2] == "س" and a[3] == "proclitic" and b[2][:1] in ("ي", "ن"):
                    return True
    return False

"""The normalised shadow of a text, which the date patterns are matched against, and its map back.

The shadow is ``text.translate(NORM_TABLE)`` (:func:`rasid.lang.ar.normalize.norm_key`
character by character: hamza forms of alef -> ا, ى -> ي, ة -> ه, no diacritics or
tatweel, Arabic-Indic digits -> ASCII), so patterns are written once over plain
keys; the map back turns every shadow position into a position of the text as
written.

NORM_TABLE maps a character to nothing or to one character that it leaves alone,
so the shadow is the text with some characters replaced one for one and some
deleted. The common replacements go through str.replace (fast), the rest through
one regex; the positions of deleted characters give the map back.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from rasid.lang.ar.normalize import NORM_TABLE

__all__ = ["shadow", "to_text", "normalize"]

_DELETED = "".join(sorted(chr(k) for k, v in NORM_TABLE.items() if v is None))
_COMMON = tuple((c, NORM_TABLE[ord(c)]) for c in "ةأإىئؤآ")
_RARE = "".join(sorted(chr(k) for k, v in NORM_TABLE.items() if v is not None and chr(k) not in dict(_COMMON)))
_DELETED_RX = re.compile("[" + re.escape(_DELETED) + "]")
_RARE_RX = re.compile("[" + re.escape(_RARE) + "]")


def _rare(m: re.Match) -> str:
    return NORM_TABLE[ord(m.group())]


def shadow(text: str) -> tuple[str, list[int] | None]:
    """``text.translate(NORM_TABLE)`` and, when characters were deleted, the sorted shadow
    positions at which they were (see :func:`to_text`); None when none was."""
    n = text
    for a, b in _COMMON:
        n = n.replace(a, b)
    if _RARE_RX.search(n):
        n = _RARE_RX.sub(_rare, n)
    if not _DELETED_RX.search(n):
        return n, None
    gaps = [m.start() - j for j, m in enumerate(_DELETED_RX.finditer(text))]
    return _DELETED_RX.sub("", n), gaps


def to_text(gaps: list[int] | None, s: int) -> int:
    """The text position of shadow position ``s`` (``gaps`` from :func:`shadow`)."""
    return s if gaps is None else s + bisect_right(gaps, s)


def normalize(text: str) -> tuple[str, list[int] | None]:
    """The normalised shadow of ``text`` and its map back (None: identity)."""
    n, gaps = shadow(text)
    if gaps is None:
        return n, None
    return n, [to_text(gaps, s) for s in range(len(n))]

"""Token helpers kept for callers not yet moved to ``Token`` and ``Article.token_index()``.

Offices moved to :mod:`rasid.entities.offices`. Each function here is a pure
function of its arguments (no per-article state is kept):

* ``stem_key(tok)`` is ``tok.stem``; ``has_conjunction(tok)`` is ``tok.conj``;
* ``token_keys(tokens)`` / ``token_starts(tokens)`` are the stems / start offsets
  of a token list (made on each call: an article's are in ``article.token_index()``);
* ``token_at`` / ``token_index`` bisect the token list by start offset.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter

from rasid.doc.layers import Token

_START = attrgetter("start")


def stem_key(tok: Token) -> str:
    """The token's key without proclitics (an elided article restored): ``tok.stem``."""
    return tok.stem


def has_conjunction(tok: Token) -> bool:
    """The token starts with the conjunction و or ف: ``tok.conj``."""
    return tok.conj


def token_keys(tokens: list[Token]) -> list[str]:
    """``tok.stem`` of every token (``article.token_index().stems`` holds an article's)."""
    return [t.stem for t in tokens]


def token_starts(tokens: list[Token]) -> list[int]:
    """Token start offsets (``article.token_index().starts`` holds an article's)."""
    return [t.start for t in tokens]


def token_at(tokens: list[Token], offset: int) -> int:
    """Index of the token holding character ``offset`` (or the last one starting before it)."""
    return max(bisect_right(tokens, offset, key=_START) - 1, 0)


def token_index(tokens: list[Token], offset: int) -> int:
    """Index of the first token starting at or after ``offset``."""
    return bisect_left(tokens, offset, key=_START)

"""Per-article lookups over the tokens, computed once per article (never kept in module globals).

    idx = article.token_index()      # cached on the article while its token list is the same
    idx.starts[i], idx.stems[i]      # start offset and stem key of token i
    idx.at(offset)                   # the token holding a character offset
    idx.index(offset)                # the first token starting at or after an offset

    sents = article.sentence_index() # the same for the sentences
    sents.at(offset)                 # the sentence holding an offset, or -1
    sents.before(offset)             # the last sentence starting at or before it (0 if none)
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from rasid.doc.layers import Token

__all__ = ["TokenIndex", "SentenceIndex"]


class TokenIndex:
    """Start offsets, end offsets and stem keys of a token list, with bisection helpers."""

    __slots__ = ("tokens", "starts", "ends", "stems")

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.starts = [t.start for t in tokens]
        self.ends = [t.end for t in tokens]
        self.stems = [t.stem for t in tokens]

    def at(self, offset: int) -> int:
        """Index of the token holding character ``offset`` (or the last one starting before it)."""
        return max(bisect_right(self.starts, offset) - 1, 0)

    def index(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Token range ``[i, j)`` of the tokens that start inside ``[start, end)``."""
        return bisect_left(self.starts, start), bisect_left(self.starts, end)

    def fresh(self, tokens: list[Token]) -> bool:
        """True while this index still describes ``tokens`` (same list, same length)."""
        return tokens is self.tokens and len(tokens) == len(self.starts)


class SentenceIndex:
    """Start offsets of a sentence list, with the lookups the stages make (one place for
    "which sentence holds this offset")."""

    __slots__ = ("sentences", "starts")

    def __init__(self, sentences: list) -> None:
        self.sentences = sentences
        self.starts = [s.start for s in sentences]

    def at(self, offset: int) -> int:
        """Index of the sentence holding character ``offset``; -1 when none does (between sentences)."""
        i = bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset < self.sentences[i].end else -1

    def before(self, offset: int) -> int:
        """Index of the last sentence starting at or before ``offset`` (0 when none does)."""
        return max(bisect_right(self.starts, offset) - 1, 0)

    def fresh(self, sentences: list) -> bool:
        return sentences is self.sentences and len(sentences) == len(self.starts)

"""Bounded memos for pure functions asked the same question article after article.

    @memo(100_000)
    def word_country(key: str) -> str | None: ...

The answers are kept in a plain dict (cheaper than an LRU's bookkeeping on the
hot path) that is emptied when it holds ``limit`` entries, so memory stays flat
however long the process runs. Only for functions whose answer depends on the
arguments alone (and on data loaded once).
"""
from __future__ import annotations

import functools
import inspect
from typing import Callable, TypeVar

T = TypeVar("T")


def memo(limit: int) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Keep ``fn``'s answers per positional arguments (keyword arguments, when given, join the key).
    A function of one argument is keyed by the argument itself (the hot case: no tuple made)."""
    def wrap(fn: Callable[..., T]) -> Callable[..., T]:
        kept: dict = {}
        params = inspect.signature(fn).parameters.values()
        one = len(params) == 1 and next(iter(params)).kind is inspect.Parameter.POSITIONAL_OR_KEYWORD

        if one:
            def cached(arg):
                try:
                    return kept[arg]
                except KeyError:
                    pass
                if len(kept) >= limit:
                    kept.clear()
                answer = kept[arg] = fn(arg)
                return answer
        else:
            def cached(*args, **kw):
                key = (args, tuple(sorted(kw.items()))) if kw else args
                try:
                    return kept[key]
                except KeyError:
                    pass
                if len(kept) >= limit:
                    kept.clear()
                answer = kept[key] = fn(*args, **kw)
                return answer

        functools.update_wrapper(cached, fn)
        cached.kept = kept          # for tests and inspection
        return cached
    return wrap


class FormMemo:
    """Values decided by a word token's written form: its norm and its clitic pieces. Kept by norm and
    checked against the token's pieces (which the tokenizer shares between tokens of one form, so mostly
    by identity: no tuple is hashed; a token given its words by hand has pieces of its own); emptied
    when it holds ``limit`` entries.

        forms = FormMemo()
        readings = forms.get(token, lexicon.token_readings)
    """

    __slots__ = ("_kept", "_limit")

    def __init__(self, limit: int = 100_000) -> None:
        self._kept: dict[str, tuple] = {}
        self._limit = limit

    def get(self, tok, make: Callable[..., T]) -> T:
        """``make(tok)``, computed once per written form."""
        pieces = tok.pieces
        hit = self._kept.get(tok.norm)
        if hit is None or (hit[0] is not pieces and hit[0] != pieces):
            if len(self._kept) >= self._limit:
                self._kept.clear()
            hit = self._kept[tok.norm] = (pieces, make(tok))
        return hit[1]

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

"""Where a date pattern's match can start, so that each pattern is tried only there.

Trying every pattern over the whole text is slow; most texts hold few date
words. :class:`Prefilter` scans the normalised shadow once, word chunk by word
chunk, for the words and digit runs a pattern can start with (its
:class:`rasid.dates.patterns.Spec`), and :meth:`Prefilter.matches` then gives
the same matches as ``finditer`` of every pattern, trying each only at those
positions. The events of a chunk are cached: the same chunks come back in every
article.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rasid.dates.patterns import Patterns, patterns

__all__ = ["Prefilter", "prefilter", "matches_everywhere"]

_WORD_CHAR = re.compile(r"\w")
_CHUNKS_MAX = 50_000


def _trie(words) -> str:
    """A regex matching any of ``words``, as a trie (one branch per first letter, longer words first)."""
    tree: dict = {}
    for w in words:
        node = tree
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(c) + emit(node[c]) for c in sorted(node) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return emit(tree)


def _before_sep(w: str, b: int) -> bool:
    """May ``/ - .`` follow position ``b`` of the chunk ``w`` after spaces (other than a newline)?"""
    while b < len(w) and w[b].isspace() and w[b] != "\n":
        b += 1
    return b == len(w) or w[b] in "/-."


class Prefilter:
    """The scanner of the patterns' start words and the cache of what it found per chunk.

    ``words``: every head word and tag word -> (the (pattern index, needs a word end)
    it starts, the tags it gives); ``scan``: a regex finding them and digit runs.
    Chunk events are cached in two generations: when the current one is full it
    becomes the old one (the older is dropped), and a chunk found in the old one
    moves back.
    """

    def __init__(self, P: Patterns) -> None:
        self.patterns = P
        starts: dict[str, list[tuple[int, bool]]] = {}
        for k, spec in enumerate(P.specs):
            for w in spec.heads:
                starts.setdefault(w, []).append((k, True))
            for w in spec.loose:
                starts.setdefault(w, []).append((k, False))
        tags: dict[str, list[str]] = {}
        for tag, words in P.tags.items():
            for w in words:
                tags.setdefault(w, []).append(tag)
        self.words = {w: (tuple(starts.get(w, ())), tuple(tags.get(w, ()))) for w in starts.keys() | tags.keys()}
        self.scan = re.compile(r"(?P<n>\d+)|" + _trie(self.words))
        self.short_ids = frozenset(k for k, spec in enumerate(P.specs) if spec.digits == "short")
        self.sep_ids = frozenset(k for k, spec in enumerate(P.specs) if spec.digits == "sep")
        self.year_ids = frozenset(k for k, spec in enumerate(P.specs) if spec.digits == "year")
        self._chunks: dict[str, tuple] = {}
        self._chunks_old: dict[str, tuple] = {}

    def chunk_events(self, w: str) -> tuple:
        """Where patterns may start in ``w`` (a chunk of the shadow between spaces):
        ``((offset, pattern indices) ..., tags)``, or ``()`` when nowhere."""
        at: dict[int, set[int]] = {}
        tags: set[str] = set()
        pos = 0
        while (m := self.scan.search(w, pos)) is not None:
            a, b = m.span()
            if m.lastgroup == "n":          # a digit run: a number ends it
                ids = self.short_ids | self.sep_ids if _before_sep(w, b) else self.short_ids
                for p in (b - 2, b - 1):
                    if p >= a:
                        at.setdefault(p, set()).update(ids)
                if b - 4 >= a:
                    at.setdefault(b - 4, set()).update(self.year_ids)
                    tags.add("digits4")
                pos = b
                continue
            found = m.group()               # the longest word here: the others here are its prefixes
            for i in range(1, len(found) + 1):
                info = self.words.get(found[:i])
                if info is None:
                    continue
                bounded = _WORD_CHAR.match(w, a + i) is None
                for k, needs_bound in info[0]:
                    if bounded or not needs_bound:
                        at.setdefault(a, set()).add(k)
                if bounded:
                    tags.update(info[1])
            pos = a + 1
        events = tuple((p, tuple(sorted(ks))) for p, ks in sorted(at.items()) if ks)
        return (events, frozenset(tags)) if events or tags else ()

    def _chunk_miss(self, w: str) -> tuple:
        """The events of a chunk not in the current generation (see :meth:`chunk_events`)."""
        ev = self._chunks_old.get(w)
        if ev is None:
            ev = self.chunk_events(w)
        if len(self._chunks) >= _CHUNKS_MAX:
            self._chunks_old, self._chunks = self._chunks, {}
        self._chunks[w] = ev
        return ev

    def starts(self, N: str) -> tuple[list[list[int]], set[str]]:
        """For each pattern, the shadow positions where a match may start (in order); and the tags of ``N``."""
        starts: list[list[int]] = [[] for _ in self.patterns.patterns]
        tags: set[str] = set()
        cache = self._chunks
        miss = self._chunk_miss
        off = 0
        for w in N.split(" "):
            ev = cache.get(w)
            if ev is None:
                ev = miss(w)
            if ev:
                for p, ks in ev[0]:
                    p += off
                    for k in ks:
                        starts[k].append(p)
                tags |= ev[1]
            off += len(w) + 1
        return starts, tags

    def matches(self, N: str):
        """``(kind, regex, match)`` of every pattern in turn, each pattern's matches as ``finditer`` gives
        them: the pattern is matched only where one can start, which gives the same matches."""
        starts, tags = self.starts(N)
        P = self.patterns
        for (kind, rx), spec, cands in zip(P.patterns, P.specs, starts):
            if spec.needs and spec.needs not in tags:
                continue
            if spec.plain:
                for m in rx.finditer(N):
                    yield kind, rx, m
                continue
            nxt = 0
            for p in cands:
                if p >= nxt:
                    m = rx.match(N, p)
                    if m is not None:
                        yield kind, rx, m
                        nxt = m.end()


def matches_everywhere(P: Patterns, N: str):
    """What :meth:`Prefilter.matches` gives, the slow way (every pattern over the whole text); for tests."""
    for kind, rx in P.patterns:
        for m in rx.finditer(N):
            yield kind, rx, m


@lru_cache(maxsize=1)
def prefilter() -> Prefilter:
    """The prefilter of :func:`rasid.dates.patterns.patterns`, built once (its chunk cache lives with it)."""
    return Prefilter(patterns())

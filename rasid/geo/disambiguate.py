"""Pick the place a name refers to, using the countries an article talks about.

    ctx = context_from_text(article.text)       # Counter({"LBY": 3, "TUN": 1})
    resolve("طرابلس", ctx)                        # Tripoli, Libya
    resolve("طرابلس", Counter({"LBN": 2}))        # Tripoli, Lebanon

Score of a candidate (highest wins; ties by geonameid):

* ``0.5 * log10(population + 1000)``                -- a prior for well-known places;
* ``+ 2.0 * n(country) / max n``                    -- the article's country context;
* ``+ 0.8`` for a national capital, ``+ 1.5`` for the country itself
  (a country name beats its same-named capital: تونس, الكويت, الجزائر);
* ``- 0.3`` for a first-level region (the city of the same name comes first), ``+ 1.0`` when a
  region word heads the name ("محافظة البصرة");
* ``+ 3.0`` for a capital after "العاصمة";  a nisba beside the name
  ("العاصمة الليبية طرابلس", "صعدة اليمنية") keeps only that country's places.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace

from rasid.doc.layers import Place
from rasid.geo.gazetteer import Gazetteer, PlaceCandidate
from rasid.geo.names import proclitic_forms, toggle_al
from rasid.lang.ar.normalize import norm_key
from rasid.memo import memo

__all__ = ["resolve", "resolve_place", "rank", "context_from_text"]

W_CONTEXT = 2.0
W_CAPITAL = 0.8
W_COUNTRY = 1.5
W_CAPITAL_HINT = 3.0
W_REGION = -0.3           # a region yields to a city of the same name (البصرة: the city) ...
W_REGION_HINT = 1.0       # ... unless a region word heads the name (محافظة البصرة)
SMALL = 50_000


def rank(name: str, context: Counter | dict | None = None,
         gazetteer: Gazetteer | None = None) -> list[PlaceCandidate]:
    """All candidates for ``name``, best first, each with its ``score``."""
    scored = [replace(c, score=s) for s, c in _scored(name, context, gazetteer)]
    scored.sort(key=lambda c: (-c.score, c.geonameid or 0))
    return scored


def _scored(name: str, context: Counter | dict | None,
            gazetteer: Gazetteer | None) -> list[tuple[float, PlaceCandidate]]:
    """(score, candidate) for each candidate of ``name``, in the gazetteer's order."""
    g = gazetteer or Gazetteer.default()
    cands, hint, hint_country = g.lookup(name)
    if not cands:
        return []
    ctx = Counter(context or {})
    if hint_country:
        # an explicit nisba beside the name ("طرابلس اللبنانية") settles the country
        same = [c for c in cands if c.country == hint_country]
        if same:
            cands = same
        ctx[hint_country] = max(ctx.values(), default=0) * 2 + 2
    top = max(ctx.values(), default=0)
    scored = []
    for c in cands:
        s = 0.5 * math.log10(max(c.population, 0) + 1000)
        if top > 0 and c.country:
            s += W_CONTEXT * ctx.get(c.country, 0) / top
        if c.feature == "capital":
            s += W_CAPITAL + (W_CAPITAL_HINT if hint == "capital" else 0.0)
        elif c.feature == "country":
            s += W_COUNTRY
        elif c.feature == "region":
            s += W_REGION + (W_REGION_HINT if hint == "region" else 0.0)
        scored.append((round(s, 4), c))
    return scored


def resolve(name: str, context: Counter | dict | None = None,
            gazetteer: Gazetteer | None = None) -> PlaceCandidate | None:
    """The most likely place for ``name`` given the article's country counts, or None.

    None also when the article has a country context, the best candidate lies
    outside it and is a small place (under ``SMALL`` people, not a capital or a
    country): a village abroad that shares the name is more often wrong than right.
    """
    scored = _scored(name, context, gazetteer)
    if not scored:
        return None
    score, best = min(scored, key=lambda sc: (-sc[0], sc[1].geonameid or 0))   # rank's first
    best = replace(best, score=score)
    if (context and any(context.values()) and not context.get(best.country)
            and best.feature == "city" and best.population < SMALL):
        return None
    return best


def resolve_place(name: str, context: Counter | dict | None = None,
                  gazetteer: Gazetteer | None = None) -> Place | None:
    """:func:`resolve` as a :class:`rasid.doc.layers.Place` (for ``Entity.geo``)."""
    c = resolve(name, context, gazetteer)
    return c.to_place() if c else None


# ---------------------------------------------------------------------------
# context

_WORD = re.compile(r"[\u0621-\u064A\w]+")
# one-word country names that are everyday words: never context evidence on their own
CONTEXT_STOP = {norm_key(w) for w in ("مالي", "بنين")}


class _Scanner:
    """Token dictionaries for :func:`context_from_text`, built once per gazetteer."""

    def __init__(self, g: Gazetteer) -> None:
        self.single: dict[str, str] = {}
        self.multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for k, a3 in g.country_keys().items():
            words = tuple(k.split(" "))
            if len(words) > 1:
                self.multi.setdefault(words[0], []).append((words, a3))
                continue
            # a one-word country name that is also a big city elsewhere (عمان: Amman) is no evidence
            if k in CONTEXT_STOP or any(r.country != a3 and (r.population >= 200_000 or r.feature == "capital")
                   for r in map(g.row, g.place_ids(k))):
                continue
            self.single[k] = a3
            t = toggle_al(k)
            if t and t not in g.country_keys():
                self.single.setdefault(t, a3)
        for words in self.multi.values():
            words.sort(key=lambda w: -len(w[0]))
        # capitals whose name is unambiguous
        self.capitals: dict[str, str] = {}
        for c in g.countries():
            if c.capital is None:
                continue
            cap = g.capital(c.alpha3)
            for k in _keys_of(g, cap):
                ids = g.place_ids(k)
                if len(k) >= 4 and ids and all(
                        g.row(i).geonameid == cap.geonameid or g.row(i).population < cap.population / 10
                        for i in ids) and k not in self.single:
                    self.capitals[k] = c.alpha3
        self.nisba = g.nisba_keys()
        self._words: dict[str, tuple[tuple, str | None] | None] = {}

    def word(self, w: str) -> tuple[tuple[tuple[tuple[str, ...], str], ...], str | None] | None:
        """What a word can start: the multi-word country names (longest first, for each of its
        proclitic forms in turn) and the country it names alone; None when it starts nothing.
        Kept per word."""
        try:
            return self._words[w]
        except KeyError:
            pass
        if len(self._words) > 100_000:
            self._words.clear()
        forms = (w, *proclitic_forms(w)) if len(w) > 2 else (w,)
        multi = tuple(m for f in forms for m in self.multi.get(f, ()))
        single = None
        for f in forms:
            a3 = self.single.get(f) or self.nisba.get(f) or self.capitals.get(f)
            if a3 is None and f.startswith("ال") and len(f) > 4:
                a3 = self.nisba.get(f[2:])
            if a3:
                single = a3
                break
        found = self._words[w] = (multi, single) if multi or single else None
        return found


def _keys_of(g: Gazetteer, cand: PlaceCandidate | None) -> list[str]:
    if cand is None:
        return []
    k = norm_key(cand.name_ar)
    return [k] if g.place_ids(k) else []


_scanners: dict[int, _Scanner] = {}


def context_from_text(text: str, gazetteer: Gazetteer | None = None) -> Counter:
    """Counts of the countries a text names: country names (also multi-word and official
    forms), nisba adjectives, and unambiguous capitals; proclitics and ال are handled.
    A new Counter on each call (the caller may add to it)."""
    return Counter(_context_from_text(text, gazetteer or Gazetteer.default()))


_UNSEEN = object()


@memo(8)
def _context_from_text(text: str, g: Gazetteer) -> Counter:
    """The counts for a text (a pure function of the text and the gazetteer, kept for a few texts:
    the mentions and places stages ask about the same article in a row). Never changed by callers."""
    sc = _scanners.get(id(g))
    if sc is None:
        sc = _scanners[id(g)] = _Scanner(g)
    words = _WORD.findall(norm_key(text))
    known = sc._words       # sc.word's answers, read directly: asked for every distinct word
    starts = {}             # the few words that count
    for w in set(words):
        f = known.get(w, _UNSEEN)
        if f is _UNSEEN:
            f = sc.word(w)
        if f is not None:
            starts[w] = f
    out: Counter = Counter()
    after = 0       # words before this one belong to a name already counted
    for i, w in enumerate(words):
        if i < after or w not in starts:
            continue
        multi, single = starts[w]
        hit = None
        for seq, a3 in multi:
            if tuple(words[i + 1:i + len(seq)]) == seq[1:]:
                hit = (a3, len(seq))
                break
        if hit is None and single:
            hit = (single, 1)
        if hit:
            out[hit[0]] += 1
            after = i + hit[1]
    return out

"""Country evidence in Arabic text: nisba adjectives and country names, via the shipped gazetteer."""
from __future__ import annotations

from collections import Counter

from rasid.doc.layers import Token
from rasid.entities.roles import stem_key


def _gaz():
    from rasid.geo import Gazetteer

    return Gazetteer.default()


def word_country(key: str) -> str | None:
    """ISO alpha-3 for a nisba adjective (التركي) or a country name (ليبيا), else None."""
    if len(key) < 3:
        return None
    g = _gaz()
    return g.nisba(key) or g.country_by_name(key)


def phrase_country(tokens: list[Token], first: int, last: int, text: str) -> str | None:
    """The first country named or implied in tokens ``[first, last]``, not after لدى (an envoy's host)."""
    for k in range(first, last + 1):
        t = tokens[k]
        if t.kind != "word":
            continue
        key = stem_key(t)
        if key in ("لدي", "الي", "في"):
            return None
        c = word_country(key)
        if c:
            return c
        if k + 1 <= last and tokens[k + 1].kind == "word":   # two-word names: الولايات المتحدة
            c = _gaz().country_by_name(key + " " + stem_key(tokens[k + 1]))
            if c:
                return c
    return None


def document_countries(tokens: list[Token]) -> Counter:
    """How often each country is named or implied in the article."""
    counts: Counter = Counter()
    for t in tokens:
        if t.kind == "word":
            c = word_country(stem_key(t))
            if c:
                counts[c] += 1
    return counts

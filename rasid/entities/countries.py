"""Country evidence in Arabic text: nisba adjectives and country names, via the shipped gazetteer."""
from __future__ import annotations

from collections import Counter

from rasid.doc.layers import Token
from rasid.memo import memo


def _gaz():
    from rasid.geo import Gazetteer

    return Gazetteer.default()


@memo(100_000)
def word_country(key: str) -> str | None:
    """ISO alpha-3 for a nisba adjective (التركي) or a country name (ليبيا), else None.

    Asked for nearly every word of every article: the answers are kept per key
    (a pure function of the key and the shipped gazetteer)."""
    return _word_country(key)


_UNKNOWN = object()


def _word_country(key: str) -> str | None:
    if len(key) < 3:
        return None
    return _gaz().word_country(key)


def phrase_country(tokens: list[Token], first: int, last: int, text: str) -> str | None:
    """The first country named or implied in tokens ``[first, last]``, not after لدى (an envoy's host)."""
    for k in range(first, last + 1):
        t = tokens[k]
        if t.kind != "word":
            continue
        key = t.stem
        if key in ("لدي", "الي", "في"):
            return None
        c = word_country(key)
        if c:
            return c
        if k + 1 <= last and tokens[k + 1].kind == "word":   # two-word names: الولايات المتحدة
            c = _gaz().country_by_name(key + " " + tokens[k + 1].stem)
            if c:
                return c
    return None


def document_countries(tokens: list[Token], skip: frozenset[int] = frozenset()) -> Counter:
    """How often each country is named or implied in the article; tokens at the indexes in ``skip``
    (inside persons' names: تركي الفيصل is no Turk) do not count."""
    counts: Counter = Counter()
    known = word_country.kept  # word_country's answers, read here directly: asked for every word
    # each distinct word once, in text order (so the countries come in the order they are first named)
    words = Counter([t.stem for k, t in enumerate(tokens) if t.kind == "word" and k not in skip])
    for key, n in words.items():
        c = known.get(key, _UNKNOWN)
        if c is _UNKNOWN:
            c = word_country(key)
        if c:
            counts[c] += n
    return counts

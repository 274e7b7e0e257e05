"""Stage `places`: coordinates, country and English name for place entities.

Each LOC entity is resolved against the shipped gazetteer (rasid.geo) by its
canonical name, then its other mentions, with the article's country evidence
(country names and nisba adjectives in the text, and the countries of the
places already resolved) as context: طرابلس is Tripoli, Libya in an article
about Libya and Tripoli, Lebanon in one about Lebanon. A place it does not know takes the
country of a place resolved in its sentence, else the article's main country.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from rasid.geo import Gazetteer, context_from_text, resolve
from rasid.stages.base import Stage, register


_ARTICLE = re.compile(r"^(?:A[lştḑẓdrsnz]h?|El)[ -](?=\w)")


def press_name(name: str) -> str:
    """GeoNames' transcription as the English press writes it: no macrons, no ‘ayn, no Al- prefix."""
    name = name.replace("‘", "").replace("’", "").replace("ʼ", "").replace("`", "")
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return _ARTICLE.sub("", name).strip()


@register
class Places(Stage):
    name = "places"
    version = "1"
    reads = frozenset({"text", "mentions", "entities", "latin", "geo"})
    writes = frozenset({"entities", "geo", "latin"})
    optional = frozenset({"geo"})

    def __call__(self, article):
        gaz = Gazetteer.default()
        context: Counter = context_from_text(article.text, gaz)
        for e in article.entities:
            if e.country and e.type != "LOC":
                context[e.country] += 1
        mentions = {m.id: m for m in article.mentions}
        for e in article.entities:
            if e.type != "LOC":
                continue
            names = [e.name] + [mentions[i].text for i in e.mentions if i in mentions]
            for name in dict.fromkeys(names):
                cand = resolve(name, context, gaz)
                if cand is None:
                    continue
                e.geo = cand.to_place()
                e.country = cand.country or e.country      # the resolved place decides (عمان: Amman or Oman)
                e.name_latin = e.name_latin or press_name(cand.name_en)
                break
        _country_of_unresolved(article, mentions, context)
        article.entities = _merge_same_place(article.entities)
        return article


def _country_of_unresolved(article, mentions, context: Counter) -> None:
    """A place the gazetteer does not know (a district, a village: الشيحة، خور مكسر) is in the
    country of a place resolved in its sentence, else in the country the article talks most about."""
    by_sentence: dict[int, Counter] = {}
    for e in article.entities:
        if e.type == "LOC" and e.geo is not None and e.country:
            for i in e.mentions:
                if i in mentions:
                    by_sentence.setdefault(mentions[i].sentence, Counter())[e.country] += 1
    top = context.most_common(1)[0][0] if context else None
    for e in article.entities:
        if e.type != "LOC" or e.geo is not None or e.country:
            continue
        near = Counter()
        for i in e.mentions:
            if i in mentions:
                near.update(by_sentence.get(mentions[i].sentence, Counter()))
        e.country = near.most_common(1)[0][0] if near else top


def _merge_same_place(entities):
    """Two place entities resolved to the same GeoNames place are one (مصر ~ جمهورية مصر العربية)."""
    first: dict[int, object] = {}
    out = []
    for e in entities:
        gid = e.geo.geonameid if e.type == "LOC" and e.geo is not None else None
        if gid is None or gid not in first:
            if gid is not None:
                first[gid] = e
            out.append(e)
            continue
        keep = first[gid]
        keep.mentions = keep.mentions + [m for m in e.mentions if m not in keep.mentions]
        keep.aliases = sorted(set(keep.aliases) | set(e.aliases) | {e.name} - {keep.name})
        if len(e.name) < len(keep.name) and keep.geo.feature == "country":
            keep.aliases = sorted(set(keep.aliases) | {keep.name} - {e.name})
            keep.name = e.name          # a country by its common name (مصر, not جمهورية مصر العربية)
    return out

"""Stage `places`: coordinates, country and English name for place entities.

Each LOC entity is resolved against the shipped gazetteer (rasid.geo) by its
canonical name, then its other mentions, with the article's country evidence
(country names and nisba adjectives in the text, and the countries of the
places already resolved) as context: طرابلس is Tripoli, Libya in an article
about Libya and Tripoli, Lebanon in one about Lebanon. A place it does not know takes the
country of a place resolved in its sentence, else the article's main country; a state head
alone (المملكة) is the publisher's country when its official name opens with it. A continent or a
region of several countries (macro_regions.txt: أوروبا، أميركا الوسطى، الشرق الأوسط) has no country;
it takes its centre and English name only from one of the gazetteer's areas (geo_areas.tsv), never
from a town that shares a word of its name.
"""
from __future__ import annotations

from collections import Counter

from rasid.entities.publisher import publisher_country
from rasid.geo import Gazetteer, context_from_text, resolve
from rasid.geo.names import STATE_HEADS, key, press_name
from rasid.lang.ar.lexicons import keys
from rasid.lang.ar.normalize import norm_key
from rasid.stages.base import Stage, register


@register
class Places(Stage):
    name = "places"
    version = "1"
    reads = frozenset({"text", "mentions", "entities", "latin", "geo", "metadata"})
    writes = frozenset({"entities", "geo", "latin"})
    optional = frozenset({"geo", "metadata"})

    def __call__(self, article):
        gaz = Gazetteer.default()
        context: Counter = context_from_text(article.text, gaz)
        for e in article.entities:
            if e.country and e.type != "LOC":
                context[e.country] += 1
        mentions = {m.id: m for m in article.mentions}
        regions = keys("macro_regions")
        for e in article.entities:
            if e.type != "LOC":
                continue
            region = norm_key(e.name or "") in regions
            if region:
                e.country = None        # a continent or region of several countries: no one country
            names = [e.name] + [mentions[i].text for i in e.mentions if i in mentions]
            for name in dict.fromkeys(names):
                cand = resolve(name, context, gaz)
                if cand is None:
                    continue
                if region and (cand.feature != "region" or cand.country):
                    break               # ... and only an area of the gazetteer's own may place it
                e.geo = cand.to_place()
                e.country = cand.country or e.country      # the resolved place decides (عمان: Amman or Oman)
                e.name_latin = e.name_latin or press_name(cand.name_en)
                break
        _home_state(article, gaz)
        _country_of_unresolved(article, mentions, context, regions)
        article.entities = _merge_same_place(article.entities)
        return article


def _home_state(article, gaz) -> None:
    """A state head alone (المملكة، السلطنة) is the publisher's country when that country's official
    name opens with it: a Saudi paper's المملكة is Saudi Arabia."""
    home = publisher_country(article)
    country = gaz.country(home) if home else None
    if country is None:
        return
    for e in article.entities:
        k = key(e.name or "")
        if e.type != "LOC" or e.geo is not None or " " in k or not k.startswith("ال"):
            continue
        if k[2:] in STATE_HEADS and any(n.split(" ")[0] in (k, k[2:]) and " " in n for n in country.names):
            cand = gaz.country_candidate(home)
            if cand is not None:
                e.geo, e.country = cand.to_place(), home
                e.name_latin = e.name_latin or country.name_en


def _country_of_unresolved(article, mentions, context: Counter, regions=frozenset()) -> None:
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
        if e.type != "LOC" or e.geo is not None or e.country or key(e.name or "") in STATE_HEADS \
                or norm_key(e.name or "") in regions:
            continue            # (a state head alone, المملكة, is no place of the neighbourhood; a continent is none)
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

"""Places: the Arabic gazetteer, country names, nisba adjectives and toponym resolution.

    from rasid.geo import Gazetteer, resolve, context_from_text
    ctx = context_from_text(text)          # Counter of ISO alpha-3 codes the text names
    resolve("طرابلس", ctx)                  # PlaceCandidate (Tripoli, Libya or Lebanon)

The index (rasid/models/geo/) is built by ``python -m rasid.train.geo``.
"""
from rasid.geo.disambiguate import context_from_text, rank, resolve, resolve_place
from rasid.geo.gazetteer import Country, Gazetteer, PlaceCandidate

__all__ = ["Gazetteer", "PlaceCandidate", "Country", "resolve", "resolve_place", "rank",
           "context_from_text"]

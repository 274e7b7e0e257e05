"""The date lexicon (``rasid/lang/ar/lexicons/dates.json``): Arabic month, weekday, relative and number words.

Every key is a :func:`rasid.lang.ar.normalize.norm_key` key, so it is matched
against the normalised shadow of the text that :mod:`rasid.dates.detect` builds.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

LEXICON_PATH = Path(__file__).resolve().parents[1] / "lang" / "ar" / "lexicons" / "dates.json"


@lru_cache(maxsize=1)
def lexicon() -> dict:
    from rasid.lang.ar.lexicons import data

    return dict(data("dates"))

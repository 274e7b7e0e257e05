"""The date lexicon (``lexicon.json``): Arabic month, weekday, relative and number words.

Every key is a :func:`rasid.lang.ar.normalize.norm_key` key, so it is matched
against the normalised shadow of the text that :mod:`rasid.dates.detect` builds.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

LEXICON_PATH = Path(__file__).with_name("lexicon.json")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    with LEXICON_PATH.open(encoding="utf-8") as f:
        data = json.load(f)
    data.pop("_doc", None)
    return data

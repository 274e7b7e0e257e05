"""The Arabic actor vocabulary (rasid/lang/ar/lexicons/actors.json), loaded once, keyed by norm_key."""
from __future__ import annotations

import json
from functools import cache
from importlib import resources

from rasid.lang.ar.normalize import norm_key


class ActorLexicon:
    def __init__(self, data: dict) -> None:
        k = norm_key
        self.person_titles = {k(w): s for w, s in data["person_titles"].items()}
        self.honorifics = {k(w) for w in data["honorifics"]}
        self.office_heads = {k(w): s for w, s in data["office_heads"].items()}
        self.office_complements = {k(w) for w in data["office_complements"]}
        self.org_heads = {k(w): s for w, s in data["org_heads"].items()}
        self.place_heads = {k(w) for w in data["place_heads"]}
        self.kinship = {k(w) for w in data["kinship"]}
        self.stop = {k(w) for w in data["stop_after_title"]}
        self.leading_non_names = {k(w) for w in data.get("leading_non_names", [])}
        self.counterpart = {k(w) for w in ("نظيره", "نظيرته", "نظيرها", "نظيرهم", "نظيريه")}
        self.org_time_adjectives = {k(w) for w in data.get("org_time_adjectives", [])}
        self.org_core_drops = self.org_time_adjectives | {k(w) for w in data.get("org_core_drops", [])}


@cache
def lexicon() -> ActorLexicon:
    from rasid.lang.ar.lexicons import data

    return ActorLexicon(data("actors"))


def is_nisba(key: str) -> bool:
    """A definite relative adjective shape (التركي، الليبية، الأمريكيين), by form only."""
    return key.startswith("ال") and len(key) >= 5 and key.endswith(("ي", "يه", "يين", "يون", "يتين"))

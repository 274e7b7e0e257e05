"""The Arabic actor vocabulary (rasid/lang/ar/lexicons/actors.json) as norm_key sets, and the one
test for "a verb the lexicons know".

    vocab = vocabulary()            # the shipped vocabulary, loaded once
    key in vocab.person_titles      # keys are rasid.lang.ar.normalize.norm_key forms
    is_nisba("التركي")              # a definite relative adjective, by form
    KnownVerbs()(token)             # a verb of the speech or event lexicons (قال، التقى …)
"""
from __future__ import annotations

from functools import cache

from rasid.doc.layers import Token
from rasid.lang.ar.lexicons import data, keys
from rasid.lang.ar.normalize import norm_key
from rasid.memo import FormMemo

__all__ = ["ActorVocabulary", "vocabulary", "is_nisba", "KnownVerbs"]


class ActorVocabulary:
    """actors.json's lists, keyed by norm_key (each list's purpose is in the file's ``_doc``)."""

    def __init__(self, data: dict) -> None:
        k = norm_key
        self.person_titles = {k(w): s for w, s in data["person_titles"].items()}
        self.honorifics = {k(w) for w in data["honorifics"]}
        self.office_heads = {k(w): s for w, s in data["office_heads"].items()}
        self.office_complements = {k(w) for w in data["office_complements"]}
        self.org_heads = {k(w): s for w, s in data["org_heads"].items()}
        self.place_heads = {k(w) for w in data["place_heads"]}
        self.complementizers = frozenset(keys("clause_complementizers"))    # أن، بأن ...: no name holds one
        self.named_after_heads = frozenset(keys("named_after_heads"))       # مركز، كأس …: مركز الملك سلمان
        self.kinship = {k(w) for w in data["kinship"]}
        self.stop = {k(w) for w in data["stop_after_title"]}
        self.leading_non_names = {k(w) for w in data.get("leading_non_names", [])}
        self.counterpart = {k(w) for w in data["counterparts"]}
        self.org_time_adjectives = {k(w) for w in data.get("org_time_adjectives", [])}
        self.org_core_drops = self.org_time_adjectives | {k(w) for w in data.get("org_core_drops", [])}
        self.phrase_end_verbs = {k(w) for w in data["phrase_end_verbs"]}
        self.generic_org_heads = {k(w) for w in data["generic_org_heads"]}
        self.definite_place_heads = {k(w) for w in data["definite_place_heads"]}
        self.place_list_heads = {k(w) for w in data["place_list_heads"]}
        self.state_heads = {k(w) for w in data["state_heads"]}
        infrastructure = {k(w) for w in data["infrastructure_heads"]}
        # heads of places of their own (مطار عدن is not عدن)
        self.facility_heads = infrastructure | {k(w) for w in data["institution_heads"]}
        # a place mention extends back over these (جمهورية مصر العربية، مطار عدن، جزيرة تيران)
        self.place_name_heads = self.state_heads | infrastructure | {k(w) for w in data["place_name_heads"]}


@cache
def vocabulary() -> ActorVocabulary:
    """The shipped actor vocabulary, loaded once."""
    return ActorVocabulary(data("actors"))


_NISBA_ENDINGS = tuple(norm_key(w) for w in data("actors")["nisba_endings"])


def is_nisba(key: str) -> bool:
    """A definite relative adjective shape (التركي، الليبية، الأمريكيين), by form only."""
    return key.startswith("ال") and len(key) >= 5 and key.endswith(_NISBA_ENDINGS)


class KnownVerbs:
    """Whether a token is a verb the speech lexicon (its cue verbs, by stem) or the event trigger
    lexicon (a verb reading) knows: قال، أكد، التقى، ناقش، عقد … A name never runs into one."""

    __slots__ = ("speech_verbs", "triggers", "_seen")

    def __init__(self, speech_verbs=None, triggers=None) -> None:
        if speech_verbs is None:
            from rasid.lang.ar.speech import speech_lexicon

            speech_verbs = speech_lexicon().verbs
        if triggers is None:
            from rasid.lang.ar.triggers import event_lexicon

            triggers = event_lexicon()
        self.speech_verbs = speech_verbs
        self.triggers = triggers
        self._seen = FormMemo()         # each written form's answer (decided by its norm and pieces)

    def __call__(self, tok: Token) -> bool:
        return self._seen.get(tok, self._decide)

    def _decide(self, tok: Token) -> bool:
        if tok.stem in self.speech_verbs:
            return True
        trig = self.triggers.match_token(tok)
        return trig is not None and trig.pos == "verb"

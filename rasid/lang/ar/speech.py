"""The reported-speech vocabulary (``lexicons/speech.json``) as norm-key sets, loaded once.

Read by the quotes stage (cues, complementizers, channel verbs) and by the
mention stage (a known speech verb is never part of a name).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rasid.lang.ar.normalize import norm_key

__all__ = ["SpeechLexicon", "speech_lexicon"]


@dataclass
class SpeechLexicon:
    verbs: set[str]
    participles: set[str]
    complementizers: set[str]
    channel_verbs: set[str]
    skip: set[str]
    object_verbs: set[str]


@cache
def speech_lexicon() -> SpeechLexicon:
    from rasid.lang.ar.lexicons import data as lexicon_data

    data = lexicon_data("speech")
    k = norm_key
    return SpeechLexicon({k(w) for w in data["verbs"]}, {k(w) for w in data["participles"]},
                         {k(w) for w in data["complementizers"]}, {k(w) for w in data["channel_verbs"]},
                         {k(w) for w in data["skip_before_speaker"]}, {k(w) for w in data["object_verbs"]})

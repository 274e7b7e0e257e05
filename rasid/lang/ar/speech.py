"""The reported-speech vocabulary (``lexicons/speech.json``) as norm-key sets, loaded once.

Read by the quotes stage (cues, complementizers, channel verbs) and by the
mention stage (a known speech verb is never part of a name).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

from rasid.lang.ar.normalize import norm_key
from rasid.lang.ar.lexicons import data as lexicon_data

__all__ = ["SpeechLexicon", "speech_lexicon"]


@dataclass
class SpeechLexicon:
    verbs: set[str]
    participles: set[str]
    complementizers: set[str]
    channel_verbs: set[str]
    skip: set[str]
    object_verbs: set[str]
    attribution: frozenset[str] = frozenset()    # بحسب، وفقا لـ: a statement with no verb

    @cached_property
    def cue_tails(self) -> tuple[int, frozenset[str]]:
        """``(n, tails)``: the last ``n`` letters of every cue word (verb, participle, channel verb),
        and of it without an article: a token whose stem ends otherwise holds no cue word."""
        ends = self.verbs | self.participles | self.channel_verbs | self.attribution
        ends |= {w[2:] for w in ends if w.startswith("ال")}
        n = min(map(len, ends))
        return n, frozenset(w[-n:] for w in ends)


@cache
def speech_lexicon() -> SpeechLexicon:
    """The shipped reported-speech lexicon, loaded once."""

    data = lexicon_data("speech")
    k = norm_key
    return SpeechLexicon({k(w) for w in data["verbs"]}, {k(w) for w in data["participles"]},
                         {k(w) for w in data["complementizers"]}, {k(w) for w in data["channel_verbs"]},
                         {k(w) for w in data["skip_before_speaker"]}, {k(w) for w in data["object_verbs"]},
                         frozenset(k(w) for w in data.get("attribution", ())))

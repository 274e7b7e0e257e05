"""Event candidates: every place in an article where the trigger lexicon proposes an event.

The lexicon proposes, a trained model decides (:mod:`rasid.events.decide`). A
candidate is a token (or a multiword trigger starting at it) with the PLOVER
types its readings allow. Nothing is filtered here by context: a reading whose
``requires`` do not follow, a trigger inside a name, a verbal noun recalled as
background are all candidates, and the model learns which are events.

    for c in candidates(article):
        c.sentence, c.first, c.last     # sentence index, token range [first, last)
        c.types                         # the types its readings propose, lexicon order
        c.readings                      # the Trigger readings behind them
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass

from rasid.doc.article import Article
from rasid.lang.ar.triggers import EventLexicon, Trigger, candidate_lexicon
from rasid.memo import FormMemo

__all__ = ["Candidate", "candidates"]


@dataclass(frozen=True, slots=True)
class Candidate:
    sentence: int                   # index into article.sentences
    first: int                      # token range [first, last) of the trigger
    last: int
    readings: tuple[Trigger, ...]   # lexicon readings, in the lexicon's order
    fires: bool                     # the lexicon's own rule (requires / blocked_next) accepts a reading

    @property
    def types(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for r in self.readings:
            seen.setdefault(r.type, None)
            for t in r.alt_types:
                seen.setdefault(t, None)
        return tuple(seen)


_FORMS: "weakref.WeakKeyDictionary[EventLexicon, FormMemo]" = weakref.WeakKeyDictionary()


def _forms(lex: EventLexicon) -> FormMemo:
    """The lexicon's memo of written forms: a word token's ``lex.token_readings`` and whether a
    multiword trigger may start at it (both decided by the norm and the clitic pieces)."""
    kept = _FORMS.get(lex)
    if kept is None:
        kept = _FORMS[lex] = FormMemo()
    return kept


def candidates(article: Article, lexicon: EventLexicon | None = None) -> list[Candidate]:
    """Every trigger candidate of the article, sentence by sentence, left to right. A multiword
    trigger (وقف إطلاق النار) is one candidate covering its tokens; its first token is not also
    proposed on its own. A single word inside a time expression of the ``dates`` layer is not proposed."""
    lex = lexicon if lexicon is not None else candidate_lexicon()
    tokens = article.tokens
    # a word the dates layer reads inside a time expression is a time word (فجر أمس: at dawn yesterday,
    # not "detonated"); in the labelled corpus every such candidate (15, all فجر) was no event
    times = [(t.start, t.end) for t in article.times]

    def in_time(tok) -> bool:
        return any(a <= tok.start and tok.end <= b for a, b in times)

    stems = article.token_index().stems
    out: list[Candidate] = []
    kept = _forms(lex)

    def form(tok) -> tuple:
        return lex.token_readings(tok), lex.starts_phrase(tok.stem)
    for si, sent in enumerate(article.sentences):
        i, end = sent.token_start, sent.token_end
        keys = stems[i:end]
        while i < end:
            tok = tokens[i]
            if tok.kind != "word":
                i += 1
                continue
            readings, starts_phrase = kept.get(tok, form)
            phrase = lex.match_phrase(keys, i - sent.token_start) if starts_phrase else None
            if phrase is not None:
                trig, n = phrase
                out.append(Candidate(si, i, i + n, (trig,), True))
                i += n
                continue
            if readings and not (times and in_time(tok)):
                j = i - sent.token_start
                fires = lex.first_firing(readings, keys[j + 1:j + 8], keys[max(0, j - 5):j]) is not None
                out.append(Candidate(si, i, i + 1, readings, fires))
            i += 1
    return out

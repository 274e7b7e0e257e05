"""The date of an event: the time expression of its clause, else the publication date.

    when, source = event_time(article, sentence, trigger_start)

A sentence is cut into clauses at hard boundaries (relative pronouns الذي/التي, complementizers
أن/بأن, clause openers حيث/عندما/منذ, a semicolon or colon) and soft ones (a comma, و before a
new clause is not cut). The event takes:

1. the time expression in its own clause nearest its trigger (a comma between them is crossed
   when the time is recent, see 2, and at most ``SOFT_REACH`` tokens past it: وقالت الوزارة، أمس، إن ...);
2. else a time expression elsewhere in the sentence that is *recent*: within ``RECENT_DAYS``
   before the publication date or ``AHEAD_DAYS`` after (أمس، الاثنين), never a bare year or a
   month far from it (عام 1990 in a relative clause is background, not the event's date);
3. inside a reported statement with neither, the date before the quote dates the statement
   (source "statement");
4. else none: the caller uses the publication date (source "published").
"""
from __future__ import annotations

from datetime import date
from functools import cache

from rasid.lang.ar.lexicons import keys

__all__ = ["event_time", "RECENT_DAYS", "AHEAD_DAYS", "SOFT_REACH"]

RECENT_DAYS = 45
AHEAD_DAYS = 10
SOFT_REACH = 4
_HARD_PUNCT = frozenset(";؛:")
_SOFT_PUNCT = frozenset(",،")


@cache
def _hard_words() -> frozenset[str]:
    return frozenset(keys("relative_pronouns")) | frozenset(keys("clause_complementizers")) \
        | frozenset(keys("date_clause_openers"))


def _boundaries(article, sent) -> list[tuple[int, str]]:
    """(token index, "hard" | "soft") of the clause boundaries of ``sent``."""
    hard = _hard_words()
    out = []
    for i in range(sent.token_start, sent.token_end):
        t = article.tokens[i]
        text = article.text[t.start:t.end]
        if t.kind == "word" and t.stem in hard:
            out.append((i, "hard"))
        elif text in _HARD_PUNCT:
            out.append((i, "hard"))
        elif text in _SOFT_PUNCT:
            out.append((i, "soft"))
    return out


def _parse(value: str | None) -> date | None:
    if not value or len(value) < 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _recent(t, published: str | None) -> bool:
    pub = _parse(published)
    when = _parse(t.value) if t.precision in ("day", None) else None
    if pub is None or when is None:
        return False
    return -RECENT_DAYS <= (when - pub).days <= AHEAD_DAYS


def _clause_times(article, sent, lo: int, at: int) -> list:
    """Time expressions of the trigger's clause (offset ``at``), nearest first."""
    idx = article.token_index()
    k = idx.index(at)
    cuts = _boundaries(article, sent)
    left = max((i for i, kind in cuts if i < k and kind == "hard"), default=sent.token_start - 1)
    right = min((i for i, kind in cuts if i > k and kind == "hard"), default=sent.token_end)
    soft_left = max((i for i, kind in cuts if left < i < k and kind == "soft"), default=None)
    soft_right = min((i for i, kind in cuts if k < i < right and kind == "soft"), default=None)
    out = []
    for t in article.times:
        if not (lo <= t.start < sent.end and t.value):
            continue
        i = idx.index(t.start)
        if not left < i < right:
            continue
        crossed = (soft_left - i if soft_left is not None and i < soft_left else
                   i - soft_right if soft_right is not None and i > soft_right else 0)
        if crossed and (crossed > SOFT_REACH or not _recent(t, article.published)):
            continue
        out.append((abs(i - k), t))
    return [t for _, t in sorted(out, key=lambda x: (x[0], x[1].start))]


def event_time(article, sent, at: int):
    """``(TimeExpr or None, date_source)`` for an event whose trigger starts at ``at`` in sentence
    ``sent`` (see the module docstring)."""
    times = article.times
    quote = next((q for q in article.quotes if q.start <= at < q.end and q.cue_start is not None), None)
    lo = quote.start if quote is not None and sent.start <= quote.start < sent.end else sent.start
    own = _clause_times(article, sent, lo, at)
    if own:
        return own[0], "text"
    recent = next((t for t in times if lo <= t.start < sent.end and t.value and _recent(t, article.published)),
                  None)
    if recent is not None:
        return recent, "text"
    if quote is not None:
        cue_sent = next((x for x in article.sentences if x.start <= quote.cue_start < x.end), None)
        if cue_sent is not None:
            when = next((t for t in times if cue_sent.start <= t.start < quote.start and t.value), None)
            if when is not None:
                return when, "statement"
    return None, "text"

"""Find time expressions in Arabic news text.

``detect(text)`` returns :class:`Match` objects: exact half-open ``[start, end)``
character ranges into ``text``, a ``kind`` and the ``fields`` that
:func:`rasid.dates.resolve.resolve` needs. Nothing is resolved here.

How it works: the text gets a *normalised shadow* with a map back to the text
(:mod:`rasid.dates.shadow`), so that patterns (:mod:`rasid.dates.patterns`,
words from :mod:`rasid.dates.vocabulary`) are written once over plain keys and
every span still points into the text as written. Each pattern is tried only
where a match can start (:mod:`rasid.dates.prefilter`); each match is read
into a kind and fields, or dropped by the ambiguity rules
(:mod:`rasid.dates.readings`, which lists the kinds). The longest candidates
win; spans never overlap.

Spans
-----
* attached proclitics stay outside the span: ``وأمس`` -> ``أمس``,
  ``بالأمس`` -> ``الأمس`` (as Recognizers-Text does);
* a leading ``يوم`` before a weekday stays outside (``يوم الاثنين`` ->
  ``الاثنين``); a weekday right before a date is part of the date
  (``الاثنين 12 يناير 2016``); a part of the day is inside (``صباح اليوم``,
  ``مساء الخميس``);
* prepositions (في، خلال، منذ ...) stay outside, except in ``قبل يومين`` /
  ``منذ أسبوع`` where they carry the meaning.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from rasid.dates.context import prefix
from rasid.dates.patterns import patterns
from rasid.dates.prefilter import matches_everywhere, prefilter
from rasid.dates.readings import read
from rasid.dates.shadow import shadow, to_text
from rasid.dates.vocabulary import vocabulary

__all__ = ["Match", "detect"]


@dataclass(slots=True)
class Match:
    """A time expression found in the text: ``[start, end)`` into it."""

    start: int
    end: int
    kind: str
    fields: dict = field(default_factory=dict)
    text: str = ""


def detect(text: str, _everywhere: bool = False) -> list[Match]:
    """The time expressions of ``text``: non-overlapping, in text order.

    ``_everywhere`` (for tests): run every pattern over the whole text instead of
    only where a match can start; the result is the same.
    """
    if not text:
        return []
    V = vocabulary()
    proclitics = V.proclitics
    N, gaps = shadow(text)
    found = matches_everywhere(patterns(), N) if _everywhere else prefilter().matches(N)
    cands: list[tuple[int, int, str, dict]] = []
    for kind, rx, m in found:
        s = m.start("x") if "x" in rx.groupindex else m.start()
        e = m.end("x") if "x" in rx.groupindex else m.end()
        if e <= s:
            continue
        if prefix(N, s) not in proclitics:
            continue
        if s > 0 and N[s].isdigit() and (N[s - 1].isdigit() or (s > 1 and N[s - 1] in "/-.," and N[s - 2].isdigit())):
            continue
        tanween = False
        if kind == "relday" and m.group("w").endswith("غدا"):
            # غداً written with tanween is tomorrow for sure: look at the text as written
            oe = to_text(gaps, e - 1) + 1
            tanween = "\u064b" in text[oe - 2:oe + 1]
        h = read(V, kind, m, N, tanween)
        if h is None:
            continue
        cands.append((s, e, h[0], h[1]))
    # longest first, then leftmost; keep the ones that do not overlap
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int, str, dict]] = []
    occupied = bytearray(len(N) + 1)
    for c in cands:
        if any(occupied[c[0]:c[1]]):
            continue
        occupied[c[0]:c[1]] = b"\x01" * (c[1] - c[0])
        taken.append(c)
    taken.sort(key=lambda c: c[0])
    out = []
    for s, e, kind, f in taken:
        os_ = to_text(gaps, s)
        oe = to_text(gaps, e - 1) + 1
        while oe < len(text) and (text[oe] == "\u0640" or unicodedata.category(text[oe]) == "Mn"):
            oe += 1         # a mark or tatweel that ends the last letter (غداً، هـ) belongs to it
        out.append(Match(os_, oe, kind, f, text[os_:oe]))
    return out

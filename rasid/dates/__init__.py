"""Time expressions in Arabic news: detect them, resolve them against the publication date.

>>> from rasid.dates import find_times
>>> [(t.text, t.value) for t in find_times("وصل الوفد أمس إلى عمّان", "2025-03-12")]
[('أمس', '2025-03-11')]

* :func:`detect` (``rasid.dates.detect``) finds spans, a kind and fields;
* :func:`resolve` (``rasid.dates.resolve``) turns one match into the
  TimeExpr fields (value, precision, range, calendar), with the conventions
  written at the top of that module (Sunday-Saturday week, nearest year ...);
* :func:`find_times` does both and returns ``TimeExpr`` objects ``t1, t2 ...``.
"""
from __future__ import annotations

from datetime import date

from rasid.dates.detect import Match, detect
from rasid.dates.resolve import parse_published, resolve
from rasid.doc.layers import TimeExpr

__all__ = ["Match", "detect", "resolve", "find_times", "parse_published"]


def find_times(text: str, published: date | str | None = None) -> list[TimeExpr]:
    """The time expressions of ``text`` resolved against ``published`` (ids t1, t2 ... in text order)."""
    pub = parse_published(published)
    out: list[TimeExpr] = []
    for i, m in enumerate(detect(text or ""), 1):
        f = resolve(m, pub)
        out.append(TimeExpr(id=f"t{i}", start=m.start, end=m.end, text=text[m.start:m.end], **f))
    return out

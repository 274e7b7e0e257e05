"""A definite kind noun stands for the organisation of that kind named last before it.

    heads = organisation_heads(mentions, entity_of, head_of)   # once per article
    named_before(heads, start, "وزاره")   # the entity id of the last وزارة … named before ``start``

الوزارة after وزارة الشؤون البلدية، التنظيم after تنظيم داعش، الشركة after شركة غوغل. The speaker finder
(rasid.quotes.attribute) and the event parties (rasid.events.participants) both read it; each says
which mentions count and how a name's head word is keyed.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Callable, Iterable

__all__ = ["organisation_heads", "named_before"]


def organisation_heads(mentions: Iterable, entity_of: dict[str, str],
                       head_of: Callable[[object], str | None]) -> list[tuple[int, str, str]]:
    """``(start, head word, entity id)`` of every mention that has an entity and a head word
    (``head_of(mention)``; None leaves it out), in text order."""
    out = []
    for m in mentions:
        eid = entity_of.get(m.id)
        head = head_of(m) if eid is not None else None
        if head is not None:
            out.append((m.start, head, eid))
    out.sort(key=lambda x: x[0])
    return out


def named_before(heads: list[tuple[int, str, str]], start: int, head: str) -> str | None:
    """The entity id of the last of ``heads`` (:func:`organisation_heads`) before ``start`` whose head
    word is ``head``, else None."""
    before = bisect_left(heads, (start,))
    return next((eid for _, h, eid in reversed(heads[:before]) if h == head), None)

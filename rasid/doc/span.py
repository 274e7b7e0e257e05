"""Half-open character ranges ``[start, end)`` and their checks.

Every span in rasid points into one string (the cleaned text of an article,
unless a docstring says otherwise). A span never carries a copy of the text it
covers except where the data model says so, and then the copy is checked.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rasid.errors import SpanError


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        check_span(self.start, self.end)

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        return text[self.start:self.end]

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


def check_span(start: int, end: int, length: int | None = None) -> None:
    """Raise SpanError unless ``0 <= start <= end (<= length)``."""
    if not (isinstance(start, int) and isinstance(end, int)):
        raise SpanError(f"span bounds must be integers, got {start!r}, {end!r}")
    if start < 0 or end < start:
        raise SpanError(f"invalid span [{start}, {end})")
    if length is not None and end > length:
        raise SpanError(f"span [{start}, {end}) runs past the end of a text of length {length}")


def check_text(text: str, start: int, end: int, expected: str) -> None:
    """Raise SpanError unless ``text[start:end] == expected``."""
    check_span(start, end, len(text))
    if text[start:end] != expected:
        raise SpanError(f"span [{start}, {end}) holds {text[start:end]!r}, not {expected!r}")


class SpanSet:
    """A fixed set of ranges asked, in logarithmic time, whether one of them contains or
    overlaps a range (so a stage stays linear in a long text, where a scan of every range
    for every token would be quadratic)."""

    __slots__ = ("_starts", "_max_end", "_exact")

    def __init__(self, spans) -> None:
        spans = sorted((int(s), int(e)) for s, e in spans)
        self._starts = [s for s, _ in spans]
        self._max_end: list[int] = []         # the furthest end among the spans up to each one
        far = -1
        for _, e in spans:
            far = max(far, e)
            self._max_end.append(far)
        self._exact = set(spans)

    def __bool__(self) -> bool:
        return bool(self._starts)

    def __contains__(self, span) -> bool:
        """Whether ``(start, end)`` is one of the ranges."""
        return tuple(span) in self._exact

    def contains(self, start: int, end: int) -> bool:
        """Whether some range ``(s, e)`` holds ``[start, end)``: ``s <= start and end <= e``."""
        i = bisect_right(self._starts, start) - 1
        return i >= 0 and self._max_end[i] >= end

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some range ``(s, e)`` shares a character with ``[start, end)``: ``s < end and start < e``."""
        i = bisect_left(self._starts, end) - 1
        return i >= 0 and self._max_end[i] > start

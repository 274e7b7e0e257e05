"""Half-open character ranges ``[start, end)`` and their checks.

Every span in rasid points into one string (the cleaned text of an article,
unless a docstring says otherwise). A span never carries a copy of the text it
covers except where the data model says so, and then the copy is checked.
"""
from __future__ import annotations

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

"""Exact offset maps between the raw text and the cleaned text.

Cleaning only *deletes* ranges of the raw text; it never rewrites a
character. The cleaned text is therefore the raw text with some ranges cut
out, and the map between the two is a list of kept segments:

    Segment(clean_start, raw_start, length)

meaning ``clean[clean_start:clean_start+length] == raw[raw_start:raw_start+length]``.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable

from rasid.errors import SpanError


@dataclass(frozen=True, slots=True)
class Segment:
    clean_start: int
    raw_start: int
    length: int


class Alignment:
    """Maps offsets of the cleaned text to the raw text and back."""

    __slots__ = ("segments", "raw_length", "_clean_starts", "_raw_starts")

    def __init__(self, segments: Iterable[Segment], raw_length: int) -> None:
        self.segments = [s for s in segments if s.length > 0]
        self.raw_length = raw_length
        self._clean_starts = [s.clean_start for s in self.segments]
        self._raw_starts = [s.raw_start for s in self.segments]

    # ------------------------------------------------------------ building
    @classmethod
    def identity(cls, length: int) -> "Alignment":
        return cls([Segment(0, 0, length)], length)

    @classmethod
    def from_deletions(cls, raw_length: int, deletions: Iterable[tuple[int, int]]) -> "Alignment":
        """The alignment left after deleting ``[start, end)`` ranges of the raw text.

        Ranges may overlap or touch; they are merged first.
        """
        merged: list[list[int]] = []
        for start, end in sorted(deletions):
            if start < 0 or end > raw_length or end < start:
                raise SpanError(f"deletion [{start}, {end}) outside raw text of length {raw_length}")
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        segments = []
        raw_pos = clean_pos = 0
        for start, end in merged:
            if start > raw_pos:
                segments.append(Segment(clean_pos, raw_pos, start - raw_pos))
                clean_pos += start - raw_pos
            raw_pos = end
        if raw_pos < raw_length:
            segments.append(Segment(clean_pos, raw_pos, raw_length - raw_pos))
        return cls(segments, raw_length)

    def apply(self, raw: str) -> str:
        """The cleaned text this alignment describes."""
        return "".join(raw[s.raw_start:s.raw_start + s.length] for s in self.segments)

    @property
    def clean_length(self) -> int:
        if not self.segments:
            return 0
        last = self.segments[-1]
        return last.clean_start + last.length

    # ------------------------------------------------------------ mapping
    def to_raw(self, offset: int) -> int:
        """Raw offset of the character at clean ``offset`` (or of the end, for ``clean_length``)."""
        n = self.clean_length
        if offset < 0 or offset > n:
            raise SpanError(f"clean offset {offset} outside [0, {n}]")
        if offset == n:
            if not self.segments:
                return 0
            last = self.segments[-1]
            return last.raw_start + last.length
        i = bisect_right(self._clean_starts, offset) - 1
        seg = self.segments[i]
        return seg.raw_start + (offset - seg.clean_start)

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw range covering the clean range ``[start, end)``.

        When the clean range crosses a deleted range, the raw range includes
        the deleted characters between (the raw text is not cut).
        """
        if end < start:
            raise SpanError(f"invalid span [{start}, {end})")
        if start == end:
            r = self.to_raw(start)
            return r, r
        return self.to_raw(start), self.to_raw(end - 1) + 1

    def to_clean(self, raw_offset: int) -> int | None:
        """Clean offset of the raw character at ``raw_offset``, or None if it was deleted."""
        if raw_offset < 0 or raw_offset >= self.raw_length:
            raise SpanError(f"raw offset {raw_offset} outside [0, {self.raw_length})")
        i = bisect_right(self._raw_starts, raw_offset) - 1
        if i < 0:
            return None
        seg = self.segments[i]
        if raw_offset < seg.raw_start + seg.length:
            return seg.clean_start + (raw_offset - seg.raw_start)
        return None

    # ------------------------------------------------------------ serialising
    def to_list(self) -> list[list[int]]:
        return [[s.clean_start, s.raw_start, s.length] for s in self.segments]

    @classmethod
    def from_list(cls, rows: list, raw_length: int) -> "Alignment":
        segs = [Segment(int(a), int(b), int(c)) for a, b, c in rows]
        pos = 0
        for s in segs:
            if s.clean_start != pos or s.raw_start < 0 or s.raw_start + s.length > raw_length:
                raise SpanError("alignment segments are not contiguous in the clean text or run past the raw text")
            pos += s.length
        return cls(segs, raw_length)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Alignment) and self.segments == other.segments and self.raw_length == other.raw_length

    def __repr__(self) -> str:
        return f"Alignment({len(self.segments)} segments, raw_length={self.raw_length})"

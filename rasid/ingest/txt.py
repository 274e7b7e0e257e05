"""Plain-text articles: ``raw`` is the decoded text with newlines normalised.

A text whose first non-blank line is followed by a blank line (headline, blank
line, body) gets that line, stripped, as its title — unless the line is longer
than :data:`MAX_TITLE_CHARS` (then it is a paragraph, not a headline). The title
stays in ``raw``; nothing is cut.
"""
from __future__ import annotations

from rasid.doc import Article
from rasid.ingest.decode import decode, normalize_newlines

MAX_TITLE_CHARS = 300

__all__ = ["article_from_text", "article_from_txt_bytes", "detect_title", "MAX_TITLE_CHARS"]


def detect_title(text: str) -> str | None:
    """The headline of a "headline, blank line, body" text, or None."""
    lines = text.lstrip("\n").split("\n", 2)
    if len(lines) < 3:
        return None
    first, blank, body = lines
    first = first.strip()
    if not first or blank.strip() or not body.strip() or len(first) > MAX_TITLE_CHARS:
        return None
    return first


def article_from_text(text: str, source: str, *, meta: dict | None = None) -> Article:
    raw = normalize_newlines(text)
    art = Article(raw=raw, title=detect_title(raw), source=source)
    art.meta["format"] = "txt"
    if meta:
        art.meta.update(meta)
    return art


def article_from_txt_bytes(data: bytes, source: str) -> Article:
    """Raises InputError (empty, binary, encoding)."""
    d = decode(data, source)
    return article_from_text(d.text, source, meta={"encoding": d.encoding})

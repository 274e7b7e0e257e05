"""Article: one news article, its text, provenance and annotation layers.

``raw`` is the text as read (after decoding; for HTML, the main text that the
extractor returned). ``text`` is the cleaned text: ``raw`` with boilerplate
ranges deleted, never rewritten; ``alignment`` maps between the two and
``removed`` says what was cut and why. Until a cleaning stage runs, ``text``
is ``raw`` and the alignment is the identity.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from rasid.doc.alignment import Alignment
from rasid.doc.layers import (ArticleError, Entity, Event, Mention, Quote, Removed, Sentence,
                              TimeExpr, Token)


def content_id(text: str) -> str:
    """A stable id from content: the first 16 hex digits of SHA-256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(slots=True)
class Article:
    raw: str
    id: str = ""
    text: str | None = None
    alignment: Alignment | None = None
    title: str | None = None
    published: str | None = None        # ISO date YYYY-MM-DD (or full ISO timestamp)
    published_source: str | None = None # where the date came from: "record", "html", "cli", "text"
    publisher: str | None = None
    section: str | None = None
    author: str | None = None
    url: str | None = None
    language: str = "ar"
    source: str | None = None           # the input as named by the user: path, path:line, zip!member#i
    removed: list[Removed] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    provenance: dict[str, str] = field(default_factory=dict)   # stage name -> version
    errors: list[ArticleError] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)          # reader-specific extras
    # per-article lookups over the tokens (see token_index()); never serialised
    _token_index: Any = field(default=None, init=False, repr=False, compare=False)
    _sentence_index: Any = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.raw, str):
            raise TypeError("Article.raw must be a str")
        if self.text is None:
            self.text = self.raw
        if self.alignment is None:
            if self.text != self.raw:
                raise ValueError("an Article whose text differs from raw needs an alignment")
            self.alignment = Alignment.identity(len(self.raw))
        if not self.id:
            self.id = content_id(self.raw)

    @property
    def ok(self) -> bool:
        return not self.errors

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw range behind the clean range ``[start, end)``."""
        return self.alignment.span_to_raw(start, end)

    def token_index(self):
        """Start offsets and stem keys of the tokens, with bisection helpers
        (:class:`rasid.doc.token_index.TokenIndex`), built once while the token list is unchanged."""
        from rasid.doc.token_index import TokenIndex

        return self._index("_token_index", self.tokens, TokenIndex)

    def sentence_index(self):
        """Start offsets of the sentences, with the lookup of the sentence holding an offset
        (:class:`rasid.doc.token_index.SentenceIndex`), built once while the sentence list is unchanged."""
        from rasid.doc.token_index import SentenceIndex

        return self._index("_sentence_index", self.sentences, SentenceIndex)

    def _index(self, slot: str, items: list, make):
        idx = getattr(self, slot)
        if idx is None or not idx.fresh(items):
            idx = make(items)
            setattr(self, slot, idx)
        return idx

    def entity(self, entity_id: str) -> Entity | None:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

"""Stage `clean`: cut boilerplate from the raw text, by deletion only.

Every cut is recorded in ``article.removed`` as a raw range with its reason and
rule; ``article.alignment`` maps the cleaned text back to the raw text
character by character. The rules live in :mod:`rasid.clean`, the boilerplate
shapes in ``rasid/lang/ar/lexicons/boilerplate.json``.
"""
from __future__ import annotations

from rasid.clean import find_removals
from rasid.doc.alignment import Alignment
from rasid.errors import StageError
from rasid.stages.base import Stage, register


@register
class Clean(Stage):
    name = "clean"
    version = "1"
    reads = frozenset({"raw", "metadata", "tokens"})
    writes = frozenset({"text", "alignment", "removed", "metadata"})
    optional = frozenset({"tokens"})

    def __call__(self, article):
        if article.tokens:
            raise StageError(self.name, "the article is already tokenised; cleaning now would break token offsets")
        raw = article.raw
        res = find_removals(raw, article.title)
        if article.title is None and res.title is not None:
            article.title = res.title
        if res.dateline is not None:
            article.meta["dateline"] = res.dateline
            if article.publisher is None and res.publisher:
                article.publisher = res.publisher
            if article.section is None and res.section:
                article.section = res.section
        article.removed = res.removed
        article.alignment = Alignment.from_deletions(len(raw), [(r.start, r.end) for r in res.removed])
        article.text = article.alignment.apply(raw)
        return article

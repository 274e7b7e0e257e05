"""Stage `names`: the English spelling of persons and organisations (rasid.names).

Persons: the known-people lexicon, then name-part lexicons and press-style
transliteration rules. Organisations: composed from a table of key words, or
left empty when a piece is unknown (no guessed English for an institution). Places the
gazetteer did not name: only a facility head and known pieces (مطار عدن: Aden Airport).
"""
from __future__ import annotations

from rasid.names.translit import to_latin
from rasid.stages.base import Stage, register


@register
class Names(Stage):
    name = "names"
    version = "1"
    reads = frozenset({"entities", "latin"})
    writes = frozenset({"latin"})

    def __init__(self, article_style: str = "al") -> None:
        self.article_style = article_style

    def __call__(self, article):
        for e in article.entities:
            if e.name_latin or e.type not in ("PER", "ORG", "LOC"):
                continue            # (a place: only a facility the gazetteer did not know, مطار عدن)
            try:
                e.name_latin = to_latin(e.name, e.type, article=self.article_style)
            except ValueError:
                e.name_latin = None
        return article

"""Stage `sentences`: group tokens into sentences (see :mod:`rasid.lang.ar.sentences`)."""
from rasid.lang.ar.sentences import split_sentences
from rasid.stages.base import Stage, register


@register
class Sentences(Stage):
    """Sets ``article.sentences`` from ``article.tokens``."""

    name = "sentences"
    version = "1"
    reads = frozenset({"text", "tokens"})
    writes = frozenset({"sentences"})

    def __call__(self, article):
        article.sentences = split_sentences(article.text or "", article.tokens)
        return article

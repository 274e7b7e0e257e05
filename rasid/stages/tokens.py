"""Stage `tokens`: tokenize the cleaned text (see :mod:`rasid.lang.ar.tokenize`)."""
from rasid.lang.ar.tokenize import tokenize
from rasid.stages.base import Stage, register


@register
class Tokens(Stage):
    """Sets ``article.tokens`` to the tokens of ``article.text`` (with clitic words)."""

    name = "tokens"
    version = "1"
    reads = frozenset({"text"})
    writes = frozenset({"tokens"})

    def __call__(self, article):
        article.tokens = tokenize(article.text or "")
        return article

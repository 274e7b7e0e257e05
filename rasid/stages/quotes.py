"""Stage `quotes`: direct and indirect quotations with their speakers (rasid.quotes)."""
from rasid.quotes.attribute import find_quotes
from rasid.stages.base import Stage, register


@register
class Quotes(Stage):
    name = "quotes"
    version = "1"
    requires = frozenset({"entities", "sentences"})
    provides = frozenset({"quotes"})

    def __call__(self, article):
        article.quotes = find_quotes(article)
        return article

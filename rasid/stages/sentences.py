"""Stage `sentences` (TO BE WRITTEN)."""
from rasid.stages.base import Stage, register


@register
class Sentences(Stage):
    name = "sentences"
    version = "0"
    requires = frozenset({"tokens"})
    provides = frozenset({"sentences"})

    def __call__(self, article):
        raise NotImplementedError

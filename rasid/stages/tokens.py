"""Stage `tokens` (TO BE WRITTEN)."""
from rasid.stages.base import Stage, register


@register
class Tokens(Stage):
    name = "tokens"
    version = "0"
    requires = frozenset({"text"})
    provides = frozenset({"tokens"})

    def __call__(self, article):
        raise NotImplementedError

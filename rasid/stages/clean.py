"""Stage `clean`: cut boilerplate from the raw text (TO BE WRITTEN)."""
from rasid.stages.base import Stage, register


@register
class Clean(Stage):
    name = "clean"
    version = "0"
    requires = frozenset({"raw"})
    provides = frozenset({"text", "clean"})

    def __call__(self, article):
        raise NotImplementedError

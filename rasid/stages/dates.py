"""Stage `dates`: time expressions resolved against the publication date (see :mod:`rasid.dates`)."""
from rasid.dates import find_times
from rasid.stages.base import Stage, register


@register
class Dates(Stage):
    """Sets ``article.times`` (ids t1, t2 ... in text order) from ``article.text`` and ``article.published``.

    Relative expressions (أمس، الأسبوع الماضي ...) keep ``value`` None when the
    article has no publication date; absolute ones (12 مارس 2025) resolve anyway.
    """

    name = "dates"
    version = "1"
    reads = frozenset({"text", "metadata"})
    writes = frozenset({"times"})

    def __call__(self, article):
        article.times = find_times(article.text or "", article.published)
        return article

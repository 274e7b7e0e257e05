"""Stage `events`: PLOVER events with actors, place, date and topics (rasid.events.finder)."""
from rasid.events.finder import find_events
from rasid.stages.base import Stage, register


@register
class Events(Stage):
    name = "events"
    version = "1"
    requires = frozenset({"entities", "times"})
    provides = frozenset({"events"})

    def __init__(self, keep_flagged: bool = True) -> None:
        self.keep_flagged = keep_flagged

    def __call__(self, article):
        article.events = find_events(article, keep_flagged=self.keep_flagged)
        return article

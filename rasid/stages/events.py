"""Stage `events`: PLOVER events with actors, place, date and topics (rasid.events.finder)."""
from rasid.events.finder import EventWords, event_words, find_events
from rasid.lang.ar.triggers import EventLexicon, finder_lexicon
from rasid.stages.base import Stage, register


@register
class Events(Stage):
    name = "events"
    version = "1"
    reads = frozenset({"text", "metadata", "tokens", "sentences", "mentions", "entities", "times", "quotes", "geo"})
    writes = frozenset({"events"})
    optional = frozenset({"quotes", "geo"})

    def __init__(self, keep_flagged: bool = True, triggers: EventLexicon | None = None,
                 words: EventWords | None = None) -> None:
        """``triggers``: the trigger lexicon; ``words``: the word lists of event finding (the shipped
        ones, rasid/lang/ar/lexicons, when not given)."""
        self.keep_flagged = keep_flagged
        self.triggers = triggers if triggers is not None else finder_lexicon()
        self.words = words if words is not None else event_words()

    def __call__(self, article):
        article.events = find_events(article, keep_flagged=self.keep_flagged, triggers=self.triggers,
                                     words=self.words)
        for ev in article.events:
            ev.realis = ("negated" if ev.negated else "future" if ev.future
                         else "hypothetical" if ev.hypothetical else "actual")
        return article

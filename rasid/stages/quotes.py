"""Stage `quotes`: direct and indirect quotations with their speakers (rasid.quotes.attribute)."""
from rasid.lang.ar.speech import SpeechLexicon, speech_lexicon
from rasid.quotes.attribute import QuoteWords, find_quotes, quote_words
from rasid.stages.base import Stage, register


@register
class Quotes(Stage):
    name = "quotes"
    version = "1"
    reads = frozenset({"text", "tokens", "sentences", "mentions", "entities"})
    writes = frozenset({"quotes"})

    def __init__(self, speech: SpeechLexicon | None = None, words: QuoteWords | None = None) -> None:
        """``speech``: the reported-speech lexicon; ``words``: the word lists of speaker finding (the
        shipped ones, rasid/lang/ar/lexicons, when not given)."""
        self.speech = speech if speech is not None else speech_lexicon()
        self.words = words if words is not None else quote_words()

    def __call__(self, article):
        article.quotes = find_quotes(article, speech=self.speech, words=self.words)
        return article

"""Hand-made articles for the mention jobs (tokens and sentences, no model)."""
from rasid.doc import Article
from rasid.lang.ar.sentences import split_sentences
from rasid.lang.ar.tokenize import tokenize


def article_of(text: str) -> Article:
    a = Article(raw=text)
    a.tokens = tokenize(text)
    a.sentences = split_sentences(text, a.tokens)
    return a


def tokens_of(article: Article, surface: str, after: int = 0) -> tuple[int, int]:
    """The token range ``[i, j)`` of ``surface`` (found at or after character ``after``)."""
    start = article.text.index(surface, after)
    return article.token_index().span(start, start + len(surface))


def surfaces(article: Article, spans) -> list[tuple[str, str]]:
    """(text, label) of token-range spans."""
    toks = article.tokens
    return [(article.text[toks[s[0]].start:toks[s[1] - 1].end], s[2]) for s in spans]


class FakeTagger:
    """Tags the words it is given (word or (sentence index, word) -> IOB2 tag); "O" elsewhere."""

    def __init__(self, tags: dict[str, str]) -> None:
        self.tags = tags
        self.calls = 0

    def tag_document(self, sentences):
        self.calls += 1
        return [[self.tags.get((n, w), self.tags.get(w, "O")) for w in s] for n, s in enumerate(sentences)]

"""Build articles with hand-placed mentions (no model needed)."""
from rasid.doc import Article, Mention
from rasid.entities.spans import name_key
from rasid.lang.ar.sentences import split_sentences
from rasid.lang.ar.tokenize import tokenize


def article_with(text: str, marked: list[tuple[str, str]]) -> Article:
    """``marked``: (surface, label) in order of appearance; each surface is found after the previous one."""
    a = Article(raw=text)
    a.tokens = tokenize(text)
    a.sentences = split_sentences(text, a.tokens)
    pos = 0
    for n, (surface, label) in enumerate(marked, 1):
        start = text.index(surface, pos)
        end = start + len(surface)
        sent = next(i for i, s in enumerate(a.sentences) if s.start <= start < s.end)
        name = surface
        a.mentions.append(Mention(f"m{n}", start, end, surface, label, name_key(name), sentence=sent))
        pos = start + 1
    return a

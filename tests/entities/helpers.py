"""Build articles with hand-placed mentions (no model needed)."""
from rasid.doc import Article, Mention
from rasid.entities.spans import name_key
from rasid.pipeline import Pipeline

SPLIT = Pipeline.from_names(["tokens", "sentences"], given={"text"}, errors="raise")


def article_with(text: str, marked: list[tuple[str, str]]) -> Article:
    """``marked``: (surface, label) in order of appearance; each surface is found after the previous one."""
    a = SPLIT(Article(raw=text))
    pos = 0
    for n, (surface, label) in enumerate(marked, 1):
        start = text.index(surface, pos)
        end = start + len(surface)
        sent = next(i for i, s in enumerate(a.sentences) if s.start <= start < s.end)
        name = surface
        a.mentions.append(Mention(f"m{n}", start, end, surface, label, name_key(name), sentence=sent))
        pos = start + 1
    return a

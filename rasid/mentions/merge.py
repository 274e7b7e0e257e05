"""Overlapping spans resolved; new mentions made and merged into an article's list."""
from __future__ import annotations


from rasid.doc.layers import Mention
from rasid.doc.token_index import TokenIndex
from rasid.entities.spans import name_key

Span = tuple[int, int, str, str]

__all__ = ["resolve_overlaps", "new_mention", "merged", "covered_tokens"]


def resolve_overlaps(spans: list[Span]) -> list[Span]:
    """Drop overlapping token spans: a rule's PER/ORG beats the model's MISC (nisba words);
    a model ORG that runs into a rule's person stops before it; otherwise longer first,
    then model before rules, then earlier. The spans kept, in token order."""
    if len(spans) < 2:
        return list(spans)      # nothing to overlap
    rules = [s for s in spans if s[3] == "rule" and s[2] != "LOC"]
    spans = [s for s in spans if not (s[3] == "model" and s[2] == "MISC"
                                      and any(s[0] < r[1] and r[0] < s[1] for r in rules))]
    persons = [r for r in rules if r[2] == "PER"]
    cut = []
    for s in spans:     # المتحدث باسم مجلس المحافظة عيد عماش: the model's ORG runs into the name
        if s[3] == "model" and s[2] == "ORG":
            inner = [p for p in persons if s[0] < p[0] < s[1]]
            if inner:
                s = (s[0], min(p[0] for p in inner), s[2], s[3])
        cut.append(s)
    spans = cut
    model_per = {s[0]: s[1] for s in spans if s[3] == "model" and s[2] == "PER" and s[1] - s[0] >= 2}
    # a rule's person that starts where the model's whole name (two words or more) does and runs on
    # past it ends where the model's ends: the title walk's end is a guess (ديفيد كاميرون يعتزم), the
    # model's is learned. A model's one word is often a given name whose family name the walk adds
    # (وزير الدفاع سمير مقبل: مقبل is also "coming")
    spans = [(s[0], model_per[s[0]], s[2], s[3]) if s[3] == "rule" and s[2] == "PER"
             and model_per.get(s[0], s[1]) < s[1] else s for s in spans]
    order = sorted(spans, key=lambda s: (-(s[1] - s[0]), s[3] != "model", s[0]))
    taken: list[Span] = []
    for s in order:
        if all(s[1] <= t[0] or t[1] <= s[0] for t in taken):
            taken.append(s)
    return sorted(taken)


def new_mention(article, start: int, end: int, name: str, label: str, source: str) -> Mention:
    """A mention found after tagging, in the sentence that holds ``start`` (its id is set by
    :func:`merged`)."""
    sent = article.sentence_index().at(start)
    return Mention("", start, end, article.text[start:end], label, name_key(name), sentence=sent, source=source)


def merged(mentions: list[Mention], added: list[Mention]) -> list[Mention]:
    """Mentions and added mentions in text order, renumbered m1, m2 … (``mentions`` itself when
    nothing is added)."""
    if not added:
        return mentions
    out = sorted(mentions + added, key=lambda m: m.start)
    for n, m in enumerate(out, 1):
        m.id = f"m{n}"
    return out


def covered_tokens(idx: TokenIndex, spans) -> set[int]:
    """Indexes of the tokens that start inside one of the character spans, and of a token a span
    starts inside (والدواية for a mention that leaves its و out)."""
    out: set[int] = set()
    for a, b in spans:
        i, j = idx.span(a, b)
        if i > 0 and idx.ends[i - 1] > a:
            i -= 1
        out.update(range(i, j))
    return out

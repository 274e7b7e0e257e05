"""Document consistency: a name found once is found everywhere in the article."""
from __future__ import annotations

from rasid.doc.layers import Mention
from rasid.doc.token_index import TokenIndex
from rasid.entities.spans import name_key, token_range_to_span
from rasid.entities.vocabulary import ActorVocabulary, is_nisba
from rasid.lang.ar.normalize import norm_key
from rasid.mentions.merge import covered_tokens, new_mention

__all__ = ["propagate"]


def propagate(article, idx: TokenIndex, mentions: list[Mention], vocab: ActorVocabulary) -> list[Mention]:
    """New mentions (not yet numbered) of the names already found, and of a person's family name
    on its own (وأفاد الجبير أن … after عادل الجبير), where no mention covers them.

    A mention cut inside its token (لويد from فلويد) gets its letters back in place when the
    whole form is a word of another name in the article (جورج فلويد)."""
    text, tokens = article.text, article.tokens
    lex = vocab
    names: dict[tuple[str, ...], str] = {}
    for m in mentions:
        words = tuple(m.norm.split())
        if not words or m.label == "MISC" or (len(words) == 1 and words[0] in lex.honorifics):
            continue
        names.setdefault(words, m.label)
        if m.label == "PER" and len(words) >= 2:
            last = words[-1]
            if last in lex.honorifics or last in lex.person_titles:
                continue        # ولد الشيخ: a title word is no family name
            if len(last) >= 4 and last not in lex.stop and not is_nisba(last) or last.startswith("ال") and len(last) >= 5:
                names.setdefault((last,), "PER")
    if not names:
        return []
    words_in_names = {w for k in names for w in k}
    for m in mentions:
        k = idx.index(m.start)
        if k and (k >= len(tokens) or tokens[k].start > m.start):
            k -= 1
        tok = tokens[k] if k < len(tokens) else None
        if tok is None or tok.start >= m.start or not tok.split:
            continue
        for w in tok.words:
            if w.start >= m.start:
                break
            if norm_key(text[w.start:m.end]) in words_in_names and w.start < m.start:
                m.start, m.text = w.start, text[w.start:m.end]
                m.norm = name_key(m.text)
                break
    covered = [(m.start, m.end) for m in mentions]
    taken = covered_tokens(idx, covered)
    keys = idx.stems
    longest_from: dict[str, int] = {}      # first word -> the longest name starting with it
    for words in names:
        longest_from[words[0]] = max(longest_from.get(words[0], 0), len(words))
    added = []
    after = 0       # tokens before this one are in a name just added
    for k in [k for k, key in enumerate(keys) if key in longest_from]:
        if k < after or tokens[k].kind != "word" or k in taken:
            continue
        hit = None
        for n in range(min(longest_from[keys[k]], len(tokens) - k), 0, -1):
            if any(tokens[j].kind != "word" for j in range(k, k + n)):
                continue
            label = names.get(tuple(keys[k:k + n]))
            if label and not any(j in taken for j in range(k, k + n)):
                hit = (n, label)
                break
        if hit is None:
            continue
        n, label = hit
        found = token_range_to_span(text, tokens, k, k + n)
        if found:
            added.append(new_mention(article, *found, label, "propagation"))
        after = k + n
    return added

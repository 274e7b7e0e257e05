"""Mention proposals: the tagger's spans, the rule walkers' spans, and gazetteer places."""
from __future__ import annotations

from rasid.doc.layers import Mention
from rasid.doc.token_index import TokenIndex
from rasid.entities.rules import Rules
from rasid.entities.spans import token_range_to_span
from rasid.entities.vocabulary import ActorVocabulary, is_nisba
from rasid.mentions.merge import covered_tokens, new_mention
from rasid.ner.evaluate import chunks

Span = tuple[int, int, str, str]

__all__ = ["model_spans", "rule_spans", "gazetteer_places"]

_TO = frozenset({"الي", "حتي"})      # من X إلى Y (norm keys)


def model_spans(tagger, article) -> list[list[Span]]:
    """The tagger's spans of each sentence (absolute token ranges, source "model").

    The whole article is tagged at once: the tagger's second pass sees how each word was
    tagged nearby."""
    text, tokens = article.text, article.tokens
    bounds = [(s.token_start, s.token_end) for s in article.sentences]
    tagged = tagger.tag_document([[text[t.start:t.end] for t in tokens[a:b]] for a, b in bounds])
    return [[(a + i, a + j, label, "model") for i, j, label in chunks(tags)]
            for (a, _), tags in zip(bounds, tagged)]


def rule_spans(rules: Rules, a: int, b: int) -> list[Span]:
    """The rule walkers' spans in the sentence's token range ``[a, b)`` (source "rule")."""
    return [(i, j, label, "rule") for i, j, label in rules.spans(a, b)]


def gazetteer_places(article, idx: TokenIndex, mentions: list[Mention], vocab: ActorVocabulary,
                     gazetteer) -> list[Mention]:
    """Places the tagger missed: words the gazetteer knows as a town of the article's own
    countries (or as a country), alone or listed beside a known place (لحج أو الضالع أو تعز).
    Returns the new mentions (not yet numbered)."""
    from rasid.geo import context_from_text, resolve
    from rasid.ner.everyday import everyday_words

    gaz = gazetteer
    text, tokens = article.text, article.tokens
    context = context_from_text(text, gaz)
    if not context:
        return []
    top = max(context.values())
    home = {c for c, n in context.items() if n * 3 >= top}
    covered = [(m.start, m.end) for m in mentions]
    # words of names already known as persons or organisations are not places (مرسي)
    named = {w for m in mentions if m.label in ("PER", "ORG") for w in m.norm.split()}
    cands = {}      # token index -> (start, end, name) of a gazetteer place of the home countries
    strong = set()
    taken = covered_tokens(idx, covered)
    keys = idx.stems
    lex = vocab
    everyday = everyday_words()
    openers = {s.token_start for s in article.sentences}
    # cheap first: only words the gazetteer has a key for (with or without ال)
    known = gaz.place_words().intersection(keys)
    resolved = {}       # name -> its place in this article's context
    for k in [k for k, key in enumerate(keys) if key in known]:
        t = tokens[k]
        if t.kind != "word" or k in taken:
            continue
        key = keys[k]
        if (len(key) < 3 or key in named or key in lex.stop or key in lex.office_complements or key in lex.org_heads
                or key in lex.person_titles or is_nisba(key)):
            continue
        if key.startswith("ال") and k and tokens[k - 1].kind == "word" and keys[k - 1].startswith("ال"):
            continue    # a definite adjective after a definite noun (السفير الجديد)
        found = token_range_to_span(text, tokens, k, k + 1)
        if found is None:
            continue
        if found[2] not in resolved:
            resolved[found[2]] = resolve(found[2], context, gaz)
        cand = resolved[found[2]]
        if cand is None or (cand.country not in home and (cand.population < 1_000_000 or k in openers)):
            continue    # (a sentence's first word is mostly its verb: كرّم is not Rome, far from the news)
        cands[k] = found
        if cand.feature in ("country", "capital") or cand.population >= 100_000 or (
                cand.feature == "region" and key not in everyday and not tokens[k].split):
            strong.add(k)       # a first-level region of the article's countries (صعدة، ديالى) counts too

    def joined(k: int, other: int) -> bool:
        """Token ``other`` is a place listed right before/after token ``k`` (X أو Y، X وY), or the
        start of a way that ``k`` ends (من محافظة إب إلى صعدة)."""
        if other < k and keys[k - 1] in _TO and any(keys[o] == "من" for o in range(max(0, other - 3), other)):
            return True
        lo, hi = min(k, other), max(k, other)
        gap = tokens[lo + 1:hi]
        if len(gap) > 1:
            return False
        if not gap:
            return tokens[hi].conj
        return gap[0].kind == "word" and keys[lo + 1] in ("او", "و") or text[gap[0].start] == "،"

    places = set(strong)
    loc_tokens = {k for m in mentions if m.label == "LOC" for k in range(*idx.span(m.start, m.end))}
    changed = True
    while changed:
        changed = False
        for k in cands:
            if k in places:
                continue
            way = range(max(0, k - 6), k - 1) if k and keys[k - 1] in _TO else ()
            near = [o for o in (k - 2, k - 1, k + 1, k + 2, *way) if o in places or o in loc_tokens]
            if any(joined(k, o) for o in near):
                places.add(k)
                changed = True
    return [new_mention(article, *cands[k], "LOC", "gazetteer") for k in sorted(places)]

"""Stage `mentions`: named-entity mentions (PER, ORG, LOC, MISC) in the cleaned text.

The project's CRF tagger (rasid.ner, trained by `make train`) tags each
sentence's tokens; rule candidates (rasid.entities.rules: title triggers,
organisation heads, gazetteer places) add what it misses. Overlaps are
resolved in favour of the longer span, then the model.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from rasid.doc.layers import Mention
from rasid.entities.countries import word_country
from rasid.entities.lexicon import is_nisba, lexicon
from rasid.entities.roles import has_conjunction, stem_key, token_index, token_keys, token_starts
from rasid.entities.rules import rule_spans
from rasid.entities.spans import name_key, token_range_to_span
from rasid.lang.ar.normalize import norm_key
from rasid.ner.evaluate import chunks
from rasid.stages.base import Stage, register


def _resolve(spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Drop overlapping token spans: a rule's PER/ORG beats the model's MISC (nisba words);
    otherwise longer first, then model before rules, then earlier."""
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
    order = sorted(spans, key=lambda s: (-(s[1] - s[0]), s[3] != "model", s[0]))
    taken: list[tuple[int, int, str, str]] = []
    for s in order:
        if all(s[1] <= t[0] or t[1] <= s[0] for t in taken):
            taken.append(s)
    return sorted(taken)


_TANWEEN = re.compile("[\u064b-\u064d]")
_LOC_HEADS = {"جمهوريه", "مملكه", "دوله", "سلطنه", "اماره", "امارات", "قناه", "مطار", "ميناء", "قاعده",
              "جسر", "سد", "معبر", "مخيم", "جزيره"}


def _new_mention(article, start: int, end: int, name: str, label: str, source: str) -> Mention:
    """A mention found after tagging (its id is set by :func:`_merged`)."""
    sent = next((i for i, s in enumerate(article.sentences) if s.start <= start < s.end), -1)
    return Mention("", start, end, article.text[start:end], label, name_key(name), sentence=sent, source=source)


def _merged(mentions: list[Mention], added: list[Mention]) -> list[Mention]:
    """Mentions and added mentions in text order, renumbered m1, m2 …"""
    if not added:
        return mentions
    merged = sorted(mentions + added, key=lambda m: m.start)
    for n, m in enumerate(merged, 1):
        m.id = f"m{n}"
    return merged


def _covered_tokens(tokens, spans) -> set[int]:
    """Indexes of the tokens that start inside one of the character spans."""
    starts = token_starts(tokens)
    out: set[int] = set()
    for a, b in spans:
        out.update(range(bisect_left(starts, a), bisect_left(starts, b)))
    return out


def _verb(tok) -> bool:
    """A verb the event or speech lexicons know (التقى، ناقش، قال، أكد …)."""
    from rasid.lang.ar.triggers import event_lexicon
    from rasid.lang.ar.speech import speech_lexicon

    key = stem_key(tok)
    if key in speech_lexicon().verbs:
        return True
    trig = event_lexicon().match_token(tok)
    return trig is not None and trig.pos == "verb"


def _trim(text, tokens, i, j, label, b):
    """Leading event nouns off persons (لقاء X); following nisba adjectives onto organisations."""
    lex = lexicon()
    keys = token_keys(tokens)
    if label == "PER":
        while j - i > 1 and tokens[i].kind == "word" and (keys[i] in lex.leading_non_names
                                                           or word_country(keys[i])
                                                           or _verb(tokens[i])):
            i += 1
        while j - i > 1 and tokens[j - 1].kind == "word" and _verb(tokens[j - 1]):
            j -= 1      # أحمد التقى، أحمد ناقش: the tagger ran on into the verb
    elif label == "LOC":
        # جمهورية مصر العربية، سلطنة عمان؛ قناة السويس، مطار عدن، قاعدة الحبانية
        while i - 1 >= 0 and tokens[i - 1].kind == "word" and keys[i - 1] in _LOC_HEADS \
                and not has_conjunction(tokens[i - 1]):
            i -= 1
    elif label == "ORG":
        k = j
        if k < b and tokens[k].kind == "quote" and text[tokens[k].start] in "»”":
            k += 1
        while k < b and tokens[k].kind == "word" and not has_conjunction(tokens[k]) and (
                is_nisba(keys[k]) or keys[k] in lex.org_time_adjectives):
            k += 1
            j = k
    return i, j


@register
class Mentions(Stage):
    name = "mentions"
    version = "1"
    reads = frozenset({"text", "tokens", "sentences"})
    writes = frozenset({"mentions"})

    def __init__(self, rules: bool = True) -> None:
        from rasid.ner import load_tagger

        self._tagger = load_tagger
        self.rules = rules

    def __call__(self, article):
        tagger = self._tagger()
        text, tokens = article.text, article.tokens
        mentions: list[Mention] = []
        # the whole article at once: the tagger's second pass sees how each word was tagged nearby
        bounds = [(s.token_start, s.token_end) for s in article.sentences]
        tagged = tagger.tag_document([[text[t.start:t.end] for t in tokens[a:b]] for a, b in bounds])
        for si, (sent, tags) in enumerate(zip(article.sentences, tagged)):
            a, b = sent.token_start, sent.token_end
            if a >= b:
                continue
            spans = [(a + i, a + j, label, "model") for i, j, label in chunks(tags)]
            if self.rules:
                spans += [(i, j, label, "rule") for i, j, label in rule_spans(text, tokens, a, b, word_country)]
            for i, j, label, source in _resolve(spans):
                i, j = _trim(text, tokens, i, j, label, b)
                found = token_range_to_span(text, tokens, i, j)
                if found is None:
                    continue
                start, end, name = found
                key = name_key(name)
                if j - i == 1 and label == "PER" and (key in lexicon().honorifics
                                                      or key in lexicon().person_titles):
                    continue        # الشيخ، الرئيس alone: a title, not a name
                if j - i == 1 and _TANWEEN.search(text[start:end]):
                    continue        # «لقاءً بناءً»: an indefinite noun or adjective, not a name
                if j - i == 1 and label in ("PER", "ORG") and is_nisba(key) and word_country(key):
                    label = "MISC"  # نظيره السوري: a nationality adjective, not an organisation
                mentions.append(Mention(f"m{len(mentions) + 1}", start, end, text[start:end], label,
                                        key, sentence=si, source=source))
        if self.rules:
            mentions = self._propagate(article, mentions)
            mentions = self._gazetteer_places(article, mentions)
        article.mentions = mentions
        return article

    @staticmethod
    def _propagate(article, mentions):
        """Document consistency: a name found once is found everywhere in the article, and so is a
        person's family name on its own (وأفاد الجبير أن … after عادل الجبير)."""
        text, tokens = article.text, article.tokens
        lex = lexicon()
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
            return mentions
        # a mention cut inside its token (لويد from فلويد) gets its letters back when the whole form is
        # a word of another name in the article (جورج فلويد)
        words_in_names = {w for k in names for w in k}
        for m in mentions:
            k = token_index(tokens, m.start)
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
        taken = _covered_tokens(tokens, covered)
        keys = token_keys(tokens)
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
                added.append(_new_mention(article, *found, label, "propagation"))
            after = k + n
        return _merged(mentions, added)

    @staticmethod
    def _gazetteer_places(article, mentions):
        """Places the tagger missed: words the gazetteer knows as a town of the article's own
        countries (or as a country), alone or listed beside a known place (لحج أو الضالع أو تعز)."""
        from rasid.geo import Gazetteer, context_from_text, resolve

        gaz = Gazetteer.default()
        text, tokens = article.text, article.tokens
        context = context_from_text(text, gaz)
        if not context:
            return mentions
        top = max(context.values())
        home = {c for c, n in context.items() if n * 3 >= top}
        covered = [(m.start, m.end) for m in mentions]
        # words of names already known as persons or organisations are not places (مرسي)
        named = {w for m in mentions if m.label in ("PER", "ORG") for w in m.norm.split()}
        loc_ends = {m.end for m in mentions if m.label == "LOC"}
        loc_starts = {m.start for m in mentions if m.label == "LOC"}
        cands = {}      # token index -> (start, end, name) of a gazetteer place of the home countries
        strong = set()
        taken = _covered_tokens(tokens, covered)
        keys = token_keys(tokens)
        lex = lexicon()
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
            if cand is None or (cand.country not in home and cand.population < 1_000_000):
                continue
            cands[k] = found
            if cand.feature in ("country", "capital") or cand.population >= 100_000:
                strong.add(k)

        def joined(k: int, other: int) -> bool:
            """Token ``other`` is a place listed right before/after token ``k`` (X أو Y، X وY)."""
            lo, hi = min(k, other), max(k, other)
            gap = tokens[lo + 1:hi]
            if len(gap) > 1:
                return False
            if not gap:
                return has_conjunction(tokens[hi])
            return gap[0].kind == "word" and keys[lo + 1] in ("او", "و") or text[gap[0].start] == "،"

        places = set(strong)
        loc_tokens = {k for m in mentions if m.label == "LOC"
                      for k in range(token_index(tokens, m.start), token_index(tokens, m.end))}
        changed = True
        while changed:
            changed = False
            for k in cands:
                if k in places:
                    continue
                near = [o for o in (k - 2, k - 1, k + 1, k + 2) if o in places or o in loc_tokens]
                if any(joined(k, o) for o in near):
                    places.add(k)
                    changed = True
        added = []
        for k in sorted(places):
            added.append(_new_mention(article, *cands[k], "LOC", "gazetteer"))
        return _merged(mentions, added)

"""Stage `mentions`: named-entity mentions (PER, ORG, LOC, MISC) in the cleaned text.

The project's CRF tagger (rasid.ner, trained by `make train`) tags each
sentence's tokens; rule candidates (rasid.entities.rules: title triggers,
organisation heads, gazetteer places) add what it misses. Overlaps are
resolved in favour of the longer span, then the model.
"""
from __future__ import annotations

from rasid.doc.layers import Mention
from rasid.entities.countries import word_country
from rasid.entities.lexicon import is_nisba, lexicon
from rasid.entities.roles import has_conjunction, stem_key
from rasid.entities.rules import rule_spans
from rasid.entities.spans import name_key, token_range_to_span
from rasid.stages.base import Stage, register


def _resolve(spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Drop overlapping token spans: a rule's PER/ORG beats the model's MISC (nisba words);
    otherwise longer first, then model before rules, then earlier."""
    rules = [s for s in spans if s[3] == "rule" and s[2] != "LOC"]
    spans = [s for s in spans if not (s[3] == "model" and s[2] == "MISC"
                                      and any(s[0] < r[1] and r[0] < s[1] for r in rules))]
    order = sorted(spans, key=lambda s: (-(s[1] - s[0]), s[3] != "model", s[0]))
    taken: list[tuple[int, int, str, str]] = []
    for s in order:
        if all(s[1] <= t[0] or t[1] <= s[0] for t in taken):
            taken.append(s)
    return sorted(taken)


def _trim(text, tokens, i, j, label, b):
    """Leading event nouns off persons (لقاء X); following nisba adjectives onto organisations."""
    lex = lexicon()
    if label == "PER":
        while j - i > 1 and tokens[i].kind == "word" and (stem_key(tokens[i]) in lex.leading_non_names
                                                           or word_country(stem_key(tokens[i]))):
            i += 1
    elif label == "ORG":
        k = j
        if k < b and tokens[k].kind == "quote" and text[tokens[k].start] in "»”":
            k += 1
        while k < b and tokens[k].kind == "word" and not has_conjunction(tokens[k]) and (
                is_nisba(stem_key(tokens[k])) or stem_key(tokens[k]) in ("المؤقته", "الانتقاليه")):
            k += 1
            j = k
    return i, j


@register
class Mentions(Stage):
    name = "mentions"
    version = "1"
    requires = frozenset({"tokens", "sentences"})
    provides = frozenset({"mentions"})

    def __init__(self, rules: bool = True) -> None:
        from rasid.ner import load_tagger

        self._tagger = load_tagger
        self.rules = rules

    def __call__(self, article):
        tagger = self._tagger()
        text, tokens = article.text, article.tokens
        mentions: list[Mention] = []
        for si, sent in enumerate(article.sentences):
            a, b = sent.token_start, sent.token_end
            if a >= b:
                continue
            surfaces = [text[t.start:t.end] for t in tokens[a:b]]
            spans = [(a + i, a + j, label, "model") for i, j, label in tagger.entities(surfaces)]
            if self.rules:
                spans += [(i, j, label, "rule") for i, j, label in rule_spans(text, tokens, a, b, word_country)]
            for i, j, label, source in _resolve(spans):
                i, j = _trim(text, tokens, i, j, label, b)
                found = token_range_to_span(text, tokens, i, j)
                if found is None:
                    continue
                start, end, name = found
                mentions.append(Mention(f"m{len(mentions) + 1}", start, end, text[start:end], label,
                                        name_key(name), sentence=si, source=source))
        article.mentions = mentions
        return article

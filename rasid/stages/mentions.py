"""Stage `mentions`: named-entity mentions (PER, ORG, LOC, MISC) in the cleaned text.

The project's CRF tagger (rasid.ner, trained by `make train`) tags each
sentence's tokens; rule candidates (rasid.entities.rules: title triggers,
organisation heads, place heads, known organisations) add what it misses.
Overlaps are resolved in favour of the longer span, then the model; edges are
trimmed; then names found once are propagated through the article and
gazetteer places the tagger missed are added. The jobs live in rasid.mentions.
"""
from __future__ import annotations

from functools import cache

from rasid.doc.layers import Mention
from rasid.entities.countries import word_country
from rasid.entities.rules import Rules
from rasid.entities.spans import name_key, token_range_to_span
from rasid.entities.vocabulary import ActorVocabulary, KnownVerbs, vocabulary
from rasid.mentions.candidates import gazetteer_places, model_spans, rule_spans
from rasid.mentions.merge import merged, resolve_overlaps
from rasid.mentions.propagate import propagate
from rasid.mentions.trim import (coordinated, given_name_before, join_named_after, named_after_head,
                                 one_word_label, trim)
from rasid.ner.everyday import everyday_words
from rasid.stages.base import Stage, register


@register
class Mentions(Stage):
    name = "mentions"
    version = "1"
    reads = frozenset({"text", "tokens", "sentences"})
    writes = frozenset({"mentions"})

    def __init__(self, rules: bool = True, *, tagger=None, vocab: ActorVocabulary | None = None,
                 verbs: KnownVerbs | None = None, gazetteer=None) -> None:
        """``rules``: add the rule, propagation and gazetteer candidates to the tagger's.
        ``tagger`` (rasid.ner), ``vocab`` (the actor vocabulary), ``verbs`` (the speech and event
        lexicons' verbs) and ``gazetteer`` (rasid.geo) default to the shipped ones, loaded on first
        use. Country words come from rasid.entities.countries."""
        self.rules = rules
        self._tagger = tagger
        self._vocab = vocab
        self._verbs = verbs
        self._gazetteer = gazetteer

    def _resources(self):
        if self._tagger is None:
            from rasid.ner import load_tagger

            self._tagger = load_tagger()
        if self._vocab is None:
            self._vocab = vocabulary()
        if self._verbs is None:
            self._verbs = KnownVerbs()
        if self._gazetteer is None and self.rules:
            from rasid.geo import Gazetteer

            self._gazetteer = Gazetteer.default()
        return self._tagger, self._vocab, self._verbs

    def __call__(self, article):
        tagger, vocab, verbs = self._resources()
        text, tokens = article.text, article.tokens
        idx = article.token_index()
        stems = idx.stems
        rules = Rules(text, tokens, stems, vocab, verbs, word_country) if self.rules else None
        everyday = everyday_words() if self.rules else frozenset()
        mentions: list[Mention] = []
        for si, (sent, spans) in enumerate(zip(article.sentences, model_spans(tagger, article))):
            a, b = sent.token_start, sent.token_end
            if a >= b:
                continue
            if rules is not None:
                spans += rule_spans(rules, a, b)
            pieces = []
            for i, j, label, source in resolve_overlaps(spans):
                i, j = trim(text, tokens, stems, i, j, label, b, vocab, verbs, word_country)
                pieces += [(x, y, label, source) for x, y in coordinated(tokens, i, j, label)]
            for i, j, label, source in pieces:
                found = token_range_to_span(text, tokens, i, j)
                if found is None:
                    continue
                start, end, name = found
                key = name_key(name)
                if j - i == 1:
                    # the everyday test: for the tagger's spans, and for a person a rule found after a
                    # title (القاضي دون، الفريق هذا: a rank or office before a common word)
                    label = one_word_label(text[start:end], key, label, vocab, word_country, stem=stems[i],
                                           everyday=everyday if source == "model" or (
                                               source == "rule" and label == "PER") else frozenset())
                    if label is None:
                        continue
                mentions.append(Mention(f"m{len(mentions) + 1}", start, end, text[start:end], label,
                                        key, sentence=si, source=source))
        mentions = _join_adjacent(text, mentions)
        mentions = join_named_after(text, mentions, vocab, name_key)
        mentions = named_after_head(text, tokens, stems, mentions, vocab, name_key, idx.at)
        if rules is not None:
            mentions = _one_word_orgs_in_context(article, mentions)
            mentions = given_name_before(text, tokens, stems, mentions, vocab, _first_names(), name_key, idx.at,
                                         word_country)
        _known_orgs_as_orgs(mentions)
        if rules is not None:
            mentions = merged(mentions, propagate(article, idx, mentions, vocab))
            mentions = _join_family_name(text, mentions, vocab)
            mentions = merged(mentions, gazetteer_places(article, idx, mentions, vocab, self._gazetteer))
        article.mentions = mentions
        return article


def _known_orgs_as_orgs(mentions: list[Mention]) -> None:
    """A place or person mention whose whole name is a well-known organisation (rasid.names.orgs: داعش،
    حماس) is that organisation: the tagger sometimes reads داعش as a place. Outlets are left alone
    (الخليج، الجزيرة are places too)."""
    from rasid.names.orgs import MEDIA_KINDS, known_org

    for m in mentions:
        if m.label in ("LOC", "PER"):
            org = known_org(m.text)
            if org is not None and org.kind not in MEDIA_KINDS:
                m.label = "ORG"


def _join_family_name(text: str, mentions: list[Mention], vocab) -> list[Mention]:
    """A person's name of two words or more, followed with nothing but a space by a one-word person
    that is a name found elsewhere in the article (propagated, or a rule's person after a title: د.
    توكل), is one name cut short by the tagger: سمير بن عبدالرحمن + توكل. (A second person would be set
    off by و, a comma or a word; an office word such as أمين is no family name.)"""
    return _join_next(text, mentions, lambda prev, m: (
        prev.label == "PER" and m.label == "PER" and len(prev.text.split()) >= 2 and len(m.text.split()) == 1
        and m.source in ("propagation", "rule") and m.norm not in vocab.office_heads
        and m.norm not in vocab.person_titles))


def _join_adjacent(text: str, mentions: list[Mention]) -> list[Mention]:
    """The tagger's organisations, one right after another with nothing but a space between
    (باريس + سان + جيرمان, each opened as a new name), are one name: a second would be set off by و,
    a comma or a word. (Places are left apart: أمريكا مصر in a list, نيل رضا طهران.)"""
    return _join_next(text, mentions, lambda prev, m: (
        prev.source == "model" and m.source == "model" and prev.label == m.label == "ORG"))


def _join_next(text: str, mentions: list[Mention], joins) -> list[Mention]:
    """The mentions in text order, each joined to the one before it when nothing but a space stands
    between them in one sentence, the second opens with no و, and ``joins(before, mention)`` says so."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda x: x.start):
        prev = out[-1] if out else None
        if (prev is not None and prev.sentence == m.sentence and not m.text.startswith("و")
                and prev.end < m.start and text[prev.end:m.start].isspace() and joins(prev, m)):
            prev.end, prev.text = m.end, text[prev.start:m.end]
            prev.norm = name_key(prev.text)
            continue
        out.append(m)
    return out


def _one_word_orgs_in_context(article, mentions: list[Mention]) -> list[Mention]:
    """A one-word organisation of one state that only the lexicon rule found, written as a bare
    triliteral (فتح: also "opened", the commonest reading of three letters is a verb), stays only when
    the article names that state or is published there: فتح in an article about Facebook is the verb."""
    from rasid.entities.publisher import publisher_country
    from rasid.geo import context_from_text
    from rasid.names.orgs import known_org

    context = None
    out = []
    for m in mentions:
        if m.source == "rule" and m.label == "ORG" and " " not in m.text.strip() and len(m.norm) <= 3:
            org = known_org(m.text)
            if org is not None and org.country:
                if context is None:
                    context = context_from_text(article.text)
                if not context.get(org.country) and org.country != publisher_country(article):
                    continue
        out.append(m)
    return out


@cache
def _first_names() -> frozenset[str]:
    """Given names of the NER model's gazetteer (class F), as stem keys."""
    from rasid.entities.spans import name_classes

    return frozenset(w for w, c in name_classes().items() if "F" in c)

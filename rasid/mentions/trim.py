"""A span's edges adjusted to the name, and one-word spans kept, dropped or relabelled."""
from __future__ import annotations

from functools import cache

import re
from typing import Callable

from rasid.doc.layers import Token
from rasid.entities.vocabulary import ActorVocabulary, is_nisba

__all__ = ["trim", "one_word_label", "join_named_after", "coordinated"]

_TANWEEN = re.compile("[\u064b-\u064d]")


def trim(text: str, tokens: list[Token], stems: list[str], i: int, j: int, label: str, b: int,
         vocab: ActorVocabulary, is_verb: Callable[[Token], bool],
         country_of: Callable[[str], str | None]) -> tuple[int, int]:
    """The token range ``[i, j)`` of a span, edges adjusted (``b``: the sentence's end):

    * PER: leading event nouns, country words and verbs off (لقاء X، السوري X), and trailing
      verbs (أحمد التقى: the tagger ran on into the verb);
    * LOC: a state, facility or island head before it joins (جمهورية مصر العربية، مطار عدن);
    * ORG: following nisba adjectives and time adjectives join (وزارة الداخلية الليبية المؤقتة);
    * any: the span stops before a complementizer (صندوق النقد أن اليونان) and sheds a trailing bare
      preposition (مظلوم لـ); a person's name sheds a trailing number (عبدالله 18 عاما).
    """
    keys = stems
    for k in range(i + 1, j):
        if tokens[k].kind == "word" and keys[k] in vocab.complementizers:
            j = k
            break
    while j - i > 1 and ((tokens[j - 1].kind == "word" and len(keys[j - 1]) <= 1)
                         or (label == "PER" and tokens[j - 1].kind == "number")):
        j -= 1
    if label == "PER":
        while j - i > 1 and tokens[i].kind == "word" and (keys[i] in vocab.leading_non_names
                                                           or country_of(keys[i])
                                                           or is_verb(tokens[i])):
            i += 1
        while j - i > 1 and tokens[j - 1].kind == "word" and is_verb(tokens[j - 1]):
            j -= 1
    elif label == "LOC":
        heads = vocab.place_name_heads
        while i - 1 >= 0 and tokens[i - 1].kind == "word" and keys[i - 1] in heads and not tokens[i - 1].conj:
            i -= 1
    elif label == "ORG":
        while j - i > 1 and tokens[j - 1].kind == "word" and tokens[j - 1].split and \
                keys[j - 1] in vocab.place_heads and tokens[j - 1].words[0].kind == "proclitic":
            j -= 1      # مكتب العمل + بمحافظة (the place comes next, not the name's end)
        k = j
        if k < b and tokens[k].kind == "quote" and text[tokens[k].start] in "»”":
            k += 1
        while k < b and tokens[k].kind == "word" and not tokens[k].conj and (
                is_nisba(keys[k]) or keys[k] in vocab.org_time_adjectives):
            k += 1
            j = k
        j = _complement(tokens, keys, j, b, is_verb) if keys[j - 1] in _open_adjectives() else j
    return i, j


@cache
def _open_adjectives() -> frozenset[str]:
    from rasid.lang.ar.lexicons import keys

    return keys("org_general_adjectives")


def _complement(tokens: list[Token], keys: list[str], j: int, b: int, is_verb: Callable[[Token], bool]) -> int:
    """Past a ل complement of an open name (المؤسسة العامة + للخطوط الحديدية، مركز ... + للإغاثة
    والأعمال الإنسانية): لل + a noun, then up to four definite words or words joined by و+ال;
    ``j`` unchanged when no لل word follows."""
    if j >= b or tokens[j].kind != "word" or not tokens[j].norm.startswith("لل") or is_verb(tokens[j]):
        return j
    k = j + 1
    while k < b and k - j <= 4 and tokens[k].kind == "word" and not is_verb(tokens[k]) and (
            tokens[k].norm.startswith(("ال", "وال"))):
        k += 1
    return k


def coordinated(tokens: list[Token], i: int, j: int, label: str) -> list[tuple[int, int]]:
    """A person span cut where a second person is joined by و: the tagger's لوناتي وسيبايوس،
    عبد الغني والعنزي، دينا حايك وشدى حسون are two names each. The و is a conjunction when the word
    after it is definite (والعنزي) or is, without it, a commoner word of the corpus (rasid.lang.ar.
    wordfreq); a name that opens with و stays whole (أوبرا وينفري، كايل ووكر، جاك وارنر).
    Returns the token ranges (one, or two when cut)."""
    if label != "PER" or j - i < 2:
        return [(i, j)]
    from rasid.lang.ar.wordfreq import commoner_part, word_ranks

    ranks = word_ranks() or {}
    for k in range(i + 1, j):
        t = tokens[k]
        if t.kind != "word" or not t.conj or not t.words or t.words[0].norm != "و":
            continue
        whole = t.norm
        rest = whole[1:]
        if (rest.startswith("ال") and len(rest) >= 5) or commoner_part(rest, whole, ranks):
            return [(i, k), (k, j)]
    return [(i, j)]


def one_word_label(surface: str, key: str, label: str, vocab: ActorVocabulary,
                   country_of: Callable[[str], str | None], *, stem: str | None = None,
                   everyday: frozenset[str] = frozenset()) -> str | None:
    """The label of a one-word mention (``key``: its name key, ``stem``: its token's stem key), or
    None when it is no name: a title alone (الشيخ، الرئيس), an indefinite word (لقاءً بناءً), an
    everyday word (``everyday``: rasid.ner.everyday, for spans the tagger alone proposed:
    ادعاءات، حيال، يعمل); a nationality adjective tagged PER or ORG (نظيره السوري) is MISC."""
    if label == "PER" and (key in vocab.honorifics or key in vocab.person_titles):
        return None
    if (everyday and label != "MISC" and (key in everyday or (stem and stem in everyday))
            and not (is_nisba(key) and country_of(key))):
        return None
    if _TANWEEN.search(surface):
        return None
    if label in ("PER", "ORG") and is_nisba(key) and country_of(key):
        return "MISC"
    return label


def join_named_after(text: str, mentions: list, vocab: ActorVocabulary, key: Callable[[str], str]) -> list:
    """An organisation or place named by a head and a person's title, right before a person (مستشفى
    الملك + خالد، جامعة الأمير + سلطان): one organisation or place named after that person (مستشفى
    الملك خالد), not a person of its own. ``key`` makes a name's key."""
    out: list = []
    for m in sorted(mentions, key=lambda x: x.start):
        prev = out[-1] if out else None
        if (prev is not None and m.label == "PER" and prev.label in ("ORG", "LOC") and m.sentence == prev.sentence
                and not text[prev.end:m.start].strip() and _head_and_title(prev.norm.split(), vocab)):
            prev.end = m.end
            prev.text = text[prev.start:m.end]
            prev.norm = key(prev.text)
            continue
        out.append(m)
    return out


def named_after_head(text: str, tokens, stems, mentions: list, vocab: ActorVocabulary,
                     key: Callable[[str], str], token_at: Callable[[int], int]) -> list:
    """:func:`join_named_after` when the tagger found the person alone: a head and a title written
    right before it (بمركز الملك + خالد الحضاري، جامعة الأمير + سلطان) make the person's mention the
    name of an organisation (or a place, for a place or facility head) named after that person."""
    starts = {m.start for m in mentions}
    for m in mentions:
        if m.label != "PER":
            continue
        i = token_at(m.start)
        if i < 2 or tokens[i - 1].kind != "word" or tokens[i - 2].kind != "word":
            continue
        title, head = stems[i - 1], stems[i - 2]
        if title not in vocab.person_titles or (tokens[i - 1].split and any(
                w.kind == "proclitic" for w in tokens[i - 1].words)):
            continue        # (للملك X: a preposition's object, no name of a place)
        if head.startswith("ال") or not any(head in heads for heads in (
                vocab.facility_heads, vocab.place_heads, vocab.named_after_heads)):
            continue        # the head of a name is in the construct state: no ال (الخارجية الأمير X is no
            #                 name); حكومة، قيادة، رئاسة الرئيس X are X's, not named after X
        t = tokens[i - 2]
        start = next((w.start for w in t.words if w.kind != "proclitic"), t.start) if t.split else t.start
        if start in starts:
            continue
        m.label = "ORG" if head in vocab.org_heads else "LOC"
        m.start, m.text = start, text[start:m.end]
        m.norm = key(m.text)
    return mentions


def _head_and_title(words: list[str], vocab: ActorVocabulary) -> bool:
    """Two words: an organisation, facility or place head, then a person's title (مستشفى الملك)."""
    if len(words) != 2 or words[1] not in vocab.person_titles:
        return False
    head = words[0].removeprefix("ال")
    return any(w in heads for w in (words[0], head) for heads in
               (vocab.org_heads, vocab.facility_heads, vocab.place_heads, vocab.named_after_heads))


def given_name_before(text: str, tokens, stems, mentions: list, vocab: ActorVocabulary,
                      first_names, key: Callable[[str], str], token_at: Callable[[int], int],
                      country_of: Callable[[str], str | None]) -> list:
    """A person's given name that is also a nationality adjective (تركي، سعودي: Turki) is part of the
    name after it when that name opens with بن (تركي بن أحمد السديري) or a title stands before the given
    name (الأمير تركي الفيصل): the tagger reads it as a nisba and the name lost its first word.
    ``first_names``: norm keys of given names (the NER gazetteer's). A MISC mention of that word goes."""
    drop = set()
    for m in mentions:
        if m.label != "PER":
            continue
        i = token_at(m.start)
        if i <= 0 or tokens[i - 1].kind != "word":
            continue
        g = stems[i - 1]
        if not (g in first_names and country_of(g)):
            continue
        titled = i >= 2 and tokens[i - 2].kind == "word" and (
            stems[i - 2] in vocab.person_titles or stems[i - 2] in vocab.honorifics)
        if not (stems[i] in ("بن", "ابن") or titled):
            continue
        start = tokens[i - 1].start
        drop.update(o.id for o in mentions if o is not m and o.start < tokens[i - 1].end and start < o.end)
        m.start, m.text = start, text[start:m.end]
        m.norm = key(m.text)
    return [m for m in mentions if m.id not in drop]

"""Offices of persons from title patterns around their mentions.

* before the name: ``وزير الداخلية الإسباني فرناندو مارلاسكا``، ``رئيس حزب «الوسط»
  الدكتور مازن عيسى``، ``ووزير الدفاع كارلوس رويث``;
* after it, in apposition: ``سليم العتيبي رئيس هيئة «الموانئ»``،
  ``علي الأحمدي، رئيس جهاز الأمن القومي``;
* a counterpart: ``نظيره التركي X`` holds the same office as the person it
  answers, in another country.

``office_before`` / ``office_after`` return the phrase as an :class:`Office`
(its character span and token range); the caller makes the Role.
Tokens are compared by their stem (``Token.stem``).
"""
from __future__ import annotations

from dataclasses import dataclass

from rasid.doc.layers import Token
from rasid.entities.vocabulary import ActorVocabulary, is_nisba, vocabulary

__all__ = ["Office", "office_before", "office_after", "core_office", "country_word"]


@dataclass
class Office:
    start: int            # character span of the phrase in the text
    end: int
    first: int            # token range
    last: int
    head: str             # key of the head word (وزير، رئيس، السفير، نظيره ...)
    counterpart: bool = False


def _stem_start(tok: Token) -> int:
    """Where the token starts once its proclitics are off (للمرشد → مرشد... keeps the article)."""
    if not tok.split:
        return tok.start
    for w in tok.words:
        if w.kind != "proclitic":
            return w.start
    return tok.start


def country_word(key: str, vocab: ActorVocabulary) -> bool:
    """A country named inside an office (وزير خارجية جمهورية مصر العربية): a country or nisba
    word, or the head of a state's official name."""
    if len(key) < 3:
        return False
    from rasid.entities.countries import word_country

    return word_country(key) is not None or key in vocab.state_heads


def _office_word(key: str, lex: ActorVocabulary) -> bool:
    return (key in lex.office_complements or key in lex.org_heads or is_nisba(key) or key in lex.honorifics
            or key in lex.person_titles or key in lex.office_heads or key == "ل" or country_word(key, lex))


def office_before(tokens: list[Token], first_tok: int, lo: int, text: str) -> Office | None:
    """An office phrase ending right before token ``first_tok`` (not before token ``lo``)."""
    lex = vocabulary()
    k = first_tok - 1
    head_at = None
    in_quote = False
    commas = 0
    while k >= lo and first_tok - k <= 12:
        t = tokens[k]
        surface = text[t.start:t.end]
        if surface in "،," and commas == 0 and k - 1 >= lo and tokens[k - 1].kind == "word" \
                and _office_word(tokens[k - 1].stem, lex) and not tokens[k - 1].conj or (
                surface in "،," and commas == 0 and k - 1 >= lo and tokens[k - 1].kind == "word"
                and is_nisba(tokens[k - 1].stem)):
            commas += 1     # المتحدث باسم الخارجية المصرية، السفير X ; الرئيس الأسبق، محمد مرسي
            k -= 1
            continue
        if t.kind == "quote":
            in_quote = not in_quote if surface in "«»\"“”" else in_quote
            k -= 1
            continue
        if t.kind != "word":
            break
        key = t.stem
        if in_quote:
            k -= 1
            continue
        if key == "في" and head_at is None and k + 1 < first_tok and tokens[k + 1].kind == "word" \
                and country_word(tokens[k + 1].stem, lex) and k - 1 >= lo and tokens[k - 1].kind == "word" \
                and is_nisba(tokens[k - 1].stem):
            k -= 1      # an envoy's host: السفير البريطاني في لبنان X
            continue
        if key in lex.phrase_end_verbs or key in lex.stop and key not in ("ل", "لدي"):
            break
        if not _office_word(key, lex) and not (t.split and t.words[0].norm in ("ب", "ل")):
            # an envoy's host: السفير البريطاني لدى ليبيا X
            if not (k - 1 >= lo and tokens[k - 1].kind == "word" and tokens[k - 1].stem == "لدي"):
                break
        is_head = key in lex.office_heads or (key in lex.person_titles and key not in lex.honorifics)
        if is_head:
            head_at = k
        if t.conj and (is_head or head_at is not None):
            break       # ووزير الدفاع X starts here; but وزير المياه والري: a conjoined complement
        k -= 1
    if head_at is None:
        return None
    # drop trailing honorifics (الدكتور) from the phrase
    last = first_tok - 1
    while last > head_at and tokens[last].stem in lex.honorifics:
        last -= 1
    head = tokens[head_at].stem
    start = _stem_start(tokens[head_at])
    return Office(start, tokens[last].end, head_at, last, head, counterpart=head in lex.counterpart)


def office_after(tokens: list[Token], after_tok: int, hi: int, text: str) -> Office | None:
    """An office phrase in apposition starting at token ``after_tok`` (a comma may come first)."""
    lex = vocabulary()
    k = after_tok
    if k < hi and tokens[k].kind == "punct" and text[tokens[k].start] in "،,":
        k += 1
    if k >= hi or tokens[k].kind != "word" or tokens[k].conj:
        return None
    head = tokens[k].stem
    if head not in lex.office_heads or head in lex.honorifics:
        return None
    first = k
    last = k
    k += 1
    in_quote = False
    while k < hi and k - first < 10:
        t = tokens[k]
        surface = text[t.start:t.end]
        if t.kind == "quote":
            in_quote = not in_quote if surface in "«»\"“”" else in_quote
            if not in_quote:
                last = k
            k += 1
            continue
        if in_quote:
            k += 1
            continue
        if t.kind != "word" or t.conj:
            break
        key = t.stem
        if key in lex.phrase_end_verbs or (key in lex.stop and key != "ل"):
            break
        last = k
        k += 1
    return Office(tokens[first].start, tokens[last].end, first, last, head)


def core_office(text: str, tokens: list[Token], office: Office) -> str:
    """The head and its first complement (وزير الداخلية): what a counterpart shares."""
    lex = vocabulary()
    words = [office.first]
    k = office.first + 1
    if k <= office.last and tokens[k].stem in lex.office_complements:
        words.append(k)
    return text[_stem_start(tokens[words[0]]):tokens[words[-1]].end]

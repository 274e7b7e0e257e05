"""Offices of persons from title patterns around their mentions.

* before the name: ``وزير الداخلية الإسباني فرناندو مارلاسكا``، ``رئيس حزب «الوسط»
  الدكتور مازن عيسى``، ``ووزير الدفاع كارلوس رويث``;
* after it, in apposition: ``سليم العتيبي رئيس هيئة «الموانئ»``،
  ``علي الأحمدي، رئيس جهاز الأمن القومي``;
* a counterpart: ``نظيره التركي X`` holds the same office as the person it
  answers, in another country.

``find_office`` returns the phrase's token range; the caller makes the Role.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rasid.doc.layers import Token
from rasid.entities.lexicon import is_nisba, lexicon

_STOP_PUNCT = set("،,.:;؛؟!()")
_VERBS = {"قال", "اكد", "اوضح", "اشار", "اضاف", "صرح", "شدد", "لفت", "ذكر", "اعلن", "بحث", "ناقش", "التقي",
          "استقبل", "زار", "عقد", "دعا", "طالب", "اتهم", "رفض", "هدد", "وصل", "يشار"}


def stem_key(tok: Token) -> str:
    """The token's key without proclitics (an elided article restored): ``tok.stem``."""
    return tok.stem


_KEYS: tuple[int, list[Token], list[str]] | None = None


def token_keys(tokens: list[Token]) -> list[str]:
    """``stem_key`` of every token, kept for the last token list asked about: the rules, the
    country counts and the stages ask about the same tokens many times per article."""
    global _KEYS
    if _KEYS is None or _KEYS[1] is not tokens or _KEYS[0] != len(tokens):
        keys = [t.stem for t in tokens]
        _KEYS = (len(tokens), tokens, keys)
    return _KEYS[2]


def has_conjunction(tok: Token) -> bool:
    """The token starts with the conjunction و or ف: ``tok.conj``."""
    return tok.conj


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


_STARTS: tuple[int, list[Token], list[int]] | None = None


def token_starts(tokens: list[Token]) -> list[int]:
    """Token start offsets, kept for the last token list asked about (stages ask many times per article)."""
    global _STARTS
    if _STARTS is None or _STARTS[1] is not tokens or _STARTS[0] != len(tokens):
        _STARTS = (len(tokens), tokens, [t.start for t in tokens])
    return _STARTS[2]


def token_at(tokens: list[Token], offset: int) -> int:
    """Index of the token holding character ``offset`` (or the last one starting before it)."""
    return max(bisect_right(token_starts(tokens), offset) - 1, 0)


def token_index(tokens: list[Token], offset: int) -> int:
    s = _STARTS      # token_starts, inline: asked hundreds of times per article
    if s is None or s[1] is not tokens or s[0] != len(tokens):
        return bisect_left(token_starts(tokens), offset)
    return bisect_left(s[2], offset)


def _office_word(key: str, lex) -> bool:
    return (key in lex.office_complements or key in lex.org_heads or is_nisba(key) or key in lex.honorifics
            or key in lex.person_titles or key in lex.office_heads or key == "ل" or _country_word(key))


def _country_word(key: str) -> bool:
    """A country named inside an office (وزير خارجية جمهورية مصر العربية)."""
    if len(key) < 3:
        return False
    from rasid.entities.countries import word_country

    return word_country(key) is not None or key in ("جمهوريه", "مملكه", "دوله", "سلطنه")


def office_before(tokens: list[Token], first_tok: int, lo: int, text: str) -> Office | None:
    """An office phrase ending right before token ``first_tok`` (not before token ``lo``)."""
    lex = lexicon()
    keys = token_keys(tokens)
    k = first_tok - 1
    head_at = None
    in_quote = False
    commas = 0
    while k >= lo and first_tok - k <= 12:
        t = tokens[k]
        surface = text[t.start:t.end]
        if surface in "،," and commas == 0 and k - 1 >= lo and tokens[k - 1].kind == "word" \
                and _office_word(keys[k - 1], lex) and not has_conjunction(tokens[k - 1]) or (
                surface in "،," and commas == 0 and k - 1 >= lo and tokens[k - 1].kind == "word"
                and is_nisba(keys[k - 1])):
            commas += 1     # المتحدث باسم الخارجية المصرية، السفير X ; الرئيس الأسبق، محمد مرسي
            k -= 1
            continue
        if t.kind == "quote":
            in_quote = not in_quote if surface in "«»\"“”" else in_quote
            k -= 1
            continue
        if t.kind != "word":
            break
        key = keys[k]
        if in_quote:
            k -= 1
            continue
        if key in _VERBS or key in lex.stop and key not in ("ل", "لدي"):
            break
        if not _office_word(key, lex) and not (t.split and t.words[0].norm in ("ب", "ل")):
            # an envoy's host: السفير البريطاني لدى ليبيا X
            if not (k - 1 >= lo and tokens[k - 1].kind == "word" and keys[k - 1] == "لدي"):
                break
        is_head = key in lex.office_heads or (key in lex.person_titles and key not in lex.honorifics)
        if is_head:
            head_at = k
        if has_conjunction(t) and (is_head or head_at is not None):
            break       # ووزير الدفاع X starts here; but وزير المياه والري: a conjoined complement
        k -= 1
    if head_at is None:
        return None
    # drop trailing honorifics (الدكتور) from the phrase
    last = first_tok - 1
    while last > head_at and keys[last] in lex.honorifics:
        last -= 1
    head = keys[head_at]
    start = _stem_start(tokens[head_at])
    return Office(start, tokens[last].end, head_at, last, head, counterpart=head in lex.counterpart)


def office_after(tokens: list[Token], after_tok: int, hi: int, text: str) -> Office | None:
    """An office phrase in apposition starting at token ``after_tok`` (a comma may come first)."""
    lex = lexicon()
    keys = token_keys(tokens)
    k = after_tok
    if k < hi and tokens[k].kind == "punct" and text[tokens[k].start] in "،,":
        k += 1
    if k >= hi or tokens[k].kind != "word" or has_conjunction(tokens[k]):
        return None
    head = keys[k]
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
        if t.kind != "word" or has_conjunction(t):
            break
        key = keys[k]
        if key in _VERBS or (key in lex.stop and key != "ل"):
            break
        last = k
        k += 1
    return Office(tokens[first].start, tokens[last].end, first, last, head)


def core_office(text: str, tokens: list[Token], office: Office) -> str:
    """The head and its first complement (وزير الداخلية): what a counterpart shares."""
    lex = lexicon()
    words = [office.first]
    k = office.first + 1
    if k <= office.last and token_keys(tokens)[k] in lex.office_complements:
        words.append(k)
    return text[_stem_start(tokens[words[0]]):tokens[words[-1]].end]

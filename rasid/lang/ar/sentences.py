"""Sentence splitting over tokens.

``split_sentences(text, tokens)`` groups the tokens of ``text`` (as made by
:func:`rasid.lang.ar.tokenize.tokenize`) into sentences. Every token belongs to
exactly one sentence; sentences are in order, non-overlapping and cover all
tokens; a sentence's span runs from its first token's start to its last
token's end (so it is trimmed of surrounding whitespace), and a sentence
never has zero tokens (blank lines never form sentences).

A sentence ends:

* after a terminator token: ``.`` (or a run of dots), ``!``, ``?``, ``؟``,
  ``…``, ``۔`` and ``؛``. The Arabic semicolon does end a sentence: Arabic news
  prose uses it between full clauses (often where English would put a full
  stop), and shorter units are better for the later stages; the Latin ``;``
  does not. A run of terminators (``؟!``, ``...``) and the closing quotes /
  brackets right after it (``.»``, ``!)``, ``."``) stay with the sentence;
* at a line break: a newline between two tokens always ends the sentence.

A ``.`` does NOT end a sentence when it is directly after (no space):

* a single Arabic letter -- abbreviations ``د.`` ``م.`` ``ص.`` ``أ.`` and chains
  ``ق.م`` -- except the era letters ``م`` / ``هـ`` right after a number
  (``عام 2015 م.`` does end a sentence);
* a Latin abbreviation (``Mr``, ``Dr``, ``U.S``, ``e.g`` ...; see
  ``LATIN_ABBREVIATIONS``) or a single Latin letter (initials ``J. Smith``);
* a number that opens its sentence (list numbering ``1. ...``).

Numbers (``3.5``) and URLs are single tokens, so their dots never split.
"""
from __future__ import annotations

import re

from rasid.doc.layers import Sentence, Token
from rasid.lang.ar import chars as C
from rasid.lang.ar.lexicons import words

__all__ = ["split_sentences", "LATIN_ABBREVIATIONS", "ARABIC_ABBREVIATIONS"]


def _load_abbreviations() -> tuple[frozenset[str], frozenset[str]]:

    latin, arabic = set(), set()
    for line in words("abbreviations"):
        (latin if line.isascii() else arabic).add(line.casefold() if line.isascii() else line)
    return frozenset(latin), frozenset(arabic)


# Latin abbreviations (casefolded, without their final dot); Arabic multi-letter
# abbreviations (norm keys, e.g. "اد" for أ.د is handled letter by letter)
LATIN_ABBREVIATIONS, ARABIC_ABBREVIATIONS = _load_abbreviations()

_TERM = C.TERMINATORS
_CLOSERS = frozenset(C.CLOSING_QUOTES + C.CLOSING_BRACKETS)
_STRAIGHT = frozenset("\"'″")
_ERA = frozenset({"م", "ه"})
_NL = re.compile("[" + re.escape(C.LINE_BREAKS) + "]")


def _is_terminator(tok: Token) -> bool:
    n = tok.norm
    return tok.kind == "punct" and (n in _TERM or (n[0] == "." and n.strip(".") == ""))


def _dot_is_abbreviation(tokens: list[Token], i: int, sent_start: int) -> bool:
    """Is the single ``.`` at ``tokens[i]`` the dot of an abbreviation (or list number)?"""
    if i == 0:
        return False
    prev = tokens[i - 1]
    if prev.end != tokens[i].start:
        return False
    if prev.kind == "word":
        n = prev.norm
        if n in ARABIC_ABBREVIATIONS:
            return True
        if len(n) == 1:
            if n in _ERA and i >= 2 and tokens[i - 2].kind == "number":
                return False
            return True
        return False
    if prev.kind == "latin":
        n = prev.norm
        return len(n) == 1 or n in LATIN_ABBREVIATIONS
    if prev.kind == "number":
        return i - 1 == sent_start
    return False


def split_sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    """Sentences of ``text`` over ``tokens`` (see the module docstring for the rules)."""
    n = len(tokens)
    if not n:
        return []
    out: list[Sentence] = []
    breaks = [m.start() for m in _NL.finditer(text)]
    nb = len(breaks)
    bi = 0                      # index of the first line break not before the current token
    start = 0
    i = 0
    while i < n:
        tok = tokens[i]
        end_here = False
        if tok.kind == "punct" and _is_terminator(tok):
            if tok.norm == "." and _dot_is_abbreviation(tokens, i, start):
                end_here = False
            else:
                end_here = True
                # absorb following terminators and adjacent closing quotes/brackets
                j = i + 1
                while j < n:
                    nxt = tokens[j]
                    if nxt.start == tokens[j - 1].end or (
                            nxt.norm in _CLOSERS and not _has_break(text, tokens[j - 1].end, nxt.start)):
                        if _is_terminator(nxt) or nxt.norm in _CLOSERS or (
                                nxt.norm in _STRAIGHT and nxt.start == tokens[j - 1].end
                                and (j + 1 >= n or tokens[j + 1].start > nxt.end)):
                            j += 1
                            continue
                    break
                i = j - 1
        if not end_here and i + 1 < n:
            # a line break between this token and the next?
            nxt_start = tokens[i + 1].start
            while bi < nb and breaks[bi] < tokens[i].end:
                bi += 1
            if bi < nb and breaks[bi] < nxt_start:
                end_here = True
        if end_here or i + 1 == n:
            out.append(Sentence(tokens[start].start, tokens[i].end, start, i + 1))
            start = i + 1
        i += 1
    return out


def _has_break(text: str, a: int, b: int) -> bool:
    return _NL.search(text, a, b) is not None

"""Tokenizer for Arabic news text, with exact offsets and clitic splitting.

``tokenize(text)`` returns :class:`~rasid.doc.layers.Token` objects whose
``[start, end)`` ranges index ``text`` exactly (``text[t.start:t.end]`` is the
surface; the text is never rewritten). One compiled master regex, scanned with
``finditer``, finds every token; per-form work (normalisation key, kind,
clitic analysis) is cached in a dict, since word forms repeat.

Token kinds, in the order the master regex tries them:

* ``url``    -- ``http(s)://...``, ``www....`` (trailing punctuation left out), e-mail addresses
* ``number`` -- digit runs in any script with inner ``. , ٫ ٬ / :`` separators
  (``3.5``, ``1,000``, ``2025/3/12``, ``10:30``, ``٢٠٢٥``), ISO dates ``2025-03-12``,
  and a directly attached ``% ٪ ‰``
* ``word``   -- Arabic letters, with attached diacritics and tatweel (one token)
* ``latin``  -- runs of non-Arabic letters (Latin, and any other script), with
  digits after the first letter (``G20``) and inner apostrophes (``Qur'an``)
* ``punct``  -- ``. , ، ؛ ؟ ! : ; ( ) [ ] { } - – — … / ...``; a run of dots is one token
* ``quote``  -- ``« » " “ ” ' ‘ ’ „ ‚ ‹ ›``
* ``symbol`` -- any other non-space character (``% $ @ # +``, emoji, a lone tatweel run ...)

Whitespace is never part of a token. Invisible format characters (ZWNJ, ZWJ,
LRM, RLM, ZWSP, BOM, soft hyphen ...; see ``chars.IGNORABLES``) are never a token:
between two Arabic letters they are part of the word (``الجب\u200fير`` is one
token whose norm key, which drops them, is that of ``الجبير``); anywhere else they
are skipped.

Clitic splitting (``Token.words``), only for ``word`` tokens:
proclitics are the conjunctions و ف, the prepositions ب ل ك, the future marker
س (only before an imperfect prefix ي ت ن أ) and the article ال, in the order
``[و|ف] [ب|ل|ك|س] [ال] stem``. ``ل`` + ``ال`` is written ``لل`` (alef elided): it
becomes ``ل`` (proclitic) + ``ل`` (article, norm ``"ال"``). The pieces tile the
token exactly (diacritics stay with the letter they follow). Splitting is
conservative:

* a conjunction/preposition is split off only when what remains is >= 3 letters,
  or a 2-letter function word (``SHORT_STEMS``: هو هي من في ...);
* the article only when the bare alef is written (``أل`` never is the article)
  and the stem after it has >= 2 letters;
* never when the remainder (the whole token, or what is left after stripping)
  is in ``clitic_exceptions.txt`` (``وزير``, ``بين``, ``ليبيا``, ``الذي`` ...);
* the preposition ``ك`` and the future marker ``س`` only when what follows is one of
  the corpus's commonest words and commoner there than the whole (:func:`_prefix_ok`:
  ``كمصر`` and ``سيزور`` split, ``كردستان``, ``كركوك``, ``سيطر``, ``سياف`` do not);
* a token made only of clitics and ended by tatweel (``لـ``, ``بالـ``) or a lone
  ``و`` / ``ف`` is split into its clitics (no stem).

``Token.words`` is EMPTY when nothing was split off: the whole token is then the
stem. When it is not empty, the last word is the stem (kind ``"stem"``) unless
the token is made only of clitics.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rasid.doc.layers import Token, stem_of_pieces
from rasid.lang.ar import chars as C
from rasid.lang.ar.lexicons import keys
from rasid.lang.ar.normalize import STRIP_TABLE, norm_key
from rasid.lang.ar.wordfreq import commoner_part, word_ranks

__all__ = ["tokenize", "split_clitics", "CLITIC_EXCEPTIONS", "SHORT_STEMS"]

_ARL = C.char_class(C.ARABIC_LETTER_RANGES)
_MRK = C.char_class(C.DIACRITIC_RANGES) + "\\u0640"
_IGN = C.char_class(C.IGNORABLE_RANGES)
_ARAB_ALL = "\\u0600-\\u06ff\\u0750-\\u077f\\u08a0-\\u08ff\\ufb50-\\ufdff\\ufe70-\\ufeff"
_LAT1 = f"[^\\W\\d_{_ARAB_ALL}]"                       # a non-Arabic letter
_LATN = f"(?:[^\\W_{_ARAB_ALL}]|[\\u0300-\\u036f])"     # ... or digit or combining mark
_URL_STOP = "\\s«»\"<>" + _IGN
_URL_END = _URL_STOP + ".,;:!?)\\]'’،؛؟…"


def _cls(chars: str) -> str:
    return "".join("\\" + c if c in "\\]^-[" else c for c in chars)


_MASTER = re.compile(
    "(?P<url>(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww]{3}\\.)"
    f"(?:[^{_URL_STOP}]*[^{_URL_END}])?"
    "|(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)"
    "|(?P<number>\\d{4}-\\d{1,2}-\\d{1,2}(?!\\d)|\\d+(?:[.,\\u066b\\u066c/:]\\d+)*[%\\u066a\\u2030]?)"
    f"|(?P<word>[{_MRK}]*[{_ARL}](?:[{_ARL}{_MRK}]|[{_IGN}]+(?=[{_ARL}{_MRK}]))*)"
    f"|(?P<latin>{_LAT1}{_LATN}*(?:['’]{_LAT1}{_LATN}*)*)"
    f"|(?P<punct>\\.\\.+|[{_cls(C.PUNCT_CHARS)}])"
    f"|(?P<quote>[{_cls(C.QUOTE_CHARS)}])"
    f"|(?P<symbol>[{_MRK}]+|[^\\s{_IGN}])"
)


CLITIC_EXCEPTIONS: frozenset[str] = frozenset(keys("clitic_exceptions"))

# 2-letter stems (norm keys) that may follow a conjunction or preposition (short_stems.txt)
SHORT_STEMS: frozenset[str] = frozenset(keys("short_stems"))

_CONJ = C.CONJUNCTIONS
_PREP = C.PREPOSITIONS
_FUT = C.FUTURE
_IMPF = C.IMPERFECT_PREFIXES
_ALEFS = "اٱ"            # bare alef or wasla: the article's alef (never أ / إ / آ)

# pronoun / plural / feminine suffixes (norm keys, clitic_suffixes.txt): an exception also
# blocks its suffixed forms (بين -> بينهم, كلمة -> كلمته, بلاد -> بلادنا)
_SUFFIXES: tuple[str, ...] = tuple(sorted(keys("clitic_suffixes"), key=lambda x: (-len(x), x)))
# stems starting with a bare alef that may follow a proclitic although short (alef_stems.txt)
_ALEF_STEMS: frozenset[str] = frozenset(keys("alef_stems"))


def _exception_forms() -> frozenset[str]:
    """Every norm key :func:`_is_exception` holds: an exception, or one (of >= 2 letters, its
    final ه written ت before a suffix: كلمة -> كلمته) plus a suffix."""
    bases = CLITIC_EXCEPTIONS | {e[:-1] + "ت" for e in CLITIC_EXCEPTIONS if e.endswith("ه")}
    return CLITIC_EXCEPTIONS | frozenset(b + suf for b in bases if len(b) >= 2 for suf in _SUFFIXES)


_EXCEPTION_FORMS = _exception_forms()


def _prefix_ok(rest: str, whole: str) -> bool:
    """May ``whole`` be a one-letter prefix (the preposition ك, the future سـ) + ``rest``: the rest is
    one of the corpus's commonest words and commoner than the whole (كمصر = ك + مصر, سيزور = سـ + يزور;
    كردستان، كركوك، سيطر، سياف are words of their own). Without the word list: yes."""
    ranks = word_ranks()
    return True if ranks is None else commoner_part(rest, whole, ranks)


def _is_exception(rem: str) -> bool:
    """``rem`` (a norm key) is an exception, or an exception plus a suffix."""
    return rem in _EXCEPTION_FORMS


def _stem_ok(sk_rest: str, rest: str) -> bool:
    """May ``rest`` (skeleton ``sk_rest``) be what follows a conjunction/preposition?"""
    if len(rest) < 3:
        return rest in SHORT_STEMS
    if sk_rest[0] in _ALEFS:
        # bare-alef stems: the article + >= 2 letters, a long verbal noun (استخدام),
        # or a listed short noun; not لاعب -> ل + اعب, كارتر -> ك + ارتر
        return (sk_rest[1] == "ل" and len(rest) >= 4) or len(rest) >= 5 or rest in _ALEF_STEMS
    return True

# a piece: (first letter index, letter end index, norm, kind)
_Piece = tuple[int, int, str, str]


def _only_clitics(nk: str) -> list[_Piece] | None:
    """Pieces of a token made only of clitics (لـ, وبـ, بالـ, للـ, الـ), else None."""
    L = len(nk)
    i = 0
    out: list[_Piece] = []
    if i < L and nk[i] in _CONJ:
        out.append((i, i + 1, nk[i], "proclitic"))
        i += 1
    if i < L and nk[i] in _PREP + _FUT:
        if nk[i] == "ل" and i + 2 == L and nk[i + 1] == "ل":
            out.append((i, i + 1, "ل", "proclitic"))
            out.append((i + 1, i + 2, "ال", "article"))
            i += 2
        else:
            out.append((i, i + 1, nk[i], "proclitic"))
            i += 1
    if nk[i:] == "ال":
        out.append((i, i + 2, "ال", "article"))
        i += 2
    return out if out and i == L else None


def _letter_pieces(sk: str, nk: str) -> list[_Piece]:
    """Clitic analysis of a skeleton ``sk`` (marks removed) with norm ``nk``; [] = no split."""
    L = len(nk)
    if L < 3 or _is_exception(nk):
        return []
    out: list[_Piece] = []
    i = 0
    # 1. conjunction و / ف
    if nk[0] in _CONJ and _stem_ok(sk[1:], nk[1:]):
        out.append((0, 1, nk[0], "proclitic"))
        i = 1
    # 2. preposition ب ل ك, or the future marker س
    if i < L and (i == 0 or not _is_exception(nk[i:])):
        c = nk[i]
        if c == "ل" and L - i >= 4 and nk[i + 1] == "ل" and sk[i + 1] == "ل":
            # ل + (ا)ل + stem, alef elided
            out.append((i, i + 1, "ل", "proclitic"))
            out.append((i + 1, i + 2, "ال", "article"))
            out.append((i + 2, L, nk[i + 2:], "stem"))
            return out
        if c in _PREP:
            if _stem_ok(sk[i + 1:], nk[i + 1:]) and (c != "ك" or _prefix_ok(nk[i + 1:], nk[i:])):
                out.append((i, i + 1, c, "proclitic"))
                i += 1
        elif c == _FUT and L - i - 1 >= 3 and sk[i + 1] in _IMPF and _prefix_ok(nk[i + 1:], nk[i:]):
            out.append((i, i + 1, c, "proclitic"))
            out.append((i + 1, L, nk[i + 1:], "stem"))
            return out
    # 3. the article ال (bare alef only)
    if L - i >= 4 and sk[i] in _ALEFS and sk[i + 1] == "ل" and (i == 0 or not _is_exception(nk[i:])):
        out.append((i, i + 2, "ال", "article"))
        i += 2
    if not out:
        return []
    out.append((i, L, nk[i:], "stem"))
    return out


@lru_cache(maxsize=50_000)
def split_clitics(surface: str) -> tuple[tuple[int, int, str, str], ...]:
    """Clitic pieces of an Arabic word ``surface`` as ``(start, end, norm, kind)``
    offsets relative to the surface, tiling it; ``()`` when nothing is split."""
    return _split(surface, norm_key(surface))


# characters the norm key deletes inside a word: marks, tatweel and the invisible format characters
_DELETED = frozenset(STRIP_TABLE) | frozenset(map(ord, C.IGNORABLES))
_STRIPPED = re.compile("[" + re.escape("".join(map(chr, sorted(_DELETED)))) + "]")


def _split(surface: str, nk: str) -> tuple[tuple[int, int, str, str], ...]:
    """:func:`split_clitics` of ``surface`` whose norm key is ``nk`` (that of its
    skeleton too: the marks it drops are dropped by the norm key)."""
    if not surface:
        return ()
    if _STRIPPED.search(surface) is None:
        pos = None                  # no marks: letter k is at k
        sk = surface
    else:
        pos = [i for i, ch in enumerate(surface) if ord(ch) not in _DELETED]
        if not pos:
            return ()
        sk = "".join(surface[i] for i in pos)
    if len(nk) != len(sk):      # defensive: the map must be 1:1 on letters
        return ()
    pieces = None
    if (len(nk) <= 4 and surface.rstrip(C.DIACRITICS).endswith(C.TATWEEL)) or nk in ("و", "ف"):
        pieces = _only_clitics(nk)
    if pieces is None:
        pieces = _letter_pieces(sk, nk)
    if not pieces:
        return ()
    if pos is None:
        return tuple(pieces)
    L = len(pos)
    bounds = [0] + pos[1:] + [len(surface)]   # letter k starts at bounds[k] (marks before letter 0 go to it)
    bounds[L] = len(surface)
    return tuple((bounds[a], bounds[b], n, k) for a, b, n, k in pieces)


# token form -> (norm, kind, pieces, stem); two generations, as the chunk cache below
_cache: dict[str, tuple[str, str, tuple]] = {}
_cache_old: dict[str, tuple[str, str, tuple]] = {}
_CACHE_MAX = 50_000


def _analyse(s: str, kind: str) -> tuple[str, str, tuple, str]:
    """``(norm, kind, pieces, stem)`` of a token form not in the current generation."""
    global _cache, _cache_old
    info = _cache_old.get(s)
    if info is None or info[1] != kind:
        nk = norm_key(s)
        pieces = _split(s, nk) if kind == "word" else ()
        info = (nk, kind, pieces, stem_of_pieces(pieces) if pieces else nk)
    if len(_cache) >= _CACHE_MAX:
        _cache_old, _cache = _cache, {}
    _cache[s] = info
    return info


def _chunk_tokens(chunk: str) -> tuple:
    """The tokens of ``chunk``: its ``(norm, kind, pieces, stem)`` when it is one token, else
    ``(None, ((start, end, norm, kind, pieces, stem) ...))`` with offsets into the chunk (only
    tuples, which the garbage collector stops tracking)."""
    m = _MASTER.match(chunk)
    if m is not None and m.end() == len(chunk):       # most chunks are one token
        return _form(m)
    return None, tuple((m.start(), m.end()) + _form(m) for m in _MASTER.finditer(chunk))


def _form(m: re.Match) -> tuple[str, str, tuple, str]:
    s = m.group()
    info = _cache.get(s)
    if info is None or info[1] != m.lastgroup:
        info = _analyse(s, m.lastgroup)
    return info


# A token never holds or borders on whitespace in a way the master regex could
# see across (no lookaround looks past a space), so the text is cut at spaces
# and each space-free chunk is tokenized once: chunks repeat like word forms.
# The cache has two generations: when the current one is full it becomes the
# old one (the older is dropped), and a chunk found in the old one moves back.
_chunks: dict[str, tuple] = {}
_chunks_old: dict[str, tuple] = {}
_CHUNKS_MAX = 50_000


def _chunk_miss(chunk: str) -> tuple:
    """The tokens of a chunk not in the current generation (see :func:`_chunk_tokens`)."""
    global _chunks, _chunks_old
    toks = _chunks_old.get(chunk)
    if toks is None:
        toks = _chunk_tokens(chunk)
    if len(_chunks) >= _CHUNKS_MAX:
        _chunks_old, _chunks = _chunks, {}
    _chunks[chunk] = toks
    return toks


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` with exact ``[start, end)`` offsets, kinds, norm keys and clitic words."""
    out: list[Token] = []
    append = out.append
    chunks = _chunks
    off = 0
    for chunk in text.split(" "):
        toks = chunks.get(chunk)
        if toks is None:
            toks = _chunk_miss(chunk)
        n = len(chunk)
        if toks[0] is not None:              # one token, the whole chunk
            append(Token(off, off + n, toks[0], toks[1], None, toks[2], toks[3]))
        else:
            for a, b, norm, kind, pieces, stem in toks[1]:
                append(Token(off + a, off + b, norm, kind, None, pieces, stem))
        off += n + 1
    return out

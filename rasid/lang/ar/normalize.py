"""Normalisation keys for Arabic text.

The text itself is never rewritten: ``norm_key`` produces a *lookup key*
(for gazetteers, lexicons, matching) that is stored beside the original.
It applies a table built once at import, made only of deletions and 1:1
character maps, so it is fast and -- for every character that is not deleted --
position-preserving. (The table is applied by a regular expression that finds
the characters to change: on Arabic text that is several times faster than
``str.translate``, which looks every character up; the result is the same.)

Mappings (tables in :mod:`rasid.lang.ar.chars`):

* deleted: diacritics / tashkeel U+064B-U+065F, dagger alef U+0670,
  Quranic signs U+0610-U+061A and U+06D6-U+06ED, Extended-A marks
  U+08D3-U+08FF; tatweel U+0640; invisible format characters (ZWNJ, RLM, ...)
* أ إ آ ٱ -> ا   (hamza / madda / wasla forms of alef)
* ى -> ي         (alef maqsura)
* ة -> ه         (teh marbuta)
* ؤ -> و, ئ -> ي  (hamza carriers)
* ک ی ە ہ -> ك ي ه ه  (Persian/Urdu keyboard variants)
* ٠-٩ and ۰-۹ -> 0-9, ٫ -> ".", ٬ -> ",", ٪ -> "%"
* Latin letters are casefolded (only ASCII and Latin-1/Extended-A letters go
  through the table; any other cased character is handled by a ``casefold``
  fallback, which is only taken when the key is not pure Arabic/ASCII).

``norm_key`` is idempotent: ``norm_key(norm_key(s)) == norm_key(s)``.
"""
from __future__ import annotations

import re

from rasid.lang.ar import chars as C

__all__ = ["norm_key", "strip_diacritics", "NORM_TABLE", "STRIP_TABLE", "join_abd"]


def _build_strip() -> dict[int, None]:
    table: dict[int, None] = {ord(c): None for c in C.DIACRITICS}
    table[ord(C.TATWEEL)] = None
    return table


def _build_norm() -> dict[int, str | None]:
    table: dict[int, str | None] = dict(_build_strip())
    for c in C.IGNORABLES:
        table[ord(c)] = None
    for m in (C.ALEF_FORMS, C.ALEF_MAQSURA, C.TEH_MARBUTA, C.HAMZA_CARRIERS, C.PERSIAN_VARIANTS):
        for k, v in m.items():
            table[ord(k)] = v
    for digits in (C.ARABIC_INDIC_DIGITS, C.EXTENDED_DIGITS):
        for d, a in zip(digits, C.ASCII_DIGITS):
            table[ord(d)] = a
    table[ord(C.ARABIC_DECIMAL_SEP)] = "."
    table[ord(C.ARABIC_THOUSANDS_SEP)] = ","
    table[0x066A] = "%"
    # Latin casefold for the common Latin blocks, when the fold is one character
    for cp in list(range(0x41, 0x5B)) + list(range(0xC0, 0x250)):
        ch = chr(cp)
        f = ch.casefold()
        if f != ch and len(f) == 1:
            table[cp] = f
    return table


STRIP_TABLE = _build_strip()
NORM_TABLE = _build_norm()


def _translator(table: dict[int, str | None]):
    """``lambda s: s.translate(table)``, done by a regex over the characters the table changes."""
    by_char = {chr(c): v or "" for c, v in table.items()}
    changed = re.compile("[" + "".join(re.escape(c) for c in sorted(by_char)) + "]")
    replace = (lambda m: by_char[m[0]])

    def translate(s: str) -> str:
        return changed.sub(replace, s)

    return translate


_strip = _translator(STRIP_TABLE)
_norm = _translator(NORM_TABLE)


def strip_diacritics(s: str) -> str:
    """``s`` without diacritics (tashkeel, Quranic marks) and tatweel; nothing else changes."""
    return _strip(s)


def norm_key(s: str) -> str:
    """The normalisation (lookup) key of ``s``; see the module docstring for the mappings."""
    k = _norm(s)
    if not k.isascii() and k != k.lower():
        # a cased non-ASCII character outside the table (Greek, Cyrillic, ß, ...)
        k = _norm(k.casefold())
    return k


def join_abd(words, strip=lambda w: w) -> list[str]:
    """Name words (norm_key forms) with عبد joined to the word after it and عبدال... to عبد...
    (عبد ربه ~ عبدربه، عبد الله ~ عبدالله ~ عبدلله), each other word passed through ``strip``
    (e.g. the article dropped): one form however a compound name is spaced."""
    out: list[str] = []
    for w in words:
        if out and out[-1] == "عبد":
            out[-1] = "عبد" + strip(w)
        elif w.startswith("عبدال") and len(w) > 5:
            out.append("عبد" + w[5:])
        else:
            out.append(strip(w))
    return out

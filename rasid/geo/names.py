"""Arabic name handling shared by the gazetteer builder and the runtime lookups.

Everything here works on ``norm_key`` keys (hamza forms folded, ة -> ه, ى -> ي,
no diacritics).  Kept free of heavy imports: the runtime loads it.
"""
from __future__ import annotations

import re
import unicodedata

from rasid.lang.ar.normalize import norm_key
from rasid.lang.ar.normalize import NORM_TABLE
from rasid.lang.ar.lexicons import data

__all__ = [
    "key", "toggle_al", "proclitic_forms", "strip_head", "HEADS", "STATE_HEADS",
    "STATE_TAILS", "NISBA_SUFFIXES", "nisba_stem", "same_place_name", "press_name",
]

_PUNCT = re.compile(r"[\u060C\u061B\u061F.,;:!?\"'«»()\[\]{}<>/\\|_\u2013\u2014\-]+")
_SPACE = re.compile(r"\s+")


def key(s: str) -> str:
    """The lookup key of a name: ``norm_key``, punctuation/hyphens to spaces, spaces collapsed."""
    if _PLAIN.fullmatch(s):
        return s        # already a key: most words asked about are
    return _SPACE.sub(" ", _PUNCT.sub(" ", norm_key(s))).strip()


def _plain_letters() -> re.Pattern:
    """Arabic letters that ``key`` leaves as they are: a word made only of them is its own key."""

    letters = [chr(c) for c in range(0x0621, 0x064B)
               if c not in NORM_TABLE and not _PUNCT.match(chr(c)) and not chr(c).isspace()]
    return re.compile("[" + "".join(letters) + "]+")


_PLAIN = _plain_letters()


def toggle_al(k: str) -> str | None:
    """``k`` with the article ال removed (if it has one) or added (if not); None for short keys."""
    if k.startswith("ال") and len(k) > 4:
        return k[2:]
    if not k.startswith("ال") and len(k) >= 2 and " " not in k[:2]:
        return "ال" + k
    return None


def proclitic_forms(k: str) -> list[str]:
    """Forms of ``k`` with a leading conjunction (و/ف) and/or preposition (ب/ل/ك) removed.

    ``لل`` + X is ل + ال + X, so it gives ``ال`` + X.  Shortest stripping first.
    """
    out: list[str] = []

    def prep(s: str) -> None:
        if len(s) < 3:
            return
        if s.startswith("لل") and len(s) > 4:
            out.append("ال" + s[2:])
        elif s[0] in "بلك":
            out.append(s[1:])

    if len(k) >= 3 and k[0] in "وف":
        out.append(k[1:])
        prep(k[1:])
    prep(k)
    seen: set[str] = set()
    return [f for f in out if len(f) >= 2 and not (f in seen or seen.add(f))]


def _place_names() -> dict:

    return data("place_names")


# The word lists around place names (rasid/lang/ar/lexicons/place_names.json), as keys.
# HEADS: words that head a place name ("العاصمة طرابلس", "مدينة حلب", "محافظة إب"), each with
# the hint it gives ("capital" | "city" | "region" | "facility" | "direction").
HEADS: dict[str, str] = {key(w): h for w, h in _place_names()["heads"].items()}
# Words that head a state's official name: "جمهورية مصر العربية", "سلطنة عمان".
STATE_HEADS = {key(w) for w in _place_names()["state_heads"]}
# Adjectives that close an official name: "روسيا الاتحادية", "إيران الإسلامية".
STATE_TAILS = {key(w) for w in _place_names()["state_tails"]}
# nisba endings after the stem's final ي: masc, fem, pl masc (acc/nom), pl fem, dual
NISBA_SUFFIXES = tuple(_place_names()["nisba_suffixes"])


def same_place_name(name: str) -> bool:
    """Whether ``name`` names its place itself: no head word, or one that names the same place
    (مدينة حلب، العاصمة صنعاء), not a facility or region in or by it (مطار الرياض، شمال سوريا)."""
    k = key(name)
    head = k.partition(" ")[0] if " " in k else None
    return head is None or head not in HEADS or HEADS[head] in ("capital", "city")


def strip_head(k: str, heads) -> tuple[str, str] | None:
    """(head, rest) when the first word of ``k`` is in ``heads``."""
    head, sep, rest = k.partition(" ")
    if sep and head in heads and rest:
        return head, rest
    return None


def nisba_stem(name_key: str) -> str | None:
    """The masculine nisba adjective (without ال) derived by rule from a one-word country key.

    ليبيا -> ليبي, فرنسا -> فرنسي, السعوديه -> سعودي, مصر -> مصري, الامارات -> اماراتي.
    None when no rule applies (multi-word names, names ending in ي or و).
    """
    if " " in name_key:
        return None
    k = name_key[2:] if name_key.startswith("ال") else name_key
    if len(k) < 3:
        return None
    if k.endswith("يا") or k.endswith("يه"):
        return k[:-1]
    if k.endswith("ا") or k.endswith("ه"):
        return k[:-1] + "ي"
    if k[-1] in "يو":
        return None
    return k + "ي"


_ARTICLE = re.compile(r"^(?:A[lştḑẓdrsnz]h?|El)[ -](?=\w)")


def press_name(name: str) -> str:
    """GeoNames' transcription as the English press writes it: no macrons, no ‘ayn, no Al- prefix."""
    name = name.replace("‘", "").replace("’", "").replace("ʼ", "").replace("`", "")
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    name = _ARTICLE.sub("", name).strip()
    for academic, press in _PRESS_WORDS:
        name = re.sub(rf"\b{academic}\b", press, name)
    return name


# GeoNames' academic spellings of common place-name words -> the English press's
_PRESS_WORDS = (("Shaykh", "Sheikh"), ("Khawr", "Khor"), ("Sayyid", "Sayed"))

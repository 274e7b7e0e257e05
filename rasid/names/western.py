"""English spellings of Western (non-Arabic) name parts written in Arabic letters.

The Arabic press writes Fletcher فلتشر, Reynolds رينولدز, Moniz مونيز; rule-based
romanisation gives "Faltashr". This module reads the word the other way round: every
English name of a frequency list (``models/names/western_forms.tsv.gz``, built by
``rasid.train.western_names`` from the US Census 1990 name lists) is expanded into the
Arabic consonant sequences it can be written with (ch: تش or ش or ك; s: س or ز; g: غ, ج
or ك...) and the vowels between them; an Arabic word is matched against that index and
the most frequent English name whose consonants and vowels fit is its spelling.

Only words that could be Western are asked: a word with a letter the Arabic press does
not use for English sounds (ح خ ع ق ص ض ط ظ ذ ة) or with fewer than ``MIN_CONSONANTS``
consonants is left to the other rules (:func:`western_latin` returns None).
"""
from __future__ import annotations

import gzip
import itertools
from functools import lru_cache
from pathlib import Path

from rasid.lang.ar.normalize import strip_diacritics

__all__ = ["western_latin", "english_readings", "arabic_reading", "DATA_FILE", "MIN_CONSONANTS", "MIN_WEIGHT"]

DATA_FILE = Path(__file__).resolve().parents[1] / "models" / "names" / "western_forms.tsv.gz"
MIN_CONSONANTS = 3
# the least frequency (per cent of people) an English name needs to be read: rarer ones are
# more often an Arabic name that happens to fit (بارزاني: Parthenia) than the name meant. Chosen
# on the known-people table (rasid.train.western_names --measure), not on the evaluation cases.
MIN_WEIGHT = 0.002

_AR_CONS = {
    "ب": "B", "پ": "B", "ت": "T", "ث": "TH", "ج": "J", "چ": "TSH", "د": "D", "ر": "R", "ز": "Z",
    "س": "S", "ش": "SH", "غ": "G", "گ": "G", "ف": "F", "ڤ": "F", "ك": "K", "ل": "L", "م": "M",
    "ن": "N", "ه": "H",
}
_AR_VOWEL = {"ا": "a", "آ": "a", "أ": "a", "إ": "i", "ى": "y", "ي": "y", "ئ": "y", "و": "w",
             "ؤ": "w", "ء": ""}
_NOT_WESTERN = set("حخعقصضطظذة")
# what English vowel letters each Arabic long-vowel letter may stand for
_FITS = {"a": set("a"), "i": set("ei"), "y": set("eiy"), "w": set("ouw")}

# English letters (and groups) -> the Arabic consonant sequences they may be written with
_GROUPS = [
    ("tch", ("T SH", "SH")), ("sch", ("SH",)), ("ch", ("T SH", "SH", "K")), ("sh", ("SH",)),
    ("ph", ("F",)), ("th", ("T", "TH", "S", "Z")), ("ck", ("K",)), ("gh", ("", "G", "F")),
    ("qu", ("K",)), ("wh", ("",)), ("kn", ("N",)), ("dg", ("J",)), ("x", ("K S",)),
]
_SINGLE = {
    "b": ("B",), "p": ("B",), "d": ("D",), "f": ("F",), "v": ("F",), "j": ("J",), "k": ("K",),
    "q": ("K",), "l": ("L",), "m": ("M",), "n": ("N",), "r": ("R",), "s": ("S", "Z"),
    "z": ("Z", "S"), "t": ("T",), "h": ("", "H"),
}
_VOWELS = set("aeiouyw")
_MAX_EXPANSIONS = 64


def arabic_reading(word: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(consonant classes, vowel letters between them) of an Arabic word; None when the word
    has a letter that English names are not written with."""
    w = strip_diacritics(word).strip()
    if not w or any(c in _NOT_WESTERN for c in w):
        return None
    cons: list[str] = []
    gaps: list[str] = [""]
    for i, ch in enumerate(w):
        if ch == "ه" and i == len(w) - 1 and cons:
            gaps[-1] += "a"                  # a final ه is a vowel ending
        elif ch in _AR_CONS:
            for c in _AR_CONS[ch].split():
                if cons and cons[-1] == c and gaps[-1] == "":
                    continue                 # a doubled letter
                cons.append(c)
                gaps.append("")
        elif ch in _AR_VOWEL:
            gaps[-1] += _AR_VOWEL[ch]
        else:
            return None
    return tuple(cons), tuple(gaps)


def _units(form: str) -> list[tuple[str, ...] | str]:
    """English letters as units: a tuple of consonant options, or a vowel letter."""
    w = form.casefold()
    out: list[tuple[str, ...] | str] = []
    i = 0
    while i < len(w):
        if i + 1 < len(w) and w[i] == w[i + 1] and w[i] not in _VOWELS:
            i += 1                           # a doubled consonant is one
            continue
        for g, opts in _GROUPS:
            if w.startswith(g, i):
                out.append(opts)
                i += len(g)
                break
        else:
            ch = w[i]
            nxt = w[i + 1] if i + 1 < len(w) else ""
            if ch == "c":
                out.append(("S",) if nxt in ("e", "i", "y") else ("K",))
            elif ch == "g":
                out.append(("J", "G") if nxt in ("e", "i", "y") else ("G", "J", "K"))
            elif ch in _SINGLE:
                out.append(_SINGLE[ch])
            elif ch in _VOWELS:
                out.append(ch)
            i += 1
    return out


def english_readings(form: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Every (consonant classes, English vowel strings between them) an English name may be
    written with in Arabic letters (at most 64)."""
    units = _units(form)
    choices = [u for u in units if isinstance(u, tuple)]
    out = []
    for combo in itertools.islice(itertools.product(*choices), _MAX_EXPANSIONS):
        cons: list[str] = []
        gaps: list[str] = [""]
        k = 0
        for u in units:
            if isinstance(u, str):
                gaps[-1] += u
                continue
            for c in combo[k].split():
                if cons and cons[-1] == c and gaps[-1] == "":
                    continue
                cons.append(c)
                gaps.append("")
            k += 1
        out.append((tuple(cons), tuple(gaps)))
    return out


def _gap_fits(ar: str, en: str, edge: bool) -> bool:
    """Whether the English vowels ``en`` fit the Arabic vowel letters ``ar`` of one gap."""
    if len(en) > 3:
        return False
    if not ar:
        # no letter written: a short vowel or none (a final silent e; an initial vowel needs a letter)
        return len(en) <= 2 and not (edge and en and en not in ("e", "y"))
    letters = set(en)
    if "a" in ar and "w" in ar and "o" in letters:
        letters = letters | {"a"}            # او is also the English "ow" (Brown براون)
    return bool(en) and all(letters & _FITS[a] for a in ar if a in _FITS)


def _fits(ar_gaps: tuple[str, ...], en_gaps: tuple[str, ...]) -> bool:
    last = len(ar_gaps) - 1
    for i, (a, e) in enumerate(zip(ar_gaps, en_gaps)):
        if i == 0 and not a and e:
            return False                     # Ernest is إرنست, never رنست
        if not _gap_fits(a, e, i == last):
            return False
    return True


@lru_cache(maxsize=1)
def _index() -> dict[tuple[str, ...], list[tuple[str, tuple[str, ...], float, str]]]:
    index: dict[tuple[str, ...], list] = {}
    if not DATA_FILE.exists():
        return index
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            form, weight, kind = line.rstrip("\n").split("\t")
            if float(weight) < MIN_WEIGHT:
                continue
            for cons, gaps in english_readings(form):
                if len(cons) >= MIN_CONSONANTS - 1:
                    index.setdefault(cons, []).append((form, gaps, float(weight), kind))
    return index


def western_latin(word: str, *, first: bool = False) -> str | None:
    """The most frequent English name that ``word`` (one Arabic word) spells, or None.

    ``first``: the word opens a name of two or more parts; given names then weigh as much
    as surnames (both lists are read in any case)."""
    reading = arabic_reading(word)
    if reading is None:
        return None
    cons, gaps = reading
    if len(cons) < MIN_CONSONANTS:
        return None
    best, best_w = None, MIN_WEIGHT - 1e-9
    for form, en_gaps, weight, kind in _index().get(cons, ()):
        w = weight if (kind == "last") != first else weight * 0.5
        if w > best_w and _fits(gaps, en_gaps):
            best, best_w = form, w
    return best

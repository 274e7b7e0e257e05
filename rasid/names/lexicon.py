"""Name lexicons and the script-neutral "skeleton" of a name part.

Data (loaded lazily, once):

* ``rasid/names/data/given_names.tsv``   hand table of common Arabic name parts
* ``rasid/names/data/foreign_names.tsv`` hand table of well-known foreign names
* ``rasid/names/data/org_terms.tsv``     organisation phrases, head words, adjectives
* ``rasid/models/names/name_parts.tsv``  Arabic part -> English part, aligned from the
  EveryPolitician Arab legislators (built by ``python -m rasid.train.names``)
* ``rasid/models/names/latin_forms.tsv`` attested English spellings of name parts with
  a weight (same source), used to choose among the spellings a rule allows

The *skeleton* of a name part is its sequence of consonant classes (vowels, و/ي/ا,
ع and hamza are "gaps"); an Arabic part and an English spelling of it share a
skeleton, which lets attested English spellings be found for an Arabic part.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import product
from pathlib import Path

from rasid.lang.ar.normalize import norm_key, strip_diacritics

__all__ = [
    "Lexicon", "lexicon", "split_name", "strip_article", "latin_tokens", "latin_norm",
    "ar_units", "lat_units", "coarse_keys", "compatible",
]

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
MODEL = HERE.parent / "models" / "names"

_AR_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")


def latin_norm(text: str) -> str:
    """Casefold, strip accents, non-letters -> space (as ../shared/eval/score.py)."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^a-z ]", " ", text.casefold().replace("-", " "))
    return re.sub(r"\s+", " ", text).strip()


def strip_article(part: str) -> str:
    """``part`` without a leading ال (kept when too little would be left)."""
    k = part
    if k.startswith("ال") and len(k) >= 5:
        return k[2:]
    return k


def split_name(name: str) -> list[str]:
    """Arabic name -> name parts (diacritics removed; compounds joined with one space).

    عبد + X and عبدالX become ``"عبد X"``; ``X الدين`` / ``X الله`` (not after عبد) are
    one part; other tokens stay separate (بن, أبو, آل are parts of their own).
    """
    s = strip_diacritics(name or "")
    s = re.sub(r"[^\w\s]", " ", s)
    toks = [t for t in s.split() if t]
    out: list[str] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        k = norm_key(t)
        if k == "عبد" and i + 1 < len(toks):
            out.append("عبد " + toks[i + 1])
            i += 2
            continue
        if k.startswith("عبدال") and len(k) > 5:
            out.append("عبد " + t[3:])
            i += 1
            continue
        if k in ("الدين", "الله") and out and not norm_key(out[-1]).startswith("عبد "):
            out[-1] = out[-1] + " " + t
            i += 1
            continue
        out.append(t)
        i += 1
    return out


# --------------------------------------------------------------------------
# skeletons
# --------------------------------------------------------------------------
# Arabic letter -> consonant classes it can be written with (first = coarse key class)
AR_CLASSES: dict[str, tuple[str, ...]] = {
    "ب": ("B",), "پ": ("B",), "ت": ("T",), "ث": ("T", "S"), "ط": ("T",), "ج": ("J", "G"),
    "ح": ("H",), "خ": ("X",), "د": ("D",), "ذ": ("D", "Z"), "ض": ("D",), "ظ": ("Z", "D"),
    "ز": ("Z",), "ر": ("R",), "س": ("S",), "ص": ("S",), "ش": ("C",), "چ": ("C",),
    "غ": ("G",), "ف": ("F",), "ڤ": ("F",), "ق": ("K", "G"), "ك": ("K",), "گ": ("G",),
    "ل": ("L",), "م": ("M",), "ن": ("N",), "ه": ("H",),
}
# gap letters: A (alef), I (yeh), U (waw), E (ain/hamza: any vowel), T (teh marbuta)
AR_GAPS = {"ا": "A", "أ": "A", "إ": "I", "آ": "A", "ٱ": "A", "ى": "A", "ي": "I", "ئ": "I",
           "و": "U", "ؤ": "U", "ع": "E", "ء": "E", "ة": "T"}
_COARSE = {"Z": "D", "G": "K", "J": "K", "S": "S", "T": "T"}

_LAT_DIGRAPHS = {"kh": "X", "sh": "C", "ch": "C", "th": "T", "dh": "D", "gh": "G",
                 "ph": "F", "dj": "J", "ck": "K"}
_LAT_SINGLE = {"b": "B", "p": "B", "t": "T", "d": "D", "j": "J", "g": "G", "k": "K", "q": "K",
               "c": "K", "x": "X", "f": "F", "v": "F", "r": "R", "z": "Z", "s": "S", "l": "L",
               "m": "M", "n": "N", "h": "H"}


def ar_units(part: str) -> tuple[list[tuple[str, ...]], list[str]]:
    """(consonant class options, gaps) of one Arabic word; ``len(gaps) == len(skel) + 1``."""
    skel: list[tuple[str, ...]] = []
    gaps: list[str] = [""]
    for ch in strip_diacritics(part):
        if ch in AR_CLASSES:
            c = AR_CLASSES[ch]
            if skel and skel[-1] == c and gaps[-1] == "":
                continue          # doubled consonant (shadda written out)
            skel.append(c)
            gaps.append("")
        elif ch in AR_GAPS:
            gaps[-1] += AR_GAPS[ch]
    # a final ح/ه is heard as -h: written or not in English; treat as a gap
    if skel and skel[-1] == ("H",) and gaps[-1] == "":
        skel.pop()
        gaps.pop()
        gaps[-1] += "h"
    return skel, gaps


def lat_units(word: str) -> tuple[list[str], list[str]]:
    """(consonant classes, vowel gaps) of one English word."""
    w = latin_norm(word).replace(" ", "")
    skel: list[str] = []
    gaps: list[str] = [""]
    i = 0
    while i < len(w):
        c = None
        if w[i:i + 2] in _LAT_DIGRAPHS:
            c = _LAT_DIGRAPHS[w[i:i + 2]]
            i += 2
        elif w[i] in _LAT_SINGLE:
            c = _LAT_SINGLE[w[i]]
            i += 1
        else:
            gaps[-1] += w[i]
            i += 1
            continue
        if skel and skel[-1] == c and gaps[-1] == "":
            continue
        skel.append(c)
        gaps.append("")
    if skel and skel[-1] == "H" and gaps[-1] == "":
        skel.pop()
        gaps.pop()
        gaps[-1] += "h"
    return skel, gaps


def _coarse(c: str) -> str:
    return _COARSE.get(c, c)


def coarse_keys(skel: list[tuple[str, ...]]) -> list[str]:
    """Every coarse key an Arabic skeleton can have (few: options multiply rarely)."""
    opts = [sorted({_coarse(c) for c in cs}) for cs in skel]
    if len(skel) > 8:
        return ["".join(o[0] for o in opts)]
    return ["".join(p) for p in product(*opts)]


def lat_coarse(skel: list[str]) -> str:
    return "".join(_coarse(c) for c in skel)


def _gap_ok(ga: str, gl: str, pos: int, last: int) -> bool:
    gl = gl.replace("h", "") if pos == last else gl
    if "E" in ga:
        return len(gl) <= 4
    if pos == last and "h" in ga:
        ga = ga.replace("h", "")
        if not ga:
            return len(gl) <= 1
    need = 0
    for g in ga:
        if g == "A" and not ("a" in gl or gl in ("e", "ee")):
            return False
        if g == "I" and not ("i" in gl or "y" in gl or "ee" in gl):
            return False
        if g == "U" and not any(v in gl for v in "ouw"):
            return False
        if g == "T" and not any(v in gl for v in "ae"):
            return False
        need += 1
    if not ga:
        if pos == 0 or pos == last:
            return gl == ""
        return len(gl) <= 1
    return len(gl) <= 2 * need + (0 if pos == last else 1)


def compatible(ar: tuple[list[tuple[str, ...]], list[str]], lat: tuple[list[str], list[str]]) -> bool:
    """True when an English word is a plausible spelling of an Arabic word."""
    askel, agaps = ar
    lskel, lgaps = lat
    if len(askel) != len(lskel):
        return False
    for cs, c in zip(askel, lskel):
        if c not in cs:
            return False
    last = len(agaps) - 1
    return all(_gap_ok(ga, gl, i, last) for i, (ga, gl) in enumerate(zip(agaps, lgaps)))


# --------------------------------------------------------------------------
# English name tokens (for the builder and the registry)
# --------------------------------------------------------------------------
_TITLE_TOKENS = {"dr", "sh", "eng", "prof", "maj", "gen", "staff", "pilot", "sheikh", "shaikh"}
_ABD = re.compile(r"^(abd(?:ul|el|al|ol|oul|ou|u|e|a)?)[- ]?(.{3,})$")


def latin_tokens(name: str) -> list[str]:
    """English name -> parts, Title Case: "Al X"/"El-X" joined as "Al-X", titles dropped."""
    name = re.sub(r"\b[A-Za-z]{1,5}\.", " ", name)          # Dr. / maj.Gen. / J.
    raw = [t for t in re.split(r"[\s]+", name.replace("'", "")) if t]
    toks = []
    for t in raw:
        t = t.strip("-,;()")
        if not t or not t.isalpha() and "-" not in t:
            continue
        if t.casefold() in _TITLE_TOKENS:
            continue
        toks.append(t)
    out: list[str] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        low = t.casefold()
        if low in ("al", "el") and i + 1 < len(toks):
            out.append("Al-" + toks[i + 1].capitalize())
            i += 2
            continue
        out.append("-".join(p.capitalize() for p in t.split("-")))
        i += 1
    return out


def latin_bare(tok: str) -> str | None:
    """"Al-Shamsi" / "Alshamsi" -> "Shamsi"; None when there is no article."""
    low = tok.casefold()
    if low.startswith(("al-", "el-")):
        return tok[3:].capitalize() or None
    return None


def latin_abd_rest(tok: str) -> str | None:
    """"Abdulrahman" / "Abdel-Kader" -> "Rahman" / "Kader" (None when not an Abd- name)."""
    m = _ABD.match(tok.casefold())
    if not m or m.group(2).startswith(("allah", "ulla", "alla", "ella")) or tok.casefold() in ("abdulla", "abdullah", "abdallah"):
        return None
    rest = m.group(2).strip("-")
    if rest.startswith("l") and m.group(1) in ("abd", "abde", "abda", "abdu"):
        rest = rest[1:]
    return rest.capitalize() if len(rest) >= 3 else None


# --------------------------------------------------------------------------
# loading
# --------------------------------------------------------------------------
def _read_tsv(path: Path) -> list[list[str]]:
    rows = []
    if not path.exists():
        return rows
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def hamza_al(word: str) -> bool:
    """ألبرتو، ألفريد، إلهام: a name that opens with أل or إل, not with the article ال (the
    written hamza says so); آل (the family particle) is not this."""
    return word.startswith(("أل", "إل")) and len(word) > 4


def part_key(part: str) -> str:
    """The lookup key of a name part (norm_key, one space between words)."""
    return " ".join(norm_key(part).split())


class Lexicon:
    """All name tables, keyed by :func:`part_key`."""

    def __init__(self, data_dir: Path = DATA, model_dir: Path = MODEL) -> None:
        self.hand: dict[str, str] = {}        # given + foreign names (hand tables win)
        self.foreign: set[str] = set()
        for f in ("given_names.tsv", "foreign_names.tsv"):
            for row in _read_tsv(data_dir / f):
                if len(row) >= 2:
                    k = part_key(row[0])
                    self.hand.setdefault(k, row[1])
                    if f.startswith("foreign"):
                        self.foreign.add(k)
        self.max_phrase = max((k.count(" ") + 1 for k in self.hand), default=1)
        self.pairs: dict[str, str] = {}       # derived Arabic part -> English part
        for row in _read_tsv(model_dir / "name_parts.tsv"):
            if len(row) >= 2:
                self.pairs.setdefault(row[0], row[1])
        self.forms: dict[str, float] = {}     # attested English spellings -> weight
        self.by_coarse: dict[str, list[tuple[str, tuple[list[str], list[str]]]]] = {}
        for row in _read_tsv(model_dir / "latin_forms.tsv"):
            if len(row) >= 2:
                self.forms[row[0]] = float(row[1])
        for k, w in self.hand.items():
            if k not in self.foreign and " " not in w and "-" not in w and w[:1].isupper():
                self.forms[w] = self.forms.get(w, 0.0) + 3.0
        for form in self.forms:
            lu = lat_units(form)
            self.by_coarse.setdefault(lat_coarse(lu[0]), []).append((form, lu))
        self.org: dict[str, tuple[str, str]] = {}
        for row in _read_tsv(data_dir / "org_terms.tsv"):
            if len(row) >= 2:
                self.org[part_key(row[0])] = (row[1], row[2] if len(row) > 2 else "")
        self.org_max = max((k.count(" ") + 1 for k in self.org), default=1)

    def lookup(self, part: str) -> str | None:
        """Hand table, then derived pairs, for a part as written and without ال (not when the
        part opens with أل or إل: ألفريد is not ال + فريد, see :func:`hamza_al`)."""
        k = part_key(part)
        forms = (k,) if hamza_al(strip_diacritics(part).strip()) else (k, strip_article(k))
        for key in forms:
            if key in self.hand:
                return self.hand[key]
        for key in forms:
            if key in self.pairs:
                return self.pairs[key]
        return None

    @lru_cache(maxsize=50_000)
    def attested(self, word: str, pattern: "re.Pattern | None" = None) -> str | None:
        """The most frequent attested English spelling compatible with one Arabic word
        (and matching ``pattern`` when given)."""
        au = ar_units(word)
        if not au[0]:
            return None
        best, best_w = None, 0.0
        for ck in coarse_keys(au[0]):
            for form, lu in self.by_coarse.get(ck, ()):
                if self.forms[form] > best_w and compatible(au, lu) and (
                        pattern is None or pattern.match(form)):
                    best, best_w = form, self.forms[form]
        return best


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shared lexicon (loaded on first use)."""
    return Lexicon()

"""Boilerplate shapes for cleaning, compiled once from ``rasid/lang/ar/lexicons/boilerplate.json``.

Whole-line patterns are matched against :func:`line_key`, a cheap loose
normalisation of a line (the comparison key only; the text is never rewritten).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from rasid.lang.ar.lexicons import data

DATA = Path(__file__).resolve().parents[1] / "lang" / "ar" / "lexicons" / "boilerplate.json"

_DIACRITICS = "".join(chr(c) for c in list(range(0x0610, 0x061B)) + list(range(0x064B, 0x0660))
                      + [0x0670] + list(range(0x06D6, 0x06EE)))
_TABLE = str.maketrans(
    {**{c: None for c in _DIACRITICS},
     "\u0640": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u200e": None, "\u200f": None,
     "\ufeff": None,
     "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
     "«": None, "»": None, '"': None, "“": None, "”": None, "„": None, "‘": None, "’": None, "'": None,
     "\u00a0": " "})
_TRIM = " \t.:!،,;؛-–—_|*•>»«?؟…"


def line_key(line: str) -> str:
    """Loose comparison key of a line: no diacritics/tatweel/quotes, unified alef/ya/ta marbuta,
    collapsed whitespace, casefolded, punctuation trimmed at both ends."""
    return " ".join(line.translate(_TABLE).split()).strip(_TRIM).casefold()


def title_key(text: str) -> str:
    """Key used to compare lines with the title (also drops brackets, like the scorer's norm)."""
    k = line_key(text)
    if "(" in k or ")" in k or "[" in k or "]" in k:
        k = " ".join(k.replace("(", " ").replace(")", " ").replace("[", " ").replace("]", " ").split())
    return k


@dataclass(frozen=True)
class Rules:
    max_line_words: int
    lines: re.Pattern            # named groups = reasons
    tail_lines: re.Pattern | None
    tail_window: int
    comment_fields: re.Pattern
    leading_prefix: re.Pattern | None
    trailing_suffix: re.Pattern | None
    dateline_lines: re.Pattern | None
    agencies: dict                # key -> rank (order in the data file)
    section_words: frozenset
    agency_ended: re.Pattern | None = None


def _groups(table: dict[str, list[str]]) -> re.Pattern | None:
    alts = []
    for reason, pats in table.items():
        if pats:
            alts.append(f"(?P<{reason}>" + "|".join(f"(?:{p})" for p in pats) + ")")
    return re.compile("|".join(alts), re.I) if alts else None


def _alt(pats: list[str], flags=0) -> re.Pattern | None:
    return re.compile("|".join(f"(?:{p})" for p in pats), flags) if pats else None


@lru_cache(maxsize=4)
def load_rules(path: str | None = None) -> Rules:
    if path is None:
        d = data("boilerplate")
    else:
        d = json.loads(Path(path).read_text(encoding="utf-8"))
    return Rules(
        max_line_words=int(d.get("max_line_words", 30)),
        lines=_groups(d["lines"]),
        tail_lines=_groups(d.get("tail_lines", {})),
        tail_window=int(d.get("tail_window", 4)),
        comment_fields=_alt(d.get("comment_tail_fields", []), re.I),
        leading_prefix=_alt(d.get("leading_prefix", []), re.I),
        trailing_suffix=_alt(d.get("trailing_suffix", []), re.I),
        dateline_lines=_alt(d.get("dateline_lines", [])),
        agencies={k: i for i, k in reversed(list(enumerate(line_key(a) for a in d.get("agencies", []))))},
        section_words=frozenset(line_key(a) for a in d.get("section_words", [])),
        agency_ended=_agency_ended(d.get("agencies", [])),
    )


def _agency_ended(agencies: list[str]) -> re.Pattern | None:
    """Dateline runs ended by a known agency name and a space: "X – عين اليوم <text>"."""
    # short names and one-word names with the article (اليوم، الوطن، الرياض …) are ordinary words too
    names = [a for a in agencies if " " in a or (len(a) > 3 and not a.startswith("ال"))]
    if not names:
        return None
    word = r"[^\s.:،,؛;!?؟()\[\]\-–—/]+"
    part = rf"{word}(?:[ \t\u00a0]+{word}){{0,3}}"
    dash = r"(?:[ \t\u00a0]*[-–—][ \t\u00a0]*|[ \t\u00a0]+ـ[ \t\u00a0]+)"
    alt = "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True))
    return re.compile(rf"[ \t\u00a0]*(?P<dl>{part}(?:{dash}{part}){{0,1}}{dash}«?(?:{alt})»?)(?=[ \t\u00a0])")

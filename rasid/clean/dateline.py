"""Datelines at the start of an article body.

Shapes (a few short runs of words joined by dashes, ended by "." or ":", or
alone on their line; or an agency in brackets followed by a dash)::

    أفريقيا برس – ليبيا.          سبق- متابعة:          الرياض - واس:
    القاهرة – «الشرق الأوسط»:     جدة - محمد الغامدي:   عبدالله البرقاوي- سبق- الرياض:
    (رويترز) -                    بيروت (رويترز) -      عين اليوم – متابعات      (alone on a line)
    الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس   (alone on a line; SPA)

A real first sentence is kept: every part must be at most four words, and no
part may start with a verb of reporting or hold a function word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rasid.clean.rules import Rules, line_key
from rasid.lang.ar import lexicons

_WORD = r"[^\s.:،,؛;!?؟()\[\]\-–—/]+"
_PART = rf"{_WORD}(?:(?:[ \t\u00a0]+|[ \t\u00a0]*[،,][ \t\u00a0]*){_WORD}){{0,6}}"
_DASH = r"(?:[ \t\u00a0]*[-–—][ \t\u00a0]*|[ \t\u00a0]+ـ[ \t\u00a0]+)"
_DASHED = re.compile(
    rf"[ \t\u00a0]*(?P<dl>{_PART}(?:{_DASH}{_PART}){{1,2}})[ \t\u00a0]*(?P<end>:|\.(?=\s|$)|$)")
_AGENCY = re.compile(
    rf"[ \t\u00a0]*(?P<dl>(?:{_PART}[ \t\u00a0]*)?\((?P<ag>[^()\n]{{1,30}})\))[ \t\u00a0]*(?P<end>[-–—:])")
_SPLIT = re.compile(_DASH)

# function words and reporting verbs that mark a clause, not a dateline (rasid/lang/ar/lexicons),
# as line_key keys
_FUNCTION = frozenset(line_key(w) for w in lexicons.words("dateline_function_words"))
_VERBS = frozenset(line_key(w) for w in lexicons.words("dateline_verbs"))


def _is_verb(word: str) -> bool:
    """``word`` (a line_key word) is a reporting verb, alone or after the conjunction و or ف."""
    return word in _VERBS or word[:1] in ("و", "ف") and word[1:] in _VERBS


@dataclass(frozen=True)
class Dateline:
    start: int            # offsets into the string given to find_dateline
    end: int              # end of the removal (dateline + punctuation + following spaces)
    text: str             # the dateline as written (without the final punctuation)
    parts: list[str]
    whole_line: bool


def _clean_part(p: str) -> str:
    return p.strip(" \t\u00a0«»\"“”'()")


def _plausible(parts: list[str]) -> bool:
    for p in parts:
        if p.count("«") != p.count("»") or p.count("(") != p.count(")") or any(c.isdigit() for c in p):
            return False
        words = line_key(p.replace("،", " ").replace(",", " ")).split()
        limit = 7 if ("،" in p or "," in p) else 4      # several authors: "أ، ب- سبق- جدة:"
        if not words or len(words) > limit:
            return False
        if _is_verb(words[0]):
            return False
        if any(w in _FUNCTION for w in words):
            return False
    return True


def find_dateline(line: str, rules: Rules) -> Dateline | None:
    """The dateline at the start of ``line`` (one line of text, no newline), or None."""
    stripped = line.strip()
    if not stripped:
        return None
    if rules.dateline_lines is not None and len(stripped) <= 90 and rules.dateline_lines.fullmatch(stripped):
        s = line.index(stripped[0])
        place = re.split(r"[\d٠-٩]", stripped, maxsplit=1)[0].strip()
        return Dateline(s, len(line), stripped, [place, stripped.split()[-1]], True)
    m = _AGENCY.match(line)
    if m and len(line_key(m.group("ag")).split()) <= 4 and (
            m.group("end") != ":" or line_key(m.group("ag")) in rules.agencies):
        pre = m.group("dl")[: m.group("dl").index("(")].strip()
        parts = [x for x in (_clean_part(pre), _clean_part(m.group("ag"))) if x]
        if _plausible(parts):
            end = m.end()
            while end < len(line) and line[end] in " \t\u00a0":
                end += 1
            return Dateline(m.start("dl"), end, m.group("dl").strip(), parts, end >= len(line))
    return _dashed(line, rules) or _agency_ended(line, rules)


def _dashed(line: str, rules: Rules) -> Dateline | None:
    m = _DASHED.match(line)
    if not m:
        return None
    parts = [_clean_part(p) for p in _SPLIT.split(m.group("dl"))]
    parts = [p for p in parts if p]
    if len(parts) < 2 or not _plausible(parts):
        return None
    end = m.end()
    whole = line[end:].strip() == ""
    if m.group("end") not in (":", ".") and not whole:
        return None
    if whole and sum(len(line_key(p).split()) for p in parts) > 4 and not any(
            line_key(p) in rules.agencies or line_key(p) in rules.section_words for p in parts):
        return None                     # a longer line alone is more likely a caption than a dateline
    if m.group("end") == "." and len(line_key(parts[-1]).split()[-1]) <= 2:
        return None                     # "… د." is an abbreviation, not the end of a dateline
    while end < len(line) and line[end] in " \t\u00a0":
        end += 1
    return Dateline(m.start("dl"), end, m.group("dl").strip(), parts, whole)


def _agency_ended(line: str, rules: Rules) -> Dateline | None:
    """"قاسم الزرعي – عين اليوم أوضح …": runs of words ended by a known agency, then the text."""
    m = rules.agency_ended.match(line) if rules.agency_ended is not None else None
    if not m:
        return None
    parts = [x for x in (_clean_part(p) for p in _SPLIT.split(m.group("dl"))) if x]
    if len(parts) < 2 or not _plausible(parts):
        return None
    end = m.end()
    while end < len(line) and line[end] in " \t\u00a0":
        end += 1
    return Dateline(m.start("dl"), end, m.group("dl").strip(), parts, end >= len(line))


def assign(parts: list[str], end_dot: bool, rules: Rules) -> tuple[str | None, str | None]:
    """(publisher, section) read from the parts of a dateline."""
    keys = [line_key(p) for p in parts]
    ranked = [(rules.agencies[k], i) for i, k in enumerate(keys) if k in rules.agencies]
    pub_i = min(ranked)[1] if ranked else None      # agencies listed first win over newspapers named like cities
    if pub_i is None and end_dot and len(parts) == 2:
        pub_i = 0                       # "X – Y." : publisher – place/section
    publisher = parts[pub_i] if pub_i is not None else None
    section = None
    rest = [i for i in range(len(parts)) if i != pub_i]
    sec_i = next((i for i in rest if keys[i] in rules.section_words), None)
    if sec_i is None and pub_i is not None and rest:
        after = [i for i in rest if i > pub_i]
        sec_i = after[0] if after else rest[-1]
    if sec_i is not None:
        section = parts[sec_i]
    return publisher, section

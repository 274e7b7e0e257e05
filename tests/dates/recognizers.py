"""Load the Arabic Microsoft Recognizers-Text DateTime cases that fall in rasid.dates' scope.

The spec files are JSON lists of ``{Input, Context{ReferenceDateTime}, Results}``;
each result has ``Text``, ``Start``/``Length`` (or ``End``) and either
``Type`` + ``Value{Timex, PastResolution, FutureResolution}`` (the *Parser
files) or ``TypeName`` + ``Resolution{values[{timex, value, start, end}]}``
(the *Model files).

In scope: a case with exactly one result, typed date or daterange, whose
Timex is one single calendar unit we resolve --

* a day ``YYYY-MM-DD`` / ``XXXX-MM-DD`` or a weekday ``XXXX-WXX-d``;
* a month ``YYYY-MM`` / ``XXXX-MM``;
* a year ``YYYY``;
* a week ``YYYY-Www`` or its weekend ``YYYY-Www-WE``;

with a resolved year between 1900 and 2100 (the files hold a few joke years,
0247, 1391 and an impossible 31 November). Out of scope: times of day,
durations, sets, holidays (HolidayParser.json is not read), seasons, decades,
explicit from-to ranges, a bare day of the month (``XXXX-XX-15``), years
spelled out in words (ألفين وثمانية عشر، تسعة عشر ...) and sums of durations
counted "from now" (2 سنة و1 شهر و21 أيام من الآن).

Spans: the files are inconsistent about a leading preposition or ``يوم``
(``يوم الجمعة`` in one file, ``الجمعة`` in another; ``في سبتمبر``,
``إلى 27``) and sometimes keep a final full stop; :func:`span_variants`
gives the expected span and the one without those, and either counts.

Expected value: a day matches the past or the future resolution (the files
are mostly future-tense translations; rasid resolves news, so either
reading counts); a month its ``YYYY-MM``, a year its ``YYYY``, a week / weekend
its ``YYYY-Www``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

FILES = ("DateParser.json", "DatePeriodParser.json", "DateTimeModel.json", "MergedParser.json",
         "DateTimeParser.json", "DateTimePeriodParser.json", "SetParser.json",
         "DurationParser.json", "TimeParser.json", "TimePeriodParser.json")

_DAY = re.compile(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})$")
_WEEKDAY = re.compile(r"^XXXX-WXX-[1-7]$")
_MONTH = re.compile(r"^(\d{4}|XXXX)-(\d{2})$")
_YEAR = re.compile(r"^\d{4}$")
_SPELLED_YEAR = re.compile(r"(?:^|\s|و)(?:ألف|ألفين|ألفان|الألفين|تسعة عشر)(?:\s|$|و)")
_LEADING = re.compile(r"^(?:في|إلى|الى|منذ|حتى|قبل|يوم|ل)\s*")
_WEEK = re.compile(r"^(\d{4}-W\d{2})(-WE)?$")


@dataclass
class Case:
    file: str
    input: str
    reference: str          # YYYY-MM-DD
    text: str
    start: int
    end: int
    expected: frozenset     # accepted values
    precision: str


def _span(inp: str, r: dict) -> tuple[int, int, str] | None:
    text = r["Text"]
    s = r.get("Start", -1)
    n = r.get("Length")
    if n is None and "End" in r:
        n = r["End"] - s + 1
    if s is not None and s >= 0 and n and inp[s:s + n] == text:
        a, b = s, s + n
    else:
        k = inp.find(text.strip())
        if k < 0:
            return None
        a, b = k, k + len(text.strip())
    # strip surrounding blanks the files sometimes keep
    while a < b and inp[a].isspace():
        a += 1
    while b > a and inp[b - 1].isspace():
        b -= 1
    return a, b, inp[a:b]


def _values(r: dict) -> tuple[str | None, list[dict]]:
    """The Timex and the resolutions (dicts with date / startDate) of a result, either file shape."""
    if "Value" in r:
        v = r["Value"] if isinstance(r["Value"], dict) else {}
        if "values" in v:      # MergedParser: the model shape under Value
            vals = v["values"]
            return (vals[0].get("timex") if vals else None), [
                {"date": x.get("value"), "startDate": x.get("start")} for x in vals]
        return v.get("Timex"), [x for x in (v.get("PastResolution"), v.get("FutureResolution")) if x]
    res = r.get("Resolution")
    res = (res.get("values") or []) if isinstance(res, dict) else []
    return (res[0].get("timex") if res else None), [
        {"date": x.get("value"), "startDate": x.get("start")} for x in res]


def _type(r: dict) -> str:
    t = r.get("Type") or r.get("TypeName") or ""
    return t.rsplit(".", 1)[-1]


def classify(case: dict, file: str) -> Case | str:
    """A Case in scope, or the reason it is out of scope."""
    results = case.get("Results") or []
    if len(results) != 1:
        return "not exactly one result"
    r = results[0]
    t = _type(r)
    if t not in ("date", "daterange"):
        return f"type {t}"
    ref = (case.get("Context") or {}).get("ReferenceDateTime")
    if not ref:
        return "no reference date"
    timex, res = _values(r)
    if not timex:
        return "no timex"
    span = _span(case["Input"], r)
    if span is None:
        return "span not in input"
    a, b, text = span
    if _SPELLED_YEAR.search(text):
        return "year spelled out in words"
    if "من الآن" in text:
        return "duration from now"
    dates = {x.get("date") for x in res if x.get("date")}
    starts = {x.get("startDate") for x in res if x.get("startDate")}
    if _DAY.match(timex) and not timex.startswith("XXXX-XX"):
        exp, prec = dates, "day"
    elif _WEEKDAY.match(timex):
        exp, prec = dates, "day"
    elif m := _MONTH.match(timex):
        exp = {s[:7] for s in starts} or ({timex} if not timex.startswith("X") else set())
        prec = "month"
    elif _YEAR.match(timex):
        exp, prec = {timex}, "year"
    elif m := _WEEK.match(timex):
        exp, prec = {m.group(1)}, "week"
    else:
        return f"timex {timex} out of scope"
    exp = {e for e in exp if e and e[:4].isdigit() and 1900 <= int(e[:4]) <= 2100}
    if not exp:
        return "no usable resolution"
    return Case(file, case["Input"], ref[:10], text, a, b, frozenset(exp), prec)


def load(folder: Path) -> tuple[list[Case], dict[str, int]]:
    """The in-scope cases of every spec file, and a count of the out-of-scope reasons."""
    cases: list[Case] = []
    skipped: dict[str, int] = {}
    for name in FILES:
        p = folder / name
        if not p.exists():
            continue
        for c in json.loads(p.read_text(encoding="utf-8-sig")):
            got = classify(c, name)
            if isinstance(got, Case):
                cases.append(got)
            else:
                key = got.split(" ")[0] if got.startswith("timex") else got
                skipped[key] = skipped.get(key, 0) + 1
    return cases, skipped


def span_variants(case: Case) -> set[tuple[int, int]]:
    """The expected span, and the same without a leading preposition / يوم or a final full stop."""
    out = {(case.start, case.end)}
    a, b = case.start, case.end
    text = case.input[a:b]
    m = _LEADING.match(text)
    if m and m.end() < len(text):
        out.add((a + m.end(), b))
    for s, e in list(out):
        if e - s > 1 and case.input[e - 1] in ".!?،,":
            out.add((s, e - 1))
    return out

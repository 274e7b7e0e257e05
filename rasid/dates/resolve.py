"""Resolve detected time expressions against the publication date.

``resolve(match, published)`` returns the :class:`~rasid.doc.layers.TimeExpr`
fields ``value, precision, range_start, range_end, calendar, fallback``.

Conventions (documented choices)
--------------------------------
* **value** is ISO: ``YYYY-MM-DD`` (day), ``YYYY-Www`` (week), ``YYYY-MM``
  (month), ``YYYY`` (year). It is always Gregorian; ``calendar`` says how the
  text wrote it.
* **range_start / range_end** are inclusive ISO dates. They are set for every
  precision coarser than a day (the days the unit covers, or the part of it
  that the text names) and for explicit ranges; a plain day has none.
* **The week is Sunday-Saturday**, with the weekend Friday-Saturday at its
  end: the working week of most Arab states (Egypt, Saudi Arabia, Jordan,
  Iraq, Kuwait, Qatar, Oman, Bahrain...). A week's ``value`` is the ISO week
  (Monday-based) of its Monday, which shares six of its seven days.
  ``نهاية الأسبوع الماضي`` is the weekend of last week: precision ``week``,
  value last week's ISO label, range its Friday-Saturday.
* **Parts** (مطلع/أوائل = early, منتصف/أواسط = mid, أواخر = late) keep the
  unit's value and narrow the range: a month's thirds (1-10, 11-20, 21-end),
  a year's thirds (Jan-Apr, May-Aug, Sep-Dec), a week's Sun-Tue / Mon-Thu /
  Thu-Sat; نهاية (end) of a week is its weekend, of a month or year its last
  third.
* **Weekdays**: a bare weekday is the most recent such day on or before the
  publication date (news is written in the past tense; the publication day
  itself when it is that weekday); with a future marker in its sentence
  (سـ، سوف ...) the nearest such day on or after it. ``الماضي`` is strictly
  before, ``المقبل``/``القادم`` strictly after; ``الجمعة من الأسبوع المقبل``
  is that day of that (Sunday-Saturday) week. A weekday with a day of the
  month (الخميس 21) is that day in the nearest month where the weekday fits.
* **A day or month without a year** takes the year that puts it nearest the
  publication date (ties go to the past); ``مارس الماضي`` is the latest March
  strictly before the publication month, ``مارس المقبل`` the next one after.
* **Ago**: ``قبل يومين`` is a day (pub - 2); ``منذ أسبوع`` the week of
  pub - 7 (precision week), ``قبل شهرين`` the month two months back, ``قبل
  عامين`` the year two back.
* **Vague ranges** (``خلال الأيام الماضية``): range_start..range_end is the
  last n units before the publication date (n = the number written; 2 for a
  dual; 3 for القليلة; else 7 days / 3 weeks / 3 months / 3 years); precision
  is the unit and ``value`` the unit nearest the publication date (for past
  ranges the last one, for coming ones the first one).
* **Hijri** dates are converted with ``hijridate`` (Umm al-Qura, 1343-1500
  AH). A Hijri month's value is the Gregorian month that holds its 15th day,
  a Hijri year's the Gregorian year that holds its middle; the range is exact.
* Without a publication date, relative expressions keep ``value`` None (the
  precision is still given); absolute ones resolve anyway.
* ``fallback`` is always False here: a value is never the publication date
  by default.
"""
from __future__ import annotations

import calendar as _cal
from datetime import date, datetime, timedelta

from rasid.dates.detect import Match

__all__ = ["resolve", "parse_published", "week_start", "week_label"]

HIJRI_MIN, HIJRI_MAX = 1343, 1500


def parse_published(published) -> date | None:
    """A date from ``date``, ``datetime`` or an ISO string (timestamp allowed); None otherwise."""
    if published is None:
        return None
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    try:
        return date.fromisoformat(str(published).strip()[:10])
    except ValueError:
        return None


# ---------------------------------------------------------------- calendar helpers

def week_start(d: date) -> date:
    """The Sunday that starts the (Sunday-Saturday) week of ``d``."""
    return d - timedelta(days=(d.weekday() + 1) % 7)


def week_label(sunday: date) -> str:
    y, w, _ = (sunday + timedelta(days=1)).isocalendar()
    return f"{y}-W{w:02d}"


def _month_last(y: int, m: int) -> int:
    return _cal.monthrange(y, m)[1]


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _hijri_to_g(y: int, m: int, d: int) -> date | None:
    if not HIJRI_MIN <= y <= HIJRI_MAX:
        return None
    from hijridate import Hijri
    try:
        return Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None


def _hijri_month_len(y: int, m: int) -> int | None:
    if not HIJRI_MIN <= y <= HIJRI_MAX:
        return None
    from hijridate import Hijri
    try:
        return Hijri(y, m, 1).month_length()
    except (ValueError, OverflowError):
        return None


def _g_to_hijri(d: date) -> tuple[int, int, int] | None:
    from hijridate import Gregorian
    try:
        h = Gregorian(d.year, d.month, d.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return h.year, h.month, h.day


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _out(value=None, precision=None, rs=None, re_=None, cal="gregorian") -> dict:
    return {"value": value, "precision": precision, "range_start": _iso(rs), "range_end": _iso(re_),
            "calendar": cal, "fallback": False}


# ---------------------------------------------------------------- parts of units

def _part_days(lo: date, hi: date, unit: str, part: str | None) -> tuple[date, date]:
    if not part:
        return lo, hi
    if unit == "week":
        a, b = {"early": (0, 2), "mid": (1, 4), "late": (4, 6), "end": (5, 6)}[part]
        return lo + timedelta(days=a), lo + timedelta(days=b)
    if unit == "month":
        if part == "early":
            return lo, lo.replace(day=10)
        if part == "mid":
            return lo.replace(day=11), lo.replace(day=20)
        return lo.replace(day=21), hi
    if unit == "year":
        y = lo.year
        if part == "early":
            return date(y, 1, 1), date(y, 4, 30)
        if part == "mid":
            return date(y, 5, 1), date(y, 8, 31)
        return date(y, 9, 1), date(y, 12, 31)
    return lo, hi


def _month_out(y: int, m: int, part: str | None = None) -> dict:
    lo, hi = date(y, m, 1), date(y, m, _month_last(y, m))
    a, b = _part_days(lo, hi, "month", part)
    return _out(f"{y:04d}-{m:02d}", "month", a, b)


def _year_out(y: int, part: str | None = None) -> dict:
    lo, hi = date(y, 1, 1), date(y, 12, 31)
    a, b = _part_days(lo, hi, "year", part)
    return _out(f"{y:04d}", "year", a, b)


def _week_out(sunday: date, part: str | None = None) -> dict:
    a, b = _part_days(sunday, sunday + timedelta(days=6), "week", part)
    return _out(week_label(sunday), "week", a, b)


def _hijri_month_out(hy: int, hm: int, part: str | None = None) -> dict:
    n = _hijri_month_len(hy, hm)
    lo = _hijri_to_g(hy, hm, 1)
    if n is None or lo is None:
        return _out(None, "month", cal="hijri")
    hi = lo + timedelta(days=n - 1)
    if part == "early":
        hi = lo + timedelta(days=9)
    elif part == "mid":
        lo, hi = lo + timedelta(days=10), lo + timedelta(days=19)
    elif part in ("late", "end"):
        lo = lo + timedelta(days=20)
    mid = _hijri_to_g(hy, hm, 15)
    return _out(f"{mid.year:04d}-{mid.month:02d}", "month", lo, hi, "hijri")


def _hijri_year_out(hy: int, part: str | None = None) -> dict:
    lo = _hijri_to_g(hy, 1, 1)
    n12 = _hijri_month_len(hy, 12)
    if lo is None or n12 is None:
        return _out(None, "year", cal="hijri")
    hi = _hijri_to_g(hy, 12, n12)
    mid = lo + (hi - lo) / 2
    if part == "early":
        hi = _hijri_to_g(hy, 4, 1) - timedelta(days=1)
    elif part == "mid":
        lo, hi = _hijri_to_g(hy, 5, 1), _hijri_to_g(hy, 9, 1) - timedelta(days=1)
    elif part in ("late", "end"):
        lo = _hijri_to_g(hy, 9, 1)
    return _out(f"{mid.year:04d}", "year", lo, hi, "hijri")


# ---------------------------------------------------------------- choosing a year

def _nearest(cands: list[date], pub: date) -> date | None:
    cands = [c for c in cands if c is not None]
    if not cands:
        return None
    return min(cands, key=lambda c: (abs((c - pub).days), c > pub))


def _day_year(f: dict, pub: date | None, cal: str) -> date | None:
    """The date of a day-month with no year written, chosen around ``pub``."""
    d, m = f["d"], f["m"]
    if pub is None:
        return None
    conv = (lambda y: _safe_date(y, m, d)) if cal == "gregorian" else (lambda y: _hijri_to_g(y, m, d))
    py = pub.year if cal == "gregorian" else (_g_to_hijri(pub) or (None,))[0]
    if py is None:
        return None
    if f.get("yrel") is not None:
        return conv(py + f["yrel"])
    cands = [conv(y) for y in (py - 1, py, py + 1)]
    if f.get("mrel") == -1:
        past = [c for c in cands if c and c < pub]
        return max(past) if past else None
    if f.get("mrel") == 1:
        fut = [c for c in cands if c and c > pub]
        return min(fut) if fut else None
    if "future" in f:       # news is told in the past: on or before the publication date, unless the
        side = [c for c in cands if c and (c >= pub if f["future"] else c <= pub)]      # sentence says
        return (min if f["future"] else max)(side) if side else None                    # it is to come
    return _nearest(cands, pub)


def _month_year(f: dict, pub: date | None, cal: str) -> int | None:
    """The year (in ``cal``) of a month with no year written."""
    if pub is None:
        return None
    if cal == "gregorian":
        py, pm = pub.year, pub.month
    else:
        h = _g_to_hijri(pub)
        if h is None:
            return None
        py, pm = h[0], h[1]
    m = f["m"]
    if f.get("yrel") is not None:
        return py + f["yrel"]
    rel = f.get("mrel")
    if rel == 0:
        return py
    if rel == -1:
        return py if m < pm else py - 1
    if rel == 1:
        return py if m > pm else py + 1
    if "future" in f:       # as for a day: the last such month up to the publication month, or the next
        return (py if m >= pm else py + 1) if f["future"] else (py if m <= pm else py - 1)
    best = min((py - 1, py, py + 1), key=lambda y: (abs((y * 12 + m) - (py * 12 + pm)), y > py))
    return best


# ---------------------------------------------------------------- resolve

def resolve(match: Match, published: date | str | None = None) -> dict:  # noqa: C901
    """The TimeExpr fields (value, precision, range_start, range_end, calendar, fallback) of ``match``."""
    pub = parse_published(published)
    f, kind = match.fields, match.kind
    cal = f.get("cal", "gregorian")

    if kind == "date":
        if "mrel_unit" in f:            # 20 من الشهر المقبل
            if pub is None:
                return _out(None, "day")
            y, m = _add_months(pub.year, pub.month, f["mrel_unit"])
            return _out(_iso(_safe_date(y, m, f["d"])), "day")
        if f.get("y") is not None:
            d = _safe_date(f["y"], f["m"], f["d"]) if cal == "gregorian" else _hijri_to_g(f["y"], f["m"], f["d"])
        else:
            d = _day_year(f, pub, cal)
        return _out(_iso(d), "day", cal=cal)

    if kind == "month":
        y = f.get("y")
        if y is None:
            y = _month_year(f, pub, cal)
        if y is None:
            return _out(None, "month", cal=cal)
        if cal == "hijri":
            return _hijri_month_out(y, f["m"], f.get("part"))
        if not 1 <= y <= 9999:
            return _out(None, "month")
        return _month_out(y, f["m"], f.get("part"))

    if kind == "year":
        if cal == "hijri":
            return _hijri_year_out(f["y"], f.get("part"))
        return _year_out(f["y"], f.get("part"))

    if kind == "weekday":
        if pub is None:
            return _out(None, "day")
        wd = f["wd"]
        if "wkoff" in f:                 # الجمعة من الأسبوع المقبل: that day of that Sunday-Saturday week
            sunday = week_start(pub) + timedelta(days=7 * f["wkoff"])
            return _out(_iso(sunday + timedelta(days=(wd + 1) % 7)), "day")
        if f.get("d") is not None:
            cands = []
            for k in (-1, 0, 1):
                y, m = _add_months(pub.year, pub.month, k)
                c = _safe_date(y, m, f["d"])
                if c is not None and c.weekday() == wd:
                    cands.append(c)
            d = _nearest(cands, pub) or _safe_date(pub.year, pub.month, f["d"])
            return _out(_iso(d), "day")
        rel = f.get("wrel")
        if rel == -1:
            d = pub - timedelta(days=((pub.weekday() - wd - 1) % 7) + 1)
        elif rel == -2:
            d = pub - timedelta(days=((pub.weekday() - wd - 1) % 7) + 8)
        elif rel == 1:
            d = pub + timedelta(days=((wd - pub.weekday() - 1) % 7) + 1)
        elif rel == 2:
            d = pub + timedelta(days=((wd - pub.weekday() - 1) % 7) + 8)
        elif f.get("future"):
            d = pub + timedelta(days=(wd - pub.weekday()) % 7)
        else:                            # bare or الجاري/الحالي: on or before
            d = pub - timedelta(days=(pub.weekday() - wd) % 7)
        return _out(_iso(d), "day")

    if kind == "relday":
        if pub is None:
            return _out(None, "day")
        return _out(_iso(pub + timedelta(days=f["off"])), "day")

    if kind == "relunit":
        unit, off = f["unit"], f["off"]
        if pub is None:
            return _out(None, unit)
        if unit == "week":
            sunday = week_start(pub) + timedelta(days=7 * off)
            return _week_out(sunday, "end" if f.get("weekend") else f.get("part"))
        if unit == "month":
            y, m = _add_months(pub.year, pub.month, off)
            return _month_out(y, m, f.get("part"))
        return _year_out(pub.year + off, f.get("part"))

    if kind == "ago":
        unit, n = f["unit"], f["n"]
        if pub is None:
            return _out(None, unit)
        if unit == "day":
            return _out(_iso(pub - timedelta(days=n)), "day")
        if unit == "week":
            return _week_out(week_start(pub - timedelta(days=7 * n)))
        if unit == "month":
            y, m = _add_months(pub.year, pub.month, -n)
            return _month_out(y, m)
        return _year_out(pub.year - n) if pub.year - n >= 1 else _out(None, "year")

    if kind == "range":
        unit, n, direction = f["unit"], f["n"], f["dir"]
        if pub is None:
            return _out(None, unit)
        if unit == "day":
            if direction < 0:
                lo, hi = pub - timedelta(days=n), pub - timedelta(days=1)
                return _out(_iso(hi), "day", lo, hi)
            lo, hi = pub + timedelta(days=1), pub + timedelta(days=n)
            return _out(_iso(lo), "day", lo, hi)
        if unit == "week":
            if direction < 0:
                lo, hi = pub - timedelta(days=7 * n), pub - timedelta(days=1)
                return _out(week_label(week_start(hi)), "week", lo, hi)
            lo, hi = pub + timedelta(days=1), pub + timedelta(days=7 * n)
            return _out(week_label(week_start(lo)), "week", lo, hi)
        if unit == "month":
            if direction < 0:
                y, m = _add_months(pub.year, pub.month, -n)
                lo = _safe_date(y, m, min(pub.day, _month_last(y, m)))
                hi = pub - timedelta(days=1)
            else:
                y, m = _add_months(pub.year, pub.month, n)
                lo = pub + timedelta(days=1)
                hi = _safe_date(y, m, min(pub.day, _month_last(y, m)))
            ref = hi if direction < 0 else lo
            return _out(f"{ref.year:04d}-{ref.month:02d}", "month", lo, hi)
        if direction < 0:
            lo = _safe_date(pub.year - n, pub.month, min(pub.day, 28 if pub.month == 2 else pub.day))
            hi = pub - timedelta(days=1)
        else:
            lo = pub + timedelta(days=1)
            hi = _safe_date(pub.year + n, pub.month, min(pub.day, 28 if pub.month == 2 else pub.day))
        ref = hi if direction < 0 else lo
        return _out(f"{ref.year:04d}", "year", lo, hi)

    return _out(None, None)

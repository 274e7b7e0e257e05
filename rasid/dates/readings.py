"""What a pattern's match means: its kind and the fields :func:`rasid.dates.resolve.resolve` needs.

:func:`read` takes a match of one of :mod:`rasid.dates.patterns` over the
normalised shadow and gives ``(kind, fields)``, or None when the words around
it say it is no date (the ambiguity rules below).

Kinds (the ``fields`` each carries)
-----------------------------------
``date``     d, m, y?, cal, yrel?, mrel?, mrel_unit?   (12 مارس 2025, 5 رمضان 1446 هـ, 2025/3/12)
``month``    m, y?, cal, yrel?, mrel?, part?, named?   (مارس 2025, شهر رمضان, مارس الماضي)
``year``     y, cal, part?                            (عام 2025, 1446هـ)
``weekday``  wd (Monday=0), wrel?, d?, future, part?   (الخميس الماضي, الخميس 21)
``relday``   off (days from publication), part?       (أمس, أول أمس, غداً, صباح اليوم, الليلة)
``relunit``  unit, off, part?, weekend                (الأسبوع الماضي, نهاية الأسبوع الماضي, العام الجاري)
``ago``      unit, n                                  (قبل يومين, قبل ثلاثة أيام, منذ أسبوع)
``range``    unit, n, dir                             (الأيام الماضية, اليومين الماضيين)

Ambiguity rules
---------------
Their words are in ``dates.json`` and the ``dates_*`` lists of the lexicon folder.

* ``الاثنين`` is "the two" after بين/كلا/إلى/على/هذين, with ل/ب attached
  (للاثنين), before معاً/كليهما/منهما, or after a definite dual/plural noun
  (الطرفين الاثنين); otherwise (after يوم/في, between commas, after a verb)
  it is Monday.
* ``أحد`` without the article is never Sunday; ``الأحد عشر`` is "the eleven".
* ``الجمعة`` after صلاة/خطبة/أيام/كل is the prayer or a set, not a date.
* month names that are ordinary words or given names (مارس، آب، صفر، رمضان،
  رجب، شعبان، نيسان ...) count only with a day, a year, شهر, a part word
  (مطلع/نهاية ...) or a relative word (الماضي/المقبل).
* bare ``العام``/``السنة`` (الرأي العام، الأمين العام) never count; they need
  a relative word, هذا/هذه or a part word (نهاية العام).
* ``غدا`` is also the verb "became": it counts when written with tanween
  (غداً), before a weekday, or when not after قد and not before a definite noun.
* ``اليوم`` before الوطني/العالمي/التالي/الأول/الذي ... is not today.
* ``قبل عام من ...`` (before something else) and ``منذ عام 2011`` are not
  "a year ago".
* a numeric date right after رقم/القرار ... is a document's number.
* a bare weekday whose sentence has a future marker before it (the future
  prefix س split off by the tokenizer, سوف، من المقرر ...) is flagged
  ``future`` so that it resolves forwards.
"""
from __future__ import annotations

import re

from rasid.dates.context import is_future, next_word, prefix, prev_words
from rasid.dates.vocabulary import Vocabulary

__all__ = ["read"]


def _ordinal_day(V: Vocabulary, words: str) -> int | None:
    parts = words.split()
    if len(parts) == 1:
        w = parts[0]
        if w in V.ordinals:
            return V.ordinals[w]
        return V.tens.get(w)
    if len(parts) == 2 and parts[0] in V.ordinals and parts[1] in V.ordinal_tens:
        unit = V.ordinals[parts[0]]
        return unit + V.ordinal_tens[parts[1]]
    return None


def _day(V: Vocabulary, g: dict) -> int | None:
    if g.get("d"):
        d = int(g["d"])
    elif g.get("dw"):
        d = _ordinal_day(V, re.sub(r"\s+", " ", g["dw"]))
        if d is None:
            return None
    else:
        return None
    return d if 1 <= d <= 31 else None


def _year_fields(V: Vocabulary, g, f: dict, cal: str) -> bool:
    """Year and relative year/month of a month match into ``f``; False when a Gregorian month
    carries a Hijri era marker (not a date we read)."""
    if g.get("y"):
        f["y"] = int(g["y"])
        if cal == "gregorian" and g.get("era") in V.hijri_eras:
            return False
    if g.get("yrel"):
        f["yrel"] = _rel(V, g["yrel"])
    if g.get("mrel"):
        f["mrel"] = _rel(V, g["mrel"])
    return True


def _mark_future(f: dict, V: Vocabulary, N: str, s: int) -> None:
    """A day or month with no year and no relative word gets ``future``: whether its sentence puts it
    to come (rasid.dates.resolve then looks forwards; else backwards, news being told in the past)."""
    if "y" not in f and "yrel" not in f and "mrel" not in f:
        f["future"] = is_future(N, s, V.future_cues)


def _rel(V: Vocabulary, w: str | None) -> int | None:
    if not w:
        return None
    w = re.sub(r"\s+", " ", w)
    if w in V.before_last_after_next:
        return V.before_last_after_next[w]
    if w in V.past:
        return -1
    if w in V.next:
        return 1
    if w in V.this:
        return 0
    return None


def _part(V: Vocabulary, w: str | None) -> str | None:
    if not w:
        return None
    if w in V.early:
        return "early"
    if w in V.mid:
        return "mid"
    if w == "نهايه":
        return "end"
    if w in V.late:
        return "late"
    return None


def _month_of(V: Vocabulary, cal: str, w: str) -> int:
    w = re.sub(r"\s+", " ", w)
    return (V.mg if cal == "gregorian" else V.mh)[w]


def read(V: Vocabulary, kind: str, m: re.Match, N: str, tanween: bool = False) -> tuple[str, dict] | None:  # noqa: C901
    """The kind and fields of match ``m`` of the pattern of ``kind`` over the shadow ``N``, or None
    when it is no date. ``tanween``: a matched غدا is written غداً in the text."""
    g = m.groupdict()
    s = m.start()
    head, _, sub = kind.partition(":")

    if head == "date" and sub in ("gregorian", "hijri", "relmonth"):
        d = _day(V, g)
        if d is None:
            return None
        f: dict = {"d": d}
        if sub == "relmonth":
            f.update(cal="gregorian", mrel_unit=_rel(V, g.get("mrel")) or 0)
            return "date", f
        cal = sub
        if g.get("d") and re.sub(r"\s+", " ", g["mon"]) in V.ambiguous and "-" in N[m.end("d"):m.start("mon")]:
            return None         # a score (1-صفر), not the first of Safar
        f["m"] = _month_of(V, cal, g["mon"])
        if not _year_fields(V, g, f, cal):
            return None
        f["cal"] = cal
        if g.get("wd"):
            f["wd"] = V.wd[g["wd"]]
        _mark_future(f, V, N, s)
        return "date", f

    if head == "date":          # ymd / dmy
        d, mo, y = int(g["d"]), int(g["m"]), int(g["y"])
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            return None
        if prev_words(N, s, 1) and prev_words(N, s, 1)[-1] in V.document_cues_full:
            return None
        return "date", {"d": d, "m": mo, "y": y, "cal": "gregorian", "numeric": True}

    if head == "month" and sub in ("my", "ym"):
        mo, y = int(g["m"]), int(g["y"])
        if not 1 <= mo <= 12:
            return None
        pw = prev_words(N, s, 2)
        if any(w in V.document_cues for w in pw):
            return None
        return "month", {"m": mo, "y": y, "cal": "gregorian", "numeric": True}

    if head == "month":
        cal = sub
        mon = re.sub(r"\s+", " ", g["mon"])
        anchored = any(g.get(k) for k in ("y", "yrel", "mrel", "shahr", "part"))
        if not anchored:
            if mon in V.ambiguous:
                return None
            # a Gregorian/Levantine name right before a number belongs to something else
        f = {"m": _month_of(V, cal, mon), "cal": cal}
        if not _year_fields(V, g, f, cal):
            return None
        if g.get("part"):
            f["part"] = _part(V, g["part"])
        _mark_future(f, V, N, s)
        return "month", f

    if head == "year":
        y = int(g.get("y") or g.get("x"))
        era = g.get("era") or ""
        cal = "hijri" if era in V.hijri_eras or sub == "hijri" else "gregorian"
        if sub == "kw" and cal == "gregorian" and not (1000 <= y <= 2200):
            return None
        f = {"y": y, "cal": cal}
        if g.get("part"):
            f["part"] = _part(V, g["part"])
        return "year", f

    if head == "weekday" and sub.startswith("inweek"):
        if not g.get("this") and not g.get("wkrel"):
            return None
        return "weekday", {"wd": V.wd[g["wd"]], "wkoff": _rel(V, g.get("wkrel")) or 0}

    if head == "weekday":
        wdw = g["wd"]
        wd = V.wd[wdw]
        e = m.end("wd")
        ws = m.start("wd")
        prev = prev_words(N, ws, 2)
        nxt = next_word(N, e)
        pre = prefix(N, ws)
        if wd == 0:             # الاثنين: Monday or "the two"
            if pre in V.not_two_proclitics or nxt in V.not_two_after:
                return None
            if prev and (prev[-1] in V.not_two_before or
                         (prev[-1].startswith("ال") and prev[-1].endswith(("ين", "ان"))
                          and len(prev[-1]) > 4 and prev[-1] not in V.wd)):
                return None
        if wdw == "الاحد" and nxt in ("عشر", "عشره"):
            return None
        if prev and prev[-1] in V.not_weekday_before and not g.get("part"):
            return None
        f = {"wd": wd}
        if g.get("wrel"):
            f["wrel"] = _rel(V, g["wrel"])
        d = _day(V, g)
        if d is not None:
            f["d"] = d
        if g.get("part"):
            f["part"] = g["part"]
        f["future"] = is_future(N, m.start(), V.future_cues)
        return "weekday", f

    if head == "relday":
        if sub == "-2":
            return "relday", {"off": -2}
        if sub == "+2":
            return "relday", {"off": 2}
        if sub == "night":
            lrel = g.get("lrel")
            nxt = next_word(N, m.end())
            if not lrel and (nxt in V.ordinals or nxt in V.not_tonight_after):
                return None
            return "relday", {"off": V.night[lrel] if lrel else 0, "part": "night"}
        w = re.sub(r"\s+", " ", g["w"])
        part = g.get("part")
        base = w.replace("يوم ", "")
        nxt = next_word(N, m.end())
        prev = prev_words(N, m.start(), 1)
        off = V.day_words[base]
        if base == "اليوم":
            if (nxt in V.ordinals or nxt in V.past or nxt in V.next or (nxt in V.not_today_after and not part)) \
                    and nxt not in V.wd:
                return None
        elif base == "غدا":
            if not part:
                if prev and prev[-1] in V.not_tomorrow_before:
                    return None
                if nxt.startswith("ال") and len(nxt) > 3 and nxt not in V.wd and not tanween:
                    return None
        elif off == 1:             # الغد / غد
            if not part and not (prev and prev[-1] in V.tomorrow_noun_before):
                return None
        f = {"off": off}
        if part:
            f["part"] = part
        return "relday", f

    if head == "relunit":
        unit = V.relative_units[g["unit"]]
        rel = _rel(V, g.get("rel"))
        part = _part(V, g.get("part"))
        if g.get("part") == "اول" and rel is None and not g.get("this"):
            return None
        if rel is None and not g.get("this") and not part and not g.get("holiday"):
            return None
        if rel is None and not g.get("this") and not part and g.get("holiday") and unit != "week":
            return None
        f = {"unit": unit, "off": rel or 0}
        weekend = unit == "week" and (part == "end" or bool(g.get("holiday")))
        if weekend:
            f["weekend"] = True
        elif part:
            f["part"] = part
        return "relunit", f

    if head == "ago":
        unit, num = V.units[g["uw"]]
        n = g.get("n")
        if n:
            k = int(n) if n.isdigit() else V.cardinals[n]
            if num == "du":
                return None
        elif num == "sg":
            k = 1
        elif num == "du":
            k = 2
        else:
            return None
        if k <= 0:
            return None
        return "ago", {"unit": unit, "n": k}

    if head == "range":
        unit, num = V.units[g["uw"]]
        rel = g.get("rel")
        few = g.get("few")
        if not rel and few not in V.range_last:
            return None
        direction = V.range_relative[rel] if rel else -1
        if g.get("n"):
            n = V.cardinals[g["n"]]
        elif num == "du":
            n = 2
        elif few in V.range_few:
            n = 3
        else:
            n = {"day": 7, "week": 3, "month": 3, "year": 3}[unit]
        return "range", {"unit": unit, "n": n, "dir": direction}
    return None

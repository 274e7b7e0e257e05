"""The date detector's regular expressions, built once from its vocabulary.

Every pattern is matched against the normalised shadow of the text
(:mod:`rasid.dates.shadow`). Its words come from :mod:`rasid.dates.vocabulary`:
a list becomes an alternation, longest word first, a space in an entry matching
any run of spaces (:func:`alt`). Each pattern carries a :class:`Spec` saying
where its matches can start, which :mod:`rasid.dates.prefilter` uses to try it
only there. What a match means is read by :mod:`rasid.dates.readings`, which
takes the pattern's kind (``"date:gregorian"`` ...) and its named groups.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rasid.dates.vocabulary import vocabulary

__all__ = ["WS", "S", "alt", "Spec", "Patterns", "patterns"]

WS = r"[^\S\n]+"
S = r"[^\S\n]*"


def alt(words) -> str:
    """A non-capturing alternation of ``words``, longest first."""
    ws = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", WS) for w in ws) + ")"


@dataclass(frozen=True, slots=True)
class Spec:
    """Where a pattern's matches can start, so that it is tried only there (see
    :meth:`rasid.dates.prefilter.Prefilter.matches`).

    A match starts with one of the ``heads`` followed by a non-word character,
    with one of the ``loose`` words followed by anything, or (``digits``) with
    the last one or two digits of a digit run (``"short"``: a day or month
    number; ``"sep"``: the same, before ``/ - .``) or the last four (``"year"``).
    ``needs``: a tag of :attr:`Patterns.tags` that the text must carry for the
    pattern to match at all. ``plain``: run the pattern over the whole text
    (when ``needs`` is met).
    """

    heads: frozenset[str]
    loose: frozenset[str]
    digits: str
    needs: str
    plain: bool


def _firsts(words) -> frozenset[str]:
    """The first words of ``words`` (some lexicon entries are two words)."""
    return frozenset(w.split(" ")[0] for w in words)


def _month_tags(names) -> frozenset[str]:
    """One word of each month name that a match must hold: the first, but the second after
    ذو/ذي/ذا (ذو الحجة), which are everyday words."""
    out = set()
    for name in names:
        words = name.split(" ")
        out.add(words[-1] if words[0] in ("ذو", "ذي", "ذا") else words[0])
    return frozenset(out)


class Patterns:
    """The compiled patterns, in the order they are tried: ``patterns`` (kind, regex) and their
    ``specs``; ``tags``: tag -> the words that give a text that tag (see :attr:`Spec.needs`)."""

    def __init__(self) -> None:
        V = vocabulary()
        PAST, NEXT, THIS = alt(V.past), alt(V.next), alt(V.this)
        REL = f"(?:{PAST}|{NEXT}|{THIS})"
        REL2 = alt(V.before_last_after_next)
        PART = alt(V.early | V.mid | V.late)
        WD = alt(V.wd)
        MG, MH = alt(V.mg), alt(V.mh)
        ORD = alt(V.ordinals)
        ORD_DAY = rf"(?:{ORD}(?:{WS}{alt(V.ordinal_tens)})?|{alt(V.tens)})"
        DAY = rf"(?:(?P<d>[0-3]?\d)(?![\d.]\d)|(?P<dw>{ORD_DAY}))"
        DAYW_ONLY = rf"(?P<dw>{ORD_DAY})"
        ON = r"(?:في|الموافق)"                              # الخميس الموافق 12 ...
        WDPRE = rf"(?:(?P<wd>{WD}){S}[,،]?{S}(?:{ON}{WS})?)?"
        YEARW = alt(V.year_words)
        YEARCONN = rf"{S}[,،.]?{S}(?:(?:من|في){WS})?(?:(?:لل|ل|ال)?{YEARW}{WS})?"
        ERA = alt(V.hijri_eras | V.gregorian_era_words | V.gregorian_era_abbreviations)
        YEAR = rf"(?P<y>\d{{4}})(?!\d)(?:{S}(?P<era>{ERA})(?!\w))?"
        YREL = rf"{WS}(?:من{WS})?(?:العام|السنه){WS}(?P<yrel>{REL})"
        MREL = rf"{WS}(?P<mrel>{REL})"
        PARTPRE = rf"(?:(?P<part>{PART}){WS}(?:من{WS})?)?"
        CARD = alt(V.cardinals)
        UNITS = alt(V.units)
        DPARTS = alt(V.day_parts)
        CLAUSE_END = rf"(?={S}(?:[.,،؛:)»\"]|\n|$))"

        self.patterns: list[tuple[str, re.Pattern]] = []
        self.specs: list[Spec] = []

        def add(kind: str, rx: str, heads=(), loose=(), digits: str = "", needs: str = "",
                plain: bool = False) -> None:
            self.patterns.append((kind, re.compile(rx)))
            self.specs.append(Spec(_firsts(heads), _firsts(loose), digits, needs, plain))

        # What a match can start with (see Spec): the lexicon words a pattern
        # opens with, and the words the text must hold for it to match at all.
        wd, ords, tens = set(V.wd), set(V.ordinals), set(V.tens)
        parts, dparts = V.early | V.mid | V.late, set(V.day_parts)
        kw = {p + u for p in ("", "لل", "ل", "ال") for u in V.year_words}
        units = set(V.relative_units)
        day_words = set(V.day_words)
        self.tags: dict[str, set[str]] = {
            "mon:gregorian": _month_tags(V.mg), "mon:hijri": _month_tags(V.mh), "الشهر": {"الشهر"},
            "kw": kw, "wd": wd, "الاسبوع": {"الاسبوع"}, "day": day_words, "الليله": {"الليله"},
            "unit": units}

        for cal, MON in (("gregorian", MG), ("hijri", MH)):
            MONX = rf"(?P<mon>{MON})(?!\w)(?:{S}[/(\-]{S}(?P<mon2>{MON})(?:{S}\))?)?"
            add("date:" + cal,
                rf"{WDPRE}{DAY}{S}[.\-/]?{S}(?:من{WS})?(?:شهر{WS})?{MONX}"
                rf"(?:{YEARCONN}{YEAR}|{YREL}|{MREL})?",
                loose=wd | ords | tens, digits="short", needs="mon:" + cal)
            add("month:" + cal,
                rf"{PARTPRE}(?P<shahr>شهر{WS})?{MONX}(?:{YEARCONN}{YEAR}|{YREL}|{MREL})?",
                heads=parts | {"شهر"} | set(V.mg if cal == "gregorian" else V.mh), needs="mon:" + cal)
        # 20 من الشهر المقبل، 12 من هذا الشهر
        add("date:relmonth",
            rf"{WDPRE}{DAY}{WS}(?:من{WS})?(?:هذا{WS}الشهر|الشهر{WS}(?P<mrel>{REL}))(?!\w)",
            heads=ords | tens, loose=wd, digits="short", needs="الشهر")
        # numeric dates
        GREG_ABBR = alt(V.gregorian_era_abbreviations)
        add("date:ymd", r"(?P<y>(?:1[89]|20)\d\d)" + S + r"(?P<s>[/\-.])" + S + r"(?P<m>\d{1,2})"
            + S + r"(?P=s)" + S + r"(?P<d>\d{1,2})(?![\d])", digits="year")
        add("date:dmy", r"(?P<d>\d{1,2})" + S + r"(?P<s>[/\-.])" + S + r"(?P<m>\d{1,2})"
            + S + r"(?P=s)" + S + r"(?P<y>(?:1[89]|20)\d\d)(?!\d)(?:" + S + rf"(?P<era>{GREG_ABBR})(?!\w))?",
            digits="sep")
        add("month:my", r"(?P<m>\d{1,2})" + S + r"[/\-.]" + S + r"(?P<y>(?:1[89]|20)\d\d)(?![\d])",
            digits="sep")
        add("month:ym", r"(?P<y>(?:1[89]|20)\d\d)" + S + r"[/.]" + S + r"(?P<m>\d{1,2})(?![\d])",
            digits="year")
        # years
        add("year:kw", rf"{PARTPRE}(?P<kw>(?:لل|ل|ال)?{YEARW}{WS})(?P<y>\d{{4}})(?!\d)"
            rf"(?:{S}(?P<era>{ERA})(?!\w))?", heads=parts | kw, needs="kw")
        add("year:hijri", rf"(?P<y>1[345]\d\d){S}(?P<era>{alt(V.hijri_eras)})(?!\w)", digits="year")
        add("year:greg", rf"(?P<y>(?:1[89]|20)\d\d)(?:(?P<era>{GREG_ABBR})|{S}(?P<era2>{alt(V.gregorian_era_words)}))"
            rf"(?!\w)", digits="year")
        add("year:prep", rf"{alt(V.year_prepositions)}{WS}(?P<x>(?:19|20)\d\d){CLAUSE_END}",
            needs="digits4", plain=True)
        # weekdays (with a part of the day, a relative word, a day of the month)
        add("weekday", rf"(?:(?P<part>{DPARTS}){WS}(?:يوم{WS})?)?(?P<wd>{WD})(?!\w)"
            rf"(?:{WS}(?P<wrel>{REL2}|{REL})(?!\w)|{S}[,،]?{S}(?:{ON}{WS})?(?:(?P<d>[0-3]?\d)(?![\d.]\d)"
            rf"|(?<=في ){DAYW_ONLY}){CLAUSE_END})?", heads=dparts | wd, needs="wd")
        # a weekday of a given week: الجمعة من الأسبوع المقبل، الأسبوع الماضي يوم الأحد
        WEEK = rf"(?:(?P<this>هذا){WS})?الاسبوع(?:{WS}(?P<wkrel>{REL}))?(?!\w)"
        add("weekday:inweek1", rf"(?P<wd>{WD}){WS}(?:من{WS})?{WEEK}", heads=wd, needs="الاسبوع")
        add("weekday:inweek2", rf"{WEEK}{S}[,،]?{S}(?:يوم{WS})?(?P<wd>{WD})(?!\w)",
            heads={"هذا", "الاسبوع"}, needs="wd")
        # relative days
        add("relday:-2", rf"(?:اول|قبل){WS}(?:من{WS})?(?:يوم{WS})?(?:ال)?امس(?!\w)",
            heads={"اول", "قبل"}, needs="day")
        add("relday:+2", rf"بعد{WS}(?:يوم{WS})?(?:ال)?غد(?:ا)?(?!\w)", heads={"بعد"}, needs="day")
        add("relday", rf"(?:(?P<part>{DPARTS}){WS}(?:يوم{WS})?)?"
            rf"(?P<w>(?:يوم{WS})?{alt(V.day_words_after_yawm)}|{alt(day_words - V.day_words_after_yawm)})(?!\w)",
            heads=dparts | {"يوم"} | day_words, needs="day")
        add("relday:night", rf"(?:هذه{WS})?الليله(?:{WS}(?P<lrel>{alt(V.night)}))?(?!\w)",
            heads={"هذه", "الليله"}, needs="الليله")
        # relative weeks / months / years; عطلة نهاية الأسبوع
        add("relunit", rf"(?:(?P<holiday>{alt(V.holidays)}){WS}(?=نهايه))?(?:(?P<part>{PART}){WS})?"
            rf"(?:(?P<this>هذا|هذه){WS})?(?P<unit>{alt(units)})(?!\w)"
            rf"(?:{WS}(?P<rel>{REL2}|{REL})(?!\w))?",
            heads=V.holidays | {"هذا", "هذه"} | parts | units, needs="unit")
        # قبل يومين، منذ ثلاثة أيام، قبل 21 يوماً
        add("ago", rf"(?P<prep>قبل|منذ){WS}(?:{alt(V.approximators)}{WS})?(?:(?P<n>\d{{1,3}}|{CARD}){WS})?"
            rf"(?P<uw>{UNITS})(?!\w)(?!{S}\d)(?!{WS}{alt(V.not_ago_after)}(?!\w))", heads={"قبل", "منذ"})
        # الأيام الماضية، اليومين الماضيين، الأسابيع الثلاثة الماضية
        range_units = V.range_units()
        add("range", rf"ال(?P<uw>{alt(range_units)})"
            rf"(?:{WS}(?P<few>{alt(V.range_few | V.range_last)}))?(?:{WS}ال(?P<n>{CARD}))?"
            rf"(?:{WS}(?P<rel>{alt(V.range_relative)}))?(?!\w)",
            heads={"ال" + u for u in range_units})


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """The patterns, compiled once."""
    return Patterns()

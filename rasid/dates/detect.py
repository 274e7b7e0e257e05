"""Find time expressions in Arabic news text.

``detect(text)`` returns :class:`Match` objects: exact half-open ``[start, end)``
character ranges into ``text``, a ``kind`` and the ``fields`` that
:func:`rasid.dates.resolve.resolve` needs. Nothing is resolved here.

How it works: the text gets a *normalised shadow* (``norm_key`` character by
character: hamza forms of alef -> ا, ى -> ي, ة -> ه, no diacritics or tatweel,
Arabic-Indic digits -> ASCII) together with a map from every shadow position
back to the text, so patterns are written once over plain keys and every span
still points into the text as written. Candidate matches of all patterns are
collected and the longest win; spans never overlap.

Spans
-----
* attached proclitics stay outside the span: ``وأمس`` -> ``أمس``,
  ``بالأمس`` -> ``الأمس`` (as Recognizers-Text does);
* a leading ``يوم`` before a weekday stays outside (``يوم الاثنين`` ->
  ``الاثنين``); a weekday right before a date is part of the date
  (``الاثنين 12 يناير 2016``); a part of the day is inside (``صباح اليوم``,
  ``مساء الخميس``);
* prepositions (في، خلال، منذ ...) stay outside, except in ``قبل يومين`` /
  ``منذ أسبوع`` where they carry the meaning.

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
* a bare weekday whose sentence has a future marker before it (the future
  prefix س split off by the tokenizer, سوف، من المقرر ...) is flagged
  ``future`` so that it resolves forwards.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from rasid.dates.lexicon import lexicon
from rasid.lang.ar.normalize import NORM_TABLE
from rasid.lang.ar.tokenize import split_clitics

__all__ = ["Match", "detect", "normalize"]


@dataclass(slots=True)
class Match:
    """A time expression found in the text: ``[start, end)`` into it."""

    start: int
    end: int
    kind: str
    fields: dict = field(default_factory=dict)
    text: str = ""


# ---------------------------------------------------------------- shadow text

# NORM_TABLE maps a character to nothing or to one character that it leaves alone,
# so the shadow is the text with some characters replaced one for one and some
# deleted. The common replacements go through str.replace (fast), the rest
# through one regex; the positions of deleted characters give the map back.
_DELETED = "".join(sorted(chr(k) for k, v in NORM_TABLE.items() if v is None))
_COMMON = tuple((c, NORM_TABLE[ord(c)]) for c in "ةأإىئؤآ")
_RARE = "".join(sorted(chr(k) for k, v in NORM_TABLE.items() if v is not None and chr(k) not in dict(_COMMON)))
_DELETED_RX = re.compile("[" + re.escape(_DELETED) + "]")
_RARE_RX = re.compile("[" + re.escape(_RARE) + "]")


def _rare(m: re.Match) -> str:
    return NORM_TABLE[ord(m.group())]


def _shadow(text: str) -> tuple[str, list[int] | None]:
    """``text.translate(NORM_TABLE)`` and, when characters were deleted, the sorted shadow
    positions at which they were (see :func:`_to_text`); None when none was."""
    n = text
    for a, b in _COMMON:
        n = n.replace(a, b)
    if _RARE_RX.search(n):
        n = _RARE_RX.sub(_rare, n)
    if not _DELETED_RX.search(n):
        return n, None
    gaps = [m.start() - j for j, m in enumerate(_DELETED_RX.finditer(text))]
    return _DELETED_RX.sub("", n), gaps


def _to_text(gaps: list[int] | None, s: int) -> int:
    """The text position of shadow position ``s``."""
    return s if gaps is None else s + bisect_right(gaps, s)


def normalize(text: str) -> tuple[str, list[int] | None]:
    """The normalised shadow of ``text`` and its map back (None: identity)."""
    n, gaps = _shadow(text)
    if gaps is None:
        return n, None
    return n, [_to_text(gaps, s) for s in range(len(n))]


# ---------------------------------------------------------------- patterns

WS = r"[^\S\n]+"
S = r"[^\S\n]*"


def _alt(words) -> str:
    ws = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", WS) for w in ws) + ")"


@dataclass(frozen=True, slots=True)
class _Spec:
    """Where a pattern's matches can start, so that it is tried only there (see :func:`_matches`).

    A match starts with one of the ``heads`` followed by a non-word character,
    with one of the ``loose`` words followed by anything, or (``digits``) with
    the last one or two digits of a digit run (``"short"``: a day or month
    number; ``"sep"``: the same, before ``/ - .``) or the last four (``"year"``). ``needs``: a tag of :attr:`_P.tags`
    that the text must carry for the pattern to match at all. ``plain``: run
    the pattern over the whole text (when ``needs`` is met).
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


def _trie(words) -> str:
    """A regex matching any of ``words``, as a trie (one branch per first letter, longer words first)."""
    tree: dict = {}
    for w in words:
        node = tree
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(c) + emit(node[c]) for c in sorted(node) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return emit(tree)


class _P:
    """Compiled patterns and word tables, built once."""

    def __init__(self) -> None:
        L = lexicon()
        rel = L["relative"]
        self.mg = {k: v for k, v in L["months_gregorian"].items()}
        self.mh = {k: v for k, v in L["months_hijri"].items()}
        self.ambiguous = set(L["ambiguous_months"]) | {"نيسان"}
        self.wd = L["weekdays"]
        self.past = set(rel["past"])
        self.next = set(rel["next"])
        self.this = set(rel["this"])
        self.early, self.mid, self.late = set(rel["early"]), set(rel["mid"]), set(rel["late"])
        self.day_parts = rel["day_parts"]
        self.cardinals = L["cardinals"]
        self.ordinals = L["ordinals"]
        self.ordinal_tens = L["ordinal_tens"]
        self.tens = L["tens"]
        self.not_two_before = set(L["not_two_before"])
        self.not_weekday_before = set(L["not_weekday_before"])
        self.units: dict[str, tuple[str, str]] = {}     # word -> (unit, number: sg|du|pl)
        for unit, forms in L["units"].items():
            for num, words in forms.items():
                for w in words:
                    self.units[w] = (unit, num)
                    if num == "sg" and not w.endswith("ه"):
                        self.units[w + "ا"] = (unit, "sg")   # يوماً، شهراً، عاماً (after 11+)

        PAST, NEXT, THIS = _alt(self.past), _alt(self.next), _alt(self.this)
        REL = f"(?:{PAST}|{NEXT}|{THIS})"
        REL2 = rf"(?:قبل{WS}(?:الماضي|الماضيه)|بعد{WS}(?:المقبل|المقبله|القادم|القادمه))"
        PART = _alt(self.early | self.mid | self.late)
        WD = _alt(self.wd)
        MG, MH = _alt(self.mg), _alt(self.mh)
        ORD = _alt(self.ordinals)
        ORD_DAY = rf"(?:{ORD}(?:{WS}{_alt(self.ordinal_tens)})?|{_alt(self.tens)})"
        DAY = rf"(?:(?P<d>[0-3]?\d)(?![\d.]\d)|(?P<dw>{ORD_DAY}))"
        DAYW_ONLY = rf"(?P<dw>{ORD_DAY})"
        WDPRE = rf"(?:(?P<wd>{WD}){S}[,،]?{S}(?:(?:في|الموافق){WS})?)?"
        YEARCONN = rf"{S}[,،.]?{S}(?:(?:من|في){WS})?(?:(?:لل|ل|ال)?(?:عام|سنه){WS})?"
        ERA = r"(?:هجريه|هجري|للهجره|ه|ميلاديه|ميلادي|للميلاد|م)"
        YEAR = rf"(?P<y>\d{{4}})(?!\d)(?:{S}(?P<era>{ERA})(?!\w))?"
        YREL = rf"{WS}(?:من{WS})?(?:العام|السنه){WS}(?P<yrel>{REL})"
        MREL = rf"{WS}(?P<mrel>{REL})"
        PARTPRE = rf"(?:(?P<part>{PART}){WS}(?:من{WS})?)?"
        CARD = _alt(self.cardinals)
        UNITS = _alt(self.units)
        DPARTS = _alt(self.day_parts)
        FEW = r"(?:القليله|القليلين|الاخيره|الفائته|المنصرمه)"

        self.patterns: list[tuple[str, re.Pattern]] = []
        self.specs: list[_Spec] = []

        def add(kind: str, rx: str, heads=(), loose=(), digits: str = "", needs: str = "",
                plain: bool = False) -> None:
            self.patterns.append((kind, re.compile(rx)))
            self.specs.append(_Spec(_firsts(heads), _firsts(loose), digits, needs, plain))

        # What a match can start with (see _Spec): the lexicon words a pattern
        # opens with, and the words the text must hold for it to match at all.
        wd, ords, tens = set(self.wd), set(self.ordinals), set(self.tens)
        parts, dparts = self.early | self.mid | self.late, set(self.day_parts)
        kw = {p + u for p in ("", "لل", "ل", "ال") for u in ("عام", "سنه")}
        units = {"الاسبوع", "الشهر", "العام", "السنه"}
        day_words = {"امس", "الامس", "البارحه", "اليوم", "غدا", "الغد", "غد"}
        self.tags: dict[str, set[str]] = {
            "mon:gregorian": _month_tags(self.mg), "mon:hijri": _month_tags(self.mh), "الشهر": {"الشهر"},
            "kw": kw, "wd": wd, "الاسبوع": {"الاسبوع"}, "day": day_words, "الليله": {"الليله"},
            "unit": units}

        for cal, MON in (("gregorian", MG), ("hijri", MH)):
            MONX = rf"(?P<mon>{MON})(?!\w)(?:{S}[/(\-]{S}(?P<mon2>{MON}){S}\)?)?"
            add("date:" + cal,
                rf"{WDPRE}{DAY}{S}[.\-/]?{S}(?:من{WS})?(?:شهر{WS})?{MONX}"
                rf"(?:{YEARCONN}{YEAR}|{YREL}|{MREL})?",
                loose=wd | ords | tens, digits="short", needs="mon:" + cal)
            add("month:" + cal,
                rf"{PARTPRE}(?P<shahr>شهر{WS})?{MONX}(?:{YEARCONN}{YEAR}|{YREL}|{MREL})?",
                heads=parts | {"شهر"} | set(self.mg if cal == "gregorian" else self.mh), needs="mon:" + cal)
        # 20 من الشهر المقبل، 12 من هذا الشهر
        add("date:relmonth",
            rf"{WDPRE}{DAY}{WS}(?:من{WS})?(?:هذا{WS}الشهر|الشهر{WS}(?P<mrel>{REL}))(?!\w)",
            heads=ords | tens, loose=wd, digits="short", needs="الشهر")
        # numeric dates
        add("date:ymd", r"(?P<y>(?:1[89]|20)\d\d)" + S + r"(?P<s>[/\-.])" + S + r"(?P<m>\d{1,2})"
            + S + r"(?P=s)" + S + r"(?P<d>\d{1,2})(?![\d])", digits="year")
        add("date:dmy", r"(?P<d>\d{1,2})" + S + r"(?P<s>[/\-.])" + S + r"(?P<m>\d{1,2})"
            + S + r"(?P=s)" + S + r"(?P<y>(?:1[89]|20)\d\d)(?!\d)(?:" + S + r"(?P<era>م)(?!\w))?",
            digits="sep")
        add("month:my", r"(?P<m>\d{1,2})" + S + r"[/\-.]" + S + r"(?P<y>(?:1[89]|20)\d\d)(?![\d])",
            digits="sep")
        add("month:ym", r"(?P<y>(?:1[89]|20)\d\d)" + S + r"[/.]" + S + r"(?P<m>\d{1,2})(?![\d])",
            digits="year")
        # years
        add("year:kw", rf"{PARTPRE}(?P<kw>(?:لل|ل|ال)?(?:عام|سنه){WS})(?P<y>\d{{4}})(?!\d)"
            rf"(?:{S}(?P<era>{ERA})(?!\w))?", heads=parts | kw, needs="kw")
        add("year:hijri", rf"(?P<y>1[345]\d\d){S}(?P<era>هجريه|هجري|للهجره|ه)(?!\w)", digits="year")
        add("year:greg", rf"(?P<y>(?:1[89]|20)\d\d)(?:(?P<era>م)|{S}(?P<era2>ميلاديه|ميلادي|للميلاد))(?!\w)",
            digits="year")
        add("year:prep", rf"(?:في|منذ|حتى|وحتى|خلال|مطلع|نهايه){WS}(?P<x>(?:19|20)\d\d)"
            rf"(?={S}(?:[.,،؛:)»\"]|\n|$))", needs="digits4", plain=True)
        # weekdays (with a part of the day, a relative word, a day of the month)
        add("weekday", rf"(?:(?P<part>{DPARTS}){WS}(?:يوم{WS})?)?(?P<wd>{WD})(?!\w)"
            rf"(?:{WS}(?P<wrel>{REL2}|{REL})(?!\w)|{S}[,،]?{S}(?:(?:في|الموافق){WS})?(?:(?P<d>[0-3]?\d)(?![\d.]\d)|(?<=في ){DAYW_ONLY})"
            rf"(?={S}(?:[.,،؛:)»\"]|\n|$)))?", heads=dparts | wd, needs="wd")
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
            rf"(?P<w>(?:يوم{WS})?(?:ال)?امس|البارحه|اليوم|غدا|الغد|غد)(?!\w)",
            heads=dparts | {"يوم"} | day_words, needs="day")
        add("relday:night", rf"(?:هذه{WS})?الليله(?:{WS}(?P<lrel>الماضيه|البارحه|المقبله|القادمه))?(?!\w)",
            heads={"هذه", "الليله"}, needs="الليله")
        # relative weeks / months / years
        add("relunit", rf"(?:(?P<holiday>عطله|عطلات){WS}(?=نهايه))?(?:(?P<part>{PART}){WS})?"
            rf"(?:(?P<this>هذا|هذه){WS})?(?P<unit>الاسبوع|الشهر|العام|السنه)(?!\w)"
            rf"(?:{WS}(?P<rel>{REL2}|{REL})(?!\w))?",
            heads={"عطله", "عطلات", "هذا", "هذه"} | parts | units, needs="unit")
        # قبل يومين، منذ ثلاثة أيام، قبل 21 يوماً
        add("ago", rf"(?P<prep>قبل|منذ){WS}(?:(?:نحو|حوالي|قرابه){WS})?(?:(?P<n>\d{{1,3}}|{CARD}){WS})?"
            rf"(?P<uw>{UNITS})(?!\w)(?!{S}\d)(?!{WS}(?:من|علي|عن)(?!\w))", heads={"قبل", "منذ"})
        # الأيام الماضية، اليومين الماضيين، الأسابيع الثلاثة الماضية
        range_units = ("ايام", "اسابيع", "اشهر", "شهور", "اعوام", "سنوات", "سنين", "يومين", "اسبوعين", "شهرين",
                       "عامين", "سنتين")
        add("range", rf"ال(?P<uw>{'|'.join(range_units)})"
            rf"(?:{WS}(?P<few>{FEW}))?(?:{WS}ال(?P<n>{CARD}))?"
            rf"(?:{WS}(?P<rel>الماضيه|الماضيين|الماضي|المنصرمه|الفائته|المقبله|القادمه|المقبلين|القادمين))?(?!\w)",
            heads={"ال" + u for u in range_units})


        self._index_heads()

    def _index_heads(self) -> None:
        """The scanner of :func:`_chunk_events`: every head word and tag word, and what each starts."""
        starts: dict[str, list[tuple[int, bool]]] = {}
        for k, spec in enumerate(self.specs):
            for w in spec.heads:
                starts.setdefault(w, []).append((k, True))
            for w in spec.loose:
                starts.setdefault(w, []).append((k, False))
        tags: dict[str, list[str]] = {}
        for tag, words in self.tags.items():
            for w in words:
                tags.setdefault(w, []).append(tag)
        self.words = {w: (tuple(starts.get(w, ())), tuple(tags.get(w, ()))) for w in starts.keys() | tags.keys()}
        self.scan = re.compile(r"(?P<n>\d+)|" + _trie(self.words))
        self.short_ids = frozenset(k for k, spec in enumerate(self.specs) if spec.digits == "short")
        self.sep_ids = frozenset(k for k, spec in enumerate(self.specs) if spec.digits == "sep")
        self.year_ids = frozenset(k for k, spec in enumerate(self.specs) if spec.digits == "year")


@lru_cache(maxsize=1)
def _patterns() -> _P:
    return _P()


# ---------------------------------------------------------------- where to try the patterns

_WORD_CHAR = re.compile(r"\w")
# space-separated chunk of a shadow -> its events (see _chunk_events), in two
# generations: when the current one is full it becomes the old one (the older
# is dropped), and a chunk found in the old one moves back
_chunks: dict[str, tuple] = {}
_chunks_old: dict[str, tuple] = {}
_CHUNKS_MAX = 50_000


def _before_sep(w: str, b: int) -> bool:
    """May ``/ - .`` follow position ``b`` of the chunk ``w`` after spaces (other than a newline)?"""
    while b < len(w) and w[b].isspace() and w[b] != "\n":
        b += 1
    return b == len(w) or w[b] in "/-."


def _chunk_events(P: _P, w: str) -> tuple:
    """Where patterns may start in ``w`` (a chunk of the shadow between spaces):
    ``((offset, pattern indices) ..., tags)``, or ``()`` when nowhere."""
    at: dict[int, set[int]] = {}
    tags: set[str] = set()
    pos = 0
    while (m := P.scan.search(w, pos)) is not None:
        a, b = m.span()
        if m.lastgroup == "n":          # a digit run: a number ends it
            ids = P.short_ids | P.sep_ids if _before_sep(w, b) else P.short_ids
            for p in (b - 2, b - 1):
                if p >= a:
                    at.setdefault(p, set()).update(ids)
            if b - 4 >= a:
                at.setdefault(b - 4, set()).update(P.year_ids)
                tags.add("digits4")
            pos = b
            continue
        found = m.group()               # the longest word here: the others here are its prefixes
        for i in range(1, len(found) + 1):
            info = P.words.get(found[:i])
            if info is None:
                continue
            bounded = _WORD_CHAR.match(w, a + i) is None
            for k, needs_bound in info[0]:
                if bounded or not needs_bound:
                    at.setdefault(a, set()).add(k)
            if bounded:
                tags.update(info[1])
        pos = a + 1
    events = tuple((p, tuple(sorted(ks))) for p, ks in sorted(at.items()) if ks)
    return (events, frozenset(tags)) if events or tags else ()


def _chunk_miss(P: _P, w: str) -> tuple:
    """The events of a chunk not in the current generation (see :func:`_chunk_events`)."""
    global _chunks, _chunks_old
    ev = _chunks_old.get(w)
    if ev is None:
        ev = _chunk_events(P, w)
    if len(_chunks) >= _CHUNKS_MAX:
        _chunks_old, _chunks = _chunks, {}
    _chunks[w] = ev
    return ev


def _starts(P: _P, N: str) -> tuple[list[list[int]], set[str]]:
    """For each pattern, the shadow positions where a match may start (in order); and the tags of ``N``."""
    starts: list[list[int]] = [[] for _ in P.patterns]
    tags: set[str] = set()
    cache = _chunks
    off = 0
    for w in N.split(" "):
        ev = cache.get(w)
        if ev is None:
            ev = _chunk_miss(P, w)
        if ev:
            for p, ks in ev[0]:
                p += off
                for k in ks:
                    starts[k].append(p)
            tags |= ev[1]
        off += len(w) + 1
    return starts, tags


def _matches(P: _P, N: str):
    """``(kind, regex, match)`` of every pattern in turn, each pattern's matches as ``finditer`` gives
    them: the pattern is matched only where one can start, which gives the same matches."""
    starts, tags = _starts(P, N)
    for (kind, rx), spec, cands in zip(P.patterns, P.specs, starts):
        if spec.needs and spec.needs not in tags:
            continue
        if spec.plain:
            for m in rx.finditer(N):
                yield kind, rx, m
            continue
        nxt = 0
        for p in cands:
            if p >= nxt:
                m = rx.match(N, p)
                if m is not None:
                    yield kind, rx, m
                    nxt = m.end()


def _matches_everywhere(P: _P, N: str):
    """What :func:`_matches` gives, the slow way (every pattern over the whole text); for tests."""
    for kind, rx in P.patterns:
        for m in rx.finditer(N):
            yield kind, rx, m


# ---------------------------------------------------------------- context helpers

_PROCLITICS_OK = frozenset({"", "و", "ف", "ب", "وب", "فب", "ك", "وك", "ل", "ول", "فل"})
_SENT_END = re.compile(r"[.!?؟\n]")
_WORD = re.compile(r"\w+")
_FUTURE_WORDS = frozenset({"سوف", "المقرر", "المنتظر", "المرتقب", "يعتزم", "تعتزم", "يعتزمون",
                           "غدا", "ستعقد", "ستبدا", "ستجري", "ستستانف", "ستكون", "ستتم", "ستصل", "ستزور",
                           "ستشارك", "ستواصل", "ستطلق", "ستقام", "ستنطلق", "ستعلن", "ستعود"})


def _prefix(N: str, s: int) -> str:
    """The letters of the same word right before ``s``."""
    ws = s
    while ws > 0 and N[ws - 1].isalnum():
        ws -= 1
    return N[ws:s]


def _prev_words(N: str, s: int, k: int = 1) -> list[str]:
    """Up to ``k`` words before ``s`` (nearest last), not crossing a sentence end."""
    lo = max(0, s - 80)
    seg = N[lo:s]
    m = None
    for m in _SENT_END.finditer(seg):
        pass
    if m is not None:
        seg = seg[m.end():]
    return _WORD.findall(seg)[-k:]


def _next_word(N: str, e: int) -> str:
    m = _WORD.match(N, e + len(N[e:]) - len(N[e:].lstrip(" \t\u00a0")))
    return m.group(0) if m else ""


def _is_future(N: str, s: int) -> bool:
    for w in _prev_words(N, s, 12):
        if w in _FUTURE_WORDS:
            return True
        if len(w) >= 4:
            # the future prefix سـ before an imperfect ي/ن (ت- stems are too often foreign words: ستايت)
            pieces = split_clitics(w)
            for a, b in zip(pieces, pieces[1:]):
                if a[2] == "س" and a[3] == "proclitic" and b[2][:1] in ("ي", "ن"):
                    return True
    return False


# ---------------------------------------------------------------- pattern handlers

def _ordinal_day(P: _P, words: str) -> int | None:
    parts = words.split()
    if len(parts) == 1:
        w = parts[0]
        if w in P.ordinals:
            return P.ordinals[w]
        return P.tens.get(w)
    if len(parts) == 2 and parts[0] in P.ordinals and parts[1] in P.ordinal_tens:
        unit = P.ordinals[parts[0]]
        return unit + P.ordinal_tens[parts[1]]
    return None


def _day(P: _P, g: dict) -> int | None:
    if g.get("d"):
        d = int(g["d"])
    elif g.get("dw"):
        d = _ordinal_day(P, re.sub(r"\s+", " ", g["dw"]))
        if d is None:
            return None
    else:
        return None
    return d if 1 <= d <= 31 else None


def _year_fields(P, g, f: dict, cal: str) -> bool:
    """Year and relative year/month of a month match into ``f``; False when a Gregorian month
    carries a Hijri era marker (not a date we read)."""
    if g.get("y"):
        f["y"] = int(g["y"])
        if cal == "gregorian" and g.get("era") in ("ه", "هجري", "هجريه", "للهجره"):
            return False
    if g.get("yrel"):
        f["yrel"] = _rel(P, g["yrel"])
    if g.get("mrel"):
        f["mrel"] = _rel(P, g["mrel"])
    return True


def _rel(P: _P, w: str | None) -> int | None:
    if not w:
        return None
    w = re.sub(r"\s+", " ", w)
    if w.startswith("قبل"):
        return -2
    if w.startswith("بعد"):
        return 2
    if w in P.past:
        return -1
    if w in P.next:
        return 1
    if w in P.this:
        return 0
    return None


def _part(P: _P, w: str | None) -> str | None:
    if not w:
        return None
    if w in P.early:
        return "early"
    if w in P.mid:
        return "mid"
    if w == "نهايه":
        return "end"
    if w in P.late:
        return "late"
    return None


def _month_of(P: _P, cal: str, w: str) -> int:
    w = re.sub(r"\s+", " ", w)
    return (P.mg if cal == "gregorian" else P.mh)[w]


def _handle(P: _P, kind: str, m: re.Match, N: str, tanween: bool = False) -> tuple[str, dict] | None:  # noqa: C901
    g = m.groupdict()
    s = m.start()
    head, _, sub = kind.partition(":")

    if head == "date" and sub in ("gregorian", "hijri", "relmonth"):
        d = _day(P, g)
        if d is None:
            return None
        f: dict = {"d": d}
        if sub == "relmonth":
            f.update(cal="gregorian", mrel_unit=_rel(P, g.get("mrel")) or 0)
            return "date", f
        cal = sub
        f["m"] = _month_of(P, cal, g["mon"])
        if not _year_fields(P, g, f, cal):
            return None
        f["cal"] = cal
        if g.get("wd"):
            f["wd"] = P.wd[g["wd"]]
        return "date", f

    if head == "date":          # ymd / dmy
        d, mo, y = int(g["d"]), int(g["m"]), int(g["y"])
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            return None
        if _prev_words(N, s, 1) and _prev_words(N, s, 1)[-1] in ("رقم", "القرار", "القانون", "المرسوم"):
            return None
        return "date", {"d": d, "m": mo, "y": y, "cal": "gregorian", "numeric": True}

    if head == "month" and sub in ("my", "ym"):
        mo, y = int(g["m"]), int(g["y"])
        if not 1 <= mo <= 12:
            return None
        pw = _prev_words(N, s, 2)
        if any(w in ("رقم", "القرار", "القانون", "المرسوم", "قرار", "قانون", "مرسوم") for w in pw):
            return None
        return "month", {"m": mo, "y": y, "cal": "gregorian", "numeric": True}

    if head == "month":
        cal = sub
        mon = re.sub(r"\s+", " ", g["mon"])
        anchored = any(g.get(k) for k in ("y", "yrel", "mrel", "shahr", "part"))
        if not anchored:
            if mon in P.ambiguous:
                return None
            # a Gregorian/Levantine name right before a number belongs to something else
        f = {"m": _month_of(P, cal, mon), "cal": cal}
        if not _year_fields(P, g, f, cal):
            return None
        if g.get("part"):
            f["part"] = _part(P, g["part"])
        return "month", f

    if head == "year":
        y = int(g.get("y") or g.get("x"))
        era = g.get("era") or ""
        cal = "hijri" if era in ("ه", "هجري", "هجريه", "للهجره") or sub == "hijri" else "gregorian"
        if sub == "kw" and cal == "gregorian" and not (1000 <= y <= 2200):
            return None
        f = {"y": y, "cal": cal}
        if g.get("part"):
            f["part"] = _part(P, g["part"])
        return "year", f

    if head == "weekday" and sub.startswith("inweek"):
        if not g.get("this") and not g.get("wkrel"):
            return None
        return "weekday", {"wd": P.wd[g["wd"]], "wkoff": _rel(P, g.get("wkrel")) or 0}

    if head == "weekday":
        wdw = g["wd"]
        wd = P.wd[wdw]
        e = m.end("wd")
        ws = m.start("wd")
        prev = _prev_words(N, ws, 2)
        nxt = _next_word(N, e)
        pre = _prefix(N, ws)
        if wdw in ("الاثنين", "الاتنين"):
            if pre in ("ل", "ول", "فل", "ب", "وب", "ك") or nxt in ("معا", "كليهما", "كلاهما", "منهما", "منهم",
                                                                 "الاخرين", "الاخيرين", "المذكورين"):
                return None
            if prev and (prev[-1] in P.not_two_before or
                         (prev[-1].startswith("ال") and prev[-1].endswith(("ين", "ان"))
                          and len(prev[-1]) > 4 and prev[-1] not in P.wd)):
                return None
        if wdw == "الاحد" and nxt in ("عشر", "عشره"):
            return None
        if prev and prev[-1] in P.not_weekday_before and not g.get("part"):
            return None
        f = {"wd": wd}
        if g.get("wrel"):
            f["wrel"] = _rel(P, g["wrel"])
        d = _day(P, g)
        if d is not None:
            f["d"] = d
        if g.get("part"):
            f["part"] = g["part"]
        f["future"] = _is_future(N, m.start())
        return "weekday", f

    if head == "relday":
        if sub == "-2":
            return "relday", {"off": -2}
        if sub == "+2":
            return "relday", {"off": 2}
        if sub == "night":
            lrel = g.get("lrel")
            nxt = _next_word(N, m.end())
            if not lrel and (nxt in P.ordinals or nxt in ("التي", "الاخيره", "نفسها", "ذاتها")):
                return None
            off = -1 if lrel in ("الماضيه", "البارحه") else (1 if lrel else 0)
            return "relday", {"off": off, "part": "night"}
        w = re.sub(r"\s+", " ", g["w"])
        part = g.get("part")
        base = w.replace("يوم ", "")
        nxt = _next_word(N, m.end())
        prev = _prev_words(N, m.start(), 1)
        if base == "اليوم":
            if nxt in P.ordinals or nxt in P.past or nxt in P.next or nxt in ("الوطني", "العالمي", "الدولي", "التالي", "الذي", "السابق",
                                           "الاخير", "الموعود", "نفسه", "ذاته", "المفتوح", "الاحد",
                                           "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت") \
                    and not part:
                if nxt not in P.wd:
                    return None
            off = 0
        elif base in ("امس", "الامس", "البارحه"):
            off = -1
        elif base == "غدا":
            if not part:
                if prev and prev[-1] in ("قد", "وقد", "لقد", "فقد"):
                    return None
                if nxt.startswith("ال") and len(nxt) > 3 and nxt not in P.wd and not tanween:
                    return None
            off = 1
        else:                      # الغد / غد
            if not part and not (prev and prev[-1] in ("حتى", "الي", "وحتى")):
                return None
            off = 1
        f = {"off": off}
        if part:
            f["part"] = part
        return "relday", f

    if head == "relunit":
        unit = {"الاسبوع": "week", "الشهر": "month", "العام": "year", "السنه": "year"}[g["unit"]]
        rel = _rel(P, g.get("rel"))
        part = _part(P, g.get("part"))
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
        unit, num = P.units[g["uw"]]
        n = g.get("n")
        if n:
            k = int(n) if n.isdigit() else P.cardinals[n]
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
        uw = g["uw"]
        unit = {"ايام": "day", "يومين": "day", "اسابيع": "week", "اسبوعين": "week", "اشهر": "month",
                "شهور": "month", "شهرين": "month", "اعوام": "year", "سنوات": "year", "سنين": "year",
                "عامين": "year", "سنتين": "year"}[uw]
        rel = g.get("rel")
        few = g.get("few")
        if not rel and few not in ("الاخيره", "الفائته", "المنصرمه"):
            return None
        direction = 1 if rel and (rel.startswith("المقبل") or rel.startswith("القادم")) else -1
        if g.get("n"):
            n = P.cardinals[g["n"]]
        elif uw in ("يومين", "اسبوعين", "شهرين", "عامين", "سنتين"):
            n = 2
        elif few in ("القليله", "القليلين"):
            n = 3
        else:
            n = {"day": 7, "week": 3, "month": 3, "year": 3}[unit]
        return "range", {"unit": unit, "n": n, "dir": direction}
    return None


# ---------------------------------------------------------------- detect

def detect(text: str, _everywhere: bool = False) -> list[Match]:
    """The time expressions of ``text``: non-overlapping, in text order.

    ``_everywhere`` (for tests): run every pattern over the whole text instead of
    only where a match can start; the result is the same.
    """
    if not text:
        return []
    P = _patterns()
    N, gaps = _shadow(text)
    cands: list[tuple[int, int, str, dict]] = []
    for kind, rx, m in (_matches_everywhere if _everywhere else _matches)(P, N):
        s = m.start("x") if "x" in rx.groupindex else m.start()
        e = m.end("x") if "x" in rx.groupindex else m.end()
        if e <= s:
            continue
        if _prefix(N, s) not in _PROCLITICS_OK:
            continue
        if s > 0 and N[s].isdigit() and (N[s - 1].isdigit() or (s > 1 and N[s - 1] in "/-.," and N[s - 2].isdigit())):
            continue
        tanween = False
        if kind == "relday" and m.group("w").endswith("غدا"):
            # غداً written with tanween is tomorrow for sure: look at the text as written
            oe = _to_text(gaps, e - 1) + 1
            tanween = "\u064b" in text[oe - 2:oe + 1]
        h = _handle(P, kind, m, N, tanween)
        if h is None:
            continue
        cands.append((s, e, h[0], h[1]))
    # longest first, then leftmost; keep the ones that do not overlap
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int, str, dict]] = []
    occupied = bytearray(len(N) + 1)
    for c in cands:
        if any(occupied[c[0]:c[1]]):
            continue
        occupied[c[0]:c[1]] = b"\x01" * (c[1] - c[0])
        taken.append(c)
    taken.sort(key=lambda c: c[0])
    out = []
    for s, e, kind, f in taken:
        os_ = _to_text(gaps, s)
        oe = _to_text(gaps, e - 1) + 1
        while oe < len(text) and (text[oe] == "\u0640" or unicodedata.category(text[oe]) == "Mn"):
            oe += 1         # a mark or tatweel that ends the last letter (غداً، هـ) belongs to it
        out.append(Match(os_, oe, kind, f, text[os_:oe]))
    return out

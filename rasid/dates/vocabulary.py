"""The date detector's words, read once from ``rasid/lang/ar/lexicons``.

``dates.json`` holds the vocabulary of the expressions themselves (months,
weekdays, relative words, units, eras, number words); the ``dates_*`` lists hold
the words around an expression that decide whether it is one (صلاة الجمعة،
كلا الاثنين، اليوم الوطني ...). Every word is a
:func:`rasid.lang.ar.normalize.norm_key` key, matched against the normalised
shadow of the text (:mod:`rasid.dates.shadow`).
"""
from __future__ import annotations

from functools import lru_cache

from rasid.lang.ar.lexicons import data, table, words
from rasid.lang.ar.normalize import norm_key

__all__ = ["Vocabulary", "vocabulary"]


class Vocabulary:
    """The word tables of :mod:`rasid.dates.patterns` and :mod:`rasid.dates.readings`.

    Expressions (``dates.json``): ``mg``/``mh`` Gregorian/Hijri month name -> 1-12,
    ``ambiguous`` month names that are ordinary words too, ``wd`` weekday -> Monday=0,
    ``past``/``next``/``this`` relative words, ``before_last_after_next`` phrase -> -2/+2,
    ``day_words`` word -> offset in days, ``day_words_after_yawm``, ``night`` word after
    الليلة -> offset, ``day_parts``, ``early``/``mid``/``late`` parts of a period,
    ``relative_units`` definite unit noun -> unit, ``holidays``, ``units`` unit noun -> (unit, sg|du|pl),
    ``range_relative`` word -> direction, ``range_few``, ``range_last``,
    ``hijri_eras`` (words and abbreviations), ``gregorian_era_words``,
    ``gregorian_era_abbreviations``, ``year_words`` (عام، سنة), ``approximators``,
    ``cardinals``, ``ordinals``, ``ordinal_tens``, ``tens`` word -> number.

    Context (``dates_*`` lists): ``proclitics`` (with ""), ``future_cues``,
    ``document_cues`` / ``document_cues_full``, ``not_two_before`` / ``not_two_after`` /
    ``not_two_proclitics``, ``not_weekday_before``, ``not_today_after``,
    ``not_tonight_after``, ``not_tomorrow_before``, ``tomorrow_noun_before``,
    ``year_prepositions``, ``not_ago_after``.
    """

    def __init__(self) -> None:
        L = data("dates")
        rel = L["relative"]
        self.mg: dict[str, int] = dict(L["months_gregorian"])
        self.mh: dict[str, int] = dict(L["months_hijri"])
        self.ambiguous = frozenset(L["ambiguous_months"])
        self.wd: dict[str, int] = L["weekdays"]
        self.past, self.next, self.this = frozenset(rel["past"]), frozenset(rel["next"]), frozenset(rel["this"])
        self.before_last_after_next: dict[str, int] = rel["before_last_after_next"]
        self.day_words: dict[str, int] = rel["day_words"]
        self.day_words_after_yawm = frozenset(rel["day_words_after_yawm"])
        self.night: dict[str, int] = rel["night"]
        self.day_parts: list[str] = rel["day_parts"]
        self.early, self.mid, self.late = frozenset(rel["early"]), frozenset(rel["mid"]), frozenset(rel["late"])
        self.relative_units: dict[str, str] = L["relative_units"]
        self.holidays = frozenset(L["holidays"])
        self.range_relative: dict[str, int] = L["range"]["relative"]
        self.range_few = frozenset(L["range"]["few"])
        self.range_last = frozenset(L["range"]["last"])
        eras = L["eras"]
        self.hijri_eras = frozenset(eras["hijri"]["words"] + eras["hijri"]["abbreviations"])
        self.gregorian_era_words = frozenset(eras["gregorian"]["words"])
        self.gregorian_era_abbreviations = frozenset(eras["gregorian"]["abbreviations"])
        self.approximators = frozenset(L["approximators"])
        self.cardinals: dict[str, int] = L["cardinals"]
        self.ordinals: dict[str, int] = L["ordinals"]
        self.ordinal_tens: dict[str, int] = L["ordinal_tens"]
        self.tens: dict[str, int] = L["tens"]
        self.year_words = frozenset(L["units"]["year"]["sg"])
        self.units: dict[str, tuple[str, str]] = {}     # word -> (unit, number: sg|du|pl)
        for unit, forms in L["units"].items():
            for num, ws in forms.items():
                for w in ws:
                    self.units[w] = (unit, num)
                    if num == "sg" and not w.endswith("ه"):
                        self.units[w + "ا"] = (unit, "sg")   # يوماً، شهراً، عاماً (after 11+)

        self.proclitics = frozenset({""}) | words("dates_proclitics")
        self.future_cues = words("dates_future_cues")
        cues = table("dates_document_cues")
        self.document_cues = frozenset(r["word"] for r in cues)
        self.document_cues_full = frozenset(r["word"] for r in cues if r["full_date"] == "yes")
        self.not_two_before = words("dates_not_two_before")
        self.not_two_after = words("dates_not_two_after")
        self.not_two_proclitics = words("dates_not_two_proclitics")
        self.not_weekday_before = words("dates_not_weekday_before")
        self.not_today_after = words("dates_not_today_after")
        self.not_tonight_after = words("dates_not_tonight_after")
        self.not_tomorrow_before = words("dates_not_tomorrow_before")
        self.tomorrow_noun_before = words("dates_tomorrow_noun_before")
        self.year_prepositions = words("dates_year_prepositions")
        self.not_ago_after = words("dates_not_ago_after")
        self._as_keys()

    def _as_keys(self) -> None:
        """Every word as its norm_key key, however the lexicon spells it (الفائت is matched as الفايت
        in the shadow; a word kept with its hamza would never match)."""
        for name, value in vars(self).items():
            if isinstance(value, frozenset):
                setattr(self, name, frozenset(norm_key(w) if w else w for w in value))
            elif isinstance(value, dict):
                setattr(self, name, {norm_key(w): v for w, v in value.items()})
            elif isinstance(value, list):
                setattr(self, name, [norm_key(w) for w in value])

    def range_units(self) -> list[str]:
        """The unit nouns that make a range with the article (الأيام الماضية، اليومين الماضيين):
        the plurals and the oblique (-ين) duals."""
        return [w for w, (_, num) in self.units.items() if num == "pl" or (num == "du" and w.endswith("ين"))]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The date vocabulary, read once."""
    return Vocabulary()

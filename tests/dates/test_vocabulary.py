"""The date detector's words come from the lexicon files, and each list reaches the detector."""
from __future__ import annotations

import re

import pytest

from rasid.dates import detect
from rasid.dates import prefilter as prefilter_module
from rasid.dates.patterns import WS, alt, patterns
from rasid.dates.prefilter import Prefilter, matches_everywhere
from rasid.dates.shadow import shadow, to_text
from rasid.dates.vocabulary import vocabulary
from rasid.lang.ar import lexicons
from rasid.lang.ar.normalize import norm_key

DATE_LISTS = [e.name for e in lexicons.catalogue() if e.name.startswith("dates_") and e.kind == "words"]


def test_every_dates_list_has_a_header_and_norm_key_entries():
    assert len(DATE_LISTS) >= 10
    off_key = set()
    for name in DATE_LISTS:
        assert "rasid.dates" in lexicons.words(name).about
        off_key |= {w for w in lexicons.words(name) if norm_key(w) != w}
    # حتى/وحتى are written with ى in the file; the vocabulary keys them (test below)
    assert off_key == {"حتى", "وحتى"}
    for row in lexicons.table("dates_document_cues"):
        assert norm_key(row["word"]) == row["word"] and row["full_date"] in ("yes", "no")


def test_every_vocabulary_word_is_a_key_of_the_shadow():
    """A word kept as the lexicon spells it (الفائت with its hamza) would never meet the shadow."""
    V = vocabulary()
    for name, value in vars(V).items():
        if isinstance(value, (frozenset, dict, list)):
            off = [w for w in value if isinstance(w, str) and w and norm_key(w) != w]
            assert not off, (name, off)
    assert "الفايت" in V.past and "حتي" in V.year_prepositions


def test_vocabulary_tables():
    V = vocabulary()
    assert V is vocabulary()
    assert "" in V.proclitics and "وب" in V.proclitics
    assert "نيسان" in V.ambiguous and "مارس" in V.ambiguous
    assert V.day_words["غد"] == 1 and V.day_words["البارحه"] == -1
    assert V.units["يوما"] == ("day", "sg") and V.units["سنتين"] == ("year", "du")
    assert sorted(V.range_units()) == sorted(["ايام", "اسابيع", "اشهر", "شهور", "اعوام", "سنوات", "سنين",
                                               "يومين", "اسبوعين", "شهرين", "عامين", "سنتين"])
    assert V.document_cues_full < V.document_cues
    assert V.hijri_eras == {"هجريه", "هجري", "للهجره", "ه"}


def test_alt_is_longest_first_and_spaces_match_runs_of_spaces():
    assert alt(["ab", "abc", "a"]) == "(?:abc|ab|a)"
    assert re.fullmatch(alt(["قبل الماضي"]), "قبل  الماضي")
    assert WS in alt(["قبل الماضي"])


@pytest.mark.parametrize("text,span,kind,fields", [
    ("وصل قبل نحو ثلاثة أيام", "قبل نحو ثلاثة أيام", "ago", {"unit": "day", "n": 3}),         # approximators
    ("الأسبوع قبل الماضي", "الأسبوع قبل الماضي", "relunit", {"unit": "week", "off": -2}),    # before_last_after_next
    ("الليلة المقبلة", "الليلة المقبلة", "relday", {"off": 1, "part": "night"}),               # night
    ("خلال الأسابيع الأخيرة", "الأسابيع الأخيرة", "range", {"unit": "week", "n": 3, "dir": -1}),  # range last
    ("في الأيام القليلة المقبلة", "الأيام القليلة المقبلة", "range", {"unit": "day", "n": 3, "dir": 1}),
    ("سنة 1446 للهجرة", "سنة 1446 للهجرة", "year", {"y": 1446, "cal": "hijri"}),               # eras
    ("ولد 2015م", "2015م", "year", {"y": 2015, "cal": "gregorian"}),
    ("منذ 2011.", "2011", "year", {"y": 2011, "cal": "gregorian"}),                           # year prepositions
    ("قرار 12/3/2015", "12/3/2015", "date", {"d": 12, "m": 3, "y": 2015, "cal": "gregorian", "numeric": True}),
    ("إلى الغد", "الغد", "relday", {"off": 1}),                                                # tomorrow_noun_before
    ("من المقرر أن يصل الوفد الأحد", "الأحد", "weekday", {"wd": 6, "future": True}),          # future cues
])
def test_each_list_reaches_the_detector(text, span, kind, fields):
    ms = detect(text)
    assert [(m.text, m.kind, m.fields) for m in ms] == [(span, kind, fields)]


@pytest.mark.parametrize("text", [
    "قبل عام من الانتخابات",      # not_ago_after
    "القرار 12/3/2015",           # document cues (full date)
    "قرار رقم 3/2015",            # document cues (month/year)
    "الاثنين منهما",              # not_two_after
    "الليلة التي",                # not_tonight_after
    "الغد المشرق",                # a bare الغد without tomorrow_noun_before
])
def test_context_lists_drop_candidates(text):
    assert detect(text) == []


def test_prefilter_owns_its_chunk_cache(monkeypatch):
    text = "وصل الوفد أمس، ويعود في 12 مارس 2025 أو الأسبوع المقبل"
    N, _ = shadow(text)
    P = patterns()
    want = [(k, m.span()) for k, _, m in matches_everywhere(P, N)]
    monkeypatch.setattr(prefilter_module, "_CHUNKS_MAX", 2)      # swap generations all the time
    a, b = Prefilter(P), Prefilter(P)
    assert [(k, m.span()) for k, _, m in a.matches(N)] == want
    assert [(k, m.span()) for k, _, m in a.matches(N)] == want
    assert len(a._chunks) <= 2 and not b._chunks
    assert [(k, m.span()) for k, _, m in b.matches(N)] == want


def test_shadow_map_back_skips_deleted_marks():
    text = "غداً وأمسِ"
    N, gaps = shadow(text)
    assert N == "غدا وامس"
    assert [text[to_text(gaps, s)] for s in range(len(N))] == [c for c in text if c not in "\u064b\u0650"]
    assert shadow("امس") == ("امس", None) and to_text(None, 2) == 2

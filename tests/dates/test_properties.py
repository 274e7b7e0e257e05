"""Properties of rasid.dates.detect: spans slice back to their text, never overlap, resolve without error."""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from rasid.dates import detect, find_times
from rasid.dates.shadow import normalize
from rasid.lang.ar.normalize import NORM_TABLE

FRAGMENTS = [
    "أمس", "وأمس", "بالأمس", "أول", "من", "اليوم", "غداً", "غدا", "الليلة", "صباح", "مساء", "يوم",
    "الاثنين", "الأحد", "الجمعة", "الخميس", "بين", "الماضي", "المقبل", "القادم", "الماضية",
    "الأسبوع", "الشهر", "العام", "السنة", "نهاية", "مطلع", "عطلة", "هذا", "قبل", "منذ", "خلال",
    "يومين", "ثلاثة", "أيام", "الأيام", "أسبوع", "شهرين", "عام", "سنة", "12", "٥", "2025", "1446",
    "هـ", "م", "مارس", "آذار", "رمضان", "شهر", "كانون الثاني", "ذو الحجة", "/", "-", "(", ")",
    "،", ".", "2025/3/12", "12/3/2025", "العاشر", "الحادي والعشرين", "قال", "الوزير", "ً", "ـ",
    "\u064e", "\n", "x", "الإثنين", "الأربعاء",
]

texts = st.lists(st.sampled_from(FRAGMENTS), max_size=14).flatmap(
    lambda parts: st.lists(st.sampled_from(["", " ", "  ", "، "]), min_size=len(parts), max_size=len(parts))
    .map(lambda seps: "".join(p + s for p, s in zip(parts, seps))))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_spans_slice_back_and_never_overlap(text):
    ms = detect(text)
    prev_end = 0
    for m in ms:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= prev_end
        prev_end = m.end
    ts = find_times(text, date(2025, 3, 12))
    assert [(t.start, t.end) for t in ts] == [(m.start, m.end) for m in ms]
    for t in ts:
        assert text[t.start:t.end] == t.text
        assert t.precision in ("day", "week", "month", "year")
    assert all(t.value is None or t.precision for t in find_times(text, None))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_text_never_breaks(text):
    for m in detect(text):
        assert text[m.start:m.end] == m.text


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, st.text(max_size=60)))
def test_patterns_tried_only_where_a_match_can_start_find_the_same(text):
    # detect tries each pattern only where its scanner says a match can start
    assert detect(text) == detect(text, _everywhere=True)


@settings(max_examples=200, deadline=None)
@given(st.one_of(texts, st.text(max_size=60)))
def test_shadow_is_the_normalised_text_with_a_map_back(text):
    shadow, back = normalize(text)
    assert shadow == text.translate(NORM_TABLE)
    if back is None:
        assert len(shadow) == len(text)
    else:
        assert [text[i].translate(NORM_TABLE) for i in back] == list(shadow)
        assert back == sorted(set(back))


def test_patterns_tried_only_where_a_match_can_start_edge_cases():
    for text in ("الخميس12 مارس 2025", "الخميسالاول من مارس", "في 12/3/2025م و2015-03-12", "3 /4/ 2019",
                 "منتصف ذي الحجة 1446هـ", "كانون الثاني 2016", "الذي ذو القعدة", "والانتخابات في آب الماضي",
                 "قبل\u00a0يومين", "منذ عام 2011.", "صباح يوم الجمعة", "للعام 2024", "بالأمس وأول أمس",
                 "هذا الأسبوع يوم الأحد", "الأيام القليلة الماضية", "٢٠٢٥/٣/١٢", "2025\t/3/12", "١٢ رمضان"):
        assert detect(text) == detect(text, _everywhere=True), text

"""Properties of rasid.dates.detect: spans slice back to their text, never overlap, resolve without error."""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from rasid.dates import detect, find_times

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

"""rasid.dates: every phrase of the brief, resolved against fixed publication dates."""
from __future__ import annotations

from datetime import date

import pytest

from rasid.dates import detect, find_times, resolve
from rasid.dates.resolve import week_label, week_start

WED = "2025-03-12"     # a Wednesday
MON = "2025-03-10"     # a Monday


def one(text: str, pub=WED):
    ts = find_times(text, pub)
    assert len(ts) == 1, [(t.text, t.value) for t in ts]
    t = ts[0]
    assert text[t.start:t.end] == t.text
    return t


# (text, expected span text, value, precision, range_start, range_end, calendar)
CASES = [
    # Gregorian dates
    ("وقع الهجوم في 12 مارس 2025 قرب الحدود", "12 مارس 2025", "2025-03-12", "day", None, None, "gregorian"),
    ("وقع الهجوم في 12 آذار 2025", "12 آذار 2025", "2025-03-12", "day", None, None, "gregorian"),
    ("في 12 مارس/آذار 2025", "12 مارس/آذار 2025", "2025-03-12", "day", None, None, "gregorian"),
    ("الأربعاء 12 آذار (مارس) 2025", "الأربعاء 12 آذار (مارس) 2025", "2025-03-12", "day", None, None, "gregorian"),
    ("في 12 مارس الجاري", "12 مارس الجاري", "2025-03-12", "day", None, None, "gregorian"),
    ("في 12 مارس", "12 مارس", "2025-03-12", "day", None, None, "gregorian"),
    ("في 20 ديسمبر", "20 ديسمبر", "2024-12-20", "day", None, None, "gregorian"),     # nearest: last December
    ("في 15 يونيو", "15 يونيو", "2024-06-15", "day", None, None, "gregorian"),      # told in the past: last June
    ("سيعقد المؤتمر في 15 يونيو", "15 يونيو", "2025-06-15", "day", None, None, "gregorian"),  # to come: next June
    ("في 25 أكتوبر الفائت", "25 أكتوبر الفائت", "2024-10-25", "day", None, None, "gregorian"),  # الفائت as a key
    ("في ديسمبر", "ديسمبر", "2024-12", "month", "2024-12-01", "2024-12-31", "gregorian"),
    ("زوجة أبو سياف الذي قتل في سورية في مايو", "مايو", "2024-05", "month", "2024-05-01", "2024-05-31",
     "gregorian"),                                              # no future in قتل; سياف، سيطر are no future verbs
    ("في كانون الأول/ديسمبر طعنا", "كانون الأول/ديسمبر", "2024-12", "month", "2024-12-01", "2024-12-31",
     "gregorian"),                                                              # no trailing space in the span
    ("ستقام القمة في ديسمبر", "ديسمبر", "2025-12", "month", "2025-12-01", "2025-12-31", "gregorian"),
    ("في ١٢ مارس ٢٠٢٥", "١٢ مارس ٢٠٢٥", "2025-03-12", "day", None, None, "gregorian"),
    ("في العاشر من سبتمبر 2024", "العاشر من سبتمبر 2024", "2024-09-10", "day", None, None, "gregorian"),
    ("في الحادي والعشرين من مايو 2024", "الحادي والعشرين من مايو 2024", "2024-05-21", "day", None, None, "gregorian"),
    ("في مارس 2025", "مارس 2025", "2025-03", "month", "2025-03-01", "2025-03-31", "gregorian"),
    ("في شهر شباط من عام 2024", "شهر شباط من عام 2024", "2024-02", "month", "2024-02-01", "2024-02-29", "gregorian"),
    ("في يناير", "يناير", "2025-01", "month", "2025-01-01", "2025-01-31", "gregorian"),
    ("في نوفمبر الماضي", "نوفمبر الماضي", "2024-11", "month", "2024-11-01", "2024-11-30", "gregorian"),
    ("في مارس الماضي", "مارس الماضي", "2024-03", "month", "2024-03-01", "2024-03-31", "gregorian"),
    ("في يونيو المقبل", "يونيو المقبل", "2025-06", "month", "2025-06-01", "2025-06-30", "gregorian"),
    ("أواخر أغسطس 2024", "أواخر أغسطس 2024", "2024-08", "month", "2024-08-21", "2024-08-31", "gregorian"),
    ("بتاريخ 2025/3/12", "2025/3/12", "2025-03-12", "day", None, None, "gregorian"),
    ("بتاريخ 12/3/2025", "12/3/2025", "2025-03-12", "day", None, None, "gregorian"),
    ("بتاريخ 12-03-2025", "12-03-2025", "2025-03-12", "day", None, None, "gregorian"),
    ("في عام 2025", "عام 2025", "2025", "year", "2025-01-01", "2025-12-31", "gregorian"),
    ("في سنة 2025", "سنة 2025", "2025", "year", "2025-01-01", "2025-12-31", "gregorian"),
    ("منذ العام 2011م", "العام 2011م", "2011", "year", "2011-01-01", "2011-12-31", "gregorian"),
    ("مطلع عام 2024", "مطلع عام 2024", "2024", "year", "2024-01-01", "2024-04-30", "gregorian"),
    # Hijri
    ("في 5 رمضان 1446 هـ", "5 رمضان 1446 هـ", "2025-03-05", "day", None, None, "hijri"),
    ("في 10 ذي الحجة 1445هـ", "10 ذي الحجة 1445هـ", "2024-06-16", "day", None, None, "hijri"),
    ("وفي 1446هـ", "1446هـ", "2024", "year", "2024-07-07", "2025-06-25", "hijri"),
    ("العام 1446هـ", "العام 1446هـ", "2024", "year", "2024-07-07", "2025-06-25", "hijri"),
    ("في شهر رمضان 1446", "شهر رمضان 1446", "2025-03", "month", "2025-03-01", "2025-03-29", "hijri"),
    ("خلال شهر رمضان", "شهر رمضان", "2025-03", "month", "2025-03-01", "2025-03-29", "hijri"),
    # weekdays (published on a Wednesday)
    ("قال الوزير الاثنين إن", "الاثنين", "2025-03-10", "day", None, None, "gregorian"),
    ("التقى الوزير يوم الاثنين نظيره", "الاثنين", "2025-03-10", "day", None, None, "gregorian"),
    ("وصل الوفد، الأربعاء، إلى", "الأربعاء", "2025-03-12", "day", None, None, "gregorian"),     # the day itself
    ("عقد الاجتماع الخميس الماضي", "الخميس الماضي", "2025-03-06", "day", None, None, "gregorian"),
    ("في الأربعاء الماضي", "الأربعاء الماضي", "2025-03-05", "day", None, None, "gregorian"),     # strictly before
    ("يعقد الأحد المقبل", "الأحد المقبل", "2025-03-16", "day", None, None, "gregorian"),
    ("يعقد الأربعاء القادم", "الأربعاء القادم", "2025-03-19", "day", None, None, "gregorian"),    # strictly after
    ("سيزور الرئيس القاهرة الأحد", "الأحد", "2025-03-16", "day", None, None, "gregorian"),        # future tense
    ("مساء الخميس", "مساء الخميس", "2025-03-06", "day", None, None, "gregorian"),
    ("الجمعة من الأسبوع المقبل", "الجمعة من الأسبوع المقبل", "2025-03-21", "day", None, None, "gregorian"),
    # relative days
    ("وصل الوفد أمس إلى عمان", "أمس", "2025-03-11", "day", None, None, "gregorian"),
    ("وأمس قال الوزير", "أمس", "2025-03-11", "day", None, None, "gregorian"),
    ("قال بالأمس", "الأمس", "2025-03-11", "day", None, None, "gregorian"),
    ("قال يوم أمس", "يوم أمس", "2025-03-11", "day", None, None, "gregorian"),
    ("قال البارحة", "البارحة", "2025-03-11", "day", None, None, "gregorian"),
    ("وصل أول أمس", "أول أمس", "2025-03-10", "day", None, None, "gregorian"),
    ("وصل أول من أمس", "أول من أمس", "2025-03-10", "day", None, None, "gregorian"),
    ("يصل اليوم", "اليوم", "2025-03-12", "day", None, None, "gregorian"),
    ("يصل غداً", "غداً", "2025-03-13", "day", None, None, "gregorian"),
    ("يصل غدا إلى", "غدا", "2025-03-13", "day", None, None, "gregorian"),
    ("يصل بعد غد", "بعد غد", "2025-03-14", "day", None, None, "gregorian"),
    ("تبدأ الليلة", "الليلة", "2025-03-12", "day", None, None, "gregorian"),
    ("وقع الليلة الماضية", "الليلة الماضية", "2025-03-11", "day", None, None, "gregorian"),
    ("وصل صباح اليوم", "صباح اليوم", "2025-03-12", "day", None, None, "gregorian"),
    ("وقع مساء أمس", "مساء أمس", "2025-03-11", "day", None, None, "gregorian"),
    ("وقع ليلة أمس", "ليلة أمس", "2025-03-11", "day", None, None, "gregorian"),
    # relative weeks: Sunday-Saturday, value = ISO week of its Monday
    ("الأسبوع الماضي", "الأسبوع الماضي", "2025-W10", "week", "2025-03-02", "2025-03-08", "gregorian"),
    ("الأسبوع المقبل", "الأسبوع المقبل", "2025-W12", "week", "2025-03-16", "2025-03-22", "gregorian"),
    ("هذا الأسبوع", "هذا الأسبوع", "2025-W11", "week", "2025-03-09", "2025-03-15", "gregorian"),
    ("نهاية الأسبوع الماضي", "نهاية الأسبوع الماضي", "2025-W10", "week", "2025-03-07", "2025-03-08", "gregorian"),
    ("خلال عطلة نهاية الأسبوع", "عطلة نهاية الأسبوع", "2025-W11", "week", "2025-03-14", "2025-03-15", "gregorian"),
    # months, years
    ("الشهر الماضي", "الشهر الماضي", "2025-02", "month", "2025-02-01", "2025-02-28", "gregorian"),
    ("الشهر المقبل", "الشهر المقبل", "2025-04", "month", "2025-04-01", "2025-04-30", "gregorian"),
    ("الشهر الجاري", "الشهر الجاري", "2025-03", "month", "2025-03-01", "2025-03-31", "gregorian"),
    ("مطلع الشهر الجاري", "مطلع الشهر الجاري", "2025-03", "month", "2025-03-01", "2025-03-10", "gregorian"),
    ("العام الماضي", "العام الماضي", "2024", "year", "2024-01-01", "2024-12-31", "gregorian"),
    ("العام المقبل", "العام المقبل", "2026", "year", "2026-01-01", "2026-12-31", "gregorian"),
    ("العام الجاري", "العام الجاري", "2025", "year", "2025-01-01", "2025-12-31", "gregorian"),
    ("السنة الماضية", "السنة الماضية", "2024", "year", "2024-01-01", "2024-12-31", "gregorian"),
    ("بحلول نهاية العام", "نهاية العام", "2025", "year", "2025-09-01", "2025-12-31", "gregorian"),
    # ago, ranges
    ("وصل قبل يومين", "قبل يومين", "2025-03-10", "day", None, None, "gregorian"),
    ("وصل قبل ثلاثة أيام", "قبل ثلاثة أيام", "2025-03-09", "day", None, None, "gregorian"),
    ("وصل قبل 10 أيام", "قبل 10 أيام", "2025-03-02", "day", None, None, "gregorian"),
    ("وصل منذ أسبوع", "منذ أسبوع", "2025-W10", "week", "2025-03-02", "2025-03-08", "gregorian"),
    ("وصل قبل شهرين", "قبل شهرين", "2025-01", "month", "2025-01-01", "2025-01-31", "gregorian"),
    ("خلال الأيام الماضية", "الأيام الماضية", "2025-03-11", "day", "2025-03-05", "2025-03-11", "gregorian"),
    ("خلال الأيام الثلاثة الماضية", "الأيام الثلاثة الماضية", "2025-03-11", "day", "2025-03-09", "2025-03-11", "gregorian"),
    ("في اليومين الماضيين", "اليومين الماضيين", "2025-03-11", "day", "2025-03-10", "2025-03-11", "gregorian"),
]


@pytest.mark.parametrize("text,span,value,precision,rs,re_,cal", CASES, ids=[c[0] for c in CASES])
def test_phrase(text, span, value, precision, rs, re_, cal):
    t = one(text)
    assert (t.text, t.value, t.precision, t.range_start, t.range_end, t.calendar) == \
        (span, value, precision, rs, re_, cal)
    assert t.fallback is False


def test_bare_weekday_on_a_monday_is_that_day():
    assert one("قال الوزير الاثنين إن", MON).value == MON
    assert one("قال الوزير يوم الاثنين", MON).value == MON
    assert one("الاثنين الماضي", MON).value == "2025-03-03"
    assert one("الاثنين المقبل", MON).value == "2025-03-17"
    assert one("الأحد", MON).value == "2025-03-09"


@pytest.mark.parametrize("text", [
    "قال بين الاثنين خلافات",           # "the two"
    "اتفق الاثنين معا",
    "كلا الاثنين",
    "وصلت رسالة للاثنين",
    "وقال أحد الأشخاص",                   # indefinite أحد is "one of"
    "الأحد عشر لاعبا",                    # "the eleven"
    "الأمين العام للأمم المتحدة",         # العام = general
    "الرأي العام",
    "أمسية شعرية",                        # أمس inside a word
    "أمسك اللاعب الكرة",
    "مارس الضغط على الحكومة",             # مارس = practised
    "قال رمضان عبد الله",                 # a given name
    "أداء صلاة الجمعة في المسجد",
    "اليوم الوطني للمملكة",
    "وقد غدا الوضع أكثر تعقيدا",          # غدا = became
    "القانون رقم 10/2025",
    "نيسان تطرح سيارة جديدة",
    "تعادل الفريقان أمام جامايكا (1-صفر)",     # a score, not the first of Safar
])
def test_not_a_time(text):
    assert find_times(text, WED) == []


def test_proclitics_stay_outside_the_span():
    text = "وأمس قال الوزير، وبالأمس أيضا، والأحد"
    got = [(t.text, t.value) for t in find_times(text, WED)]
    assert got == [("أمس", "2025-03-11"), ("الأمس", "2025-03-11"), ("الأحد", "2025-03-09")]


def test_without_a_publication_date_relative_values_are_none():
    ts = find_times("وقع أمس هجوم، وفي 12 مارس 2025 اتفاق، والأسبوع الماضي لقاء، عام 2024", None)
    got = [(t.text, t.value, t.precision) for t in ts]
    assert got == [("أمس", None, "day"), ("12 مارس 2025", "2025-03-12", "day"),
                   ("الأسبوع الماضي", None, "week"), ("عام 2024", "2024", "year")]


def test_timestamp_publication_and_date_objects():
    assert one("أمس", "2025-03-12T23:10:00+03:00").value == "2025-03-11"
    assert one("أمس", date(2025, 3, 12)).value == "2025-03-11"


def test_several_in_order_with_ids():
    text = "قال الوزير أمس إن الاجتماع الذي عقد الأحد الماضي سيستأنف في 20 مارس 2025."
    ts = find_times(text, WED)
    assert [t.id for t in ts] == ["t1", "t2", "t3"]
    assert [t.value for t in ts] == ["2025-03-11", "2025-03-09", "2025-03-20"]


def test_detect_and_resolve_api():
    ms = detect("وصل قبل يومين")
    assert [(m.start, m.end, m.kind, m.text) for m in ms] == [(4, 13, "ago", "قبل يومين")]
    assert resolve(ms[0], date(2025, 3, 12))["value"] == "2025-03-10"
    assert resolve(ms[0], None)["value"] is None


def test_diacritics_and_tatweel_keep_exact_spans():
    text = "وصل الوفدُ أمسِ، ويعودُ غداً في الخامس من رمضانَ 1446 هـ"
    ts = find_times(text, WED)
    assert [t.text for t in ts] == ["أمسِ", "غداً", "الخامس من رمضانَ 1446 هـ"]
    for t in ts:
        assert text[t.start:t.end] == t.text


def test_week_helpers():
    assert week_start(date(2025, 3, 12)) == date(2025, 3, 9)
    assert week_start(date(2025, 3, 9)) == date(2025, 3, 9)
    assert week_label(date(2025, 3, 9)) == "2025-W11"
    assert week_label(date(2024, 12, 29)) == "2025-W01"

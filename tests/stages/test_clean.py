"""Tests of the clean stage: deletion-only boilerplate removal with an audit trail."""
from __future__ import annotations

import json
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasid.clean import find_dateline, load_rules
from rasid.doc import Article
from rasid.doc.layers import Token
from rasid.errors import RasidError
from rasid.stages import stage_classes
from rasid.stages.clean import Clean
from tests.util import shared_path

clean = Clean()


def run(raw: str, **kw) -> Article:
    return clean(Article(raw=raw, **kw))


def reasons(a: Article) -> list[str]:
    return [r.reason for r in a.removed]


def check_invariants(a: Article) -> None:
    raw = a.raw
    for r in a.removed:
        assert 0 <= r.start <= r.end <= len(raw)
        assert r.reason
    spans = sorted((r.start, r.end) for r in a.removed)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        assert e1 <= s2, "removals overlap"
    assert a.text == a.alignment.apply(raw)
    for i, ch in enumerate(a.text):
        assert raw[a.alignment.to_raw(i)] == ch
    assert a.text == a.text.strip()


# ------------------------------------------------------------------ registry / contract

def test_registered_and_declares_capabilities():
    assert stage_classes()["clean"] is Clean
    assert Clean.requires == {"raw", "metadata"} and Clean.optional == {"tokens"}
    assert Clean.writes == {"text", "alignment", "removed", "metadata"}


def test_refuses_tokenised_article():
    a = Article(raw="نص قصير")
    a.tokens = [Token(0, 2, "نص")]
    with pytest.raises(RasidError):
        clean(a)


def test_plain_text_is_untouched():
    raw = "أعلنت البلدية افتتاح حديقة جديدة في الحي الشمالي.\n\nوقال المسؤول إن العمل استغرق عامين."
    a = run(raw)
    assert a.text == raw and a.removed == []
    check_invariants(a)


# ------------------------------------------------------------------ title

RAW_TITLED = (
    "«البلدية» تفتتح حديقة الحي الشمالي\n\n"
    "«البلدية» تفتتح حديقة الحي الشمالي\n"
    "البلديه تفتتح حديقة الحي الشمالي\n\n"
    "افتتحت البلدية صباح اليوم حديقة جديدة في الحي الشمالي بعد عامين من العمل.\n\n"
    "وقال رئيس البلدية إن الحديقة تضم ملاعب للأطفال.\n"
)


def test_title_detected_and_repeats_removed():
    a = run(RAW_TITLED)
    assert a.title == "«البلدية» تفتتح حديقة الحي الشمالي"
    assert reasons(a).count("title") == 1
    assert reasons(a).count("repeated_title") == 2
    assert a.text.startswith("افتتحت البلدية")
    assert "تفتتح حديقة" not in a.text
    check_invariants(a)


def test_given_title_lines_removed():
    raw = "مطر غزير على المدينة\n\nمطر غزير على المدينة\n\nهطلت أمطار غزيرة على المدينة مساء أمس."
    a = run(raw, title="مطر غزير على المدينة")
    assert a.text == "هطلت أمطار غزيرة على المدينة مساء أمس."
    assert reasons(a)[0] == "title"


def test_long_first_line_is_not_a_title():
    raw = "هطلت أمطار غزيرة على المدينة مساء أمس وأغلقت عدة طرق رئيسية.\n\nوقال الدفاع المدني إنه مستعد."
    a = run(raw)
    assert a.title is None
    assert a.text == raw


def test_title_inside_a_sentence_stays():
    raw = "زيارة الوزير\n\nتناولت الصحف زيارة الوزير إلى المدينة أمس."
    a = run(raw)
    assert a.title == "زيارة الوزير"
    assert a.text == "تناولت الصحف زيارة الوزير إلى المدينة أمس."


# ------------------------------------------------------------------ dateline

@pytest.mark.parametrize("line,parts", [
    ("نيل برس – السودان. ", ["نيل برس", "السودان"]),
    ("سبق- متابعة: ", ["سبق", "متابعة"]),
    ("الرياض - واس: ", ["الرياض", "واس"]),
    ("القاهرة – «الشرق الأوسط»: ", ["القاهرة", "الشرق الأوسط"]),
    ("(رويترز) - ", ["رويترز"]),
    ("عمان (رويترز) - ", ["عمان", "رويترز"]),
    ("جدة - سعيد الزهراني: ", ["جدة", "سعيد الزهراني"]),
    ("سالم علي- سبق- أبها: ", ["سالم علي", "سبق", "أبها"]),
])
def test_dateline_shapes(line, parts):
    raw = line + "أعلن المجلس البلدي عن خطة جديدة لتطوير الشوارع خلال العام المقبل."
    d = find_dateline(raw, load_rules())
    assert d is not None
    assert raw[d.end:].startswith("أعلن المجلس")
    assert d.parts == parts


def test_dateline_removed_and_parsed():
    raw = "خطة لتطوير الشوارع\n\nنيل برس – السودان. أعلن المجلس البلدي عن خطة جديدة.\n\nوتشمل الخطة الأحياء القديمة."
    a = run(raw)
    assert a.text.startswith("أعلن المجلس")
    assert a.publisher == "نيل برس"
    assert a.section == "السودان"
    assert a.meta["dateline"] == {"text": "نيل برس – السودان", "parts": ["نيل برس", "السودان"]}
    assert "dateline" in reasons(a)
    check_invariants(a)


def test_dateline_does_not_override_reader_publisher():
    raw = "الرياض - واس: أعلنت الهيئة عن موعد المهرجان."
    a = run(raw, publisher="وكالة الأنباء")
    assert a.publisher == "وكالة الأنباء"
    assert a.text == "أعلنت الهيئة عن موعد المهرجان."


def test_dateline_alone_on_its_line():
    raw = "عين المدينة – متابعات\nأعلنت الهيئة عن موعد المهرجان السنوي للتمور."
    a = run(raw)
    assert a.text == "أعلنت الهيئة عن موعد المهرجان السنوي للتمور."


def test_agency_dateline_line_with_dates():
    raw = "تبوك 12 رجب 1440 هـ الموافق 19 مارس 2019 م واس\nافتتح أمير المنطقة معرض الكتاب.\n// انتهى //\n10:15 ت م\n"
    a = run(raw)
    assert a.text == "افتتح أمير المنطقة معرض الكتاب."
    assert set(reasons(a)) >= {"dateline", "end_marker"}


@pytest.mark.parametrize("raw", [
    "ناقش الوزير - في لقاء مطول - سبل التعاون بين البلدين.",
    "وقال الوزير - في تصريح: إن العمل مستمر.",
    "أكد الوزير أن العلاقات - كما قال - متينة.",
    "1 - الأولوية: تحسين الخدمات في الأحياء.",
    "انطلاق «منتدى الشباب ـ الثاني» اليوم في المدينة",
    "قال المتحدث - وهو يبتسم: سنرى النتائج قريبا.",
])
def test_real_first_sentence_with_dash_stays(raw):
    assert find_dateline(raw, load_rules()) is None
    a = run(raw + "\n\nوتابع الحضور النقاش.", title="عنوان الخبر")
    assert a.text.startswith(raw.strip())


# ------------------------------------------------------------------ comment forms, promos, widgets

BODY = ("أعلنت الجامعة عن افتتاح كلية جديدة للهندسة في الفصل المقبل، وقالت إن القبول يبدأ الشهر المقبل.\n\n"
        "وأضاف المتحدث أن الكلية ستضم خمسة أقسام وأن المختبرات جاهزة بالكامل.")


@pytest.mark.parametrize("tail,reason", [
    ("ترك الرد\n\nPlease enter your comment!\nPlease enter your name here\n"
     "You have entered an incorrect email address!", "comment_form"),
    ("اترك تعليقاً\nالاسم\nالبريد الإلكتروني", "comment_form"),
    ("أضف تعليق", "comment_form"),
    ("Leave a Reply", "comment_form"),
    ("شارك هذا المقال\nفيسبوك تويتر واتساب", "share"),
    ("تابعونا على تويتر وفيسبوك", "share"),
    ("Share\nTweet", "share"),
    ("يمكنكم متابعة آخر أخبار التعليم عبر موقع المعرفة نت", "promo"),
    ("لمزيد من الأخبار تابعونا", "promo"),
    ("اقرأ أيضا: الجامعة تعلن نتائج القبول", "promo"),
    ("حمّل تطبيق الصحيفة الآن", "promo"),
    ("جميع الحقوق محفوظة © 2024", "copyright"),
    ("ahmad.k@example.com", "signature"),
    ("للتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (12) ثم مسافة ثم نص الرسالة", "signature"),
    ("...المزيد", "nav"),
])
def test_boilerplate_tail_removed(tail, reason):
    raw = "كلية جديدة للهندسة\n\n" + BODY + "\n\n" + tail + "\n"
    a = run(raw)
    assert a.text == BODY
    assert reason in reasons(a)
    check_invariants(a)


@pytest.mark.parametrize("line", [
    "وقال المتحدث إن الطلاب يمكنهم ترك الرد على الاستبيان حتى نهاية الأسبوع المقبل في مكاتب الكلية.",
    "وشارك في الحفل عدد كبير من الطلاب وأولياء الأمور والأساتذة.",
    "Please enter your comment! said the sign at the entrance of the hall where the exam took place.",
    "ونشرت الجامعة النتائج على موقعها الرسمي مساء أمس بعد اعتمادها من المجلس.",
    "صورة: الطلاب أمام مبنى الكلية الجديد",
])
def test_sentences_mentioning_boilerplate_words_stay(line):
    raw = BODY + "\n\n" + line
    a = run(raw)
    assert line in a.text


def test_short_lines_after_comment_form_go():
    raw = BODY + "\n\nاترك تعليقاً\nالاسم *\nحفظ اسمي في المتصفح\nإرسال\n"
    a = run(raw)
    assert a.text == BODY


def test_leading_share_widget_prefix():
    raw = "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك افتتحت البلدية الحديقة الجديدة."
    a = run(raw)
    assert a.text == "افتتحت البلدية الحديقة الجديدة."
    assert reasons(a) == ["share"]


def test_trailing_link_suffix():
    raw = "افتتحت البلدية الحديقة الجديدة. رابط الخبر بصحيفة المدينة: البلدية تفتتح حديقة"
    a = run(raw)
    assert a.text == "افتتحت البلدية الحديقة الجديدة."


def test_whitespace_trimmed_inner_kept():
    raw = "  \n\n  افتتحت البلدية الحديقة.\n\n  وقال المسؤول إنها مفتوحة.  \n\n"
    a = run(raw)
    assert a.text == "افتتحت البلدية الحديقة.\n\n  وقال المسؤول إنها مفتوحة."
    assert set(reasons(a)) == {"whitespace"}
    check_invariants(a)


# ------------------------------------------------------------------ properties

_pieces = st.sampled_from([
    "ترك الرد", "Please enter your comment!", "شارك", "Share", "Tweet", "...المزيد", "// انتهى //",
    "الرياض - واس: ", "(رويترز) - ", "سبق- متابعة:", "عنوان قصير", "«عنوان» قصير", "",
    "أعلنت الوزارة عن خطة جديدة.", "وقال المسؤول إن العمل مستمر - كما قال.", "اقرأ أيضا: خبر",
    "يمكنكم متابعة المزيد عبر موقع الخبر", " ", "\t", "\u00a0", "ahmad@example.com", "تَجْرِبَة", "ـــ",
])
_lines_st = st.lists(st.one_of(_pieces, st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإىة ً-–—:.«»\n ", max_size=40)),
                     max_size=12)


@given(_lines_st, st.sampled_from(["\n", "\n\n", "\r\n", " "]), st.one_of(st.none(), _pieces))
def test_properties(lines, sep, title):
    raw = sep.join(lines)
    a = run(raw, title=title or None)
    check_invariants(a)


@given(st.text(max_size=300))
def test_properties_any_text(raw):
    a = run(raw)
    check_invariants(a)


# ------------------------------------------------------------------ gold cases

_DIAC = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_QUOTES = re.compile("[«»\"“”„‘’'()\\[\\]]")


def norm(text: str) -> str:
    """Equivalent of ../shared/eval/score.py norm()."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _DIAC.sub("", text).replace("\u0640", "")
    text = _QUOTES.sub("", text)
    for x, y in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"), ("ؤ", "و"), ("ئ", "ي")):
        text = text.replace(x, y)
    text = re.sub(r"\s+", " ", text).strip(" ،,.؛;:")
    if text.startswith("ل") and len(text) > 3 and text[1:3] == "ال":
        text = text[1:]
    return text.casefold()


@pytest.mark.shared
def test_gold_cases_cleaning():
    cases = sorted(p for p in shared_path("eval", "cases").iterdir() if (p / "article.txt").exists())
    assert cases
    failures = []
    for case in cases:
        raw = (case / "article.txt").read_text(encoding="utf-8")
        lines = raw.split("\n")
        title = lines[0].strip() if len(lines) > 1 and not lines[1].strip() else None
        a = run(raw, title=title)
        check_invariants(a)
        gold = json.loads((case / "gold.json").read_text(encoding="utf-8"))
        body = norm(a.text)
        if gold.get("title"):
            if norm(a.title) != norm(gold["title"]):
                failures.append((case.name, "title"))
            if "title_max_occurrences_in_body" in gold and body.count(norm(gold["title"])) > gold["title_max_occurrences_in_body"]:
                failures.append((case.name, "title repeated in body"))
        for s in gold.get("body_must_not_contain", []):
            if norm(s) in body:
                failures.append((case.name, "not removed: " + s))
        for s in gold.get("body_must_contain", []):
            if norm(s) not in body:
                failures.append((case.name, "lost: " + s[:40]))
    assert failures == []

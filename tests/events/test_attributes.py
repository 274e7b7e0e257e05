"""Casualties, place and mode of one event, on hand-made articles with hand-placed mentions (no model)."""
import pytest

from rasid.events.attributes import casualties, event_mode, event_place
from rasid.lang.ar.lexicons import data, table
from rasid.lang.ar.triggers import event_lexicon
from rasid.pipeline import Pipeline
from rasid.train.event_corpus import MODES
from tests.entities.helpers import article_with

ENTITIES = Pipeline.from_names(["entities"], given={"text", "tokens", "sentences", "mentions"}, errors="raise")


def art(text, marked=()):
    a = article_with(text, list(marked))
    return ENTITIES(a) if marked else a


def trigger(a, word, nth=0):
    """(sentence index, first, last) of the nth token whose text is ``word``."""
    hits = [i for i, t in enumerate(a.tokens) if a.text[t.start:t.end] == word]
    i = hits[nth]
    si = next(n for n, s in enumerate(a.sentences) if s.token_start <= i < s.token_end)
    return si, i, i + 1


def cas(text, word, nth=0, marked=()):
    a = art(text, marked)
    return casualties(a, *trigger(a, word, nth))


# --------------------------------------------------------------------------- casualties

@pytest.mark.parametrize("text, word, want", [
    ("أعلنت الوزارة مقتل 13 وإصابة 22 في الهجوم.", "مقتل", (13, 22)),
    ("أسفر الانفجار عن مقتل شخصين وإصابة خمسة عشر آخرين.", "مقتل", (2, 15)),
    ("أعلنت وزارة الداخلية مقتل شرطي وإصابة ثلاثة آخرين في هجوم مسلح.", "مقتل", (1, 3)),
    ("قتل أربعة أشخاص على الأقل وأصيب عشرة آخرون بجروح في تفجير.", "قتل", (4, 10)),
    ("لقي 13 حوثيا مصرعهم، فيما جرح 12 آخرون في عمليات نوعية.", "مصرعهم", (13, 12)),
    ("لقي شرطي مصرعه وأصيب ثلاثة آخرون إثر إطلاق النار.", "مصرعه", (1, 3)),
    ("وأدى ذلك إلى مقتل ضابط صف وإصابة عسكريين آخرين اثنين.", "مقتل", (1, 2)),
    ("وأكد مقتل الأشخاص الأربعة وإصابة العشرة الآخرين.", "مقتل", (4, 10)),
    ("قالت مصادر إن سبعة من الجنود قتلوا وجرح نحو 50 آخرين أمس.", "قتلوا", (7, 50)),
    ("وأسفر القصف عن مقتل خمسة وعشرين مدنيا.", "مقتل", (25, None)),
    ("وبلغت الحصيلة ألف قتيل وتسعة آلاف جريح.", "قتيل", (1000, 9000)),
    ("وأفاد الجيش عن مقتل عشرات المسلحين.", "مقتل", (None, None)),
    ("وأفاد الجيش عن مقتل عدد من الإرهابيين.", "مقتل", (None, None)),
    ("ردا على مقتل أحد جنودها.", "مقتل", (1, None)),
])
def test_counts_stated_for_the_trigger(text, word, want):
    assert cas(text, word) == want


def test_a_named_victim_counts_one():
    text = "في ذكرى مقتل مايكل براون برصاص شرطي."
    assert cas(text, "مقتل", marked=[("مايكل براون", "PER")]) == (1, None)


def test_an_attack_takes_the_toll_of_its_result_frame():
    assert cas("وقع هجوم على مطعم أدى إلى مقتل 5 أشخاص وإصابة 7 آخرين.", "هجوم") == (5, 7)
    assert cas("نصبوا كمينا لدورية، وأسفر الكمين عن مقتل 13 مسلحا ومقتل أحد عناصر المقاومة.", "كمينا") == (14, None)
    assert cas("وقع هجوم على مطعم أدى إلى مقتل مواطن فرنسي وضابط أمن بلجيكي وثلاثة من مالي.", "هجوم") == (5, None)


def test_no_count_without_a_casualty_word_or_for_another_killing():
    assert cas("قصفت الطائرات مواقع المسلحين في المدينة أمس.", "قصفت") == (None, None)
    # the bombardment answers a killing: that toll is not the bombardment's
    assert cas("قصفت تركيا مواقع التنظيم ردا على مقتل أحد جنودها.", "قصفت") == (None, None)
    # a year before a verb is not a count
    assert cas("وقيام شاب في يوليو 2015 بقتل خاله.", "بقتل") == (None, None)


# --------------------------------------------------------------------------- place

def place_name(text, word, marked, nth=0):
    a = art(text, marked)
    eid = event_place(a, *trigger(a, word, nth))
    return a.entity(eid).name if eid else None


def test_place_of_the_clause_after_the_trigger():
    text = "اغتيل القيادي في حركة فتح السبت في مخيم عين الحلوة جنوب لبنان."
    got = place_name(text, "اغتيل", [("فتح", "ORG"), ("مخيم عين الحلوة", "LOC"), ("لبنان", "LOC")])
    assert got == "مخيم عين الحلوة"


def test_place_with_a_proclitic_and_a_place_head():
    assert place_name("اعتقلت الشرطة ثلاثة مطلوبين بمدينة الرياض أمس.", "اعتقلت", [("الرياض", "LOC")]) == "الرياض"


def test_place_before_the_trigger_in_its_clause():
    text = "أما في سناح فقد قتل ستة من المتمردين."
    assert place_name(text, "قتل", [("سناح", "LOC")]) == "سناح"


def test_origin_and_name_are_not_places():
    # من بغداد is where they came from; وصل ... no place of the meeting is said
    assert place_name("عاد الوفد من بغداد بعد لقاء المسؤولين.", "لقاء", [("بغداد", "LOC")]) is None
    # a place inside an organisation's name
    text = "التقى الوزير رئيس جامعة الملك سعود أمس."
    assert place_name(text, "التقى", [("جامعة الملك سعود", "ORG"), ("الملك سعود", "LOC")]) is None


def test_a_place_after_another_event_belongs_to_it():
    text = "دان الوزير جريمة حرق الرضيع اليوم في مدينة نابلس."
    marked = [("نابلس", "LOC")]
    assert place_name(text, "دان", marked) is None
    assert place_name(text, "حرق", marked) == "نابلس"


def test_no_place_without_a_location_mention():
    assert place_name("التقى الوزير نظيره أمس.", "التقى", []) is None


# --------------------------------------------------------------------------- mode

def mode(text, word, type_, reading=None):
    a = art(text)
    return event_mode(a, *trigger(a, word), type_, reading)


def reading(word, type_):
    a = art(word + " .")
    return next(r for r in event_lexicon().token_readings(a.tokens[0]) if r.type == type_)


@pytest.mark.parametrize("text, word, type_, want", [
    ("قتل خمسة أشخاص في هجوم انتحاري بسيارة مفخخة.", "قتل", "ASSAULT", "suicide-attack"),
    ("قتل جنديان في انفجار عبوة ناسفة على الطريق.", "قتل", "ASSAULT", "explosives"),
    ("قتل ثلاثة مدنيين في غارة جوية على القرية.", "قتل", "ASSAULT", "heavy-weapons"),
    ("مقتل شاب برصاص شرطي أمس.", "مقتل", "ASSAULT", "firearms"),
    ("أعلنت الشرطة اختطاف مهندسين أجنبيين.", "اختطاف", "ASSAULT", "abduct"),
    ("بدأ المعتقلون إضرابا عن الطعام احتجاجا على ظروفهم.", "احتجاجا", "PROTEST", "hunger"),
    ("نظم العمال إضرابا عن العمل احتجاجا على الأجور.", "احتجاجا", "PROTEST", "strike"),
    ("نفذ الموظفون اعتصاما أمام الوزارة احتجاجا على القرار.", "احتجاجا", "PROTEST", "obstruct"),
    ("خرج الآلاف في مظاهرة احتجاجا على الغلاء.", "احتجاجا", "PROTEST", "demo"),
])
def test_mode_from_cue_words(text, word, type_, want):
    assert mode(text, word, type_) == want


def test_mode_of_the_trigger_reading_comes_first():
    r = reading("قصف", "ASSAULT")
    assert r.mode == "heavy-weapons"
    assert mode("قصف الجيش مواقع المسلحين بالرصاص.", "قصف", "ASSAULT", r) == "heavy-weapons"


def test_a_reading_mode_plover_does_not_allow_falls_back_to_cues():
    r = reading("اشتباكات", "ASSAULT")
    assert r.mode not in MODES["ASSAULT"]
    assert mode("اندلعت اشتباكات بالرصاص بين الطرفين.", "اشتباكات", "ASSAULT", r) == "firearms"
    assert mode("اندلعت اشتباكات بين الطرفين.", "اشتباكات", "ASSAULT", r) is None


def test_no_mode_for_a_type_without_modes_or_without_cues():
    assert mode("وقع الطرفان اتفاقية تعاون بالرصاص.", "وقع", "AGREE") is None
    assert mode("قتل رجل أمس في المدينة.", "قتل", "ASSAULT") is None


# --------------------------------------------------------------------------- the data

def test_every_mode_row_is_a_mode_of_its_type():
    for row in table("event_modes"):
        assert row["mode"] in MODES[row["type"]], row


def test_casualty_lists_have_what_the_code_reads():
    c = data("casualties")
    assert {"killed", "injured", "result_frames", "vague", "single", "dual", "tens"} <= set(c)
    assert set(c["killed"].values()) | set(c["injured"].values()) <= {"after", "before", "both"}


def test_the_target_place_of_an_attack():
    assert place_name("شنت الطائرات غارة على مدينة كوباني أمس.", "غارة", [("كوباني", "LOC")]) == "كوباني"
    # a statement about a place is not an attack on it
    assert place_name("أعلن الوزير موافقته على مدينة كوباني.", "أعلن", [("كوباني", "LOC")]) is None

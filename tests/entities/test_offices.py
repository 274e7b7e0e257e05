from rasid.doc.token_index import TokenIndex
from rasid.entities.offices import core_office, country_word, office_after, office_before
from rasid.entities.vocabulary import vocabulary
from rasid.lang.ar.tokenize import tokenize


def office(text, name, where="before"):
    toks = tokenize(text)
    s = text.index(name)
    i, j = TokenIndex(toks).span(s, s + len(name))
    o = office_before(toks, i, 0, text) if where == "before" else office_after(toks, j, len(toks), text)
    return (text[o.start:o.end], o) if o else (None, None)


def test_title_before_the_name():
    assert office("أكد وزير الزراعة الأردني خالد الحنيفات أن", "خالد الحنيفات")[0] == "وزير الزراعة الأردني"
    assert office("وصرح رئيس حزب «الوسط» الدكتور مازن عيسى بأن", "مازن عيسى")[0] == "رئيس حزب «الوسط»"
    assert office("التقى الوفد ووزير النقل سالم الهاشمي", "سالم الهاشمي")[0] == "وزير النقل"
    assert office("قال المتحدث باسم الجيش العميد نبيل حسن إن", "نبيل حسن")[0] == "المتحدث باسم الجيش العميد"


def test_no_office_when_none_is_written():
    assert office("قال خالد الحنيفات إن", "خالد الحنيفات")[0] is None
    assert office("التقى الوزير مع الدكتور مازن عيسى", "مازن عيسى")[0] is None


def test_apposition_after_the_name():
    text = "التقى سليم العتيبي رئيس هيئة «الموانئ» والسفير الكندي أمس"
    assert office(text, "سليم العتيبي", "after")[0] == "رئيس هيئة «الموانئ»"
    text = "قال ماجد الفهد، رئيس جهاز الرقابة المالية في الكويت، إن"
    assert office(text, "ماجد الفهد", "after")[0] == "رئيس جهاز الرقابة المالية"


def test_counterpart_and_core_office():
    text = "بحث وزير التجارة العماني قيس اليوسف مع نظيره الهندي بيوش غويال"
    t, o = office(text, "بيوش غويال")
    assert t == "نظيره الهندي" and o.counterpart
    toks = tokenize(text)
    _, first = office(text, "قيس اليوسف")
    assert core_office(text, toks, first) == "وزير التجارة"


def test_office_phrase_ends_at_a_verb():
    text = "قال ماجد الفهد، رئيس جهاز الرقابة اعتبر أن"
    assert office(text, "ماجد الفهد", "after")[0] == "رئيس جهاز الرقابة"


def test_country_word_inside_an_office():
    vocab = vocabulary()
    assert country_word("التركي", vocab) and country_word("جمهوريه", vocab) and country_word("اماره", vocab)
    assert not country_word("الداخليه", vocab) and not country_word("في", vocab)


def test_an_envoy_with_his_host_country():
    assert office("أعلن أن السفير البريطاني في لبنان توم فلتشر أكد له", "توم فلتشر")[0] == "السفير البريطاني في لبنان"
    # في not after a nationality is no part of an office: the phrase stops there
    assert office("ساهم في لبنان توم فلتشر", "توم فلتشر")[0] is None

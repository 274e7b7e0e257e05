"""The entities stage on hand-made articles with hand-placed mentions (no model)."""
from rasid.stages.entities import Entities
from tests.entities.helpers import article_with


def run(text, marked):
    return {e.name: e for e in Entities()(article_with(text, marked)).entities}


def test_office_country_and_counterpart():
    text = "بحث وزير التجارة العماني قيس اليوسف مع نظيره الهندي بيوش غويال في مسقط سبل التعاون."
    ents = run(text, [("قيس اليوسف", "PER"), ("بيوش غويال", "PER"), ("مسقط", "LOC")])
    assert ents["قيس اليوسف"].country == "OMN"
    assert ents["قيس اليوسف"].roles[0].title == "وزير التجارة العماني"
    assert ents["قيس اليوسف"].sector == "GOV"
    assert ents["بيوش غويال"].country == "IND"
    assert ents["بيوش غويال"].roles[0].title == "وزير التجارة"


def test_envoy_keeps_his_own_country_not_the_host():
    text = "استقبل الرئيس السفير الفرنسي الجديد لدى الأردن جان دوبوا أمس."
    ents = run(text, [("جان دوبوا", "PER")])
    assert ents["جان دوبوا"].country == "FRA"


def test_officials_listed_together_share_a_country():
    text = "التقى الوفد وزير الخارجية الإسباني لويس مارتينيز، ووزير الدفاع كارلوس رويث في مدريد."
    ents = run(text, [("لويس مارتينيز", "PER"), ("كارلوس رويث", "PER"), ("مدريد", "LOC")])
    assert ents["كارلوس رويث"].country == "ESP"
    assert ents["كارلوس رويث"].roles[0].title == "وزير الدفاع"


def test_organisation_country_from_its_nisba_and_sector_from_its_head():
    text = "أعلنت وزارة الصحة التونسية تسجيل إصابات جديدة."
    ents = run(text, [("وزارة الصحة التونسية", "ORG")])
    assert ents["وزارة الصحة التونسية"].country == "TUN"
    assert ents["وزارة الصحة التونسية"].sector == "GOV"


def test_apposition_after_the_name_and_kinship():
    text = ("زار ماهر، نجل اللواء سعيد الزين قائد القوات البرية المصرية، القاهرة. "
            "وقال سعيد الزين رئيس الأركان إن الزيارة ناجحة.")
    ents = run(text, [("ماهر", "PER"), ("سعيد الزين", "PER"), ("القاهرة", "LOC"), ("سعيد الزين", "PER")])
    assert "ماهر الزين" in ents
    father = ents["سعيد الزين"]
    assert any("قائد القوات البرية" in r.title for r in father.roles)
    assert father.country == "EGY"
    assert ents["ماهر الزين"].country == "EGY"


def test_an_official_listed_after_a_known_official_shares_his_country():
    """وزير الخارجية جون كيري ووزير الطاقة X: a Saudi paper's unnamed-country office is not Saudi here."""
    from rasid.extract import extract_text
    a = extract_text("ورأت اللجنة في الجلسة وزير الخارجية جون كيري ووزير الطاقة إرنست مونيز، أن الاتفاق سيئ.")
    by_name = {e.name: e for e in a.entities if e.type == "PER"}
    assert by_name["جون كيري"].country == "USA"
    assert by_name["إرنست مونيز"].country == "USA"


def test_one_known_organisation_is_one_entity_in_an_article():
    from rasid.extract import extract_text
    a = extract_text("قال مصدر إن تنظيم داعش انسحب من المدينة. وأضاف أن داعش خسر مواقعه وأن الحوثيين وميليشيات الحوثيين تراجعوا.")
    isis = [e for e in a.entities if e.type == "ORG" and e.name_latin == "Islamic State"]
    assert len(isis) == 1 and {"داعش", "تنظيم داعش"} <= {isis[0].name, *isis[0].aliases}


def test_nationality_written_after_the_name():
    from rasid.extract import extract_text
    a = extract_text("وشقيقه عدنان الخلف (سوريا الجنسية) من سكان تل سبع. وقبض على محمد رحيم يحمل الجنسية الهندية.")
    by_name = {e.name: e.country for e in a.entities if e.type == "PER"}
    assert by_name["عدنان الخلف"] == "SYR" and by_name["محمد رحيم"] == "IND"


def test_turki_is_a_given_name_not_turkey():
    """تركي (Turki) opens a Saudi name; the tagger reads it as 'Turkish': the name keeps it, and no
    word inside a person's name counts towards the article's countries."""
    from rasid.extract import extract_text
    a = extract_text("وحضر الحفل الأمير تركي بن أحمد السديري ومحافظ المدينة. كما التقى الأمير تركي الفيصل بالوفد. "
                     "وقال الوزير خالد العلي إن الوفد وصل.")
    names = {e.name: e.country for e in a.entities if e.type == "PER"}
    assert "تركي بن أحمد السديري" in names and "تركي الفيصل" in names
    assert "TUR" not in names.values()

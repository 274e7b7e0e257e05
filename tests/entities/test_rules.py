"""Each rule walker of rasid.entities.rules on hand-made sentences."""
from rasid.entities.rules import Rules
from rasid.entities.vocabulary import ActorVocabulary, vocabulary
from rasid.lang.ar.lexicons import data
from tests.mentions.helpers import article_of, surfaces


def walk(text, rule, **kw):
    a = article_of(text)
    rules = Rules(a.text, a.tokens, a.token_index().stems, **kw)
    return surfaces(a, getattr(rules, rule)(0, len(a.tokens)))


def test_title_persons_run_of_name_words_after_a_title():
    assert walk("التقى السفير جونسون أمس.", "title_persons") == [("جونسون", "PER")]
    # the office complement and nisba after the title are skipped
    assert walk("قال وزير الخارجية الكندي جون سميث إن الاتفاق مهم.", "title_persons") == [("جون سميث", "PER")]


def test_title_persons_stop_at_verbs_and_country_nisbas():
    assert walk("السفير جونسون عقد اجتماعا", "title_persons") == [("جونسون", "PER")]      # an event verb
    assert walk("السفير جونسون قال إن", "title_persons") == [("جونسون", "PER")]          # a phrase-end verb
    assert walk("الرئيس أوباما الأمريكي قال", "title_persons") == [("أوباما", "PER")]
    assert walk("الرئيس الأمريكي قال", "title_persons") == []         # no name after the title


def test_title_persons_use_the_verb_test_given():
    text = "السفير جونسون يغادر"
    assert walk(text, "title_persons", is_verb=lambda tok: False) == [("جونسون يغادر", "PER")]
    assert walk(text, "title_persons", is_verb=lambda tok: tok.stem == "يغادر") == [("جونسون", "PER")]


def test_organisations_from_their_head_noun():
    assert walk("أعلنت وزارة الداخلية الليبية أمس.", "organisations") == [("وزارة الداخلية الليبية", "ORG")]
    assert walk("قصفت القيادة العامة ل«الجيش الوطني» الليبي المدينة.", "organisations") == [
        ("القيادة العامة ل«الجيش الوطني» الليبي", "ORG")]
    assert walk("وصل وفد السفارة البريطانية", "organisations") == [("السفارة البريطانية", "ORG")]


def test_organisations_generic_heads_and_office_complements():
    assert walk("قالت الحكومة الليبية إن", "organisations") == []       # a generic head and a nisba: no name
    assert walk("قال وزير الداخلية إن", "organisations") == []          # the complement of an office
    assert walk("قالت وزارة إن", "organisations") == []                 # a head alone


def test_place_heads():
    assert walk("وصل إلى محافظة إب أمس.", "place_heads") == [("محافظة إب", "LOC")]
    assert walk("في العاصمة التركية أنقرة", "place_heads") == [("العاصمة التركية أنقرة", "LOC")]
    assert walk("عاد إلى المدينة القديمة أمس.", "place_heads") == []     # a definite head points back
    assert walk("وصل إلى محافظة في الجنوب", "place_heads") == []


def test_known_orgs_longest_match_and_one_word_names_as_written():
    assert walk("قال حزب الله إن", "known_orgs") == [("حزب الله", "ORG")]
    assert walk("قال مجلس الأمن الدولي إن", "known_orgs") == [("مجلس الأمن الدولي", "ORG")]
    assert walk("وقالت فتح إن", "known_orgs") == [("فتح", "ORG")]
    assert walk("قال لفتح الباب", "known_orgs") == []         # لفتح: "to open"


def test_spans_are_every_rule_in_a_sentence_range():
    text = "قال السفير جونسون في محافظة إب إن حزب الله هدد. وأعلنت وزارة الداخلية الليبية."
    a = article_of(text)
    rules = Rules(a.text, a.tokens, a.token_index().stems)
    s0 = a.sentences[0]
    assert surfaces(a, rules.spans(s0.token_start, s0.token_end)) == [
        ("جونسون", "PER"), ("محافظة إب", "LOC"), ("حزب الله", "ORG")]
    s1 = a.sentences[1]
    assert ("وزارة الداخلية الليبية", "ORG") in surfaces(a, rules.spans(s1.token_start, s1.token_end))


def test_rules_read_the_vocabulary_given():
    words = dict(data("actors"))
    words["person_titles"] = {**words["person_titles"], "الحكيم": ""}
    assert walk("قال الحكيم زيد إن", "title_persons") == []
    assert walk("قال الحكيم زيد إن", "title_persons", vocab=ActorVocabulary(words)) == [("زيد", "PER")]
    assert vocabulary() is vocabulary()


def test_places_listed_after_a_plural_head_are_each_a_place():
    from rasid.extract import extract_text
    a = extract_text("واستطاعت القوات فرض سيطرتها على مناطق الشيحة والدواية والستر، وقريبا ستدخل المدينة.")
    assert [(m.text, m.label) for m in a.mentions if m.label == "LOC"] == [
        ("الشيحة", "LOC"), ("الدواية", "LOC"), ("الستر", "LOC")]
    b = extract_text("وتضررت مناطق واسعة من المدينة وأحياء سكنية عديدة.")
    assert not [m for m in b.mentions if m.label == "LOC"]          # adjectives, not names


def test_a_listed_place_may_open_with_an_everyday_noun_before_a_name():
    from rasid.extract import extract_text
    a = extract_text("وبدأت الحياة تعود لأحياء خور مكسر والمعلا في المدينة.")
    assert [m.text for m in a.mentions if m.label == "LOC"][:2] == ["خور مكسر", "المعلا"]
    b = extract_text("وقصفت الطائرات مناطق كثيرة جدا في المدينة.")
    assert not [m for m in b.mentions if m.label == "LOC"]          # two everyday words: no name


def test_a_definite_nisba_shaped_name_after_a_place_head_is_a_place():
    from rasid.extract import extract_text
    a = extract_text("وصل الوزير أمس إلى قاعدة الحبانية العسكرية بمحافظة الأنبار للإشراف على العمليات.")
    assert "قاعدة الحبانية" in [m.text for m in a.mentions if m.label == "LOC"]


def test_speech_subjects_are_rare_family_names_before_a_complementizer():
    text = "وأوضح الجهيم بأنه تم إسقاط اسمه. وأكد المصدر أن الأمر انتهى. وأشار الأخير إلى أن الأمر انتهى."
    assert walk(text, "speech_subjects") == [("الجهيم", "PER")]     # المصدر everyday, الأخير too common
    assert walk("وأكد الطرفان أن الحوار مستمر. وقال معاليه إن العمل مستمر.", "speech_subjects") == []
    assert walk("وأضاف الشيلمي: إن التوعية واجبة.", "speech_subjects") == [("الشيلمي", "PER")]
    assert walk("وأكد د. العاصمي أن القبول مستمر.", "speech_subjects") == [("العاصمي", "PER")]   # after د.

"""rasid.mentions.trim: span edges and one-word spans."""
import pytest

from rasid.entities.countries import word_country
from rasid.entities.vocabulary import KnownVerbs, vocabulary
from rasid.mentions.trim import coordinated, one_word_label, trim
from tests.mentions.helpers import article_of, tokens_of


@pytest.fixture(scope="module")
def verbs():
    return KnownVerbs()


def trimmed(text, surface, label, verbs):
    a = article_of(text)
    i, j = tokens_of(a, surface)
    i, j = trim(a.text, a.tokens, a.token_index().stems, i, j, label, len(a.tokens), vocabulary(), verbs,
                word_country)
    return a.text[a.tokens[i].start:a.tokens[j - 1].end]


def test_person_loses_leading_event_nouns_and_verbs(verbs):
    assert trimmed("جرى لقاء أحمد سالم أمس", "لقاء أحمد سالم", "PER", verbs) == "أحمد سالم"
    assert trimmed("قال إن أحمد التقى الوزير", "أحمد التقى", "PER", verbs) == "أحمد"
    assert trimmed("قال إن أحمد سالم", "أحمد سالم", "PER", verbs) == "أحمد سالم"


def test_person_trim_uses_the_verb_test_given():
    a = article_of("قال إن أحمد سالم")
    i, j = tokens_of(a, "أحمد سالم")
    always = trim(a.text, a.tokens, a.token_index().stems, i, j, "PER", len(a.tokens), vocabulary(),
                  lambda tok: tok.stem == "سالم", word_country)
    assert always == (i, j - 1)


def test_place_takes_its_state_or_facility_head(verbs):
    assert trimmed("هبطت في مطار عدن أمس", "عدن", "LOC", verbs) == "مطار عدن"
    assert trimmed("زار جمهورية مصر العربية", "مصر العربية", "LOC", verbs) == "جمهورية مصر العربية"
    assert trimmed("هبطت في ومطار عدن أمس", "عدن", "LOC", verbs) == "عدن"      # a conjoined head
    assert trimmed("درس في جامعة لندن", "لندن", "LOC", verbs) == "لندن"          # an institution's head


def test_organisation_takes_following_nisba_and_time_adjectives(verbs):
    assert trimmed("قالت وزارة الداخلية الليبية المؤقتة إن", "وزارة الداخلية", "ORG", verbs) == \
        "وزارة الداخلية الليبية المؤقتة"
    assert trimmed("قالت الحكومة «الوحدة» الليبية إن", "الحكومة «الوحدة", "ORG", verbs) == "الحكومة «الوحدة» الليبية"
    assert trimmed("قالت وزارة الداخلية والليبية إن", "وزارة الداخلية", "ORG", verbs) == "وزارة الداخلية"


def test_one_word_label():
    vocab = vocabulary()
    assert one_word_label("الشيخ", "الشيخ", "PER", vocab, word_country) is None         # a title alone
    assert one_word_label("لقاءً", "لقاء", "ORG", vocab, word_country) is None          # an indefinite noun
    assert one_word_label("السوري", "السوري", "ORG", vocab, word_country) == "MISC"     # a nationality
    assert one_word_label("السوري", "السوري", "LOC", vocab, word_country) == "LOC"
    assert one_word_label("أحمد", "احمد", "PER", vocab, word_country) == "PER"


def test_an_everyday_word_alone_is_no_name():
    from rasid.entities.countries import word_country
    from rasid.entities.vocabulary import vocabulary
    from rasid.mentions.trim import one_word_label
    vocab = vocabulary()
    every = frozenset({"ادعاءات", "حيال", "سوري"})
    assert one_word_label("ادعاءات", "ادعاءات", "LOC", vocab, word_country, everyday=every) is None
    assert one_word_label("وحيال", "وحيال", "PER", vocab, word_country, stem="حيال", everyday=every) is None
    assert one_word_label("ادعاءات", "ادعاءات", "LOC", vocab, word_country) == "LOC"      # no list: kept
    assert one_word_label("سوري", "سوري", "MISC", vocab, word_country, everyday=every) == "MISC"


def test_everyday_list_rules():
    from collections import Counter

    from rasid.train.everyday import everyday_words
    counts = Counter({"ادعاءات": 300, "الادعاءات": 200, "الزهراني": 500, "زهراني": 3})
    seen = Counter({"حيال": 40, "صالح": 40})
    named = Counter({"حيال": 0, "صالح": 30})
    words = everyday_words(counts, seen, named)
    assert "ادعاءات" in words and "حيال" in words
    assert "الزهراني" not in words and "صالح" not in words


def test_no_name_holds_a_complementizer_a_bare_preposition_or_a_persons_age(verbs):
    assert trimmed("أوضح صندوق النقد أن اليونان تأخرت", "صندوق النقد أن اليونان", "ORG", verbs) == "صندوق النقد"
    assert trimmed("ويؤكد اللواء مظلوم لـ«الشرق الأوسط» أن", "مظلوم لـ", "PER", verbs) == "مظلوم"
    assert trimmed("وشقيقيها عبدالله 18 عاما", "عبدالله 18", "PER", verbs) == "عبدالله"
    assert trimmed("شارك فريق الجيش 17 في العرض", "فريق الجيش 17", "ORG", verbs) == "فريق الجيش 17"


def test_a_place_named_after_a_person_is_one_name():
    from rasid.extract import extract_text
    a = extract_text("وقال مدير مستشفى الملك خالد إن الحالة مستقرة. وزار الوفد مركز الملك سلمان للإغاثة.")
    assert [(m.text, m.label) for m in a.mentions if m.label == "PER"] == []
    assert "مستشفى الملك خالد" in [m.text for m in a.mentions]
    b = extract_text("وقال الرئيس العام للمؤسسة العامة للخطوط الحديدية المهندس محمد بن خالد السويكت إن العمل مستمر.")
    assert "محمد بن خالد السويكت" in [m.text for m in b.mentions if m.label == "PER"]   # an engineer, not a namesake


@pytest.mark.parametrize("text,pieces", [
    ("عبد الغني والعنزي", [(0, 2), (2, 3)]),       # و + a definite word: two persons
    ("بيبي وكريم بنزيمه", [(0, 1), (1, 3)]),        # كريم is commoner than وكريم
    ("أوبرا وينفري", [(0, 2)]),                     # ينفري is no word: one name
    ("جاك وارنر", [(0, 2)]),
])
def test_coordinated_persons_are_cut_at_the_conjunction(text, pieces):
    tokens = article_of(text).tokens
    assert coordinated(tokens, 0, len(tokens), "PER") == pieces
    assert coordinated(tokens, 0, len(tokens), "ORG") == [(0, len(tokens))]     # organisations keep و


def test_an_open_organisation_name_takes_its_complement():
    """المؤسسة العامة is no name until its ل complement: للخطوط الحديدية، للسياحة والتراث الوطني."""
    from rasid.extract import extract_text
    a = extract_text("أكدت المؤسسة العامة للخطوط الحديدية انتظام جميع رحلات قطارات الركاب.")
    assert [m.text for m in a.mentions if m.label == "ORG"] == ["المؤسسة العامة للخطوط الحديدية"]
    b = extract_text("وقالت الهيئة العامة للسياحة والتراث الوطني إن المشروع بدأ.")
    assert [m.text for m in b.mentions if m.label == "ORG"] == ["الهيئة العامة للسياحة والتراث الوطني"]


def test_a_place_named_after_a_person_the_tagger_found_alone():
    """بمركز الملك خالد الحضاري: the tagger's person خالد الحضاري is the centre named after King
    Khalid; حكومة الرئيس X and وزير الخارجية الأمير X stay persons."""
    from rasid.extract import extract_text
    a = extract_text("زوار مهرجان الكليجا المقام فعالياته بمركز الملك خالد الحضاري ببريدة.")
    assert "مركز الملك خالد الحضاري" in {m.text for m in a.mentions if m.label in ("LOC", "ORG")}
    b = extract_text("والتقى وزير الخارجية الأمير سعود الفيصل بالسفير.")
    assert [m.text for m in b.mentions if m.label == "PER"] == ["سعود الفيصل"]


def test_an_organisation_stops_before_a_place_head_with_a_preposition():
    from rasid.extract import extract_text
    a = extract_text("نفذ مكتب العمل بمحافظة خيبر جولة تفتيشية.", url="http://www.alriyadh.com/1")
    assert "مكتب العمل" in {m.text for m in a.mentions if m.label == "ORG"}


def test_a_rank_complement_is_no_part_of_the_name():
    from rasid.extract import extract_text
    a = extract_text("وقال وزير الدفاع الفريق أول صدقي صبحي إن القوات جاهزة.")
    assert [m.text for m in a.mentions if m.label == "PER"] == ["صدقي صبحي"]

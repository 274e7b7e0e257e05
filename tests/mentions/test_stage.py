"""The mentions stage wires the jobs; its tagger and lexicons come through its constructor."""
from rasid.entities.vocabulary import ActorVocabulary
from rasid.lang.ar.lexicons import data
from rasid.stages.mentions import Mentions
from tests.mentions.helpers import FakeTagger, article_of


def found(article):
    return [(m.id, m.text, m.label, m.source) for m in article.mentions]


def test_model_and_rule_candidates_trimmed_and_propagated():
    text = "قال السفير جونسون إن لقاء أحمد سالم تم. وأكد جونسون أن سالم وصل إلى جمهورية مصر العربية."
    tagger = FakeTagger({"لقاء": "B-PER", "أحمد": "I-PER", (0, "سالم"): "I-PER", "مصر": "B-LOC", "العربية": "I-LOC"})
    a = Mentions(tagger=tagger)(article_of(text))
    assert found(a) == [("m1", "جونسون", "PER", "rule"), ("m2", "أحمد سالم", "PER", "model"),
                        ("m3", "جونسون", "PER", "propagation"), ("m4", "سالم", "PER", "propagation"),
                        ("m5", "جمهورية مصر العربية", "LOC", "model")]


def test_without_rules_only_the_tagger():
    text = "قال السفير جونسون إن أحمد وصل. وقال أحمد إن"
    a = Mentions(rules=False, tagger=FakeTagger({"أحمد": "B-PER"}))(article_of(text))
    assert found(a) == [("m1", "أحمد", "PER", "model"), ("m2", "أحمد", "PER", "model")]


def test_the_vocabulary_given_is_used():
    words = dict(data("actors"))
    words["person_titles"] = {**words["person_titles"], "الحكيم": ""}
    text = "قال الحكيم زيد إن"
    assert found(Mentions(tagger=FakeTagger({}))(article_of(text))) == []
    a = Mentions(tagger=FakeTagger({}), vocab=ActorVocabulary(words))(article_of(text))
    assert found(a) == [("m1", "زيد", "PER", "rule")]


def test_a_common_word_after_a_title_is_no_person():
    from rasid.extract import extract_text
    a = extract_text("والأحكام تصدر حسب رؤية القاضي دون النظر في حق الضحية. وتنطلق مباريات الفريق هذا الأسبوع. "
                     "وأعلن رئيس نادي الهلال الأمير عبدالرحمن بن مساعد أن الأمير سلمان حضر.")
    people = [m.text for m in a.mentions if m.label == "PER"]
    assert not {"دون", "هذا", "نادي"} & set(people)
    assert "سلمان" in " ".join(people) and "عبدالرحمن بن مساعد" in " ".join(people)


def test_a_known_organisation_tagged_as_a_place_is_an_organisation():
    from rasid.doc import Mention
    from rasid.stages.mentions import _known_orgs_as_orgs

    ms = [Mention("m1", 0, 4, "داعش", "LOC", "داعش"), Mention("m2", 5, 8, "عدن", "LOC", "عدن"),
          Mention("m3", 9, 14, "الخليج", "LOC", "الخليج")]
    _known_orgs_as_orgs(ms)
    assert [m.label for m in ms] == ["ORG", "LOC", "LOC"]     # an outlet's name (الخليج) stays a place


def test_fatah_only_where_palestine_is_named():
    """فتح is "opened" in most Saudi news: the lexicon's Fatah needs Palestine in the article."""
    from rasid.extract import extract_text
    a = extract_text("وأعلنت الشركة فتح باب التسجيل أمام المستخدمين.")
    assert not [m for m in a.mentions if m.label == "ORG"]
    b = extract_text("وقال الرئيس الفلسطيني إن فتح مستعدة للمصالحة.")
    assert "فتح" in {m.text for m in b.mentions if m.label == "ORG"}


def test_the_taggers_adjacent_organisation_pieces_are_one_name():
    """Hand-made mentions: باريس + سان + جيرمان (the tagger opened each as a new name) are one
    organisation; places side by side stay apart."""
    from rasid.doc.layers import Mention
    from rasid.stages.mentions import _join_adjacent
    text = "فاز فريق باريس سان جيرمان على ليل فرنسا"
    def m(i, word, label):
        s = text.index(word)
        return Mention(f"m{i}", s, s + len(word), word, label, word, sentence=0, source="model")
    out = _join_adjacent(text, [m(1, "باريس", "ORG"), m(2, "سان", "ORG"), m(3, "جيرمان", "ORG"),
                                m(4, "ليل", "LOC"), m(5, "فرنسا", "LOC")])
    assert [(x.text, x.label) for x in out] == [("باريس سان جيرمان", "ORG"), ("ليل", "LOC"), ("فرنسا", "LOC")]


def test_a_persons_family_name_found_elsewhere_joins_the_name_it_follows():
    """Hand-made mentions: سمير بن عبدالرحمن + توكل (propagated: د. توكل later) is one person; an
    office word (أمين) and a model's second person, or a name after a comma, stay apart."""
    from rasid.doc.layers import Mention
    from rasid.entities.vocabulary import vocabulary
    from rasid.lang.ar.normalize import norm_key
    from rasid.stages.mentions import _join_family_name
    text = "وأوضح سمير بن عبدالرحمن توكل أن أسامة البار أمين العاصمة وخالد الفيصل، العمري حضروا"
    def m(i, word, source):
        s = text.index(word)
        return Mention(f"m{i}", s, s + len(word), word, "PER", norm_key(word), sentence=0, source=source)
    out = _join_family_name(text, [m(1, "سمير بن عبدالرحمن", "model"), m(2, "توكل", "propagation"),
                                   m(3, "أسامة البار", "model"), m(4, "أمين", "propagation"),
                                   m(5, "خالد الفيصل", "model"), m(6, "العمري", "propagation")], vocabulary())
    assert [x.text for x in out] == ["سمير بن عبدالرحمن توكل", "أسامة البار", "أمين", "خالد الفيصل", "العمري"]

"""rasid.mentions.candidates: the tagger's, the rules' and the gazetteer's proposals."""
import pytest

from rasid.entities.rules import Rules
from rasid.entities.vocabulary import vocabulary
from rasid.geo import Gazetteer
from rasid.mentions.candidates import gazetteer_places, model_spans, rule_spans
from tests.entities.helpers import article_with
from tests.mentions.helpers import FakeTagger, article_of


def test_model_spans_per_sentence_in_absolute_token_ranges():
    a = article_of("قال أحمد سالم إن. وقال زيد إن")
    tagger = FakeTagger({"أحمد": "B-PER", "سالم": "I-PER", "زيد": "B-PER"})
    assert model_spans(tagger, a) == [[(1, 3, "PER", "model")], [(6, 7, "PER", "model")]]
    assert tagger.calls == 1        # the whole article at once


def test_rule_spans_are_marked_as_rules():
    a = article_of("التقى السفير جونسون أمس.")
    rules = Rules(a.text, a.tokens, a.token_index().stems)
    assert rule_spans(rules, 0, len(a.tokens)) == [(2, 3, "PER", "rule")]


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default()


def places(text, marked, gaz):
    a = article_with(text, marked)
    return [(m.text, m.label, m.source, m.sentence) for m in
            gazetteer_places(a, a.token_index(), a.mentions, vocabulary(), gaz)]


def test_gazetteer_places_of_the_articles_countries(gaz):
    text = "قال مسؤول يمني إن القتال اشتد في لحج أو الضالع أو تعز أمس."
    # towns listed beside a place already found
    assert places(text, [("تعز", "LOC")], gaz) == [("لحج", "LOC", "gazetteer", 0), ("الضالع", "LOC", "gazetteer", 0)]
    assert places("وصل الوزير إلى باريس أمس", [], gaz) == [("باريس", "LOC", "gazetteer", 0)]


def test_gazetteer_places_skip_names_and_texts_without_countries(gaz):
    assert places("قال مسؤول يمني إن مرسي وصل إلى صنعاء", [("مرسي", "PER")], gaz) == [("صنعاء", "LOC", "gazetteer", 0)]
    assert places("قال الرجل إن الجو جميل", [], gaz) == []


def test_gazetteer_places_regions_and_ways(gaz):
    # a first-level region of the article's country is a place alone (أبين: a town of under 100k)
    assert places("قال مسؤول يمني إن المعارك اشتدت في أبين أمس", [], gaz) == [("أبين", "LOC", "gazetteer", 0)]
    # the end of a way from a place found (صعدة: the town has under 100k people)
    text = "قال مسؤول يمني إن الحوثيين انسحبوا من محافظة إب إلى صعدة أمس"
    assert ("صعدة", "LOC", "gazetteer", 0) in places(text, [("محافظة إب", "LOC")], gaz)


def test_a_sentence_opening_word_is_no_far_away_place():
    """كرّم (honoured) opens the sentence; the gazetteer knows كرم as a big city abroad: not a place here."""
    from rasid.extract import extract_text
    a = extract_text("كرم صاحب السمو الملكي الأمير فيصل بن خالد أمير منطقة عسير شركة الاتصالات السعودية.",
                     url="http://www.alriyadh.com/1")
    assert "كرم" not in {m.text for m in a.mentions}

"""Trigger words learned from labelled sentences (rasid.train.events.learn_triggers), on hand-built items."""
from rasid.events.candidates import candidates
from rasid.lang.ar.lexicons import data
from rasid.lang.ar.triggers import EventLexicon, trigger_key
from rasid.pipeline import Pipeline
from rasid.train.events import OwnItem, learn_triggers
from tests.util import make_article


def _item(text: str, trigger: str | None, type_: str = "ACCUSE") -> OwnItem:
    a = Pipeline.from_names(["tokens", "sentences"], given={"text"})(make_article(text))
    events = []
    if trigger is not None:
        s = text.index(trigger)
        events.append({"type": type_, "trigger": {"start": s, "end": s + len(trigger)}})
    return OwnItem({"start": 0, "end": len(text)}, a, candidates(a, EventLexicon(data("events"))), {}, events)


def test_a_word_labelled_often_enough_is_learned_with_its_type():
    items = [_item("قررت المحكمة إحالة المتهم إلى القضاء.", "إحالة") for _ in range(3)]
    items += [_item("تمت إحالة المعاملة إلى الإدارة.", None)]
    rows = learn_triggers(items, min_count=3, min_share=0.5)
    key = trigger_key(next(t for t in items[0].article.tokens if items[0].article.text[t.start:t.end] == "إحالة"))
    assert (key, "ACCUSE", 3, 4) in rows


def test_too_rare_or_too_often_not_a_trigger_is_not_learned():
    two = [_item("قررت المحكمة إحالة المتهم إلى القضاء.", "إحالة") for _ in range(2)]
    assert learn_triggers(two, min_count=3, min_share=0.1) == []
    diluted = two * 2 + [_item("تمت إحالة المعاملة إلى الإدارة.", None) for _ in range(20)]
    assert learn_triggers(diluted, min_count=3, min_share=0.5) == []
    assert learn_triggers(diluted, min_count=3, min_share=0.1) != []


def test_a_word_the_lexicon_proposes_is_never_learned():
    items = [_item("قتل مسلحون ثلاثة جنود.", "قتل", "ASSAULT") for _ in range(4)]
    assert learn_triggers(items, min_count=2, min_share=0.1) == []

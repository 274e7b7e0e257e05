import json

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasid.doc import (ArticleError, Entity, Event, Mention, Place, Quote, Removed, Role, Sentence,
                       TimeExpr, Token, Word)
from rasid.doc.serialize import dumps, from_dict, json_schema, loads, to_dict
from rasid.errors import SchemaError, SpanError
from tests.util import make_article

RAW = "عنوان الخبر\n\nالتقى الوزير سامي بالسفير أمس في بيروت.\nترك الرد"


def full_article():
    a = make_article(RAW, deletions=[(0, 13), (52, 61)], title="عنوان الخبر", published="2025-03-12",
                     publisher="وكالة", source="x.txt")
    t = a.text
    assert t.startswith("التقى")
    a.removed = [Removed(0, 13, "title", "headline"), Removed(52, 61, "comment_form", "ترك الرد")]
    a.tokens = [Token(0, 5, "التقي", "word"), Token(13, 20, "بالسفير", "word",
                [Word(13, 14, "ب", "proclitic"), Word(14, 16, "ال", "article"), Word(16, 20, "سفير")])]
    a.sentences = [Sentence(0, t.index(".") + 1, 0, 2)]
    s = t.index("سامي")
    b = t.index("بيروت")
    a.mentions = [Mention("m1", s, s + 4, "سامي", "PER", "سامي", 0, 0.9, "model"),
                  Mention("m2", b, b + 5, "بيروت", "LOC", sentence=0)]
    a.entities = [Entity("e1", "PER", "سامي", ["m1"], name_latin="Sami", country="LBN", sector="GOV",
                         roles=[Role("الوزير", None, "LBN", 6, 12)]),
                  Entity("e2", "LOC", "بيروت", ["m2"], name_latin="Beirut", country="LBN",
                         geo=Place(33.89, 35.5, "LBN", 276781, "city"))]
    y = t.index("أمس")
    a.times = [TimeExpr("t1", y, y + 3, "أمس", "2025-03-11", "day")]
    a.quotes = [Quote("q1", 0, 5, "التقى", "indirect", "قال", speaker="e1")]
    a.events = [Event("v1", "CONSULT", 0, 5, mode="visit", source=["e1"], target=["e2"], location="e2",
                      time="t1", date="2025-03-11", topics=["diplomatic"], confidence=0.8, trigger="التقى")]
    a.provenance = {"clean": "1"}
    a.errors = [ArticleError("events", "ValueError", "boom")]
    return a


def test_round_trip_of_every_layer():
    a = full_article()
    assert from_dict(to_dict(a)) == a
    assert loads(dumps(a)) == a


def test_output_validates_against_the_published_schema():
    doc = to_dict(full_article())
    jsonschema.validate(doc, json_schema())
    jsonschema.validate(to_dict(full_article(), tokens=False, raw=False), json_schema())


def test_contract_fields_are_present():
    doc = to_dict(full_article())
    e = doc["entities"][0]
    assert e["mentions"] == [{"id": "m1", "text": "سامي", "start": doc["text"].index("سامي"),
                              "end": doc["text"].index("سامي") + 4}]
    assert e["title"] == "الوزير" and e["name_latin"] == "Sami" and e["country"] == "LBN"
    assert doc["entities"][1]["geo"]["lat"] == 33.89
    assert doc["events"][0]["source"] == ["e1"] and doc["events"][0]["location"] == "e2"
    assert doc["quotes"][0]["speaker"] == "e1"
    for m in doc["mentions"]:
        assert doc["text"][m["start"]:m["end"]] == m["text"]


def test_loader_refuses_inconsistent_documents():
    doc = to_dict(full_article())
    with pytest.raises(SchemaError, match="schema_version"):
        from_dict({**doc, "schema_version": "9.0"})
    with pytest.raises(SchemaError, match="alignment"):
        from_dict({**doc, "text": doc["text"] + "x"})
    bad = json.loads(json.dumps(doc))
    bad["mentions"][0]["end"] += 1
    with pytest.raises(SpanError):
        from_dict(bad)
    with pytest.raises(SchemaError, match="not JSON"):
        loads("{broken")
    with pytest.raises(SchemaError):
        from_dict({**doc, "entities": [{"id": "e1", "type": "PER", "name": "x", "bogus": 1, "mentions": [],
                                        "roles": ["not an object"]}]})


TEXT = st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآىة «»،.؟\n abc123", max_size=120)


@st.composite
def articles(draw):
    raw = draw(TEXT)
    n = len(raw)
    dels = draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=4))
    a = make_article(raw, deletions=[(min(x, y), max(x, y)) for x, y in dels],
                     title=draw(st.none() | TEXT), published=draw(st.none() | st.just("2015-07-23")))
    t = a.text
    spans = draw(st.lists(st.tuples(st.integers(0, len(t)), st.integers(0, len(t))), max_size=5))
    spans = [(min(x, y), max(x, y)) for x, y in spans]
    a.mentions = [Mention(f"m{i}", s, e, t[s:e], draw(st.sampled_from(["PER", "ORG", "LOC", "MISC"])))
                  for i, (s, e) in enumerate(spans)]
    a.tokens = [Token(s, e, t[s:e]) for s, e in spans]
    a.sentences = [Sentence(s, e) for s, e in spans]
    a.entities = [Entity(f"e{i}", m.label, m.text, [m.id]) for i, m in enumerate(a.mentions)]
    a.quotes = [Quote(f"q{i}", s, e, t[s:e], speaker=f"e{i}") for i, (s, e) in enumerate(spans)]
    return a


@given(articles())
def test_json_round_trip_property(a):
    text = dumps(a)
    back = loads(text)
    assert back == a
    assert dumps(back) == text
    jsonschema.validate(json.loads(text), json_schema())

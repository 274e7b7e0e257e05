from rasid.stages import stage_classes
from rasid.stages.tokens import Tokens
from tests.util import make_article


def test_registered():
    cls = stage_classes()["tokens"]
    assert cls is Tokens
    assert Tokens.requires == frozenset({"text"}) and Tokens.provides == frozenset({"tokens"})
    assert Tokens.version == "1"


def test_tokens_index_the_cleaned_text():
    raw = "شارك ||حذف|| وللجيش دور."
    a = make_article(raw, deletions=[(5, 13)])
    out = Tokens()(a)
    assert out is a
    assert [a.text[t.start:t.end] for t in a.tokens] == ["شارك", "وللجيش", "دور", "."]
    t = a.tokens[1]
    assert [(a.text[w.start:w.end], w.norm, w.kind) for w in t.words] == [
        ("و", "و", "proclitic"), ("ل", "ل", "proclitic"), ("ل", "ال", "article"), ("جيش", "جيش", "stem")]


def test_empty_article():
    a = make_article("")
    assert Tokens()(a).tokens == []

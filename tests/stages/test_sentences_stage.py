from rasid.pipeline import Pipeline
from rasid.stages import stage_classes
from rasid.stages.sentences import Sentences
from tests.util import make_article

SPLIT = Pipeline.from_names(["tokens", "sentences"], given={"text"}, errors="raise")


def test_registered():
    cls = stage_classes()["sentences"]
    assert cls is Sentences
    assert Sentences.requires == frozenset({"text", "tokens"}) and Sentences.provides == frozenset({"sentences"})
    assert Sentences.version == "1"


def test_sentences_after_tokens():
    a = make_article("قال د. أحمد: «انتهى.» ثم غادر!\n\nوفي الرياض، عاد الوفد")
    out = SPLIT(a)
    assert out is a
    assert [a.text[s.start:s.end] for s in a.sentences] == [
        "قال د. أحمد: «انتهى.»", "ثم غادر!", "وفي الرياض، عاد الوفد"]
    assert a.sentences[-1].token_end == len(a.tokens)


def test_no_tokens_no_sentences():
    a = make_article("  \n ")
    assert SPLIT(a).sentences == []

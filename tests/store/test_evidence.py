"""The actor-evidence decision (rasid.store.evidence): lexicon-vouched names are actors, the rest is
decided by the shipped model over evidence_features, and the hand rules decide without a model."""
import pytest

from rasid.doc.layers import Entity
from rasid.extract import extract_text
from rasid.store import evidence
from rasid.store.evidence import actor_evidence, evidence_features, rule_evidence, strong_evidence

TEXT = ("وقال وزير الخارجية عادل الجبير إن المملكة تدعم اليمن. وأضاف الجبير أن الحل سياسي. "
        "وزار الوفد مستشفى الملك فهد في جدة.")


@pytest.fixture(scope="module")
def article():
    return extract_text(TEXT)


def test_the_shipped_model_is_read_with_its_threshold():
    model = evidence.evidence_model()
    assert model is not None and set(model.classes) == {"junk", "somebody"}
    assert 0 < model.meta["threshold"] < 1


def test_a_known_name_is_an_actor_whatever_the_model(article, monkeypatch):
    jubeir = next(e for e in article.entities if "الجبير" in e.name)
    assert strong_evidence(jubeir)

    class Never:
        meta = {"threshold": 1.1}

        def proba(self, feats):
            return {"somebody": 0.0}
    monkeypatch.setattr(evidence, "evidence_model", lambda: Never())
    assert actor_evidence(jubeir, article)
    unknown = Entity(id="e9", type="PER", name="سالم العتيبي", mentions=[])
    assert not actor_evidence(unknown, article)          # the model decides the others


def test_without_a_model_the_rules_decide(article, monkeypatch):
    monkeypatch.setattr(evidence, "evidence_model", lambda: None)
    lone = Entity(id="e9", type="PER", name="يخشون", mentions=["m99"])
    assert actor_evidence(lone, article) == rule_evidence(lone, article) is False
    assert not actor_evidence(Entity(id="e7", type="MISC", name="السعودي", mentions=[]), article)


def test_features_say_what_the_model_reads(article):
    jubeir = next(e for e in article.entities if "الجبير" in e.name)
    f = evidence_features(jubeir, article)
    assert "type=PER" in f and "PER|nm=2" in f and "PER|rules=1" in f and "PER|office" in f
    vowelled = Entity(id="e5", type="PER", name="عبدٍ طائعٍ", mentions=[])
    g = evidence_features(vowelled, article)
    assert "PER|diacritics" in g and "PER|nm=0" in g and "PER|nw=2" in g
    digits = evidence_features(Entity(id="e6", type="PER", name="عبدالله 18", mentions=[]), article)
    assert "PER|digit" in digits


def test_a_person_inside_a_facility_name_is_marked(article):
    from rasid.doc.layers import Mention
    start = article.text.index("فهد")
    m = Mention("m_fahd", start, start + 3, "فهد", "PER", "فهد")
    article.mentions = article.mentions + [m]
    ent = Entity(id="e4", type="PER", name="فهد", mentions=[m.id])
    assert "PER|inside_name" in evidence_features(ent, article)


def test_the_hand_exclusions_hold_whatever_the_model(article, monkeypatch):
    class Always:
        meta = {"threshold": 0.0}

        def proba(self, feats):
            return {"somebody": 1.0}
    monkeypatch.setattr(evidence, "evidence_model", lambda: Always())
    assert not actor_evidence(Entity(id="e3", type="PER", name="خادم", mentions=[]), article)
    assert not actor_evidence(Entity(id="e4", type="ORG", name="بي", mentions=[]), article)    # spelled letters
    assert not actor_evidence(Entity(id="e5", type="ORG", name="LG Gentle", mentions=[]), article)   # Latin only
    assert actor_evidence(Entity(id="e6", type="PER", name="ﺍﻟﺼﺎﻟﺢ ﻋﻠﻲ", mentions=[]), article)   # presentation forms
    assert actor_evidence(Entity(id="e2", type="PER", name="سالم العتيبي", mentions=[]), article)


def test_admission_says_now_recurs_or_no(article, monkeypatch):
    from rasid.doc.layers import Role
    from rasid.store.evidence import admission

    class Always:
        meta = {"threshold": 0.5}

        def proba(self, feats):
            return {"somebody": 0.9}
    monkeypatch.setattr(evidence, "evidence_model", lambda: Always())
    jubeir = next(e for e in article.entities if "الجبير" in e.name)
    assert admission(jubeir, article) == "now"                                  # a lexicon vouches
    plain = Entity(id="e2", type="PER", name="سالم العتيبي", mentions=[])
    assert admission(plain, article) == "recurs"                                # the model alone: wait
    officer = Entity(id="e3", type="PER", name="سالم العتيبي", mentions=[],
                     roles=[Role(title="مدير عام الشركة")])
    assert admission(officer, article) == "now"                                 # an office in the text
    assert admission(Entity(id="e4", type="PER", name="محمد", mentions=[]), article) == "no"   # a given name alone
    assert admission(Entity(id="e5", type="ORG", name="شركة نوكيان", mentions=[]), article) == "recurs"
    assert admission(Entity(id="e6", type="MISC", name="السعودي", mentions=[]), article) == "no"


def test_a_gazetteer_place_named_by_everyday_words_is_not_strong_evidence():
    from rasid.doc.layers import Place
    geo = Place(lat=36.0, lon=45.9, country="IRN", geonameid=1)
    assert not strong_evidence(Entity(id="e1", type="LOC", name="بانه", mentions=[], geo=geo))
    assert strong_evidence(Entity(id="e2", type="LOC", name="دافوس", mentions=[], geo=geo))

"""The decision scores features by their matrix rows; that must equal scoring the feature strings."""
import math

import pytest

from rasid.doc.layers import REALIS
from rasid.events.candidates import candidates
from rasid.events.decide import EventModel, example_features, local_features
from rasid.events.features import SentenceView
from rasid.events.linear import fit
from rasid.pipeline import Pipeline
from tests.util import make_article

TEXT = ("هاجم مسلحون مجهولون قافلة للجيش أمس وأسفر الهجوم عن مقتل ثلاثة جنود. "
        "والتقى الوزير نظيره في الرياض لبحث التعاون. وتظاهر مئات الطلاب أمام الجامعة.")


@pytest.fixture(scope="module")
def setup():
    a = Pipeline.from_names(["tokens", "sentences"], given={"text"})(make_article(TEXT))
    cands = candidates(a)
    views = {c.sentence: SentenceView(a, c.sentence) for c in cands}
    from rasid.lang.ar.triggers import event_lexicon

    lex = event_lexicon()
    # a tiny model trained on these very candidates: every reading an event, realis by position
    ex = [(example_features(a, c, views[c.sentence], t, lex), REALIS[i % 3])
          for i, c in enumerate(cands) for t in c.types]
    types = fit([(local_features(a, c, views[c.sentence], t, lex), "yes" if i % 2 else "no")
                 for i, c in enumerate(cands) for t in c.types], classes=["no", "yes"], min_count=1)
    realis = fit(ex, classes=list(REALIS), min_count=1)
    return a, cands, views, lex, EventModel(types, realis, 0.0, lex)


def test_row_scoring_equals_string_scoring(setup):
    a, cands, views, lex, model = setup
    assert cands
    for d in model.decide(a, cands):
        view = views[d.candidate.sentence]
        p_type = model.types.proba(local_features(a, d.candidate, view, d.type, lex))["yes"]
        p_realis = model.realis.proba(example_features(a, d.candidate, view, d.type, lex))
        assert math.isclose(d.p_event, p_type, rel_tol=1e-9)
        assert d.realis == max(REALIS, key=lambda r: p_realis[r])
        assert math.isclose(d.p_realis, p_realis[d.realis], rel_tol=1e-9)

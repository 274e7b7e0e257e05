"""Event candidates: what the lexicon proposes to the learned decision."""
from rasid.doc.layers import TimeExpr
from rasid.events.candidates import candidates
from rasid.pipeline import Pipeline
from tests.util import make_article


def _words(a):
    return [a.text[a.tokens[c.first].start:a.tokens[c.first].end] for c in candidates(a)]


def test_a_word_inside_a_time_expression_is_no_candidate():
    text = "شنت قوات الأمن فجر أمس حملة اعتقالات، وفجر مسلحون سيارة مفخخة."
    a = Pipeline.from_names(["tokens", "sentences"], given={"text"})(make_article(text))
    assert "فجر" in _words(a) and "وفجر" in _words(a)
    at = text.index("فجر أمس")
    a.times = [TimeExpr("t1", at, at + len("فجر أمس"), "فجر أمس", "2015-07-19", "day")]
    assert "فجر" not in _words(a) and "وفجر" in _words(a)     # the verb after و is still proposed

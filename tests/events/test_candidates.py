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


def test_a_learned_trigger_word_is_a_candidate_for_the_model_only():
    from rasid.lang.ar.lexicons import data
    from rasid.lang.ar.triggers import EventLexicon, trigger_key

    text = "وأعلن المجلس إحالة الملف إلى النيابة."
    a = Pipeline.from_names(["tokens", "sentences"], given={"text"})(make_article(text))
    plain = EventLexicon(data("events"))
    tok = next(t for t in a.tokens if a.text[t.start:t.end] == "إحالة")
    key = trigger_key(tok)
    assert not any(a.tokens[c.first] is tok for c in candidates(a, plain))
    taught = EventLexicon(data("events"), learned=[(key, "ACCUSE")])
    got = [c for c in candidates(a, taught) if a.tokens[c.first] is tok]
    assert len(got) == 1 and got[0].types == ("ACCUSE",) and got[0].readings[0].finder is False
    # the rule finder's lexicon never reads learned words
    finder = EventLexicon(data("events"), finder=True, learned=[(key, "ACCUSE")])
    assert not any(a.tokens[c.first] is tok for c in candidates(a, finder))


def test_learned_trigger_rows_read_back(tmp_path):
    from rasid.lang.ar.triggers import learned_trigger_rows

    p = tmp_path / "t.tsv"
    p.write_text("# header\nاحاله\tACCUSE\t4\t12\n", "utf-8")
    assert learned_trigger_rows(p) == [("احاله", "ACCUSE", 4, 12)]
    assert learned_trigger_rows(tmp_path / "absent.tsv") == []


def test_only_the_candidate_lexicon_holds_the_learned_words():
    # rules (the finder, places, actors, entity vocabulary) read event_lexicon: never the learned words
    from rasid.lang.ar.triggers import candidate_lexicon, event_lexicon, learned_trigger_rows

    assert not any(t.detail == "learned" for t in event_lexicon().triggers)
    learned = {(t.key, t.type) for t in candidate_lexicon().triggers if t.detail == "learned"}
    assert learned <= {(k, ty) for k, ty, *_ in learned_trigger_rows()}
    assert bool(learned) == bool(learned_trigger_rows())

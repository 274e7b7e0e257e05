"""rasid.mentions.merge: overlapping spans, new mentions, merging."""
from rasid.doc import Mention
from rasid.mentions.merge import covered_tokens, merged, new_mention, resolve_overlaps
from tests.mentions.helpers import article_of


def test_longer_span_first_then_model_before_rule():
    assert resolve_overlaps([(0, 2, "PER", "model"), (1, 4, "PER", "rule")]) == [(1, 4, "PER", "rule")]
    assert resolve_overlaps([(2, 4, "ORG", "rule"), (2, 4, "PER", "model")]) == [(2, 4, "PER", "model")]
    # spans that do not overlap all stay, in token order
    assert resolve_overlaps([(5, 6, "LOC", "rule"), (0, 2, "PER", "model")]) == [(0, 2, "PER", "model"),
                                                                               (5, 6, "LOC", "rule")]


def test_a_rule_person_or_organisation_beats_the_model_misc():
    spans = [(0, 3, "MISC", "model"), (1, 2, "ORG", "rule")]
    assert resolve_overlaps(spans) == [(1, 2, "ORG", "rule")]
    # a rule place does not: the longer model span wins
    assert resolve_overlaps([(0, 3, "MISC", "model"), (1, 2, "LOC", "rule")]) == [(0, 3, "MISC", "model")]


def test_a_rule_person_ends_where_the_model_whole_name_ends():
    # رئيس الوزراء البريطاني ديفيد كاميرون يعتزم: the title walk runs on into the verb
    assert resolve_overlaps([(3, 5, "PER", "model"), (3, 6, "PER", "rule")]) == [(3, 5, "PER", "model")]
    # وزير الدفاع سمير مقبل: the model's one word is a given name, the walk adds the family name
    assert resolve_overlaps([(2, 3, "PER", "model"), (2, 4, "PER", "rule")]) == [(2, 4, "PER", "rule")]


def test_a_model_organisation_stops_before_a_rule_person_inside_it():
    # المتحدث باسم مجلس المحافظة عيد عماش: the model's ORG runs into the name
    spans = [(0, 6, "ORG", "model"), (4, 6, "PER", "rule")]
    assert resolve_overlaps(spans) == [(0, 4, "ORG", "model"), (4, 6, "PER", "rule")]


def test_one_span_or_none():
    assert resolve_overlaps([]) == []
    assert resolve_overlaps([(0, 1, "PER", "rule")]) == [(0, 1, "PER", "rule")]


def test_new_mention_and_merged():
    a = article_of("قال أحمد إن. وقال زيد إن")
    start = a.text.index("زيد")
    m = new_mention(a, start, start + 3, "زيد", "PER", "propagation")
    assert (m.id, m.text, m.norm, m.sentence, m.source) == ("", "زيد", "زيد", 1, "propagation")
    first = Mention("m1", 4, 8, "أحمد", "PER", "احمد", sentence=0)
    assert merged([first], []) == [first]
    out = merged([first], [m])
    assert [x.id for x in out] == ["m1", "m2"] and out[1] is m
    early = new_mention(a, 0, 3, "قال", "MISC", "rule")
    assert [(x.id, x.text) for x in merged(out, [early])] == [("m1", "قال"), ("m2", "أحمد"), ("m3", "زيد")]


def test_covered_tokens():
    a = article_of("قال أحمد سالم إن زيدا وصل")
    start = a.text.index("أحمد")
    assert covered_tokens(a.token_index(), [(start, start + len("أحمد سالم"))]) == {1, 2}
    assert covered_tokens(a.token_index(), []) == set()

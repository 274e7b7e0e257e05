"""Learned role assignment: the ranker's training, the options of an event, the shipped model's choice."""
import numpy as np
import pytest

from rasid.events.linear import fit_ranker
from rasid.events.participants import role_options
from rasid.events.roles import RoleModel, null_features, option_features, shipped_roles
from rasid.lang.ar.triggers import event_lexicon
from tests.events.test_participants import LAYERS, article_with


def test_ranker_learns_which_option_is_right():
    # the right option is the one marked "good"; the others carry noise features
    rng = np.random.default_rng(0)
    groups = []
    for _ in range(200):
        n = int(rng.integers(2, 5))
        right = int(rng.integers(0, n))
        opts = [[f"noise{int(rng.integers(0, 5))}"] + (["good"] if k == right else []) for k in range(n)]
        groups.append((opts, right))
    m = fit_ranker(groups, c=1.0, min_count=1)
    assert m.classes == ["score"]
    assert m.weights["good"][0] > 1.0
    hits = sum(max(range(len(o)), key=lambda k: m.scores(o[k])[0]) == r for o, r in groups)
    assert hits == len(groups)


def test_ranker_weights_sum_to_softmax_choice_not_bias():
    m = fit_ranker([([["a"], ["b"]], 0)] * 5 + [([["a"], ["c"]], 1)] * 5, c=10.0, min_count=1)
    assert float(m.bias[0]) == 0.0
    assert m.scores(["c"])[0] > m.scores(["a"])[0] > m.scores(["b"])[0]


def _event(text, marked, trigger, type_):
    a = LAYERS(article_with(text, marked)) if marked else article_with(text, marked)
    k = next(i for i, t in enumerate(a.tokens) if a.text[t.start:t.end] == trigger)
    si = next(i for i, s in enumerate(a.sentences) if s.token_start <= k < s.token_end)
    reading = next(r for r in event_lexicon().token_readings(a.tokens[k]) if r.type == type_)
    return a, si, k, reading


def test_options_are_the_sentence_actors_with_facts_and_the_rules_role():
    a, si, k, r = _event("اعتقلت الشرطة العراقية ثلاثة مطلوبين في الموصل.", [("الموصل", "LOC")], "اعتقلت", "COERCE")
    opts = role_options(a, si, k, k + 1, r, "COERCE")
    texts = [o.participant("source").text for o in opts.options]
    assert "الشرطة العراقية" in texts and "مطلوبين" in texts
    police = opts.options[texts.index("الشرطة العراقية")]
    assert "side=R" in police.facts and "rule=source" in police.facts and "kind=descriptive" in police.facts
    wanted = opts.options[texts.index("مطلوبين")]
    assert "rule=target" in wanted.facts
    assert "type=COERCE" in opts.context and "pos=verb" in opts.context
    # every option's participant spans its own text, in either role
    for o in opts.options:
        p = o.participant("target")
        assert p.role == "target" and a.text[p.start:p.end] == p.text
    feats = option_features(opts, 0)
    assert set(opts.options[0].facts) <= set(feats) and any(f.startswith("type=COERCE|") for f in feats)
    assert "NULL" in null_features(opts)


def test_options_count_the_plain_actors_between_and_read_their_neighbours():
    # after a verb the first plain actor is its subject, the second its object (طالب X Y بـ …)
    a, si, k, r = _event("اعتقلت الشرطة العراقية ثلاثة مطلوبين في الموصل.", [("الموصل", "LOC")], "اعتقلت", "COERCE")
    opts = role_options(a, si, k, k + 1, r, "COERCE")
    texts = [o.participant("source").text for o in opts.options]
    police, wanted = (opts.options[texts.index(t)].facts for t in ("الشرطة العراقية", "مطلوبين"))
    assert "nbp=0" in police and "nbp=1" in wanted
    assert "hw=الشرطه" in police and "hw=مطلوبين" in wanted       # a descriptive actor's first word
    assert "nextw=ثلاثه" in police and "nextv=False" in police and "nextw=في" in wanted
    assert not any(f.startswith("gapw=") for f in police)          # right after the trigger: no gap
    assert "gapw=" + a.token_index().stems[k + 1] in wanted       # the word after the trigger, on its side


def test_a_country_after_a_locative_preposition_is_an_option_marked_where():
    # mostly where an event happens, but a party in اتفاق بين إيران و… or مساعدات من السعودية إلى اليمن:
    # the ranker weighs it
    a, si, k, r = _event("بدأ نقل مساعدات إنسانية من السعودية إلى اليمن أمس.",
                         [("السعودية", "LOC"), ("اليمن", "LOC")], "مساعدات", "AID")
    opts = role_options(a, si, k, k + 1, r, "AID")
    facts = {o.participant("source").text: o.facts for o in opts.options}
    assert "where" in facts["السعودية"] and "prep=من" in facts["السعودية"]
    assert "where" in facts["اليمن"]


def test_a_word_that_starts_an_actor_phrase_is_a_weak_option_not_a_rule_actor():
    # اللجنة alone is no actor by rule (too vague), but the party of many events: the ranker weighs it
    a, si, k, r = _event("وطالبت اللجنة الحكومة بتقديم الدعم.", [], "وطالبت", "REQUEST")
    opts = role_options(a, si, k, k + 1, r, "REQUEST")
    facts = {o.participant("source").text: o.facts for o in opts.options}
    assert "اللجنة" in facts and "weak" in facts["اللجنة"]
    from rasid.events.participants import find_participants

    assert all(p.text != "اللجنة" for p in find_participants(a, si, k, k + 1, r, "REQUEST"))


def test_choose_takes_the_best_pair_of_different_options():
    from rasid.events.linear import LinearModel

    a, si, k, r = _event("اعتقلت الشرطة العراقية ثلاثة مطلوبين في الموصل.", [("الموصل", "LOC")], "اعتقلت", "COERCE")
    opts = role_options(a, si, k, k + 1, r, "COERCE")
    # a model that wants the same option (the rules' source) in both roles must give it one role only
    m = RoleModel(LinearModel(["source", "target"], [0, 0], {"rule=source": [5.0, 4.0], "NULL": [0.0, 1.0]}))
    src, tgt = m.choose(opts)
    assert src is not None and "rule=source" in opts.options[src].facts
    assert tgt is None or tgt != src
    nobody = RoleModel(LinearModel(["source", "target"], [0, 0], {"NULL": [9.0, 9.0]}))
    assert nobody.choose(opts) == (None, None)


def test_one_party_margin_keeps_the_best_option_near_nobody():
    from rasid.events.linear import LinearModel

    a, si, k, r = _event("اعتقلت الشرطة العراقية ثلاثة مطلوبين في الموصل.", [("الموصل", "LOC")], "اعتقلت", "COERCE")
    opts = role_options(a, si, k, k + 1, r, "COERCE")
    # "nobody" wins both roles by 1.0 over the rules' source (as source) and by 3.0 (as target)
    weights = {"rule=source": [2.0, 0.0], "NULL": [3.0, 3.0]}
    assert RoleModel(LinearModel(["source", "target"], [0, 0], weights)).choose(opts) == (None, None)
    near = RoleModel(LinearModel(["source", "target"], [0, 0], weights, {"one_party_margin": 1.5}))
    src, tgt = near.choose(opts)
    assert tgt is None and src is not None and "rule=source" in opts.options[src].facts
    far = RoleModel(LinearModel(["source", "target"], [0, 0], weights, {"one_party_margin": 0.5}))
    assert far.choose(opts) == (None, None)


@pytest.mark.parametrize("text, marked, trigger, type_, role, expect", [
    ("اعتقلت الشرطة العراقية ثلاثة مطلوبين في الموصل.", [("الموصل", "LOC")], "اعتقلت", "COERCE", "source", "الشرطة العراقية"),
    ("قُتل جنديان عراقيان في بغداد أمس.", [("بغداد", "LOC")], "قُتل", "ASSAULT", "target", "جنديان"),
])
def test_shipped_model_on_plain_sentences(text, marked, trigger, type_, role, expect):
    a, si, k, r = _event(text, marked, trigger, type_)
    got = {p.role: p for p in shipped_roles().assign(a, si, k, k + 1, r, type_)}
    assert role in got and got[role].text.startswith(expect)
    assert all(p.text != "بغداد" for p in got.values())      # the model does not take a place after في


def test_row_scoring_equals_string_scoring():
    a, si, k, r = _event("اعتقلت الشرطة العراقية ثلاثة مطلوبين في الموصل.", [("الموصل", "LOC")], "اعتقلت", "COERCE")
    opts = role_options(a, si, k, k + 1, r, "COERCE")
    model = shipped_roles()
    for j in range(len(opts.options)):
        want = model.model.partial(option_features(opts, j)).tolist()
        got = model._option_scores(opts, j)
        assert got == pytest.approx(want, abs=1e-9)

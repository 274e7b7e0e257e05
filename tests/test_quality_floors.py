"""The quality floors of eval/floors.json, measured with ../shared/eval/score.py on the gold cases
(the session's ``scorer``, tests/conftest.py: each case is extracted once per run)."""
import json

import pytest

from tests.util import ROOT, shared_path

FLOORS = json.loads((ROOT / "eval" / "floors.json").read_text("utf-8"))


def value(total: dict, metric: str) -> float:
    got = total[metric]
    return got["f1"] if isinstance(got, dict) else got


@pytest.mark.shared
@pytest.mark.parametrize("cases,metric", [pytest.param(c, m, marks=[pytest.mark.slow] if c == "all" else [])
                                          for c in ("seed", "all") for m in FLOORS[c]])
def test_floor(scorer, cases, metric):
    total = scorer.total(["seed"] if cases == "seed" else scorer.cases)
    assert total["errors"] == 0
    assert value(total, metric) >= FLOORS[cases][metric], f"{cases} {metric}: {total}"


@pytest.mark.shared
def test_ner_floor_on_the_standard_benchmark():
    test = shared_path("data", "ner", "cleananercorp", "cleananercorp_TEST.txt")
    from rasid.ner import evaluate, load_tagger, read_conll

    tagger = load_tagger()
    sentences = read_conll(test)
    scores = evaluate([g for _, g in sentences], tagger.tag_document([t for t, _ in sentences]),
                      types=["PER", "LOC", "ORG"])
    assert scores["micro"].f1 >= FLOORS["ner_cleananercorp_test_micro_f1"]


@pytest.mark.shared
def test_event_floors_on_the_own_corpus_dev_split():
    shared_path("data", "corpus", "saudinewsnet")          # skips without the corpus
    from rasid.train.events import score_product

    res = score_product("dev")
    floors = FLOORS["events_own_dev"]
    assert res["type_micro"]["F1"] >= floors["type_f1"], res["type_micro"]
    assert res["full_event"]["F1"] >= floors["full_event_f1"], res["full_event"]
    assert res["realis_accuracy"] >= floors["realis_accuracy"], res["realis_accuracy"]


def test_learned_roles_hold_their_floor_on_the_own_dev_split():
    from rasid.train.participants_eval import own

    res = own("dev")
    assert res["role_acc"] >= FLOORS["events_own_dev"]["role_accuracy"], res

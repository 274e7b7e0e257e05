"""The quality floors of eval/floors.json, measured with ../shared/eval/score.py on the gold cases."""
import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from tests.util import ROOT, shared_path

FLOORS = json.loads((ROOT / "eval" / "floors.json").read_text("utf-8"))
RASID = Path(sys.executable).with_name("rasid")


@cache
def score(cases: str) -> dict:
    folder = shared_path("eval", "cases") if cases == "all" else shared_path("eval", "cases", cases)
    proc = subprocess.run([sys.executable, str(shared_path("eval", "score.py")), str(folder), "--json",
                           "--cmd", f"{RASID} extract --format json --no-tokens --quiet"],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)["total"]


def value(total: dict, metric: str) -> float:
    got = total[metric]
    return got["f1"] if isinstance(got, dict) else got


@pytest.mark.shared
@pytest.mark.parametrize("cases,metric", [(c, m) for c in ("seed", "all") for m in FLOORS[c]])
def test_floor(cases, metric):
    total = score(cases)
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

"""The actor-evidence trainer's bookkeeping (rasid.train.actor_evidence) and the candidate corpus
(rasid.train.actor_corpus): scores, agreement, stored references."""
import json

from rasid.train import actor_corpus
from rasid.train.actor_evidence import score


def test_score_counts_junk_admitted_and_real_refused():
    s = score([True, True, False, False, True], ["junk", "somebody", "somebody", "junk", "somebody"])
    assert (s["admitted"], s["junk_admitted"], s["real_refused"]) == (3, 1, 1)
    assert s["real_recall"] == round(2 / 3, 3) and s["junk_caught"] == 0.5
    assert s["cost"] == 1 * 3.0 + 1


def test_kappa():
    assert actor_corpus.kappa(["a", "b", "a"], ["a", "b", "a"]) == 1.0
    assert actor_corpus.kappa(["a", "b"], ["b", "a"]) < 0


def test_the_stored_corpus_is_references_with_every_candidate_labelled():
    rows = actor_corpus.load_sample()
    assert rows, "rasid/train/data/actors/sample.jsonl is shipped"
    assert set(rows[0]) >= {"cid", "file", "url", "start", "end", "sha1", "split", "type"}
    assert not any("name" in r or "text" in r for r in rows)          # no corpus text copied
    lab = actor_corpus.labels()
    assert {r["cid"] for r in rows} == set(lab)
    assert {v["label"] for v in lab.values()} <= set(actor_corpus.LABEL_SET)
    with open(actor_corpus.SAMPLE, encoding="utf-8") as fh:
        reserved_free = [json.loads(line)["url"] for line in fh]
    from rasid.train.event_corpus import RESERVED, reserved_urls
    if RESERVED.exists():
        assert not set(reserved_free) & reserved_urls()

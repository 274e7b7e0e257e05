import io

import pytest

from rasid.ner.conll import normalize_tag, parse_conll, read_conll, write_conll
from rasid.ner.evaluate import chunks, evaluate, report


def test_parse_conll_sentences_and_pers_alias():
    text = "فرانكفورت B-LOC\n(د B-ORG\nب I-ORG\n\n\nقال O\nعمرو B-PERS\nموسى I-PERS\n"
    sents = list(parse_conll(io.StringIO(text)))
    assert sents == [(["فرانكفورت", "(د", "ب"], ["B-LOC", "B-ORG", "I-ORG"]),
                     (["قال", "عمرو", "موسى"], ["O", "B-PER", "I-PER"])]
    raw = list(parse_conll(io.StringIO(text), map_types=False))
    assert raw[1][1] == ["O", "B-PERS", "I-PERS"]


def test_read_write_roundtrip(tmp_path):
    p = tmp_path / "x.txt"
    p.write_text("\ufeffأ O\nب B-LOC\n\nج I-MISC\n", encoding="utf-8")
    sents = read_conll(p)
    assert sents == [(["أ", "ب"], ["O", "B-LOC"]), (["ج"], ["I-MISC"])]
    out = io.StringIO()
    write_conll(out, [(t, g, g) for t, g in sents])
    assert out.getvalue() == "أ O O\nب B-LOC B-LOC\n\nج I-MISC I-MISC\n\n"


def test_normalize_tag():
    assert normalize_tag("B-PERS") == "B-PER"
    assert normalize_tag("I-LOC") == "I-LOC"
    assert normalize_tag("O") == "O"


def test_chunks_conlleval_rules():
    tags = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG", "B-PER"]
    assert chunks(tags) == [(0, 2, "PER"), (3, 5, "LOC"), (5, 6, "LOC"), (6, 7, "ORG"), (7, 8, "PER")]
    assert chunks([]) == []
    assert chunks(["O", "O"]) == []


def test_evaluate_hand_computed():
    # gold: PER(0,2) LOC(3,4) ORG(5,7) | LOC(0,1)            -> 4 gold chunks
    # pred: PER(0,2) LOC(3,4) ORG(5,6) | PER(0,1) ; MISC(2,3) -> 5 predicted chunks
    gold = [["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG"], ["B-LOC", "O", "O"]]
    pred = [["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "O"], ["B-PER", "O", "B-MISC"]]
    s = evaluate(gold, pred)
    # correct: PER(0,2), LOC(3,4) -> tp=2; P = 2/5, R = 2/4, F1 = 2*0.4*0.5/0.9
    assert (s["micro"].tp, s["micro"].n_pred, s["micro"].n_gold) == (2, 5, 4)
    assert s["micro"].precision == pytest.approx(0.4)
    assert s["micro"].recall == pytest.approx(0.5)
    assert s["micro"].f1 == pytest.approx(0.8 * 0.5 / 0.9)
    assert s["PER"].precision == pytest.approx(0.5) and s["PER"].recall == pytest.approx(1.0)
    assert s["LOC"].recall == pytest.approx(0.5) and s["LOC"].precision == pytest.approx(1.0)
    assert s["ORG"].f1 == 0.0
    assert s["MISC"].n_pred == 1 and s["MISC"].n_gold == 0
    # restricted to PER/LOC/ORG: the MISC prediction no longer counts
    s3 = evaluate(gold, pred, types=("PER", "LOC", "ORG"))
    assert "MISC" not in s3
    assert (s3["micro"].tp, s3["micro"].n_pred, s3["micro"].n_gold) == (2, 4, 4)
    assert "micro" in report(s3)


def test_evaluate_length_mismatch():
    with pytest.raises(ValueError):
        evaluate([["O", "O"]], [["O"]])

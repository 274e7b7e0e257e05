"""The shipped model loads, tags a hand-made sentence and stays small."""
from pathlib import Path

import pytest

from rasid.ner import MODEL_DIR, chunks, load_tagger, tag, tag_document

pytestmark = pytest.mark.skipif(not any((Path(MODEL_DIR) / f).exists() for f in ("ner1.crfsuite", "ner1.crfsuite.gz")),
                                reason="model not built (python -m rasid.train.ner)")


def test_model_files_small():
    """Every shipped model and index together (rasid/models/*) stays under 20 MB."""
    total = sum(p.stat().st_size for p in Path(MODEL_DIR).parent.rglob("*") if p.is_file())
    assert total < 20_000_000


def test_tags_a_person():
    toks = ["وقال", "الرئيس", "المصري", "حسني", "مبارك", "في", "القاهرة", "إن", "الوضع", "خطير", "."]
    tags = tag(toks)
    assert len(tags) == len(toks)
    assert all(t == "O" or t[:2] in ("B-", "I-") for t in tags)
    ents = {(a, b, t) for a, b, t in chunks(tags)}
    assert (3, 5, "PER") in ents
    assert (6, 7, "LOC") in ents
    assert set(load_tagger().entities(toks)) == ents


def test_tag_document_and_empty():
    tg = load_tagger()
    assert tg.tag([]) == []
    doc = [["التقى", "وزير", "الخارجية", "الأمريكي", "كولن", "باول", "في", "بغداد", "."],
           ["وقال", "باول", "إن", "المحادثات", "كانت", "مثمرة", "."]]
    out = tag_document(doc)
    assert [len(x) for x in out] == [9, 7]
    assert out[1][1] == "B-PER"
    assert load_tagger() is tg  # cached

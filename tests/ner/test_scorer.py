"""The shipped tagger scores exactly as crfsuite on the reference features of rasid.ner.features."""
import gzip
from pathlib import Path

import pytest

from rasid.ner import MODEL_DIR
from rasid.ner.conll import read_conll
from rasid.ner.features import second_pass_features
from rasid.ner.tagger import NerTagger

TEST_SET = Path(__file__).resolve().parents[3] / "shared" / "data" / "ner" / "cleananercorp" / "cleananercorp_TEST.txt"
pytestmark = pytest.mark.skipif(not (Path(MODEL_DIR) / "ner2.crfsuite.gz").exists(), reason="model not built")


def _crfsuite(name):
    pycrfsuite = pytest.importorskip("pycrfsuite")
    tagger = pycrfsuite.Tagger()
    data = gzip.decompress((Path(MODEL_DIR) / (name + ".gz")).read_bytes())
    tagger.open_inmemory(data)
    return tagger, data        # the bytes must outlive the tagger


def reference(tg: NerTagger, doc):
    """Both passes through crfsuite on the training-time features."""
    c1, _d1 = _crfsuite("ner1.crfsuite")
    c2, _d2 = _crfsuite("ner2.crfsuite")
    fx = tg.extractor
    base = [fx.sent_features(s) for s in doc]
    first = [c1.tag(b) if b else [] for b in base]
    feats = second_pass_features(fx, doc, first, tg.entity_dict, window=tg.window, base=base)
    return first, [c2.tag(f) if f else [] for f in feats]


def _documents():
    if not TEST_SET.exists():
        pytest.skip("CleanANERCorp is not in ../shared/data")
    sents = [s for s, _ in read_conll(TEST_SET)]
    # documents of 60 sentences (longer than the consistency window of 20 either side), and one with an empty sentence
    docs = [sents[i:i + 60] for i in range(0, 600, 60)]
    docs.append(sents[:3] + [[]] + sents[3:6])
    return docs


def test_same_tags_as_crfsuite_on_cleananercorp():
    tg = NerTagger()
    for doc in _documents():
        first, second = reference(tg, doc)
        assert [tg.first_pass(s) for s in doc] == first
        assert tg.tag_document(doc) == second


def test_word_table_starting_again_changes_nothing():
    """A table that fills up and starts again (bounded memory) gives the same tags."""
    docs = _documents()[:3]
    tg = NerTagger()
    want = [tg.tag_document(d) for d in docs]
    small = NerTagger()
    base = small.words.base                     # the commonest words, summed beforehand: never dropped
    base_words, base_rows = list(small.words.words[:base]), small.words.table[:base].copy()
    small.words.max_words = base + 300
    assert [small.tag_document(d) for d in docs] == want
    assert len(small.words.ids) <= base + 300 + max(len({t for s in d for t in s}) for d in docs)
    assert small.words.words[:base] == base_words and (small.words.table[:base] == base_rows).all()


def test_a_table_with_base_rows_tags_as_one_without():
    docs = _documents()[:3]
    tg = NerTagger()
    assert tg.words.base > 0                   # the shipped model's cache holds them
    want = [tg.tag_document(d) for d in docs]
    bare = NerTagger(extractor=tg.extractor)   # built from the files, no cache, no base rows
    assert bare.words.base == 0
    assert [bare.tag_document(d) for d in docs] == want

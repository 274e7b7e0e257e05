"""rasid.ner.crf: the crfsuite model reader and the batched Viterbi decoder."""
import gzip
import itertools
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasid.ner import MODEL_DIR
from rasid.ner.crf import ModelFormatError, read_model, viterbi

MODEL1 = Path(MODEL_DIR) / "ner1.crfsuite.gz"


@pytest.mark.skipif(not MODEL1.exists(), reason="model not built")
def test_reader_matches_crfsuite_weights():
    """Every state and transition weight crfsuite reports is read as it is (crfsuite prints 6 decimals)."""
    pycrfsuite = pytest.importorskip("pycrfsuite")
    data = gzip.decompress(MODEL1.read_bytes())
    model = read_model(data)
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(data)
    info = tagger.info()
    assert model.labels == tagger.labels()
    index = {a: i for i, a in enumerate(model.attributes)}
    label = {lab: i for i, lab in enumerate(model.labels)}
    assert np.count_nonzero(model.state) == len(info.state_features)
    for (attr, lab), w in info.state_features.items():
        assert model.state[index[attr], label[lab]] == pytest.approx(w, abs=1e-6)
    for (a, b), w in info.transitions.items():
        assert model.trans[label[a], label[b]] == pytest.approx(w, abs=1e-6)


@pytest.mark.parametrize("data", [b"", b"lCRF" + bytes(60), b"not a model at all" * 10])
def test_reader_rejects_other_bytes(data):
    with pytest.raises(ModelFormatError):
        read_model(data)


def _brute_force(em: np.ndarray, trans: np.ndarray) -> list[int]:
    """The best path by enumeration; ties go to the path crfsuite keeps (compared label by label from the end)."""
    best, best_path = None, None
    n, L = em.shape
    for path in itertools.product(range(L), repeat=n):
        s = em[0, path[0]] + sum(trans[path[t - 1], path[t]] + em[t, path[t]] for t in range(1, n))
        if best is None or s > best + 1e-9:
            best, best_path = s, path
    return list(best_path)


@settings(max_examples=60, deadline=None)
@given(lengths=st.lists(st.integers(0, 4), min_size=1, max_size=4), seed=st.integers(0, 10_000))
def test_viterbi_finds_the_best_path_of_each_sentence(lengths, seed):
    rng = np.random.default_rng(seed)
    L = 3
    em = rng.normal(size=(sum(lengths), L))
    trans = rng.normal(size=(L, L))
    bounds, n = [], 0
    for k in lengths:
        bounds.append((n, n + k))
        n += k
    out = viterbi(em, bounds, trans)
    for a, b in bounds:
        if b > a:
            assert list(out[a:b]) == _brute_force(em[a:b], trans)


def test_viterbi_uses_transitions():
    """Equal emissions: the transitions alone decide, and a tie goes to the first label."""
    em = np.zeros((3, 2))
    trans = np.array([[0.0, 1.0], [1.0, 0.0]])      # alternate
    assert list(viterbi(em, [(0, 3)], trans)) in ([0, 1, 0], [1, 0, 1])
    assert list(viterbi(np.zeros((1, 2)), [(0, 1)], trans)) == [0]

"""rasid.ner.consistency gives each token the consistency features of the reference
(rasid.ner.features.context_features), ties between types included."""
from collections import Counter

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from rasid.ner.consistency import TYPE_ID, consistency_codes, consistency_features
from rasid.ner.features import FeatureExtractor, context_features

STEMS = ["ا", "سعد", "الرياض", "مجلس", "عمر"]          # one short stem: never counted
TAGS = ["O", "B-PER", "I-PER", "B-LOC", "B-ORG", "I-ORG", "B-MISC"]


def _ours(sents, tags, window):
    flat = [w for s in sents for w in s]
    stem_ids = np.array([STEMS.index(w) for w in flat])
    types = np.array([TYPE_ID[t[2:] if len(t) > 2 else "O"] for s in tags for t in s])
    sentence = np.repeat(np.arange(len(sents)), [len(s) for s in sents])
    eligible = np.array([len(w) >= 2 for w in flat], dtype=bool)
    codes = consistency_codes(stem_ids, types, sentence, len(sents), window, eligible)
    out, k = [], 0
    for s in sents:
        out.append([Counter(consistency_features(int(c))) for c in codes[k:k + len(s)]])
        k += len(s)
    return out


@settings(max_examples=200, deadline=None)
@given(data=st.data(), window=st.integers(0, 3))
def test_same_features_as_the_reference(data, window):
    lengths = data.draw(st.lists(st.integers(0, 5), min_size=1, max_size=8))
    sents = [data.draw(st.lists(st.sampled_from(STEMS), min_size=n, max_size=n)) for n in lengths]
    tags = [data.draw(st.lists(st.sampled_from(TAGS), min_size=n, max_size=n)) for n in lengths]
    fx = FeatureExtractor()          # no clusters or vocabulary: a word is its own stem
    want = [[Counter(f[1:]) for f in s] for s in context_features(fx, sents, tags, window=window)]
    assert _ours(sents, tags, window) == want


def test_tie_goes_to_the_type_seen_first():
    sents = [["سعد"], ["سعد"], ["سعد"]]
    tags = [["B-LOC"], ["B-PER"], ["O"]]
    got = _ours(sents, tags, window=5)
    assert got[2][0] == Counter(["dc=LOC", "dc=PER", "dcmaj=LOC+", "fpdc=O|LOC+"])   # 1 of 2: half

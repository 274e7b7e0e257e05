"""Emission scores of the two-pass NER model, computed per distinct word.

The reference features (:mod:`rasid.ner.features`, used to train) give every
token a list of strings: its own word features, its neighbours' features
prefixed ``-2 -1 +1 +2``, a few pair features, gazetteer and dictionary marks,
and in the second pass the first pass's tags and document consistency.  A
CRF's emission score is the sum of the weight rows of those strings, so the
part that depends on one word only is summed once per distinct word and
offset and kept in a table (:class:`WordTable`); a token's score is then five
table rows plus the few strings that depend on its pair of words or on the
first pass.  The scores equal crfsuite's on the same features (a test tags
CleanANERCorp TEST both ways) and :func:`rasid.ner.crf.viterbi` decodes them.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from rasid.ner.crf import CrfModel
from rasid.ner.features import FeatureExtractor, _cl1

OFFSETS = 5            # table slots: own, as the word before (-1), two before (-2), after (+1), two after (+2)
# features of two neighbouring words (j, j+1): attribute prefix, which word's key is on each side
# ("stem" or the middle cluster "cl1"), and whether the feature belongs to the right word
PAIRS = (("-1|0s=", ("stem", "stem"), True), ("0|+1s=", ("stem", "stem"), False),
         ("-1s|c=", ("stem", "cl1"), True), ("c|+1s=", ("cl1", "stem"), False))
# flag bits of a word: 2f = may be the left key of family f, 2f+1 = the right key; then
# whether its stem may begin a multi-word gazetteer entry or an entity-dictionary entry
MAY_BEGIN_GAZ = 1 << (2 * len(PAIRS))
MAY_BEGIN_DICT = MAY_BEGIN_GAZ << 1


class Weights:
    """The state weights of one or two models over one attribute index, label columns aligned."""

    def __init__(self, models: Sequence[CrfModel]):
        self.labels = list(models[0].labels)
        index: dict[str, int] = {}
        for m in models:
            for a in m.attributes:
                index.setdefault(a, len(index))
        self.index = index
        self.matrices = []
        for m in models:
            order = [m.labels.index(lab) for lab in self.labels]
            w = np.zeros((len(index) + 1, len(self.labels)))       # the last row stays zero
            rows = np.fromiter((index[a] for a in m.attributes), dtype=np.intp, count=len(m.attributes))
            w[rows] = m.state[:, order]
            self.matrices.append(w)
        self.transitions = [m.trans[np.ix_([m.labels.index(lab) for lab in self.labels],
                                           [m.labels.index(lab) for lab in self.labels])] for m in models]
        # the left and right keys that occur in some pair attribute, per family
        self.pair_sides: list[tuple[set, set]] = [(set(), set()) for _ in PAIRS]
        for attr in index:
            for f, (prefix, _, _) in enumerate(PAIRS):
                if attr.startswith(prefix):
                    left, right = self.pair_sides[f]
                    rest = attr[len(prefix):]
                    for cut in range(len(rest)):       # every split at a "|": a key may hold one
                        if rest[cut] == "|":
                            left.add(rest[:cut])
                            right.add(rest[cut + 1:])

    def rows(self, attrs: Sequence[str]) -> list[int]:
        """Rows of the attributes some model knows (a repeated attribute counts again, as in crfsuite)."""
        get = self.index.get
        return [r for r in map(get, attrs) if r is not None]

    def row(self, attr: str) -> np.ndarray:
        """Each model's weights of one attribute, stacked (zeros where it is unknown)."""
        r = self.index.get(attr, len(self.index))
        return np.stack([w[r] for w in self.matrices])


class WordTable:
    """Per distinct token: its stem, middle cluster id, and each model's summed weights of its
    word features at each offset.  Bounded: it starts again when ``max_words`` is reached."""

    def __init__(self, extractor: FeatureExtractor, weights: Weights, max_words: int = 100_000,
                 gaz_first: frozenset = frozenset(), dict_first: frozenset = frozenset()):
        self.fx = extractor
        self.weights = weights
        self.gaz_first = gaz_first
        self.dict_first = dict_first
        self.max_words = max_words
        n_models, n_labels = len(weights.matrices), len(weights.labels)
        self._shape = (n_models, OFFSETS, n_labels)
        self._clear(1024)

    def _clear(self, capacity: int) -> None:
        self.ids: dict[str, int] = {}
        self.stems: list[str] = []
        self.cl1: list[str] = []
        self.table = np.zeros((capacity,) + self._shape)
        self.flags = np.zeros(capacity, dtype=np.int64)

    def lookup(self, tokens: Sequence[str]) -> list[int]:
        """Row ids of the tokens, adding the words not seen yet."""
        ids = self.ids
        new = {t for t in tokens if t not in ids}
        if new:
            if len(ids) + len(new) > self.max_words:
                self._clear(len(self.table))    # one text's own words are all kept, even past the bound
                ids = self.ids
                new = set(tokens)
            self._add(sorted(new))
        return [ids[t] for t in tokens]

    def _add(self, words: list[str]) -> None:
        start = len(self.stems)
        need = start + len(words)
        if need > len(self.table):
            grown = np.zeros((max(need, 2 * len(self.table)),) + self._shape)
            grown[:start] = self.table[:start]
            self.table = grown
            self.flags = np.concatenate([self.flags[:start], np.zeros(len(grown) - start, dtype=np.int64)])
        fx, rows = self.fx, self.weights.rows
        # every (word, model, offset) block is the sum of its attribute rows: gather them all, then one add
        at, take = [], []
        for k, tok in enumerate(words, start):
            own, ctx, st = fx.compute_word_features(tok)
            self.ids[tok] = k
            self.stems.append(st)
            self.cl1.append(_cl1(ctx))
            self.flags[k] = self._flags(st, self.cl1[-1])
            near = ctx[:2]
            if fx.ctx2_gaz:
                near = near + [x for x in ctx if x[0] == "g"]
            for slot, attrs in enumerate((own, ["-1" + x for x in ctx], ["-2" + x for x in near],
                                          ["+1" + x for x in ctx], ["+2" + x for x in near])):
                r = rows(attrs)
                take.extend(r)
                at.extend([(k - start) * OFFSETS + slot] * len(r))
        if take:
            n_labels = self._shape[2]
            at_, take_ = np.array(at, dtype=np.intp), np.array(take, dtype=np.intp)
            for m, w in enumerate(self.weights.matrices):
                block = np.zeros((len(words) * OFFSETS, n_labels))
                np.add.at(block, at_, w[take_])
                self.table[start:need, m] = block.reshape(len(words), OFFSETS, n_labels)


    def _flags(self, stem: str, cl1: str) -> int:
        keys = {"stem": stem, "cl1": cl1}
        flags = 0
        for f, (_, (left, right), _) in enumerate(PAIRS):
            lefts, rights = self.weights.pair_sides[f]
            if keys[left] in lefts:
                flags |= 1 << (2 * f)
            if keys[right] in rights:
                flags |= 1 << (2 * f + 1)
        if stem in self.gaz_first:
            flags |= MAY_BEGIN_GAZ
        if stem in self.dict_first:
            flags |= MAY_BEGIN_DICT
        return flags


def positions(bounds: Sequence[tuple[int, int]], n: int) -> tuple[np.ndarray, np.ndarray]:
    """Each token's index inside its sentence and the number of tokens after it there."""
    pos = np.zeros(n, dtype=np.intp)
    after = np.zeros(n, dtype=np.intp)
    for a, b in bounds:
        pos[a:b] = np.arange(b - a)
        after[a:b] = np.arange(b - a - 1, -1, -1)
    return pos, after


def word_scores(table: np.ndarray, model: int, ids: np.ndarray, pos: np.ndarray,
                after: np.ndarray) -> np.ndarray:
    """Each token's own row plus its neighbours' rows at their offsets, within the sentence."""
    t = table[:, model]
    scores = t[ids, 0].copy()
    for slot, shift, ok in ((1, -1, pos >= 1), (2, -2, pos >= 2), (3, 1, after >= 1), (4, 2, after >= 2)):
        at = np.flatnonzero(ok)
        scores[at] += t[ids[at + shift], slot]
    return scores


def add_rows(scores: np.ndarray, weights: np.ndarray, at: list[int], rows: list[int]) -> None:
    """scores[at[k]] += weights[rows[k]] for every k (an index may repeat)."""
    if rows:
        np.add.at(scores, np.array(at, dtype=np.intp), weights[np.array(rows, dtype=np.intp)])

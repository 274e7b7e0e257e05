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

from itertools import repeat
from typing import Sequence

import numpy as np

from rasid.ner.crf import CrfModel
from rasid.ner.features import FeatureExtractor, middle_cluster

OFFSETS = 5            # table slots: own, as the word before (-1), two before (-2), after (+1), two after (+2)
# features of two neighbouring words (j, j+1): attribute prefix, which word's key is on each side
# ("stem" or the middle cluster "cl1"), and whether the feature belongs to the right word
PAIRS = (("-1|0s=", ("stem", "stem"), True), ("0|+1s=", ("stem", "stem"), False),
         ("-1s|c=", ("stem", "cl1"), True), ("c|+1s=", ("cl1", "stem"), False))
KEY_SHIFT = 1 << 32     # a pair's code: left key id * KEY_SHIFT + right key id
# flag bits of a word: may its stem begin a multi-word gazetteer entry, an entity-dictionary entry;
# is its stem two letters or more (counted for document consistency)
MAY_BEGIN_GAZ, MAY_BEGIN_DICT, LONG_STEM = 1, 2, 4


class Weights:
    """The state weights of one or two models over one attribute index, label columns aligned."""

    def __init__(self, models: Sequence[CrfModel]):
        self.labels = list(models[0].labels)
        index: dict[str, int] = {}
        for m in models:
            for a in m.attributes:
                index.setdefault(a, len(index))
        self.index = index
        self.zero = len(index)         # a row of zeros in every matrix: the row of unknown attributes
        n_labels = len(self.labels)
        # every model's weights of an attribute side by side; the last row stays zero
        self.stacked = np.zeros((len(index) + 1, len(models) * n_labels))
        self.matrices = []                          # per model, a view of its columns
        for k, m in enumerate(models):
            order = [m.labels.index(lab) for lab in self.labels]
            rows = np.fromiter((index[a] for a in m.attributes), dtype=np.intp, count=len(m.attributes))
            w = self.stacked[:, k * n_labels:(k + 1) * n_labels]
            w[rows] = m.state[:, order]
            self.matrices.append(w)
        self.transitions = [m.trans[np.ix_([m.labels.index(lab) for lab in self.labels],
                                           [m.labels.index(lab) for lab in self.labels])] for m in models]
        # pair attributes as sorted integer codes of their (left key, right key), per family
        self.key_ids: dict[str, dict[str, int]] = {"stem": {}, "cl1": {}}
        found: list[tuple[list[int], list[int]]] = [([], []) for _ in PAIRS]
        for attr, row in index.items():
            for f, (prefix, (left, right), _) in enumerate(PAIRS):
                if not attr.startswith(prefix):
                    continue
                rest = attr[len(prefix):]
                for cut in range(len(rest)):    # every split at a "|" (a key may hold one): each
                    if rest[cut] == "|":        # gives back the same string, so each may match
                        lid = self.key_ids[left].setdefault(rest[:cut], len(self.key_ids[left]))
                        rid = self.key_ids[right].setdefault(rest[cut + 1:], len(self.key_ids[right]))
                        found[f][0].append(lid * KEY_SHIFT + rid)
                        found[f][1].append(row)
        self.pair_tables = []
        for codes, rows in found:
            codes_, rows_ = np.array(codes, dtype=np.int64), np.array(rows, dtype=np.intp)
            order = np.argsort(codes_, kind="stable")
            self.pair_tables.append((codes_[order], rows_[order]))

    def pair_rows(self, family: int, left: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(which of the pairs, attribute row) for the pairs of key ids (-1: a key no attribute has)
        that name an attribute of ``PAIRS[family]``."""
        codes, rows = self.pair_tables[family]
        ok = np.flatnonzero((left >= 0) & (right >= 0))
        if not len(codes) or not len(ok):
            return ok[:0], ok[:0]
        query = left[ok] * KEY_SHIFT + right[ok]
        at = np.minimum(np.searchsorted(codes, query), len(codes) - 1)
        hit = codes[at] == query
        return ok[hit], rows[at[hit]]

    def rows(self, attrs: Sequence[str]) -> list[int]:
        """Rows of the attributes some model knows (a repeated attribute counts again, as in crfsuite)."""
        get = self.index.get
        return [r for r in map(get, attrs) if r is not None]

    def row(self, attr: str) -> np.ndarray:
        """Each model's weights of one attribute, stacked (zeros where it is unknown)."""
        r = self.index.get(attr, len(self.index))
        return np.stack([w[r] for w in self.matrices])


class _NeighbourRows(dict):
    """feature -> rows of ``-1`` + feature, ``-2`` + ..., ``+1`` + ..., ``+2`` + ... (the zero row if
    unknown), made on first use; cleared past 200,000 features."""

    def __init__(self, weights: "Weights"):
        super().__init__()
        self.weights = weights

    def __missing__(self, feature: str) -> tuple[int, int, int, int]:
        if len(self) >= 200_000:
            self.clear()
        get, zero = self.weights.index.get, self.weights.zero
        got = self[feature] = tuple(get(p + feature, zero) for p in ("-1", "-2", "+1", "+2"))
        return got


class WordTable:
    """Per distinct token: its stem, middle cluster id, flags, and each model's summed weights of
    its word features at each offset (``table[row, model, slot]``).

    Bounded: when ``max_words`` is reached the half of the words used in the fewest texts since
    the last time is dropped (news vocabulary is Zipfian: the frequent words stay).

    ``base`` (what :meth:`base_rows` of another table gave) fills the first rows with words
    summed beforehand, the commonest of the corpus (:mod:`rasid.ner.compiled` keeps them); those
    rows are never dropped, and ``max_words`` bounds the words added after them."""

    def __init__(self, extractor: FeatureExtractor, weights: Weights, max_words: int = 100_000,
                 gaz_first: frozenset = frozenset(), dict_first: frozenset = frozenset(),
                 base: dict | None = None):
        self.fx = extractor
        self.weights = weights
        self.gaz_first = gaz_first
        self.dict_first = dict_first
        n_models, n_labels = len(weights.matrices), len(weights.labels)
        self._shape = (n_models, OFFSETS, n_labels)
        self.words: list[str] = []          # row -> token
        self.stems: list[str] = []
        self.ids: dict[str, int] = {}       # token -> row
        self.stem_ids: dict[str, int] = {}  # stem -> id (this table's; ids of the stems of the rows)
        self._near = _NeighbourRows(weights)  # shared word feature -> its rows at each neighbour offset
        self.base = 0                       # rows [0, base) are never dropped
        if base is None:
            self._allocate(1024)
        else:
            self._load_base(base)
        self.max_words = self.base + max_words

    def base_rows(self) -> dict:
        """This table's words and rows, to start another table with (:meth:`__init__`'s ``base``)."""
        n = len(self.words)
        return {"words": list(self.words), "stems": list(self.stems),
                "table": self.table[:n].copy(), "flags": self.flags[:n].copy(),
                "pair_stem": self.pair_key["stem"][:n].copy(), "pair_cl1": self.pair_key["cl1"][:n].copy()}

    def _load_base(self, base: dict) -> None:
        n = len(base["words"])
        if base["table"].shape != (n,) + self._shape:
            raise ValueError(f"base rows of shape {base['table'].shape}, not {(n,) + self._shape}")
        self._allocate(n + 1024)
        self.table[:n] = base["table"]
        self.flags[:n] = base["flags"]
        self.pair_key["stem"][:n] = base["pair_stem"]
        self.pair_key["cl1"][:n] = base["pair_cl1"]
        self.words, self.stems = list(base["words"]), list(base["stems"])
        self.ids = {t: i for i, t in enumerate(self.words)}
        self.stem_of[:n] = [self.stem_ids.setdefault(st, len(self.stem_ids)) for st in self.stems]
        self.base = n

    def _allocate(self, capacity: int) -> None:
        self.table = np.zeros((capacity,) + self._shape)
        self.flags = np.zeros(capacity, dtype=np.int64)
        self.stem_of = np.zeros(capacity, dtype=np.int64)   # row -> stem id
        self.hits = np.zeros(capacity, dtype=np.int64)      # row -> texts that used it since it came or the last drop
        # row -> id of its stem and of its cluster among the keys of the pair attributes (-1: none)
        self.pair_key = {kind: np.full(capacity, -1, dtype=np.int64) for kind in ("stem", "cl1")}

    def _columns(self) -> list[np.ndarray]:
        return [self.table, self.flags, self.stem_of, self.hits, *self.pair_key.values()]

    def _grow(self, capacity: int) -> None:
        """New arrays of ``capacity`` rows holding the rows so far."""
        old, n = self._columns(), len(self.words)
        self._allocate(capacity)
        for new, was in zip(self._columns(), old):
            new[:n] = was[:n]

    def _compact(self, rows: np.ndarray) -> None:
        """Make ``rows`` (increasing) rows 0, 1, ... in place."""
        for column in self._columns():
            column[: len(rows)] = column[rows]

    def lookup(self, tokens: Sequence[str]) -> tuple[list[int], np.ndarray]:
        """Row ids of the tokens (as a list and an array), adding the words not seen yet."""
        rows = list(map(self.ids.get, tokens))
        if None in rows:
            new = {t for t, r in zip(tokens, rows) if r is None}
            if len(self.ids) + len(new) > self.max_words:
                self._drop_rare()
                new = {t for t in tokens if t not in self.ids}
            self._add(sorted(new))
            rows = list(map(self.ids.__getitem__, tokens))
        array = np.array(rows, dtype=np.intp)
        self.hits[array] += 1
        return rows, array

    def _drop_rare(self) -> None:
        """Keep the base rows and the half of the others used in the most texts (earlier rows first
        among equals)."""
        n, base = len(self.words), self.base
        added = base + np.sort(np.argsort(-self.hits[base:n], kind="stable")[: (self.max_words - base) // 2])
        keep = np.concatenate([np.arange(base), added])
        self._compact(keep)
        self.hits[: len(keep)] = 0
        kept = keep.tolist()
        self.words = [self.words[k] for k in kept]
        self.stems = [self.stems[k] for k in kept]
        self.ids = {t: i for i, t in enumerate(self.words)}
        self.stem_ids = {}
        self.stem_of[: len(kept)] = [self.stem_ids.setdefault(st, len(self.stem_ids)) for st in self.stems]

    def _add(self, words: list[str]) -> None:
        start = len(self.words)
        need = start + len(words)
        if need > len(self.table):      # double, up to the bound (one text may go past it)
            self._grow(max(need, min(2 * len(self.table), self.max_words)))
        fx, compute = self.fx, self.fx.compute_word_features
        get, zero, near = self.weights.index.get, self.weights.zero, self._near.__getitem__
        stem_ids, ids, flag_of = self.stem_ids, self.ids, self._flags
        rows: list[int] = []            # attribute rows (``zero`` if unknown) of every (word, offset) block ...
        sizes: list[int] = []           # ... block after block (none is empty: a word has own features and
        stems: list[str] = []           # at least word, stem and shape to share)
        cl1s: list[str] = []
        for k, tok in enumerate(words, start):
            own, ctx, st = compute(tok)
            ids[tok] = k
            stems.append(st)
            cl1s.append(middle_cluster(ctx))
            rows += map(get, own, repeat(zero))
            # the word seen from its neighbours: every shared feature at -1 and +1, the first two at -2 and +2
            before, before2, after, after2 = zip(*map(near, ctx))
            if fx.ctx2_gaz:
                two = [i for i, x in enumerate(ctx) if i < 2 or x[0] == "g"]
                before2, after2 = [before2[i] for i in two], [after2[i] for i in two]
            else:
                before2, after2 = before2[:2], after2[:2]
            rows += before
            rows += before2
            rows += after
            rows += after2
            sizes += (len(own), len(before), len(before2), len(after), len(after2))
        self.words += words
        self.stems += stems
        self.flags[start:need] = [flag_of(st) for st in stems]
        self.stem_of[start:need] = [stem_ids.setdefault(st, len(stem_ids)) for st in stems]
        key_stem, key_cl1 = self.weights.key_ids["stem"].get, self.weights.key_ids["cl1"].get
        self.pair_key["stem"][start:need] = [key_stem(st, -1) for st in stems]
        self.pair_key["cl1"][start:need] = [key_cl1(c, -1) for c in cl1s]
        # each block is the sum of its attributes' rows (a repeated attribute counts again, as in crfsuite),
        # for every model at once
        starts = np.zeros(len(sizes), dtype=np.intp)
        np.cumsum(sizes[:-1], out=starts[1:])
        sums = np.add.reduceat(self.weights.stacked[np.array(rows, dtype=np.intp)], starts, axis=0)
        n_models, _, n_labels = self._shape
        self.table[start:need] = sums.reshape(len(words), OFFSETS, n_models, n_labels).transpose(0, 2, 1, 3)

    def _flags(self, stem: str) -> int:
        flags = 0
        if stem in self.gaz_first:
            flags |= MAY_BEGIN_GAZ
        if stem in self.dict_first:
            flags |= MAY_BEGIN_DICT
        if len(stem) >= 2:
            flags |= LONG_STEM
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
    t = table[ids, model]                     # (tokens, slot, label): one gather
    scores = t[:, 0].copy()
    for slot, shift, ok in ((1, -1, pos >= 1), (2, -2, pos >= 2), (3, 1, after >= 1), (4, 2, after >= 2)):
        at = np.flatnonzero(ok)
        scores[at] += t[at + shift, slot]
    return scores


def add_rows(scores: np.ndarray, weights: np.ndarray, found: Sequence[tuple]) -> None:
    """scores[at[k]] += weights[rows[k]] for every (at, rows) of ``found`` and every k (an index may repeat)."""
    at = np.concatenate([np.asarray(a, dtype=np.intp) for a, _ in found])
    if len(at):
        rows = np.concatenate([np.asarray(r, dtype=np.intp) for _, r in found])
        np.add.at(scores, at, weights[rows])

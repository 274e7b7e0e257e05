"""Load the shipped NER model and tag token lists with IOB tags (PER, LOC, ORG, MISC).

    >>> from rasid.ner import load_tagger
    >>> tagger = load_tagger()
    >>> tagger.tag(["قال", "الرئيس", "باراك", "أوباما", "في", "واشنطن"])
    ['O', 'O', 'B-PER', 'I-PER', 'O', 'B-LOC']
"""
from __future__ import annotations

import gzip
import threading
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from rasid.ner.crf import read_model, viterbi
from rasid.ner.evaluate import chunks
from rasid.ner.features import FeatureExtractor, _etype, longest_match_marks
from rasid.ner.scorer import (MAY_BEGIN_DICT, MAY_BEGIN_GAZ, PAIRS, Weights, WordTable, add_rows, positions,
                              word_scores)

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "ner"
MODEL_FILE = "ner1.crfsuite"      # first pass (sentence features)
MODEL2_FILE = "ner2.crfsuite"     # second pass (+ document consistency, entity dictionary)
ENTDICT_FILE = "entities.tsv.gz"  # stems of entity spans seen in the training data
CLUSTER_FILE = "clusters.tsv.gz"
GAZ_FILE = "gazetteer.tsv.gz"


def load_clusters(path: str | Path) -> tuple[dict, dict]:
    """clusters.tsv.gz → (word → cluster-id tuple, word → corpus count)."""
    clusters, vocab = {}, {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            clusters[parts[0]] = tuple(parts[2:])
            vocab[parts[0]] = int(parts[1])
    return clusters, vocab


def load_gazetteer(path: str | Path) -> tuple[dict, dict]:
    """gazetteer.tsv.gz → (word → type letters, tuple(stems) → type letter)."""
    single, multi = {}, {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            key, _, typ = line.rstrip("\n").partition("\t")
            if " " in key:
                multi[tuple(key.split(" "))] = typ
            else:
                single[key] = typ
    return single, multi


def load_entities(path: str | Path) -> dict:
    """entities.tsv.gz → tuple(stems) → type."""
    out = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            key, _, typ = line.rstrip("\n").partition("\t")
            out[tuple(key.split(" "))] = typ
    return out


def load_extractor(model_dir: str | Path = MODEL_DIR) -> FeatureExtractor:
    """The feature extractor with the clusters and gazetteers stored in ``model_dir``."""
    d = Path(model_dir)
    clusters, vocab = load_clusters(d / CLUSTER_FILE) if (d / CLUSTER_FILE).exists() else ({}, None)
    single, multi = load_gazetteer(d / GAZ_FILE) if (d / GAZ_FILE).exists() else ({}, {})
    return FeatureExtractor(clusters=clusters, gaz=single, gaz_multi=multi, vocab=vocab)


class NerTagger:
    """Two-pass CRF tagger: the crfsuite models trained by ``make train``, read by
    :mod:`rasid.ner.crf` and scored per distinct word (:mod:`rasid.ner.scorer`).
    Not thread-safe per instance (its word table grows while tagging); :func:`load_tagger`
    keeps one per thread."""

    window = 20  # sentences either side used for document consistency

    def __init__(self, model_dir: str | Path = MODEL_DIR, extractor: FeatureExtractor | None = None):
        self.model_dir = Path(model_dir)
        self.extractor = extractor or load_extractor(self.model_dir)
        models = [read_model(self._read(MODEL_FILE))]
        if (self.model_dir / MODEL2_FILE).exists() or (self.model_dir / (MODEL2_FILE + ".gz")).exists():
            models.append(read_model(self._read(MODEL2_FILE)))
        self.two_pass = len(models) == 2
        self.labels = models[0].labels
        self.weights = Weights(models)
        ed = self.model_dir / ENTDICT_FILE
        self.entity_dict = load_entities(ed) if ed.exists() else {}
        self._mg_first = frozenset(k[0] for k in self.extractor.gaz_multi)
        self._td_first = frozenset(k[0] for k in self.entity_dict)
        self.words = WordTable(self.extractor, self.weights, gaz_first=self._mg_first,
                               dict_first=self._td_first)
        row = self.weights.row
        self._b, self._bos, self._eos = row("b"), row("BOS"), row("EOS")
        if self.two_pass:   # second-pass weights of the first pass's tags, by label index
            labs = self.labels
            self._fp = np.stack([row("fp=" + t)[1] for t in labs])
            self._fp_before = np.stack([row("-1fp=" + t)[1] for t in labs])
            self._fp_after = np.stack([row("+1fp=" + t)[1] for t in labs])
            self._fp_pair = np.stack([np.stack([row(f"fp2={a}|{t}")[1] for t in labs])
                                      for a in labs + ["BOS"]])      # [previous (BOS last), own]

    def _read(self, name: str) -> bytes:
        """The model file ``name`` or, as shipped, ``name.gz`` (about a third of the size)."""
        packed = self.model_dir / (name + ".gz")
        if packed.exists():
            return gzip.decompress(packed.read_bytes())
        return (self.model_dir / name).read_bytes()

    def first_pass(self, tokens: Sequence[str]) -> list[str]:
        return self._tag([list(tokens)], second=False)[0] if tokens else []

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags for consecutive sentences of one text (or a stream of texts): the
        second pass sees how the same word was tagged in the sentences around it."""
        return self._tag([list(s) for s in sentences], second=self.two_pass)

    def _tag(self, sentences: list[list[str]], second: bool) -> list[list[str]]:
        bounds, n = [], 0
        for s in sentences:
            bounds.append((n, n + len(s)))
            n += len(s)
        if not n:
            return [[] for _ in sentences]
        ids_list = self.words.lookup([t for s in sentences for t in s])
        ids = np.array(ids_list, dtype=np.intp)
        flags = self.words.flags[ids]
        pos, after = positions(bounds, n)
        at, rows = self._pair_features(ids_list, flags, after, bounds)
        tags = self._decode(0, ids, pos, after, at, rows, bounds)
        if second:
            stems = [self.words.stems[i] for i in ids_list]
            at2, rows2 = self._second_features(stems, tags, ids_list, flags, bounds)
            scores = self._scores(1, ids, pos, after, at + at2, rows + rows2)
            prev = np.where(pos > 0, np.roll(tags, 1), len(self.labels))    # BOS is the last row
            scores += self._fp[tags] + self._fp_pair[prev, tags]
            k = np.flatnonzero(pos >= 1)
            scores[k] += self._fp_before[tags[k - 1]]
            k = np.flatnonzero(after >= 1)
            scores[k] += self._fp_after[tags[k + 1]]
            tags = viterbi(scores, bounds, self.weights.transitions[1])
        labels = self.labels
        return [[labels[t] for t in tags[a:b]] for a, b in bounds]

    def _scores(self, model, ids, pos, after, at, rows) -> np.ndarray:
        scores = word_scores(self.words.table, model, ids, pos, after)
        scores += self._b[model]
        scores[pos == 0] += self._bos[model]
        scores[after == 0] += self._eos[model]
        add_rows(scores, self.weights.matrices[model], at, rows)
        return scores

    def _decode(self, model, ids, pos, after, at, rows, bounds) -> np.ndarray:
        return viterbi(self._scores(model, ids, pos, after, at, rows), bounds, self.weights.transitions[model])

    def _pair_features(self, ids_list, flags, after, bounds) -> tuple[list[int], list[int]]:
        """(token, attribute row) of the features that join two words: stem pairs, stem and
        cluster, and the multi-word gazetteer marks of the token and its neighbours.  A pair is
        looked up only where both words' flags say the model has such keys on those sides."""
        words, get = self.words, self.weights.index.get
        keys = {"stem": words.stems, "cl1": words.cl1}
        at: list[int] = []
        rows: list[int] = []
        inside = after[:-1] >= 1                      # j and j + 1 are in the same sentence
        for f, (prefix, (left, right), to_right) in enumerate(PAIRS):
            if not self.extractor.pairs and left != right:
                continue
            both = (flags[:-1] >> (2 * f)) & (flags[1:] >> (2 * f + 1)) & 1
            lk, rk = keys[left], keys[right]
            for j in np.flatnonzero(both.astype(bool) & inside).tolist():
                r = get(prefix + lk[ids_list[j]] + "|" + rk[ids_list[j + 1]])
                if r is not None:
                    at.append(j + 1 if to_right else j)
                    rows.append(r)
        fx = self.extractor
        if fx.gaz_multi:
            self._marks(fx.gaz_multi, fx.max_multi, "mg=", 2, self._mg_first, MAY_BEGIN_GAZ,
                        ids_list, flags, bounds, at, rows)
        return at, rows

    def _marks(self, table, max_len, prefix, min_len, first, flag, ids_list, flags, bounds, at, rows) -> None:
        """(token, row) of the longest-match marks of ``table`` on each token, on the token after
        (``-1`` + mark) and on the token before (``+1`` + mark), in the sentences where a stem
        may begin an entry."""
        get, stems = self.weights.index.get, self.words.stems
        may = (flags & flag) != 0
        for a, b in bounds:
            if b <= a or not may[a:b].any():
                continue
            marks = longest_match_marks([stems[k] for k in ids_list[a:b]], table, max_len, prefix,
                                        min_len=min_len, first=first)
            for p, found in enumerate(marks):
                for x in found:
                    for i, attr in ((a + p, x), (a + p + 1, "-1" + x), (a + p - 1, "+1" + x)):
                        if a <= i < b:
                            r = get(attr)
                            if r is not None:
                                at.append(i)
                                rows.append(r)

    def _second_features(self, stems, tags, ids_list, flags, bounds) -> tuple[list[int], list[int]]:
        """(token, attribute row) of the second pass's own string features: document
        consistency and the entity-dictionary marks of the token and its neighbours
        (the first pass's tags are added from matrices by :meth:`_tag`)."""
        labels = self.labels
        types = [_etype(labels[t]) or "O" for t in tags.tolist()]
        at: list[int] = []
        rows: list[int] = []
        consistency_rows(stems, types, bounds, self.window, self.weights.rows, at, rows)
        if self.entity_dict:
            self._marks(self.entity_dict, 6, "td=", 1, self._td_first, MAY_BEGIN_DICT,
                        ids_list, flags, bounds, at, rows)
        return at, rows

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB2 tags (B-PER, I-LOC, ..., O) for one sentence of tokens, without wider
        context: the first-pass CRF (the second pass needs the surrounding sentences;
        use :meth:`tag_document` for running text, it scores about 3 F1 points higher)."""
        return self.first_pass(tokens)

    def tag_sents(self, sentences: Iterable[Sequence[str]]) -> list[list[str]]:
        """Tag sentences independently (use :meth:`tag_document` for a running text)."""
        return [self.tag(s) for s in sentences]

    def entities(self, tokens: Sequence[str]) -> list[tuple[int, int, str]]:
        """(start, end_exclusive, type) token spans of the entities in one sentence."""
        return chunks(self.tag(tokens))


def consistency_rows(stems: list[str], types: list[str], bounds, window: int, rows_of,
                     at: list[int], rows: list[int]) -> None:
    """Append (token, attribute row) of the document-consistency features of
    :func:`rasid.ner.features.context_features` (all but its ``fp=`` tag): how the first pass
    typed the same stem in the ``window`` sentences before and after.  Same counts in the same
    order (ties go to the type counted first), kept in plain dicts; a stem's rows are
    remembered per type until a sentence with that stem enters or leaves the window."""
    n = len(bounds)
    per_sent = []
    for a, b in bounds:
        d: dict[str, dict] = {}
        for k in range(a, b):
            s_ = stems[k]
            if len(s_) < 2:
                continue
            c = d.get(s_)
            if c is None:
                c = d[s_] = {}
            c[types[k]] = c.get(types[k], 0) + 1
        per_sent.append(d)
    tot: dict[str, dict] = {}
    memo: dict[str, dict] = {}
    alone = rows_of(["dc=alone"])
    lo = hi = 0
    for i, (a, b) in enumerate(bounds):
        while hi < n and hi <= i + window:
            for s_, c in per_sent[hi].items():
                t = tot.get(s_)
                if t is None:
                    t = tot[s_] = {}
                for k, v in c.items():
                    t[k] = t.get(k, 0) + v
                memo.pop(s_, None)
            hi += 1
        while lo < i - window:
            for s_, c in per_sent[lo].items():
                t = tot[s_]
                for k, v in c.items():
                    t[k] = t.get(k, 0) - v
                memo.pop(s_, None)
            lo += 1
        for k in range(a, b):
            s_ = stems[k]
            if len(s_) < 2:
                continue
            counts = tot[s_]
            if len(counts) == 1 and counts.get(types[k]) == 1:     # the token itself, nothing else
                if alone:
                    at.append(k)
                    rows.extend(alone)
                continue
            by_type = memo.get(s_)
            if by_type is None:
                by_type = memo[s_] = {}
            r = by_type.get(types[k])
            if r is None:
                r = by_type[types[k]] = rows_of(_consistency(counts, types[k]))
            if r:
                at.extend([k] * len(r))
                rows.extend(r)


def _consistency(counts: dict, own: str) -> list[str]:
    others = {k: v - (1 if k == own else 0) for k, v in counts.items()}
    ent = {k: v for k, v in others.items() if v > 0 and k != "O"}
    if sum(v for v in others.values() if v > 0) == 0:
        return ["dc=alone"]
    f = ["dc=" + k for k in ent]
    if not ent:
        f.append("dc=O")
        return f
    best = max(ent, key=ent.get)
    maj = best + ("+" if ent[best] * 2 >= sum(v for v in others.values() if v > 0) else "-")
    f.append("dcmaj=" + maj)
    f.append("fpdc=" + own + "|" + maj)
    return f


_local = threading.local()


def load_tagger(model_dir: str | Path = MODEL_DIR) -> NerTagger:
    """A cached per-thread tagger for ``model_dir`` (the shipped model by default)."""
    key = str(Path(model_dir).resolve())
    cache = getattr(_local, "taggers", None)
    if cache is None:
        cache = _local.taggers = {}
    if key not in cache:
        cache[key] = NerTagger(model_dir)
    return cache[key]


def tag(tokens: Sequence[str]) -> list[str]:
    """Tag one sentence with the shipped model."""
    return load_tagger().tag(tokens)


def tag_document(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """Tag the consecutive sentences of a text with the shipped model."""
    return load_tagger().tag_document(sentences)

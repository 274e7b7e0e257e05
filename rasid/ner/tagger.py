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

from rasid.ner import compiled
from rasid.ner.consistency import TYPE_ID, consistency_codes, consistency_features
from rasid.ner.crf import read_model, viterbi
from rasid.ner.evaluate import chunks
from rasid.ner.features import FeatureExtractor, entity_type
from rasid.ner.scorer import (LONG_STEM, MAY_BEGIN_DICT, MAY_BEGIN_GAZ, PAIRS, Weights, WordTable, add_rows, positions,
                              word_scores)

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "ner"
MODEL_FILE = "ner1.crfsuite"      # first pass (sentence features)
MODEL2_FILE = "ner2.crfsuite"     # second pass (+ document consistency, entity dictionary)
ENTDICT_FILE = "entities.tsv.gz"  # stems of entity spans seen in the training data
CLUSTER_FILE = "clusters.tsv.gz"
GAZ_FILE = "gazetteer.tsv.gz"
COMMON_FILE = "common_words.txt.gz"   # the corpus's commonest words as written (rasid.train.common_words)


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
        parts = compiled.load(self.model_dir) if extractor is None else None
        if parts is None:
            parts = self._build(extractor)
            if extractor is None and compiled.can_write():
                parts["base_words"] = self._base_words(parts)
                compiled.save(self.model_dir, parts)
        self.extractor = parts["extractor"]
        self.weights = parts["weights"]
        self.two_pass = len(self.weights.transitions) == 2
        self.labels = self.weights.labels
        self.entity_dict = parts["entity_dict"]
        self._gaz_trie = parts["gaz_trie"]
        self._dict_trie = parts["dict_trie"]
        self.words = WordTable(self.extractor, self.weights, gaz_first=frozenset(self._gaz_trie),
                               dict_first=frozenset(self._dict_trie), base=parts.get("base_words"))
        self._type_of = np.array([TYPE_ID[entity_type(t) or "O"] for t in self.labels])   # label -> type id
        self._by_code: dict[int, list[int]] = {}
        row = self.weights.row
        self._b, self._bos, self._eos = row("b"), row("BOS"), row("EOS")
        if self.two_pass:   # second-pass weights of the first pass's tags, by label index
            labs = self.labels
            self._fp = np.stack([row("fp=" + t)[1] for t in labs])
            self._fp_before = np.stack([row("-1fp=" + t)[1] for t in labs])
            self._fp_after = np.stack([row("+1fp=" + t)[1] for t in labs])
            self._fp_pair = np.stack([np.stack([row(f"fp2={a}|{t}")[1] for t in labs])
                                      for a in labs + ["BOS"]])      # [previous (BOS last), own]

    def _build(self, extractor: FeatureExtractor | None) -> dict:
        """What the tagger is made of, read from the model files (seconds: see :mod:`rasid.ner.compiled`)."""
        extractor = extractor or load_extractor(self.model_dir)
        models = [read_model(self._read(MODEL_FILE))]
        if (self.model_dir / MODEL2_FILE).exists() or (self.model_dir / (MODEL2_FILE + ".gz")).exists():
            models.append(read_model(self._read(MODEL2_FILE)))
        ed = self.model_dir / ENTDICT_FILE
        entity_dict = load_entities(ed) if ed.exists() else {}
        return {"extractor": extractor, "weights": Weights(models), "entity_dict": entity_dict,
                "gaz_trie": _trie(extractor.gaz_multi), "dict_trie": _trie(entity_dict)}

    def _base_words(self, parts: dict) -> dict | None:
        """Word-table rows of the commonest words of the corpus (the first :data:`compiled.BASE_WORDS`
        of ``common_words.txt.gz``); None when the model has no such list."""
        path = self.model_dir / COMMON_FILE
        if not path.is_file():
            return None
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            words = [w for w in fh.read().split("\n") if w][:compiled.BASE_WORDS]
        table = WordTable(parts["extractor"], parts["weights"], max_words=len(words),
                          gaz_first=frozenset(parts["gaz_trie"]), dict_first=frozenset(parts["dict_trie"]))
        table.lookup(words)
        return table.base_rows()

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
        ids_list, ids = self.words.lookup([t for s in sentences for t in s])
        flags = self.words.flags[ids]
        pos, after = positions(bounds, n)
        pairs = self._pair_features(ids, flags, after, ids_list, bounds)
        tags = viterbi(self._scores(0, ids, pos, after, pairs), bounds, self.weights.transitions[0])
        if second:
            found = pairs + self._second_features(ids, tags, ids_list, flags, bounds)
            scores = self._scores(1, ids, pos, after, found)
            prev = np.where(pos > 0, np.roll(tags, 1), len(self.labels))    # BOS is the last row
            scores += self._fp[tags] + self._fp_pair[prev, tags]
            k = np.flatnonzero(pos >= 1)
            scores[k] += self._fp_before[tags[k - 1]]
            k = np.flatnonzero(after >= 1)
            scores[k] += self._fp_after[tags[k + 1]]
            tags = viterbi(scores, bounds, self.weights.transitions[1])
        labels = self.labels
        return [[labels[t] for t in tags[a:b]] for a, b in bounds]

    def _scores(self, model, ids, pos, after, found) -> np.ndarray:
        """Emission scores of ``model``: the word table's rows, the constant, sentence-edge and
        ``found`` (tokens, attribute rows) features."""
        scores = word_scores(self.words.table, model, ids, pos, after)
        scores += self._b[model]
        scores[pos == 0] += self._bos[model]
        scores[after == 0] += self._eos[model]
        add_rows(scores, self.weights.matrices[model], found)
        return scores

    def _pair_features(self, ids, flags, after, ids_list, bounds) -> list[tuple]:
        """(tokens, attribute rows) of the features that join two words, stem pairs and stem with
        cluster (found as integer codes, no strings made), and of the multi-word gazetteer marks
        of each token and its neighbours."""
        found = []
        inside = after[:-1] >= 1                      # j and j + 1 are in the same sentence
        for f, (_, (left, right), to_right) in enumerate(PAIRS):
            if not self.extractor.pairs and left != right:
                continue
            lk = self.words.pair_key[left][ids[:-1]]
            rk = self.words.pair_key[right][ids[1:]]
            j, rows = self.weights.pair_rows(f, np.where(inside, lk, -1), rk)
            found.append((j + 1 if to_right else j, rows))
        fx = self.extractor
        if fx.gaz_multi:
            found.append(self._marks(self._gaz_trie, fx.max_multi, "mg=", 2, MAY_BEGIN_GAZ,
                                     ids_list, flags, bounds))
        return found

    def _marks(self, trie, max_len, prefix, min_len, flag, ids_list, flags, bounds) -> tuple[list, list]:
        """(token, row) of the marks of :func:`rasid.ner.features.longest_match_marks` (the longest
        left-to-right matches of a table, here walked as a trie of stems) on each token, on the token
        after (``-1`` + mark) and on the token before (``+1`` + mark).  Matches are tried only where
        a stem may begin an entry (``flag``); elsewhere the reference steps on by one word."""
        get, stems = self.weights.index.get, self.words.stems
        at: list[int] = []
        rows: list[int] = []
        sentence = 0
        end = -1          # matches may not overlap: the next one starts at or after ``end``
        for p in np.flatnonzero(flags & flag).tolist():
            if p < end:
                continue
            while bounds[sentence][1] <= p:
                sentence += 1
            a, b = bounds[sentence]
            node, found = trie, None
            for k in range(p, min(b, p + max_len)):
                node = node.get(stems[ids_list[k]])
                if node is None:
                    break
                typ = node.get(_END)
                if typ is not None and k + 1 - p >= min_len:
                    found = (k + 1, typ)
            if found is None:
                continue
            end, typ = found
            for k in range(p, end):
                mark = prefix + ("B" if k == p else "I") + typ
                for i, attr in ((k, mark), (k + 1, "-1" + mark), (k - 1, "+1" + mark)):
                    if a <= i < b:
                        r = get(attr)
                        if r is not None:
                            at.append(i)
                            rows.append(r)
        return at, rows

    def _second_features(self, ids, tags, ids_list, flags, bounds) -> list[tuple]:
        """(tokens, attribute rows) of the second pass's own string features: document
        consistency (:mod:`rasid.ner.consistency`) and the entity-dictionary marks of the token
        and its neighbours (the first pass's tags are added from matrices by :meth:`_tag`)."""
        sentence = np.repeat(np.arange(len(bounds)), [b - a for a, b in bounds])
        codes = consistency_codes(self.words.stem_of[ids], self._type_of[tags], sentence, len(bounds),
                                  self.window, (flags & LONG_STEM) != 0)
        found = []
        kinds, where = np.unique(codes, return_inverse=True)
        for j, code in enumerate(kinds.tolist()):
            r = self._consistency_rows(code)
            if r:
                tokens = np.flatnonzero(where == j)
                found.append((np.repeat(tokens, len(r)), np.tile(r, len(tokens))))
        if self.entity_dict:
            found.append(self._marks(self._dict_trie, 6, "td=", 1, MAY_BEGIN_DICT, ids_list, flags, bounds))
        return found

    def _consistency_rows(self, code: int) -> list[int]:
        """Attribute rows of a consistency code (a few hundred codes exist; each is made once)."""
        r = self._by_code.get(code)
        if r is None:
            r = self._by_code[code] = self.weights.rows(consistency_features(code))
        return r

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


_END = None     # the trie key under which an entry's type is kept (stems are strings)


def _trie(table: dict) -> dict:
    """Nested dicts of the stems of ``table``'s keys (tuples); an entry's type is under ``_END``."""
    root: dict = {}
    for key, typ in table.items():
        node = root
        for stem in key:
            node = node.setdefault(stem, {})
        node[_END] = typ
    return root


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

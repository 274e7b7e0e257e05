"""A small multinomial logistic regression over sparse string features.

Scoring needs only the weights (a dict from feature to one weight per class);
training (:func:`fit`) minimises the L2-penalised log loss with L-BFGS (scipy,
needed only to train); deterministic. A model is saved as gzipped JSON: readable, diffable, small.

    model = fit([(["lemma=قتل", "w-1=تم"], "ASSAULT"), ...], c=1.0)
    model.proba(["lemma=قتل"])        # {class: probability}
    model.save(path); LinearModel.load(path)
"""
from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

__all__ = ["LinearModel", "fit", "fit_ranker"]


class LinearModel:
    def __init__(self, classes: Sequence[str], bias: Sequence[float], weights: dict[str, Sequence[float]],
                 meta: dict | None = None) -> None:
        self.classes = list(classes)
        self.bias = np.asarray(bias, dtype=np.float64)
        self.meta = dict(meta or {})
        # scoring reads one matrix: a row per feature (the last row is zeros, for unknown features),
        # made in one call (a model has some 10^5 features: one array each took most of the load)
        self._row = dict(zip(weights, range(len(weights))))
        matrix = np.zeros((len(weights) + 1, len(self.classes)))
        if weights:
            values = list(weights.values())
            matrix[:-1] = values if isinstance(values[0], list) else np.vstack(values)
        self._matrix = matrix
        self._rows_by_prefix: dict[str | None, dict[str, int]] = {}
        self._pairs: tuple[list[float], list[float]] | None = None   # the matrix's columns as Python floats (two classes)
        self._first: list[float] | None = None                       # its first column as Python floats

    @property
    def weights(self) -> dict[str, np.ndarray]:
        """Each feature's weights (one per class): rows of the weight matrix, in feature order."""
        m = self._matrix
        return {f: m[i] for f, i in self._row.items()}

    def rows(self, prefix: str | None = None) -> dict[str, int]:
        """Each known feature's row in the weight matrix; with ``prefix``, the features named
        ``prefix + "|" + rest``, by ``rest`` (so a caller scoring joined features need not build their
        strings). The tables of every prefix without a "|" are made together, in one pass over the
        features, on the first call."""
        table = self._rows_by_prefix.get(prefix)
        if table is None:
            if prefix is None:
                table = self._row
            elif "|" in prefix:
                head = prefix + "|"
                n = len(head)
                table = {f[n:]: i for f, i in self._row.items() if f.startswith(head)}
            else:
                if not self._rows_by_prefix.get("\0grouped"):
                    self._group_by_prefix()
                table = self._rows_by_prefix.get(prefix, {})
            self._rows_by_prefix[prefix] = table
        return table

    def _group_by_prefix(self) -> None:
        groups: dict[str, dict[str, int]] = {}
        for f, i in self._row.items():
            head, bar, rest = f.partition("|")
            if bar:
                groups.setdefault(head, {})[rest] = i
        groups.update(self._rows_by_prefix)
        groups["\0grouped"] = {"": 1}
        self._rows_by_prefix = groups

    def scores_of_rows(self, rows: list[int]) -> np.ndarray:
        """The scores (bias included) of the features at matrix ``rows``, summed in the given order;
        exactly :meth:`scores` of those features (an unknown feature's row is zeros, so leaving it
        out changes no sum)."""
        return self._matrix[rows].sum(axis=0) + self.bias if rows else self.bias.copy()

    def two_scores_of_rows(self, rows: list[int]) -> list[float]:
        """For a model of two classes: :meth:`scores_of_rows` as a list of Python floats (the same sums,
        in the same order: numpy sums a column row by row), without numpy's per-call overhead."""
        if self._pairs is None:      # the two columns as lists of Python floats (made once, in C)
            self._pairs = (self._matrix[:, 0].tolist(), self._matrix[:, 1].tolist())
        c0, c1 = self._pairs
        s0 = s1 = 0.0
        for r in rows:
            s0 += c0[r]
            s1 += c1[r]
        b0, b1 = self.bias.tolist()
        return [s0 + b0, s1 + b1]

    def first_score(self, features: Iterable[str]) -> float:
        """The first class's score of ``features`` (bias included) as a Python float, summed feature by
        feature in the given order; for a ranker's one ``score`` class, without numpy's per-call
        overhead. Unknown features are left out."""
        if self._first is None:
            self._first = self._matrix[:, 0].tolist()
        col, get = self._first, self._row.get
        s = 0.0
        for r in map(get, features):
            if r is not None:
                s += col[r]
        return s + float(self.bias[0])

    def binary_proba_of_rows(self, rows: list[int], k: int) -> float:
        """For a model of two classes: the probability of class ``k`` given the features at matrix
        ``rows``; exactly ``proba_of(scores_of_rows(rows))[classes[k]]``, without numpy's per-call
        overhead (:meth:`two_scores_of_rows`)."""
        s0, s1 = self.two_scores_of_rows(rows)
        m = max(s0, s1)
        e = np.exp([s0 - m, s1 - m]).tolist()
        return e[k] / (e[0] + e[1])

    def scores(self, features: Iterable[str]) -> np.ndarray:
        get, unknown = self._row.get, len(self._row)
        rows = [get(f, unknown) for f in features]
        return self._matrix[rows].sum(axis=0) + self.bias if rows else self.bias.copy()

    def partial(self, features: Iterable[str]) -> np.ndarray:
        """The summed weights of ``features``, without the bias (a linear model's scores add up)."""
        get, unknown = self._row.get, len(self._row)
        rows = [get(f, unknown) for f in features]
        return self._matrix[rows].sum(axis=0) if rows else np.zeros(len(self.classes))

    def proba(self, features: Iterable[str]) -> dict[str, float]:
        return self.proba_of(self.scores(features))

    def proba_of(self, s: np.ndarray) -> dict[str, float]:
        """Class probabilities of the scores ``s`` (bias included)."""
        s = np.exp(s - s.max())
        s /= s.sum()
        return dict(zip(self.classes, s.tolist()))

    def best(self, features: Iterable[str]) -> tuple[str, float]:
        p = self.proba(features)
        c = max(p, key=p.get)
        return c, p[c]

    def save(self, path: Path) -> None:
        doc = {"classes": self.classes, "bias": [round(x, 5) for x in self.bias.tolist()],
               "meta": self.meta,
               "weights": {f: [round(x, 5) for x in w.tolist()] for f, w in sorted(self.weights.items())}}
        data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as fh:
            fh.write(data)      # mtime 0: the same model gives the same file

    @classmethod
    def load(cls, path: Path) -> "LinearModel":
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            doc = json.load(fh)
        return cls(doc["classes"], doc["bias"], doc["weights"], doc.get("meta"))

    def top_features(self, cls_: str, n: int = 20) -> list[tuple[str, float]]:
        k = self.classes.index(cls_)
        ranked = sorted(self.weights.items(), key=lambda fw: -(fw[1][k] - fw[1].mean()))
        return [(f, round(float(w[k] - w.mean()), 3)) for f, w in ranked[:n]]


def fit(examples: Sequence[tuple[Sequence[str], str | tuple[str, ...]]], *, classes: Sequence[str] | None = None,
        c: float = 1.0, min_count: int = 2, class_weight: dict[str, float] | None = None,
        sample_weight: Sequence[float] | None = None, prune: float = 1e-4, max_iter: int = 300) -> LinearModel:
    """Train on ``(features, label)`` pairs: multinomial logistic regression, L2 penalty ``1 / (2c)``,
    minimised with L-BFGS (scipy, at training time only; deterministic). Features seen fewer than
    ``min_count`` times are dropped; ``class_weight`` and ``sample_weight`` scale an example's loss;
    weights under ``prune`` are not kept. A label may be a tuple of classes (a partial label: the
    example is one of them, which is not known), whose loss is ``-log`` of their summed probability."""
    from scipy import sparse
    from scipy.optimize import minimize

    classes = list(classes or sorted({k for _, y in examples for k in ((y,) if isinstance(y, str) else y)}))
    cidx = {k: i for i, k in enumerate(classes)}
    counts = Counter(f for feats, _ in examples for f in set(feats))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    indptr, indices = [0], []
    for feats, _ in examples:
        indices.extend(sorted({vocab[f] for f in feats if f in vocab}))
        indptr.append(len(indices))
    N, V, C = len(examples), len(vocab), len(classes)
    X = sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(N, V))
    Y = np.zeros((N, C))
    for n, (_, y) in enumerate(examples):
        for k in ((y,) if isinstance(y, str) else y):
            Y[n, cidx[k]] = 1.0
    sw = np.ones(N) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    if class_weight:
        sw = sw * np.array([class_weight.get(y, 1.0) for _, y in examples])
    alpha = 1.0 / c
    partial = bool((Y.sum(axis=1) > 1).any())

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        W = theta[:V * C].reshape(V, C)
        b = theta[V * C:]
        S = X @ W + b
        S -= S.max(axis=1, keepdims=True)
        logP = S - np.log(np.exp(S).sum(axis=1, keepdims=True))
        P = np.exp(logP)
        if not partial:
            val = -(sw * (Y * logP).sum(axis=1)).sum()
            G = (P - Y) * sw[:, None]
        else:                       # partial labels: -log P(the label's classes)
            inside = np.maximum((Y * P).sum(axis=1, keepdims=True), 1e-300)
            val = -(sw * np.log(inside[:, 0])).sum()
            G = (P - Y * P / inside) * sw[:, None]
        val += 0.5 * alpha * (W * W).sum()
        gW = X.T @ G + alpha * W
        return val, np.concatenate([np.asarray(gW).ravel(), G.sum(axis=0)])

    res = minimize(loss, np.zeros(V * C + C), jac=True, method="L-BFGS-B", options={"maxiter": max_iter})
    if not np.all(np.isfinite(res.x)):
        raise FloatingPointError("training diverged")
    W = res.x[:V * C].reshape(V, C)
    b = res.x[V * C:]
    inv = {i: f for f, i in vocab.items()}
    weights = {inv[i]: W[i] for i in range(V) if np.abs(W[i]).max() >= prune}
    return LinearModel(classes, b, weights)


def fit_ranker(groups: Sequence[tuple[Sequence[Sequence[str]], int]], *, c: float = 1.0, min_count: int = 2,
               sample_weight: Sequence[float] | None = None, prune: float = 1e-4,
               max_iter: int = 300) -> LinearModel:
    """Train a ranker (conditional logit): each group is a list of options, each option its features,
    and the index of the right option; the model learns one weight per feature so that the softmax of
    the options' summed weights puts the right one first (L2 penalty ``1 / (2c)``, L-BFGS, scipy at
    training time only). Returned as a :class:`LinearModel` of one class, ``score``: an option's score
    is ``model.scores(features)[0]`` (no bias: a shared constant would change no choice)."""
    from scipy import sparse
    from scipy.optimize import minimize

    counts = Counter(f for opts, _ in groups for feats in opts for f in set(feats))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    indptr, indices, bounds, gold = [0], [], [0], []
    for opts, right in groups:
        for feats in opts:
            indices.extend(sorted({vocab[f] for f in feats if f in vocab}))
            indptr.append(len(indices))
        gold.append(bounds[-1] + right)
        bounds.append(bounds[-1] + len(opts))
    N, V = len(indptr) - 1, len(vocab)
    X = sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(N, V))
    sizes = np.diff(bounds)
    group_of = np.repeat(np.arange(len(groups)), sizes)
    sw = np.ones(len(groups)) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    gold_idx = np.asarray(gold)
    alpha = 1.0 / c
    starts = np.asarray(bounds[:-1])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = X @ w
        m = np.maximum.reduceat(s, starts)
        e = np.exp(s - m[group_of])
        z = np.add.reduceat(e, starts)
        logz = np.log(z) + m
        val = (sw * (logz - s[gold_idx])).sum() + 0.5 * alpha * (w @ w)
        g = e / z[group_of] * sw[group_of]
        g[gold_idx] -= sw
        return val, X.T @ g + alpha * w

    res = minimize(loss, np.zeros(V), jac=True, method="L-BFGS-B", options={"maxiter": max_iter})
    if not np.all(np.isfinite(res.x)):
        raise FloatingPointError("training diverged")
    inv = {i: f for f, i in vocab.items()}
    weights = {inv[i]: [float(res.x[i])] for i in range(V) if abs(res.x[i]) >= prune}
    return LinearModel(["score"], [0.0], weights)

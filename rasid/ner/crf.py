"""A linear-chain CRF read from a crfsuite model file, scored with numpy.

crfsuite (python-crfsuite) trains the project's NER models; this module runs
them.  It reads the model file itself (crfsuite's CRF1d format: a header, the
feature records with float64 weights, and two CQDB string tables for the
labels and attributes) into

* ``state``: an ``(n_attributes, n_labels)`` weight matrix, one row per
  attribute string, and
* ``trans``: an ``(n_labels, n_labels)`` transition matrix,

so a caller can sum the rows of a token's attributes once per distinct word
(:mod:`rasid.ner.scorer` does) instead of handing crfsuite thousands of
strings per article.  :func:`viterbi` decodes many sentences at once and
follows crfsuite's rules: no start or end transitions, the first label wins a
tie.

    >>> model = read_model(open("ner1.crfsuite", "rb").read())   # doctest: +SKIP
    >>> model.labels[:3], model.state.shape                     # doctest: +SKIP
    (['B-LOC', 'B-ORG', 'I-ORG'], (95135, 9))
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Sequence

import numpy as np

_HEADER = struct.Struct("<4sI4sIIIIIIIII")      # magic, size, type, version, counts, offsets
# (crfsuite leaves the header's feature count at 0; the FEAT chunk carries the real one)
_CQDB_HEADER = struct.Struct("<4sIIIII")       # chunk id, size, flag, byte order, bwd size, bwd offset
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])


class ModelFormatError(ValueError):
    """The bytes are not a crfsuite CRF1d model this reader understands."""


@dataclass
class CrfModel:
    labels: list[str]
    attributes: list[str]
    state: np.ndarray        # (len(attributes), len(labels)) float64
    trans: np.ndarray        # (len(labels), len(labels)) float64: trans[from, to]


def _cqdb_strings(data: bytes, offset: int) -> list[str]:
    """The strings of a CQDB chunk in id order (its backward array maps id → record)."""
    chunk, _size, _flag, order, bwd_size, bwd_offset = _CQDB_HEADER.unpack_from(data, offset)
    if chunk != b"CQDB":
        raise ModelFormatError(f"no string table at byte {offset}")
    if order != 0x62445371:
        raise ModelFormatError("string table in another byte order")
    refs = struct.unpack_from(f"<{bwd_size}I", data, offset + bwd_offset)
    out = []
    for ref in refs:
        _id, ksize = struct.unpack_from("<II", data, offset + ref)
        start = offset + ref + 8
        out.append(data[start:start + ksize - 1].decode("utf-8"))   # the key is NUL-terminated
    return out


def read_model(data: bytes) -> CrfModel:
    """Parse a crfsuite CRF1d model (the bytes of a ``.crfsuite`` file)."""
    if len(data) < _HEADER.size:
        raise ModelFormatError("file too short for a crfsuite model")
    (magic, _size, mtype, _version, _n_features, n_labels, n_attrs,
     off_features, off_labels, off_attrs, _off_lrefs, _off_arefs) = _HEADER.unpack_from(data, 0)
    if magic != b"lCRF" or mtype != b"FOMC":
        raise ModelFormatError(f"not a crfsuite CRF1d model (magic {magic!r}, type {mtype!r})")
    chunk, _csize, num = struct.unpack_from("<4sII", data, off_features)
    if chunk != b"FEAT":
        raise ModelFormatError("feature table not where the header says")
    feats = np.frombuffer(data, dtype=_FEATURE, count=num, offset=off_features + 12)
    labels = _cqdb_strings(data, off_labels)
    attributes = _cqdb_strings(data, off_attrs)
    if len(labels) != n_labels or len(attributes) != n_attrs:
        raise ModelFormatError("label or attribute count differs from the header")
    state = np.zeros((n_attrs, n_labels))
    trans = np.zeros((n_labels, n_labels))
    st = feats[feats["type"] == 0]
    tr = feats[feats["type"] == 1]
    np.add.at(state, (st["src"].astype(np.intp), st["dst"].astype(np.intp)), st["weight"])
    np.add.at(trans, (tr["src"].astype(np.intp), tr["dst"].astype(np.intp)), tr["weight"])
    return CrfModel(labels, attributes, state, trans)


def viterbi(emissions: np.ndarray, bounds: Sequence[tuple[int, int]], trans: np.ndarray) -> np.ndarray:
    """Best label index per row of ``emissions`` (n_tokens × n_labels), each ``[a, b)`` of
    ``bounds`` decoded as one sequence.  All sequences advance together, one numpy step per
    position, so the cost follows the longest sentence rather than the token count."""
    out = np.zeros(len(emissions), dtype=np.intp)
    spans = [(a, b) for a, b in bounds if b > a]
    if not spans:
        return out
    n_labels = emissions.shape[1]
    starts = np.array([a for a, _ in spans])
    lengths = np.array([b - a for a, b in spans])
    longest = int(lengths.max())
    # padded (sentence, position, label) emissions; padding rows are never read back
    pos = np.arange(longest)
    valid = pos[None, :] < lengths[:, None]
    index = np.where(valid, starts[:, None] + pos[None, :], 0)
    em = emissions[index]                                   # (S, T, L)
    n_spans = len(spans)
    em = np.ascontiguousarray(em.transpose(1, 0, 2))        # (T, S, L)
    into = np.ascontiguousarray(trans.T)                     # into[to, from]
    back = np.zeros((longest, n_spans, n_labels), dtype=np.intp)
    scores = np.empty((longest, n_spans, n_labels))          # best score of a path ending in each label
    scores[0] = em[0]
    cand = np.empty((n_spans, n_labels, n_labels))
    row = np.arange(n_spans * n_labels) * n_labels
    for t in range(1, longest):
        np.add(scores[t - 1][:, None, :], into, out=cand)    # (S, to, from)
        best = cand.argmax(axis=2)                           # the first maximum, as crfsuite
        back[t] = best
        np.add(cand.ravel()[row + best.ravel()].reshape(n_spans, n_labels), em[t], out=scores[t])
    last = scores[lengths - 1, np.arange(n_spans)].argmax(axis=1)
    for s, (a, b) in enumerate(spans):
        n = b - a
        k = int(last[s])
        for t in range(n - 1, -1, -1):
            out[a + t] = k
            k = back[t, s, k]
    return out

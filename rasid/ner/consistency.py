"""Document consistency for the second NER pass, counted with numpy.

For each token whose stem has two letters or more, the reference
(:func:`rasid.ner.features.context_features`) counts how the first pass typed
the same stem in the sentences up to ``window`` before and after, leaves the
token itself out, and emits:

* ``dc=alone`` when no other occurrence is there;
* ``dc=O`` when the others are all untyped;
* otherwise ``dc=T`` for each type among the others, the majority type with
  ``+`` when it holds half of them or more (``dcmaj=T+``), and the pair of the
  token's own type and that majority (``fpdc=own|T+``).  Of two types seen
  equally often the one the document showed first wins, as in the reference,
  whose counts are dicts filled in reading order.

:func:`consistency_codes` gives each token one small integer for its set of
features, so that the strings are made once per distinct set
(:func:`consistency_features`).
"""
from __future__ import annotations

import numpy as np

TYPES = ("O", "PER", "LOC", "ORG", "MISC")
TYPE_ID = {t: i for i, t in enumerate(TYPES)}
NONE, ALONE, ONLY_O = -1, 0, 1          # codes; typed majorities are 2 and up


def consistency_codes(stem_ids: np.ndarray, type_ids: np.ndarray, sentence: np.ndarray, n_sentences: int,
                      window: int, eligible: np.ndarray) -> np.ndarray:
    """One code per token (``NONE`` where ``eligible`` is false): see :func:`consistency_features`."""
    codes = np.full(len(stem_ids), NONE, dtype=np.int64)
    k = np.flatnonzero(eligible)
    if not len(k):
        return codes
    _, stem = np.unique(stem_ids[k], return_inverse=True)
    own, sent = type_ids[k], sentence[k]
    n_types = len(TYPES)
    # every occurrence as (stem, type, sentence) in one sortable key; a window is a key range
    occ = np.sort((stem * n_types + own) * n_sentences + sent)
    lo = np.maximum(sent - window, 0)
    hi = np.minimum(sent + window + 1, n_sentences)
    others = np.empty((len(k), n_types), dtype=np.int64)
    for t in range(n_types):
        base = (stem * n_types + t) * n_sentences
        others[:, t] = np.searchsorted(occ, base + hi) - np.searchsorted(occ, base + lo)
    others[np.arange(len(k)), own] -= 1                      # the token itself
    total = others.sum(axis=1)
    # the order in which the document first showed each (stem, type): ties between types go to the first
    first = np.full(len(np.unique(stem)) * n_types, len(k), dtype=np.int64)
    np.minimum.at(first, stem * n_types + own, np.arange(len(k)))
    rank = first.reshape(-1, n_types)[stem]
    typed = others[:, 1:] > 0
    score = np.where(typed, others[:, 1:] * (len(k) + 1) - rank[:, 1:], -1)
    best = score.argmax(axis=1)                              # 0..3 for PER..MISC
    major = others[np.arange(len(k)), best + 1] * 2 >= total
    subset = (typed * (1 << np.arange(n_types - 1))).sum(axis=1)
    code = 2 + (((own * 16 + subset) * (n_types - 1) + best) * 2 + major)
    code = np.where(typed.any(axis=1), code, ONLY_O)
    codes[k] = np.where(total == 0, ALONE, code)
    return codes


def consistency_features(code: int) -> list[str]:
    """The feature strings of a code from :func:`consistency_codes`."""
    if code == NONE:
        return []
    if code == ALONE:
        return ["dc=alone"]
    if code == ONLY_O:
        return ["dc=O"]
    code -= 2
    major, code = code % 2, code // 2
    best, code = code % (len(TYPES) - 1), code // (len(TYPES) - 1)
    subset, own = code % 16, code // 16
    feats = ["dc=" + TYPES[t + 1] for t in range(len(TYPES) - 1) if subset >> t & 1]
    maj = TYPES[best + 1] + ("+" if major else "-")
    return feats + ["dcmaj=" + maj, "fpdc=" + TYPES[own] + "|" + maj]

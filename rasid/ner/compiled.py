"""The NER model in a form that loads at once: built from the shipped files on first use, kept
in the user's cache folder, its weight matrix memory-mapped (so pipeline workers share one copy).

Reading the crfsuite files, the clusters and the gazetteers and indexing their attributes takes
seconds; what that makes (the :class:`rasid.ner.scorer.Weights`, the feature extractor, the
entity dictionary and the tries) is written once to ``<cache>/ner-<key>.pickle`` and its weight
matrix to ``<cache>/ner-<key>.npy``. With them go the word table's rows of the :data:`BASE_WORDS`
commonest words of the corpus as written (the model's ``common_words.txt.gz``), summed once
(``<cache>/ner-<key>.words.npy``): a tagger starts with them, so a process pays for the rarer words
only. ``key`` is a digest of the model files' bytes, of
:data:`VERSION` and of the numpy and Python versions, so a retrained model, a change to this
format or a new numpy makes a new entry. Nothing is downloaded: the cache is derived from the
files in the package.

The cache folder is ``$RASID_CACHE_DIR``, else ``$XDG_CACHE_HOME/rasid``, else ``~/.cache/rasid``.
Where it cannot be written, or an entry cannot be read back, the model is built in memory as
before (the same tags either way; a test checks it).
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

import numpy as np

__all__ = ["BASE_WORDS", "VERSION", "cache_dir", "can_write", "key", "load", "save"]

VERSION = "2"
BASE_WORDS = 60_000    # words summed beforehand: about 6 CPU s once; each later word costs 0.1 ms


def cache_dir() -> Path:
    if os.environ.get("RASID_CACHE_DIR"):
        return Path(os.environ["RASID_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "rasid"


def key(model_dir: Path) -> str:
    """A digest of every model file's name and bytes, this format's version, numpy and Python."""
    h = hashlib.sha256(f"{VERSION}|{BASE_WORDS}|{np.__version__}|{sys.version_info[:2]}".encode())
    for p in sorted(Path(model_dir).iterdir()):
        if p.is_file() and not p.name.endswith(".md"):
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:20]


def _paths(model_dir: Path) -> tuple[Path, Path, Path]:
    stem = cache_dir() / f"ner-{key(model_dir)}"
    return stem.with_suffix(".pickle"), stem.with_suffix(".npy"), stem.with_suffix(".words.npy")


def can_write() -> bool:
    """Whether the cache folder exists or can be made, and can be written."""
    try:
        cache_dir().mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(cache_dir(), os.W_OK)


def load(model_dir: Path) -> dict | None:
    """The parts stored for ``model_dir``, their weight matrix memory-mapped; None when there are none
    (or they cannot be read: they are then made again)."""
    try:
        meta, matrix, words = _paths(model_dir)
        if not (meta.exists() and matrix.exists()):
            return None
        parts = pickle.loads(meta.read_bytes())
        if parts.get("base_words") is not None:
            parts["base_words"]["table"] = np.load(words, mmap_mode="r")
        weights = parts["weights"]
        # a plain array over the mapped file: np.memmap's own indexing costs more than the sums it feeds
        weights.stacked = np.asarray(np.load(matrix, mmap_mode="r"))
        n = len(weights.labels)
        weights.matrices = [weights.stacked[:, k * n:(k + 1) * n] for k in range(weights.stacked.shape[1] // n)]
        return parts
    except Exception:                  # noqa: BLE001 -- a damaged entry is made again, never fatal
        return None


def save(model_dir: Path, parts: dict) -> None:
    """Store ``parts`` for ``model_dir`` (atomically; silently not where the cache cannot be written)."""
    try:
        meta, matrix, words = _paths(model_dir)
        meta.parent.mkdir(parents=True, exist_ok=True)
        weights = parts["weights"]
        base = parts.get("base_words")
        stacked, matrices = weights.stacked, weights.matrices
        weights.stacked, weights.matrices = None, None
        table = None if base is None else base.pop("table")
        try:
            blob = pickle.dumps(parts, protocol=5)
        finally:
            weights.stacked, weights.matrices = stacked, matrices
            if base is not None:
                base["table"] = table
        _write(matrix, lambda fh: np.save(fh, np.ascontiguousarray(stacked)))
        if table is not None:
            _write(words, lambda fh: np.save(fh, np.ascontiguousarray(table)))
        _write(meta, lambda fh: fh.write(blob))       # last: its presence says the entry is whole
    except OSError:
        pass


def _write(path: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise

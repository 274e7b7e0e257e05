"""Near-duplicate articles: MinHash over word 3-gram shingles, LSH bands kept in the DB.

The shingles are 3-grams of the words of ``norm_key(title + text)`` (so spelling
variants of alef, yeh, teh marbuta and diacritics do not count as edits). The
signature (``NUM_PERM`` 32-bit values, datasketch's ``affine32`` scheme over CRC-32 of each
shingle: the permutations are random affine maps, so the base hash need only tell shingles apart) is stored
with the article; its ``BANDS`` bands of ``ROWS`` values are hashed into
``minhash_bands(band, hash, article_id)``, so candidates are found with an
indexed query and nothing has to be rebuilt when the store is opened. A
candidate is a duplicate when the exact Jaccard similarity of the two shingle
sets is at least ``THRESHOLD`` (0.8); with 16 bands of 8 rows a pair at Jaccard
0.8 becomes a candidate with probability ≈ 0.95, one at 0.5 with ≈ 0.06.

datasketch and numpy are imported on first use, so the commands that only read
the store (``rasid events``, ``search``, ``actors``) start without them.
"""
from __future__ import annotations

import hashlib
import re
import zlib
import sqlite3
from typing import TYPE_CHECKING

from rasid.lang.ar.normalize import norm_key

if TYPE_CHECKING:
    import numpy as np

__all__ = ["NUM_PERM", "BANDS", "ROWS", "THRESHOLD", "CONFIG", "shingles", "signature",
           "band_hashes", "jaccard", "find_duplicate", "index"]

NUM_PERM = 128
BANDS = 16
ROWS = 8
SHINGLE = 3
THRESHOLD = 0.8
SEED = 1
CONFIG = f"datasketch affine32 crc32 perm={NUM_PERM} seed={SEED} bands={BANDS}x{ROWS} shingle={SHINGLE}"
MIN_SHINGLES = 5          # shorter texts are never linked (too little evidence)

_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    """The set of word 3-grams of ``norm_key(text)``."""
    words = _WORD.findall(norm_key(text or ""))
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def signature(sh: set[str]) -> np.ndarray:
    """The MinHash signature (uint32 array of NUM_PERM) of a shingle set."""
    import numpy as np
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32", hashfunc=zlib.crc32)   # C: 15x sha1's speed
    m.update_batch([s.encode("utf-8") for s in sorted(sh)])
    return np.asarray(m.hashvalues, dtype="<u4")


def band_hashes(sig: np.ndarray) -> list[int]:
    """One signed 63-bit integer per band (fits an SQLite INTEGER)."""
    import numpy as np

    sig = np.asarray(sig, dtype="<u4")
    out = []
    for b in range(BANDS):
        h = hashlib.blake2b(sig[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8).digest()
        out.append(int.from_bytes(h, "little", signed=True) >> 1)
    return out


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _text_of(row: sqlite3.Row) -> str:
    from rasid.store.documents import text_of

    return f"{row['title'] or ''}\n{text_of(row['raw_json'])}"


def find_duplicate(conn: sqlite3.Connection, sh: set[str], sig: np.ndarray,
                   *, exclude: str | None = None) -> tuple[str, float] | None:
    """The earliest stored article whose shingle Jaccard with ``sh`` is ≥ THRESHOLD, and the score.

    A duplicate of a duplicate resolves to the original (``duplicate_of`` always
    names an article that is itself no duplicate).
    """
    if len(sh) < MIN_SHINGLES:
        return None
    hashes = band_hashes(sig)
    cands: set[str] = set()
    for band, h in enumerate(hashes):
        for (aid,) in conn.execute("SELECT article_id FROM minhash_bands WHERE band = ? AND hash = ?", (band, h)):
            if aid != exclude:
                cands.add(aid)
    best: tuple[int, float, str] | None = None   # (ingest order, score, original id)
    for aid in cands:
        row = conn.execute("SELECT seq, id, title, raw_json, duplicate_of FROM articles WHERE id = ?",
                           (aid,)).fetchone()
        if row is None:
            continue
        score = jaccard(sh, shingles(_text_of(row)))
        if score < THRESHOLD:
            continue
        if best is None or row["seq"] < best[0]:
            best = (row["seq"], score, row["duplicate_of"] or row["id"])
    if best is None:
        return None
    return best[2], round(best[1], 4)


def index(conn: sqlite3.Connection, article_id: str, sig: np.ndarray) -> None:
    """Record the article's band hashes."""
    conn.executemany("INSERT OR IGNORE INTO minhash_bands(band, hash, article_id) VALUES (?, ?, ?)",
                     [(b, h, article_id) for b, h in enumerate(band_hashes(sig))])


def rebuild(conn: sqlite3.Connection) -> int:
    """Recompute every signature and band (after a change of CONFIG); returns the article count.

    Runs in the caller's transaction.
    """
    conn.execute("DELETE FROM minhash_bands")
    n = 0
    for row in conn.execute("SELECT id, title, raw_json FROM articles").fetchall():
        sh = shingles(_text_of(row))
        sig = signature(sh)
        if len(sh) >= MIN_SHINGLES:
            index(conn, row["id"], sig)
        n += 1
    return n

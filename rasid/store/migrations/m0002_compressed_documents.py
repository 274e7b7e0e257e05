"""0002: store article documents zlib-compressed (rasid.store.documents); converts existing rows."""
from __future__ import annotations

import sqlite3

from rasid.store.documents import decode, encode

NAME = "0002_compressed_documents"


def apply(conn: sqlite3.Connection) -> None:
    rows = conn.execute("SELECT seq, raw_json FROM articles WHERE typeof(raw_json) = 'text'").fetchall()
    for seq, value in rows:
        conn.execute("UPDATE articles SET raw_json = ? WHERE seq = ?", (encode(decode(value)), seq))

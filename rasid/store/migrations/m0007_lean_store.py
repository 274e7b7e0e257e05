"""0007: one copy of each text.

* ``articles.text`` goes: the text is in the compressed document (``raw_json``), which every
  reader of a whole article already decodes (``rasid.store.documents.text_of``).
* ``articles.minhash`` goes: it was written and never read (the LSH bands find candidates and
  the exact Jaccard of their shingles decides).
* ``articles_fts`` becomes contentless (``content=''``): FTS5 kept a second copy of every
  article's normalised words beside its index. Search answers come from the index joined to
  ``articles`` on ``seq``; a replaced article's row is removed with FTS5's ``delete`` command
  and the keys it was indexed with, made again from its stored text (``store_meta.fts_keys``
  names the version of those keys; see :func:`rasid.store.fts.check_keys`).

Space freed in an existing file is reused by later writes (``VACUUM`` returns it to the disk).
"""

NAME = "0007_lean_store"


def apply(conn) -> None:
    conn.execute("CREATE VIRTUAL TABLE articles_fts_lean USING fts5("
                 "norm, content = '', tokenize = 'unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO articles_fts_lean(rowid, norm) SELECT rowid, norm FROM articles_fts")
    conn.execute("DROP TABLE articles_fts")
    conn.execute("ALTER TABLE articles_fts_lean RENAME TO articles_fts")
    conn.execute("ALTER TABLE articles DROP COLUMN text")
    conn.execute("ALTER TABLE articles DROP COLUMN minhash")
    conn.execute("INSERT INTO store_meta(key, value) VALUES ('fts_keys', '1') "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value")

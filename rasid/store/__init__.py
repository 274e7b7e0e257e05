"""The event store: SQLite (one file, WAL, foreign keys) with named, recorded migrations.

* :mod:`rasid.store.db` -- ``connect``, ``migrate``, ``transaction``, ``connection`` (of a Store, connection or path)
* :mod:`rasid.store.writer` -- ``Store.add(article) -> AddResult`` (idempotent, one transaction per article)
* :mod:`rasid.store.dedup` -- near-duplicate articles (MinHash + LSH bands in the DB)
* :mod:`rasid.store.reader` -- rows to dicts, shared by :mod:`rasid.query` and the exports
* :mod:`rasid.store.export` -- the export rows and the CSV / JSONL / Parquet / PLOVER files they go to

Queries go through :mod:`rasid.query`, the one query API over the store; it
imports the store, never the other way round.
"""
from rasid.errors import StoreError
from rasid.store.db import connect, migrate, transaction

__all__ = ["Store", "AddResult", "StoreError", "connect", "migrate", "transaction", "content_hash", "prepare"]


def __getattr__(name: str):
    # the writer (the data model, the actor registry, the lexicons) only when asked for: a
    # command that reads the store starts without it
    if name in ("Store", "AddResult", "content_hash", "prepare", "Prepared"):
        from rasid.store import writer

        return getattr(writer, name)
    raise AttributeError(f"module 'rasid.store' has no attribute {name!r}")

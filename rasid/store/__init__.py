"""The event store: SQLite (one file, WAL, foreign keys) with named, recorded migrations.

* :mod:`rasid.store.db` -- ``connect``, ``migrate``, ``transaction``, ``connection`` (of a Store, connection or path)
* :mod:`rasid.store.writer` -- ``Store.add(article) -> AddResult`` (idempotent, one transaction per article)
* :mod:`rasid.store.dedup` -- near-duplicate articles (MinHash + LSH bands in the DB)
* :mod:`rasid.store.reader` -- rows to dicts, shared by :mod:`rasid.query` and the exports
* :mod:`rasid.store.export` -- the export rows and the CSV / JSONL / Parquet / PLOVER files they go to

Queries go through :mod:`rasid.query`, the one query API over the store; it
imports the store, never the other way round.
"""
from rasid.store.db import connect, migrate, transaction
from rasid.store.writer import AddResult, Store, StoreError, content_hash

__all__ = ["Store", "AddResult", "StoreError", "connect", "migrate", "transaction", "content_hash"]

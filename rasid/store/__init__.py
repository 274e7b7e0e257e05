"""The event store: SQLite (one file, WAL, foreign keys) with named, recorded migrations.

* :mod:`rasid.store.db` -- ``connect``, ``migrate``, ``transaction``
* :mod:`rasid.store.writer` -- ``Store.add(article) -> AddResult`` (idempotent, one transaction per article)
* :mod:`rasid.store.dedup` -- near-duplicate articles (MinHash + LSH bands in the DB)
* :mod:`rasid.store.reader` -- rows to dicts, shared by :mod:`rasid.query`
* :mod:`rasid.store.export` -- CSV / JSONL / Parquet / PLOVER files from :func:`rasid.query.export_rows`

Queries go through :mod:`rasid.query`, the one query API over the store.
"""
from rasid.store.db import connect, migrate, transaction
from rasid.store.writer import AddResult, Store, StoreError, content_hash

__all__ = ["Store", "AddResult", "StoreError", "connect", "migrate", "transaction", "content_hash"]

"""SQLite connection and schema migrations.

``connect(path)`` opens (or creates) the database file with write-ahead logging,
foreign keys on and a busy timeout, and applies pending migrations, so opening an
empty file creates everything. The connection is in autocommit mode
(``isolation_level=None``): writers open their own transactions with
:func:`transaction` (``BEGIN IMMEDIATE``), so a killed process leaves every
committed transaction whole and nothing of the one it was in.

A connection belongs to the thread that opened it: a threaded server opens one
per thread (``connect(path, readonly=True)`` for readers; WAL lets readers run
beside the writer).

``migrate(conn)`` applies, in name order, every migration of
:mod:`rasid.store.migrations` not yet listed in ``schema_migrations(name,
applied_at)``, each in its own transaction together with its record; it is
idempotent and returns the names it applied.

``connection(db)`` is the connection behind whatever the read API is given: a
:class:`rasid.store.Store`, an open connection, or the path of a store file.
"""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from rasid.errors import StoreError
from rasid.store.migrations import migrations

__all__ = ["connect", "connection", "migrate", "transaction", "applied_migrations", "BUSY_TIMEOUT_MS"]

BUSY_TIMEOUT_MS = 10_000


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def connect(path: str | os.PathLike, *, readonly: bool = False, migrate_schema: bool = True) -> sqlite3.Connection:
    """Open the store at ``path`` (created when missing) and bring its schema up to date.

    A path that cannot be opened, or a file that is not a SQLite database, is a
    :class:`~rasid.errors.StoreError` naming the path, never a bare sqlite3 error.
    """
    try:
        return _connect(path, readonly=readonly, migrate_schema=migrate_schema)
    except sqlite3.Error as exc:
        raise StoreError(f"{os.fspath(path)}: cannot open as a rasid store: {exc}") from exc


def _connect(path, *, readonly: bool, migrate_schema: bool) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None,
                               timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        conn = sqlite3.connect(os.fspath(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()   # fails here when it is no database
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")   # with WAL: durable across a killed process
        if migrate_schema:
            migrate(conn)
    return conn


def connection(db) -> sqlite3.Connection:
    """The connection behind ``db``: an open ``sqlite3.Connection`` as it is, a Store's own
    connection (its ``conn``), or a new one (:func:`connect`) on the store file at the path ``db``."""
    if isinstance(db, sqlite3.Connection):
        return db
    conn = getattr(db, "conn", None)
    if isinstance(conn, sqlite3.Connection):
        return conn
    if isinstance(db, (str, os.PathLike)):
        if not os.path.exists(db):
            raise FileNotFoundError(f"no store at {os.fspath(db)}")
        return connect(db)
    raise TypeError(f"expected a Store, a sqlite3.Connection or a path, got {type(db).__name__}")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, or ``ROLLBACK`` on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _ensure_table(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                 "name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    _ensure_table(conn)
    return [r[0] for r in conn.execute("SELECT name FROM schema_migrations ORDER BY name")]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply the pending migrations in order; return their names (empty when up to date)."""
    _ensure_table(conn)
    done: list[str] = []
    applied = set(applied_migrations(conn))
    for mod in migrations():
        if mod.NAME in applied:
            continue
        with transaction(conn):
            # checked inside the write lock: two processes opening a new file at once
            if conn.execute("SELECT 1 FROM schema_migrations WHERE name = ?", (mod.NAME,)).fetchone():
                continue
            if hasattr(mod, "apply"):
                mod.apply(conn)
            else:
                for stmt in _statements(mod.SQL):
                    conn.execute(stmt)
            conn.execute("INSERT INTO schema_migrations(name, applied_at) VALUES (?, ?)", (mod.NAME, now()))
        done.append(mod.NAME)
    return done


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (``executescript`` would commit our transaction)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not buf.strip():
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out

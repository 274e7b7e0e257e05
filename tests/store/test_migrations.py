import sqlite3

import pytest

from rasid.store import Store, connect, migrate
from rasid.store.db import applied_migrations, connection
from rasid.store.migrations import migrations

TABLES = {"articles", "actors", "actor_names", "actor_countries", "actor_offices", "mentions", "events",
          "event_actors", "event_sources", "event_participants", "quotes", "times", "minhash_bands", "store_meta",
          "schema_migrations", "articles_fts", "actor_names_fts"}


def _tables(conn):
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_empty_file_gets_the_whole_schema(tmp_path):
    path = tmp_path / "new.db"
    conn = connect(path)
    assert TABLES <= _tables(conn)
    names = [r["name"] for r in conn.execute("SELECT name, applied_at FROM schema_migrations ORDER BY name")]
    assert names == [m.NAME for m in migrations()] and names[0] == "0001_initial"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    conn.close()


def test_migrate_again_is_a_no_op(tmp_path):
    path = tmp_path / "s.db"
    conn = connect(path)
    before = conn.execute("SELECT name, applied_at FROM schema_migrations").fetchall()
    assert migrate(conn) == []
    assert migrate(conn) == []
    assert conn.execute("SELECT name, applied_at FROM schema_migrations").fetchall() == before
    conn.close()
    # reopening (another process would do the same) applies nothing either
    conn = connect(path)
    assert [tuple(r) for r in conn.execute("SELECT name, applied_at FROM schema_migrations")] == \
        [tuple(r) for r in before]
    conn.close()


def test_a_pending_migration_is_applied_in_order_and_recorded(tmp_path, monkeypatch):
    import types

    import rasid.store.db as db

    path = tmp_path / "s.db"
    connect(path).close()
    extra = types.SimpleNamespace(NAME="9999_test_extra", SQL="CREATE TABLE extra_test (x INTEGER);")
    monkeypatch.setattr(db, "migrations", lambda: [*migrations(), extra])
    conn = connect(path)
    assert "extra_test" in _tables(conn)
    assert applied_migrations(conn)[-1] == "9999_test_extra"
    assert migrate(conn) == []
    conn.close()


def test_a_failing_migration_leaves_nothing_behind(tmp_path, monkeypatch):
    import types

    import pytest

    import rasid.store.db as db

    path = tmp_path / "s.db"
    connect(path).close()
    bad = types.SimpleNamespace(NAME="9998_bad", SQL="CREATE TABLE half (x INTEGER);\nCREATE TABLE half (x INTEGER);")
    monkeypatch.setattr(db, "migrations", lambda: [*migrations(), bad])
    from rasid.errors import StoreError
    with pytest.raises(StoreError, match="s.db") as err:
        connect(path)
    assert isinstance(err.value.__cause__, sqlite3.OperationalError)
    conn = sqlite3.connect(path)
    assert "half" not in _tables(conn)
    assert "9998_bad" not in [r[0] for r in conn.execute("SELECT name FROM schema_migrations")]
    conn.close()


def test_store_opens_an_existing_file(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as s:
        assert s.count("articles") == 0
    with Store(path) as s:
        assert s.count("schema_migrations") == len(migrations())


def test_0002_compresses_documents_written_as_plain_json(tmp_path, monkeypatch):
    import json

    import rasid.store.db as db
    from rasid.store import documents

    path = tmp_path / "old.db"
    monkeypatch.setattr(db, "migrations", lambda: migrations()[:1])     # a store made before 0002
    conn = connect(path)
    doc = {"schema_version": "1.0", "id": "a1", "text": "نص", "raw": "نص"}
    conn.execute("INSERT INTO articles(id, content_hash, text, raw_json, ingested_at) VALUES (?, ?, ?, ?, ?)",
                 ("a1", "h1", "نص", json.dumps(doc, ensure_ascii=False), "2025-01-01"))
    conn.commit()
    conn.close()
    monkeypatch.setattr(db, "migrations", migrations)
    conn = connect(path)
    assert "0002_compressed_documents" in applied_migrations(conn)
    value = conn.execute("SELECT raw_json FROM articles WHERE id = 'a1'").fetchone()[0]
    assert isinstance(value, bytes) and documents.decode(value) == doc
    conn.close()


def test_connection_of_a_store_a_connection_or_a_path(tmp_path):
    path = tmp_path / "c.db"
    with Store(path) as s:
        assert connection(s) is s.conn and connection(s.conn) is s.conn
        other = connection(str(path))
        assert other is not s.conn and TABLES <= _tables(other)
        other.close()
    with pytest.raises(FileNotFoundError):
        connection(tmp_path / "missing.db")
    with pytest.raises(TypeError):
        connection(42)

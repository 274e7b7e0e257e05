"""Migration 0007 (one copy of each text): a store written before it answers every query the
same after it, and the contentless search index stays right through edits and reindexing."""
import json
import shutil
import sqlite3
from pathlib import Path

from rasid import query
from rasid.store import Store, fts
from tests.store.build import tunis, water, with_id
from tests.store.fixtures.make_store_v6 import answers

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _columns(conn, table):
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


def test_a_store_from_before_the_migration_answers_every_query_the_same(tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(FIXTURES / "store_v6.db", db)
    before = json.loads((FIXTURES / "store_v6_answers.json").read_text("utf-8"))
    with Store(db) as s:                      # opening migrates it
        conn = s.conn
        assert "0007_lean_store" in {r[0] for r in conn.execute("SELECT name FROM schema_migrations")}
        assert not {"text", "minhash"} & _columns(conn, "articles")
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    after = answers(str(db))
    assert after.keys() == before.keys()
    for key in before:
        assert after[key] == before[key], key
    assert sum(p["total"] for p in after["search"].values()) > 0       # the searches find something


def test_the_search_index_keeps_no_copy_of_the_text(tmp_path):
    with Store(tmp_path / "s.db") as s:
        s.add(water())
        tables = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master")}
        assert "articles_fts_content" not in tables
        assert query.search(s, "اليرموك").total == 1


def test_an_edited_article_leaves_the_index_as_if_only_the_edit_was_stored(tmp_path):
    with Store(tmp_path / "s.db") as s:
        s.add(with_id(water(), "same"))
        assert s.add(with_id(tunis(), "same")).replaced
        assert query.search(s, "اليرموك").total == 0      # a word of the old version only
        assert query.search(s, "الطرابلسي").total == 1
        # the index agrees with a fresh one made from the stored texts
        s.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")


def test_keys_of_another_version_are_made_again_on_open(tmp_path, monkeypatch):
    db = tmp_path / "s.db"
    with Store(db) as s:
        s.add(water())
        s.add(tunis())
    monkeypatch.setattr(fts, "KEYS_VERSION", "test-2")
    with Store(db) as s:
        assert s.conn.execute("SELECT value FROM store_meta WHERE key = 'fts_keys'").fetchone()[0] == "test-2"
        assert query.search(s, "اليرموك").total == 1 and query.search(s, "الرياض").total == 1
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"اليرموك\"'").fetchone()[0] == 1

"""A writer killed (SIGKILL) in the middle of an ingest leaves a consistent store, and a rerun completes it."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rasid.store import Store
from tests.store.build import all_articles, committed as _committed

ROOT = Path(__file__).resolve().parents[2]
N = 6

CHILD = r"""
import sys, time
from rasid.store import Store
from rasid.store.writer import Store as S
from tests.store.build import all_articles

db, progress = sys.argv[1], sys.argv[2]
orig = S._insert_events

def slow(self, article, ent_actor):
    out = orig(self, article, ent_actor)
    with open(progress, "a") as fh:          # inside the open transaction, before COMMIT
        fh.write(article.id + "\n")
    time.sleep(0.4)
    return out

S._insert_events = slow
with Store(db) as s:
    for a in all_articles():
        s.add(a)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_ingest_is_consistent_and_a_rerun_completes_it(tmp_path):
    db, progress = tmp_path / "s.db", tmp_path / "progress"
    Store(db).close()      # schema in place before the child starts
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(progress)], cwd=ROOT, env=env)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            started = progress.read_text().split() if progress.exists() else []
            # two articles committed and the third inside its (uncommitted) transaction
            if len(started) >= 3 and _committed(db) >= 2:
                break
            if child.poll() is not None:
                pytest.fail(f"the child ended early (rc={child.returncode})")
            time.sleep(0.02)
        else:
            pytest.fail("the child made no progress")
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    started = progress.read_text().split()
    committed = _committed(db)
    assert 2 <= committed < N
    assert committed == len(started) - 1     # the article in flight left nothing behind

    with Store(db) as s:
        conn = s.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        ids = {r[0] for r in conn.execute("SELECT id FROM articles")}
        assert started[-1] not in ids
        for t in ("mentions", "quotes", "times", "event_sources", "minhash_bands", "actor_offices"):
            orphans = conn.execute(f"SELECT count(*) FROM {t} WHERE article_id NOT IN (SELECT id FROM articles)")
            assert orphans.fetchone()[0] == 0, t
        results = [s.add(a) for a in all_articles()]
        assert sum(r.inserted for r in results) == N - committed
        assert s.count("articles") == N
        assert conn.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()[0] == N
        assert s.count("events") == 2 and s.count("event_sources") == 2
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        fts = conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        assert fts == N
        # every stored actor is in the registry and vice versa
        assert {r[0] for r in conn.execute("SELECT id FROM actors")} == set(s.registry.actors)

"""A batched ``rasid ingest`` killed (SIGKILL) at random moments, several times, then run to the
end, leaves a store equal, table by table, to one clean ingest of the same input."""
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.store.build import committed as _committed

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
VOLATILE = {"seq", "ingested_at", "created_at", "applied_at", "replaced_at", "version"}
N = 24
SKIP_TABLES = {"schema_migrations", "store_meta", "sqlite_sequence"}


def _sentences() -> list[str]:
    texts = [p.read_text("utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    texts += [json.loads(line)["content"] for line in (EXAMPLES / "records.jsonl").read_text("utf-8").splitlines()]
    out = []
    for t in texts:
        out += [s.strip() + "." for s in t.replace("\n", " ").split(".") if len(s.split()) > 5]
    return out


def _records(n: int) -> list[dict]:
    sents = _sentences()
    rng = random.Random(7)
    recs = []
    for i in range(n):
        body = " ".join(rng.sample(sents, 4))
        recs.append({"id": f"r{i}", "title": f"خبر رقم {i}", "content": body,
                     "published": f"2025-03-{1 + i % 27:02d}"})
    return recs


def _ingest(data: Path, db: Path, env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "rasid", "ingest", str(data), "--db", str(db), "-q"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def dump(path: Path) -> dict[str, list]:
    """Every table's rows (volatile columns left out), sorted; FTS tables by their columns."""
    conn = sqlite3.connect(path)
    try:
        out = {}
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for t in tables:
            if t in SKIP_TABLES or any(t.startswith(v + "_") and v in tables for v in ("articles_fts", "actor_names_fts")):
                continue
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({t})") if r[1] not in VOLATILE]
            rows = conn.execute(f"SELECT {', '.join(f'[{c}]' for c in cols)} FROM [{t}]").fetchall()
            out[t] = sorted(rows, key=repr)
        return out
    finally:
        conn.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_batched_ingest_killed_at_random_moments_then_rerun_equals_a_clean_ingest(tmp_path):
    data = tmp_path / "news.jsonl"
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in _records(N)) + "\n", "utf-8")
    env = dict(os.environ, RASID_BATCH_SIZE="3",
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    clean = tmp_path / "clean.db"
    run = _ingest(data, clean, env)
    assert run.wait(timeout=300) == 0, run.stderr.read().decode()

    db = tmp_path / "killed.db"
    rng = random.Random(int(os.environ.get("RASID_KILL_SEED", "12")))
    kills = []
    for _ in range(3):
        target = _committed(db) + rng.randint(1, 5)
        child = _ingest(data, db, env)
        deadline = time.monotonic() + 120
        while _committed(db) < target and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(rng.uniform(0, 0.06))         # somewhere inside the next batch, or between two
        if child.poll() is None:
            child.kill()
            kills.append(_committed(db))
        child.wait(timeout=60)
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert _committed(db) % 3 == 0 or _committed(db) == N      # whole batches only
        conn.close()
    assert len(kills) >= 2 and all(0 < k < N for k in kills), kills
    final = _ingest(data, db, env)
    assert final.wait(timeout=300) == 0, final.stderr.read().decode()

    want, got = dump(clean), dump(db)
    assert set(got) == set(want)
    for table in want:
        assert got[table] == want[table], table
    assert len(want["articles"]) == N


def test_ingest_with_two_workers_stores_what_one_process_stores(tmp_path):
    """With -j 2 the workers also make the store's lock-free part (rasid.store.prepare) and send
    back articles without their tokens; the store is the same, table by table."""
    data = tmp_path / "news.jsonl"
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in _records(10)) + "\n", "utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    for db, j in ((one, "1"), (two, "2")):
        run = subprocess.run([sys.executable, "-m", "rasid", "ingest", str(data), "--db", str(db), "-q", "-j", j],
                             cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stderr
    want, got = dump(one), dump(two)
    assert len(want["articles"]) == 10
    for table in want:
        assert got[table] == want[table], table

"""Store benchmark: extraction + SQLite ingest, database size against the input, event-list latency.

    python bench/store.py [--limit N] [--db FILE] [--json OUT] [--batch N]

Runs the default pipeline over the first N SaudiNewsNet articles (one core), stores them with
rasid.store.Store in batches (``add_batch``, the writer ``rasid ingest`` uses), and reports, in
CPU seconds: articles per second for the pipeline alone, for the writes alone and for the two
together (``ingest -j 1`` does both), with the ratio ingest/pipeline; the database size against
the input JSON (the records as the corpus holds them), per article and per table (dbstat); and
p50/p95 latency of the event list (rasid.query.events) with typical filters. Never collected by pytest.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from common import start  # noqa: E402  (bench/common.py: puts the repo on the path)
from rasid import query  # noqa: E402
from rasid.errors import InputError  # noqa: E402
from rasid.extract import build_pipeline  # noqa: E402
from rasid.ingest import iter_articles  # noqa: E402
from rasid.store import Store  # noqa: E402



def _record_sizes(zips: list[str]) -> dict[str, int]:
    """``source`` (zip!member#index, as rasid.ingest names a record) -> the record's size in bytes
    as the corpus file holds it (UTF-8, indented by 4 inside the day's list)."""
    out: dict[str, int] = {}
    for z in zips:
        with zipfile.ZipFile(z) as zf:
            for member in zf.namelist():
                for i, rec in enumerate(json.loads(zf.read(member))):
                    text = json.dumps(rec, ensure_ascii=False, indent=4)
                    out[f"{z}!{member}#{i}"] = len(text.encode("utf-8")) + 4 * text.count("\n") + 6
        if len(out) > 50_000:
            break
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--batch", type=int, default=64)
    started = start(ap)
    if started is None:
        return 0
    args, zips = started
    db = args.db or Path(tempfile.mkdtemp()) / "bench.db"
    pipeline = build_pipeline()
    t_extract = t_store = 0.0
    n = stored = events = 0
    input_bytes = 0
    sizes = _record_sizes(zips[:2])
    with Store(db) as store:
        batch = []

        def flush():
            nonlocal t_store, stored, events
            t1 = time.process_time()
            for r in store.add_batch(batch):
                stored += getattr(r, "inserted", False)
                events += getattr(r, "events_new", 0)
            t_store += time.process_time() - t1
            batch.clear()

        for item in iter_articles(zips):
            if isinstance(item, InputError):
                continue
            input_bytes += sizes.get(item.source, 0)
            t0 = time.process_time()
            batch.append(pipeline(item))
            t_extract += time.process_time() - t0
            n += 1
            if len(batch) >= args.batch:
                flush()
            if n >= args.limit:
                break
        flush()
        conn = store.conn
        top = conn.execute("SELECT actor_id FROM event_actors GROUP BY actor_id ORDER BY count(*) DESC LIMIT 5").fetchall()
        queries = [dict(), dict(type="CONSULT"), dict(country="SAU"), dict(since="2015-07-25"),
                   *[dict(actor=a[0]) for a in top]]
        lat = []
        for _ in range(20):
            for q in queries:
                t0 = time.perf_counter()
                query.events(conn, limit=50, **q)
                lat.append((time.perf_counter() - t0) * 1000)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        tables = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
    size = os.path.getsize(db)
    lat.sort()
    figures = {"articles": n, "stored": stored, "events_new": events, "batch": args.batch,
               "pipeline_articles_per_cpu_s": round(n / t_extract, 1),
               "store_articles_per_cpu_s": round(n / t_store, 1),
               "ingest_articles_per_cpu_s": round(n / (t_extract + t_store), 1),
               "ingest_over_pipeline": round(t_extract / (t_extract + t_store), 3),
               "input_json_kb_per_article": round(input_bytes / n / 1024, 2),
               "db_kb_per_article": round(size / n / 1024, 2),
               "db_over_input_json": round(size / input_bytes, 2) if input_bytes else None,
               "tables_kb_per_article": {name: round(b / n / 1024, 2) for name, b in tables if b / n >= 20},
               "event_list_ms_p50": round(statistics.median(lat), 2),
               "event_list_ms_p95": round(lat[int(len(lat) * 0.95) - 1], 2)}
    print(f"rasid store bench: {n} SaudiNewsNet articles, default pipeline, one core, batches of {args.batch}")
    print(f"  pipeline alone {figures['pipeline_articles_per_cpu_s']} articles/CPU s; writes alone "
          f"{figures['store_articles_per_cpu_s']}; ingest (both) {figures['ingest_articles_per_cpu_s']} "
          f"= {figures['ingest_over_pipeline']}x the pipeline alone; {events} events")
    print(f"  database {size / 2**20:.1f} MB: {figures['db_kb_per_article']} KB per article, "
          f"{figures['db_over_input_json']}x the input JSON ({figures['input_json_kb_per_article']} KB per article)")
    print("  per table, KB per article: " + ", ".join(f"{k} {v}" for k, v in figures["tables_kb_per_article"].items()))
    print(f"  event list with filters: p50 {figures['event_list_ms_p50']} ms, p95 {figures['event_list_ms_p95']} ms "
          f"over {len(lat)} queries")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

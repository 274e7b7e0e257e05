"""Store benchmark: extraction + SQLite ingest throughput, database size, event-list query latency.

    python bench/store.py [--limit N] [--db FILE] [--json OUT]

Runs the default pipeline over the first N SaudiNewsNet articles (one core),
stores them with rasid.store.Store, and reports: articles/s for extraction and
for the store writes alone, the database size, and p50/p95 latency of the event
list (rasid.query.events) with typical filters. Never collected by pytest.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import start  # noqa: E402  (bench/common.py: puts the repo on the path)
from rasid import query  # noqa: E402
from rasid.errors import InputError  # noqa: E402
from rasid.extract import build_pipeline  # noqa: E402
from rasid.ingest import iter_articles  # noqa: E402
from rasid.store import Store  # noqa: E402



def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--json", type=Path, default=None)
    started = start(ap)
    if started is None:
        return 0
    args, zips = started
    db = args.db or Path(tempfile.mkdtemp()) / "bench.db"
    pipeline = build_pipeline()
    t_extract = t_store = 0.0
    n = stored = events = 0
    with Store(db) as store:
        it = iter_articles(zips)
        for item in it:
            if isinstance(item, InputError):
                continue
            t0 = time.perf_counter()
            article = pipeline(item)
            t1 = time.perf_counter()
            result = store.add(article)
            t2 = time.perf_counter()
            t_extract += t1 - t0
            t_store += t2 - t1
            n += 1
            stored += result.inserted
            events += result.events_new
            if n >= args.limit:
                break
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
    size = os.path.getsize(db) / 2**20
    lat.sort()
    figures = {"articles": n, "stored": stored, "events_new": events,
               "extract_articles_per_s": round(n / t_extract, 1), "store_articles_per_s": round(n / t_store, 1),
               "db_mb": round(size, 1), "mb_per_1000_articles": round(size / n * 1000, 1),
               "event_list_ms_p50": round(statistics.median(lat), 2),
               "event_list_ms_p95": round(lat[int(len(lat) * 0.95) - 1], 2)}
    print(f"rasid store bench: {n} SaudiNewsNet articles, default pipeline, one core")
    print(f"  extraction {figures['extract_articles_per_s']} articles/s; SQLite writes alone "
          f"{figures['store_articles_per_s']} articles/s; {events} events")
    print(f"  database {size:.1f} MB ({figures['mb_per_1000_articles']} MB per 1,000 articles)")
    print(f"  event list with filters: p50 {figures['event_list_ms_p50']} ms, p95 {figures['event_list_ms_p95']} ms "
          f"over {len(lat)} queries")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

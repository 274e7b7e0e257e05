"""Throughput and memory of the pipeline over the SaudiNewsNet corpus, on one core.

    python bench/run.py [--limit N] [--stages clean,tokens,sentences] [--json OUT]

Reads every zip in ../shared/data/corpus/saudinewsnet/ through rasid's own
readers (ingest), runs the stages, and reports articles/s, words/s (words =
whitespace-separated words of the raw text), the time spent in each stage, and
the resident memory after each quarter of the input (it must stay flat: the
pipeline streams). Never collected by pytest.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from common import corpus_zips, pin_one_core, rss_mb  # noqa: E402  (bench/common.py: puts the repo on the path)
from rasid.ingest import iter_articles  # noqa: E402
from rasid.errors import InputError  # noqa: E402
from rasid.pipeline import Pipeline  # noqa: E402

SAMPLE = 5000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="stop after N articles")
    ap.add_argument("--stages", default="clean,tokens,sentences")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures as JSON here")
    args = ap.parse_args()
    zips = corpus_zips()
    if not zips:
        return 0
    pin_one_core()
    pipeline = Pipeline.from_names(args.stages.split(","), errors="record")
    stage_time = {s.name: 0.0 for s in pipeline.stages}
    n = words = chars = failed = 0
    memory = []   # (articles so far, resident MB), every SAMPLE articles and at the end
    t_read = 0.0
    start = time.perf_counter()
    cpu_start = time.process_time()
    it = iter_articles(zips)
    while True:
        t0 = time.perf_counter()
        item = next(it, None)
        t_read += time.perf_counter() - t0
        if item is None:
            break
        if isinstance(item, InputError):
            failed += 1
            continue
        for stage in pipeline.stages:
            t0 = time.perf_counter()
            try:
                item = stage(item)
            except Exception as exc:  # noqa: BLE001 - counted, the bench goes on
                failed += 1
                print(f"bench: {item.source}: {stage.name}: {exc}", file=sys.stderr)
                break
            finally:
                stage_time[stage.name] += time.perf_counter() - t0
        n += 1
        words += len(item.raw.split())
        chars += len(item.raw)
        if n % SAMPLE == 0:
            memory.append((n, round(rss_mb(), 1)))
        if args.limit and n >= args.limit:
            break
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    memory.append((n, round(rss_mb(), 1)))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {
        "articles": n, "failed": failed, "words": words, "characters": chars,
        "input_errors": failed, "seconds": round(elapsed, 2), "articles_per_s": round(n / elapsed, 1),
        "cpu_seconds": round(cpu, 2), "articles_per_cpu_s": round(n / cpu, 1),
        "words_per_s": round(words / elapsed), "read_seconds": round(t_read, 2),
        "stage_seconds": {k: round(v, 2) for k, v in stage_time.items()},
        "rss_mb_at": memory, "peak_rss_mb": round(peak, 1), "stages": pipeline.names,
    }
    print(f"rasid bench: {n} articles ({words:,} words) through ingest + {' + '.join(pipeline.names)} on one core")
    print(f"  {figures['articles_per_s']:,} articles/s   {figures['words_per_s']:,} words/s   "
          f"({elapsed:.1f} s; {failed} inputs failed, e.g. empty records)")
    print(f"  {figures['articles_per_cpu_s']:,} articles per CPU second ({cpu:.1f} s of CPU time: what the "
          f"process itself used, less sensitive than the wall clock to what else the machine runs)")
    print(f"  time: read {t_read:.1f} s, " + ", ".join(f"{k} {v:.1f} s" for k, v in stage_time.items()))
    print(f"  resident memory by articles read: {', '.join(f'{k}: {m} MB' for k, m in memory)}; "
          f"peak {peak:.0f} MB")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

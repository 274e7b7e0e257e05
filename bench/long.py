"""Cost of one long article against its length: CPU seconds per stage for texts of 125k to
1M characters (the default ``max_chars``), cut from SaudiNewsNet stories joined end to end.

    python bench/long.py [--sizes 125000,250000,500000,1000000] [--json OUT]

Linear cost shows as a flat "per 100k characters" column. The first size also pays the
models' loading, so a short warm-up article runs first. Never collected by pytest.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from common import start  # noqa: E402  (bench/common.py: puts the repo on the path)
from rasid.doc import Article  # noqa: E402
from rasid.errors import InputError  # noqa: E402
from rasid.ingest import iter_articles  # noqa: E402
from rasid.pipeline import Pipeline  # noqa: E402

STAGES = "clean,tokens,sentences,mentions,entities,places,names,quotes,dates,events"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="125000,250000,500000,1000000")
    ap.add_argument("--json", type=Path, default=None)
    started = start(ap)
    if started is None:
        return 0
    args, zips = started
    sizes = [int(s) for s in args.sizes.split(",")]
    texts, total = [], 0
    for item in iter_articles(zips):
        if isinstance(item, InputError):
            continue
        texts.append(item.raw)
        total += len(item.raw) + 2
        if total > max(sizes):
            break
    joined = "\n\n".join(texts)
    pipeline = Pipeline.from_names(STAGES.split(","), errors="raise")
    pipeline(Article(raw=texts[0], id="warm", source="warm-up"))
    rows = []
    print(f"rasid bench: one long article, {len(texts)} stories joined, on one core")
    for size in sizes:
        doc = Article(raw=joined[:size], id=f"long{size}", source="bench")
        per = {}
        for stage in pipeline.stages:
            t0 = time.process_time()
            doc = stage(doc)
            per[stage.name] = round(time.process_time() - t0, 2)
        cpu = sum(per.values())
        rows.append({"chars": size, "cpu_seconds": round(cpu, 2), "per_100k": round(cpu * 100_000 / size, 2),
                     "stages": per})
        slowest = ", ".join(f"{k} {v}" for k, v in sorted(per.items(), key=lambda kv: -kv[1])[:3])
        print(f"  {size:>9,} chars: {cpu:6.1f} cpu s, {cpu * 100_000 / size:5.2f} per 100k chars  ({slowest})",
              flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""NER tagging alone: documents per CPU second, on one core, optionally against another checkout.

    python bench/ner.py [--limit N] [--against PATH] [--rounds R] [--json OUT]

The first N corpus articles (the order of bench/run.py) are read, cleaned, tokenised and split
into sentences by this checkout; their sentences of tokens are then tagged by a fresh process
(a tagger loaded as a user's first command loads it, its word table starting empty but for what
the model's cache holds), which reports the CPU seconds of tagging alone, of loading the model,
its peak resident memory and a digest of the tags. With ``--against PATH`` the same documents
are tagged by the checkout at PATH too, rounds alternating, and the ratio of the best rounds is
given; the tags must be identical. Never collected by pytest.
"""
from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, corpus_zips, pin_one_core  # noqa: E402  (bench/common.py: puts the repo on the path)
from rasid.errors import InputError  # noqa: E402
from rasid.ingest import iter_articles  # noqa: E402
from rasid.pipeline import Pipeline  # noqa: E402

CHILD = r"""
import hashlib, os, pickle, resource, sys, time
sys.path.insert(0, sys.argv[1])
os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
docs = pickle.load(open(sys.argv[2], "rb"))
t = time.process_time()
from rasid.ner.tagger import NerTagger
import rasid
assert rasid.__file__.startswith(sys.argv[1]), rasid.__file__
tagger = NerTagger()
load = time.process_time() - t
t = time.process_time()
tags = [tagger.tag_document(d) for d in docs]
cpu = time.process_time() - t
digest = hashlib.sha256(repr(tags).encode()).hexdigest()[:16]
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(repr({"cpu_s": cpu, "load_s": load, "peak_mb": peak, "tags": digest}))
"""


def documents(limit: int) -> list[list[list[str]]]:
    pipeline = Pipeline.from_names(["clean", "tokens", "sentences"], errors="record")
    out = []
    for item in iter_articles(corpus_zips()):
        if isinstance(item, InputError):
            continue
        a = pipeline(item)
        toks = a.tokens
        sents, i = [], 0
        for s in a.sentences:
            words = []
            while i < len(toks) and toks[i].start < s.end:
                if toks[i].start >= s.start:
                    words.append(a.text[toks[i].start:toks[i].end])
                i += 1
            sents.append(words)
        out.append(sents)
        if len(out) >= limit:
            break
    return out


def tag_in(checkout: Path, docs_file: str) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(checkout), docs_file],
                          capture_output=True, text=True, check=True)
    return eval(done.stdout.strip().splitlines()[-1])    # noqa: S307 -- our own child's repr of a dict


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=2000, help="articles to tag (default 2000)")
    ap.add_argument("--against", type=Path, default=None, help="another checkout to compare with")
    ap.add_argument("--rounds", type=int, default=1, help="rounds of each checkout (the best is kept)")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures as JSON here")
    args = ap.parse_args()
    if not corpus_zips():
        return 0
    pin_one_core()
    docs = documents(args.limit)
    n_tokens = sum(len(s) for d in docs for s in d)
    with tempfile.NamedTemporaryFile(suffix=".pickle", delete=False) as fh:
        pickle.dump(docs, fh)
    checkouts = {"this": ROOT} | ({"against": args.against.resolve()} if args.against else {})
    runs: dict[str, list[dict]] = {k: [] for k in checkouts}
    try:
        for _ in range(args.rounds):
            for name, path in reversed(checkouts.items()):
                runs[name].append(tag_in(path, fh.name))
    finally:
        Path(fh.name).unlink()
    report = {"articles": len(docs), "tokens": n_tokens}
    for name, rs in runs.items():
        best = min(rs, key=lambda r: r["cpu_s"])
        report[name] = best | {"docs_per_cpu_s": round(len(docs) / best["cpu_s"], 1),
                               "rounds_cpu_s": [round(r["cpu_s"], 2) for r in rs]}
        print(f"{name:8} {checkouts[name]}: tagging {best['cpu_s']:.2f} CPU s ({len(docs) / best['cpu_s']:.1f} "
              f"articles/CPU s), model load {best['load_s']:.2f} s, peak {best['peak_mb']:.0f} MB, "
              f"tags {best['tags']}")
    if args.against:
        report["speedup"] = round(report["against"]["cpu_s"] / report["this"]["cpu_s"], 2)
        report["same_tags"] = report["this"]["tags"] == report["against"]["tags"]
        print(f"this checkout tags {report['speedup']}x as fast; same tags: {report['same_tags']}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    return 0 if report.get("same_tags", True) else 1


if __name__ == "__main__":
    sys.exit(main())

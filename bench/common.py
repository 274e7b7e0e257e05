"""What the benchmark scripts share: the corpus, one core, resident memory."""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "saudinewsnet"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def corpus_zips() -> list[str]:
    """The SaudiNewsNet zips in order; empty (and said on stderr) when the corpus is absent."""
    if not CORPUS.exists():
        print(f"bench: {CORPUS} is absent; nothing to measure", file=sys.stderr)
        return []
    return sorted(str(p) for p in CORPUS.glob("*.zip"))


def pin_one_core() -> None:
    """Run on one core (the figures are per core); a no-op where the OS can't pin."""
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass


def start(ap) -> tuple | None:
    """``(args, zips)`` for a benchmark with argument parser ``ap``, pinned to one core; None (the
    script then measures nothing) when the corpus is absent."""
    args = ap.parse_args()
    zips = corpus_zips()
    if not zips:
        return None
    pin_one_core()
    return args, zips


def rss_mb() -> float:
    """Resident memory of this process now, in MB."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

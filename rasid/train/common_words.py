"""Build the list of the corpus's commonest words as written, whose NER word-table rows are summed
once and kept in the model's cache (rasid.ner.compiled), so a tagger starts with them.

    python -m rasid.train.common_words [--data ../shared/data]   # writes rasid/models/ner/common_words.txt.gz

Words are Arabic-letter tokens of SaudiNewsNet (reserved articles out) exactly as written (the
tagger's table is keyed by the token, so المملكة and المملكه are two rows), the ``N`` commonest,
one per line, commonest first (ties in code-point order); gzip without a timestamp. The list
changes no tag, only how soon a word's row is at hand.
"""
from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

from rasid.train.corpus_counts import raw_word_counts

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "rasid" / "models" / "ner" / "common_words.txt.gz"
N = 60_000


def common_words(data_dir: Path, n: int = N) -> list[str]:
    counts = raw_word_counts(data_dir)
    return [w for w, _ in sorted(counts.items(), key=lambda wc: (-wc[1], wc[0]))[:n]]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("-n", type=int, default=N, help=f"how many words (default {N})")
    args = ap.parse_args(argv)
    words = common_words(args.data, args.n)
    if not words:
        print(f"common_words: no corpus under {args.data}; {args.out} left as it is", file=sys.stderr)
        return 1
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as fh:
        fh.write(("\n".join(words) + "\n").encode("utf-8"))
    print(f"common_words: {len(words)} words -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

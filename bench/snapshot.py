"""Write the whole pipeline's output for the first N SaudiNewsNet articles, one JSON line each.

    python bench/snapshot.py --limit 300 OUT.jsonl
    cmp OUT.jsonl OTHER.jsonl     # a speed change must leave every layer as it was

Tokens are left out (they are checked by the tokenizer's own tests and make the
file large); every other layer is written as ``rasid extract`` writes it.
Never collected by pytest.
"""
from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

from common import corpus_zips  # noqa: E402  (bench/common.py: puts the repo on the path)
from rasid.doc.serialize import dumps  # noqa: E402
from rasid.errors import InputError  # noqa: E402
from rasid.ingest import iter_articles  # noqa: E402
from rasid.pipeline import DEFAULT_STAGES, Pipeline  # noqa: E402



def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--skip", type=int, default=0, help="start after this many records")
    args = ap.parse_args()
    pipe = Pipeline.from_names(DEFAULT_STAGES)
    zips = corpus_zips()
    with args.out.open("w", encoding="utf-8") as out:
        for item in itertools.islice(iter_articles(zips), args.skip, args.skip + args.limit):
            if isinstance(item, InputError):
                continue
            out.write(dumps(pipe(item), tokens=False, raw=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

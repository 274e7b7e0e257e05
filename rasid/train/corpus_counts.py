"""Word counts over the SaudiNewsNet corpus, for builders that need to know which words are common.

    counts = word_counts(Path("../shared/data"))     # Counter of norm_key forms
    counts["يوم"]                                       # how often the word is written alone

Articles listed in ``../shared/eval/reserved.tsv`` are left out (they are kept for evaluation).
Counts are of whole Arabic-letter tokens, keyed by :func:`rasid.lang.ar.normalize.norm_key`, so
proclitics stay on (وبغداد is not بغداد). About four seconds for the 31,030 articles.
"""
from __future__ import annotations

import csv
import json
import re
import zipfile
from collections import Counter
from pathlib import Path

from rasid.lang.ar.normalize import norm_key

__all__ = ["raw_word_counts", "word_counts"]

_WORD = re.compile(r"[\u0621-\u064A]+")


def word_counts(data_dir: Path) -> Counter:
    """norm_key form -> number of occurrences in the corpus under ``data_dir`` (reserved articles out);
    empty when the corpus is not there."""
    out: Counter = Counter()
    for w, n in raw_word_counts(data_dir).items():
        out[norm_key(w)] += n
    return out


def raw_word_counts(data_dir: Path) -> Counter:
    """Arabic-letter token as written -> number of occurrences (reserved articles out)."""
    data_dir = Path(data_dir)
    reserved_file = data_dir.parent / "eval" / "reserved.tsv"
    reserved: set[str] = set()
    if reserved_file.is_file():
        with reserved_file.open(encoding="utf-8") as fh:
            reserved = {row["url"] for row in csv.DictReader(fh, delimiter="\t")}
    raw: Counter = Counter()
    for zp in sorted((data_dir / "corpus" / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(zp) as z:
            for name in sorted(n for n in z.namelist() if n.endswith(".json")):
                for rec in json.loads(z.read(name).decode("utf-8")):
                    if rec.get("url") in reserved:
                        continue
                    raw.update(_WORD.findall(f"{rec.get('title') or ''} {rec.get('content') or ''}"))
    return raw

"""Build the list of everyday words: words that are, in this corpus, almost never a name.

    python -m rasid.train.everyday [--data ../shared/data]   # writes rasid/models/ner/everyday.txt.gz

A one-word mention that the tagger alone proposes is dropped when its word is on the list
(rasid.mentions.trim.one_word_label): ادعاءات، مرسوما، حيال، يعمل are not actors. A word is
everyday when

* the corpus (SaudiNewsNet, reserved articles out) uses it at least ``MIN_USES`` times and its
  form with ال toggled at least ``TOGGLE_SHARE`` as often (nouns and adjectives alternate with
  the article; names mostly do not: ادعاءات/الادعاءات, but الزهراني has no زهراني), or
* the NER training sets tag it at least ``GOLD_MIN`` times and as part of a name under
  ``GOLD_NAME_SHARE`` of them (verbs and particles: يعمل، حيال، سوى);

and not when the NER training sets tag it as a name at least ``GOLD_KEEP`` of the times
they have it (صالح، عباس: given names that are also adjectives), nor when the NER gazetteer
(rasid/models/ner/gazetteer.tsv.gz, built first by rasid.train.ner) lists it as a first name
(class F: حمود، رامي، فضل). Keys are
:func:`rasid.lang.ar.normalize.norm_key` forms, one per line, sorted; gzip without a timestamp.
"""
from __future__ import annotations

import argparse
import gzip
import sys
from collections import Counter
from pathlib import Path

from rasid.geo.names import toggle_al
from rasid.lang.ar.normalize import norm_key
from rasid.ner.conll import read_conll
from rasid.train.corpus_counts import word_counts

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "rasid" / "models" / "ner" / "everyday.txt.gz"
GOLD_FILES = ("cleananercorp/cleananercorp_TRAIN.txt", "anercorp_camel_split/ANERCorp_camel_like_train.txt")

MIN_USES = 30
TOGGLE_SHARE = 0.2
GOLD_MIN = 5
GOLD_NAME_SHARE = 0.05
GOLD_KEEP = 0.3


def gold_counts(data_dir: Path) -> tuple[Counter, Counter]:
    """(occurrences, occurrences inside a name) per norm_key over the NER training files."""
    seen: Counter = Counter()
    named: Counter = Counter()
    for rel in GOLD_FILES:
        path = Path(data_dir) / "ner" / rel
        if not path.is_file():
            continue
        for tokens, tags in read_conll(path):
            for tok, tag in zip(tokens, tags):
                k = norm_key(tok)
                seen[k] += 1
                if tag != "O":
                    named[k] += 1
    return seen, named


def everyday_words(counts: Counter, seen: Counter, named: Counter) -> list[str]:
    out = set()
    for k, n in counts.items():
        if n >= MIN_USES and " " not in k:
            t = toggle_al(k)
            if t and counts.get(t, 0) >= TOGGLE_SHARE * n:
                out.add(k)
    for k, n in seen.items():
        if n >= GOLD_MIN and named.get(k, 0) < GOLD_NAME_SHARE * n:
            out.add(k)
    return sorted(k for k in out if k and not (seen.get(k, 0) >= GOLD_MIN // 2 + 1
                                              and named.get(k, 0) >= GOLD_KEEP * seen[k]))


def first_names(path: Path = OUT.parent / "gazetteer.tsv.gz") -> set[str]:
    """norm_key forms the NER gazetteer lists as first names (class letter F)."""
    if not path.is_file():
        return set()
    out = set()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            word, _, classes = line.rstrip("\n").partition("\t")
            if "F" in classes:
                out.add(norm_key(word))
    return out


def build(data_dir: Path, out: Path = OUT) -> int:
    names = first_names()
    words = [w for w in everyday_words(word_counts(data_dir), *gold_counts(data_dir)) if w not in names]
    raw = ("\n".join(words) + "\n").encode("utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as f, gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    return len(words)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    a = ap.parse_args(argv)
    n = build(a.data)
    print(f"{n} everyday words -> {OUT.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

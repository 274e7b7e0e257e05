"""Build the Western name-part list (rasid/models/names/western_forms.tsv.gz).

    python -m rasid.train.western_names [--out rasid/models/names]

Source: the US Census 1990 frequency lists of surnames and of male and female given names
(public domain, US Government work), as shipped by the ``names`` package (PyPI, MIT;
installed by ``pip install -e '.[train]'``). Kept: the 8,000 most frequent surnames and
every given name, each with its frequency (per cent of people) and kind (first/last).
Deterministic (sorted, gzip without a timestamp). rasid.names.western reads it.
"""
from __future__ import annotations

import argparse
import gzip
import io
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "rasid" / "models" / "names"
SURNAMES = 8_000


def _read(path: Path, limit: int | None = None) -> list[tuple[str, float]]:
    out = []
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if len(parts) < 4 or not parts[0].isalpha():
            continue
        if limit and int(parts[3]) > limit:
            break
        out.append((parts[0].capitalize(), float(parts[1])))
    return out


def build(out: Path) -> dict:
    import names  # the census lists: a build-time dependency only

    src = Path(names.__file__).resolve().parent
    rows: dict[tuple[str, str], float] = {}
    for form, w in _read(src / "dist.all.last", SURNAMES):
        rows[(form, "last")] = max(rows.get((form, "last"), 0.0), w)
    for fn in ("dist.male.first", "dist.female.first"):
        for form, w in _read(src / fn):
            rows[(form, "first")] = rows.get((form, "first"), 0.0) + w
    buf = io.StringIO()
    buf.write("# English name parts with frequency (per cent of people) and kind, from the US Census 1990\n")
    buf.write("# name lists (public domain) as shipped by the names package (MIT). Built by rasid.train.western_names\n")
    for (form, kind), w in sorted(rows.items()):
        if w > 0:
            buf.write(f"{form}\t{w:.3f}\t{kind}\n")
        elif kind == "last":
            buf.write(f"{form}\t0.0005\t{kind}\n")     # rarer than the list's 0.001 step
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "western_forms.tsv.gz", "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
            gz.write(buf.getvalue().encode("utf-8"))
    return {"surnames": sum(k == "last" for _, k in rows), "given": sum(k == "first" for _, k in rows)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--measure", action="store_true", help="only measure on the known-people table")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    if args.measure:
        print(" ".join(f"{k}={v}" for k, v in measure(args.verbose).items()))
        return 0
    print(" ".join(f"{k}={v}" for k, v in build(args.out).items()))
    return 0


WESTERN = {"USA", "GBR", "FRA", "DEU", "ITA", "CAN", "AUS", "ESP", "NLD", "BEL", "SWE", "NOR", "DNK",
           "IRL", "CHE", "AUT", "NZL", "POL", "PRT", "GRC"}
ARAB = {"EGY", "SYR", "LBN", "IRQ", "PSE", "SAU", "LBY", "YEM", "TUN", "SDN", "QAT", "ARE", "KWT", "DZA",
        "JOR", "MAR", "BHR", "OMN", "MRT"}


def measure(verbose: bool = False) -> dict:
    """Right / wrong / no answer of :func:`rasid.names.western.western_latin` on the name parts of
    the hand-written known-people table (rasid/names/data/known_people.tsv): Western officials
    (the parts it should spell) and Arab ones that the Arabic lexicons do not already know (the
    parts it must leave alone). The table is the project's own; nothing of the evaluation cases."""
    PEOPLE = ROOT / "rasid" / "names" / "data" / "known_people.tsv"
    from rasid.names.lexicon import latin_norm, lexicon, part_key, strip_article
    from rasid.names.western import western_latin

    lex = lexicon()
    stats = {"western_right": 0, "western_wrong": 0, "western_none": 0,
             "arab_asked": 0, "arab_answered": 0, "arab_answer_right": 0}
    seen = set()
    for line in open(PEOPLE, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 3 or cols[0] in seen:
            continue
        seen.add(cols[0])
        ar, en, country = cols[0].split(), cols[1].replace("-", " ").split(), cols[2]
        if len(ar) != len(en) or (country not in WESTERN and country not in ARAB):
            continue
        for i, (a, e) in enumerate(zip(ar, en)):
            first = i == 0 and len(ar) > 1
            if country in WESTERN:
                got = western_latin(a, first=first)
                key = "western_none" if got is None else (
                    "western_right" if latin_norm(got) == latin_norm(e) else "western_wrong")
                stats[key] += 1
                if verbose and key != "western_right":
                    print(f"  {key}: {a} -> {got}  ({e})")
            else:
                bare = strip_article(part_key(a))
                if lex.lookup(a) or lex.attested(bare):
                    continue            # the Arabic lexicons answer first: never asked
                stats["arab_asked"] += 1
                got = western_latin(bare, first=first)
                if got:
                    stats["arab_answered"] += 1
                    stats["arab_answer_right"] += latin_norm(got) == latin_norm(e)
                    if verbose:
                        print(f"  arab: {a} -> {got}  ({e})")
    return stats


if __name__ == "__main__":
    raise SystemExit(main())

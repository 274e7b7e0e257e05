"""Build the name lexicon (rasid/models/names/) from ../shared/data.

    python -m rasid.train.names [--shared ../shared] [--out rasid/models/names]

Source: gazetteers/everypolitician_arab_legislators/arab_legislators_2015.tsv
(EveryPolitician, names largely from Wikidata/Wikipedia; no license stated).

1. ``name_parts.tsv``: for legislators with both an Arabic and an English name,
   align the name parts (by position when the counts agree, else first<->first
   and last<->last), keep pairs whose consonant skeletons agree, and keep the most
   frequent English form per Arabic part (key: norm_key; ال-parts also without ال).
2. ``latin_forms.tsv``: every English name part of every legislator with a weight
   (1 for English-style romanisation countries, 0.25 for French-style ones);
   "Al-X" and "AbdulX" also give X. translit uses it to pick an attested spelling.
Deterministic (sorted output). Only derived counts are written, never the rows.
"""
from __future__ import annotations

import argparse
import collections
import csv
import re
from pathlib import Path

from rasid.names.lexicon import (
    ar_units, compatible, lat_units, latin_abd_rest, latin_bare, latin_tokens, part_key,
    split_name, strip_article,
)

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SHARED = ROOT.parent / "shared"
DEFAULT_OUT = ROOT / "rasid" / "models" / "names"
SRC = "data/gazetteers/everypolitician_arab_legislators/arab_legislators_2015.tsv"

FRENCH_STYLE = {"Algeria", "Morocco", "Tunisia", "Mauritania", "Comoros", "Djibouti"}
NON_ARABIC = {"Somalia"}           # Somali orthography (x, c) is not press English
_AR = re.compile(r"[\u0600-\u06FF]")


def _ar_name(row: dict) -> str:
    for col in ("names_ar", "other_arabic_script", "name"):
        v = (row.get(col) or "").strip()
        if v and _AR.search(v):
            v = re.sub(r"\(.*?\)", " ", v)
            v = re.sub(r"^\s*د\s*\.\s*", "", v)
            return v
    return ""


def _en_names(row: dict) -> list[str]:
    out = []
    for col in ("names_en", "name"):
        for v in (row.get(col) or "").split("|"):
            v = v.strip()
            if v and not _AR.search(v) and v not in out:
                out.append(v)
    return out


def _skeleton_ok(ar: str, en: str) -> bool:
    """An aligned pair is kept when the English word spells the Arabic one."""
    a = ar.split()
    if a and part_key(a[0]) == "عبد":
        rest = latin_abd_rest(en.replace(" ", ""))
        return bool(rest) and len(a) == 2 and compatible(ar_units(strip_article(a[1])), lat_units(rest))
    bare_en = latin_bare(en) or en
    k = part_key(ar)
    if compatible(ar_units(strip_article(k)), lat_units(bare_en)):
        return True
    return k.startswith("ال") and en.casefold().startswith("al") and compatible(ar_units(k[2:]), lat_units(en[2:]))


def build(shared: Path, out: Path) -> dict:
    path = shared / SRC
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    pairs: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    forms: collections.Counter = collections.Counter()
    n_pairs = n_aligned = 0
    for row in rows:
        country = row.get("country", "")
        if country in NON_ARABIC:
            continue
        w = 0.25 if country in FRENCH_STYLE else 1.0
        ens = _en_names(row)
        for en in ens:
            for t in latin_tokens(en):
                for f in (t, latin_bare(t), latin_abd_rest(t)):
                    if f and f.isalpha() and len(f) >= 2 and f.casefold() not in ("al", "el", "bin", "ben", "abu", "nee"):
                        if f.isupper() or f.islower():
                            f = f.capitalize()
                        forms[f] += w
        ar = _ar_name(row)
        if not ar or not ens:
            continue
        n_pairs += 1
        aparts = split_name(ar)
        for en in ens:
            eparts = latin_tokens(en)
            if len(eparts) == len(aparts):
                idx = list(zip(aparts, eparts))
            elif len(eparts) >= 2 and len(aparts) >= 2:
                idx = [(aparts[0], eparts[0]), (aparts[-1], eparts[-1])]
            else:
                continue
            for a, e in idx:
                if not _skeleton_ok(a, e):
                    continue
                n_aligned += 1
                k = part_key(a)
                ebare = latin_bare(e)
                if (not ebare and k.startswith("ال") and e.casefold().startswith("al") and len(e) > 4
                        and compatible(ar_units(k[2:]), lat_units(e[2:]))):
                    ebare = e[2:].capitalize()      # "AlShamsi"
                if ebare and k.startswith("ال"):
                    pairs[strip_article(k)][ebare] += 1
                elif not ebare and not k.startswith("عبد "):
                    pairs[k][e] += 1
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "name_parts.tsv", "w", encoding="utf-8") as fh:
        fh.write(f"# Arabic name part (norm_key) -> English, aligned from {SRC}\n")
        fh.write("# (EveryPolitician 2015; names from Wikidata/Wikipedia; no license stated). Built by rasid.train.names\n")
        for k in sorted(pairs):
            e, c = sorted(pairs[k].items(), key=lambda kv: (-kv[1], kv[0]))[0]
            fh.write(f"{k}\t{e}\t{c}\n")
    kept = {f: c for f, c in forms.items() if c >= 0.5}
    with open(out / "latin_forms.tsv", "w", encoding="utf-8") as fh:
        fh.write(f"# English name-part spellings with weights, from {SRC}\n")
        fh.write("# (weight 1 per legislator in English-style countries, 0.25 French-style). Built by rasid.train.names\n")
        for f in sorted(kept):
            fh.write(f"{f}\t{kept[f]:g}\n")
    return {"rows": len(rows), "bilingual": n_pairs, "aligned": n_aligned,
            "name_parts": len(pairs), "latin_forms": len(kept)}


def measure(shared: Path, *, verbose: bool = True, article: str = "drop") -> dict:
    """Latin hit rate on the gold cases (measurement only: nothing is taken from them).

    For each gold PER entity with ``latin`` spellings: does ``to_latin(first alias)``
    equal one of them under score.py's latin_norm?
    """
    import glob
    import json

    from rasid.names.lexicon import latin_norm
    from rasid.names.translit import to_latin

    hits = total = 0
    misses = []
    for f in sorted(glob.glob(str(shared / "eval" / "cases" / "*" / "gold.json"))):
        case = json.load(open(f, encoding="utf-8"))
        for e in case.get("entities", []) + case.get("optional_entities", []):
            if str(e.get("type", "")).upper() not in ("PER", "PERSON") or not e.get("latin") or not e.get("aliases"):
                continue
            total += 1
            got = to_latin(e["aliases"][0], "PER", article=article) or ""
            gold = {latin_norm(x) for x in e["latin"]}
            if latin_norm(got) in gold:
                hits += 1
            else:
                misses.append((e["aliases"][0], got, e["latin"]))
    if verbose:
        print(f"gold PER latin (article={article}): {hits}/{total} = {hits / max(total, 1):.2f}")
        for a, g, gold in misses:
            print(f"  miss: {a} -> {g!r}  gold {gold}")
    return {"hits": hits, "total": total, "misses": misses}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--measure", action="store_true", help="only measure the gold-case Latin hit rate")
    ap.add_argument("--article", default="drop", choices=["drop", "al", "Al"])
    args = ap.parse_args(argv)
    if args.measure:
        measure(args.shared, article=args.article)
        return 0
    stats = build(args.shared, args.out)
    print(" ".join(f"{k}={v}" for k, v in stats.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

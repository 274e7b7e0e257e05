"""rasid's actor-candidate corpus: names the registry might make actors of, labelled by
docs/ACTOR_ANNOTATION.md (actor, span, junk).

A candidate is a PER, ORG or LOC entity of an article that no lexicon vouches for (not a known
person or organisation, not a place the gazetteer resolved): the entities whose registry entry
the evidence model (rasid.store.evidence) decides. Everything stored is a reference: corpus zip,
article url, character offsets of the entity's mention and of its sentence in the article's text
as rasid reads it (the raw text, before cleaning), and a hash of the mention.

    python -m rasid.train.actor_corpus sample [--articles 240] [--seed 21] [--per-article 6]
    python -m rasid.train.actor_corpus show BATCH [--second]
    python -m rasid.train.actor_corpus agree
    python -m rasid.train.actor_corpus stats

Files (under rasid/train/data/actors/):
    sample.jsonl        one line per candidate: cid, file, url, source, split, type, start, end, sha1,
                        sent_start, sent_end, rules (what the hand-written evidence rules said), batch, second
    labels/NAME.jsonl   one line per labelled candidate: cid, label (actor | span | junk), note
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Iterator

from rasid.train.event_corpus import _by_url, _split_of, article_text, draw_articles, sha1

DATA = Path(__file__).resolve().parent / "data" / "actors"
SAMPLE = DATA / "sample.jsonl"
LABELS = DATA / "labels"
LABEL_SET = ("actor", "span", "junk")
N_BATCHES = 4


def _pipeline():
    from rasid.extract import build_pipeline
    return build_pipeline()


def candidates(article) -> Iterator[tuple[object, object]]:
    """``(entity, its mention)`` for the entities of a processed article that are candidates: PER, ORG
    or LOC without strong evidence; the mention is the first that reads as the entity's name, else the
    first."""
    from rasid.store.evidence import strong_evidence

    by_id = {m.id: m for m in article.mentions}
    for e in article.entities:
        if e.type not in ("PER", "ORG", "LOC") or strong_evidence(e):
            continue
        ms = [by_id[i] for i in e.mentions if i in by_id]
        if not ms:
            continue
        ms.sort(key=lambda m: m.start)
        named = [m for m in ms if m.text == e.name]
        yield e, (named or ms)[0]


def sample(n_articles: int, seed: int, per_article: int, exclude: frozenset = frozenset()) -> list[dict]:
    from rasid.ingest.records import article_from_record
    from rasid.store.evidence import rule_evidence

    rng = random.Random(seed)
    pipe = _pipeline()
    rows = []
    for file, rec in draw_articles(rng, n_articles, exclude):
        text = article_text(rec)
        art = pipe(article_from_record(rec, "corpus", "json"))
        assert art.raw == text
        found = list(candidates(art))
        rng.shuffle(found)
        for e, m in sorted(found[:per_article], key=lambda em: em[1].start):
            sent = next((s for s in art.sentences if s.start <= m.start < s.end), None)
            a, b = art.raw_span(sent.start, sent.end) if sent else (max(0, m.start - 150), min(len(art.text), m.end + 150))
            start, end = art.raw_span(m.start, m.end)
            rows.append({"file": file, "url": rec["url"], "source": rec.get("source", ""),
                         "split": _split_of(rec["url"]), "type": e.type, "start": start, "end": end,
                         "sha1": sha1(text[start:end]), "sent_start": a, "sent_end": b,
                         "rules": bool(rule_evidence(e, art))})
    for i, row in enumerate(rows, 1):
        row["cid"] = f"a{i:04d}"
    urls = list(dict.fromkeys(r["url"] for r in rows))
    second = set(rng.sample(urls, max(1, len(urls) // 8)))
    for r in rows:
        r["batch"] = urls.index(r["url"]) % N_BATCHES + 1
        r["second"] = r["url"] in second
    return rows


def load_sample(path: Path = SAMPLE) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def rebuild(row: dict) -> tuple[str, str]:
    """``(article text, mention)`` of a sample row; raises ValueError when the text has changed."""
    rec = _by_url(row["file"]).get(row["url"])
    if rec is None:
        raise ValueError(f"{row['cid']}: {row['url']} is not in {row['file']}")
    text = article_text(rec)
    mention = text[row["start"]:row["end"]]
    if sha1(mention) != row["sha1"]:
        raise ValueError(f"{row['cid']}: the mention at {row['start']}:{row['end']} of {row['url']} has changed")
    return text, mention


def show(batch: int, second: bool = False, out=sys.stdout) -> None:
    """Print a batch for labelling (with ``second``: the double-labelled candidates of every batch)."""
    pipe = None
    rows = [r for r in load_sample() if (r["second"] if second else r["batch"] == batch)]
    for r in rows:
        text, mention = rebuild(r)
        if pipe is None:
            pipe = _pipeline()
        name = _entity_name(pipe, r, text) or mention
        sent = text[r["sent_start"]:r["start"]] + "⟦" + mention + "⟧" + text[r["end"]:r["sent_end"]]
        out.write(f"[{r['cid']}] {r['type']}  NAME: {name}\n    {' '.join(sent.split())}\n\n")


def _entity_name(pipe, row: dict, text: str) -> str | None:
    """The name rasid would store for the candidate (its entity's name), from a run of the pipeline."""
    from rasid.ingest.records import article_from_record

    key = (row["url"],)
    art = _cached.get(key)
    if art is None:
        _cached.clear()
        art = _cached[key] = pipe(article_from_record(_by_url(row["file"])[row["url"]], "corpus", "json"))
    for e, m in candidates(art):
        if art.raw_span(m.start, m.end) == (row["start"], row["end"]):
            return e.name
    return None


_cached: dict = {}


def labels(second: bool = False) -> dict[str, dict]:
    """Labels by candidate id: the first labelling (files without ``.second``), or the double ones."""
    out: dict[str, dict] = {}
    for path in sorted(LABELS.glob("*.jsonl")):
        if path.name.endswith(".second.jsonl") != second:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row.get("label") in LABEL_SET:
                    out.setdefault(row["cid"], row)
    return out


def kappa(a: list[str], b: list[str]) -> float:
    n = len(a)
    if not n:
        return float("nan")
    po = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def agreement() -> dict:
    first, second = labels(), labels(second=True)
    both = sorted(set(first) & set(second))
    a = [first[c]["label"] for c in both]
    b = [second[c]["label"] for c in both]
    binary = [("junk" if x == "junk" else "somebody") for x in a], [("junk" if x == "junk" else "somebody") for x in b]
    return {"candidates": len(both), "same_label": round(sum(x == y for x, y in zip(a, b)) / max(1, len(both)), 3),
            "kappa_3": round(kappa(a, b), 3), "kappa_junk_or_not": round(kappa(*binary), 3),
            "same_junk_or_not": round(sum(x == y for x, y in zip(*binary)) / max(1, len(both)), 3)}


def stats() -> dict:
    rows = load_sample()
    lab = labels()
    by_split: dict[str, Counter] = {}
    for r in rows:
        if r["cid"] in lab:
            by_split.setdefault(r["split"], Counter())[lab[r["cid"]]["label"]] += 1
    return {"candidates": len(rows), "labelled": len(lab),
            "articles": len({r["url"] for r in rows}), "by_split": {k: dict(v) for k, v in sorted(by_split.items())}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample", help="draw articles and write sample.jsonl")
    s.add_argument("--articles", type=int, default=240)
    s.add_argument("--seed", type=int, default=21)
    s.add_argument("--per-article", type=int, default=6)
    sh = sub.add_parser("show", help="print a batch for labelling")
    sh.add_argument("batch", type=int)
    sh.add_argument("--second", action="store_true", help="the double-labelled candidates instead")
    sub.add_parser("agree", help="agreement of the double labels")
    sub.add_parser("stats", help="labels per split")
    args = ap.parse_args(argv)
    if args.cmd == "sample":
        rows = sample(args.articles, args.seed, args.per_article)
        DATA.mkdir(parents=True, exist_ok=True)
        with SAMPLE.open("w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        splits = Counter(r["split"] for r in rows)
        print(f"{len(rows)} candidates from {len({r['url'] for r in rows})} articles; {dict(splits)}; "
              f"double-labelled {sum(r['second'] for r in rows)}")
    elif args.cmd == "show":
        show(args.batch, args.second)
    elif args.cmd == "agree":
        print(json.dumps(agreement(), indent=1))
    else:
        print(json.dumps(stats(), indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

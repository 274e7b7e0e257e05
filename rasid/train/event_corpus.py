"""rasid's own event corpus: draw sentences, show them to annotators, check labels, measure agreement.

The guide is docs/EVENT_ANNOTATION.md. Everything stored is a *reference*: the
corpus zip, the article url, character offsets into the article's text as rasid
reads it (the record's ``content``, line ends normalised) and a hash of the
sentence; the text is rebuilt from ``../shared/data/corpus`` when needed.

    python -m rasid.train.event_corpus sample   [--articles 330] [--seed 10]
    python -m rasid.train.event_corpus show BATCH [--second]
    python -m rasid.train.event_corpus resolve FILE --annotator NAME
    python -m rasid.train.event_corpus agree
    python -m rasid.train.event_corpus stats

Files (under rasid/train/data/events/):
    sample.jsonl        one line per sentence: sid, file, url, start, end, sha1, pick, split, batch, second
    labels/NAME.jsonl   one line per labelled sentence: sid, annotator, events (offsets)
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import sys
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterator

from rasid.doc.layers import REALIS
from rasid.lang.ar.triggers import PLOVER_TYPES

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "data" / "corpus" / "saudinewsnet"
RESERVED = SHARED / "eval" / "reserved.tsv"
DATA = Path(__file__).resolve().parent / "data" / "events"
SAMPLE = DATA / "sample.jsonl"
LABELS = DATA / "labels"

TYPES = PLOVER_TYPES
MODES = {
    "ASSAULT": {"abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy", "firearms",
                "explosives", "suicide-attack", "heavy-weapons", "massacre", "primitive", "unconventional"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct"},
    "COERCE": {"arrest", "deport", "confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "withhold"},
    "CONSULT": {"visit", "phone", "multilateral", "third-party"},
    "RETREAT": {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "THREATEN": {"restrict", "ban", "arrest", "relations", "expel", "territory", "violence"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
}
KINDS = ("named", "descriptive")
SECTORS = ("GOV", "MIL", "COP", "SPY", "JUD", "LEG", "REB", "INS", "UAF", "OPP", "PTY", "CVL", "LAB", "EDU",
           "MED", "HLH", "BUS", "REL", "REF", "IGO", "NGO", "CRM")
_ISO3 = re.compile(r"^[A-Z]{3}$")


# --------------------------------------------------------------------------- the corpus

@dataclass(frozen=True)
class Ref:
    sid: str
    file: str
    url: str
    start: int
    end: int
    sha1: str


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def reserved_urls() -> frozenset[str]:
    with RESERVED.open(encoding="utf-8") as fh:
        return frozenset(row["url"] for row in csv.DictReader(fh, delimiter="\t"))


def _records(zip_path: Path) -> list[dict]:
    with zipfile.ZipFile(zip_path) as z:
        name = next(n for n in z.namelist() if n.endswith(".json"))
        return json.loads(z.read(name).decode("utf-8"))


def article_text(rec: dict) -> str:
    """The article's text as rasid reads a SaudiNewsNet record (what offsets point into)."""
    from rasid.ingest.records import article_from_record

    art = article_from_record(rec, "corpus", "json")
    return "" if not hasattr(art, "raw") else art.raw


@cache
def _by_url(file: str) -> dict[str, dict]:
    return {r.get("url"): r for r in _records(CORPUS / file)}


def rebuild(ref: Ref) -> tuple[str, str]:
    """``(article text, sentence)`` for a reference; raises ValueError when the hash differs."""
    rec = _by_url(ref.file).get(ref.url)
    if rec is None:
        raise ValueError(f"{ref.sid}: {ref.url} is not in {ref.file}")
    text = article_text(rec)
    sent = text[ref.start:ref.end]
    if sha1(sent) != ref.sha1:
        raise ValueError(f"{ref.sid}: the sentence at {ref.start}:{ref.end} of {ref.url} has changed")
    return text, sent


def load_sample(path: Path = SAMPLE) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def ref_of(row: dict) -> Ref:
    return Ref(row["sid"], row["file"], row["url"], row["start"], row["end"], row["sha1"])


# --------------------------------------------------------------------------- sample

def _split_of(url: str) -> str:
    h = int(hashlib.sha1(url.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "test" if h < 20 else "dev" if h < 35 else "train"


def _sentences(text: str, pipe, lex) -> list[tuple[int, int, frozenset]]:
    """``(raw start, raw end, the types its candidate triggers propose)`` for each sentence of the
    cleaned article (an empty set: no candidate)."""
    from rasid.doc.article import Article

    art = pipe(Article(raw=text))
    out = []
    for s in art.sentences:
        toks = art.tokens[s.token_start:s.token_end]
        words = sum(1 for t in toks if t.kind == "word")
        if words < 5 or words > 90:
            continue
        types = frozenset(r.type for t in toks if t.kind == "word" for r in lex.token_readings(t))
        a, b = art.raw_span(s.start, s.end)
        out.append((a, b, types))
    return out


def draw_articles(rng: random.Random, want: int, exclude: frozenset = frozenset()) -> list[tuple[str, dict]]:
    """Up to ``want`` corpus records ``(zip name, record)``, round robin over sources, then over that
    source's days; reserved, repeated, short (< 300 characters) and ``exclude``d articles left out."""
    reserved = reserved_urls()
    groups: dict[tuple[str, str], list[tuple[str, dict]]] = defaultdict(list)
    seen_urls, seen_text = set(), set()
    for zp in sorted(CORPUS.glob("*.zip")):
        for rec in _records(zp):
            url, content = rec.get("url"), rec.get("content") or ""
            if not url or url in reserved or url in exclude or url in seen_urls or len(content) < 300:
                continue
            h = sha1(content)
            if h in seen_text:
                continue
            seen_urls.add(url)
            seen_text.add(h)
            groups[(rec.get("source", ""), zp.name)].append((zp.name, rec))
    keys = sorted(groups)
    for k in keys:
        rng.shuffle(groups[k])
    by_source: dict[str, list] = defaultdict(list)
    for k in keys:
        by_source[k[0]].append(k)
    order = []
    while len(order) < want and any(groups[k] for k in keys):
        for src in sorted(by_source):
            days = [k for k in by_source[src] if groups[k]]
            if days:
                order.append(groups[rng.choice(days)].pop())
    return order


def sample(n_articles: int, seed: int, per_article: tuple[int, int] = (4, 2), exclude: frozenset = frozenset(),
           first_sid: int = 1, first_batch: int = 1, prefer: frozenset = frozenset()) -> list[dict]:
    """Draw articles across sources and days (reserved, repeated and ``exclude``d urls left out), and in
    each up to ``per_article[0]`` sentences holding a candidate trigger and ``per_article[1]`` drawn at
    random. Sentence ids start at ``first_sid``, batches (of whole articles) at ``first_batch``.
    ``prefer``: PLOVER types the corpus has few of; three times as many articles are drawn, those with a
    candidate of such a type come first, and in each article its sentences with one."""
    from rasid.lang.ar.triggers import event_lexicon
    from rasid.pipeline import Pipeline

    rng = random.Random(seed)
    want = n_articles * (3 if prefer else 1)
    order = draw_articles(rng, want, exclude)
    pipe = Pipeline.from_names(["clean", "tokens", "sentences"])
    lex = event_lexicon()
    rows = []
    n_cand, n_rand = per_article
    drawn = [(file, rec, article_text(rec)) for file, rec in order[:want]]
    drawn = [(file, rec, text, _sentences(text, pipe, lex)) for file, rec, text in drawn]
    if prefer:
        drawn.sort(key=lambda d: not any(s[2] & prefer for s in d[3]))     # stable: keeps the round robin
    for file, rec, text, sents in drawn[:n_articles]:
        cands = [s for s in sents if s[2]]
        rng.shuffle(cands)
        if prefer:
            cands.sort(key=lambda s: not (s[2] & prefer))
        chosen = cands[:n_cand]
        rest = [s for s in sents if s not in chosen]
        rng.shuffle(rest)
        picks = [(s, "candidate") for s in chosen] + [(s, "random") for s in rest[:n_rand]]
        for (a, b, _), why in sorted(picks, key=lambda p: p[0][0]):
            rows.append({"file": file, "url": rec["url"], "source": rec.get("source", ""), "start": a, "end": b,
                         "sha1": sha1(text[a:b]), "pick": why, "split": _split_of(rec["url"])})
    for i, row in enumerate(rows, first_sid):
        row["sid"] = f"e{i:04d}"
    # batches of whole articles; a tenth of the articles are labelled twice
    urls = list(dict.fromkeys(r["url"] for r in rows))
    second = set(rng.sample(urls, max(1, len(urls) // 10)))
    n_batches = 8
    for r in rows:
        r["batch"] = urls.index(r["url"]) % n_batches + first_batch
        r["second"] = r["url"] in second
    return rows


# --------------------------------------------------------------------------- show

def show(batch: int, second: bool = False, out=sys.stdout) -> None:
    """Print a batch for labelling: per article its title, then each sentence with the one before it.
    With ``second``: the double-labelled sentences of the draw that ``batch`` belongs to (batches
    1-8, 9-16, ...), for an annotator who labelled none of that draw's batches."""
    draw = (batch - 1) // 8 if batch else 0
    rows = [r for r in load_sample() if (r["second"] and (r["batch"] - 1) // 8 == draw if second
                                         else r["batch"] == batch)]
    write_batch(rows, out, lambda text, start: text[max(0, start - 300):start].rsplit("\n", 1)[-1].strip()[-250:])


def write_batch(rows: list[dict], out, context) -> None:
    """Write sample rows for labelling: per article its title, per sentence its id, ``context(text,
    start)`` (the article text an annotator sees before it) and the sentence (both corpora's ``show``)."""
    current = None
    for r in rows:
        text, sent = rebuild(ref_of(r))
        if r["url"] != current:
            current = r["url"]
            rec = _by_url(r["file"])[r["url"]]
            out.write(f"\n=== ARTICLE {r['url']}  ({r['source']}, {r['file'][:10]})\nTITLE: {rec.get('title', '')}\n")
        out.write(f"\n[{r['sid']}]\nCONTEXT: …{context(text, r['start'])}\nSENTENCE: {sent}\n")


# --------------------------------------------------------------------------- resolve

class LabelError(ValueError):
    pass


def _find(sent: str, spec: str, what: str) -> tuple[int, int]:
    text, _, nth = spec.rpartition("#") if re.search(r"#\d+$", spec) else (spec, "", "1")
    text = text.strip()
    if not text:
        raise LabelError(f"{what} is empty")
    starts = [m.start() for m in re.finditer(re.escape(text), sent)]
    n = int(nth)
    if not starts:
        raise LabelError(f"{what} {text!r} is not in the sentence")
    if n < 1 or n > len(starts):
        raise LabelError(f"{what} {text!r} occurs {len(starts)} times, not #{n}")
    if len(starts) > 1 and not spec.endswith(f"#{nth}") and what == "trigger":
        pass        # the first occurrence when none is named (documented)
    return starts[n - 1], starts[n - 1] + len(text)


def _participant(sent: str, p, what: str, base: int) -> dict | None:
    if p is None:
        return None
    if not isinstance(p, dict) or "text" not in p:
        raise LabelError(f"{what} must be null or an object with text, kind, sector, country")
    a, b = _find(sent, p["text"], what)
    kind = p.get("kind")
    if kind not in KINDS:
        raise LabelError(f"{what} kind {kind!r} is not one of {KINDS}")
    sector = p.get("sector") or None
    if sector is not None and sector not in SECTORS:
        raise LabelError(f"{what} sector {sector!r} is not in the guide")
    country = p.get("country") or None
    if country is not None and not _ISO3.match(country):
        raise LabelError(f"{what} country {country!r} is not ISO alpha-3")
    return {"start": base + a, "end": base + b, "kind": kind, "sector": sector, "country": country}


def resolve_event(sent: str, base: int, ev: dict) -> dict:
    """One annotator event (spans as text) as offsets into the article, checked against the guide."""
    t = ev.get("type")
    if t not in TYPES:
        raise LabelError(f"type {t!r} is not a PLOVER type")
    mode = ev.get("mode") or None
    if mode is not None and mode not in MODES.get(t, ()):
        raise LabelError(f"mode {mode!r} is not a mode of {t}")
    realis = ev.get("realis")
    if realis not in REALIS:
        raise LabelError(f"realis {realis!r} is not one of {REALIS}")
    a, b = _find(sent, ev.get("trigger") or "", "trigger")
    src = _participant(sent, ev.get("source"), "source", base)
    tgt = _participant(sent, ev.get("target"), "target", base)
    if src is None and tgt is None:
        raise LabelError("an event needs a source or a target")
    place = None
    if ev.get("place"):
        pa, pb = _find(sent, ev["place"], "place")
        place = {"start": base + pa, "end": base + pb}
    out = {"type": t, "mode": mode, "trigger": {"start": base + a, "end": base + b},
           "source": src, "target": tgt, "realis": realis, "place": place}
    for k in ("killed", "injured"):
        v = ev.get(k)
        if v is not None and (not isinstance(v, int) or v < 0):
            raise LabelError(f"{k} must be a whole number or null")
        if v is not None and t != "ASSAULT":
            raise LabelError(f"{k} is only for ASSAULT")
        out[k] = v
    return out


def resolve_lines(path: Path, annotator: str, sample_rows: list[dict], field: str, one
                  ) -> tuple[list[dict], list[str]]:
    """Check an annotator's JSON lines: each names a sampled sentence (``sid``) and lists its items under
    ``field``; ``one(article text, sentence, sentence start, item)`` checks an item and gives its offsets.
    ``(stored lines, errors)``; a line with an error is not stored (the event and the quotation corpus
    check alike)."""
    rows = {r["sid"]: r for r in sample_rows}
    stored, errors = [], []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            lab = json.loads(line)
            row = rows.get(lab.get("sid"))
            if row is None:
                raise LabelError(f"unknown sid {lab.get('sid')!r}")
            text, sent = rebuild(ref_of(row))
            items = [one(text, sent, row["start"], item) for item in lab.get(field) or []]
            stored.append({"sid": row["sid"], "annotator": annotator, field: items})
        except (LabelError, json.JSONDecodeError, AttributeError, TypeError) as exc:
            errors.append(f"{path}:{n}: {exc}")
    return stored, errors


def resolve(path: Path, annotator: str) -> tuple[list[dict], list[str]]:
    """Check an annotator's file; ``(stored lines, errors)``. A line with an error is not stored."""
    return resolve_lines(path, annotator, load_sample(), "events",
                         lambda _text, sent, base, ev: resolve_event(sent, base, ev))


# --------------------------------------------------------------------------- agreement

def _overlap(a: dict | None, b: dict | None) -> bool:
    return a is not None and b is not None and a["start"] < b["end"] and b["start"] < a["end"]


def agreement(first: dict[str, dict], second: dict[str, dict]) -> dict:
    """Agreement on sentences both labelled: sentence-level type sets (Cohen's kappa per type averaged
    over types present, and exact-set agreement), event match F1 (same type, overlapping trigger),
    and on matched events the share with the same source, target and realis."""
    sids = sorted(set(first) & set(second))
    exact = 0
    per_type: dict[str, list[tuple[int, int]]] = defaultdict(list)
    tp = n1 = n2 = 0
    same = Counter()
    for sid in sids:
        e1, e2 = first[sid]["events"], second[sid]["events"]
        t1, t2 = {e["type"] for e in e1}, {e["type"] for e in e2}
        exact += t1 == t2
        for t in TYPES:
            per_type[t].append((t in t1, t in t2))
        n1 += len(e1)
        n2 += len(e2)
        used = set()
        for a in e1:
            for j, b in enumerate(e2):
                if j not in used and a["type"] == b["type"] and _overlap(a["trigger"], b["trigger"]):
                    used.add(j)
                    tp += 1
                    same["source"] += (a["source"] is None and b["source"] is None) or _overlap(a["source"], b["source"])
                    same["target"] += (a["target"] is None and b["target"] is None) or _overlap(a["target"], b["target"])
                    same["realis"] += a["realis"] == b["realis"]
                    break
    kappas = {}
    for t, pairs in per_type.items():
        if not any(x or y for x, y in pairs):
            continue
        n = len(pairs)
        po = sum(x == y for x, y in pairs) / n
        p1, p2 = sum(x for x, _ in pairs) / n, sum(y for _, y in pairs) / n
        pe = p1 * p2 + (1 - p1) * (1 - p2)
        kappas[t] = 1.0 if pe == 1 else (po - pe) / (1 - pe)
    f1 = 2 * tp / (n1 + n2) if n1 + n2 else 1.0
    return {"sentences": len(sids), "type_set_exact": exact / len(sids) if sids else 0.0,
            "kappa_by_type": kappas, "kappa_mean": sum(kappas.values()) / len(kappas) if kappas else 0.0,
            "events_first": n1, "events_second": n2, "event_f1": f1,
            "matched": tp, "same_source": same["source"] / tp if tp else 0.0,
            "same_target": same["target"] / tp if tp else 0.0, "same_realis": same["realis"] / tp if tp else 0.0}


# --------------------------------------------------------------------------- labels for training

# The models learn from the train sentences of the first ten draws (batches 1-80). The eleventh and
# twelfth draws (batches 81-96, 2026-12-08) are labelled, and their dev and test sentences measured
# like the others', but their train sentences are kept out of training for now: with them the own
# test split gained (type F1 0.555 -> 0.563, full event 0.244 -> 0.250, roles 0.594 -> 0.601) but the
# shared cases lost two dyads to role errors (a reporter as the target of the attack it announced, a
# visit given the wrong visitor), under the seed's and all cases' floors (rasid/models/events/MODEL_CARD.md)
TRAIN_BATCHES = range(1, 81)


def gold(split: str | None = None) -> Iterator[tuple[dict, str, str, list[dict]]]:
    """``(sample row, article text, sentence, events)`` of every labelled sentence (first labelling
    only: files named ``*.second.jsonl`` hold the double labels), optionally of one split; the train
    split's sentences only of the draws trained on (:data:`TRAIN_BATCHES`)."""
    yield from labelled(load_sample(), LABELS, "events", split, TRAIN_BATCHES)


def labelled(sample_rows: list[dict], labels: Path, field: str, split: str | None = None,
             train_batches: range | None = None) -> Iterator[tuple[dict, str, str, list[dict]]]:
    """``(sample row, article text, sentence, labels[field])`` of every sentence labelled in the files of
    ``labels`` (first labelling only: ``*.second.jsonl`` hold the double labels), optionally of one split
    (the event and the quotation corpus keep their labels alike); the train split's sentences only of
    ``train_batches`` when given (the draws a model trains on)."""
    rows = {r["sid"]: r for r in sample_rows}
    for path in sorted(labels.glob("*.jsonl")):
        if path.name.endswith(".second.jsonl"):
            continue
        with path.open(encoding="utf-8") as fh:
            for lab in map(json.loads, filter(str.strip, fh)):
                row = rows[lab["sid"]]
                if split is not None and row["split"] != split:
                    continue
                if split == "train" and train_batches is not None and row["batch"] not in train_batches:
                    continue
                text, sent = rebuild(ref_of(row))
                yield row, text, sent, lab[field]


def append_sample(rows: list[dict], path: Path, extend: bool) -> None:
    """Write a draw's sample rows (appended to ``path`` when ``extend``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a" if extend else "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def draw_summary(rows: list[dict]) -> str:
    """One line on a draw: sentences, articles, why picked, sources, days, splits, double-labelled."""
    return (f"{len(rows)} sentences from {len({r['url'] for r in rows})} articles; "
            f"{dict(Counter(r['pick'] for r in rows))}; sources {len({r['source'] for r in rows})}, "
            f"days {len({r['file'] for r in rows})}; splits {dict(Counter(r['split'] for r in rows))}; "
            f"double {sum(r['second'] for r in rows)}")


def store_labels(path: Path, annotator: str, labels: Path, name: str | None, resolve_file) -> int:
    """``resolve`` for the command line: check an annotator's file with ``resolve_file``, print what was
    refused, store the rest as ``labels/NAME.jsonl``; exit status 1 when a line was refused."""
    stored, errors = resolve_file(path, annotator)
    for e in errors:
        print(e, file=sys.stderr)
    labels.mkdir(parents=True, exist_ok=True)
    out = labels / f"{name or annotator}.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for lab in stored:
            fh.write(json.dumps(lab, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(stored)} sentences stored in {out}; {len(errors)} refused", file=sys.stderr)
    return 1 if errors else 0


def first_and_second(labels: Path) -> tuple[dict[str, dict], dict[str, dict]]:
    """The first labels and the double labels (``*.second.jsonl``) of the files in ``labels``, by sid."""
    firsts: dict[str, dict] = {}
    seconds: dict[str, dict] = {}
    for p in sorted(labels.glob("*.jsonl")):
        with p.open(encoding="utf-8") as fh:
            labs = {d["sid"]: d for d in map(json.loads, filter(str.strip, fh))}
        (seconds if p.name.endswith(".second.jsonl") else firsts).update(labs)
    return firsts, seconds


def corpus_parser(doc: str, articles: int, seed: int, extend_help: str, second_help: str):
    """``(parser, its "sample" subparser)`` with the commands both corpora have: sample (--articles,
    --seed, --extend), show BATCH [--second], resolve FILE --annotator NAME [--out], agree, stats."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--articles", type=int, default=articles)
    s.add_argument("--seed", type=int, default=seed)
    s.add_argument("--extend", action="store_true", help=extend_help)
    sh = sub.add_parser("show")
    sh.add_argument("batch", type=int)
    sh.add_argument("--second", action="store_true", help=second_help)
    r = sub.add_parser("resolve")
    r.add_argument("file", type=Path)
    r.add_argument("--annotator", required=True)
    r.add_argument("--out", help="labels file name (default: the annotator's)")
    sub.add_parser("agree")
    sub.add_parser("stats")
    return ap, s


def main(argv: list[str] | None = None) -> int:
    ap, s = corpus_parser(
        __doc__, 380, 10,
        "append a new draw (other articles, new sids, batches after the last) to sample.jsonl",
        "the double-labelled sentences of BATCH's draw (0 or 1-8: the first draw; 9-16: the second)")
    s.add_argument("--candidates", type=int, default=4, help="sentences with a candidate trigger per article")
    s.add_argument("--random", type=int, default=2, help="sentences drawn at random per article")
    s.add_argument("--prefer", default="", metavar="TYPE,TYPE",
                   help="PLOVER types the corpus has few of: articles and sentences proposing them come first")
    args = ap.parse_args(argv)
    if args.cmd == "sample":
        old = load_sample() if args.extend and SAMPLE.exists() else []
        rows = sample(args.articles, args.seed, (args.candidates, args.random),
                      exclude=frozenset(r["url"] for r in old),
                      first_sid=max((int(r["sid"][1:]) for r in old), default=0) + 1,
                      first_batch=max((r["batch"] for r in old), default=0) + 1,
                      prefer=frozenset(t for t in args.prefer.split(",") if t))
        append_sample(rows, SAMPLE, bool(old))
        print(draw_summary(rows))
    elif args.cmd == "show":
        show(args.batch, args.second)
    elif args.cmd == "resolve":
        return store_labels(args.file, args.annotator, LABELS, args.out, resolve)
    elif args.cmd == "agree":
        firsts, seconds = first_and_second(LABELS)
        print(json.dumps(agreement(firsts, seconds), indent=1))
    elif args.cmd == "stats":
        n = Counter()
        for row, _, _, events in gold():
            n["sentences"] += 1
            n[row["split"]] += 1
            for e in events:
                n[e["type"]] += 1
                n["realis:" + e["realis"]] += 1
        print(json.dumps(n, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Measure role assignment (rasid.events.participants) against labels.

    python -m rasid.train.participants_eval [--split dev] [--gsr] [--show N]

* **own**: rasid's event corpus (``rasid.train.event_corpus.gold(split)``): for every gold event,
  :func:`find_participants` at the gold trigger with the gold type; source and target are scored
  separately: correct when the spans overlap, or both are empty. On matched spans, kind and sector
  accuracy. Tune only on ``train`` and ``dev``; the ``test`` split is read for reported figures only.
* **gsr**: the GSR dev span records (``rasid.train.gsr.load``): each coder marked source, verb and
  target tokens. For every verb token a trigger reading covers, the roles are scored against all
  coders' records that hold that verb token: correct when the span shares a token with any coder's
  tokens for that role, or is empty where some coder left the role empty.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from functools import cache

from rasid.doc import Article
from rasid.events.candidates import candidates
from rasid.events.participants import find_participants
from rasid.lang.ar.triggers import Trigger

STAGES = ["clean", "tokens", "sentences", "mentions", "entities", "places", "quotes", "dates"]


@cache
def pipeline():
    from rasid.pipeline import Pipeline

    return Pipeline.from_names(STAGES)


def _reading(article, first: int, last: int, type_: str, cands) -> tuple[Trigger, int, int]:
    """The lexicon reading of the trigger at tokens [first, last) with the type asked for (else any
    reading; else a bare reading whose part of speech is guessed from the article ال)."""
    for c in cands:
        if c.first <= first < c.last:
            for r in c.readings:
                if r.type == type_ or type_ in r.alt_types:
                    return r, c.first, c.last
            return c.readings[0], c.first, c.last
    tok = article.tokens[first]
    pos = "noun" if any(p[3] == "article" for p in tok.pieces) or tok.stem.endswith("ه") else "verb"
    return Trigger(tok.stem, tok.stem, tok.stem, type_, pos=pos), first, last


def overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    """Two half-open spans share a character (False when either is missing)."""
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def gold_events(split: str):
    """Every gold event of one split of rasid's own corpus placed on the article's tokens:
    ``(article, sentence index, first, last, trigger reading, event)`` (``None`` for the article
    fields of an event whose trigger does not align)."""
    from rasid.train.event_corpus import gold

    last_text, art, cands = None, None, []
    for row, text, sent, events in gold(split):
        if text != last_text:       # the labelled sentences of one article come together: read it once
            art = pipeline()(Article(raw=text, published=row["file"][:10]))
            cands, last_text = candidates(art), text
        idx = art.token_index()
        for ev in events:
            ts, te = ev["trigger"]["start"], ev["trigger"]["end"]
            cs, ce = art.alignment.to_clean(ts), art.alignment.to_clean(te - 1)
            si = None
            if cs is not None and ce is not None:
                first = idx.at(cs)
                last = max(idx.at(ce) + 1, first + 1)
                si = next((i for i, s in enumerate(art.sentences) if s.token_start <= first < s.token_end), None)
            if si is None:
                yield art, None, 0, 0, None, ev
                continue
            trig, first, last = _reading(art, first, last, ev["type"], cands)
            yield art, si, first, last, trig, ev


def own(split: str = "dev", show: int = 0, out=sys.stdout, assign=None) -> dict:
    """Role accuracy at the gold triggers of ``split`` (``assign``: the role assignment to score, with
    find_participants' signature; the shipped learned one when not given)."""
    if assign is None:
        from rasid.events.roles import shipped_roles

        assign = shipped_roles().assign
    c: Counter = Counter()
    shown = 0
    for art, si, first, last, trig, ev in gold_events(split):
        if si is None:
            c["unaligned"] += 1
            continue
        text = art.raw
        ts, te = ev["trigger"]["start"], ev["trigger"]["end"]
        sent = art.text[art.sentences[si].start:art.sentences[si].end]
        got = {p.role: p for p in assign(art, si, first, last, trig, ev["type"])}
        c["events"] += 1
        wrong = []
        for role in ("source", "target"):
            g = ev[role]
            p = got.get(role)
            gs = (g["start"], g["end"]) if g else None
            ps = art.raw_span(p.start, p.end) if p else None
            ok = (g is None and p is None) or overlap(gs, ps)
            c[f"{role}_ok"] += ok
            c[f"{role}_gold"] += g is not None
            c[f"{role}_pred"] += p is not None
            c[f"{role}_tp"] += bool(g is not None and ok)
            if ok and g is not None:
                c["matched"] += 1
                c["kind_ok"] += p.kind == g["kind"]
                if g.get("sector"):
                    c["sector_n"] += 1
                    c["sector_ok"] += p.sector == g["sector"]
                if g.get("country"):
                    c["country_n"] += 1
                    c["country_ok"] += p.country == g["country"]
            if not ok:
                wrong.append((role, text[gs[0]:gs[1]] if gs else None,
                              text[ps[0]:ps[1]] if ps else None))
        if wrong and shown < show:
            shown += 1
            _show(out, f"{ev['type']} [{trig.pos}] {text[ts:te]} | {sent}", wrong)
    return _summary(c)


def _show(out, header: str, wrong: list[tuple]) -> None:
    """Print one event's wrong roles: gold against what came out."""
    print(f"--- {header}", file=out)
    for role, g, p in wrong:
        print(f"    {role}: gold={g!r} got={p!r}", file=out)


def _summary(c: Counter) -> dict:
    n = c["events"] or 1
    r = {"events": c["events"], "source_acc": c["source_ok"] / n, "target_acc": c["target_ok"] / n,
         "role_acc": (c["source_ok"] + c["target_ok"]) / (2 * n)}
    for role in ("source", "target"):
        p, g, tp = c[f"{role}_pred"], c[f"{role}_gold"], c[f"{role}_tp"]
        r[f"{role}_P"] = tp / p if p else 0.0
        r[f"{role}_R"] = tp / g if g else 0.0
    if c["matched"]:
        r["kind_acc"] = c["kind_ok"] / c["matched"]
    if c["sector_n"]:
        r["sector_acc"] = c["sector_ok"] / c["sector_n"]
    if c["country_n"]:
        r["country_acc"] = c["country_ok"] / c["country_n"]
    if c["unaligned"]:
        r["unaligned"] = c["unaligned"]
    return r


def gsr(type_: str, show: int = 0, out=sys.stdout, assign=None) -> dict:
    """Role accuracy on the GSR dev half's span records of ``type_`` (``assign`` as in :func:`own`)."""
    from rasid.train.gsr import load

    if assign is None:
        from rasid.events.roles import shipped_roles

        assign = shipped_roles().assign
    c: Counter = Counter()
    shown = 0
    for s in load(type_):
        if not s.spans:
            continue
        art = pipeline()(Article(raw=s.text))
        text = art.text
        cands = candidates(art)
        for cand in cands:
            words = {text[art.tokens[k].start:art.tokens[k].end] for k in range(cand.first, cand.last)}
            recs = [r for r in s.spans if words & set(r.verb)]
            if not recs:
                continue
            trig, first, last = _reading(art, cand.first, cand.last, type_, [cand])
            got = {p.role: p for p in assign(art, cand.sentence, first, last, trig, type_)}
            c["events"] += 1
            wrong = []
            for role in ("source", "target"):
                p = got.get(role)
                golds = [set(r.source if role == "source" else r.target) for r in recs]
                if p is None:
                    ok = any(not g for g in golds)
                else:
                    mine = set(p.text.split())
                    ok = any(mine & g for g in golds)
                c[f"{role}_ok"] += ok
                c[f"{role}_gold"] += any(golds)
                c[f"{role}_pred"] += p is not None
                c[f"{role}_tp"] += bool(p is not None and ok)
                if not ok:
                    wrong.append((role, [" ".join(r.source if role == "source" else r.target) for r in recs],
                                  p.text if p else None))
            if wrong and shown < show:
                shown += 1
                _show(out, f"{type_} [{trig.pos}] {' '.join(sorted(words))} | {s.text[:250]}", wrong)
    return _summary(c)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev", choices=("train", "dev", "test"))
    ap.add_argument("--gsr", action="store_true", help="also score the GSR dev span records")
    ap.add_argument("--show", type=int, default=0, help="print this many errors")
    ap.add_argument("--rules", action="store_true", help="score the structural rules alone (not the learned roles)")
    a = ap.parse_args(argv)
    rows = [(f"own {a.split}", own(a.split, a.show, assign=find_participants if a.rules else None))]
    if a.gsr:
        rows += [(f"GSR {t}", gsr(t, a.show, assign=find_participants if a.rules else None))
                 for t in ("ASSAULT", "PROTEST")]
    for name, r in rows:
        print(name + ": " + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in r.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

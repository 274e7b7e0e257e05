"""`make demo`: run the main job on bundled sample articles and print a readable summary.

Uses the seed case in ../shared/eval/cases/seed/ when it is present, plus the
project's own example articles in examples/ (written for rasid).
"""
from __future__ import annotations

import sys
from collections import Counter
from itertools import islice
from pathlib import Path

from rich.console import Console

from rasid import query
from rasid.cli.render import render_pretty
from rasid.errors import InputError
from rasid.extract import extract_paths
from rasid.store import Store

ROOT = Path(__file__).resolve().parents[1]
DEMO_ARTICLES = 120


def demo_inputs() -> list[str]:
    inputs = []
    seed = ROOT.parent / "shared" / "eval" / "cases" / "seed" / "article.txt"
    if seed.exists():
        inputs.append(str(seed))
    inputs.append(str(ROOT / "examples"))
    return inputs


def main() -> int:
    console = Console()
    inputs = demo_inputs()
    console.print(f"[bold]rasid extract[/bold] {' '.join(inputs)}\n")
    summary: list[str] = []
    first = None
    failures = 0
    for item in extract_paths(inputs):
        if isinstance(item, InputError):
            failures += 1
            console.print(f"[red]error[/red] {item.source}: {item.message}")
            continue
        first = first or item
        reasons = Counter(r.reason for r in item.removed if r.reason not in ("blank", "whitespace"))
        removed = ", ".join(f"{k} x{v}" if v > 1 else k for k, v in reasons.items()) or "nothing"
        summary.append(f"{Path(item.source or item.id).name}\n  {item.title or '(no title)'}\n"
                       f"  published {item.published or '-'} | publisher {item.publisher or '-'} | "
                       f"{len(item.sentences)} sentences | {len(item.tokens)} tokens | removed: {removed}"
                       + (f" | ERRORS: {len(item.errors)}" if item.errors else ""))
        failures += bool(item.errors)
    if first is not None:
        console.print("[bold]The first article, as `rasid extract --format pretty` shows it:[/bold]")
        sys.stdout.write(render_pretty(first))
        sys.stdout.flush()
    console.print(f"\n[bold]{len(summary)} articles[/bold]")
    sys.stdout.write("\n".join(summary) + "\n")
    sys.stdout.flush()
    console.print("Try: [bold].venv/bin/rasid extract --format json examples/amman-water-talks.txt[/bold]\n")
    failures += demo_store(console)
    return 1 if failures else 0


def demo_store(console: Console, n: int = DEMO_ARTICLES) -> int:
    """Ingest the examples and a sample of SaudiNewsNet (when ../shared is there) into demo.db."""
    corpus = ROOT.parent / "shared" / "data" / "corpus" / "saudinewsnet" / "2015-07-23.zip"
    inputs = [str(ROOT / "examples")] + ([str(corpus)] if corpus.exists() else [])
    db = ROOT / "demo.db"
    console.print(f"[bold]rasid ingest[/bold] {' '.join(inputs)} (first {n} articles) --db {db.name}")
    stored = failed = 0
    with Store(db) as store:
        for item in islice(extract_paths(inputs), n):
            if isinstance(item, InputError) or item.errors:
                failed += 1
                continue
            stored += store.add(item).inserted
        totals = {t: store.count(t) for t in ("articles", "actors", "events", "quotes")}
        top = query.events(store, limit=5).items
    console.print(f"  {stored} new articles stored ({failed} failed); the store now holds "
                  + ", ".join(f"{v} {k}" for k, v in totals.items()))
    for ev in top:
        sys.stdout.write(f"  {ev['type']:<9} {_parties(ev, 'source')} → {_parties(ev, 'target')}"
                         f"  ({ev['realis']})\n")
    sys.stdout.flush()
    console.print(f"\nOpen the UI: [bold]make serve[/bold] (or .venv/bin/rasid serve --db {db.name}), "
                  "then http://127.0.0.1:8321/")
    return 0


def _parties(ev: dict, role: str) -> str:
    """A side's parties as an analyst reads them: a named actor by its name, a descriptive one by its
    text and codes (مسلحون [UAF]); "?" when the text names none."""
    out = []
    for p in ev.get("participants") or []:
        if p["role"] != role:
            continue
        if p.get("name_ar"):
            out.append(p["name_ar"])
        else:
            codes = "/".join(x for x in (p.get("sector"), p.get("country")) if x)
            out.append(f"{p['text']} [{codes}]" if codes else p["text"])
    return "، ".join(dict.fromkeys(out)) or "?"


if __name__ == "__main__":
    sys.exit(main())


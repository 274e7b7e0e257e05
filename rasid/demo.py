"""`make demo`: run the main job on bundled sample articles and print a readable summary.

Uses the seed case in ../shared/eval/cases/seed/ when it is present, plus the
project's own example articles in examples/ (written for rasid).
"""
from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from rasid.cli.render import render_pretty
from rasid.errors import InputError
from rasid.extract import extract_paths

ROOT = Path(__file__).resolve().parents[1]


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
    table = Table(title="Articles", show_lines=False)
    for col in ("source", "title", "published", "publisher", "sentences", "tokens", "removed"):
        table.add_column(col, overflow="fold")
    first = None
    failures = 0
    for item in extract_paths(inputs):
        if isinstance(item, InputError):
            failures += 1
            console.print(f"[red]error[/red] {item.source}: {item.message}")
            continue
        first = first or item
        reasons = sorted({r.reason for r in item.removed})
        table.add_row(Path(item.source or item.id).name, (item.title or "")[:40], item.published or "-",
                      item.publisher or "-", str(len(item.sentences)), str(len(item.tokens)),
                      ", ".join(reasons) or "-")
        failures += bool(item.errors)
    if first is not None:
        console.print("[bold]The first article, as `rasid extract --format pretty` shows it:[/bold]")
        sys.stdout.write(render_pretty(first))
        sys.stdout.flush()
    console.print(table)
    console.print("Try: [bold].venv/bin/rasid extract --format json examples/amman-water-talks.txt[/bold]")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

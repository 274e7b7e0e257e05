"""Training entry points (build models from ../shared/data).

Word lists only training reads live in ``rasid/train/data/`` (each file's
header says what it is for): :func:`data_words` and :func:`data_rows` read them.
"""
from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def _lines(filename: str) -> list[str]:
    """The lines of a data file after its header comment lines, blank lines left out."""
    return [line for line in (DATA / filename).read_text("utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def data_words(name: str) -> list[str]:
    """The entries of ``data/NAME.txt``, one a line, in file order."""
    return [line.strip() for line in _lines(name + ".txt")]


def data_rows(name: str) -> list[dict[str, str]]:
    """The rows of ``data/NAME.tsv`` (a column line, then tab-separated rows) as dicts, in file order."""
    columns, *rows = _lines(name + ".tsv")
    return [dict(zip(columns.split("\t"), row.split("\t"))) for row in rows]

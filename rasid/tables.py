"""Tab-separated files that training writes for run time (learned words beside the models): comment
lines start with ``#``, blank lines are skipped, every other line is one row of cells."""
from __future__ import annotations

from pathlib import Path

__all__ = ["tsv_rows"]


def tsv_rows(path: Path) -> list[list[str]]:
    """The rows of ``path`` as lists of cells, in file order (none when the file is absent: a model not
    trained yet)."""
    if not path.exists():
        return []
    return [line.rstrip("\n").split("\t") for line in path.read_text("utf-8").splitlines()
            if line.strip() and not line.startswith("#")]

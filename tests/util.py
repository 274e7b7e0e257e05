"""Helpers shared by tests: build Articles by hand, find ../shared."""
from __future__ import annotations

from pathlib import Path

import pytest

from rasid.doc import Alignment, Article

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT.parent / "shared").resolve()


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear reason when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent (../shared/ is only beside the project in CI and on developer machines)")
    return p


def make_article(raw: str, *, deletions: list[tuple[int, int]] = (), **kw) -> Article:
    """An Article whose cleaned text is ``raw`` minus ``deletions``."""
    al = Alignment.from_deletions(len(raw), deletions)
    return Article(raw=raw, text=al.apply(raw), alignment=al, **kw)

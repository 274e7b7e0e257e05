"""Throughput of iter_articles over the whole SaudiNewsNet corpus (18 zips, 31,030 records)."""
from __future__ import annotations

import time

import pytest

from rasid.doc import Article
from rasid.ingest import iter_articles
from tests.util import shared_path


@pytest.mark.shared
@pytest.mark.slow
def test_saudinewsnet_corpus_read_fast():
    folder = shared_path("data", "corpus", "saudinewsnet")
    t0 = time.perf_counter()
    n_articles = n_errors = 0
    for item in iter_articles([str(folder / "*.zip")]):
        if isinstance(item, Article):
            n_articles += 1
        else:
            assert item.code == "empty", item   # records whose content is empty
            n_errors += 1
    dt = time.perf_counter() - t0
    assert n_articles + n_errors == 31_030
    rate = n_articles / dt
    print(f"\nSaudiNewsNet: {n_articles} articles ({n_errors} empty records) in {dt:.2f}s = {rate:,.0f}/s")
    assert rate > 5_000

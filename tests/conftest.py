import os

import pytest
from hypothesis import settings

settings.register_profile("ci", max_examples=100, deadline=None)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))



class Scorer:
    """The gold cases under ../shared/eval/cases scored with ../shared/eval/score.py's own functions;
    `rasid extract` runs once per case and test session, however many tests read its report."""

    def __init__(self, cases, score) -> None:
        import sys
        from pathlib import Path

        self.folder = cases
        self._score = score
        self.cmd = f"{Path(sys.executable).with_name('rasid')} extract --format json --no-tokens --quiet"
        self.cases = sorted(p.name for p in cases.iterdir() if (p / "gold.json").exists())
        self._reports: dict[str, dict] = {}

    def report(self, name: str) -> dict:
        """score.py's report of one case (cleaning, entities, events, quotes)."""
        if name not in self._reports:
            self._reports[name] = self._score.run_case(self.folder / name, self.cmd, 300)
        return self._reports[name]

    def total(self, names) -> dict:
        """score.py's total over the cases named (what `score.py --json` prints as "total")."""
        return self._score.totals({n: self.report(n) for n in names})


@pytest.fixture(scope="session")
def scorer() -> Scorer:
    import importlib.util

    from tests.util import shared_path

    cases = shared_path("eval", "cases")
    spec = importlib.util.spec_from_file_location("shared_eval_score", cases.parent / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    return Scorer(cases, score)

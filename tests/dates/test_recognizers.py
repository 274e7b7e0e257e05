"""rasid.dates against the Arabic Microsoft Recognizers-Text DateTime specs (in scope; see recognizers.py)."""
from __future__ import annotations

import pytest

from rasid.dates import find_times
from tests.dates.recognizers import load, span_variants
from tests.util import shared_path

# measured 88/140 (62.9%) when written; the floor is that rate rounded down to 5%
FLOOR = 0.60


@pytest.mark.shared
def test_recognizers_text_arabic_pass_rate():
    folder = shared_path("data", "dates", "recognizers_text_arabic_datetime")
    cases, skipped = load(folder)
    assert len(cases) >= 100, "the in-scope selection shrank: check the loader"
    passed, failures = 0, []
    for c in cases:
        ts = find_times(c.input, c.reference)
        spans = span_variants(c)
        hit = [t for t in ts if (t.start, t.end) in spans]
        if hit and hit[0].value in c.expected:
            passed += 1
        else:
            failures.append(f"{c.file}: {c.input!r} -> want {c.text!r} {sorted(c.expected)}, "
                            f"got {[(t.text, t.value) for t in ts]}")
    rate = passed / len(cases)
    print(f"\nRecognizers-Text Arabic dates: {passed}/{len(cases)} passed ({rate:.1%}); "
          f"{sum(skipped.values())} cases out of scope: {dict(sorted(skipped.items()))}")
    assert rate >= FLOOR, f"pass rate {rate:.1%} < floor {FLOOR:.0%}; first failures:\n" + "\n".join(failures[:20])

import pytest

from rasid.doc import Span, check_text
from rasid.errors import SpanError


def test_span_basics():
    s = Span(2, 5)
    assert len(s) == 3 and s.slice("abcdefg") == "cde"
    assert Span(0, 10).contains(s) and s.overlaps(Span(4, 6)) and not s.overlaps(Span(5, 6))


@pytest.mark.parametrize("start,end", [(-1, 2), (3, 2), (0.5, 2)])
def test_invalid_spans(start, end):
    with pytest.raises(SpanError):
        Span(start, end)


def test_check_text():
    check_text("وزير الداخلية", 0, 4, "وزير")
    with pytest.raises(SpanError, match="holds"):
        check_text("وزير الداخلية", 0, 4, "وزار")
    with pytest.raises(SpanError, match="past the end"):
        check_text("abc", 1, 9, "bc")


def test_span_set_answers_as_a_scan_of_every_range():
    from hypothesis import given
    from hypothesis import strategies as st

    from rasid.doc.span import SpanSet

    pairs = st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda p: (p[0], p[0] + p[1]))

    @given(st.lists(pairs, max_size=12), pairs)
    def check(spans, q):
        ss = SpanSet(spans)
        a, b = q
        assert ss.contains(a, b) == any(s <= a and b <= e for s, e in spans)
        assert ss.overlaps(a, b) == any(s < b and a < e for s, e in spans)
        assert (q in ss) == (q in set(spans))
        assert bool(ss) == bool(spans)

    check()

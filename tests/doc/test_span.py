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

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasid.doc import Alignment, Segment
from rasid.errors import SpanError

RAW = st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهوي «»،.\n ab1", max_size=200)


@st.composite
def raw_and_deletions(draw):
    raw = draw(RAW)
    n = len(raw)
    spans = draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=8))
    return raw, [(min(a, b), max(a, b)) for a, b in spans]


@given(raw_and_deletions())
def test_every_kept_character_maps_back_exactly(case):
    raw, deletions = case
    al = Alignment.from_deletions(len(raw), deletions)
    clean = al.apply(raw)
    assert al.clean_length == len(clean)
    deleted = set()
    for a, b in deletions:
        deleted.update(range(a, b))
    assert clean == "".join(ch for i, ch in enumerate(raw) if i not in deleted)
    for i, ch in enumerate(clean):
        r = al.to_raw(i)
        assert raw[r] == ch
        assert al.to_clean(r) == i
    for r in deleted:
        assert al.to_clean(r) is None


@given(raw_and_deletions(), st.data())
def test_clean_spans_map_to_raw_spans_holding_the_same_characters(case, data):
    raw, deletions = case
    al = Alignment.from_deletions(len(raw), deletions)
    clean = al.apply(raw)
    start = data.draw(st.integers(0, len(clean)))
    end = data.draw(st.integers(start, len(clean)))
    rs, re_ = al.span_to_raw(start, end)
    kept = "".join(raw[i] for i in range(rs, re_) if al.to_clean(i) is not None)
    assert kept == clean[start:end]


@given(raw_and_deletions())
def test_list_round_trip(case):
    raw, deletions = case
    al = Alignment.from_deletions(len(raw), deletions)
    assert Alignment.from_list(al.to_list(), len(raw)) == al


def test_hand_made_map():
    raw = "AAA\n\nبيان مهم.\nترك الرد"
    al = Alignment.from_deletions(len(raw), [(0, 5), (15, 23)])
    assert al.apply(raw) == "بيان مهم.\n"
    assert al.to_raw(0) == 5
    assert al.span_to_raw(0, 4) == (5, 9)
    assert al.to_clean(0) is None


def test_bad_input_is_refused():
    with pytest.raises(SpanError):
        Alignment.from_deletions(3, [(2, 5)])
    with pytest.raises(SpanError):
        Alignment.from_list([[1, 0, 2]], 5)   # clean text must start at 0
    al = Alignment([Segment(0, 0, 3)], 3)
    with pytest.raises(SpanError):
        al.to_raw(4)

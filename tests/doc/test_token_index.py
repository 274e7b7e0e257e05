"""Article.sentence_index(): the sentence holding an offset, as a full scan finds it."""
from hypothesis import given, strategies as st

from rasid.doc import Article
from rasid.doc.layers import Sentence


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(1, 6)), max_size=12), st.lists(st.integers(0, 80), max_size=20))
def test_sentence_at_and_before_agree_with_a_scan(gaps_and_lengths, offsets):
    sents, pos = [], 0
    for gap, length in gaps_and_lengths:
        sents.append(Sentence(pos + gap, pos + gap + length))
        pos += gap + length
    a = Article(raw="x" * max(pos, 1))
    a.sentences = sents
    idx = a.sentence_index()
    for off in offsets:
        holding = [i for i, s in enumerate(sents) if s.start <= off < s.end]
        assert idx.at(off) == (holding[0] if holding else -1)
        started = [i for i, s in enumerate(sents) if s.start <= off]
        assert idx.before(off) == (started[-1] if started else 0)


def test_the_index_follows_a_new_sentence_list():
    a = Article(raw="أ. ب. ج.")
    a.sentences = [Sentence(0, 2)]
    assert a.sentence_index().at(3) == -1
    a.sentences = [Sentence(0, 2), Sentence(3, 5)]
    assert a.sentence_index().at(3) == 1

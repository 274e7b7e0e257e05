"""rasid.memo: answers kept per arguments, the memo emptied at its bound."""
from rasid.memo import memo


def test_answers_are_kept_and_the_memo_is_bounded():
    calls = []

    @memo(3)
    def square(x, *, twice=False):
        calls.append(x)
        return x * x * (2 if twice else 1)

    assert [square(2), square(2), square(3)] == [4, 4, 9]
    assert calls == [2, 3]
    assert square(2, twice=True) == 8 and calls == [2, 3, 2]     # keywords join the key
    square(5)                                                    # the fourth key empties the memo first
    assert len(square.kept) == 1
    assert square(2) == 4 and calls[-1] == 2
    assert square.__name__ == "square"


def test_one_argument_is_its_own_key():
    @memo(10)
    def double(x):
        return 2 * x

    assert double(4) == 8 and double.kept == {4: 8}


def test_form_memo_keeps_a_value_per_norm_and_pieces():
    from rasid.doc.layers import Token
    from rasid.memo import FormMemo

    calls = []

    def make(tok):
        calls.append(tok.norm)
        return len(calls)

    forms = FormMemo(limit=2)
    split = ((0, 1, "و", "proclitic"), (1, 5, "قالت", "stem"))
    a = Token(0, 5, "وقالت", pieces=split)
    b = Token(9, 14, "وقالت", pieces=tuple(split))          # the same pieces, another tuple
    assert forms.get(a, make) == 1 and forms.get(b, make) == 1 and calls == ["وقالت"]
    whole = Token(0, 5, "وقالت", pieces=((0, 5, "وقالت", "stem"),))     # the same norm read otherwise
    assert forms.get(whole, make) == 2
    forms.get(Token(0, 3, "قال"), make)
    forms.get(Token(0, 4, "التقى"), make)       # a third form: the memo was full, so it starts again
    assert forms.get(whole, make) == 5 and len(calls) == 5

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

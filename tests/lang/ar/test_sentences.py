from hypothesis import given, strategies as st

from rasid.lang.ar.sentences import split_sentences
from rasid.lang.ar.tokenize import tokenize

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة"
TEXT = st.lists(
    st.one_of(
        st.sampled_from(list(ARABIC)), st.sampled_from(["ال", "و", "د.", "م.", "ق.م", "Mr.", "U.S.", "3.5", "1."]),
        st.sampled_from(list(".!?؟؛…»«)(\"'”“")),
        st.sampled_from(list("0123456789٠١٢")), st.sampled_from(list("abcXYZ")),
        st.sampled_from([" ", " ", " ", "\n", "\n\n", "\r\n", "\t", "\u200f", "\u2028"]),
        st.characters(),
    ),
    max_size=60,
).map("".join)


def sents(text):
    return [text[s.start:s.end] for s in split_sentences(text, tokenize(text))]


def test_basic_terminators():
    assert sents("ذهب الوزير. عاد الوفد! هل انتهى؟ نعم") == ["ذهب الوزير.", "عاد الوفد!", "هل انتهى؟", "نعم"]


def test_arabic_semicolon_ends_a_sentence_latin_does_not():
    assert sents("قال كذا؛ وأضاف كذا") == ["قال كذا؛", "وأضاف كذا"]
    assert sents("said this; then that") == ["said this; then that"]


def test_ellipsis():
    assert sents("انتظر… ثم ذهب... وعاد") == ["انتظر…", "ثم ذهب...", "وعاد"]


def test_runs_of_terminators_stay_together():
    assert sents("حقا؟! نعم!!! لا") == ["حقا؟!", "نعم!!!", "لا"]


def test_closing_quote_and_bracket_stay():
    assert sents("قال: «انتهى الأمر.» ثم غادر") == ["قال: «انتهى الأمر.»", "ثم غادر"]
    assert sents("(هذا مثال.) وآخر") == ["(هذا مثال.)", "وآخر"]
    assert sents('قال: "انتهى." ثم') == ['قال: "انتهى."', "ثم"]
    assert sents("قال: “انتهى!” ثم") == ["قال: “انتهى!”", "ثم"]


def test_newlines_always_split_and_blank_lines_vanish():
    assert sents("السطر الأول\n\n\n  السطر الثاني  \r\nالثالث") == ["السطر الأول", "السطر الثاني", "الثالث"]
    assert sents("\n\n") == []


def test_numbers_do_not_split():
    assert sents("بلغ النمو 3.5 في المئة.") == ["بلغ النمو 3.5 في المئة."]


def test_arabic_single_letter_abbreviations():
    assert sents("قال د. محمد إن الأمر انتهى.") == ["قال د. محمد إن الأمر انتهى."]
    assert sents("ولد عام 300 ق.م. وتوفي") == ["ولد عام 300 ق.م. وتوفي"]
    assert sents("ص. ب. 1234 الرياض") == ["ص. ب. 1234 الرياض"]


def test_era_letter_after_number_ends_sentence():
    assert sents("تأسست عام 1932 م. وقال") == ["تأسست عام 1932 م.", "وقال"]
    assert sents("في عام 1436 هـ. ثم") == ["في عام 1436 هـ.", "ثم"]


def test_latin_abbreviations():
    assert sents("Mr. Smith met U.S. officials. Then he left.") == [
        "Mr. Smith met U.S. officials.", "Then he left."]
    assert sents("قال Dr. Jones إن") == ["قال Dr. Jones إن"]


def test_list_numbers():
    assert sents("1. البند الأول\n2. البند الثاني") == ["1. البند الأول", "2. البند الثاني"]


def test_missing_space_after_full_stop_still_splits():
    assert sents("قال ذلك.وأضاف") == ["قال ذلك.", "وأضاف"]


def test_token_indexes():
    text = "ذهب الوزير. عاد الوفد"
    toks = tokenize(text)
    ss = split_sentences(text, toks)
    assert [(s.token_start, s.token_end) for s in ss] == [(0, 3), (3, 5)]
    assert [(s.start, s.end) for s in ss] == [(0, 11), (12, 21)]


def test_empty():
    assert split_sentences("", []) == []


@given(TEXT)
def test_sentences_cover_tokens_in_order(text):
    toks = tokenize(text)
    ss = split_sentences(text, toks)
    if not toks:
        assert ss == []
        return
    assert ss[0].token_start == 0 and ss[-1].token_end == len(toks)
    for a, b in zip(ss, ss[1:]):
        assert a.token_end == b.token_start
        assert a.end <= b.start
    for s in ss:
        assert s.token_start < s.token_end
        assert s.start == toks[s.token_start].start and s.end == toks[s.token_end - 1].end
        st_ = text[s.start:s.end]
        assert st_ == st_.strip()
        # a sentence never spans a line break
        assert "\n" not in st_ and "\r" not in st_ and "\u2028" not in st_

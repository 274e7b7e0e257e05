from hypothesis import given, strategies as st

from rasid.lang.ar.normalize import NORM_TABLE, norm_key, strip_diacritics

ARABIC_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0x08A0, max_codepoint=0x08FF),
        st.sampled_from(list("abcXYZÉß 0123456789.,%-\n")),
        st.characters(),
    ),
    max_size=40,
)


def test_diacritics_and_tatweel_removed():
    assert norm_key("مُحَمَّدٌ") == "محمد"
    assert norm_key("الإمـــارات") == "الامارات"
    assert norm_key("رحمٰن") == "رحمن"          # dagger alef
    assert norm_key("صلى الله عليه وسلمﷺ") .startswith("صلي")


def test_alef_forms():
    assert norm_key("أإآٱا") == "ااااا"


def test_yeh_teh_hamza_carriers():
    assert norm_key("مستشفى") == "مستشفي"
    assert norm_key("مدينة") == "مدينه"
    assert norm_key("مؤتمر") == "موتمر"
    assert norm_key("رئيس") == "رييس"


def test_digits():
    assert norm_key("٢٠٢٥") == "2025"
    assert norm_key("۱۴۰۲") == "1402"
    assert norm_key("٣٫٥٪") == "3.5%"


def test_latin_casefold():
    assert norm_key("Riyadh NEWS") == "riyadh news"
    assert norm_key("ÉCOLE") == "école"
    assert norm_key("ΑΘΗΝΑ") == "αθηνα"


def test_strip_diacritics_keeps_letters():
    assert strip_diacritics("أَحْمَدُ") == "أحمد"
    assert strip_diacritics("لـ") == "ل"
    assert strip_diacritics("مدينة") == "مدينة"


def test_table_is_one_to_one():
    for v in NORM_TABLE.values():
        assert v is None or len(v) == 1


def test_invisible_characters_removed():
    assert norm_key("الرياض\u200f") == "الرياض"


@given(ARABIC_TEXT)
def test_idempotent(s):
    k = norm_key(s)
    assert norm_key(k) == k


@given(ARABIC_TEXT)
def test_strip_is_idempotent_and_never_longer(s):
    k = strip_diacritics(s)
    assert strip_diacritics(k) == k
    assert len(norm_key(s)) <= len(s) or any(len(c.casefold()) > 1 for c in s)


@given(ARABIC_TEXT)
def test_keys_are_the_tables_applied(s):
    """The keys are made by a regex over the changed characters: the same as str.translate."""
    k = s.translate(NORM_TABLE)
    if not k.isascii() and k != k.lower():
        k = k.casefold().translate(NORM_TABLE)
    assert norm_key(s) == k
    from rasid.lang.ar.normalize import STRIP_TABLE
    assert strip_diacritics(s) == s.translate(STRIP_TABLE)

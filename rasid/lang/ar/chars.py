"""Arabic character tables, as data.

Everything the normaliser, tokenizer and sentence splitter know about
characters lives here, as code-point ranges and plain strings, so the rules
can be read (and audited) in one place. Ranges are inclusive ``(first, last)``.
"""
from __future__ import annotations


def expand(ranges: tuple[tuple[int, int], ...]) -> str:
    """All characters of inclusive code-point ranges, as one string."""
    return "".join(chr(c) for a, b in ranges for c in range(a, b + 1))


def char_class(ranges: tuple[tuple[int, int], ...]) -> str:
    """A regex character-class body (without brackets) for the ranges."""
    out = []
    for a, b in ranges:
        out.append(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}")
    return "".join(out)


# --- marks (deleted by the normaliser; kept inside word tokens) -------------
DIACRITIC_RANGES: tuple[tuple[int, int], ...] = (
    (0x0610, 0x061A),   # Quranic honorifics / small high signs (ؐ ؑ ... ؚ)
    (0x064B, 0x065F),   # tashkeel: tanween, fatha, damma, kasra, shadda, sukun, madda/hamza above-below ...
    (0x0670, 0x0670),   # superscript (dagger) alef
    (0x06D6, 0x06ED),   # Quranic annotation signs (small high ligatures, stops, small waw/yeh ...)
    (0x08D3, 0x08FF),   # Arabic Extended-A combining marks
)
DIACRITICS: str = expand(DIACRITIC_RANGES)

TATWEEL = "\u0640"      # ـ kashida, a stretching character with no letter value

# --- letters -----------------------------------------------------------------
ARABIC_LETTER_RANGES: tuple[tuple[int, int], ...] = (
    (0x0620, 0x063F),   # ؠ ء آ أ ؤ إ ئ ا ب ة ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ + rare letters
    (0x0641, 0x064A),   # ف ق ك ل م ن ه و ى ي
    (0x066E, 0x066F),   # dotless beh / qaf
    (0x0671, 0x06D3),   # ٱ wasla and the extended letters (Persian/Urdu: پ چ ژ گ ک ی ...)
    (0x06D5, 0x06D5),   # ە
    (0x06EE, 0x06EF),
    (0x06FA, 0x06FC),
    (0x06FF, 0x06FF),
    (0x0750, 0x077F),   # Arabic Supplement
    (0x08A0, 0x08C9),   # Arabic Extended-A letters
    (0xFB50, 0xFD3D),   # presentation forms A (letters and ligatures; FD3E/FD3F are ornate parens)
    (0xFD50, 0xFDFB),   # presentation forms A, ligatures (ﷲ ﷺ ...)
    (0xFE70, 0xFEFC),   # presentation forms B
)
ARABIC_LETTERS: str = expand(ARABIC_LETTER_RANGES)

# --- digits ------------------------------------------------------------------
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"       # U+0660-U+0669
EXTENDED_DIGITS = "۰۱۲۳۴۵۶۷۸۹"           # U+06F0-U+06F9 (Persian / Urdu)
ASCII_DIGITS = "0123456789"
ARABIC_DECIMAL_SEP = "\u066B"             # ٫
ARABIC_THOUSANDS_SEP = "\u066C"           # ٬
PERCENT_SIGNS = "%\u066A\u2030"           # % ٪ ‰

# --- normalisation maps (each is 1:1, so offsets never move) ----------------
# alef with hamza above/below, madda, wasla -> bare alef
ALEF_FORMS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"}
# alef maqsura -> yeh (the two are confused constantly in news text)
ALEF_MAQSURA = {"ى": "ي"}
# teh marbuta -> heh (final ة is often written ه)
TEH_MARBUTA = {"ة": "ه"}
# hamza on waw / on yeh -> the bare carrier
HAMZA_CARRIERS = {"ؤ": "و", "ئ": "ي"}
# Persian/Urdu letter variants that appear in Arabic text typed on other keyboards
PERSIAN_VARIANTS = {"ک": "ك", "ی": "ي", "ە": "ه", "ہ": "ه"}

# --- punctuation ---------------------------------------------------------------
ARABIC_COMMA = "،"        # U+060C
ARABIC_SEMICOLON = "؛"    # U+061B
ARABIC_QUESTION = "؟"     # U+061F
ARABIC_FULL_STOP = "۔"    # U+06D4 (Urdu full stop)
ELLIPSIS = "…"

# tokens of kind "punct": single characters (a run of dots is one token)
PUNCT_CHARS = ".,،؛؟!:;()[]{}-–—…۔?/\\⸮٭﴾﴿"
# tokens of kind "quote"
QUOTE_CHARS = "«»\"“”'‘’„‚‹›″"
OPENING_QUOTES = "«“‘„‚‹"
CLOSING_QUOTES = "»”’›"
CLOSING_BRACKETS = ")]}﴿"

# sentence terminators (see rasid.lang.ar.sentences)
TERMINATORS = frozenset({".", "!", "?", "؟", "؛", "…", "۔", "⸮"})

# invisible format characters: skipped like whitespace (never a token):
# ZWSP ZWNJ ZWJ LRM RLM, embeddings/overrides, word joiner, isolates, BOM, ALM, soft hyphen
IGNORABLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD), (0x061C, 0x061C), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x2069), (0xFEFF, 0xFEFF),
)
IGNORABLES: str = expand(IGNORABLE_RANGES)

# characters that end a line (a line break always ends a sentence)
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

# proclitic letters: conjunctions, prepositions, future marker
CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"
FUTURE = "س"
# imperfect-verb prefixes that must follow the future marker س
IMPERFECT_PREFIXES = "يتنأ"

"""decode_bytes: detection of encodings, binary input and empty input."""
from __future__ import annotations

import codecs
import random

import pytest
from hypothesis import given, strategies as st

from rasid.errors import InputError
from rasid.ingest import decode, decode_bytes, normalize_newlines

AR = "أعلنت وزارة الداخلية اليوم عن إجراءات جديدة لتأمين الحدود مع الدول المجاورة.\r\nوقال المتحدث إن الخطة تبدأ الأسبوع المقبل."


def err(data: bytes) -> InputError:
    with pytest.raises(InputError) as ei:
        decode_bytes(data, "x.txt")
    assert ei.value.source == "x.txt"
    return ei.value


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "])
def test_empty(data):
    assert err(data).code == "empty"


def test_bom_only_is_empty():
    assert err(codecs.BOM_UTF8 + b"  \n").code == "empty"


def test_png_header_is_binary():
    rnd = random.Random(1)
    data = b"\x89PNG\r\n\x1a\n" + bytes(rnd.randrange(256) for _ in range(4096))
    e = err(data)
    assert e.code == "binary" and "PNG" in e.message


@pytest.mark.parametrize("magic", [b"%PDF-1.4\n", b"PK\x03\x04", b"\x1f\x8b\x08\x00", b"\x7fELF\x02\x01"])
def test_magic_numbers(magic):
    assert err(magic + b"\x00\x01\x02" * 100).code == "binary"


def test_random_bytes_are_binary():
    rnd = random.Random(7)
    data = bytes(rnd.randrange(256) for _ in range(10_000))
    assert err(data).code == "binary"


def test_control_characters_are_binary():
    data = (b"abc\x01\x02\x03\x04\x05def" * 200)
    assert err(data).code == "binary"


def test_utf8():
    d = decode(AR.encode("utf-8"), "x")
    assert d.text == AR and d.encoding == "utf-8"


def test_utf8_bom_stripped():
    d = decode(codecs.BOM_UTF8 + AR.encode("utf-8"), "x")
    assert d.text == AR and not d.text.startswith("\ufeff")


@pytest.mark.parametrize("enc", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_32_with_bom(enc):
    data = AR.encode(enc)
    if enc in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff" + AR).encode(enc)
    d = decode(data, "x")
    assert d.text == AR
    assert d.method == "bom"


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(enc):
    d = decode(AR.encode(enc), "x")
    assert d.text == AR and d.encoding == enc


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_pure_arabic_no_nul(enc):
    # Arabic letters only: no NUL byte anywhere, found by the byte-parity pattern
    text = "بسمالرحمنالرحيمالحمدللهربالعالمين" * 4
    data = text.encode(enc)
    assert b"\x00" not in data
    assert decode_bytes(data, "x") == text


def test_utf16_latin_without_bom():
    text = "The minister said on Monday that talks would resume.\n" * 3
    assert decode_bytes(text.encode("utf-16-le"), "x") == text


def test_windows_1256():
    d = decode(AR.encode("cp1256"), "x")
    assert d.text == AR
    assert d.encoding == "cp1256"


def test_iso_8859_6():
    text = "اعلنت وزارة الداخلية اليوم عن اجراءات جديدة لتامين الحدود مع الدول المجاورة"
    assert decode_bytes(text.encode("iso-8859-6"), "x") == text


def test_cp1252_latin():
    text = "Le président a annoncé des élections anticipées à la fin de l'année."
    assert decode_bytes(text.encode("cp1252"), "x") == text


def test_mostly_utf8_with_bad_byte_fails_naming_offset():
    data = (AR * 5).encode("utf-8")
    bad_at = 301
    # put an invalid byte at a character boundary
    while (data[bad_at] & 0xC0) == 0x80:
        bad_at += 1
    data = data[:bad_at] + b"\xff" + data[bad_at:]
    e = err(data)
    assert e.code == "encoding"
    assert f"byte {bad_at}" in e.message
    assert "UTF-8" in e.message
    assert str(e).startswith("x.txt: ")


def test_newlines_not_normalised_by_decoder():
    assert "\r\n" in decode_bytes(AR.encode(), "x")
    assert normalize_newlines("a\r\nb\rc\n") == "a\nb\nc\n"


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1))
def test_any_utf8_text_roundtrips(text):
    data = text.encode("utf-8")
    if not data.strip() or text.startswith("\ufeff"):
        return
    try:
        out = decode_bytes(data, "x")
    except InputError as e:  # only possible verdicts for valid UTF-8 text
        assert e.code in ("empty", "binary")
        return
    assert out == text


@pytest.mark.parametrize("text", ["الرياض", "وزير الخارجية", "«طرابلس» تدرس الاستفادة من «الخبرات التركية»"])
def test_short_windows_1256(text):
    assert decode_bytes(text.encode("cp1256"), "x") == text


def test_french_cp1252_not_taken_for_arabic():
    text = "Réunion à Tunis: les ministres évoquent la sécurité régionale."
    assert decode_bytes(text.encode("cp1252"), "x") == text


@given(st.binary(min_size=1, max_size=300))
def test_arbitrary_bytes_decode_or_input_error(data):
    try:
        out = decode_bytes(data, "x")
    except InputError as e:
        assert e.code in ("empty", "binary", "encoding") and e.source == "x"
    else:
        assert isinstance(out, str) and out.strip() and not out.startswith("\ufeff")

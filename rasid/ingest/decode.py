"""Bytes → text, by detection rather than guessing.

The order of checks (first match wins):

1. empty input, or only ASCII whitespace → ``InputError(code="empty")``;
2. magic numbers of common binary formats (PNG, JPEG, GIF, PDF, ZIP, GZIP,
   BZIP2, XZ, 7z, ELF, Mach-O/PE, SQLite …) → ``InputError(code="binary")``;
3. a byte-order mark: UTF-32 LE/BE, UTF-8-sig, UTF-16 LE/BE (UTF-32 is tried
   before UTF-16 because the UTF-32-LE BOM starts with the UTF-16-LE BOM);
4. NUL bytes present: UTF-16/UTF-32 without a BOM when a strict decode gives
   plausible text; otherwise the NULs mean ``binary``;
5. strict UTF-8 (a decode full of control characters is retried as BOM-less
   UTF-16 — Arabic UTF-16 is ASCII-range bytes ``28 06 2C 06`` … — and is
   ``binary`` when that fails too);
6. UTF-16 without a BOM and without NULs (pure Arabic UTF-16 has no NUL bytes:
   every code unit is ``06xx``) when one byte parity is dominated by a few
   values and the decode is plausible;
7. a high ratio of control bytes → ``binary``;
8. windows-1256 or ISO-8859-6 when the decode is ≥ 95 % Arabic letters (short
   texts fool statistical detectors);
9. charset-normalizer, restricted to the encodings plausible for Arabic news:
   windows-1256, ISO-8859-6 and windows-1252 (for Latin-script pages).

**Invalid UTF-8 that is mostly UTF-8** (a few corrupt bytes in an otherwise
UTF-8 file) is *not* repaired with replacement characters: it fails with
``code="encoding"`` and a message naming the first bad byte offset — unless
charset-normalizer finds windows-1256/ISO-8859-6 with high confidence (no
chaos, some coherence), which in practice does not happen for UTF-8 mojibake.
Silently inserting U+FFFD would shift nothing, but would hide data loss.

A leading U+FEFF is stripped. Newlines are *not* normalised here: that is the
readers' job (see :func:`normalize_newlines`).
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from rasid.errors import InputError

__all__ = ["decode_bytes", "decode", "Decoded", "normalize_newlines", "sniff_binary", "repair_surrogates"]

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

# (magic prefix, name). Checked at offset 0.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "GZIP data"),
    (b"BZh", None),  # only with a digit after, see below
    (b"\xfd7zXZ\x00", "XZ data"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", None),   # only with a PE header, see below
    (b"\xca\xfe\xba\xbe", "Mach-O/Java class"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE) document"),
    (b"OggS\x00", "Ogg media"),
    (b"ID3\x02", "MP3 audio"),
    (b"ID3\x03", "MP3 audio"),
    (b"ID3\x04", "MP3 audio"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"\x00\x00\x01\x00", "ICO image"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Bytes that are control characters in every plausible encoding (not \t \n \v \f \r, not ESC).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_NON_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_RATIO = 0.05      # more control characters than this → binary
_PLAUSIBLE_RATIO = 0.85    # share of plausible characters for a NUL-pattern UTF-16/32 decode

# Characters expected in Arabic/Latin news text.
_PLAUSIBLE_RE = re.compile(
    r"[\t\n\r\x20-\x7e\u00a0-\u024f\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"
    r"\u2000-\u206f\u20a0-\u20cf\ufb50-\ufdff\ufe70-\ufeff\u0660-\u0669]")

_CN_ENCODINGS = ["cp1256", "iso8859_6", "cp1252"]
_ARABIC_SINGLE_BYTE = {"cp1256", "iso8859_6"}


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str       # the codec name used ("utf-8", "utf-16-le", "cp1256", …)
    method: str         # how it was found: "bom", "utf-8", "nul-pattern", "parity", "arabic-letters",
                        # "charset-normalizer"


def repair_surrogates(value):
    """``(value, n)``: ``value`` (a string, or lists and dicts of them, as JSON gives) with every
    lone UTF-16 surrogate replaced by U+FFFD, and how many were replaced.

    JSON may escape half of a surrogate pair (``"\\ud83d"``, common in truncated tweets); the
    decoded string then cannot be written as UTF-8 anywhere. One character becomes one, so
    offsets are unchanged; readers record the repair in the article's ``meta["repaired"]``.
    """
    if isinstance(value, str):
        return _LONE_SURROGATE.subn("\ufffd", value)
    if isinstance(value, list):
        out, n = [], 0
        for v in value:
            v, k = repair_surrogates(v)
            out.append(v)
            n += k
        return out, n
    if isinstance(value, dict):
        out_d, n = {}, 0
        for key, v in value.items():
            key, k1 = repair_surrogates(key)
            v, k2 = repair_surrogates(v)
            out_d[key] = v
            n += k1 + k2
        return out_d, n
    return value, 0


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` → ``\\n``. Readers call this; ``Article.raw`` is decoded
    text with newlines normalised, not the file bytes."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sniff_binary(data: bytes) -> str | None:
    """The name of a binary format whose magic number starts ``data``, or None."""
    head = data[:16]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            if magic == b"BZh":
                if len(head) > 3 and head[3:4].isdigit():
                    return "BZIP2 data"
                continue
            if magic == b"MZ":
                # a PE file has "PE\0\0" at the offset stored at 0x3c; accept the DOS stub signature too
                if len(data) >= 0x40:
                    off = int.from_bytes(data[0x3C:0x40], "little")
                    if data[off:off + 4] == b"PE\x00\x00":
                        return "Windows executable"
                continue
            return name
    return None


def _plausible(text: str) -> float:
    if not text:
        return 0.0
    return len(_PLAUSIBLE_RE.findall(text)) / len(text)


def _control_ratio_bytes(data: bytes) -> float:
    return len(data.translate(None, _NON_CONTROL)) / len(data)


def _control_ratio_text(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL_RE.findall(text)) / len(text)


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _try_wide(data: bytes, parity_hint: bool = False) -> Decoded | None:
    """UTF-32 or UTF-16 without a BOM, accepted when the decode is strict and plausible."""
    candidates = []
    if len(data) % 4 == 0:
        candidates += ["utf-32-le", "utf-32-be"]
    if len(data) % 2 == 0:
        candidates += ["utf-16-le", "utf-16-be"]
    best: tuple[float, str, str] | None = None
    for enc in candidates:
        text = _try(data, enc)
        if text is None:
            continue
        score = _plausible(text)
        if best is None or score > best[0]:
            best = (score, enc, text)
    if best and best[0] >= _PLAUSIBLE_RATIO:
        return Decoded(best[2], best[1], "parity" if parity_hint else "nul-pattern")
    return None


def _parity_skewed(data: bytes) -> bool:
    """True when one byte parity holds few distinct values (the high bytes of UTF-16)."""
    sample = data[:8192]
    if len(sample) < 8 or len(sample) % 2:
        return False
    for half in (sample[0::2], sample[1::2]):
        counts: dict[int, int] = {}
        for b in half:
            counts[b] = counts.get(b, 0) + 1
        top = sorted(counts.values(), reverse=True)[:3]
        if sum(top) >= 0.9 * len(half):
            return True
    return False


def _utf8_stats(data: bytes) -> tuple[int, int, int]:
    """(offset of the first invalid byte, number of invalid sequences, number of valid
    multi-byte characters) for data that is not valid UTF-8."""
    first = -1
    bad = 0
    pos = 0
    good_multi = 0
    n = len(data)
    while pos < n:
        try:
            chunk = data[pos:].decode("utf-8")
            good_multi += len(chunk.encode("utf-8")) - len(chunk)  # rough: continuation bytes
            break
        except UnicodeDecodeError as e:
            if first < 0:
                first = pos + e.start
            piece = data[pos:pos + e.start].decode("utf-8")
            good_multi += len(piece.encode("utf-8")) - len(piece)
            bad += 1
            pos += max(e.end, e.start + 1)
            if bad > 10_000:
                break
    return first, bad, good_multi


def decode(data: bytes, source: str) -> Decoded:
    """Decode ``data`` (named ``source`` in errors); see the module docstring for the rules."""
    if not data or not data.strip():
        raise InputError(source, "empty", "empty input" if not data else "input holds only whitespace")
    kind = sniff_binary(data)
    if kind:
        raise InputError(source, "binary", f"binary input ({kind}), not text")

    result: Decoded | None = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            text = _try(body, enc)
            if text is None:
                # a UTF-16-LE BOM may really be the start of a UTF-32-LE BOM and vice versa; go on
                if enc.startswith("utf-32"):
                    continue
                raise InputError(source, "encoding",
                                 f"starts with a {enc.upper()} byte-order mark but is not valid {enc.upper()}")
            result = Decoded(text, enc, "bom")
            break

    if result is None and b"\x00" in data:
        result = _try_wide(data)
        if result is None:
            raise InputError(source, "binary",
                             "binary input: NUL bytes that are not UTF-16/UTF-32 text")

    if result is None:
        text = _try(data, "utf-8")
        if text is not None:
            result = Decoded(text, "utf-8", "utf-8")
            # in UTF-8 a control character is its own byte: count bytes (fast, in C)
            if _control_ratio_bytes(data) > _CONTROL_RATIO:
                # UTF-16 Arabic without NULs is valid ASCII-range "UTF-8": 28 06 2C 06 …
                result = _try_wide(data, parity_hint=True) or result

    if result is None and _parity_skewed(data):
        result = _try_wide(data, parity_hint=True)

    if result is None:
        if _control_ratio_bytes(data) > _CONTROL_RATIO:
            raise InputError(source, "binary", "binary input: too many control bytes for text")
        result = _charset_normalizer(data, source)

    text = result.text
    if text.startswith("\ufeff"):
        text = text[1:]
    controls = (_control_ratio_bytes(data) if result.encoding == "utf-8" else _control_ratio_text(text))
    if controls > _CONTROL_RATIO:
        raise InputError(source, "binary", "binary input: too many control characters for text")
    if not text.strip():
        raise InputError(source, "empty", "input holds only whitespace")
    if text is not result.text:
        result = Decoded(text, result.encoding, result.method)
    return result


_ARABIC_CHAR = re.compile(r"[\u0600-\u06ff\u00ab\u00bb\u00a0\u2013\u2014\u2026\u200c-\u200f]")  # + «» – — …
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def _arabic_single_byte(data: bytes) -> Decoded | None:
    """windows-1256 or ISO-8859-6 when the decode is (nearly) all Arabic letters.

    charset-normalizer needs some text to be sure; a headline of two words in
    windows-1256 may come out as windows-1252 mojibake. Arabic is what this
    project reads, so a decode whose non-ASCII characters are ≥ 95 % Arabic
    (letters and the punctuation of Arabic news: «» – — …), and has more
    Arabic than ASCII letters, wins;
    on a tie windows-1256 (far more common) is taken.
    """
    best: tuple[float, str, str] | None = None
    for enc in ("cp1256", "iso-8859-6"):
        text = _try(data, enc)
        if text is None:
            continue
        non_ascii = len(_NON_ASCII.findall(text))
        if not non_ascii:
            return None
        arabic = len(_ARABIC_CHAR.findall(text))
        if arabic < len(_ASCII_LETTER.findall(text)):
            continue  # Latin text with a few accented letters (é is ى in ISO-8859-6)
        ratio = arabic / non_ascii
        if best is None or ratio > best[0]:
            best = (ratio, enc, text)
    if best and best[0] >= 0.95:
        return Decoded(best[2], best[1], "arabic-letters")
    return None


def _charset_normalizer(data: bytes, source: str) -> Decoded:
    first, bad, good_multi = _utf8_stats(data)
    mostly_utf8 = good_multi >= 4 * bad and good_multi >= 8
    if not mostly_utf8:
        found = _arabic_single_byte(data)
        if found is not None:
            return found
    best = None
    try:
        from charset_normalizer import from_bytes
        matches = from_bytes(data, cp_isolation=_CN_ENCODINGS)
        best = matches.best()
    except Exception:  # pragma: no cover - a detector crash is "no encoding fits"
        best = None
    if best is not None:
        enc = best.encoding
        if mostly_utf8:
            ok = enc in _ARABIC_SINGLE_BYTE and best.chaos <= 0.02 and best.coherence >= 0.3
        else:
            ok = best.chaos <= 0.2
        if ok:
            text = _try(data, enc)
            if text is not None:
                return Decoded(text, {"cp1256": "cp1256", "iso8859_6": "iso-8859-6"}.get(enc, enc),
                               "charset-normalizer")
    if mostly_utf8:
        msg = (f"not valid UTF-8 at byte {first} ({bad} invalid byte sequence{'s' if bad != 1 else ''} "
               f"in otherwise UTF-8 text; the file looks corrupt) and no other encoding fits")
    else:
        msg = (f"not valid UTF-8 at byte {first} and no other encoding fits "
               f"(tried UTF-16/32, windows-1256, ISO-8859-6, windows-1252)")
    raise InputError(source, "encoding", msg)


def decode_bytes(data: bytes, source: str) -> str:
    """Decoded text of ``data`` (leading BOM stripped, newlines left as they are).

    Raises :class:`~rasid.errors.InputError` with code ``empty``, ``binary`` or ``encoding``.
    """
    return decode(data, source).text

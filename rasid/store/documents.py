"""How a stored article document is encoded in ``articles.raw_json``.

Since migration 0002 the serialised Article (rasid.doc.serialize.to_dict with
tokens left out) is stored as zlib-compressed UTF-8 JSON (a BLOB, about a
quarter of the size); rows written before it are plain JSON text. ``decode``
reads both.
"""
from __future__ import annotations

import json
import zlib


def encode(doc: dict) -> bytes:
    return zlib.compress(json.dumps(doc, ensure_ascii=False).encode("utf-8"), 6)


def text_of(value: bytes | str) -> str:
    """The article text held in an encoded document."""
    return decode(value).get("text") or ""


def decode(value: bytes | str) -> dict:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return json.loads(zlib.decompress(bytes(value)).decode("utf-8"))
    return json.loads(value)

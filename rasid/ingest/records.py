"""JSON and JSONL records → Articles.

A record is a JSON object. Fields read:

* text: ``text``, else ``content`` (required: a record without text is an
  ``InputError(code="empty")``);
* ``title``; ``url``; ``author``;
* published: ``published``, else ``date``, else ``date_extracted``; a value
  starting ``YYYY-MM-DD`` keeps those ten characters (``published_source =
  "record"``) and the full original value goes to ``meta["published_raw"]``
  when it was longer;
* publisher: ``publisher``, else ``source`` (SaudiNewsNet names the paper there);
* id: ``id`` when present (a string; numbers are turned into strings), else
  the content hash of the text (``rasid.doc.article.content_id``).

Every other field is kept in ``meta``. Sources name the record: ``path#INDEX``
for the INDEX-th (0-based) element of a JSON array, ``path:LINE`` (1-based)
for a JSONL line, ``archive.zip!member#INDEX`` inside zips. Errors are
*yielded* in place of the record, never raised, so one bad record does not
stop the others.
"""
from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from rasid.doc import Article
from rasid.errors import InputError
from rasid.ingest.decode import decode, normalize_newlines, repair_surrogates

__all__ = ["article_from_record", "iter_json_text", "iter_json_stream", "iter_jsonl_lines",
           "iter_jsonl_text", "RECORD_FIELDS"]

RECORD_FIELDS = ("id", "text", "content", "title", "published", "date", "date_extracted",
                 "url", "source", "publisher", "author")
_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")
_decoder = json.JSONDecoder()


def _str(v: Any) -> str | None:
    if isinstance(v, str):
        v = v.strip()
        return v or None
    return None


def article_from_record(rec: Any, source: str, fmt: str, *, meta: dict | None = None) -> Article | InputError:
    if not isinstance(rec, dict):
        return InputError(source, "json", f"record is not a JSON object (got {type(rec).__name__})")
    rec, repaired = repair_surrogates(rec)
    text = rec.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        text = rec.get("content", text)
    if text is not None and not isinstance(text, str):
        return InputError(source, "json", f"record text is not a string (got {type(text).__name__})")
    if not text or not text.strip():
        return InputError(source, "empty", "record has no text (no non-empty 'text' or 'content' field)")

    extra: dict[str, Any] = {k: v for k, v in rec.items() if k not in RECORD_FIELDS}
    published = None
    for key in ("published", "date", "date_extracted"):
        v = rec.get(key)
        if isinstance(v, str) and v.strip():
            m = _DATE.match(v)
            if m:
                published = m.group(1)
                if v.strip() != published:
                    extra["published_raw"] = v
            else:
                extra["published_raw"] = v
            break
    rid = rec.get("id")
    if isinstance(rid, bool) or not isinstance(rid, (str, int)):
        if rid is not None:
            extra["record_id"] = rid
        rid = ""
    rid = str(rid).strip()
    art = Article(
        raw=normalize_newlines(text),
        id=rid,
        title=_str(rec.get("title")),
        published=published,
        published_source="record" if published else None,
        publisher=_str(rec.get("publisher")) or _str(rec.get("source")),
        author=_str(rec.get("author")),
        url=_str(rec.get("url")),
        source=source,
    )
    art.meta["format"] = fmt
    if meta:
        art.meta.update(meta)
    art.meta.update(extra)
    if repaired:
        art.meta["repaired"] = f"{repaired} lone UTF-16 surrogate(s) replaced by U+FFFD"
    return art


def _json_error(source: str, e: json.JSONDecodeError, where: str = "") -> InputError:
    return InputError(source, "json", f"invalid JSON{where}: {e.msg} (line {e.lineno}, column {e.colno})")


def _jsonl_error(source: str, lineno: int, e: json.JSONDecodeError) -> InputError:
    """A bad JSONL line; a string left open on it (a record broken over several lines, a raw line
    break inside its text) is said as such, not as the control character json stops at."""
    if e.msg.startswith(("Unterminated string", "Invalid control character")):
        return InputError(source, "json", f"invalid JSON on line {lineno}: a string is not closed on this line "
                          f"(column {e.colno}); JSONL holds one record per line, with line breaks inside a text "
                          "written as \\n")
    return InputError(source, "json", f"invalid JSON on line {lineno}: {e.msg} (column {e.colno})")


def iter_json_text(text: str, source: str, *, meta: dict | None = None) -> Iterator[Article | InputError]:
    """A whole JSON document: an object (one record, source ``source``) or an array of
    records (sources ``source#INDEX``)."""
    if not text.strip():
        yield InputError(source, "empty", "empty file (no JSON)")
        return
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        yield _json_error(source, e)
        return
    if isinstance(doc, list):
        for i, rec in enumerate(doc):
            yield article_from_record(rec, f"{source}#{i}", "json", meta=meta)
    elif isinstance(doc, dict):
        yield article_from_record(doc, source, "json", meta=meta)
    else:
        yield InputError(source, "json", f"JSON holds a {type(doc).__name__}, not an object or an array of objects")


def iter_json_stream(stream: BinaryIO, source: str, *, meta: dict | None = None,
                     chunk_chars: int = 1 << 20) -> Iterator[Article | InputError]:
    """A JSON array read element by element (memory ~ one record + one chunk).

    For files too big to load whole. UTF-8 only (a BOM is accepted). A top-level
    object is read whole.
    """
    reader = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="strict")
    buf = ""
    pos = 0
    eof = False

    def more() -> bool:
        nonlocal buf, pos, eof
        if eof:
            return False
        chunk = reader.read(chunk_chars)
        if not chunk:
            eof = True
            return False
        buf = buf[pos:] + chunk
        pos = 0
        return True

    def skip_ws() -> str:
        nonlocal pos
        while True:
            while pos < len(buf) and buf[pos] in " \t\r\n":
                pos += 1
            if pos < len(buf):
                return buf[pos]
            if not more():
                return ""

    try:
        first = skip_ws()
        if first == "{":
            while more():
                pass
            yield from iter_json_text(buf[pos:], source, meta=meta)
            return
        if first != "[":
            yield (InputError(source, "json", "invalid JSON: expected an object or an array") if first
                   else InputError(source, "empty", "empty file (no JSON)"))
            return
        pos += 1
        index = 0
        expect_comma = False
        while True:
            c = skip_ws()
            if c == "":
                yield InputError(source, "json", f"invalid JSON: the array ends early (after {index} records)")
                return
            if c == "]":
                return
            if expect_comma:
                if c != ",":
                    yield InputError(source, "json", f"invalid JSON: expected ',' or ']' after record #{index - 1}")
                    return
                pos += 1
                c = skip_ws()
            while True:
                try:
                    rec, end = _decoder.raw_decode(buf, pos)
                    if end >= len(buf) and not eof and more():
                        continue  # a number/literal may go on in the next chunk
                    break
                except json.JSONDecodeError as e:
                    if not more():
                        yield InputError(f"{source}#{index}", "json", f"invalid JSON: {e.msg}")
                        return
            pos = end
            yield article_from_record(rec, f"{source}#{index}", "json", meta=meta)
            index += 1
            expect_comma = True
            if pos > chunk_chars:
                buf = buf[pos:]
                pos = 0
    except UnicodeDecodeError as e:
        yield InputError(source, "encoding", f"not valid UTF-8 ({e.reason}) in a streamed JSON file")


def iter_jsonl_lines(lines: Iterable[bytes], source: str, *, meta: dict | None = None
                     ) -> Iterator[Article | InputError]:
    """One JSON object per line (blank lines skipped); a bad line yields an
    ``InputError(code="json", source="SOURCE:LINE")`` and the others go on; a source without
    a record (empty, or blank lines only) is an ``InputError(code="empty")``."""
    records = 0
    for lineno, line in enumerate(lines, 1):
        if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        records += 1
        src = f"{source}:{lineno}"
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = decode(line, src).text
            except InputError as err:
                yield err
                continue
        try:
            rec = json.loads(text)
        except json.JSONDecodeError as e:
            yield _jsonl_error(src, lineno, e)
            continue
        yield article_from_record(rec, src, "jsonl", meta=meta)
    if not records:
        yield InputError(source, "empty", "empty file (no JSONL records)")


def iter_jsonl_text(text: str, source: str, *, meta: dict | None = None) -> Iterator[Article | InputError]:
    """JSONL already decoded (UTF-16 files, stdin)."""
    records = 0
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        records += 1
        src = f"{source}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield _jsonl_error(src, lineno, e)
            continue
        yield article_from_record(rec, src, "jsonl", meta=meta)
    if not records:
        yield InputError(source, "empty", "empty input (no JSONL records)")

"""Find inputs and read them into Articles, one at a time.

:func:`iter_articles` takes paths as the user typed them — files, folders,
glob patterns, ``-`` for stdin — and yields :class:`~rasid.doc.Article` objects
or, in their place, :class:`~rasid.errors.InputError` objects (yielded, not
raised: one bad input never stops the others).

* A folder is walked recursively in sorted order; hidden files and folders
  (name starting with ``.``) are skipped, and only files with an extension in
  :data:`SUPPORTED_EXTENSIONS` are taken (others are skipped silently).
* A file named explicitly (or matched by a glob) with an unknown extension is
  read as text.
* A glob matching nothing, or a missing path → ``not_found``.
* A text or HTML file larger than ``max_bytes`` → ``too_large``, found by
  ``stat`` before reading (and checked again while reading, in case it grew).
* Containers are streamed: JSONL line by line, zip members one at a time,
  a JSON array loaded whole when it is under ``max_bytes`` (fast) and parsed
  element by element otherwise.

Everything is a generator, so memory stays flat over many files: at most one
file (≤ ``max_bytes``), or one JSON array under the limit, is held at a time.
"""
from __future__ import annotations

import glob
import io
import os
import stat
import sys
import zipfile
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from rasid.doc import Article
from rasid.errors import InputError
from rasid.ingest.decode import decode
from rasid.ingest.html import article_from_html_bytes
from rasid.ingest.records import iter_json_stream, iter_json_text, iter_jsonl_lines, iter_jsonl_text
from rasid.ingest.txt import article_from_txt_bytes

__all__ = ["iter_articles", "read_path", "read_stdin", "SUPPORTED_EXTENSIONS", "DEFAULT_MAX_BYTES",
           "DEFAULT_MAX_CHARS"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_CHARS = 1_000_000
SUPPORTED_EXTENSIONS = frozenset({".txt", ".html", ".htm", ".json", ".jsonl", ".zip"})
_MEMBER_EXTENSIONS = frozenset({".txt", ".html", ".htm", ".json", ".jsonl"})
_GLOB_CHARS = set("*?[")

Item = Article | InputError


def _open_file(path: str) -> BinaryIO:
    """Open a file for reading bytes (one place, so tests can simulate failures)."""
    return open(path, "rb")


def _ext(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def _size_error(source: str, size: int, max_bytes: int) -> InputError:
    return InputError(source, "too_large",
                      f"file is {_human(size)} ({size} bytes), over the limit of {_human(max_bytes)} "
                      f"({max_bytes} bytes)")


def _human(n: int) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)  # pragma: no cover


def _os_error(source: str, err: OSError) -> InputError:
    if isinstance(err, PermissionError):
        return InputError(source, "permission", "permission denied")
    if isinstance(err, FileNotFoundError):
        return InputError(source, "not_found", "no such file or directory")
    if isinstance(err, IsADirectoryError):
        return InputError(source, "unsupported", "is a directory")
    return InputError(source, "unsupported", f"cannot read: {err.strerror or err}")


def _read_limited(f: BinaryIO, source: str, max_bytes: int) -> bytes:
    data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _size_error(source, len(data), max_bytes)
    return data


# --- one document (bytes in memory) -------------------------------------------------------

def _from_bytes(data: bytes, source: str, ext: str, meta: dict | None = None) -> Iterator[Item]:
    """Articles from a document already in memory, by extension."""
    try:
        if ext in (".html", ".htm"):
            art = article_from_html_bytes(data, source)
        elif ext == ".json":
            text = decode(data, source).text
            yield from iter_json_text(text, source, meta=meta)
            return
        elif ext == ".jsonl":
            if data[:4].find(b"\x00") >= 0 or data.startswith((b"\xff\xfe", b"\xfe\xff")):
                yield from iter_jsonl_text(decode(data, source).text, source, meta=meta)
            else:
                yield from iter_jsonl_lines(io.BytesIO(data), source, meta=meta)
            return
        else:
            art = article_from_txt_bytes(data, source)
    except InputError as err:
        yield err
        return
    if meta:
        art.meta.update(meta)
    yield art


# --- files -------------------------------------------------------------------------------

def _read_file(path: str, size: int, max_bytes: int) -> Iterator[Item]:
    ext = _ext(path)
    try:
        if ext == ".zip":
            yield from _read_zip(path, max_bytes)
            return
        if ext == ".jsonl":
            with _open_file(path) as f:
                head = f.peek(4)[:4] if hasattr(f, "peek") else b""
                if b"\x00" not in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
                    yield from iter_jsonl_lines(f, path)
                    return
            if size > max_bytes:  # UTF-16/32 JSONL: decoded whole
                yield _size_error(path, size, max_bytes)
                return
        if ext == ".json" and size > max_bytes:
            with _open_file(path) as f:
                yield from iter_json_stream(f, path)
            return
        if size > max_bytes:
            yield _size_error(path, size, max_bytes)
            return
        with _open_file(path) as f:
            data = _read_limited(f, path, max_bytes)
    except InputError as err:
        yield err
        return
    except OSError as err:
        yield _os_error(path, err)
        return
    yield from _from_bytes(data, path, ext)


def _read_zip(path: str, max_bytes: int) -> Iterator[Item]:
    try:
        f = _open_file(path)
    except OSError as err:
        yield _os_error(path, err)
        return
    with f:
        try:
            zf = zipfile.ZipFile(f)
        except (zipfile.BadZipFile, OSError, ValueError) as err:
            yield InputError(path, "unsupported", f"not a readable zip archive ({err})")
            return
        with zf:
            meta = {"container": "zip"}
            for info in zf.infolist():
                name = info.filename
                if info.is_dir() or any(part.startswith(".") or part == "__MACOSX"
                                        for part in name.split("/")):
                    continue
                ext = _ext(name)
                source = f"{path}!{name}"
                if ext == ".zip":
                    yield InputError(source, "unsupported", "a zip inside a zip is not read (unzip it first)")
                    continue
                if ext not in _MEMBER_EXTENSIONS:
                    continue
                try:
                    if ext == ".jsonl":
                        with zf.open(info) as m:
                            yield from iter_jsonl_lines(m, source, meta=meta)
                        continue
                    if info.file_size > max_bytes:
                        if ext == ".json":
                            with zf.open(info) as m:
                                yield from iter_json_stream(m, source, meta=meta)
                        else:
                            yield _size_error(source, info.file_size, max_bytes)
                        continue
                    with zf.open(info) as m:
                        data = _read_limited(m, source, max_bytes)
                except InputError as err:
                    yield err
                    continue
                except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError) as err:
                    yield InputError(source, "unsupported", f"cannot read zip member ({err})")
                    continue
                yield from _from_bytes(data, source, ext, meta=meta)


def read_stdin(*, max_bytes: int = DEFAULT_MAX_BYTES, stream: BinaryIO | None = None,
               source: str = "-") -> Iterator[Item]:
    """Articles from stdin: JSON (object/array) or JSONL when the input starts, after
    whitespace and a BOM, with ``{`` or ``[``; plain text otherwise. Read whole up to
    ``max_bytes``; longer JSONL input is read line by line."""
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read(max_bytes + 1)
    head = data[:4096].lstrip()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:].lstrip()
    jsonish = head[:1] in (b"{", b"[")
    if len(data) > max_bytes:
        if head[:1] == b"{":
            lines = _chain_lines(data, stream)
            yield from iter_jsonl_lines(lines, source)
        elif head[:1] == b"[":
            yield from iter_json_stream(_Chained(data, stream), source)
        else:
            yield InputError(source, "too_large", f"stdin holds more than the limit of {max_bytes} bytes")
        return
    if not jsonish:
        yield from _from_bytes(data, source, ".txt")
        return
    try:
        text = decode(data, source).text
    except InputError as err:
        yield err
        return
    import json
    try:
        json.loads(text)
        yield from iter_json_text(text, source)
    except json.JSONDecodeError as e:
        if head[:1] == b"{" and e.msg == "Extra data":
            yield from iter_jsonl_text(text, source)
        else:
            yield from iter_json_text(text, source)  # reports the error


class _Chained(io.RawIOBase):
    """Bytes already read, then the rest of a stream."""

    def __init__(self, first: bytes, rest: BinaryIO) -> None:
        self._first = memoryview(first)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self._first:
            n = min(len(b), len(self._first))
            b[:n] = self._first[:n]
            self._first = self._first[n:]
            return n
        chunk = self._rest.read(len(b))
        b[:len(chunk)] = chunk
        return len(chunk)


def _chain_lines(first: bytes, rest: BinaryIO) -> Iterator[bytes]:
    return iter(io.BufferedReader(_Chained(first, rest)))


# --- paths -------------------------------------------------------------------------------

def _walk(folder: str) -> Iterator[str | InputError]:
    """Supported files under ``folder``, recursively, sorted, hidden ones skipped."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as err:
        yield _os_error(folder, err)
        return
    for e in entries:
        if e.name.startswith("."):
            continue
        try:
            is_dir = e.is_dir()  # follows symlinks
        except OSError:
            is_dir = False
        if is_dir:
            if e.is_symlink():
                continue  # avoid loops
            yield from _walk(e.path)
        elif _ext(e.name) in SUPPORTED_EXTENSIONS:
            yield e.path


def read_path(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Articles (or InputErrors) from one path: a file, a folder, or ``-`` for stdin."""
    path = os.fspath(path)
    if path == "-":
        yield from read_stdin(max_bytes=max_bytes)
        return
    try:
        st = os.stat(path)
    except OSError as err:
        yield _os_error(path, err)
        return
    if stat.S_ISDIR(st.st_mode):
        for item in _walk(path):
            if isinstance(item, InputError):
                yield item
            else:
                yield from read_path(item, max_bytes=max_bytes)
        return
    if not stat.S_ISREG(st.st_mode):
        yield InputError(path, "unsupported", "not a regular file")
        return
    yield from _read_file(path, st.st_size, max_bytes)


def iter_articles(paths: Iterable[str] | str, *, max_bytes: int = DEFAULT_MAX_BYTES,
                  max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Item]:
    """Articles (or InputErrors in their place) from files, folders, globs and ``-``; an article
    whose text is longer than ``max_chars`` characters is an ``InputError(code="too_large")``."""
    for item in _iter_articles(paths, max_bytes):
        if not isinstance(item, InputError) and len(item.raw) > max_chars:
            item = InputError(item.source or item.id, "too_large",
                              f"article text is {len(item.raw):,} characters, over the limit of {max_chars:,} "
                              "(setting max_chars)")
        yield item


def _iter_articles(paths: Iterable[str] | str, max_bytes: int) -> Iterator[Item]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for p in paths:
        p = os.fspath(p)
        if p == "-" or os.path.lexists(p):
            yield from read_path(p, max_bytes=max_bytes)
        elif _GLOB_CHARS & set(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield InputError(p, "not_found", "no file matches the pattern")
            for m in matches:
                yield from read_path(m, max_bytes=max_bytes)
        else:
            yield InputError(p, "not_found", "no such file or directory")

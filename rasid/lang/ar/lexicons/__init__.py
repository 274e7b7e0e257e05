"""Every Arabic word list rasid reads, as data files in this folder, through one loader.

A linguist can review and extend these files without reading Python. Three shapes:

* ``NAME.txt`` — a word list: one entry per line; ``#`` starts a comment. The
  file opens with comment lines saying what the list is for (the header).
  :func:`words` gives the entries as written, :func:`keys` their
  :func:`rasid.lang.ar.normalize.norm_key` keys.
* ``NAME.tsv`` — a table: header comment lines, then a line of column names,
  then one row per line, tab-separated. :func:`table` gives the rows as dicts.
* ``NAME.json`` — a structured lexicon (an object whose ``_doc`` says what it
  is for). :func:`data` gives the object without ``_doc``.

Every loader is cached: a file is read once per process. Files are found by
name only (no path, no extension): ``words("speech_nouns")``. :func:`catalogue`
lists every file and its header, for the docs and for tests.

Stages receive the lexicons they use through their constructor (see
``rasid.stages``); library code reads them through the functions here, never
through module-level copies of its own.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from rasid.lang.ar.normalize import norm_key

__all__ = ["WordList", "words", "keys", "table", "data", "catalogue", "LexiconError", "attached_pronouns"]


class LexiconError(LookupError):
    """A lexicon file is missing or malformed (the message names the file)."""


class WordList(frozenset):
    """A frozenset of entries that also knows its file's ``name`` and ``about`` (its header)."""

    name: str
    about: str

    def __new__(cls, entries, name: str = "", about: str = ""):
        self = super().__new__(cls, entries)
        self.name = name
        self.about = about
        return self

    def __reduce__(self):
        return (WordList, (frozenset(self), self.name, self.about))


def _read(filename: str) -> str:
    ref = resources.files(__name__).joinpath(filename)
    if not ref.is_file():
        raise LexiconError(f"no lexicon file {filename!r} in rasid/lang/ar/lexicons")
    return ref.read_text("utf-8")


def _header_and_lines(filename: str) -> tuple[str, list[str]]:
    text = _read(filename)
    header: list[str] = []
    lines: list[str] = []
    in_header = True
    for raw in text.splitlines():
        stripped = raw.strip()
        if stripped.startswith("#"):
            if in_header:
                header.append(stripped.lstrip("#").strip())
            continue
        in_header = False
        entry = raw.split("#", 1)[0].rstrip() if " #" in raw or "\t#" in raw else raw.rstrip()
        if entry.strip():
            lines.append(entry)
    return " ".join(h for h in header if h), lines


@cache
def words(name: str) -> WordList:
    """The entries of ``NAME.txt`` as written (surrounding white space removed)."""
    about, lines = _header_and_lines(name + ".txt")
    if not about:
        raise LexiconError(f"{name}.txt has no header comment saying what the list is for")
    return WordList((line.strip() for line in lines), name, about)


@cache
def keys(name: str) -> WordList:
    """The :func:`norm_key` keys of ``NAME.txt``'s entries (the form stages match tokens by)."""

    w = words(name)
    return WordList((norm_key(e) for e in w), w.name, w.about)


@cache
def attached_pronouns() -> tuple[str, ...]:
    """The keys of ``attached_pronouns.txt`` (ه، ها، هم، كم …), longest first (then by letter): the order
    in which a word's end is tried against them."""
    return tuple(sorted(keys("attached_pronouns"), key=lambda s: (-len(s), s)))


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``NAME.tsv`` as dicts keyed by its column names (missing cells are "")."""
    about, lines = _header_and_lines(name + ".tsv")
    if not lines:
        raise LexiconError(f"{name}.tsv has no column line")
    columns = lines[0].split("\t")
    rows = []
    for n, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        if len(cells) > len(columns):
            raise LexiconError(f"{name}.tsv row {n} has {len(cells)} cells for {len(columns)} columns")
        rows.append(dict(zip(columns, cells + [""] * (len(columns) - len(cells)))))
    return tuple(rows)


@cache
def data(name: str) -> dict:
    """The object in ``NAME.json`` without its ``_doc`` (which says what the file is for)."""
    try:
        obj = json.loads(_read(name + ".json"))
    except json.JSONDecodeError as exc:
        raise LexiconError(f"{name}.json is not valid JSON: {exc}") from None
    if not isinstance(obj, dict) or "_doc" not in obj:
        raise LexiconError(f"{name}.json must be an object with a _doc saying what it is for")
    return {k: v for k, v in obj.items() if k != "_doc"}


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str        # "words" | "table" | "data"
    about: str


def catalogue() -> list[Entry]:
    """Every lexicon file in this folder with what its header says it is for."""
    out = []
    for ref in sorted(resources.files(__name__).iterdir(), key=lambda r: r.name):
        stem, _, ext = ref.name.rpartition(".")
        if ext == "txt":
            out.append(Entry(stem, "words", words(stem).about))
        elif ext == "tsv":
            out.append(Entry(stem, "table", _header_and_lines(ref.name)[0]))
        elif ext == "json":
            out.append(Entry(stem, "data", json.loads(ref.read_text("utf-8"))["_doc"]))
    return out

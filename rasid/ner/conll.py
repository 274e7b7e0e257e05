"""Read and write CoNLL-style NER files: one "token TAG" per line, blank line between sentences."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, Sequence, TextIO

Sentence = tuple[list[str], list[str]]

# ANERcorp spells the person type PERS; the project uses PER.
_TYPE_ALIASES = {"PERS": "PER", "PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"}


def normalize_tag(tag: str) -> str:
    """'B-PERS' → 'B-PER'; 'O' and unknown types are returned unchanged (upper-cased prefix)."""
    if tag == "O" or "-" not in tag:
        return "O" if tag in ("O", "0", "") else tag
    prefix, _, typ = tag.partition("-")
    return prefix.upper() + "-" + _TYPE_ALIASES.get(typ, typ)


def parse_conll(lines: Iterable[str], *, token_col: int = 0, tag_col: int = -1,
                map_types: bool = True) -> Iterator[Sentence]:
    """Yield (tokens, tags) per sentence.  Lines are whitespace-split; a blank line (or a
    line starting with ``-DOCSTART-``) ends a sentence.  A line with one column gets tag O."""
    toks: list[str] = []
    tags: list[str] = []
    for line in lines:
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if toks:
                yield toks, tags
                toks, tags = [], []
            continue
        toks.append(parts[token_col])
        tag = parts[tag_col] if len(parts) > 1 else "O"
        tags.append(normalize_tag(tag) if map_types else tag)
    if toks:
        yield toks, tags


def read_conll(path: str | Path, **kw) -> list[Sentence]:
    """All sentences of a CoNLL file (UTF-8; a BOM is ignored)."""
    with open(path, encoding="utf-8-sig") as f:
        return list(parse_conll(f, **kw))


def write_conll(out: TextIO | str | Path, sentences: Iterable[Sequence[Sequence[str]]]) -> None:
    """Write sentences given as column tuples, e.g. (tokens, gold, predicted) → "tok gold pred"
    lines, blank line after each sentence."""
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8") as f:
            write_conll(f, sentences)
        return
    for cols in sentences:
        for row in zip(*cols):
            out.write(" ".join(row) + "\n")
        out.write("\n")

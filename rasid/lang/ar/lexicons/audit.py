"""Find Arabic word lists written in Python source (they belong in this folder as data).

A *word list* is a literal collection (list, tuple, set, dict keys) holding more
than ``limit`` strings with Arabic letters, a string of more than ``limit``
Arabic words that the code splits, or a regular expression alternation of more
than ``limit`` Arabic words. ``python -m rasid.lang.ar.lexicons.audit`` prints
each one found in ``rasid/`` outside the lexicon folders.
"""
from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

_ARABIC = re.compile(r"[\u0621-\u064A]")
_ALLOWED_DIRS = ("rasid/lang/ar/lexicons", "rasid/train/data")


def _arabic(s: object) -> bool:
    """A word with Arabic letters (two or more: single letters are character tables, not words)."""
    return isinstance(s, str) and len(_ARABIC.findall(s)) >= 2


def _alternatives(s: str) -> int:
    """How many Arabic alternatives a regex-like string holds (a|b|c...)."""
    if "|" not in s:
        return 0
    return sum(1 for part in re.split(r"\|", s) if len(_ARABIC.findall(part)) >= 2)


def find_lists(source: str, limit: int = 3) -> list[tuple[int, int, str]]:
    """``(line, n, what)`` for each Arabic word list of more than ``limit`` entries in ``source``."""
    out = []
    tree = ast.parse(source)
    docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
    for node in ast.walk(tree):
        if id(node) in docstrings:
            continue
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            n = sum(1 for e in node.elts if isinstance(e, ast.Constant) and _arabic(e.value))
            if n > limit:
                out.append((node.lineno, n, type(node).__name__.lower()))
        elif isinstance(node, ast.Dict):
            n = sum(1 for k in node.keys if isinstance(k, ast.Constant) and _arabic(k.value))
            n = max(n, sum(1 for v in node.values if isinstance(v, ast.Constant) and _arabic(v.value)))
            if n > limit:
                out.append((node.lineno, n, "dict"))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split":
            base = node.func.value
            if isinstance(base, ast.Constant) and _arabic(base.value):
                n = sum(1 for w in base.value.split() if _arabic(w))
                if n > limit:
                    out.append((node.lineno, n, "split string"))
        elif isinstance(node, ast.Constant) and _arabic(node.value):
            n = _alternatives(node.value)
            if n > limit:
                out.append((node.lineno, n, "alternation"))
        elif isinstance(node, ast.JoinedStr):
            parts = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
            n = _alternatives(parts)
            if n > limit:
                out.append((node.lineno, n, "alternation"))
    return sorted(set(out))


def audit(root: Path, limit: int = 3) -> dict[str, list[tuple[int, int, str]]]:
    """Word lists in every ``.py`` under ``root/rasid`` outside the lexicon folders, by file."""
    found = {}
    for path in sorted((root / "rasid").rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith(_ALLOWED_DIRS):
            continue
        lists = find_lists(path.read_text("utf-8"), limit)
        if lists:
            found[rel] = lists
    return found


if __name__ == "__main__":  # pragma: no cover
    res = audit(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd())
    for f, lists in res.items():
        for line, n, what in lists:
            print(f"{f}:{line}: {what} of {n} Arabic entries")
    print(f"{sum(map(len, res.values()))} word lists in {len(res)} files", file=sys.stderr)

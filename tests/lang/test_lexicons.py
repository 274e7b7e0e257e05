"""The lexicon folder: one loader, headers on every file, and no word lists left in Python source."""
from __future__ import annotations

from pathlib import Path

import pytest

from rasid.lang.ar import lexicons
from rasid.lang.ar.lexicons.audit import audit, find_lists

ROOT = Path(__file__).resolve().parents[2]


def test_every_lexicon_file_says_what_it_is_for():
    entries = lexicons.catalogue()
    assert len(entries) >= 7
    for e in entries:
        assert e.about.strip(), f"{e.name} has no header"


def test_loaders_are_cached_and_typed():
    w = lexicons.words("abbreviations")
    assert w is lexicons.words("abbreviations")
    assert isinstance(w, frozenset) and w.name == "abbreviations" and w.about
    assert lexicons.data("actors") is lexicons.data("actors")
    assert "_doc" not in lexicons.data("events")


def test_missing_lexicon_names_the_file():
    with pytest.raises(lexicons.LexiconError, match="no_such_list"):
        lexicons.words("no_such_list")


def test_audit_finds_lists_strings_and_alternations():
    src = '''
X = ["قال", "أكد", "أوضح", "أشار"]
Y = {"قال": 1, "أكد": 2}
Z = "قال أكد أوضح أشار".split()
R = "(?:قال|أكد|أوضح|أشار)"
S = ("و", "ف", "ب", "ل", "ك")
def f():
    """قال|أكد|أوضح|أشار in a docstring is prose."""
'''
    found = {(line, what) for line, _, what in find_lists(src)}
    assert found == {(2, "list"), (4, "split string"), (5, "alternation")}


def test_no_arabic_word_list_left_in_python_source():
    found = audit(ROOT)
    assert not found, "word lists belong in rasid/lang/ar/lexicons: " + "; ".join(
        f"{f}:{line} ({what} of {n})" for f, lists in found.items() for line, n, what in lists)

"""Full-text search keys: what goes into the FTS5 ``norm`` columns, and the MATCH query.

Both sides go through the project's tokenizer and ``norm_key``: an indexed word
contributes its normalised form, and, when clitics were split off, the form
without proclitics (ال + stem) and the bare stem, so والطرابلسي is found by
الطرابلسي and by طرابلسي. A query word contributes one term: its form without
proclitics (بالرياض → الرياض). Each term is quoted as an FTS5 string, so no input
is ever read as FTS5 syntax (operators, column filters, parentheses).
"""
from __future__ import annotations

from functools import lru_cache

from rasid.lang.ar.normalize import norm_key
from rasid.lang.ar.tokenize import tokenize

__all__ = ["index_text", "index_tokens", "match_query", "MAX_QUERY_TERMS", "KEYS_VERSION", "check_keys",
           "add_article", "remove_article"]

# The version of the keys index_text makes: a change to the tokenizer or to _forms that changes
# them must raise it, so that stores reindex (a contentless index deletes a row by its keys).
KEYS_VERSION = "1"

MAX_QUERY_TERMS = 16
_KINDS = ("word", "latin", "number")


def _forms(tok) -> tuple[str, ...]:
    pieces = tok.pieces
    return _piece_forms(tok.norm, pieces) if pieces else (tok.norm,)


@lru_cache(maxsize=1 << 16)
def _piece_forms(norm: str, pieces: tuple) -> tuple[str, ...]:
    """A split token's forms: its own, without proclitics, and the bare stem (clitic pieces are
    ``(start, end, norm, kind)``; tokens of one form share them, so this is cached)."""
    forms = [norm]
    no_pro = "".join(p[2] for p in pieces if p[3] != "proclitic")
    stem = "".join(p[2] for p in pieces if p[3] == "stem")
    for f in (no_pro, stem):
        if f and f not in forms:
            forms.append(f)
    return tuple(forms)


def index_text(*texts: str | None) -> str:
    """The normalised words (with their clitic-free forms) of ``texts``, space-separated."""
    return " ".join(f for text in texts if text for f in _keys(tokenize(text)))


def index_tokens(title: str | None, text: str, tokens) -> str:
    """``index_text(title, text)`` where ``tokens`` are ``text``'s tokens already made (the
    pipeline's ``article.tokens``): the text is not tokenised again."""
    return " ".join([*_keys(tokenize(title)), *_keys(tokens)] if title else _keys(tokens))


def _keys(tokens) -> list[str]:
    out: list[str] = []
    for tok in tokens:
        if tok.kind in _KINDS:
            out.extend(_forms(tok))
    return out


def query_terms(text: str) -> list[str]:
    terms: list[str] = []
    for tok in tokenize(text or ""):
        if tok.kind not in _KINDS:
            continue
        forms = _forms(tok)
        term = forms[1] if len(forms) > 1 and tok.words and tok.words[0].kind == "proclitic" else forms[0]
        term = norm_key(term)
        if term and term not in terms:
            terms.append(term)
    return terms[:MAX_QUERY_TERMS]


def match_query(text: str) -> str | None:
    """An FTS5 MATCH expression (all terms, each a quoted string), or None when ``text`` has no words."""
    terms = query_terms(text)
    if not terms:
        return None
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


# ----------------------------------------------------------- the articles index (contentless)

def add_article(conn, seq: int, keys: str) -> None:
    conn.execute("INSERT INTO articles_fts(rowid, norm) VALUES (?, ?)", (seq, keys))


def remove_article(conn, seq: int, title: str | None, text: str) -> None:
    """Take the article at ``seq`` out of the index: a contentless FTS5 table deletes a row given
    the keys it was indexed with, made again from its title and text."""
    conn.execute("INSERT INTO articles_fts(articles_fts, rowid, norm) VALUES ('delete', ?, ?)",
                 (seq, index_text(title, text)))


def check_keys(conn) -> bool:
    """Reindex every article (inside the caller's transaction) when the store's keys were made
    by another version of index_text (``store_meta.fts_keys``); True when it did."""
    from rasid.store import documents

    row = conn.execute("SELECT value FROM store_meta WHERE key = 'fts_keys'").fetchone()
    if row is not None and row[0] == KEYS_VERSION:
        return False
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('delete-all')")
    for seq, title, raw in conn.execute("SELECT seq, title, raw_json FROM articles").fetchall():
        add_article(conn, seq, index_text(title, documents.text_of(raw)))
    conn.execute("INSERT INTO store_meta(key, value) VALUES ('fts_keys', ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (KEYS_VERSION,))
    return True

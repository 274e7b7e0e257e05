"""Well-known organisations and groups in Arabic news (``data/known_orgs.tsv``).

One row per Arabic press form (variants are rows of their own with the same English
name). Lookups go through :func:`rasid.lang.ar.normalize.norm_key` after removing
guillemets / quotes and collapsing whitespace, and also try the form

* with and without the article ال on the first word, and
* without a leading proclitic: و / ف, then ب / ل / ك (``لل`` = ل + ال),

so ``والناتو``, ``لحركة حماس``, ``للأمم المتحدة``, ``بالحرس الثوري`` all resolve.
An exact match always wins over a folded one.

API: :func:`known_org`, :func:`org_index`, :func:`max_words`, :class:`KnownOrg`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rasid.lang.ar.normalize import norm_key
from rasid.lang.ar.lexicons import words

__all__ = ["KnownOrg", "known_org", "org_index", "max_words", "org_key", "candidate_keys", "DATA_FILE",
           "MEDIA_KINDS"]

DATA_FILE = Path(__file__).resolve().parent / "data" / "known_orgs.tsv"

# guillemets, straight and curly quotes, Arabic/CJK quote marks
_QUOTES = re.compile(r"[«»\"'“”„‟‘’‚‛‹›「」『』]")
_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = " \t\n.,:;!?()[]{}،؛؟-–—"
# the kinds of outlets: names that are sources more often than actors, and often also places or common words
MEDIA_KINDS = frozenset({"newspaper", "channel", "tv", "website", "media", "radio", "magazine"})


@dataclass(frozen=True)
class KnownOrg:
    arabic: str     # the Arabic press form as written in the table
    english: str    # usual English press name
    country: str    # ISO alpha-3, "" when international / transnational
    sector: str     # GOV MIL REB PTY IGO NGO LEG JUD COP SPY BUS MED REL EDU
    kind: str       # ministry, army, party, militia, igo, ngo, parliament, ...


def org_key(name: str) -> str:
    """Lookup key of an organisation name: quotes removed, norm_key, whitespace collapsed."""
    s = _QUOTES.sub(" ", name or "")
    s = _SPACE.sub(" ", norm_key(s)).strip(_EDGE_PUNCT)
    return _SPACE.sub(" ", s).strip()


def _read(path: Path = DATA_FILE) -> list[KnownOrg]:
    out: list[KnownOrg] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if cols[0] == "arabic":          # header row
                continue
            cols += [""] * (5 - len(cols))
            ar, en, cc, sec, kind = (c.strip() for c in cols[:5])
            if ar and en:
                out.append(KnownOrg(ar, en, cc, sec, kind))
    return out


@lru_cache(maxsize=1)
def _index() -> dict[str, KnownOrg]:
    idx: dict[str, KnownOrg] = {}
    for org in _read():
        idx.setdefault(org_key(org.arabic), org)   # first row of a key wins
    return idx


def org_index() -> dict[str, KnownOrg]:
    """Norm key -> entry, for every row of the table (a copy; safe to modify)."""
    return dict(_index())


@lru_cache(maxsize=1)
def max_words() -> int:
    """Number of words of the longest entry (for an n-gram matcher)."""
    return max((len(k.split()) for k in _index()), default=0)


def _article_variants(k: str) -> list[str]:
    """``k`` and ``k`` with the article of its first word toggled."""
    if k.startswith("ال") and len(k) > 4:
        return [k, k[2:]]
    return [k, "ال" + k]


def _proclitic_variants(k: str) -> list[str]:
    """Forms of ``k`` without leading proclitics (و/ف, then ب/ل/ك; لل -> ال), longest first."""
    forms: list[str] = []
    heads = [k]
    if k[:1] in ("و", "ف") and len(k) > 3:
        heads.append(k[1:])
    for h in heads:
        if h is not k:
            forms.append(h)
        if h.startswith("لل") and len(h) > 3:
            forms.append("ال" + h[2:])        # للأمم -> الأمم
            forms.append(h[1:])               # لليكود -> ليكود (-> الليكود)
        elif h[:1] in ("ب", "ل", "ك") and len(h) > 3:
            forms.append(h[1:])
    return forms


@lru_cache(maxsize=1)
def _no_fold() -> frozenset[str]:
    """Entries whose form with the article toggled is an ordinary word or another name (قاعدة "base",
    الحماس "enthusiasm"): they match only as written (rasid/lang/ar/lexicons/org_no_article_fold.txt)."""

    return frozenset(org_key(f) for f in words("org_no_article_fold"))


def candidate_keys(name: str) -> list[str]:
    """The keys :func:`known_org` tries for ``name``, in order."""
    k = org_key(name)
    if not k:
        return []
    no_fold = _no_fold()
    out: list[str] = []
    for base in [k] + _proclitic_variants(k):
        for i, v in enumerate(_article_variants(base)):
            if i and v in no_fold:
                continue
            if v not in out:
                out.append(v)
    return out


def known_org(name: str) -> KnownOrg | None:
    """The well-known organisation ``name`` refers to, or None."""
    idx = _index()
    for k in candidate_keys(name):
        org = idx.get(k)
        if org is not None:
            return org
    return None

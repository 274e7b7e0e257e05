"""Well-known people of Arabic news (2005-2025) and their English press spelling.

Data: ``rasid/names/data/known_people.tsv`` (hand-written general knowledge), columns
``arabic, english, country, office, sector`` and an optional sixth column ``short``:

* empty: the surname is derived (the last name part, with a particle before it --
  أبو, بن, ابن, آل, ولد, بنت -- kept: "أبو الغيط" -> "Aboul Gheit");
* ``-``: no surname-only lookups for that row (kings, popes, noms de guerre, East
  Asian names);
* ``ARABIC=English``: the surname as written in Arabic and in English
  ("ولد الشيخ أحمد=Ould Cheikh Ahmed", "شي=Xi").

Several rows may share one English name (spelling variants, several offices);
they are one person.

Lookups (all after :func:`rasid.lang.ar.normalize.norm_key`, with and without ال,
joined or separate عبد/X الله compounds, doubled long vowels folded):

* the full name;
* the first + last name part, without middle names (names of three parts or more);
* the surname alone, when exactly one person has it (and it is not a common
  given name).

``known_person(name)`` returns a :class:`KnownPerson` (``match`` says which way it
matched) or None; ``known_latin(name, article=...)`` is the step
:func:`rasid.names.translit.to_latin` runs first for persons.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from rasid.lang.ar.normalize import norm_key
from rasid.memo import memo
from rasid.names.lexicon import DATA, ar_units, compatible, lat_units, lexicon, split_name, strip_article
from rasid.lang.ar.lexicons import table

__all__ = ["KnownPerson", "KnownPeople", "known_people", "known_person", "known_surname", "known_latin"]

SECTORS = frozenset({"GOV", "MIL", "LEG", "PTY", "REB", "IGO", "REL", "JUD", "BUS", "MED"})

def _particles() -> dict[str, frozenset[str]]:
    """Name particle key -> its Latin press spellings (rasid/lang/ar/lexicons/name_particles.tsv)."""

    return {norm_key(r["particle"]): frozenset(r["latin"].split()) for r in table("name_particles")}


_PARTICLE_LAT = _particles()
PARTICLES = frozenset(_PARTICLE_LAT)     # keys (آل -> ال)
_ARTICLE = re.compile(r"^(al|el)-", re.I)


@dataclass(frozen=True)
class KnownPerson:
    english: str            # full name, English press spelling
    country: str            # ISO 3166-1 alpha-3 ("" for UN/international officials)
    office: str
    sector: str             # GOV MIL LEG PTY REB IGO REL JUD BUS MED
    arabic: str             # the Arabic spelling of the row that matched
    surname: str = ""       # English surname ("" when none is used)
    match: str = "full"     # "full" | "given_surname" | "surname"


def _units(name: str) -> list[str]:
    """Name parts (norm_key), a particle joined with the part after it."""
    parts = [" ".join(norm_key(p).split()) for p in split_name(name)]
    out: list[str] = []
    i = 0
    while i < len(parts):
        p = parts[i]
        if p in PARTICLES and i + 1 < len(parts):
            out.append(p + " " + parts[i + 1])
            i += 2
            continue
        out.append(p)
        i += 1
    return out


def _canon(unit: str) -> str:
    """Matching key of one unit: ال dropped from each word, words joined, ا/و/ي runs folded."""
    words = [strip_article(w) for w in unit.split()]
    s = "".join(words)
    return re.sub(r"([اوي])\1+", r"\1", s)


def _lat_surname(english: str, last_unit: str) -> str:
    """The English surname of a row: its last word, or from the particle that matches
    the Arabic one ("" when the English name has no such particle, or the word after
    it does not fit the Arabic: "Mohammed bin Salman" has no "Al Saud")."""
    toks = english.split()
    if not toks:
        return ""
    words = last_unit.split()
    if words[0] not in PARTICLES or len(words) < 2:
        return toks[-1]
    want = _PARTICLE_LAT[words[0]]
    for i in range(len(toks) - 2, -1, -1):
        if toks[i].casefold() in want:
            ar = strip_article(words[1])
            lat = _ARTICLE.sub("", toks[i + 1])
            if compatible(ar_units(ar), lat_units(lat)):
                return " ".join(toks[i:i + 2])
            return ""
    return ""


def _bare(lat: str) -> str:
    return _ARTICLE.sub("", lat).casefold()


class KnownPeople:
    """The known-people table, indexed for full, first+last and surname lookups."""

    def __init__(self, path: Path = DATA / "known_people.tsv") -> None:
        self.rows: list[KnownPerson] = []
        self.full: dict[tuple[str, ...], list[KnownPerson]] = {}
        self.given_last: dict[tuple[str, str], list[tuple[KnownPerson, tuple[str, ...]]]] = {}
        self.by_surname: dict[str, list[KnownPerson]] = {}
        given_keys: set[str] = set()
        rows: list[tuple[KnownPerson, list[str], str]] = []
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.split("\t")
                if len(cols) < 5:
                    continue
                ar, en, country, office, sector = (c.strip() for c in cols[:5])
                short = cols[5].strip() if len(cols) > 5 else ""
                units = _units(ar)
                if not units or not en:
                    continue
                p = KnownPerson(en, country, office, sector, ar)
                rows.append((p, units, short))
                if len(units) >= 2:
                    given_keys.add(_canon(units[0]))
        lex = lexicon()
        given_keys |= {_canon(k) for k in lex.hand if k not in lex.foreign and " " not in k}
        for p, units, short in rows:
            key = tuple(_canon(u) for u in units)
            if short == "-":
                s_key, s_en = "", ""
            elif "=" in short:
                s_ar, s_en = short.split("=", 1)
                s_units = _units(s_ar)
                s_key = "".join(_canon(u) for u in s_units)
                s_en = s_en.strip()
            elif len(units) >= 2:
                s_key = key[-1]
                s_en = _lat_surname(p.english, units[-1])
                if s_key in given_keys or not s_en:
                    s_key = ""            # a common given name: no surname-only lookups
            else:
                s_key, s_en = "", ""
            p = replace(p, surname=s_en)
            self.rows.append(p)
            self.full.setdefault(key, []).append(p)
            if len(key) >= 3:
                self.given_last.setdefault((key[0], key[-1]), []).append((p, key))
            if s_key:
                self.by_surname.setdefault(s_key, []).append(p)

    @staticmethod
    def _one(cands: list[KnownPerson] | None) -> KnownPerson | None:
        if not cands:
            return None
        if len({c.english for c in cands}) == 1:
            return cands[0]
        return None

    def lookup(self, name: str) -> KnownPerson | None:
        units = _units(name or "")
        if not units:
            return None
        key = tuple(_canon(u) for u in units)
        hit = self._one(self.full.get(key))
        if hit:
            return replace(hit, match="full")
        if len(key) >= 2:
            # first + last; middle parts the query has must be among the row's parts
            cands = [p for p, k in self.given_last.get((key[0], key[-1]), ())
                     if set(key[1:-1]) <= set(k[1:-1])]
            hit = self._one(cands)
            if hit:
                return replace(hit, match="given_surname")
        hit = self._one(self.by_surname.get("".join(key)))
        if hit:
            return replace(hit, match="surname")
        return None

    def surname(self, name: str) -> str | None:
        """English surname for a surname (as written in Arabic) when every known person
    with it spells it alike."""
        units = _units(name or "")
        if not units:
            return None
        cands = self.by_surname.get("".join(_canon(u) for u in units))
        if not cands:
            return None
        spellings = {_bare(c.surname) for c in cands}
        if len(spellings) != 1:
            return None
        # the spelling most people have ("Hariri": Saad, Rafik, Bahaa; not Nasr "al-Hariri")
        count: dict[str, set[str]] = {}
        for c in cands:
            count.setdefault(c.surname, set()).add(c.english)
        return max(count, key=lambda sp: (len(count[sp]), -list(count).index(sp)))


@lru_cache(maxsize=1)
def known_people() -> KnownPeople:
    """The shared table (loaded on first use)."""
    return KnownPeople()


@memo(50_000)
def known_person(name: str) -> KnownPerson | None:
    """The known person ``name`` (Arabic) refers to: full name, first + last name, or a
    surname only one person has; None when unknown or ambiguous. Kept per name."""
    return known_people().lookup(name)




def known_surname(name: str) -> str | None:
    """English surname of an Arabic surname shared by known people who all spell it alike."""
    return known_people().surname(name)


def _article(latin: str, article: str) -> str:
    toks = latin.split(" ")
    if not toks:
        return latin
    t = toks[-1]
    m = _ARTICLE.match(t)
    if m:
        if article == "drop":
            t = t[m.end():]
        elif article == "Al":
            t = m.group(1).capitalize() + t[m.end() - 1:]
    toks[-1] = t
    return " ".join(toks)


def known_latin(name: str, *, article: str = "al") -> str | None:
    """English press spelling of a known person's name: the full English name for a
    full (or first + last) match, the English surname for a one-part surname shared by
    known people who all spell it alike; None otherwise.

    ``article`` ("drop" / "al" / "Al") treats an al-/el- on the last English word as
    :func:`rasid.names.translit.to_latin` does (the rest is the press spelling as is).
    """
    kp = known_people()
    hit = kp.lookup(name)
    if hit and hit.match != "surname":
        if len(_units(name)) == 1 and hit.surname:
            return _article(hit.surname, article)      # a one-part row (حميدتي -> Hemedti)
        english = hit.english
        toks = english.split(" ")
        if (len(toks) >= 4 and toks[-2] == "Al"
                and not any(u.startswith("ال ") for u in _units(name))):
            english = " ".join(toks[:-2])    # سلمان بن حمد -> "Salman bin Hamad" (no "Al Khalifa")
        return _article(english, article)
    s = kp.surname(name)
    return _article(s, article) if s else None

"""The shipped Arabic gazetteer: place names, country names and nisba adjectives.

Loads ``rasid/models/geo/places.tsv.gz`` and ``countries.json`` (built by
``python -m rasid.train.geo``).  All lookups go through ``norm_key`` (see
:func:`rasid.geo.names.key`), so hamza forms, ة/ه, ى/ي and diacritics do not matter.

    g = Gazetteer.default()
    g.candidates("وبغداد")          # proclitic stripped -> [Baghdad, ...]
    g.candidates("العاصمة صنعاء")   # head word -> Sanaa
    g.country_by_name("جمهورية مصر العربية")  # -> "EGY"
    g.nisba("الليبيين")             # -> "LBY"
"""
from __future__ import annotations

import gzip
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path

from rasid.doc.layers import Place
from rasid.geo.names import HEADS, STATE_HEADS, STATE_TAILS, key, proclitic_forms, strip_head, toggle_al

__all__ = ["Gazetteer", "PlaceCandidate", "Country", "MODEL_DIR"]

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "geo"
_CACHE_MAX = 20_000         # lookup answers kept before the cache is cleared (each holds its candidates)


@dataclass(frozen=True, slots=True)
class PlaceCandidate:
    """One place a name may refer to."""

    name_ar: str
    name_en: str
    lat: float
    lon: float
    country: str | None          # ISO alpha-3
    geonameid: int | None
    population: int = 0
    feature: str = "city"        # "capital" | "city" | "country" | "region" (first-level, id < 0)
    score: float = field(default=0.0, compare=False)

    def to_place(self) -> Place:
        """The :class:`rasid.doc.layers.Place` for an ``Entity.geo``."""
        return Place(lat=self.lat, lon=self.lon, country=self.country, geonameid=self.geonameid,
                     feature=self.feature, score=self.score if self.score else 1.0)


@dataclass(frozen=True, slots=True)
class Country:
    alpha3: str
    alpha2: str
    name_ar: str
    name_en: str
    lat: float                   # approximate centre (see DATA.md)
    lon: float
    geonameid: int
    population: int
    capital: int | None          # geonameid of the capital
    capital_en: str | None
    names: tuple[str, ...]       # norm_key lookup keys


class _Either:
    """Two key indexes read as one: the first's answer, else the second's."""

    __slots__ = ("first", "second")

    def __init__(self, first: dict, second: dict) -> None:
        self.first, self.second = first, second

    def get(self, k: str, default=None):
        return self.first.get(k) or self.second.get(k, default)


class Gazetteer:
    """Place / country / nisba lookups over the shipped index."""

    _default: Gazetteer | None = None
    _lock = threading.Lock()

    def __init__(self, model_dir: Path | str = MODEL_DIR) -> None:
        model_dir = Path(model_dir)
        with gzip.open(model_dir / "places.tsv.gz", "rt", encoding="utf-8") as f:
            lines = f.read().split("\n")
        rows: list[tuple] = []
        index: dict[str, list[int]] = {}
        weak: dict[str, list[int]] = {}
        for line in lines[1:]:
            if not line:
                continue
            gid, en, lat, lon, a3, pop, feat, ar, keys, weak_keys = line.split("\t")
            i = len(rows)
            rows.append((ar, en, float(lat), float(lon), a3 or None, int(gid), int(pop), feat))
            for table, ks in ((index, keys), (weak, weak_keys)):
                for k in ks.split("|") if ks else ():
                    table.setdefault(k, []).append(i)
        # places before regions; most populous first, capitals before same-size towns; ties by id
        order = lambda i: (rows[i][7] == "region", -rows[i][6], rows[i][7] != "capital", rows[i][5])  # noqa: E731
        self._rows = rows
        self._index = {k: tuple(sorted(v, key=order)) for k, v in index.items()}
        # everyday words that are also a place's name (مدينة, يوم, الجديدة): found only after a head
        # word or beside a nisba (see rasid.train.geo.common_name)
        self._weak = {k: tuple(sorted(set(v) | set(index.get(k, ())), key=order)) for k, v in weak.items()}

        with open(model_dir / "countries.json", encoding="utf-8") as f:
            doc = json.load(f)
        self.meta: dict = doc["meta"]
        self._countries: dict[str, Country] = {}
        self._country_names: dict[str, str] = {}
        for a3, c in doc["countries"].items():
            self._countries[a3] = Country(
                a3, c["a2"], c["ar"], c["en"], c["lat"], c["lon"], c["geonameid"], c["population"],
                c["capital"], c["capital_en"], tuple(c["names"]))
            for k in c["names"]:
                self._country_names[k] = a3
        self._nisba: dict[str, str] = doc["nisba"]
        self._by_gid = {r[5]: i for i, r in enumerate(rows)}
        # lookup answers kept per name (the index never changes once loaded); cleared past _CACHE_MAX
        self._lookups: dict[str, tuple[tuple[PlaceCandidate, ...], str | None, str | None]] = {}
        self._place_words: frozenset[str] | None = None

    # ------------------------------------------------------------------ loading
    @classmethod
    def default(cls) -> Gazetteer:
        """The shipped gazetteer, loaded once per process."""
        if cls._default is None:
            with cls._lock:
                if cls._default is None:
                    cls._default = cls()
        return cls._default

    def __len__(self) -> int:
        return len(self._rows)

    # ---------------------------------------------------------------- countries
    def country(self, alpha3: str) -> Country | None:
        return self._countries.get(alpha3)

    def countries(self) -> list[Country]:
        return [self._countries[a] for a in sorted(self._countries)]

    def _country_key(self, k: str) -> str | None:
        a3 = self._country_names.get(k)
        if a3 is None:
            t = toggle_al(k)
            if t:
                a3 = self._country_names.get(t)
        return a3

    def _country_official(self, k: str) -> str | None:
        """Country of an official/long form: [state head] name|nisba [tails] (جمهورية مصر العربية)."""
        a3 = self._country_key(k)
        if a3 or " " not in k:      # one word: no head or tail to take off
            return a3
        parts = k.split(" ")
        had_head = False
        if len(parts) > 1 and parts[0] in STATE_HEADS:
            parts, had_head = parts[1:], True
        while len(parts) > 1 and parts[-1] in STATE_TAILS:
            parts = parts[:-1]
        while len(parts) > 1 and parts[0] in STATE_TAILS:
            parts = parts[1:]
        rest = " ".join(parts)
        if rest == k:
            return None
        a3 = self._country_key(rest)
        if a3 is None and had_head and len(parts) == 1:     # الجمهورية اللبنانية
            a3 = self._nisba_key(rest)
        return a3

    def country_by_name(self, name: str) -> str | None:
        """The alpha-3 code of a country name or official form, or None.

        Accepts surface forms: ``وسوريا``, ``لمصر``, ``للسعودية``, ``المملكة العربية السعودية``,
        ``الجمهورية العربية السورية``, ``روسيا الاتحادية``, ``سلطنة عمان``.
        """
        k = key(name)
        if not k:
            return None
        for f in (k, *proclitic_forms(k)):
            a3 = self._country_official(f)
            if a3:
                return a3
        return None

    def country_candidate(self, alpha3: str) -> PlaceCandidate | None:
        c = self._countries.get(alpha3)
        if c is None:
            return None
        return PlaceCandidate(c.name_ar, c.name_en, c.lat, c.lon, c.alpha3, c.geonameid,
                              c.population, "country")

    def capital(self, alpha3: str) -> PlaceCandidate | None:
        c = self._countries.get(alpha3)
        if c is None or c.capital is None or c.capital not in self._by_gid:
            return None
        return self._cand(self._by_gid[c.capital])

    def word_country(self, word: str) -> str | None:
        """``nisba(word) or country_by_name(word)``, with the key and its forms made once."""
        k = key(word)
        if not k:
            return None
        forms = (k, *proclitic_forms(k))
        if " " not in k:
            for f in forms:
                a3 = self._nisba_key(f)
                if a3:
                    return a3
        for f in forms:
            a3 = self._country_official(f)
            if a3:
                return a3
        return None

    # -------------------------------------------------------------------- nisba
    def _nisba_key(self, k: str) -> str | None:
        a3 = self._nisba.get(k)
        if a3 is None and k.startswith("ال") and len(k) > 4:
            a3 = self._nisba.get(k[2:])
        return a3

    def nisba(self, word: str) -> str | None:
        """The alpha-3 code of a nisba adjective (الليبي, والمصرية, للأمريكيين, الأتراك), or None."""
        k = key(word)
        if not k or " " in k:
            return None
        for f in (k, *proclitic_forms(k)):
            a3 = self._nisba_key(f)
            if a3:
                return a3
        return None

    # ------------------------------------------------------------------- places
    def _cand(self, i: int) -> PlaceCandidate:
        ar, en, lat, lon, a3, gid, pop, feat = self._rows[i]
        return PlaceCandidate(ar, en, lat, lon, a3, gid, pop, feat)

    def _direct(self, k: str, weak: bool = False) -> list[PlaceCandidate]:
        """Countries then places whose key is ``k`` (or ``k`` with ال toggled); with ``weak``, by
        everyday-word keys too (the name came after a head word or beside a nisba)."""
        out: list[PlaceCandidate] = []
        a3 = self._country_official(k)
        if a3:
            out.append(self.country_candidate(a3))
        index = self._index
        if weak:
            index = _Either(self._weak, self._index)
        ids = index.get(k)
        if not ids and (weak or k not in self._weak):      # an everyday word is not its other form
            t = toggle_al(k)
            ids = index.get(t) if t else None
        if ids:
            out.extend(self._cand(i) for i in ids)
        return out

    def _with_head(self, k: str) -> tuple[list[PlaceCandidate], str | None, str | None]:
        """Lookup of ``k`` that understands a head word and a nisba beside the name.

        Returns (candidates, hint, country hint): hint is "capital" | "city" | "region" | None.
        """
        c = self._direct(k)
        if c:
            return c, None, None
        hint = country = None
        h = strip_head(k, HEADS)
        if h:
            hint, k = HEADS[h[0]], h[1]
        words = k.split(" ")
        if len(words) > 1:                                # العاصمة الليبية طرابلس / صعدة اليمنية
            if (a3 := self._nisba_key(words[0])) and not self._direct(k):
                country, words = a3, words[1:]
            elif (a3 := self._nisba_key(words[-1])) and not self._direct(k):
                country, words = a3, words[:-1]
        elif country is None and hint == "capital" and (a3 := self._nisba_key(k)):
            cap = self.capital(a3)                       # "العاصمة السورية" alone
            return ([cap] if cap else []), hint, a3
        if not h and country is None:
            return [], None, None
        rest = " ".join(words)
        return self._direct(rest, weak=hint != "direction" or country is not None), hint, country

    def lookup(self, name: str) -> tuple[list[PlaceCandidate], str | None, str | None]:
        """(candidates, hint, country hint) for a surface form; see :meth:`candidates`."""
        found = self._lookups.get(name)
        if found is None:
            if len(self._lookups) > _CACHE_MAX:
                self._lookups.clear()
            c, hint, country = self._lookup(name)
            found = self._lookups[name] = (tuple(c), hint, country)
        return list(found[0]), found[1], found[2]

    def _lookup(self, name: str) -> tuple[list[PlaceCandidate], str | None, str | None]:
        k = key(name)
        if not k:
            return [], None, None
        # a head word is never a proclitic plus a name (ولاية X is not و + لاية X)
        forms = (k,) if k.partition(" ")[0] in HEADS else (k, *proclitic_forms(k))
        for f in forms:
            c, hint, country = self._with_head(f)
            if c:
                return c, hint, country
        # a longer name whose first words are a place: "بغداد الجديدة", "قاعدة X العسكرية"
        for f in forms:
            words = f.split(" ")
            for n in range(len(words) - 1, 0, -1):
                head = " ".join(words[:n])
                if len(head) < 3 or words[n - 1] in HEADS:
                    continue
                c, hint, country = self._with_head(head)
                if c:
                    return c, "part", country
        return [], None, None

    def candidates(self, name: str) -> list[PlaceCandidate]:
        """Places (and a country) a surface form may name, country first then by population.

        Tries the whole form, then without a leading و/ف and/or ب/ل/ك proclitic
        (``لل`` + X is ال + X); each with and without ال; a head word ("العاصمة X",
        "مدينة X", "محافظة X") is dropped and X looked up; a nisba before or after
        the name ("العاصمة الليبية طرابلس") is a country hint; failing all that, the
        longest leading words that name a place ("بغداد الجديدة" -> بغداد).
        """
        return self.lookup(name)[0]

    # ------------------------------------------------------------- text helpers
    def country_keys(self) -> dict[str, str]:
        """norm key -> alpha-3 for every country name (read-only view for scanners)."""
        return self._country_names

    def nisba_keys(self) -> dict[str, str]:
        return self._nisba

    def place_ids(self, k: str) -> tuple[int, ...]:
        return self._index.get(k, ())

    def knows_word(self, k: str) -> bool:
        """Whether the word key ``k`` is a place key (with or without ال) or a country name key:
        a cheap first test for scanners."""
        return k in self.place_words()

    def place_words(self) -> frozenset[str]:
        """Every key :meth:`knows_word` accepts: ``k`` such that ``k``, ``k`` without its ال or
        ال + ``k`` without its ال is a place key, or ``k`` is a country name key. Made once."""
        if self._place_words is None:
            words = set(self._index) | set(self._country_names)
            for k in self._index:
                words.add("ال" + k)                 # its ال off: k
                if k.startswith("ال") and not k[2:].startswith("ال"):
                    words.add(k[2:])                # ال + it: k
            self._place_words = frozenset(words)
        return self._place_words

    def row(self, i: int) -> PlaceCandidate:
        return self._cand(i)

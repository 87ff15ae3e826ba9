"""Control: the reported changes of who holds a place, and who held each place on a day.

Who held a place on a day is the one answer `Store.control` gives to the CLI, the
library, the API and the page. A place's answer comes from the control reports of its
latest reported day at or before the chosen one. Reports that name two or more
different holders that day make the place `contested`, with every side listed in
`claims`: no side is picked for the reader. A report that names no holder ("Homs was
captured") disagrees with nobody.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import cast

from typing_extensions import TypedDict

from sitrep.store.api import QueryFilter, Row, Rows, decode_cursor, encode_cursor
from sitrep.store.db import Database
from sitrep.store.queries.places import places_named
from sitrep.store.queries.sql import ACTOR_KEYS, PLACE_IDS, bind, page, reading_order, where
from sitrep.store.views import (
    CONTROL_CHANGE_PAGE,
    CONTROL_CHANGE_PAGE_JOINED,
    CONTROL_CHANGES,
)


class ControlChangeRow(TypedDict):
    id: str
    article_id: str
    position: int
    place_id: str
    place: str
    latitude: float | None
    longitude: float | None
    from_actor_id: str | None
    from_actor: str | None
    to_actor_id: str | None
    to_actor: str | None
    date_start: str | None
    date_end: str | None
    partial: bool
    confidence: float
    evidence_start: int
    evidence_end: int
    evidence: str
    outlet: str | None
    url: str | None
    source: str
    cluster_id: str


class HolderClaim(TypedDict):
    """One side of a place's day: its holder and the reports, sources and outlets behind it."""

    holder: str | None
    holder_id: str | None
    previous_holder: str | None
    partial: bool
    sources: int
    reports: int
    outlets: list[str]
    article_ids: list[str]


class HoldingRow(TypedDict):
    place_id: str
    place: str
    latitude: float | None
    longitude: float | None
    since: str  # the place's latest reported day at or before the one asked about
    holder: str | None  # None when contested or when no report names a holder
    holder_id: str | None
    contested: bool
    previous_holder: str | None
    partial: bool
    sources: int
    reports: int
    claims: list[HolderClaim]  # every side, the best-sourced first


def control_changes(database: Database, query: QueryFilter) -> Rows[ControlChangeRow]:
    filtered = where(
        query,
        day="c.date_start",
        article="c.article_id",
        place=f"c.place_id IN ({PLACE_IDS})",
        place_ids=lambda name: places_named(database, name),
        actor=f"(c.to_actor_id IN ({ACTOR_KEYS}) OR c.from_actor_id IN ({ACTOR_KEYS}))",
    )
    rows = page(
        database,
        CONTROL_CHANGE_PAGE,
        filtered,
        reading_order("c", "c"),
        query,
        joined=CONTROL_CHANGE_PAGE_JOINED,
    )
    return cast(Rows[ControlChangeRow], rows)


def control(
    database: Database, place: str | None, on: date, query: QueryFilter
) -> Rows[HoldingRow]:
    """Who held each place on `on` (see `holdings`), a page of places (by name, then id)
    at a time; only each place's latest reported day up to `on` is read."""
    clauses: list[str] = ["c.date_start <= :on"]
    values: dict[str, object] = {"on": on.isoformat(), "limit": query.limit}
    if place:
        clauses.append(f"c.place_id IN ({PLACE_IDS})")
        values["places"] = places_named(database, place)
    if query.after:
        clauses.append("(p.name, p.id) > (:after_name, :after_id)")
        values["after_name"], values["after_id"] = decode_cursor(query.after, 2)
    latest = (
        "SELECT c.place_id, p.name, MAX(c.date_start) AS day FROM control_changes c"
        f" JOIN places p ON p.id = c.place_id WHERE {' AND '.join(clauses)}"
        " GROUP BY c.place_id, p.name ORDER BY p.name, c.place_id LIMIT :limit"
    )
    reports = database.query(
        *bind(
            f"{CONTROL_CHANGES} JOIN ({latest}) l ON l.place_id = c.place_id"
            " AND l.day = c.date_start ORDER BY l.name, c.place_id, c.article_id, c.position",
            values,
        )
    )
    places = holdings(reports)
    last = places[-1] if len(places) >= query.limit else None
    return Rows(places, next=encode_cursor([last["place"], last["place_id"]]) if last else None)


def holdings(reports: Iterable[Row]) -> list[HoldingRow]:
    """One row per place, in the order the places first appear, from the control reports
    (`views.CONTROL_CHANGES` rows) of each place's latest reported day."""
    by_place: dict[str, list[Row]] = {}
    for report in reports:
        by_place.setdefault(report["place_id"], []).append(report)
    return [_holding(place_reports) for place_reports in by_place.values()]


def _holding(reports: list[Row]) -> HoldingRow:
    by_holder: dict[str | None, list[Row]] = {}
    for report in reports:
        by_holder.setdefault(report.get("to_actor_id"), []).append(report)
    claims = sorted(
        (_claim(holder_id, rows) for holder_id, rows in by_holder.items()),
        key=lambda claim: (-claim["sources"], claim["holder_id"] is None, claim["holder"] or ""),
    )
    named = [claim for claim in claims if claim["holder_id"] is not None]
    contested = len(named) > 1
    chosen = None if contested else (named or claims)[0]
    first = reports[0]
    return {
        "place_id": first["place_id"],
        "place": first["place"],
        "latitude": first.get("latitude"),
        "longitude": first.get("longitude"),
        "since": first["date_start"],
        "holder": chosen["holder"] if chosen else None,
        "holder_id": chosen["holder_id"] if chosen else None,
        "contested": contested,
        "previous_holder": chosen["previous_holder"] if chosen else None,
        "partial": bool(chosen and chosen["partial"]),
        "sources": len({_source(report) for report in reports}),
        "reports": len(reports),
        "claims": claims,
    }


def _claim(holder_id: str | None, reports: list[Row]) -> HolderClaim:
    return {
        "holder": reports[0].get("to_actor"),
        "holder_id": holder_id,
        "previous_holder": next(
            (report["from_actor"] for report in reports if report.get("from_actor")), None
        ),
        "partial": all(report.get("partial") for report in reports),
        "sources": len({_source(report) for report in reports}),
        "reports": len(reports),
        "outlets": sorted({report["outlet"] for report in reports if report.get("outlet")}),
        "article_ids": list(dict.fromkeys(report["article_id"] for report in reports)),
    }


def _source(report: Row) -> str:
    # Republished copies share a source cluster and count once.
    return str(report.get("cluster_id") or report["article_id"])

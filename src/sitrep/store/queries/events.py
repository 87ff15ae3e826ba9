"""Merged events: a page of them, or every one streamed, each with its reports as evidence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any, NotRequired, cast

from typing_extensions import TypedDict

from sitrep.store.api import QueryFilter, Row, Rows
from sitrep.store.db import STREAM_ROWS, Database, select_in
from sitrep.store.queries.places import places_named
from sitrep.store.queries.sql import ACTOR_KEYS, NO_DAY, PLACE_IDS, bind, page, where
from sitrep.store.views import EVENT_REPORTS
from sitrep.streams import chunked

# An event's row is its situation_events row `e` joined to its actors and place.
EVENT_JOINED = (
    "SELECT e.id, e.type, e.mode, e.acled_type, e.acled_subtype, e.date_start, e.date_end,"
    " e.date_precision, e.fatalities, e.injured, e.actor_id, e.target_id, e.place_id,"
    " a1.name AS actor,"
    " a1.country AS actor_country, a1.sector AS actor_sector, a2.name AS target,"
    " a2.country AS target_country, a2.sector AS target_sector,"
    " p.name AS place, p.latitude, p.longitude, p.country AS place_country,"
    " p.geonames_id, p.location_precision"
    " FROM {events} e LEFT JOIN actors a1 ON a1.id = e.actor_id"
    " LEFT JOIN actors a2 ON a2.id = e.target_id LEFT JOIN places p ON p.id = e.place_id"
)
EVENT_COLUMNS = EVENT_JOINED.format(events="situation_events")
EVENT_ORDER = ((f"COALESCE(e.date_start, {NO_DAY})", "date_start"), ("e.id", "id"))


class EvidenceRow(TypedDict):
    """One report of a merged event: the sentence that tells it, and who published it."""

    id: str
    article_id: str
    status: str
    trigger: str
    source_type: str
    source_name: str | None
    confidence: float
    start: int
    end: int
    text: str
    date_start: str | None
    stored_at: str
    outlet: str | None
    url: str | None
    source: str


class EventRow(TypedDict):
    id: str
    type: str
    mode: str | None
    acled_type: str | None
    acled_subtype: str | None
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    fatalities: int | None
    injured: int | None
    actor_id: str | None
    target_id: str | None
    place_id: str | None
    actor: str | None
    actor_country: str | None
    actor_sector: str | None
    target: str | None
    target_country: str | None
    target_sector: str | None
    place: str | None
    latitude: float | None
    longitude: float | None
    place_country: str | None
    geonames_id: int | None
    location_precision: str | None
    status: str | None  # the status most reports give
    statuses: dict[str, int]  # reports per status
    trigger: str | None
    source_type: str | None  # the source type most reports give
    reports: int
    articles: int
    sources: int  # independent sources: source clusters with a report
    evidence: NotRequired[list[EvidenceRow]]  # left out when the API is asked for counts only


def event_filter(database: Database, query: QueryFilter) -> tuple[str, dict[str, Any]]:
    """The filters an event listing (and the counts) apply to `situation_events e`."""
    return where(
        query,
        day_start="e.date_start",
        day_end="COALESCE(e.date_end, e.date_start)",
        event_type="e.type",
        actor=f"(e.actor_id IN ({ACTOR_KEYS}) OR e.target_id IN ({ACTOR_KEYS}))",
        place=f"e.place_id IN ({PLACE_IDS})",
        place_ids=lambda name: places_named(database, name),
        source_type="EXISTS (SELECT 1 FROM event_reports r WHERE r.situation_event_id = e.id"
        " AND r.source_type = :source_type)",
        article="EXISTS (SELECT 1 FROM event_reports r WHERE r.situation_event_id = e.id"
        " AND r.article_id = :article)",
    )


def events(database: Database, query: QueryFilter) -> Rows[EventRow]:
    # The page is cut from the events alone, then joined: joined first, every event of
    # the window would be, to keep a page of them.
    rows = page(
        database,
        "SELECT * FROM situation_events e",
        event_filter(database, query),
        EVENT_ORDER,
        query,
        descending=query.newest_first,
        joined=EVENT_JOINED.format(events="({page})"),
    )
    reports = _reports(database, [row["id"] for row in rows])
    return rows.like(_merged_event(row, reports.get(row["id"], [])) for row in rows)


def every_event(database: Database, query: QueryFilter) -> Iterator[EventRow]:
    """Every matching merged event with its reports, in one streamed pass (for exports).

    The events stream in order on their own; each thousand fetches its reports. Joined
    and sorted with the reports' evidence texts in one query, DuckDB could not hold the
    sort under its memory limit at about 20,000 articles."""
    where_clause, values = event_filter(database, query)
    order = ", ".join(expression for expression, _ in EVENT_ORDER)
    rows = database.stream(*bind(f"{EVENT_COLUMNS} {where_clause} ORDER BY {order}", values))
    for chunk in chunked(rows, STREAM_ROWS):
        reports = _reports(database, [row["id"] for row in chunk])
        yield from (_merged_event(row, reports.get(row["id"], [])) for row in chunk)


def _reports(database: Database, event_ids: list[str]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = {}
    rows = select_in(
        database, f"{EVENT_REPORTS} WHERE r.situation_event_id IN ({{marks}})", event_ids
    )
    for row in sorted(rows, key=lambda r: (r["article_id"], r["start"])):
        grouped.setdefault(row.pop("situation_event_id"), []).append(row)
    return grouped


def _merged_event(row: Row, reports: list[Row]) -> EventRow:
    """One situation event: its fields, every report as evidence, and its source counts."""
    statuses = Counter(r["status"] for r in reports)
    source_types = Counter(r["source_type"] for r in reports)
    evidence = [{k: v for k, v in r.items() if k != "cluster_id"} for r in reports]
    return cast(
        EventRow,
        row
        | {
            "status": statuses.most_common(1)[0][0] if statuses else None,
            "statuses": dict(statuses),
            "trigger": reports[0]["trigger"] if reports else None,
            "source_type": source_types.most_common(1)[0][0] if source_types else None,
            "reports": len(reports),
            "articles": len({r["article_id"] for r in reports}),
            "sources": len({r["cluster_id"] for r in reports}),
            "evidence": evidence,
        },
    )

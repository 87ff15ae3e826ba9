"""Counts: totals per record kind, events per type, and events and articles per day."""

from __future__ import annotations

from collections import Counter

from typing_extensions import TypedDict

from sitrep.store.api import QueryFilter
from sitrep.store.db import Database
from sitrep.store.queries.events import event_filter
from sitrep.store.queries.sql import bind

COUNTED_TABLES = ("articles", "actors", "places", "claims", "contradictions", "errors")


class DayCounts(TypedDict):
    day: str
    articles: int
    events: int
    types: dict[str, int]  # events per type that day


class Counts(TypedDict):
    totals: dict[str, int]  # rows per record kind (events: those the filter keeps)
    types: dict[str, int]  # events per type, by type name
    days: list[DayCounts]  # in date order; only days with an article or an event


def counts(database: Database, query: QueryFilter) -> Counts:
    """Counted in SQL; the event filters apply to the events only."""
    where_clause, values = event_filter(database, query)
    events = database.query(
        *bind(
            f"SELECT e.date_start AS day, e.type, COUNT(*) AS n FROM situation_events e"
            f" {where_clause} GROUP BY e.date_start, e.type",
            values,
        )
    )
    articles = database.query(
        "SELECT date_start AS day, COUNT(*) AS n FROM articles GROUP BY date_start"
    )
    days: dict[str, DayCounts] = {}

    def on(day: str) -> DayCounts:
        return days.setdefault(day, {"day": day, "articles": 0, "events": 0, "types": {}})

    for row in articles:
        if row["day"]:
            on(row["day"])["articles"] += int(row["n"])
    types: Counter[str] = Counter()
    for row in events:
        types[row["type"]] += int(row["n"])
        if row["day"]:
            on(row["day"])["events"] += int(row["n"])
            on(row["day"])["types"][row["type"]] = int(row["n"])
    totals = {
        table: int(database.query(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"])
        for table in COUNTED_TABLES
    }
    return {
        "totals": totals | {"events": sum(types.values())},
        "types": dict(sorted(types.items())),
        "days": [days[day] for day in sorted(days)],
    }

"""Claims: what each article asserts, with its source and the independent sources behind it."""

from __future__ import annotations

from typing import cast

from sitrep.store.api import QueryFilter, Row, Rows
from sitrep.store.db import Database
from sitrep.store.queries.places import places_named
from sitrep.store.queries.sql import (
    ACTOR_KEYS,
    PLACE_IDS,
    PassageRow,
    page,
    reading_order,
    where,
)
from sitrep.store.views import CLAIM_PAGE, CLAIM_PAGE_JOINED

# A mention of the filter's actor or place inside the claim's own words.
_INSIDE_CLAIM = (
    "EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = c.article_id"
    " AND m.start_offset >= c.start_offset AND m.end_offset <= c.end_offset"
    " AND m.entity_id IN ({}))"
)


class ClaimRow(PassageRow):
    source_type: str
    source_name: str | None
    source_actor_id: str | None
    certainty: str
    hedge: str | None
    date_start: str | None
    outlet: str | None
    url: str | None
    source: str
    cluster_id: str
    sources: int  # independent sources behind it (`claim_backing`)


def claims(database: Database, query: QueryFilter) -> Rows[ClaimRow]:
    filtered = where(
        query,
        day="c.date_start",
        article="c.article_id",
        source_type="c.source_type = :source_type",
        actor=f"(c.source_actor_id IN ({ACTOR_KEYS}) OR {_INSIDE_CLAIM.format(ACTOR_KEYS)})",
        place=_INSIDE_CLAIM.format(PLACE_IDS),
        place_ids=lambda name: places_named(database, name),
        text="c.text",
    )
    rows = page(
        database,
        CLAIM_PAGE,
        filtered,
        reading_order("c", "c"),
        query,
        descending=query.newest_first,
        joined=CLAIM_PAGE_JOINED,
    )
    backing = claim_backing(database, rows)
    return rows.like(cast(ClaimRow, row | {"sources": backing.get(row["id"], 1)}) for row in rows)


def claim_backing(database: Database, claims: list[Row]) -> dict[str, int]:
    """Independent sources behind each claim: for each merged event the claim reports,
    the source clusters with a report of it in the same status (a denial does not back
    an assertion); the best-backed event counts. A claim reporting no event has its own."""
    if not claims:
        return {}
    # The page's claims (by the article and position they already carry) and their
    # events first, then only those events' reports: materialised, so no join runs over
    # every claim or report in the store.
    rows = database.query(
        "WITH page AS MATERIALIZED (SELECT unnest(CAST(? AS TEXT[])) AS id,"
        " unnest(CAST(? AS TEXT[])) AS article_id, unnest(CAST(? AS INTEGER[])) AS position),"
        " reported AS MATERIALIZED (SELECT c.id, r.situation_event_id, r.status FROM page c"
        " JOIN event_reports r ON r.article_id = c.article_id"
        " AND r.claim_position = c.position),"
        " backers AS MATERIALIZED (SELECT situation_event_id, status, article_id"
        " FROM event_reports WHERE situation_event_id IN"
        " (SELECT situation_event_id FROM reported))"
        " SELECT c.id, c.situation_event_id, COUNT(DISTINCT a.cluster_id) AS n"
        " FROM reported c JOIN backers o ON o.situation_event_id = c.situation_event_id"
        " AND o.status = c.status JOIN articles a ON a.id = o.article_id"
        " GROUP BY c.id, c.situation_event_id",
        [[c[key] for c in claims] for key in ("id", "article_id", "position")],
    )
    backing: dict[str, int] = {}
    for row in rows:
        backing[row["id"]] = max(backing.get(row["id"], 1), int(row["n"]))
    return backing

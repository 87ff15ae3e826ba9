"""Contradictions: pairs of claims that cannot both hold, as the writer recorded them
(`sitrep.store.contradictions` says how they are found)."""

from __future__ import annotations

import json
from typing import Any

from typing_extensions import TypedDict

from sitrep.store.api import QueryFilter, Row, Rows
from sitrep.store.db import Database
from sitrep.store.queries.places import places_named
from sitrep.store.queries.sql import ACTOR_KEYS, NO_DAY, PLACE_IDS, page, where


class ContradictionRow(TypedDict):
    id: str
    kind: str  # control, location or status
    subject: str | None  # the place, person or event both sides speak of
    date: str | None
    # Each side as its claim, event report or control change row, with its sources.
    claim: dict[str, Any]
    contradiction: dict[str, Any]


def contradictions(database: Database, query: QueryFilter) -> Rows[ContradictionRow]:
    filtered = where(
        query,
        day="day",
        place=f"(place_id IN ({PLACE_IDS}) OR other_place_id IN ({PLACE_IDS}))",
        place_ids=lambda name: places_named(database, name),
        actor=f"(actor_id IN ({ACTOR_KEYS}) OR other_actor_id IN ({ACTOR_KEYS}))",
    )
    rows = page(
        database,
        "SELECT id, kind, subject, day, claim, contradiction FROM contradictions",
        filtered,
        ((f"COALESCE(day, {NO_DAY})", "day"), ("id", "id")),
        query,
    )
    return rows.like(stored_contradiction(row) for row in rows)


def stored_contradiction(row: Row) -> ContradictionRow:
    """A `contradictions` row as the API returns it."""
    return {
        "id": row["id"],
        "kind": row["kind"],
        "subject": row["subject"],
        "date": row["day"],
        "claim": json.loads(row["claim"]),
        "contradiction": json.loads(row["contradiction"]),
    }

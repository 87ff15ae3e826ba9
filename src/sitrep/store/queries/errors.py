"""Errors: the documents that could not be processed, the latest first."""

from __future__ import annotations

from typing import cast

from typing_extensions import TypedDict

from sitrep.store.api import QueryFilter, Rows
from sitrep.store.db import Database
from sitrep.store.queries.sql import page


class ErrorRow(TypedDict):
    id: str
    source: str
    code: str  # an `ErrorCode` value
    message: str
    content_hash: str | None
    recorded_at: str


def errors(database: Database, query: QueryFilter) -> Rows[ErrorRow]:
    rows = page(
        database,
        "SELECT id, source, code, message, content_hash, recorded_at FROM errors",
        ("", {}),
        (("recorded_at", "recorded_at"), ("id", "id")),
        query,
        descending=True,
    )
    return cast(Rows[ErrorRow], rows)

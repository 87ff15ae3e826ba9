"""Articles: the listing (metadata, no body), one article whole, and its original."""

from __future__ import annotations

import json
from typing import Any, cast

from typing_extensions import TypedDict

from sitrep.store.api import QueryFilter, Rows
from sitrep.store.db import Database
from sitrep.store.payloads import ARTICLE, ORIGINAL, read_payload
from sitrep.store.queries.places import places_named
from sitrep.store.queries.sql import ACTOR_KEYS, NO_DAY, PLACE_IDS, page, where


class ArticleRow(TypedDict):
    id: str  # the content hash: one row per version
    title: str | None
    source: str
    url: str | None
    outlet: str | None
    published: str | None
    authors: list[str]
    date_start: str | None
    version: int
    cluster_id: str  # the first near-duplicate's id: copies share it
    input_kind: str


def articles(database: Database, query: QueryFilter) -> Rows[ArticleRow]:
    filtered = where(
        query,
        day="a.date_start",
        article="a.id",
        actor="EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_id IN"
        f" ({ACTOR_KEYS}))",
        place="EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_id IN"
        f" ({PLACE_IDS}))",
        place_ids=lambda name: places_named(database, name),
    )
    rows = page(
        database,
        "SELECT a.id, a.title, a.source, a.url, a.outlet, a.published, a.authors, a.date_start,"
        " a.version, a.cluster_id, a.input_kind FROM articles a",
        filtered,
        ((f"COALESCE(a.date_start, {NO_DAY})", "date_start"), ("a.id", "id")),
        query,
    )
    return rows.like(
        cast(ArticleRow, row | {"authors": json.loads(row["authors"])}) for row in rows
    )


def article(database: Database, article_id: str) -> dict[str, Any] | None:
    """The stored `Article.to_dict()` with its version, cluster and when it was stored."""
    rows = database.query(
        "SELECT version, cluster_id, stored_at FROM articles WHERE id = ?", (article_id,)
    )
    data = read_payload(database, article_id, ARTICLE)
    if not rows or data is None:
        return None
    return json.loads(data) | rows[0]


def original(database: Database, article_id: str) -> str | None:
    return read_payload(database, article_id, ORIGINAL)

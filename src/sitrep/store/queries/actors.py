"""Actors: canonical actors merged across articles, with their aliases and mentions."""

from __future__ import annotations

from typing import cast

from typing_extensions import TypedDict

from sitrep.store.api import QueryFilter, Rows
from sitrep.store.db import Database, select_in
from sitrep.store.queries.mentions import NO_MENTIONS, mention_counts
from sitrep.store.queries.sql import ACTOR_KEYS, page, where


class ActorRow(TypedDict):
    id: str
    name: str
    kind: str
    sector: str | None
    country: str | None
    mentions: int
    articles: int
    aliases: list[str]  # other names it goes by, sorted (its canonical name left out)


def actors(database: Database, query: QueryFilter) -> Rows[ActorRow]:
    filtered = where(
        query,
        actor=f"a.id IN ({ACTOR_KEYS})",
        article="EXISTS (SELECT 1 FROM mentions m"
        " WHERE m.entity_id = a.id AND m.article_id = :article)",
    )
    if query.most_mentioned:
        # Counted over every actor to rank them: the page's actor filter asks once.
        rows = page(
            database,
            "SELECT a.id, a.name, a.kind, a.sector, a.country, COALESCE(m.n, 0) AS ranked"
            " FROM actors a LEFT JOIN (SELECT entity_id, COUNT(*) AS n FROM mentions"
            " WHERE entity = 'actor' GROUP BY entity_id) m ON m.entity_id = a.id",
            filtered,
            (("COALESCE(m.n, 0)", "ranked"), ("a.id", "id")),
            query,
            descending=True,
        )
    else:
        rows = page(
            database,
            "SELECT a.id, a.name, a.kind, a.sector, a.country FROM actors a",
            filtered,
            (("a.name", "name"), ("a.id", "id")),
            query,
        )
    counts = mention_counts(database, [row["id"] for row in rows], articles=True)
    aliases = _aliases(database, [row["id"] for row in rows])
    return rows.like(
        cast(
            ActorRow,
            {k: v for k, v in row.items() if k != "ranked"}
            | {
                "mentions": counts.get(row["id"], NO_MENTIONS)["mentions"],
                "articles": counts.get(row["id"], NO_MENTIONS)["articles"],
                "aliases": sorted(a for a in aliases.get(row["id"], []) if a != row["name"]),
            },
        )
        for row in rows
    )


def _aliases(database: Database, actor_ids: list[str]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    sql = "SELECT actor_id, alias FROM actor_aliases WHERE actor_id IN ({marks})"
    for row in select_in(database, sql, actor_ids):
        grouped.setdefault(row["actor_id"], []).append(row["alias"])
    return grouped

"""Actors: canonical actors merged across articles, with their aliases and mentions."""

from __future__ import annotations

from typing import cast

from typing_extensions import TypedDict

from sitrep.store.api import QueryFilter, Rows
from sitrep.store.db import Database
from sitrep.store.queries.sql import ACTOR_KEYS, page, where
from sitrep.store.writer import ALIAS_SEPARATOR


class ActorRow(TypedDict):
    id: str
    name: str
    kind: str
    sector: str | None
    country: str | None
    mentions: int
    articles: int
    aliases: list[str]  # other names it goes by, sorted (its canonical name left out)


# What the page shows of an actor is kept on its row by the writer (migration 008): counting
# it from `mentions` and `actor_aliases` scanned both tables for every page.
ACTOR_COLUMNS = (
    "SELECT a.id, a.name, a.kind, a.sector, a.country,"
    " COALESCE(a.mentions, 0) AS mentions, COALESCE(a.articles, 0) AS articles, a.aliases"
)


def actors(database: Database, query: QueryFilter) -> Rows[ActorRow]:
    filtered = where(
        query,
        actor=f"a.id IN ({ACTOR_KEYS})",
        article="EXISTS (SELECT 1 FROM mentions m"
        " WHERE m.entity_id = a.id AND m.article_id = :article)",
    )
    # The most mentioned first (the page's actor filter), else by name.
    ranked = query.most_mentioned
    rows = page(
        database,
        f"{ACTOR_COLUMNS}, COALESCE(a.mentions, 0) AS ranked FROM actors a",
        filtered,
        (("COALESCE(a.mentions, 0)", "ranked") if ranked else ("a.name", "name"), ("a.id", "id")),
        query,
        descending=ranked,
    )
    return rows.like(
        cast(
            ActorRow,
            {k: v for k, v in row.items() if k not in ("ranked", "aliases")}
            | {"aliases": _other_names(row["name"], row["aliases"])},
        )
        for row in rows
    )


def _other_names(name: str, aliases: str | None) -> list[str]:
    """The aliases an actor row keeps (joined by `ALIAS_SEPARATOR`), less its own name."""
    return sorted({alias for alias in (aliases or "").split(ALIAS_SEPARATOR) if alias} - {name})

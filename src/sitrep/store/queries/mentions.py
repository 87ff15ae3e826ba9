"""How often the places of a page are mentioned, counted for that page only (an actor's
counts are kept on its row: `queries.actors`)."""

from __future__ import annotations

from typing_extensions import TypedDict

from sitrep.store.db import Database, select_in

# Place mentions that say where something is (migration 005); older rows have no kind.
LITERAL_MENTION = "COALESCE(kind, 'literal') = 'literal'"


class MentionCounts(TypedDict):
    mentions: int
    literal_mentions: int


NO_MENTIONS = MentionCounts(mentions=0, literal_mentions=0)


def mention_counts(database: Database, entity_ids: list[str]) -> dict[str, MentionCounts]:
    """Mentions of the page's places, and how many of them are literal."""
    rows = select_in(
        database,
        "SELECT entity_id, COUNT(*) AS mentions,"
        f" SUM(CASE WHEN {LITERAL_MENTION} THEN 1 ELSE 0 END) AS literal_mentions"
        " FROM mentions WHERE entity_id IN ({marks}) GROUP BY entity_id",
        entity_ids,
    )
    return {
        row["entity_id"]: MentionCounts(
            mentions=int(row["mentions"]), literal_mentions=int(row["literal_mentions"])
        )
        for row in rows
    }

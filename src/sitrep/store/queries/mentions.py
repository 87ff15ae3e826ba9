"""How often the actors or places of a page are mentioned, counted for that page only."""

from __future__ import annotations

from typing_extensions import TypedDict

from sitrep.store.db import Database, select_in

# Place mentions that say where something is (migration 005); older rows have no kind.
LITERAL_MENTION = "COALESCE(kind, 'literal') = 'literal'"


class MentionCounts(TypedDict):
    mentions: int
    articles: int  # distinct articles; 0 unless asked for
    literal_mentions: int


NO_MENTIONS = MentionCounts(mentions=0, articles=0, literal_mentions=0)


def mention_counts(
    database: Database, entity_ids: list[str], *, articles: bool = False
) -> dict[str, MentionCounts]:
    """Mentions (and, with `articles`, distinct articles) of the page's actors or places
    only. Distinct articles cost a place, mentioned in thousands, most of the query."""
    distinct = "COUNT(DISTINCT article_id)" if articles else "0"
    rows = select_in(
        database,
        f"SELECT entity_id, COUNT(*) AS mentions, {distinct} AS articles,"
        f" SUM(CASE WHEN {LITERAL_MENTION} THEN 1 ELSE 0 END) AS literal_mentions"
        " FROM mentions WHERE entity_id IN ({marks}) GROUP BY entity_id",
        entity_ids,
    )
    return {
        row["entity_id"]: MentionCounts(
            mentions=int(row["mentions"]),
            articles=int(row["articles"]),
            literal_mentions=int(row["literal_mentions"]),
        )
        for row in rows
    }

"""Quotes: direct and reported speech, with the speaker as written and as resolved."""

from __future__ import annotations

from typing import cast

from sitrep.store.api import QueryFilter, Rows
from sitrep.store.db import Database
from sitrep.store.queries.sql import ACTOR_KEYS, PassageRow, page, reading_order, where


class QuoteRow(PassageRow):
    direct: bool
    speaker: str | None
    speaker_actor_id: str | None
    channel: str | None
    date_start: str | None
    outlet: str | None


def quotes(database: Database, query: QueryFilter) -> Rows[QuoteRow]:
    filtered = where(
        query,
        day="a.date_start",
        article="q.article_id",
        actor=f"(q.speaker_actor_id IN ({ACTOR_KEYS}) OR LOWER(q.speaker) = :actor)",
    )
    rows = page(
        database,
        "SELECT q.id, q.article_id, q.position, q.text, q.start_offset AS start,"
        ' q.end_offset AS "end", q.direct, q.speaker, q.speaker_actor_id, q.channel,'
        " a.date_start, a.outlet FROM quotes q JOIN articles a ON a.id = q.article_id",
        filtered,
        reading_order("a", "q"),
        query,
    )
    return cast(Rows[QuoteRow], rows)

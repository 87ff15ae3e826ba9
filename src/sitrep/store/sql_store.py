"""The `Store` on a SQL database: DuckDB by default, PostgreSQL for teams.

Both run the same SQL (see `db.py` for the shims). `write` commits a batch of
articles with all their rows per transaction (a batch that fails is retried one
document at a time, so one bad document costs only itself). Each read is one module of
`sitrep.store.queries`, which returns rows typed there; the methods here delegate.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import groupby
from typing import Any

from sitrep.errors import ErrorCode
from sitrep.records import Article, DocumentError
from sitrep.store.api import IngestReport, QueryFilter, Row, Rows
from sitrep.store.contradictions import record_contradictions
from sitrep.store.db import Database, migrate, select_in
from sitrep.store.merge import band_keys, minhash_from_values
from sitrep.store.payloads import ARTICLE, CHUNKS, ORIGINAL, SPANS, payload_rows, span_row
from sitrep.store.queries import (
    actors,
    articles,
    claims,
    contradictions,
    control,
    counts,
    errors,
    events,
    places,
    quotes,
)
from sitrep.store.queries.actors import ActorRow
from sitrep.store.queries.articles import ArticleRow
from sitrep.store.queries.claims import ClaimRow
from sitrep.store.queries.contradictions import ContradictionRow
from sitrep.store.queries.control import ControlChangeRow, HoldingRow
from sitrep.store.queries.counts import Counts
from sitrep.store.queries.errors import ErrorRow
from sitrep.store.queries.events import EventRow
from sitrep.store.queries.places import PlaceRow
from sitrep.store.queries.quotes import QuoteRow
from sitrep.store.writer import BatchWriter, PendingRows
from sitrep.streams import chunked_by_time

# Articles per write transaction: large enough that each batch's lookups (a scan of a
# column each on DuckDB) are shared by many articles, small enough (and closed after a few
# seconds) that a killed ingest redoes little.
WRITE_BATCH = 256
WRITE_BATCH_SECONDS = 5.0
# A transaction's rows (sentences, mentions, claims...) take several times its bodies' size
# in DuckDB's capped memory; capping the characters per batch keeps a run of huge pages
# from exhausting it, which DuckDB treats as fatal for the whole database. An original is
# stored compressed (`payloads`, about a fifth of its characters), so it counts at a quarter.
WRITE_BATCH_CHARACTERS = 8_000_000
ORIGINAL_SHRINK = 4
SCALE_MIGRATION = "004_store_at_scale"
# Articles per transaction when an older database gets the tables migration 004 adds.
BACKFILL_BATCH = 200


class SqlStore:
    def __init__(self, database: Database, *, read_only: bool = False) -> None:
        self.database = database
        # One writer for the store's life: a single writer's actor book outlives a batch.
        self.writer = BatchWriter(database)
        if read_only:
            return
        # Under the lock, so that of several first openers one moves the rows (the
        # PostgreSQL lock is held per session and taken again by `migrate`).
        with database.migration_lock():
            if SCALE_MIGRATION in migrate(database):
                self._backfill()
            if "data" in self._columns("articles") and self._columns("article_payloads"):
                self._move_payloads()
            if database.pack is not None and self._columns("payload_spans"):
                self._pack_chunks()

    # -- writing ---------------------------------------------------------------------------

    def write(
        self,
        items: Iterable[Article | DocumentError],
        *,
        on_written: Callable[[Article | DocumentError], Any] | None = None,
    ) -> IngestReport:
        report = IngestReport()
        writer = self.writer
        batches = chunked_by_time(
            items,
            WRITE_BATCH,
            WRITE_BATCH_SECONDS,
            weight=_characters,
            max_weight=WRITE_BATCH_CHARACTERS,
        )
        for batch in batches:
            self._write_batch(writer, batch, report)
            if on_written is not None:
                for item in batch:
                    on_written(item)
        return report

    def _write_batch(
        self, writer: BatchWriter, batch: list[Article | DocumentError], report: IngestReport
    ) -> None:
        errors = [item for item in batch if isinstance(item, DocumentError)]
        stored = self.stored_articles(item.id for item in batch if isinstance(item, Article))
        articles: dict[str, Article] = {}
        for item in batch:
            if isinstance(item, Article):
                if item.id in stored or item.id in articles:
                    report.skipped += 1
                else:
                    articles[item.id] = item
        try:
            with self.database.transaction():
                self._forget_errors(list(articles.values()))
                writer.write(list(articles.values()), errors)
        except Exception as failure:
            writer.forget()
            if len(batch) > 1:
                # Find the document that cannot be stored; the rest of the batch goes in.
                for item in batch:
                    self._write_batch(writer, [item], report)
            elif articles:
                (article,) = articles.values()
                self._write_batch(writer, [_storing_failed(article, failure)], report)
            else:
                raise  # not even an error record can be stored: the database itself fails
            return
        report.stored += len(articles)
        report.errors += len(errors)
        report.failed += sum(error.code == ErrorCode.PROCESSING_FAILED for error in errors)
        report.error_sources += [error.source for error in errors]

    def _forget_errors(self, articles: list[Article]) -> None:
        """A document stored now is no longer an error, whatever an earlier run recorded
        for its content or its source."""
        for column, values in (
            ("content_hash", [article.content_hash for article in articles]),
            ("source", [article.source for article in articles]),
        ):
            if values:
                self.database.execute(
                    f"DELETE FROM errors WHERE {column} IN (SELECT unnest(CAST(? AS TEXT[])))",
                    [sorted(set(values))],
                )

    def _backfill(self) -> None:
        """Fill the tables migration 004 added (story bands, presences, contradictions) for
        the articles an older database already holds, a few hundred per transaction."""
        ids = [row["id"] for row in self.database.query("SELECT id FROM articles ORDER BY id")]
        for start in range(0, len(ids), BACKFILL_BATCH):
            chunk = ids[start : start + BACKFILL_BATCH]
            pending = PendingRows()
            for row in select_in(
                self.database, "SELECT id, minhash FROM articles WHERE id IN ({marks})", chunk
            ):
                for key in band_keys(minhash_from_values(json.loads(row["minhash"]))):
                    pending.add("story_bands", article_id=row["id"], band_key=key)
            with self.database.transaction():
                pending.flush(self.database)
                for table, rows in record_contradictions(self.database, chunk).items():
                    for found in rows:
                        pending.add(table, **found)
                pending.flush(self.database)

    def _columns(self, table: str) -> set[str]:
        rows = self.database.query(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_name = ? AND table_schema = current_schema()",
            (table,),
        )
        return {row["column_name"] for row in rows}

    def _move_payloads(self) -> None:
        """Move what a database older than migration 006 holds in `articles.data` and
        `originals` into `article_payloads`, a few hundred articles per transaction (a run
        cut short resumes where it stopped), then drop the old columns and table."""
        moved_to = CHUNKS if self.database.pack is None else SPANS
        ids = [
            row["id"]
            for row in self.database.query(
                "SELECT id FROM articles a WHERE NOT EXISTS"
                f" (SELECT 1 FROM {moved_to} p WHERE p.article_id = a.id) ORDER BY id"
            )
        ]
        for start in range(0, len(ids), BACKFILL_BATCH):
            pending = PendingRows()
            for row in select_in(
                self.database,
                "SELECT a.id, a.data, o.text FROM articles a"
                " LEFT JOIN originals o ON o.article_id = a.id WHERE a.id IN ({marks})",
                ids[start : start + BACKFILL_BATCH],
            ):
                for part, text in ((ARTICLE, row["data"]), (ORIGINAL, row["text"])):
                    if text is not None:
                        table, rows = payload_rows(self.database, row["id"], part, text)
                        for payload in rows:
                            pending.add(table, **payload)
            with self.database.transaction():
                pending.flush(self.database)
        with self.database.transaction():
            self.database.execute("ALTER TABLE articles DROP COLUMN IF EXISTS data")
            self.database.execute("ALTER TABLE articles DROP COLUMN IF EXISTS body")
            self.database.execute("DROP TABLE IF EXISTS originals")

    def _pack_chunks(self) -> None:
        """Move the chunks a DuckDB store holds from before its pack into the pack, a few
        hundred articles per transaction, deleting them as they go (a run cut short
        resumes where it stopped)."""
        assert self.database.pack is not None
        ids = [
            row["article_id"]
            for row in self.database.query(
                "SELECT DISTINCT article_id FROM article_payloads ORDER BY article_id"
            )
        ]
        for start in range(0, len(ids), BACKFILL_BATCH):
            chunk_ids = ids[start : start + BACKFILL_BATCH]
            chunks = select_in(
                self.database,
                "SELECT article_id, part, seq, chunk FROM article_payloads"
                " WHERE article_id IN ({marks})",
                chunk_ids,
            )
            chunks.sort(key=lambda row: (row["article_id"], row["part"], row["seq"]))
            pending = PendingRows()
            for (article_id, part), rows in groupby(
                chunks, key=lambda row: (row["article_id"], row["part"])
            ):
                packed = b"".join(bytes(row["chunk"]) for row in rows)
                pending.add(SPANS, **span_row(self.database.pack, article_id, part, packed))
            with self.database.transaction():
                pending.flush(self.database)
                self.database.execute(
                    "DELETE FROM article_payloads"
                    " WHERE article_id IN (SELECT unnest(CAST(? AS TEXT[])))",
                    [chunk_ids],
                )

    def stored_articles(self, article_ids: Iterable[str]) -> set[str]:
        # One query for many: on DuckDB each lookup by id reads the whole id column.
        sql = "SELECT id FROM articles WHERE id IN ({marks})"
        return {row["id"] for row in select_in(self.database, sql, list(article_ids))}

    def known_error_hashes(self) -> set[str]:
        rows = self.database.query(
            "SELECT DISTINCT content_hash FROM errors WHERE content_hash IS NOT NULL AND code <> ?",
            (ErrorCode.PROCESSING_FAILED.value,),
        )
        return {row["content_hash"] for row in rows}

    # -- reads: one module per question (`sitrep.store.queries`) ----------------------------

    def articles(self, query: QueryFilter) -> Rows[ArticleRow]:
        return articles.articles(self.database, query)

    def article(self, article_id: str) -> Row | None:
        return articles.article(self.database, article_id)

    def original(self, article_id: str) -> str | None:
        return articles.original(self.database, article_id)

    def actors(self, query: QueryFilter) -> Rows[ActorRow]:
        return actors.actors(self.database, query)

    def places_named(self, name: str) -> list[str]:
        return places.places_named(self.database, name)

    def places(self, query: QueryFilter) -> Rows[PlaceRow]:
        return places.places(self.database, query)

    def events(self, query: QueryFilter) -> Rows[EventRow]:
        return events.events(self.database, query)

    def every_event(self, query: QueryFilter) -> Iterator[EventRow]:
        return events.every_event(self.database, query)

    def claims(self, query: QueryFilter) -> Rows[ClaimRow]:
        return claims.claims(self.database, query)

    def quotes(self, query: QueryFilter) -> Rows[QuoteRow]:
        return quotes.quotes(self.database, query)

    def control_changes(self, query: QueryFilter) -> Rows[ControlChangeRow]:
        return control.control_changes(self.database, query)

    def control(
        self, place: str | None, on: date, query: QueryFilter | None = None
    ) -> Rows[HoldingRow]:
        return control.control(self.database, place, on, query or QueryFilter())

    def contradictions(self, query: QueryFilter) -> Rows[ContradictionRow]:
        return contradictions.contradictions(self.database, query)

    def counts(self, query: QueryFilter) -> Counts:
        return counts.counts(self.database, query)

    def errors(self, query: QueryFilter) -> Rows[ErrorRow]:
        return errors.errors(self.database, query)

    def close(self) -> None:
        self.database.close()


def _storing_failed(article: Article, failure: Exception) -> DocumentError:
    message = f"could not be stored: {type(failure).__name__}: {failure}"
    return DocumentError(article.source, ErrorCode.PROCESSING_FAILED, message, article.content_hash)


def _characters(item: Article | DocumentError) -> int:
    if isinstance(item, Article):
        return len(item.body) + len(item.original or "") // ORIGINAL_SHRINK
    return 0

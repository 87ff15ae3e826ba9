"""The `Store` on a SQL database: DuckDB by default, PostgreSQL for teams.

Both run the same SQL (see `db.py` for the shims). `write` commits a batch of
articles with all their rows per transaction (a batch that fails is retried one
document at a time, so one bad document costs only itself); reads return plain
JSON-able dicts.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from sitrep.errors import ErrorCode
from sitrep.records import Article, DocumentError
from sitrep.store.api import IngestReport, QueryFilter, Row
from sitrep.store.db import Database, migrate
from sitrep.store.merge import StoryClusters, minhash_from_values, name_key
from sitrep.store.writer import LOOKUP_CHUNK, BatchWriter, select_in
from sitrep.streams import chunked_by_time

ACTOR_KEYS = "SELECT actor_id FROM actor_aliases WHERE alias_key = ?"
# Articles per write transaction: large enough for bulk inserts to pay, small enough
# (and closed after a few seconds) that a killed ingest redoes little.
WRITE_BATCH = 64
WRITE_BATCH_SECONDS = 2.0
# A transaction's rows (sentences, mentions, claims...) take several times its bodies' size
# in DuckDB's capped memory; capping the characters per batch keeps a run of huge pages
# from exhausting it, which DuckDB treats as fatal for the whole database.
WRITE_BATCH_CHARACTERS = 2_000_000
# A place filter matches a name however it is spaced, hyphenated or cased ("Deir Ezzor" is
# "Deir ez-Zor"), and a country's name also matches every place in that country.
PLACE_KEY_SQL = "regexp_replace(LOWER({}), '[^a-z0-9]', '', 'g')"
PLACE_IDS = (
    f"SELECT id FROM places WHERE {PLACE_KEY_SQL.format('name')} = ?"
    " OR country = (SELECT MIN(country) FROM places WHERE location_precision = 'country'"
    f" AND {PLACE_KEY_SQL.format('name')} = ?)"
)


class SqlStore:
    def __init__(self, database: Database, *, read_only: bool = False) -> None:
        self.database = database
        if not read_only:
            migrate(database)

    # -- writing ---------------------------------------------------------------------------

    def write(
        self,
        items: Iterable[Article | DocumentError],
        *,
        on_written: Callable[[Article | DocumentError], Any] | None = None,
    ) -> IngestReport:
        report = IngestReport()
        writer = BatchWriter(self.database, self._load_clusters())
        batches = chunked_by_time(
            items,
            WRITE_BATCH,
            WRITE_BATCH_SECONDS,
            weight=_characters,
            max_weight=WRITE_BATCH_CHARACTERS,
        )
        for batch in batches:
            self._write_batch(writer, batch, report)
            for item in batch if on_written is not None else ():
                on_written(item)
        return report

    def _write_batch(
        self, writer: BatchWriter, batch: list[Article | DocumentError], report: IngestReport
    ) -> None:
        errors = [item for item in batch if isinstance(item, DocumentError)]
        stored = self._stored_ids([item.id for item in batch if isinstance(item, Article)])
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
            for start in range(0, len(values), LOOKUP_CHUNK):
                chunk = values[start : start + LOOKUP_CHUNK]
                marks = ", ".join("?" for _ in chunk)
                self.database.execute(f"DELETE FROM errors WHERE {column} IN ({marks})", chunk)

    def _stored_ids(self, article_ids: list[str]) -> set[str]:
        sql = "SELECT id FROM articles WHERE id IN ({marks})"
        rows = select_in(self.database, sql, article_ids)
        return {row["id"] for row in rows}

    def _load_clusters(self) -> StoryClusters:
        clusters = StoryClusters()
        for row in self.database.query("SELECT id, cluster_id, minhash FROM articles"):
            clusters.add(
                row["id"], minhash_from_values(json.loads(row["minhash"])), row["cluster_id"]
            )
        return clusters

    def has_article(self, content_hash: str) -> bool:
        return bool(
            self.database.query("SELECT 1 AS x FROM articles WHERE id = ?", (content_hash,))
        )

    # -- articles --------------------------------------------------------------------------

    def articles(self, query: QueryFilter) -> list[Row]:
        where, params = _where(
            query,
            day="a.date_start",
            article="a.id",
            actor="EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_id IN"
            f" ({ACTOR_KEYS}))",
            place="EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_id IN"
            f" ({PLACE_IDS}))",
        )
        rows = self._page(
            "SELECT a.id, a.title, a.source, a.url, a.outlet, a.published, a.authors, a.date_start,"
            f" a.version, a.cluster_id, a.input_kind FROM articles a {where}"
            " ORDER BY a.date_start, a.id",
            params,
            query,
        )
        return [row | {"authors": json.loads(row["authors"])} for row in rows]

    def article(self, article_id: str) -> Row | None:
        rows = self.database.query(
            "SELECT data, version, cluster_id, stored_at FROM articles WHERE id = ?", (article_id,)
        )
        if not rows:
            return None
        row = rows[0]
        return json.loads(row["data"]) | {
            "version": row["version"],
            "cluster_id": row["cluster_id"],
            "stored_at": row["stored_at"],
        }

    def original(self, article_id: str) -> str | None:
        rows = self.database.query("SELECT text FROM originals WHERE article_id = ?", (article_id,))
        return rows[0]["text"] if rows else None

    # -- actors and places -----------------------------------------------------------------

    def actors(self, query: QueryFilter) -> list[Row]:
        where, params = _where(
            query,
            actor=f"a.id IN ({ACTOR_KEYS})",
            article="EXISTS (SELECT 1 FROM mentions m"
            " WHERE m.entity_id = a.id AND m.article_id = ?)",
        )
        rows = self._page(
            "SELECT a.id, a.name, a.kind, a.sector, a.country,"
            " (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = a.id) AS mentions,"
            " (SELECT COUNT(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id = a.id)"
            f" AS articles FROM actors a {where} ORDER BY mentions DESC, a.name",
            params,
            query,
        )
        aliases = self._grouped(
            "SELECT actor_id AS owner, alias AS value FROM actor_aliases", [r["id"] for r in rows]
        )
        return [
            row | {"aliases": sorted(a for a in aliases.get(row["id"], []) if a != row["name"])}
            for row in rows
        ]

    def places(self, query: QueryFilter) -> list[Row]:
        where, params = _where(
            query,
            place=f"p.id IN ({PLACE_IDS})",
            article="EXISTS (SELECT 1 FROM mentions m"
            " WHERE m.entity_id = p.id AND m.article_id = ?)",
        )
        return self._page(
            "SELECT p.id, p.name, p.geonames_id, p.latitude, p.longitude, p.country,"
            " p.feature_class, p.feature_code, p.location_precision AS precision,"
            " (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = p.id) AS mentions"
            f" FROM places p {where} ORDER BY mentions DESC, p.name",
            params,
            query,
        )

    # -- events ----------------------------------------------------------------------------

    def events(self, query: QueryFilter) -> list[Row]:
        where, params = _where(
            query,
            day_start="e.date_start",
            day_end="COALESCE(e.date_end, e.date_start)",
            event_type="e.type = ?",
            actor=f"(e.actor_id IN ({ACTOR_KEYS}) OR e.target_id IN ({ACTOR_KEYS}))",
            place=f"e.place_id IN ({PLACE_IDS})",
            source_type="EXISTS (SELECT 1 FROM event_reports r WHERE r.situation_event_id = e.id"
            " AND r.source_type = ?)",
            article="EXISTS (SELECT 1 FROM event_reports r WHERE r.situation_event_id = e.id"
            " AND r.article_id = ?)",
        )
        rows = self._page(
            "SELECT e.id, e.type, e.mode, e.acled_type, e.acled_subtype, e.date_start, e.date_end,"
            " e.date_precision, e.actor_id, e.target_id, e.place_id, a1.name AS actor,"
            " a1.country AS actor_country, a1.sector AS actor_sector, a2.name AS target,"
            " a2.country AS target_country, a2.sector AS target_sector,"
            " p.name AS place, p.latitude, p.longitude, p.country AS place_country,"
            " p.geonames_id, p.location_precision"
            " FROM situation_events e LEFT JOIN actors a1 ON a1.id = e.actor_id"
            " LEFT JOIN actors a2 ON a2.id = e.target_id LEFT JOIN places p ON p.id = e.place_id"
            f" {where} ORDER BY e.date_start, e.id",
            params,
            query,
        )
        reports = self._reports([row["id"] for row in rows])
        return [_merged_event(row, reports.get(row["id"], [])) for row in rows]

    def _reports(self, event_ids: list[str]) -> dict[str, list[Row]]:
        grouped: dict[str, list[Row]] = {}
        if not event_ids:
            return grouped
        placeholders = ", ".join("?" for _ in event_ids)
        for row in self.database.query(
            "SELECT r.id, r.situation_event_id, r.article_id, r.status, r.trigger_text AS trigger,"
            " r.source_type, r.source_name, r.confidence, r.evidence_start AS start,"
            ' r.evidence_end AS "end", r.evidence_text AS text, r.date_start, a.stored_at,'
            " a.cluster_id, a.outlet, a.url, a.source"
            " FROM event_reports r JOIN articles a ON a.id = r.article_id"
            f" WHERE r.situation_event_id IN ({placeholders})"
            " ORDER BY r.article_id, r.evidence_start",
            event_ids,
        ):
            grouped.setdefault(row.pop("situation_event_id"), []).append(row)
        return grouped

    # -- claims, quotes --------------------------------------------------------------------

    def claims(self, query: QueryFilter) -> list[Row]:
        inside_claim = (
            "EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = c.article_id"
            " AND m.start_offset >= c.start_offset AND m.end_offset <= c.end_offset"
            " AND m.entity_id IN ({}))"
        )
        where, params = _where(
            query,
            day="c.date_start",
            article="c.article_id",
            source_type="c.source_type = ?",
            actor=f"(c.source_actor_id IN ({ACTOR_KEYS}) OR {inside_claim.format(ACTOR_KEYS)})",
            place=inside_claim.format(PLACE_IDS),
        )
        rows = self._page(
            'SELECT c.id, c.article_id, c.text, c.start_offset AS start, c.end_offset AS "end",'
            " c.source_type, c.source_name, c.source_actor_id, c.certainty, c.hedge, c.date_start,"
            " a.outlet, a.url, a.source, a.cluster_id"
            f" FROM claims c JOIN articles a ON a.id = c.article_id {where}"
            " ORDER BY c.date_start, c.article_id, c.position",
            params,
            query,
        )
        backing = self._claim_backing([row["id"] for row in rows])
        return [row | {"sources": backing.get(row["id"], 1)} for row in rows]

    def _claim_backing(self, claim_ids: list[str]) -> dict[str, int]:
        """Independent sources behind each claim: for each merged event the claim reports,
        the source clusters with a report of it in the same status (a denial does not back
        an assertion); the best-backed event counts. A claim reporting no event has its own."""
        rows = select_in(
            self.database,
            "SELECT c.id, r.situation_event_id, COUNT(DISTINCT a.cluster_id) AS n FROM claims c"
            " JOIN event_reports r ON r.article_id = c.article_id"
            " AND r.claim_position = c.position"
            " JOIN event_reports o ON o.situation_event_id = r.situation_event_id"
            " AND o.status = r.status"
            " JOIN articles a ON a.id = o.article_id"
            " WHERE c.id IN ({marks}) GROUP BY c.id, r.situation_event_id",
            claim_ids,
        )
        backing: dict[str, int] = {}
        for row in rows:
            backing[row["id"]] = max(backing.get(row["id"], 1), int(row["n"]))
        return backing

    def quotes(self, query: QueryFilter) -> list[Row]:
        where, params = _where(
            query,
            day="a.date_start",
            article="q.article_id",
            actor=f"(q.speaker_actor_id IN ({ACTOR_KEYS}) OR LOWER(q.speaker) = ?)",
        )
        return self._page(
            'SELECT q.id, q.article_id, q.text, q.start_offset AS start, q.end_offset AS "end",'
            " q.direct, q.speaker, q.speaker_actor_id, q.channel, a.date_start, a.outlet"
            f" FROM quotes q JOIN articles a ON a.id = q.article_id {where}"
            " ORDER BY a.date_start, q.article_id, q.position",
            params,
            query,
        )

    # -- control ---------------------------------------------------------------------------

    def control_changes(self, query: QueryFilter) -> list[Row]:
        where, params = _where(
            query,
            day="c.date_start",
            article="c.article_id",
            place=f"c.place_id IN ({PLACE_IDS})",
            actor=f"(c.to_actor_id IN ({ACTOR_KEYS}) OR c.from_actor_id IN ({ACTOR_KEYS}))",
        )
        return self._page(
            "SELECT c.id, c.article_id, c.place_id, p.name AS place, p.latitude, p.longitude,"
            " c.from_actor_id, f.name AS from_actor, c.to_actor_id, t.name AS to_actor,"
            " c.date_start, c.date_end, c.partial, c.confidence, c.evidence_start,"
            " c.evidence_end, c.evidence_text AS evidence, a.outlet, a.url, a.source, a.cluster_id"
            " FROM control_changes c JOIN places p ON p.id = c.place_id"
            " JOIN articles a ON a.id = c.article_id"
            " LEFT JOIN actors f ON f.id = c.from_actor_id"
            f" LEFT JOIN actors t ON t.id = c.to_actor_id {where}"
            " ORDER BY c.date_start, c.article_id, c.position",
            params,
            query,
        )

    def control(self, place: str, on: date) -> list[Row]:
        from sitrep.store.control import holders_on

        changes = self.control_changes(QueryFilter(place=place, date_to=on, limit=1_000_000))
        return holders_on(changes, on)

    def contradictions(self, query: QueryFilter) -> list[Row]:
        from sitrep.store.contradictions import find_contradictions

        return find_contradictions(self, query)

    # -- errors ----------------------------------------------------------------------------

    def errors(self, query: QueryFilter) -> list[Row]:
        return self._page(
            "SELECT id, source, code, message, content_hash, recorded_at FROM errors"
            " ORDER BY recorded_at DESC, source",
            [],
            query,
        )

    def close(self) -> None:
        self.database.close()

    # -- helpers ---------------------------------------------------------------------------

    def _page(self, sql: str, params: list[Any], query: QueryFilter) -> list[Row]:
        return self.database.query(f"{sql} LIMIT ? OFFSET ?", [*params, query.limit, query.offset])

    def _grouped(self, sql: str, owners: list[str]) -> dict[str, list[Any]]:
        if not owners:
            return {}
        placeholders = ", ".join("?" for _ in owners)
        grouped: dict[str, list[Any]] = {}
        for row in self.database.query(f"{sql} WHERE actor_id IN ({placeholders})", owners):
            grouped.setdefault(row["owner"], []).append(row["value"])
        return grouped


def _storing_failed(article: Article, failure: Exception) -> DocumentError:
    message = f"could not be stored: {type(failure).__name__}: {failure}"
    return DocumentError(article.source, ErrorCode.PROCESSING_FAILED, message, article.content_hash)


def place_key(name: str) -> str:
    """A place name as the place filter compares it (see PLACE_KEY_SQL)."""
    return re.sub("[^a-z0-9]", "", name.lower())


def _where(
    query: QueryFilter,
    *,
    day: str | None = None,
    day_start: str | None = None,
    day_end: str | None = None,
    event_type: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    source_type: str | None = None,
    article: str | None = None,
) -> tuple[str, list[Any]]:
    """A WHERE clause for the filters this table supports, with its parameters.

    `day` is a column holding one ISO day; `day_start`/`day_end` a range that must
    overlap the filter's. A filter the table cannot apply is ignored.
    """
    clauses: list[str] = []
    params: list[Any] = []
    start_column, end_column = day_start or day, day_end or day
    if query.date_from and end_column:
        clauses.append(f"{end_column} >= ?")
        params.append(query.date_from.isoformat())
    if query.date_to and start_column:
        clauses.append(f"{start_column} <= ?")
        params.append(query.date_to.isoformat())
    if query.event_type and event_type:
        clauses.append(event_type)
        params.append(query.event_type.upper())
    for wanted, clause, normalise in (
        (query.actor, actor, name_key),
        (query.place, place, place_key),
        (query.source_type, source_type, str),
    ):
        if wanted and clause:
            clauses.append(clause)
            params.extend([normalise(wanted)] * clause.count("?"))
    if query.article_id and article:
        clauses.append(article if "?" in article else f"{article} = ?")
        params.append(query.article_id)
    return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params


def _merged_event(row: Row, reports: list[Row]) -> Row:
    """One situation event: its fields, every report as evidence, and its source counts."""
    statuses = Counter(r["status"] for r in reports)
    source_types = Counter(r["source_type"] for r in reports)
    evidence = [{k: v for k, v in r.items() if k != "cluster_id"} for r in reports]
    return row | {
        "status": statuses.most_common(1)[0][0] if statuses else None,
        "statuses": dict(statuses),
        "trigger": reports[0]["trigger"] if reports else None,
        "source_type": source_types.most_common(1)[0][0] if source_types else None,
        "reports": len(reports),
        "articles": len({r["article_id"] for r in reports}),
        "sources": len({r["cluster_id"] for r in reports}),
        "evidence": evidence,
    }


def _characters(item: Article | DocumentError) -> int:
    if isinstance(item, Article):
        return len(item.body) + len(item.original or "")
    return 0

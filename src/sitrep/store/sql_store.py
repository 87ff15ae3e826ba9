"""The `Store` on a SQL database: DuckDB by default, PostgreSQL for teams.

Both run the same SQL (see `db.py` for the shims). `write` commits a batch of
articles with all their rows per transaction (a batch that fails is retried one
document at a time, so one bad document costs only itself); reads return plain
JSON-able dicts.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from sitrep.errors import ErrorCode
from sitrep.names import name_key
from sitrep.records import Article, DocumentError
from sitrep.store.api import IngestReport, QueryFilter, Row, Rows, decode_cursor, encode_cursor
from sitrep.store.contradictions import record_contradictions, stored_contradiction
from sitrep.store.control import holdings
from sitrep.store.db import STREAM_ROWS, Database, migrate, select_in
from sitrep.store.merge import band_keys, minhash_from_values
from sitrep.store.payloads import ARTICLE, ORIGINAL, payload_rows, read_payload
from sitrep.store.views import (
    CLAIM_PAGE,
    CLAIM_PAGE_JOINED,
    CONTROL_CHANGES,
    EVENT_REPORTS,
)
from sitrep.store.writer import ALIAS_SEPARATOR, BatchWriter, PendingRows
from sitrep.streams import chunked, chunked_by_time

ACTOR_KEYS = "SELECT actor_id FROM actor_aliases WHERE alias_key = ?"
# Counts kept on the actor row by the writer (migration 008).
ACTOR_COLUMNS = (
    "SELECT a.id, a.name, a.kind, a.sector, a.country,"
    " COALESCE(a.mentions, 0) AS mentions, COALESCE(a.articles, 0) AS articles, a.aliases"
)
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
# Place mentions that say where something is (migration 005); older rows have no kind.
LITERAL_MENTION = "COALESCE(kind, 'literal') = 'literal'"
# The stored places a place filter covers, resolved by `SqlStore.places_named` and passed
# as one array.
PLACE_IDS = "SELECT unnest(CAST(? AS TEXT[]))"
SCALE_MIGRATION = "004_store_at_scale"
# Articles per transaction when an older database gets the tables migration 004 adds.
BACKFILL_BATCH = 200
# A sort column that may be NULL sorts (and pages) as the empty string.
NO_DAY = "''"
# An event's row is its situation_events row `e` joined to its actors and place.
EVENT_JOINED = (
    "SELECT e.id, e.type, e.mode, e.acled_type, e.acled_subtype, e.date_start, e.date_end,"
    " e.date_precision, e.fatalities, e.injured, e.actor_id, e.target_id, e.place_id,"
    " a1.name AS actor,"
    " a1.country AS actor_country, a1.sector AS actor_sector, a2.name AS target,"
    " a2.country AS target_country, a2.sector AS target_sector,"
    " p.name AS place, p.latitude, p.longitude, p.country AS place_country,"
    " p.geonames_id, p.location_precision"
    " FROM {events} e LEFT JOIN actors a1 ON a1.id = e.actor_id"
    " LEFT JOIN actors a2 ON a2.id = e.target_id LEFT JOIN places p ON p.id = e.place_id"
)
EVENT_COLUMNS = EVENT_JOINED.format(events="situation_events")
EVENT_ORDER = ((f"COALESCE(e.date_start, {NO_DAY})", "date_start"), ("e.id", "id"))


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

    def _stored_ids(self, article_ids: list[str]) -> set[str]:
        sql = "SELECT id FROM articles WHERE id IN ({marks})"
        rows = select_in(self.database, sql, article_ids)
        return {row["id"] for row in rows}

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
        ids = [
            row["id"]
            for row in self.database.query(
                "SELECT id FROM articles a WHERE NOT EXISTS"
                " (SELECT 1 FROM article_payloads p WHERE p.article_id = a.id) ORDER BY id"
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
                        for chunk in payload_rows(row["id"], part, text):
                            pending.add("article_payloads", **chunk)
            with self.database.transaction():
                pending.flush(self.database)
        with self.database.transaction():
            self.database.execute("ALTER TABLE articles DROP COLUMN IF EXISTS data")
            self.database.execute("ALTER TABLE articles DROP COLUMN IF EXISTS body")
            self.database.execute("DROP TABLE IF EXISTS originals")

    def has_article(self, content_hash: str) -> bool:
        return bool(
            self.database.query("SELECT 1 AS x FROM articles WHERE id = ?", (content_hash,))
        )

    def known_error_hashes(self) -> set[str]:
        rows = self.database.query(
            "SELECT DISTINCT content_hash FROM errors WHERE content_hash IS NOT NULL AND code <> ?",
            (ErrorCode.PROCESSING_FAILED.value,),
        )
        return {row["content_hash"] for row in rows}

    # -- articles --------------------------------------------------------------------------

    def articles(self, query: QueryFilter) -> Rows:
        where, params = _where(
            query,
            day="a.date_start",
            article="a.id",
            actor="EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_id IN"
            f" ({ACTOR_KEYS}))",
            place="EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_id IN"
            f" ({PLACE_IDS}))",
            place_ids=self.places_named,
        )
        rows = self._page(
            "SELECT a.id, a.title, a.source, a.url, a.outlet, a.published, a.authors, a.date_start,"
            " a.version, a.cluster_id, a.input_kind FROM articles a",
            where,
            params,
            ((f"COALESCE(a.date_start, {NO_DAY})", "date_start"), ("a.id", "id")),
            query,
        )
        return rows.like([row | {"authors": json.loads(row["authors"])} for row in rows])

    def article(self, article_id: str) -> Row | None:
        rows = self.database.query(
            "SELECT version, cluster_id, stored_at FROM articles WHERE id = ?", (article_id,)
        )
        data = read_payload(self.database, article_id, ARTICLE)
        if not rows or data is None:
            return None
        return json.loads(data) | rows[0]

    def original(self, article_id: str) -> str | None:
        return read_payload(self.database, article_id, ORIGINAL)

    # -- actors and places -----------------------------------------------------------------

    def actors(self, query: QueryFilter) -> Rows:
        where, params = _where(
            query,
            actor=f"a.id IN ({ACTOR_KEYS})",
            article="EXISTS (SELECT 1 FROM mentions m"
            " WHERE m.entity_id = a.id AND m.article_id = ?)",
        )
        if query.most_mentioned:
            # Counted over every actor to rank them: the page's actor filter asks once.
            rows = self._page(
                f"{ACTOR_COLUMNS}, COALESCE(a.mentions, 0) AS ranked FROM actors a",
                where,
                params,
                (("COALESCE(a.mentions, 0)", "ranked"), ("a.id", "id")),
                query,
                descending=True,
            )
        else:
            rows = self._page(
                f"{ACTOR_COLUMNS} FROM actors a",
                where,
                params,
                (("a.name", "name"), ("a.id", "id")),
                query,
            )
        return rows.like(
            [
                {k: v for k, v in row.items() if k not in ("ranked", "aliases")}
                | {"aliases": _aliases(row)}
                for row in rows
            ]
        )

    def places_named(self, name: str) -> list[str]:
        """The ids of the stored places a place filter covers (`Gazetteer.area`): the places
        the name or any of its spellings resolves to, every place in a named country or
        first-level division, and places stored under that name (unresolved ones, or
        resolved by a gazetteer other than this process's)."""
        from sitrep.annotate.gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
        area = gazetteer.area(name)
        countries = area.countries | {country for country, _ in area.divisions}
        rows = self.database.query(
            "SELECT id, name, geonames_id, country FROM places WHERE geonames_id IS NULL"
            " OR LOWER(name) = ?"
            " OR geonames_id IN (SELECT unnest(CAST(? AS BIGINT[])))"
            " OR country IN (SELECT unnest(CAST(? AS TEXT[])))",
            [name.strip().lower(), sorted(area.geonames_ids), sorted(countries)],
        )
        return [
            row["id"]
            for row in rows
            if gazetteer.covers(area, row["name"], row["geonames_id"], row["country"])
        ]

    def places(self, query: QueryFilter) -> Rows:
        where, params = _where(
            query,
            place=f"p.id IN ({PLACE_IDS})",
            place_ids=self.places_named,
            article="EXISTS (SELECT 1 FROM mentions m"
            " WHERE m.entity_id = p.id AND m.article_id = ?)",
        )
        rows = self._page(
            "SELECT p.id, p.name, p.geonames_id, p.latitude, p.longitude, p.country,"
            " p.feature_class, p.feature_code, p.location_precision AS precision FROM places p",
            where,
            params,
            (("p.name", "name"), ("p.id", "id")),
            query,
        )
        counts = self._mention_counts([row["id"] for row in rows])
        return rows.like(
            [
                row
                | {
                    "mentions": counts.get(row["id"], {}).get("mentions", 0),
                    "literal_mentions": counts.get(row["id"], {}).get("literal_mentions", 0),
                }
                for row in rows
            ]
        )

    def _mention_counts(self, entity_ids: list[str]) -> dict[str, dict[str, int]]:
        """Mentions of the page's places only (literal ones apart: a demonym is not a place
        where something happened)."""
        rows = select_in(
            self.database,
            "SELECT entity_id, COUNT(*) AS mentions,"
            f" SUM(CASE WHEN {LITERAL_MENTION} THEN 1 ELSE 0 END) AS literal_mentions"
            " FROM mentions WHERE entity_id IN ({marks}) GROUP BY entity_id",
            entity_ids,
        )
        return {
            row["entity_id"]: {
                "mentions": int(row["mentions"]),
                "literal_mentions": int(row["literal_mentions"]),
            }
            for row in rows
        }

    # -- events ----------------------------------------------------------------------------

    def _event_filter(self, query: QueryFilter) -> tuple[str, list[Any]]:
        return _where(
            query,
            day_start="e.date_start",
            day_end="COALESCE(e.date_end, e.date_start)",
            event_type="e.type = ?",
            actor=f"(e.actor_id IN ({ACTOR_KEYS}) OR e.target_id IN ({ACTOR_KEYS}))",
            place=f"e.place_id IN ({PLACE_IDS})",
            place_ids=self.places_named,
            source_type="EXISTS (SELECT 1 FROM event_reports r WHERE r.situation_event_id = e.id"
            " AND r.source_type = ?)",
            article="EXISTS (SELECT 1 FROM event_reports r WHERE r.situation_event_id = e.id"
            " AND r.article_id = ?)",
        )

    def events(self, query: QueryFilter) -> Rows:
        where, params = self._event_filter(query)
        # The page is cut from the events alone, then joined: joined first, every event of
        # the window would be, to keep a page of them.
        rows = self._page(
            "SELECT * FROM situation_events e",
            where,
            params,
            EVENT_ORDER,
            query,
            descending=query.newest_first,
            joined=EVENT_JOINED.format(events="({page})"),
        )
        reports = self._reports([row["id"] for row in rows])
        return rows.like([_merged_event(row, reports.get(row["id"], [])) for row in rows])

    def every_event(self, query: QueryFilter) -> Iterator[Row]:
        """Every matching merged event with its reports, in one streamed pass (for exports).

        The events stream in order on their own; each thousand fetches its reports. Joined
        and sorted with the reports' evidence texts in one query, DuckDB could not hold the
        sort under its memory limit at about 20,000 articles."""
        where, params = self._event_filter(query)
        order = ", ".join(expression for expression, _ in EVENT_ORDER)
        rows = self.database.stream(f"{EVENT_COLUMNS} {where} ORDER BY {order}", params)
        for chunk in chunked(rows, STREAM_ROWS):
            reports = self._reports([row["id"] for row in chunk])
            yield from (_merged_event(row, reports.get(row["id"], [])) for row in chunk)

    def _reports(self, event_ids: list[str]) -> dict[str, list[Row]]:
        grouped: dict[str, list[Row]] = {}
        rows = select_in(
            self.database,
            f"{EVENT_REPORTS} WHERE r.situation_event_id IN ({{marks}})",
            event_ids,
        )
        for row in sorted(rows, key=lambda r: (r["article_id"], r["start"])):
            grouped.setdefault(row.pop("situation_event_id"), []).append(row)
        return grouped

    # -- claims, quotes --------------------------------------------------------------------

    def claims(self, query: QueryFilter) -> Rows:
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
            place_ids=self.places_named,
            text="c.text",
        )
        rows = self._page(
            CLAIM_PAGE,
            where,
            params,
            _reading_order("c", "c"),
            query,
            descending=query.newest_first,
            joined=CLAIM_PAGE_JOINED,
        )
        backing = self._claim_backing(rows)
        return rows.like([row | {"sources": backing.get(row["id"], 1)} for row in rows])

    def _claim_backing(self, claims: list[Row]) -> dict[str, int]:
        """Independent sources behind each claim: for each merged event the claim reports,
        the source clusters with a report of it in the same status (a denial does not back
        an assertion); the best-backed event counts. A claim reporting no event has its own."""
        if not claims:
            return {}
        # The page's claims (by the article and position they already carry) and their
        # events first, then only those events' reports: materialised, so no join runs over
        # every claim or report in the store.
        rows = self.database.query(
            "WITH page AS MATERIALIZED (SELECT unnest(CAST(? AS TEXT[])) AS id,"
            " unnest(CAST(? AS TEXT[])) AS article_id, unnest(CAST(? AS INTEGER[])) AS position),"
            " reported AS MATERIALIZED (SELECT c.id, r.situation_event_id, r.status FROM page c"
            " JOIN event_reports r ON r.article_id = c.article_id"
            " AND r.claim_position = c.position),"
            " backers AS MATERIALIZED (SELECT situation_event_id, status, article_id"
            " FROM event_reports WHERE situation_event_id IN"
            " (SELECT situation_event_id FROM reported))"
            " SELECT c.id, c.situation_event_id, COUNT(DISTINCT a.cluster_id) AS n"
            " FROM reported c JOIN backers o ON o.situation_event_id = c.situation_event_id"
            " AND o.status = c.status JOIN articles a ON a.id = o.article_id"
            " GROUP BY c.id, c.situation_event_id",
            [[c[key] for c in claims] for key in ("id", "article_id", "position")],
        )
        backing: dict[str, int] = {}
        for row in rows:
            backing[row["id"]] = max(backing.get(row["id"], 1), int(row["n"]))
        return backing

    def quotes(self, query: QueryFilter) -> Rows:
        where, params = _where(
            query,
            day="a.date_start",
            article="q.article_id",
            actor=f"(q.speaker_actor_id IN ({ACTOR_KEYS}) OR LOWER(q.speaker) = ?)",
        )
        return self._page(
            "SELECT q.id, q.article_id, q.position, q.text, q.start_offset AS start,"
            ' q.end_offset AS "end", q.direct, q.speaker, q.speaker_actor_id, q.channel,'
            " a.date_start, a.outlet FROM quotes q JOIN articles a ON a.id = q.article_id",
            where,
            params,
            _reading_order("a", "q"),
            query,
        )

    # -- control ---------------------------------------------------------------------------

    def control_changes(self, query: QueryFilter) -> Rows:
        where, params = _where(
            query,
            day="c.date_start",
            article="c.article_id",
            place=f"c.place_id IN ({PLACE_IDS})",
            place_ids=self.places_named,
            actor=f"(c.to_actor_id IN ({ACTOR_KEYS}) OR c.from_actor_id IN ({ACTOR_KEYS}))",
        )
        return self._page(CONTROL_CHANGES, where, params, _reading_order("c", "c"), query)

    def control(self, place: str | None, on: date, query: QueryFilter | None = None) -> Rows:
        """Who held each place on `on` (see `control.holdings`), a page of places (by name,
        then id) at a time; only each place's latest reported day up to `on` is read."""
        query = query or QueryFilter()
        clauses: list[str] = ["c.date_start <= ?"]
        params: list[Any] = [on.isoformat()]
        if place:
            clauses.append(f"c.place_id IN ({PLACE_IDS})")
            params.append(self.places_named(place))
        if query.after:
            clauses.append("(p.name, p.id) > (?, ?)")
            params.extend(decode_cursor(query.after, 2))
        latest = (
            "SELECT c.place_id, p.name, MAX(c.date_start) AS day FROM control_changes c"
            f" JOIN places p ON p.id = c.place_id WHERE {' AND '.join(clauses)}"
            " GROUP BY c.place_id, p.name ORDER BY p.name, c.place_id LIMIT ?"
        )
        reports = self.database.query(
            f"{CONTROL_CHANGES} JOIN ({latest}) l ON l.place_id = c.place_id"
            " AND l.day = c.date_start ORDER BY l.name, c.place_id, c.article_id, c.position",
            [*params, query.limit],
        )
        places = holdings(reports)
        last = places[-1] if len(places) >= query.limit else None
        return Rows(places, next=encode_cursor([last["place"], last["place_id"]]) if last else None)

    def contradictions(self, query: QueryFilter) -> Rows:
        where, params = _where(
            query,
            day="day",
            place=f"(place_id IN ({PLACE_IDS}) OR other_place_id IN ({PLACE_IDS}))",
            place_ids=self.places_named,
            actor=f"(actor_id IN ({ACTOR_KEYS}) OR other_actor_id IN ({ACTOR_KEYS}))",
        )
        rows = self._page(
            "SELECT id, kind, subject, day, claim, contradiction FROM contradictions",
            where,
            params,
            ((f"COALESCE(day, {NO_DAY})", "day"), ("id", "id")),
            query,
        )
        return rows.like([stored_contradiction(row) for row in rows])

    def counts(self, query: QueryFilter) -> Row:
        """How many of each record there are, and events and articles per day, counted in SQL."""
        where, params = self._event_filter(query)
        events = self.database.query(
            f"SELECT e.date_start AS day, e.type, COUNT(*) AS n FROM situation_events e {where}"
            " GROUP BY e.date_start, e.type",
            params,
        )
        articles = self.database.query(
            "SELECT date_start AS day, COUNT(*) AS n FROM articles GROUP BY date_start"
        )
        days: dict[str, Row] = {}

        def on(day: str) -> Row:
            return days.setdefault(day, {"day": day, "articles": 0, "events": 0, "types": {}})

        for row in articles:
            if row["day"]:
                on(row["day"])["articles"] += int(row["n"])
        types: Counter[str] = Counter()
        for row in events:
            types[row["type"]] += int(row["n"])
            if row["day"]:
                on(row["day"])["events"] += int(row["n"])
                on(row["day"])["types"][row["type"]] = int(row["n"])
        totals = {
            table: int(self.database.query(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"])
            for table in ("articles", "actors", "places", "claims", "contradictions", "errors")
        }
        return {
            "totals": totals | {"events": sum(types.values())},
            "types": dict(sorted(types.items())),
            "days": [days[day] for day in sorted(days)],
        }

    # -- errors ----------------------------------------------------------------------------

    def errors(self, query: QueryFilter) -> Rows:
        return self._page(
            "SELECT id, source, code, message, content_hash, recorded_at FROM errors",
            "",
            [],
            (("recorded_at", "recorded_at"), ("id", "id")),
            query,
            descending=True,
        )

    def close(self) -> None:
        self.database.close()

    # -- helpers ---------------------------------------------------------------------------

    def _page(
        self,
        select: str,
        where: str,
        params: list[Any],
        order: tuple[tuple[str, str], ...],
        query: QueryFilter,
        *,
        descending: bool = False,
        joined: str | None = None,
    ) -> Rows:
        """One page of `select`, in `order` (unique), after the cursor `query.after`.

        Keyset pagination: the cursor holds the last row's sort values, so each page
        starts where the last ended instead of counting past every earlier row. `joined`,
        a SELECT from `{page}`, makes the page's rows into the answer's (joins after LIMIT).
        """
        expressions = [expression for expression, _ in order]
        clauses = [where.removeprefix("WHERE ")] if where else []
        page_params = list(params)
        if query.after:
            columns = ", ".join(expressions)
            marks = ", ".join("?" for _ in expressions)
            clauses.append(f"({columns}) {'<' if descending else '>'} ({marks})")
            page_params.extend(decode_cursor(query.after, len(order)))
        direction = " DESC" if descending else ""
        ordered = f"ORDER BY {', '.join(e + direction for e in expressions)}"
        sql = f"{select} {'WHERE ' + ' AND '.join(clauses) if clauses else ''} {ordered} LIMIT ?"
        if joined:
            sql = f"{joined.format(page=sql)} {ordered}"
        rows = self.database.query(sql, [*page_params, query.limit])
        last = rows[-1] if len(rows) >= query.limit else None
        cursor = [last[key] if last[key] is not None else "" for _, key in order] if last else None
        return Rows(rows, next=encode_cursor(cursor) if cursor else None)


def _aliases(actor: Row) -> list[str]:
    """The other names of an actor, from the aliases its row keeps (migration 008)."""
    names = (actor["aliases"] or "").split(ALIAS_SEPARATOR)
    return sorted({name for name in names if name and name != actor["name"]})


def _reading_order(day_table: str, table: str) -> tuple[tuple[str, str], ...]:
    """Day, then article, then position in it: how claims, quotes and changes are read."""
    return (
        (f"COALESCE({day_table}.date_start, {NO_DAY})", "date_start"),
        (f"{table}.article_id", "article_id"),
        (f"{table}.position", "position"),
    )


def _storing_failed(article: Article, failure: Exception) -> DocumentError:
    message = f"could not be stored: {type(failure).__name__}: {failure}"
    return DocumentError(article.source, ErrorCode.PROCESSING_FAILED, message, article.content_hash)


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
    text: str | None = None,
    place_ids: Callable[[str], list[str]] | None = None,
) -> tuple[str, list[Any]]:
    """A WHERE clause for the filters this table supports, with its parameters.

    `day` is a column holding one ISO day; `day_start`/`day_end` a range that must
    overlap the filter's; `text` a column searched for the filter's text as typed (no
    wildcards: `%` and `_` match themselves); `place_ids` turns the place filter into the
    stored place ids `place` takes. A filter the table cannot apply is ignored.
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
        (query.source_type, source_type, str),
    ):
        if wanted and clause:
            clauses.append(clause)
            params.extend([normalise(wanted)] * clause.count("?"))
    if query.place and place and place_ids:
        clauses.append(place)
        params.extend([place_ids(query.place)] * place.count("?"))
    if query.article_id and article:
        clauses.append(article if "?" in article else f"{article} = ?")
        params.append(query.article_id)
    if query.text and text:
        clauses.append(f"LOWER({text}) LIKE ? ESCAPE '!'")
        literal = query.text.lower().replace("!", "!!").replace("%", "!%").replace("_", "!_")
        params.append(f"%{literal}%")
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
        return len(item.body) + len(item.original or "") // ORIGINAL_SHRINK
    return 0

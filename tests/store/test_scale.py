"""The store at scale: bounded memory on DuckDB, bounded merge lookups, contradictions kept
at write time, keyset pages, one-pass exports, JSON Lines ingest, readers beside a writer."""

from __future__ import annotations

import gc
import io
import json
import os
import re
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest
from store_builders import HOMS, WIRE_STORY, contradiction_fixture, homs_attack

from sitrep.errors import ErrorCode
from sitrep.pipeline import ingest
from sitrep.records import Article, article_from_dict
from sitrep.store import open_store
from sitrep.store.api import MAX_PAGE, QueryFilter, Row
from sitrep.store.db import DUCKDB_ROW_GROUP_ROWS
from sitrep.store.export import ExportFormat, export
from sitrep.store.merge import EventKey, place_key
from sitrep.store.sql_store import SqlStore
from sitrep.store.writer import (
    CANDIDATE_COLUMNS,
    CANDIDATE_FIELDS,
    ActorBook,
    BatchWriter,
    EventIndex,
    candidate_events,
)

ALL = QueryFilter(limit=1000)
SITREP = Path(sys.executable).with_name("sitrep")

# What the store computed on read, over the whole database, before contradictions were
# kept at write time (main at 8850e02, on `contradiction_fixture()`): kind, subject, day,
# and both sides as (text, holder / place / status).
RECOMPUTED_ON_READ = [
    ("control", "Homs", "2024-12-07",
     ("Army units still hold Homs, a ministry said.", "Army"),
     ("Militia took Homs at dawn.", "Militia")),
    ("control", "Homs", "2024-12-07",
     ("Army units still hold Homs, a ministry said.", "Army"),
     ("Rebels hold all of Homs, fighters say.", "Rebels")),
    ("control", "Homs", "2024-12-07",
     ("Militia took Homs at dawn.", "Militia"),
     ("Rebels hold all of Homs, fighters say.", "Rebels")),
    ("location", "Bashar al-Assad", "2024-12-07",
     ("Bashar al-Assad is in Homs, a witness said.", "Homs"),
     ("It is possible he's in Tehran, a source said.", "Tehran")),
    ("location", "Bashar al-Assad", "2024-12-07",
     ("Bashar al-Assad is in Homs, a witness said.", "Homs"),
     ("Officials insist Bashar al-Assad remains in Damascus today.", "Damascus")),
    ("location", "Bashar al-Assad", "2024-12-07",
     ("It is possible he's in Tehran, a source said.", "Tehran"),
     ("Officials insist Bashar al-Assad remains in Damascus today.", "Damascus")),
    ("status", "ASSAULT Homs", "2024-12-07",
     ("Heavy fighting broke out in Homs as rebels attacked army posts, according to a "
      "monitoring group based abroad", "negated"),
     ("Rebel fighters attacked government positions in Homs on Saturday, a witness said",
      "asserted")),
    ("status", "ASSAULT Homs", "2024-12-07",
     ("Heavy fighting broke out in Homs as rebels attacked army posts, according to a "
      "monitoring group based abroad", "negated"),
     ("Rebel fighters attacked government positions in Homs on Saturday, residents said",
      "asserted")),
]  # fmt: skip


def _comparable(rows: list[Row]) -> list[tuple[object, ...]]:
    def side(row: Row) -> tuple[str, str]:
        return row["text"], row.get("holder") or row.get("place") or row.get("status")

    return sorted(
        (c["kind"], c["subject"], c["date"], *sorted([side(c["claim"]), side(c["contradiction"])]))
        for c in rows
    )


@pytest.mark.parametrize("order", ["one batch", "one at a time, reversed"])
def test_contradictions_kept_at_write_time_equal_the_recomputation_on_read(
    store: SqlStore, order: str
) -> None:
    items = contradiction_fixture()
    if order == "one batch":
        store.write(items)
    else:
        for item in reversed(items):
            store.write([item])
    stored = store.database.query("SELECT COUNT(*) AS n FROM contradictions")[0]["n"]
    assert stored == len(RECOMPUTED_ON_READ)
    assert _comparable(store.contradictions(ALL)) == RECOMPUTED_ON_READ
    homs_only = store.contradictions(QueryFilter(place="Tehran", limit=1000))
    assert {c["kind"] for c in homs_only} == {"location"} and len(homs_only) == 2


@pytest.mark.slow  # writes enough events to span many date windows
def test_event_merge_candidates_come_from_a_date_window(store: SqlStore) -> None:
    first = date(2022, 1, 7)
    days = [first + timedelta(days=30 * month) for month in range(36)]
    for day in days:
        item = homs_attack(WIRE_STORY + f" Report {day}.", outlet=f"Outlet {day}")
        item.events[0].date = None  # the report's day is its publication day
        item.published = item.published.replace(year=day.year, month=day.month, day=day.day)
        store.write([item])
    assert len(store.events(ALL)) == len(days)  # a month apart: no two merge
    homs = place_key(HOMS[0], HOMS[1])
    start, end = date(2024, 1, 1), date(2024, 6, 30)  # a report dated to half a year
    key = EventKey("ASSAULT", homs, None, None, start.isoformat(), end.isoformat())
    candidates = candidate_events(store.database, [key])
    overlapping = [d.isoformat() for d in days if start <= d <= end]
    assert sorted(row["date_start"] for row in candidates) == overlapping
    assert len(candidates) == 6 < len(days)


def _every_page(fetch, query: QueryFilter) -> list[Row]:  # type: ignore[no-untyped-def]
    rows, pages = [], 0
    while True:
        page = fetch(query)
        rows += page
        pages += 1
        if page.next is None:
            return rows
        assert len(page) == query.limit and pages < 100
        query = QueryFilter(limit=query.limit, after=page.next)


def test_keyset_pages_cover_every_row_exactly_once(store: SqlStore) -> None:
    store.write(contradiction_fixture())
    for name in (
        "articles",
        "actors",
        "places",
        "events",
        "claims",
        "quotes",
        "control_changes",
        "contradictions",
        "errors",
    ):
        fetch = getattr(store, name)
        whole = fetch(ALL)
        paged = _every_page(fetch, QueryFilter(limit=2))
        assert [r["id"] for r in paged] == [r["id"] for r in whole], name
        assert len({r["id"] for r in paged}) == len(paged), name
    with pytest.raises(ValueError, match="cursor"):
        store.events(QueryFilter(after="bm90IGEgY3Vyc29y"))


def test_control_pages_places_and_lists_every_side_of_the_latest_day(store: SqlStore) -> None:
    store.write(contradiction_fixture())
    (homs,) = {r["place"] for r in store.control(None, date(2024, 12, 8))}
    rows = store.control("homs", date(2024, 12, 8), QueryFilter(limit=1))
    assert homs == "Homs" and rows.next is not None  # a full page of one place
    (held,) = rows
    assert held["contested"] and held["holder"] is None and held["reports"] == 3
    assert [(c["holder"], c["sources"]) for c in held["claims"]] == [
        ("Army", 1),
        ("Militia", 1),
        ("Rebels", 1),
    ]
    assert store.control(None, date(2024, 12, 8), QueryFilter(after=rows.next)) == []


def test_export_streams_events_once_with_one_reports_query_per_thousand(store: SqlStore) -> None:
    """One pass: the events stream once, in order; each thousand of them asks for its
    reports in one query (here, one event: one query)."""
    store.write(contradiction_fixture())
    calls = {"query": 0, "stream": 0}
    for method in calls:
        original = getattr(store.database, method)

        def counted(*args, _method=method, _original=original):  # type: ignore[no-untyped-def]
            calls[_method] += 1
            return _original(*args)

        setattr(store.database, method, counted)
    output = io.StringIO()
    written = export(store, ExportFormat.GEOJSON, output, QueryFilter())
    features = json.loads(output.getvalue())["features"]
    assert written == len(features) == 1
    assert features[0]["properties"]["reports"] == 3
    assert calls == {"query": 1, "stream": 1}


def test_analysed_articles_round_trip_through_json() -> None:
    for item in contradiction_fixture():
        assert article_from_dict(json.loads(json.dumps(item.to_dict()))) == item


def _picture(store: SqlStore) -> tuple[list[object], ...]:
    events = sorted((e["type"], e["place"], e["sources"], e["reports"]) for e in store.events(ALL))
    claims = sorted((c["text"], c["sources"]) for c in store.claims(ALL))
    actors = sorted((a["name"], a["articles"]) for a in store.actors(ALL))
    return events, claims, actors, _comparable(store.contradictions(ALL))  # type: ignore[return-value]


def test_jsonl_ingest_equals_direct_ingest_and_refuses_bad_lines_one_by_one(
    tmp_path: Path,
) -> None:
    items = contradiction_fixture()
    outside = items[0].to_dict()
    outside["claims"] = [{**items[5].to_dict()["claims"][0], "start": 10_000, "end": 10_010}]
    lines = [
        *(json.dumps(item.to_dict()) for item in items[:6]),
        "not json",
        "[]",
        json.dumps({"source": 1}),
        json.dumps(outside),
        json.dumps({**items[0].to_dict(), "admin": True}),
        "[" * 100_000 + "]" * 100_000,
        *(json.dumps(item.to_dict()) for item in items[6:]),
        json.dumps(items[0].to_dict()),  # the same article twice: stored once
    ]
    analysed = tmp_path / "analysed.jsonl"
    analysed.write_bytes(("\n".join(lines) + "\n").encode() + b"\xff\xfe not utf-8\n")
    report = ingest([str(analysed)], str(tmp_path / "jsonl.duckdb"))
    assert (report.stored, report.skipped, report.errors) == (len(items), 1, 7)
    direct = open_store(str(tmp_path / "direct.duckdb"))
    from_jsonl = open_store(str(tmp_path / "jsonl.duckdb"))
    try:
        direct.write(items)
        assert _picture(from_jsonl) == _picture(direct)
        errors = {(e["source"].rsplit(":", 1)[1], e["code"]) for e in from_jsonl.errors(ALL)}
        assert errors == {
            ("7", ErrorCode.INVALID_RECORD),
            ("8", ErrorCode.INVALID_RECORD),
            ("9", ErrorCode.INVALID_RECORD),
            ("10", ErrorCode.INVALID_RECORD),
            ("11", ErrorCode.INVALID_RECORD),
            ("12", ErrorCode.INVALID_RECORD),
            (str(len(lines) + 1), ErrorCode.UNDECODABLE),
        }
    finally:
        direct.close()
        from_jsonl.close()


def test_duckdb_keeps_no_index_in_memory_that_grows_with_the_tables(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "store.duckdb"))
    try:
        connection = store.database.connection  # type: ignore[attr-defined]
        assert connection.execute("SELECT COUNT(*) FROM duckdb_indexes()").fetchone() == (0,)
        keyed = connection.execute(
            "SELECT DISTINCT table_name FROM duckdb_constraints()"
            " WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE')"
        ).fetchall()
        assert keyed == [("schema_migrations",)]
        # Keys are still kept: the same error twice is stored once.
        for _ in range(2):
            store.database.insert("sources", ("id", "name"), [("s1", "One")], ("id",))
        assert store.database.query("SELECT COUNT(*) AS n FROM sources")[0]["n"] == 1
    finally:
        store.close()


def test_duckdb_reads_only_the_sort_keys_of_rows_a_page_leaves_out(tmp_path: Path) -> None:
    # Late materialization holds for pages of up to `late_materialization_max_rows` rows
    # (50 by default): past it, every column of every row is sorted to cut one page.
    for read_only in (False, True):
        store = open_store(str(tmp_path / "store.duckdb"), read_only=read_only)
        try:
            connection = store.database.connection  # type: ignore[attr-defined]
            (setting,) = connection.execute(
                "SELECT current_setting('late_materialization_max_rows')"
            ).fetchone()
            assert int(setting) >= MAX_PAGE
        finally:
            store.close()


HOLD_THE_WRITER = textwrap.dedent(
    """
    import sys, time
    from sitrep.store import open_store
    store = open_store(sys.argv[1])
    print("open", flush=True)
    time.sleep(60)
    """
)


@pytest.mark.slow  # starts a second Python that holds the writer
def test_duckdb_query_beside_a_writer_fails_with_one_clear_line(tmp_path: Path) -> None:
    path = str(tmp_path / "busy.duckdb")
    open_store(path).close()
    writer = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_WRITER, path], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "open"
        reader = subprocess.run(
            [str(SITREP), "events", "--db", path], capture_output=True, text=True, timeout=120
        )
    finally:
        writer.kill()
        writer.wait()
    assert reader.returncode == 2  # the database cannot be had: sitrep's one exit status for it
    assert "Traceback" not in reader.stderr
    (line,) = reader.stderr.strip().splitlines()
    assert line.startswith("error:") and "another process" in line


@pytest.mark.postgres
def test_postgres_reader_beside_an_open_write_sees_committed_rows(store: SqlStore) -> None:
    if store.database.dialect != "postgresql":
        pytest.skip("PostgreSQL only: a DuckDB file takes no reader beside its writer")
    store.write([homs_attack(WIRE_STORY, outlet="Wire")])
    schema = store.database.query("SELECT current_schema() AS s")[0]["s"]
    reader = open_store(os.environ["SITREP_TEST_POSTGRES_URL"], schema=schema, read_only=True)
    try:
        with store.database.transaction():
            BatchWriter(store.database).write([_other_attack()], [])
            assert len(reader.articles(ALL)) == 1  # the open write is not seen, nor blocks
        assert len(reader.articles(ALL)) == 2
    finally:
        reader.close()


def _other_attack() -> Article:
    return homs_attack(WIRE_STORY + " A later update.", outlet="Daily")


def test_row_marks_read_back_only_the_rows_appended_since(store: SqlStore) -> None:
    database = store.database
    columns = ("article_id", "band_key")
    stored = 3 * DUCKDB_ROW_GROUP_ROWS  # several row groups, committed
    with database.transaction():
        database.insert("story_bands", columns, [("old", key) for key in range(stored)])
    with database.transaction():
        new = database.row_marks(["story_bands"])
        database.insert("story_bands", columns, [("new", key) for key in range(5)])
        sql = "SELECT article_id FROM story_bands b WHERE b.band_key < 5" + new.since(
            "story_bands", "b"
        )
        found = sorted(row["article_id"] for row in database.query(sql))
        if database.dialect == "duckdb":
            assert found == ["new"] * 5
            # Older row groups are skipped from their statistics, not read and filtered.
            plan = database.query("EXPLAIN ANALYZE " + sql)[0]["explain_value"]
            assert re.search(r"Row Groups Scanned: 1 / [4-9]", plan), plan
        else:
            assert new.since("story_bands", "b") == ""  # PostgreSQL finds them by index
            assert found == ["new"] * 5 + ["old"] * 5


def test_kept_merge_candidates_are_those_the_query_finds(store: SqlStore) -> None:
    store.write(contradiction_fixture())
    kept = EventIndex.load(store.database)
    stored = store.database.query(f"SELECT {CANDIDATE_COLUMNS} FROM situation_events e")
    assert stored
    keys = [
        EventKey(row["type"], row["place_id"], row["actor_id"], None, day, day)
        for row in stored
        for day in (row["date_start"], None, "1990-01-01")
    ]
    for key in keys:
        expected = sorted(candidate_events(store.database, [key]), key=lambda r: r["id"])
        assert sorted(kept.candidates([key]), key=lambda r: r["id"]) == expected
    assert any(kept.candidates([key]) for key in keys)


def test_the_kept_merge_candidates_give_the_collector_nothing_to_walk(store: SqlStore) -> None:
    # As the actor book: one container per place and type would be walked by every full
    # collection, a cost growing with the events stored.
    store.write(contradiction_fixture())
    kept = EventIndex.load(store.database)
    assert kept.events and kept.days
    for _ in range(2):
        gc.collect()
    entries = [*kept.events.values(), *kept.days.values()]
    assert [entry for entry in entries if gc.is_tracked(entry)] == []


def test_a_kept_event_whose_days_change_is_found_only_at_its_new_days() -> None:
    kept = EventIndex()

    def remember(start: str | None) -> None:
        values = dict.fromkeys(CANDIDATE_FIELDS)
        kept.remember(
            values | {"id": "e1", "type": "ASSAULT", "place_id": "p", "date_start": start}
        )

    def found(day: str) -> list[str]:
        key = EventKey("ASSAULT", "p", None, None, day, day)
        return [row["id"] for row in kept.candidates([key])]

    remember("2024-01-01")
    assert found("2024-01-01") == ["e1"]
    remember("2024-03-01")  # a later report moved it: reached from its new day only
    assert found("2024-03-01") == ["e1"] and found("2024-01-01") == []
    assert kept.days[("ASSAULT", "p")] == (("2024-03-01",), ("e1",), ())
    remember(None)  # undated: every window reaches it, and it is there once
    assert found("2025-06-01") == ["e1"]
    assert kept.days[("ASSAULT", "p")] == ((), (), ("e1",))


def test_a_single_writers_books_are_out_of_the_collectors_walk(store: SqlStore) -> None:
    # They grow with the store and live as long as the writer: were a full collection to
    # walk them, its cost would grow with every article stored.
    if not store.database.single_writer:
        pytest.skip("only a single writer keeps books")
    store.write(contradiction_fixture())
    actors, events = store.writer.kept_actors, store.writer.kept_events
    assert actors is not None and events is not None
    walked = {id(o) for o in gc.get_objects()}
    kept = [actors.identities, actors.by_key, actors.aliases, events.events, events.days]
    assert [id(container) in walked for container in kept] == [False] * len(kept)


def test_the_kept_actor_book_gives_the_collector_nothing_to_walk(store: SqlStore) -> None:
    # A single writer keeps every stored actor in memory; were each one an object the
    # collector tracks, every full collection would cost more with each actor stored.
    store.write(contradiction_fixture())
    book = ActorBook.load(store.database, None)
    assert book.identities and book.by_key
    for _ in range(2):  # a tuple is let go once the tuples inside it have been
        gc.collect()
    tracked = [
        entry
        for entry in [*book.identities.values(), *book.by_key.values()]
        if gc.is_tracked(entry)
    ]
    assert tracked == []


def test_place_counts_kept_on_the_row_equal_the_mentions_table(store: SqlStore) -> None:
    fixture = contradiction_fixture()
    store.write(fixture[: len(fixture) // 2])
    store.write(fixture)  # the first half again: stored once, counted once
    counted = {
        row["entity_id"]: (row["mentions"], row["literal_mentions"])
        for row in store.database.query(
            "SELECT entity_id, COUNT(*) AS mentions, SUM(CASE WHEN COALESCE(kind, 'literal')"
            " = 'literal' THEN 1 ELSE 0 END) AS literal_mentions"
            " FROM mentions WHERE entity = 'place' GROUP BY entity_id"
        )
    }
    shown = {
        row["id"]: (row["mentions"], row["literal_mentions"])
        for row in _every_page(store.places, QueryFilter(limit=2))
    }
    assert counted and shown == {place_id: counted.get(place_id, (0, 0)) for place_id in shown}
    assert any(mentions > 1 for mentions, _ in shown.values())


def test_actor_counts_and_aliases_kept_on_the_row_equal_their_tables(store: SqlStore) -> None:
    fixture = contradiction_fixture()
    store.write(fixture[: len(fixture) // 2])
    store.write(fixture)  # the first half again: stored once, counted once
    counted = {
        row["entity_id"]: (row["mentions"], row["articles"])
        for row in store.database.query(
            "SELECT entity_id, COUNT(*) AS mentions, COUNT(DISTINCT article_id) AS articles"
            " FROM mentions WHERE entity = 'actor' GROUP BY entity_id"
        )
    }
    shown = {
        row["id"]: (row["mentions"], row["articles"])
        for row in _every_page(store.actors, QueryFilter(limit=7))
    }
    assert counted and shown == {actor_id: counted.get(actor_id, (0, 0)) for actor_id in shown}
    assert any(articles > 1 for _, articles in shown.values())
    named: dict[str, set[str]] = {}
    for row in store.database.query("SELECT actor_id, alias FROM actor_aliases"):
        named.setdefault(row["actor_id"], set()).add(row["alias"])
    actors = _every_page(store.actors, QueryFilter(limit=7))
    assert any(row["aliases"] for row in actors)
    for row in actors:
        assert row["aliases"] == sorted(named.get(row["id"], set()) - {row["name"]})

"""The store on hand-built articles, against DuckDB and PostgreSQL alike."""

from __future__ import annotations

import json
import zlib
from datetime import date

import pytest
from store_builders import (
    DAMASCUS,
    HOMS,
    OTHER_STORY,
    TEHRAN,
    WIRE_STORY,
    add_actor,
    add_claim,
    add_control,
    add_event,
    add_place,
    add_reference,
    article,
    contradiction_fixture,
    homs_attack,
)

from sitrep.errors import ErrorCode
from sitrep.records import (
    ActorKind,
    Article,
    DocumentError,
    EventStatus,
    LocationPrecision,
    PlaceKind,
    Source,
    SourceType,
)
from sitrep.store import db, open_store, writer
from sitrep.store.api import QueryFilter
from sitrep.store.db import DuckDatabase, migrate, migrations
from sitrep.store.payloads import chunk_rows
from sitrep.store.sql_store import SqlStore

ALL = QueryFilter(limit=1000)


def test_store_write_is_idempotent_by_content_hash(store: SqlStore) -> None:
    item = homs_attack(WIRE_STORY, outlet="Wire")
    first = store.write([item])
    second = store.write([item, item])
    assert (first.stored, second.stored, second.skipped) == (1, 0, 2)
    assert store.stored_articles([item.id, "not stored"]) == {item.id}
    assert len(store.articles(ALL)) == 1
    assert len(store.events(ALL)) == 1
    assert len(store.claims(ALL)) == 1
    assert store.events(ALL)[0]["reports"] == 1


def test_store_keeps_the_original_apart_from_the_article_data(store: SqlStore) -> None:
    read = homs_attack(WIRE_STORY, outlet="Wire")
    read.original = "<p>Rebels “entered” Homs</p>\n" * 3
    built = homs_attack(OTHER_STORY, outlet="Other")
    store.write([read, built])
    assert store.original(read.id) == read.original
    assert store.original(built.id) is None and store.original("0" * 64) is None
    stored = store.article(read.id)
    assert stored is not None and "original" not in stored


def test_store_same_url_new_content_is_a_new_version(store: SqlStore) -> None:
    url = "https://example.test/homs"
    store.write([homs_attack(WIRE_STORY, outlet="Wire", url=url)])
    store.write([homs_attack(WIRE_STORY + " Updated at noon.", outlet="Wire", url=url)])
    versions = sorted(row["version"] for row in store.articles(ALL))
    assert versions == [1, 2]
    # Both versions are one source: the merged event counts it once.
    (event,) = store.events(ALL)
    assert (event["reports"], event["sources"]) == (2, 1)


def test_store_errors_are_recorded_once_and_batch_goes_on(store: SqlStore) -> None:
    error = DocumentError("bad.html", ErrorCode.BINARY, "not text", "abc")
    report = store.write([error, homs_attack(WIRE_STORY, outlet="Wire"), error])
    assert (report.stored, report.errors) == (1, 2)
    (row,) = store.errors(ALL)
    assert (row["source"], row["code"], row["content_hash"]) == ("bad.html", "binary", "abc")


def test_store_article_that_cannot_be_stored_becomes_an_error_and_the_batch_goes_on(
    store: SqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    doomed = homs_attack(WIRE_STORY, outlet="Wire")
    fine = homs_attack(OTHER_STORY, outlet="Monitor")
    add_control_changes = writer._add_control_changes

    def broken(pending: object, article: Article, *args: object) -> None:
        if article.id == doomed.id:
            raise RuntimeError("disk full")
        add_control_changes(pending, article, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(writer, "_add_control_changes", broken)
    report = store.write([doomed, fine])
    assert (report.stored, report.errors) == (1, 1)
    assert store.stored_articles([doomed.id, fine.id]) == {fine.id}
    (error,) = store.errors(ALL)
    assert error["code"] == "processing_failed" and "disk full" in error["message"]
    assert {r["article_id"] for e in store.events(ALL) for r in e["evidence"]} == {fine.id}
    monkeypatch.undo()
    assert store.write([doomed]).stored == 1


def test_store_events_from_two_outlets_merge_with_independent_sources(store: SqlStore) -> None:
    store.write(
        [homs_attack(WIRE_STORY, outlet="Wire"), homs_attack(OTHER_STORY, outlet="Monitor")]
    )
    (event,) = store.events(ALL)
    assert event["type"] == "ASSAULT" and event["place"] == "Homs"
    assert (event["reports"], event["articles"], event["sources"]) == (2, 2, 2)
    assert {e["outlet"] for e in event["evidence"]} == {"Wire", "Monitor"}
    assert all(e["text"] and e["end"] > e["start"] for e in event["evidence"])


def test_store_republished_wire_story_counts_once(store: SqlStore) -> None:
    republished = WIRE_STORY.replace("residents said", "residents told reporters")
    store.write(
        [
            homs_attack(WIRE_STORY, outlet="Wire"),
            homs_attack(republished + " Copyright Daily.", outlet="Daily"),
            homs_attack(OTHER_STORY, outlet="Monitor"),
        ]
    )
    (event,) = store.events(ALL)
    assert (event["articles"], event["sources"]) == (3, 2)


def test_store_claims_count_the_independent_sources_of_the_event_they_report(
    store: SqlStore,
) -> None:
    republished = WIRE_STORY.replace("residents said", "residents told reporters")
    denial = homs_attack(OTHER_STORY + " Officials deny it.", outlet="Ministry")
    denial.events[0].status = EventStatus.NEGATED
    unrelated = article("TEST DATA. Talks were held in Geneva on Monday.", outlet="Daily")
    add_claim(unrelated, "Talks were held in Geneva on Monday.")
    store.write(
        [
            homs_attack(WIRE_STORY, outlet="Wire"),
            homs_attack(republished + " Copyright Daily.", outlet="Daily"),
            homs_attack(OTHER_STORY, outlet="Monitor"),
            denial,
            unrelated,
        ]
    )
    sources = {(c["outlet"], c["text"][:5]): c["sources"] for c in store.claims(ALL)}
    # Wire and its republication are one source, the monitor a second; the denial backs nobody.
    assert sources == {
        ("Wire", "Rebel"): 2,
        ("Daily", "Rebel"): 2,
        ("Monitor", "Heavy"): 2,
        ("Ministry", "Heavy"): 1,
        ("Daily", "Talks"): 1,
    }


def test_store_events_apart_in_place_or_time_stay_apart(store: SqlStore) -> None:
    elsewhere = homs_attack(OTHER_STORY, outlet="Monitor")
    elsewhere.places[0] = elsewhere.places[0].__class__(
        "place-1", "Damascus", DAMASCUS[0], DAMASCUS[2], DAMASCUS[3], "SY", "P", "PPLC",
        elsewhere.places[0].precision, [],
    )  # fmt: skip
    later = homs_attack(OTHER_STORY + " Later.", outlet="Other")
    later.events[0].date.start = later.events[0].date.end = date(2024, 12, 20)  # type: ignore[union-attr]
    store.write([homs_attack(WIRE_STORY, outlet="Wire"), elsewhere, later])
    assert len(store.events(ALL)) == 3
    # Newest first, a page at a time: the same events in reverse, each once.
    oldest_first = [(e["date_start"], e["id"]) for e in store.events(ALL)]
    pages, after = [], None
    while True:
        page = store.events(QueryFilter(limit=1, newest_first=True, after=after))
        pages += [(e["date_start"], e["id"]) for e in page]
        if not (after := page.next):
            break
    assert pages == oldest_first[::-1]
    assert pages[0][0] == "2024-12-20"


def test_store_undated_event_shows_on_publication_day_and_says_so(store: SqlStore) -> None:
    """Extract leaves an undated event's date None; the store files it under its article's
    publication day for the map, with precision "publication", not a day it claims."""
    undated = homs_attack(WIRE_STORY, outlet="Wire")
    undated.events[0].date = None
    store.write([undated])
    [event] = store.events(ALL)
    assert event["date_start"] == "2024-12-07"
    assert event["date_precision"] == "publication"


def test_store_actors_merge_on_names_aliases_and_kind(store: SqlStore) -> None:
    first = article("TEST DATA. President Bashar al-Assad met envoys. Georgia voted.")
    add_actor(first, "Bashar al-Assad", ActorKind.PERSON, aliases=("Assad",), country="SYR")
    add_actor(first, "Georgia", ActorKind.STATE, country="GEO")
    second = article("TEST DATA. Assad left. Georgia Meloni spoke. The president stayed.")
    add_actor(second, "Assad", ActorKind.PERSON, aliases=("the president",))
    add_actor(second, "Georgia", ActorKind.PERSON, mention="Georgia Meloni")
    third = article("TEST DATA. The president of France spoke.")
    add_actor(third, "the president", ActorKind.PERSON, mention="The president")
    store.write([first, second, third])
    actors = {(row["name"], row["kind"]): row for row in store.actors(ALL)}
    assert set(actors) == {
        ("Bashar al-Assad", "person"),
        ("Georgia", "state"),
        ("Georgia", "person"),
        ("the president", "person"),
    }
    assad = actors[("Bashar al-Assad", "person")]
    assert assad["articles"] == 2
    assert "Assad" in assad["aliases"]
    assert [row["name"] for row in store.actors(QueryFilter(actor="assad"))] == ["Bashar al-Assad"]


def test_store_filters_events(store: SqlStore) -> None:
    item = homs_attack(WIRE_STORY, outlet="Wire")
    item.claims[0].source = Source(SourceType.ANONYMOUS, "residents")
    item.events[0].claim_index = 0
    store.write([item, homs_attack(OTHER_STORY, outlet="Monitor")])

    def count(**filters: object) -> int:
        return len(store.events(QueryFilter(**filters)))  # type: ignore[arg-type]

    assert count(event_type="assault") == 1 and count(event_type="PROTEST") == 0
    assert count(actor="rebels") == 1 and count(actor="army") == 0
    assert count(place="homs") == 1 and count(place="Aleppo") == 0
    assert count(source_type="anonymous") == 1 and count(source_type="named_person") == 0
    assert count(date_from=date(2024, 12, 7), date_to=date(2024, 12, 7)) == 1
    assert count(date_from=date(2024, 12, 8)) == 0
    assert count(article_id=item.id) == 1


def test_store_counts_every_match_of_a_page_that_does_not_hold_them(store: SqlStore) -> None:
    store.write(contradiction_fixture())
    for kind, filters in (("claims", {}), ("actors", {}), ("claims", {"place": "homs"})):
        listing = getattr(store, kind)
        every = len(listing(QueryFilter(limit=1000, **filters)))
        assert every >= 2, (kind, filters)
        first = listing(QueryFilter(limit=1, count_all=True, **filters))
        assert len(first) == 1 and first.total == every
        assert listing(QueryFilter(limit=1, **filters)).total is None  # asked for only
        assert listing(QueryFilter(limit=every, count_all=True, **filters)).total in (None, every)


def test_store_article_round_trips_with_version(store: SqlStore) -> None:
    item = homs_attack(WIRE_STORY, outlet="Wire")
    store.write([item])
    row = store.article(item.id)
    assert row is not None and row["body"] == item.body and row["version"] == 1
    assert row["events"][0]["type"] == "ASSAULT"
    assert store.article("missing") is None


def control_report(body: str, holder: str, outlet: str, day: str = "2024-12-07"):  # type: ignore[no-untyped-def]
    item = article(body, outlet=outlet)
    side = add_actor(item, holder, mention=holder.split()[0])
    homs = add_place(item, HOMS)
    add_control(item, body.split(". ")[1], homs, side, day)
    return item


def test_store_control_on_a_day_and_conflicting_holders(store: SqlStore) -> None:
    store.write(
        [
            control_report(
                "TEST DATA. Rebels captured Homs overnight.", "Rebels", "Wire", "2024-12-06"
            ),
            control_report(
                "TEST DATA. Army units still hold Homs, a ministry said.", "Army", "State TV"
            ),
            control_report(
                "TEST DATA. Rebels hold all of Homs, fighters say.", "Rebels", "Monitor"
            ),
        ]
    )
    (held,) = store.control("Homs", date(2024, 12, 6))
    assert (held["holder"], held["contested"], held["since"]) == ("Rebels", False, "2024-12-06")
    (disputed,) = store.control("homs", date(2024, 12, 9))
    assert (disputed["holder"], disputed["contested"]) == (None, True)
    assert disputed["since"] == "2024-12-07" and disputed["sources"] == 2
    sides = [(c["holder"], c["sources"], c["outlets"]) for c in disputed["claims"]]
    assert sides == [("Army", 1, ["State TV"]), ("Rebels", 1, ["Monitor"])]
    assert store.control("Homs", date(2024, 12, 1)) == []
    conflicts = [c for c in store.contradictions(ALL) if c["kind"] == "control"]
    assert len(conflicts) == 1
    sides = {conflicts[0]["claim"]["holder"], conflicts[0]["contradiction"]["holder"]}
    assert sides == {"Army", "Rebels"}
    assert {conflicts[0]["claim"]["outlet"], conflicts[0]["contradiction"]["outlet"]} == {
        "State TV",
        "Monitor",
    }


def test_store_places_the_person_the_articles_reference_resolution_chose(store: SqlStore) -> None:
    """A pronoun stands for whom the extract stage resolved it to (the resolver quotes and
    events read), not for the last name before it; an unresolved one places no one."""
    body = "TEST DATA. Bashar al-Assad phoned Vladimir Putin. He remains in {}, a source said."
    placed = []
    for city, resolved in ((TEHRAN, True), (DAMASCUS, False)):
        item = article(body.format(city[1]))
        assad = add_actor(item, "Bashar al-Assad", ActorKind.PERSON)
        add_actor(item, "Vladimir Putin", ActorKind.PERSON)
        if resolved:
            add_reference(item, "He", assad)
        add_place(item, city)
        add_claim(item, f"He remains in {city[1]}, a source said.")
        placed.append(item)
    store.write(placed)
    rows = store.database.query("SELECT actor, place FROM presences")
    assert [(row["actor"], row["place"]) for row in rows] == [("Bashar al-Assad", "Tehran")]


def test_store_flags_one_person_in_two_places(store: SqlStore) -> None:
    here = article("TEST DATA. Officials insist Bashar al-Assad remains in Damascus today.")
    add_actor(here, "Bashar al-Assad", ActorKind.PERSON)
    add_place(here, DAMASCUS)
    add_claim(here, "Officials insist Bashar al-Assad remains in Damascus today.")
    there = article(
        "TEST DATA. Nobody has seen Assad. It is possible he's in Tehran, a source said."
    )
    add_reference(
        there, "he", add_actor(there, "Assad", ActorKind.PERSON, aliases=("Bashar al-Assad",))
    )
    add_place(there, TEHRAN)
    add_claim(there, "It is possible he's in Tehran, a source said.", Source(SourceType.ANONYMOUS))
    visiting = article("TEST DATA. Bashar al-Assad visited troops near Homs.")
    add_actor(visiting, "Bashar al-Assad", ActorKind.PERSON)
    add_place(visiting, HOMS)
    add_claim(visiting, "Bashar al-Assad visited troops near Homs.")
    republished = article(here.body + " Copyright Daily.", outlet="Daily")
    add_actor(republished, "Bashar al-Assad", ActorKind.PERSON)
    add_place(republished, DAMASCUS)
    add_claim(republished, "Officials insist Bashar al-Assad remains in Damascus today.")
    store.write([here, there, visiting, republished])
    # The republished copy is the same source: the conflict is still reported once.
    (conflict,) = [c for c in store.contradictions(ALL) if c["kind"] == "location"]
    assert conflict["subject"] == "Bashar al-Assad"
    assert {conflict["claim"]["place"], conflict["contradiction"]["place"]} == {
        "Damascus",
        "Tehran",
    }
    assert "anonymous" in {
        conflict["claim"]["source_type"],
        conflict["contradiction"]["source_type"],
    }


def test_store_flags_event_asserted_and_denied(store: SqlStore) -> None:
    denied = homs_attack(OTHER_STORY, outlet="Ministry")
    denied.events[0].status = EventStatus.NEGATED
    store.write([homs_attack(WIRE_STORY, outlet="Wire"), denied])
    (event,) = store.events(ALL)
    assert event["statuses"] == {"asserted": 1, "negated": 1}
    (conflict,) = [c for c in store.contradictions(ALL) if c["kind"] == "status"]
    assert {conflict["claim"]["outlet"], conflict["contradiction"]["outlet"]} == {
        "Wire",
        "Ministry",
    }


def test_store_migrations_are_recorded_once(store: SqlStore) -> None:
    assert migrate(store.database) == []
    rows = store.database.query("SELECT version FROM schema_migrations ORDER BY version")
    applied = [version for version, _ in migrations(store.database.dialect)]
    assert [row["version"] for row in rows] == applied
    assert [row["version"] for row in rows][:2] == ["001_initial", "002_event_report_claim"]


def test_store_upgrades_an_older_database_keeping_its_rows(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "old.duckdb")
    first_only = migrations("duckdb")[:1]
    monkeypatch.setattr(db, "migrations", lambda dialect: first_only)
    old = SqlStore(DuckDatabase(path))
    old.database.execute(
        "INSERT INTO errors (id, source, code, message, recorded_at) VALUES (?, ?, ?, ?, ?)",
        ("e1", "old.html", "binary", "not text", "2024-12-07T00:00:00+00:00"),
    )
    old.close()
    monkeypatch.undo()
    upgraded = open_store(path)
    try:
        assert [row["source"] for row in upgraded.errors(ALL)] == ["old.html"]
        assert upgraded.write([homs_attack(WIRE_STORY, outlet="Wire")]).stored == 1
        (claim,) = upgraded.claims(ALL)
        assert claim["sources"] == 1
    finally:
        upgraded.close()


def test_store_upgrade_moves_records_and_originals_into_payloads(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "old.duckdb")
    before_payloads = [m for m in migrations("duckdb") if m[0] < "006"]
    monkeypatch.setattr(db, "migrations", lambda dialect: before_payloads)
    old = SqlStore(DuckDatabase(path))
    record = {"id": "a1", "title": "Old", "body": "Stored before 006."}
    old.database.execute(
        "INSERT INTO articles (id, source, version, title, body, cluster_id, minhash, data,"
        " stored_at) VALUES ('a1', 'old.html', 1, 'Old', ?, 'a1', '[]', ?, '2024-12-07')",
        (record["body"], json.dumps(record)),
    )
    old.database.execute("INSERT INTO originals VALUES ('a1', '<p>Stored before 006.</p>')")
    old.close()
    monkeypatch.undo()
    upgraded = open_store(path)
    try:
        article = upgraded.article("a1")
        assert article is not None and article["body"] == "Stored before 006."
        assert upgraded.original("a1") == "<p>Stored before 006.</p>"
        assert "data" not in upgraded._columns("articles")
    finally:
        upgraded.close()


def test_large_parts_read_back_whole_from_chunks_or_the_pack(store: SqlStore) -> None:
    original = "".join(f"<p>{n} {n * n}</p>" for n in range(60_000))  # compresses past a chunk
    article = homs_attack(WIRE_STORY, outlet="Wire")
    article.original = original
    store.write([article])
    if store.database.pack is None:  # PostgreSQL: chunks short enough for a row each
        table, expected = "article_payloads", lambda n: n > 1
    else:  # DuckDB: one span of the file beside the store
        table, expected = "payload_spans", lambda n: n == 1
    rows = store.database.query(
        f"SELECT COUNT(*) AS n FROM {table} WHERE article_id = ? AND part = 'original'",
        (article.id,),
    )
    assert expected(rows[0]["n"])
    assert store.original(article.id) == original


def test_duckdb_pack_lies_beside_the_file_and_keeps_only_committed_bytes(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "store.duckdb"
    store = open_store(str(path))
    first = homs_attack(WIRE_STORY, outlet="Wire")
    first.original = "<p>first</p>"
    assert store.write([first]).stored == 1
    size = (tmp_path / "store.duckdb.payloads").stat().st_size
    assert size > 0

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    # A batch whose rows cannot be written: its bytes never reach the pack.
    second = homs_attack(WIRE_STORY.replace("Homs", "Hama"), outlet="Daily")
    monkeypatch.setattr(writer, "record_contradictions", refuse)
    report = store.write([second])
    monkeypatch.undo()
    assert report.stored == 0 and report.failed == 1
    assert (tmp_path / "store.duckdb.payloads").stat().st_size == size
    third = homs_attack(WIRE_STORY.replace("Homs", "Idlib"), outlet="Post")
    third.original = "<p>third</p>"
    assert store.write([third]).stored == 1
    store.close()
    reader = open_store(str(path), read_only=True)
    try:
        assert reader.original(first.id) == "<p>first</p>"
        assert reader.original(third.id) == "<p>third</p>"
    finally:
        reader.close()
    (tmp_path / "store.duckdb.payloads").unlink()  # copied without its pack: nothing to show
    reader = open_store(str(path), read_only=True)
    try:
        assert reader.original(first.id) is None
    finally:
        reader.close()


def test_duckdb_store_moves_its_chunks_into_the_pack(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "chunked.duckdb")
    chunked = SqlStore(DuckDatabase(path))
    article = homs_attack(WIRE_STORY, outlet="Wire")
    article.original = "".join(f"<p>{n} {n * n}</p>" for n in range(60_000))
    # As a store written before the pack held it: the parts as chunk rows.
    packed = zlib.compress(article.original.encode("utf-8"))
    with chunked.database.transaction():
        for row in chunk_rows(article.id, "original", packed):
            chunked.database.execute(
                "INSERT INTO article_payloads VALUES (?, ?, ?, ?)",
                (row["article_id"], row["part"], row["seq"], row["chunk"]),
            )
    chunked.close()
    upgraded = open_store(path)
    try:
        left = upgraded.database.query("SELECT COUNT(*) AS n FROM article_payloads")
        assert left[0]["n"] == 0
        assert upgraded.original(article.id) == article.original
    finally:
        upgraded.close()


def merged_picture(store: SqlStore) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    events = [(e["type"], e["place_id"], e["articles"], e["sources"]) for e in store.events(ALL)]
    actors = [(a["name"], a["kind"], a["articles"]) for a in store.actors(ALL)]
    return sorted(events), sorted(actors)


def test_store_one_batch_merges_as_one_write_per_article(store: SqlStore, tmp_path) -> None:  # type: ignore[no-untyped-def]
    def items() -> list[Article]:
        republished = WIRE_STORY.replace("residents said", "residents told reporters")
        first = homs_attack(WIRE_STORY, outlet="Wire", url="https://wire.example/homs")
        add_actor(first, "Bashar al-Assad", ActorKind.PERSON, aliases=("Assad",), country="SYR")
        second = homs_attack(republished + " Copyright Daily.", outlet="Daily")
        add_actor(second, "Assad", ActorKind.PERSON)
        update = homs_attack(WIRE_STORY + " Updated.", outlet="Wire", url=first.url)
        return [first, second, homs_attack(OTHER_STORY, outlet="Monitor"), update]

    store.write(items())
    one_by_one = open_store(str(tmp_path / "one-by-one.duckdb"))
    try:
        for item in items():
            one_by_one.write([item])
        assert merged_picture(store) == merged_picture(one_by_one)
        assert sorted(a["version"] for a in store.articles(ALL) if a["url"]) == [1, 2]
    finally:
        one_by_one.close()


def test_place_filter_matches_spellings_and_places_inside_a_country(store: SqlStore) -> None:
    item = homs_attack(WIRE_STORY + " Syria and Deir ez-Zor said nothing.", outlet="Wire")
    add_place(item, (163843, "Syria", 35.0, 38.0, "SY", "PCLI"))
    item.places[-1].precision = LocationPrecision.COUNTRY
    add_place(item, (170794, "Deir ez-Zor", 35.33588, 40.14084, "SY", "PPLA"))
    store.write([item, homs_attack(OTHER_STORY, outlet="Monitor")])

    def events_in(name: str) -> int:
        return len(store.events(QueryFilter(place=name)))

    assert events_in("Syria") == events_in("HOMS") == events_in(" homs") == 1
    assert events_in("Iran") == 0 and events_in("Hom") == 0
    in_syria = {row["name"] for row in store.places(QueryFilter(place="syria"))}
    assert in_syria == {"Syria", "Homs", "Deir ez-Zor"}
    assert [row["name"] for row in store.places(QueryFilter(place="Deir Ezzor"))] == ["Deir ez-Zor"]


def test_place_filter_reads_the_gazetteers_alternate_names_and_divisions(store: SqlStore) -> None:
    """GeoNames' other spellings name the same place, and a first-level division holds
    its towns; a name a country and a town share means the country."""
    item = homs_attack(WIRE_STORY + " Aleppo and Deir ez-Zor said nothing.", outlet="Wire")
    add_place(item, (170063, "Aleppo", 36.20124, 37.16117, "SY", "PPLA"))
    add_place(item, (170794, "Deir ez-Zor", 35.33588, 40.14084, "SY", "PPLA"))
    store.write([item])

    def places_in(name: str) -> set[str]:
        return {row["name"] for row in store.places(QueryFilter(place=name))}

    assert places_in("Halab") == {"Aleppo"}  # the governorate's name holds its capital
    assert places_in("Dayr az Zawr") == places_in("Deir al-Zor") == {"Deir ez-Zor"}
    assert places_in("Hims") == places_in("Homs Governorate") == {"Homs"}
    assert places_in("Homs") == {"Homs"} and places_in("Kyiv") == places_in("Kiev") == set()
    assert len(store.events(QueryFilter(place="Hims"))) == 1
    day = date(2024, 12, 31)
    assert store.control("Halab", day) == store.control("Nowhere", day) == []


def test_places_count_literal_mentions_apart_from_adjectival_ones(store: SqlStore) -> None:
    item = homs_attack(WIRE_STORY + " Iraqi militias left.", outlet="Wire")
    add_place(item, (99237, "Iraq", 33.0, 44.0, "IQ", "PCLI"), mention="Iraqi")
    item.places[-1].kind = PlaceKind.ADJECTIVAL
    store.write([item])
    counts = {
        row["name"]: (row["mentions"], row["literal_mentions"])
        for row in store.places(QueryFilter())
    }
    assert counts == {"Homs": (1, 1), "Iraq": (1, 0)}


def test_store_claims_search_their_text_and_page_newest_first(store: SqlStore) -> None:
    older = article("TEST DATA. Talks were held in Geneva.", published="2024-12-01")
    add_claim(older, "Talks were held in Geneva.")
    newer = article("TEST DATA. Shelling hit 50% of Homs_east.", published="2024-12-05")
    add_claim(newer, "Shelling hit 50% of Homs_east.")
    store.write([older, newer])

    def texts(**wanted: object) -> list[str]:
        return [c["text"] for c in store.claims(QueryFilter(limit=1000, **wanted))]  # type: ignore[arg-type]

    assert texts(text="GENEVA") == ["Talks were held in Geneva."]
    # % and _ are matched as written, not as wildcards.
    assert texts(text="50%") == ["Shelling hit 50% of Homs_east."]
    assert texts(text="s_e") == ["Shelling hit 50% of Homs_east."]
    assert texts(text="0%o") == []
    assert texts(text="held%Geneva") == []
    assert texts(newest_first=True) == [
        "Shelling hit 50% of Homs_east.",
        "Talks were held in Geneva.",
    ]
    first = store.claims(QueryFilter(limit=1, newest_first=True))
    second = store.claims(QueryFilter(limit=1, newest_first=True, after=first.next))
    assert [c["text"] for c in [*first, *second]] == texts(newest_first=True)


def test_actors_most_mentioned_first_page_by_page(store: SqlStore) -> None:
    store.write(contradiction_fixture())
    by_name = store.actors(QueryFilter(limit=1000))
    ranked: list[dict] = []  # type: ignore[type-arg]
    after = None
    while True:
        rows = store.actors(QueryFilter(most_mentioned=True, limit=2, after=after))
        ranked.extend(rows)
        if not rows.next:
            break
        after = rows.next
    mentions = [row["mentions"] for row in ranked]
    assert len(set(mentions)) > 1 and mentions == sorted(mentions, reverse=True)
    assert sorted(row["id"] for row in ranked) == sorted(row["id"] for row in by_name)
    assert all("ranked" not in row for row in ranked)


def test_store_report_naming_no_actor_joins_an_actors_event_only_through_its_target(
    store: SqlStore,
) -> None:
    """A negated report that names no actor ("nobody is going to fight") is not the
    rebels' attack of that week in that city; one naming the attack's target is."""
    attack = article("TEST DATA. Rebels attacked the army in Homs on Saturday.", outlet="Wire")
    rebels = add_actor(attack, "Syrian rebels", mention="Rebels", aliases=("rebels",))
    army = add_actor(attack, "army", mention="army")
    homs = add_place(attack, HOMS)
    add_event(attack, "Rebels attacked the army in Homs on Saturday.", actor_id=rebels,
              target_id=army, place_id=homs, day="2024-12-07")  # fmt: skip
    attacked = article("TEST DATA. The army came under attack in Homs.", outlet="Monitor")
    army = add_actor(attacked, "army", mention="army")
    homs = add_place(attacked, HOMS)
    add_event(attacked, "The army came under attack in Homs.", target_id=army, place_id=homs)
    nobody = article("TEST DATA. Nobody is going to fight in Homs, she said.", outlet="Daily")
    homs = add_place(nobody, HOMS)
    add_event(nobody, "Nobody is going to fight in Homs, she said.", place_id=homs,
              status=EventStatus.NEGATED)  # fmt: skip
    store.write([attack, attacked, nobody])
    events = sorted(store.events(ALL), key=lambda e: -e["reports"])
    assert [(e["reports"], e["statuses"]) for e in events] == [
        (2, {"asserted": 2}),
        (1, {"negated": 1}),
    ]
    assert not [c for c in store.contradictions(ALL) if c["kind"] == "status"]

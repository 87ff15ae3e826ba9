"""Writes the database refuses (a full disk) are counted, and a later store clears them."""

from __future__ import annotations

import errno

import pytest
from store_builders import OTHER_STORY, WIRE_STORY, add_actor, article, homs_attack

from sitrep.errors import ErrorCode
from sitrep.records import Article, DocumentError
from sitrep.store import writer
from sitrep.store.api import QueryFilter
from sitrep.store.sql_store import SqlStore

ALL = QueryFilter(limit=1000)


def fail_to_write(monkeypatch: pytest.MonkeyPatch, doomed: set[str]) -> None:
    """Make storing the articles in `doomed` raise as a full disk would."""
    add_control_changes = writer._add_control_changes

    def full_disk(pending: object, item: Article, *args: object) -> None:
        if item.id in doomed:
            raise OSError(errno.ENOSPC, "No space left on device")
        add_control_changes(pending, item, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(writer, "_add_control_changes", full_disk)


def test_store_write_failure_is_counted_and_cleared_when_stored_later(
    store: SqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    doomed = homs_attack(WIRE_STORY, outlet="Wire")
    fine = homs_attack(OTHER_STORY, outlet="Monitor")
    unfit = DocumentError("menu.html", ErrorCode.NO_ARTICLE, "navigation only", "menu")
    fail_to_write(monkeypatch, {doomed.id})
    report = store.write([doomed, fine, unfit])
    assert (report.stored, report.errors, report.failed) == (1, 2, 1)
    assert {e["code"] for e in store.errors(ALL)} == {"processing_failed", "no_article"}
    monkeypatch.undo()
    again = store.write([doomed, fine])
    assert (again.stored, again.skipped, again.failed) == (1, 1, 0)
    assert [e["code"] for e in store.errors(ALL)] == ["no_article"]


def test_store_error_of_a_source_is_cleared_when_that_source_is_stored(store: SqlStore) -> None:
    page = article("Rebels entered the city of Homs on Saturday, residents said.", url=None)
    store.write([DocumentError(page.source, ErrorCode.NOT_FOUND, "cannot open: gone")])
    assert len(store.errors(ALL)) == 1
    assert store.write([page]).stored == 1
    assert store.errors(ALL) == []


def test_store_actors_of_a_batch_that_rolled_back_are_written_by_the_next(
    store: SqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A single writer keeps its actor book between batches: the book must not remember an
    # actor whose batch never committed, or the next article naming it would skip its row.
    doomed = homs_attack(WIRE_STORY, outlet="Wire")
    add_actor(doomed, "Hayat Tahrir al-Sham", mention="monitoring group")
    fail_to_write(monkeypatch, {doomed.id})
    assert store.write([doomed]).failed == 1
    monkeypatch.undo()
    later = homs_attack(OTHER_STORY, outlet="Monitor")
    add_actor(later, "Hayat Tahrir al-Sham", mention="monitoring group")
    assert store.write([later]).stored == 1
    names = {row["name"] for row in store.actors(ALL)}
    assert {"Syrian rebels", "Hayat Tahrir al-Sham"} <= names
    assert store.write([doomed]).stored == 1
    named = [row for row in store.actors(ALL) if row["name"] == "Hayat Tahrir al-Sham"]
    assert len(named) == 1

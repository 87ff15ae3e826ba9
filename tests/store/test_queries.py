"""Each read's rows are exactly its typed row: the one description the API's responses
use (`sitrep.store.queries`), checked on both databases against what the SQL returns."""

from __future__ import annotations

import typing
from datetime import date
from typing import Any

import pytest
from store_builders import article, contradiction_fixture, span

from sitrep.records import DocumentError, Quote
from sitrep.store.api import QueryFilter
from sitrep.store.queries.actors import ActorRow
from sitrep.store.queries.articles import ArticleRow
from sitrep.store.queries.claims import ClaimRow
from sitrep.store.queries.contradictions import ContradictionRow
from sitrep.store.queries.control import ControlChangeRow, HolderClaim, HoldingRow
from sitrep.store.queries.counts import Counts, DayCounts
from sitrep.store.queries.errors import ErrorRow
from sitrep.store.queries.events import EventRow, EvidenceRow
from sitrep.store.queries.places import PlaceRow
from sitrep.store.queries.quotes import QuoteRow
from sitrep.store.queries.sql import bind
from sitrep.store.sql_store import SqlStore

LISTINGS = (
    ("articles", ArticleRow),
    ("actors", ActorRow),
    ("places", PlaceRow),
    ("events", EventRow),
    ("claims", ClaimRow),
    ("control_changes", ControlChangeRow),
    ("contradictions", ContradictionRow),
    ("errors", ErrorRow),
)


def _keys(row_type: Any) -> set[str]:
    return set(typing.get_type_hints(row_type))


@pytest.fixture
def filled(store: SqlStore) -> SqlStore:
    store.write([*contradiction_fixture(), DocumentError("bad.html", "no_article", "empty")])
    return store


@pytest.mark.parametrize(("listing", "row_type"), LISTINGS)
def test_every_row_of_a_listing_has_exactly_its_typed_fields(
    filled: SqlStore, listing: str, row_type: Any
) -> None:
    rows = getattr(filled, listing)(QueryFilter(limit=1000))
    assert rows, listing
    for row in rows:
        assert set(row) == _keys(row_type), listing


def test_nested_rows_have_exactly_their_typed_fields(filled: SqlStore) -> None:
    evidence = [report for event in filled.events(QueryFilter()) for report in event["evidence"]]
    assert evidence and all(set(report) == _keys(EvidenceRow) for report in evidence)
    places = filled.control(None, date(2024, 12, 31))
    assert places and all(set(place) == _keys(HoldingRow) for place in places)
    sides = [side for place in places for side in place["claims"]]
    assert sides and all(set(side) == _keys(HolderClaim) for side in sides)
    counts = filled.counts(QueryFilter())
    assert set(counts) == _keys(Counts)
    assert counts["days"] and all(set(day) == _keys(DayCounts) for day in counts["days"])


def test_quotes_rows_have_exactly_their_typed_fields(store: SqlStore) -> None:
    item = article('TEST DATA. "We hold the city," a commander said.')
    words = span(item, '"We hold the city,"')
    item.quotes.append(
        Quote(words.text, words.start, words.end, True, "a commander", None, None, words)
    )
    store.write([item])
    rows = store.quotes(QueryFilter())
    assert rows and all(set(row) == _keys(QuoteRow) for row in rows)


def test_bind_lists_each_named_value_where_it_appears() -> None:
    sql, params = bind(
        "SELECT 1 FROM t WHERE (a = :actor OR b = :actor) AND d <= :day AND x::TEXT = y",
        {"actor": "k", "day": "2024-12-07"},
    )
    assert sql == "SELECT 1 FROM t WHERE (a = ? OR b = ?) AND d <= ? AND x::TEXT = y"
    assert params == ["k", "k", "2024-12-07"]
    with pytest.raises(KeyError, match="place"):
        bind("SELECT :place", {})

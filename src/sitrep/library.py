"""sitrep as a library: read, analyse, ingest and query from Python.

Every query takes the CLI's filters as keyword arguments and returns a pandas DataFrame
(one row per record, the API's fields as columns); `limit=None` returns every match.
Date columns are pandas datetimes: days (`date_start`, `date_end`, `date`, `since`) as
naive midnights, moments (`published`, `recorded_at`) in UTC; a missing date is NaT.
Integer columns that may be missing (`fatalities`, `geonames_id`) are pandas' nullable
`Int64`, not floats.

    import sitrep
    sitrep.ingest(["pages/"], db="crisis.duckdb")
    events = sitrep.events(db="crisis.duckdb", event_type="ASSAULT", place="Homs")

Analysis takes a `sitrep.Settings` (model, stages, event classifier, ...), as the CLI's
options build it: `sitrep.analyse(paths, settings=Settings(classifier="sitrep.events.model.v1"))`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from sitrep.records import Article, DocumentError
from sitrep.settings import DEFAULT_SETTINGS, Settings
from sitrep.store import DEFAULT_DB, open_reader
from sitrep.store.api import IngestReport, QueryFilter, Row

if TYPE_CHECKING:
    import pandas

# Rows asked of the store per call when every match is wanted.
PAGE = 1000
# The API's date columns: a day ("2024-12-07") or a moment with its UTC offset.
DAY_COLUMNS = ("date_start", "date_end", "date", "since")
MOMENT_COLUMNS = ("published", "recorded_at")


def read_articles(
    paths: Iterable[str], *, settings: Settings = DEFAULT_SETTINGS
) -> Iterator[Article | DocumentError]:
    """Each input as a clean `Article`, or a `DocumentError` saying why it could not be read."""
    from sitrep.read import read_paths

    return read_paths(paths, max_bytes=settings.max_bytes)


def analyse(
    paths: Iterable[str],
    *,
    workers: int | None = 1,
    settings: Settings = DEFAULT_SETTINGS,
    engine: str = "local",
) -> Iterator[Article | DocumentError]:
    """Read every input and run the stages `settings` name (all, by default), as `sitrep
    ingest` does before it stores: a document that fails is a `DocumentError`, and the rest
    go on."""
    from sitrep.pipeline import process_paths

    return process_paths(paths, settings=settings, workers=workers, engine=engine)


def ingest(
    paths: list[str],
    db: str = DEFAULT_DB,
    *,
    workers: int | None = 1,
    settings: Settings = DEFAULT_SETTINGS,
    engine: str = "local",
) -> IngestReport:
    """Analyse and store `paths` into `db` (a DuckDB file or a postgresql:// URL)."""
    from sitrep.pipeline import ingest as ingest_paths

    return ingest_paths(paths, db, settings=settings, workers=workers, engine=engine)


def fetch(
    method: Callable[[QueryFilter], Sequence[Mapping[str, Any]]], query: QueryFilter, *, every: bool
) -> tuple[list[Row], bool]:
    """The rows a query returns (as plain dicts), and whether more match than `query.limit`.

    With `every`, all matching rows, asked for a keyset page at a time (each page's `next`
    cursor asks for the one after it).
    """
    if not every:
        page = method(query)
        return [dict(row) for row in page], getattr(page, "next", None) is not None
    rows: list[Row] = []
    query.limit = PAGE
    while True:
        page = method(query)
        rows.extend(dict(row) for row in page)
        query.after = getattr(page, "next", None)
        if query.after is None:
            return rows, False


def _query(kind: str, db: str, limit: int | None, filters: dict[str, Any]) -> pandas.DataFrame:
    store = open_reader(db)
    try:
        query = QueryFilter(**filters, limit=limit or PAGE)
        rows, _ = fetch(getattr(store, kind), query, every=limit is None)
    finally:
        store.close()
    return _frame(rows)


def _frame(rows: Sequence[Mapping[str, Any]]) -> pandas.DataFrame:
    """The rows as a DataFrame, date columns as datetimes (the API writes them as text)."""
    import pandas

    frame = pandas.DataFrame.from_records(rows)
    for column in frame.columns:
        values = [row[column] for row in rows if row.get(column) is not None]
        # pandas makes an integer column with a missing value floats: 3 becomes 3.0.
        if values and all(type(v) is int for v in values) and len(values) < len(rows):
            frame[column] = frame[column].astype("Int64")
    for column in frame.columns.intersection(DAY_COLUMNS):
        frame[column] = pandas.to_datetime(frame[column], format="ISO8601")
    for column in frame.columns.intersection(MOMENT_COLUMNS):
        frame[column] = pandas.to_datetime(frame[column], format="ISO8601", utc=True)
    return frame


def events(db: str = DEFAULT_DB, *, limit: int | None = None, **filters: Any) -> pandas.DataFrame:
    """Merged events. Filters: date_from, date_to, actor, place, event_type, source_type."""
    return _query("events", db, limit, filters)


def claims(db: str = DEFAULT_DB, *, limit: int | None = None, **filters: Any) -> pandas.DataFrame:
    """Claims with their source and certainty. Filters as `events`."""
    return _query("claims", db, limit, filters)


def quotes(db: str = DEFAULT_DB, *, limit: int | None = None, **filters: Any) -> pandas.DataFrame:
    """Quotes with their speakers. Filters as `events`."""
    return _query("quotes", db, limit, filters)


def actors(db: str = DEFAULT_DB, *, limit: int | None = None, **filters: Any) -> pandas.DataFrame:
    """Canonical actors merged across articles. Filter: actor."""
    return _query("actors", db, limit, filters)


def places(db: str = DEFAULT_DB, *, limit: int | None = None, **filters: Any) -> pandas.DataFrame:
    """Places resolved to GeoNames, most mentioned first. Filter: place."""
    return _query("places", db, limit, filters)


def articles(db: str = DEFAULT_DB, *, limit: int | None = None, **filters: Any) -> pandas.DataFrame:
    """Stored articles (without bodies). Filters as `events`."""
    return _query("articles", db, limit, filters)


def contradictions(
    db: str = DEFAULT_DB, *, limit: int | None = None, **filters: Any
) -> pandas.DataFrame:
    """Claims that cannot both hold, with both sides. Filters: actor, place."""
    return _query("contradictions", db, limit, filters)


def document_errors(db: str = DEFAULT_DB, *, limit: int | None = None) -> pandas.DataFrame:
    """Documents that could not be processed, and why."""
    return _query("errors", db, limit, {})


def control(place: str, on: date | None = None, db: str = DEFAULT_DB) -> pandas.DataFrame:
    """Who held `place` on the day `on` (default today): its holder, or contested with
    every side and its sources; one row per place of that name."""
    store = open_reader(db)
    try:
        day = on or date.today()
        rows, _ = fetch(partial(store.control, place, day), QueryFilter(), every=True)
    finally:
        store.close()
    return _frame(rows)

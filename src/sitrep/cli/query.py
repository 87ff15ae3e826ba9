"""`sitrep events|actors|claims|control|contradictions|errors`: query a stored picture."""

from __future__ import annotations

import json
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from sitrep.cli._app import app
from sitrep.cli.ingest import DbOption
from sitrep.store import DEFAULT_DB, open_store
from sitrep.store.api import QueryFilter, Row


class Output(StrEnum):
    TABLE = "table"
    JSON = "json"


FromOption = Annotated[
    datetime | None, typer.Option("--from", help="Earliest day.", formats=["%Y-%m-%d"])
]
ToOption = Annotated[
    datetime | None, typer.Option("--to", help="Latest day.", formats=["%Y-%m-%d"])
]
ActorOption = Annotated[str | None, typer.Option(help="Actor name or alias.")]
PlaceOption = Annotated[str | None, typer.Option(help="Place name.")]
TypeOption = Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. ASSAULT.")]
SourceOption = Annotated[
    str | None, typer.Option("--source-type", help="named_person, anonymous, outlet, ...")
]
LimitOption = Annotated[int, typer.Option(help="At most this many rows.")]
FormatOption = Annotated[Output, typer.Option("--format", help="table or json (one per line).")]

COLUMNS = {
    "events": ("date_start", "type", "status", "actor", "target", "place", "sources", "reports"),
    "actors": ("name", "kind", "sector", "country", "articles", "mentions"),
    "claims": ("date_start", "source_type", "source_name", "certainty", "text"),
    "control": ("place", "holder", "since", "from_actor", "partial", "outlet", "evidence"),
    "contradictions": ("kind", "subject", "date", "claim", "contradiction"),
    "errors": ("recorded_at", "code", "source", "message"),
}


def _filter(
    date_from: datetime | None = None,
    date_to: datetime | None = None,
    actor: str | None = None,
    place: str | None = None,
    event_type: str | None = None,
    source_type: str | None = None,
    limit: int = 100,
) -> QueryFilter:
    return QueryFilter(
        date_from=date_from.date() if date_from else None,
        date_to=date_to.date() if date_to else None,
        actor=actor,
        place=place,
        event_type=event_type,
        source_type=source_type,
        limit=limit,
    )


def show(rows: list[Row], kind: str, output: Output) -> None:
    """Print rows as JSON lines or as a table of the kind's main columns."""
    if output is Output.JSON:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False, default=str))
        return
    table = Table(*COLUMNS[kind], title=f"{len(rows)} {kind}")
    for row in rows:
        table.add_row(*(_cell(row.get(column)) for column in COLUMNS[kind]))
    Console().print(table)


def _cell(value: Any) -> Text:
    """A table cell as plain text: stored strings may hold rich markup like "[/path]"."""
    if isinstance(value, dict):  # one side of a contradiction
        return Text(f"{value.get('text', '')} [{value.get('outlet') or value.get('source')}]")
    return Text("" if value is None else str(value))


def run_query(db: str, kind: str, method: str, query: QueryFilter, output: Output) -> None:
    store = open_store(db, read_only=not db.startswith("postgres") and db != ":memory:")
    try:
        show(getattr(store, method)(query), kind, output)
    finally:
        store.close()


@app.command("events")
def events_cli(
    db: DbOption = DEFAULT_DB,
    date_from: FromOption = None,
    date_to: ToOption = None,
    actor: ActorOption = None,
    place: PlaceOption = None,
    event_type: TypeOption = None,
    source_type: SourceOption = None,
    limit: LimitOption = 100,
    output: FormatOption = Output.TABLE,
) -> None:
    """Merged events, with how many independent sources report each."""
    query = _filter(date_from, date_to, actor, place, event_type, source_type, limit)
    run_query(db, "events", "events", query, output)


@app.command("actors")
def actors_cli(
    db: DbOption = DEFAULT_DB,
    actor: ActorOption = None,
    limit: LimitOption = 100,
    output: FormatOption = Output.TABLE,
) -> None:
    """Canonical actors merged across articles."""
    run_query(db, "actors", "actors", _filter(actor=actor, limit=limit), output)


@app.command("claims")
def claims_cli(
    db: DbOption = DEFAULT_DB,
    date_from: FromOption = None,
    date_to: ToOption = None,
    actor: ActorOption = None,
    place: PlaceOption = None,
    source_type: SourceOption = None,
    limit: LimitOption = 100,
    output: FormatOption = Output.TABLE,
) -> None:
    """Claims with who vouches for them and how certain they are."""
    query = _filter(date_from, date_to, actor, place, None, source_type, limit)
    run_query(db, "claims", "claims", query, output)


@app.command("control")
def control_cli(
    place: Annotated[str, typer.Argument(help="Place name, e.g. Homs.")],
    on: Annotated[
        datetime | None, typer.Option(help="The day (default today).", formats=["%Y-%m-%d"])
    ] = None,
    db: DbOption = DEFAULT_DB,
    limit: LimitOption = 100,
    output: FormatOption = Output.TABLE,
) -> None:
    """Who held PLACE on a day, per which sources: every report of its latest reported day."""
    store = open_store(db, read_only=not db.startswith("postgres"))
    try:
        day = on.date() if on else date.today()
        show(store.control(place, day, QueryFilter(limit=limit)), "control", output)
    finally:
        store.close()


@app.command("contradictions")
def contradictions_cli(
    db: DbOption = DEFAULT_DB,
    actor: ActorOption = None,
    place: PlaceOption = None,
    limit: LimitOption = 100,
    output: FormatOption = Output.TABLE,
) -> None:
    """Claims that cannot both hold, with both sides' sources."""
    query = _filter(actor=actor, place=place, limit=limit)
    run_query(db, "contradictions", "contradictions", query, output)


@app.command("errors")
def errors_cli(
    db: DbOption = DEFAULT_DB,
    limit: LimitOption = 100,
    output: FormatOption = Output.TABLE,
) -> None:
    """Documents that could not be processed, and why."""
    run_query(db, "errors", "errors", _filter(limit=limit), output)

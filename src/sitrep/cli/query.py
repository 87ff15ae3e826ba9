"""`sitrep events|actors|claims|control|contradictions|errors`: query a stored picture."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import partial
from typing import Annotated, Any

import typer

from sitrep.cli._app import app
from sitrep.cli.options import (
    ActorOption,
    DbOption,
    FromOption,
    OnOption,
    PlaceOption,
    SourceOption,
    ToOption,
    TypeOption,
    format_option,
    query_filter,
)
from sitrep.cli.output import Output, notice, write_rows
from sitrep.cli.stores import open_for_reading
from sitrep.library import fetch
from sitrep.store import DEFAULT_DB
from sitrep.store.api import QueryFilter

DEFAULT_LIMIT = 100

LimitOption = Annotated[
    int, typer.Option(min=1, metavar="N", help="Show at most N rows (see --all).")
]
AllOption = Annotated[bool, typer.Option("--all", help="Show every matching row.")]
NewestOption = Annotated[
    bool, typer.Option("--newest", help="The latest day first, as the page lists them.")
]
FormatOption = Annotated[
    Output,
    format_option(
        Output, "table (fits a terminal; laid out in full when piped), csv, tsv, json, jsonl."
    ),
]

# What a table shows of each side of a contradiction (the rest is in json/jsonl).
SIDE_FIELDS = ("status", "text", "source_name", "outlet")
COLUMNS = {
    "events": ("date_start", "type", "status", "actor", "target", "place", "sources", "reports"),
    "actors": ("name", "kind", "sector", "country", "articles", "mentions"),
    "places": ("name", "precision", "country", "latitude", "longitude", "geonames_id", "mentions"),
    "claims": ("date_start", "source_type", "source_name", "certainty", "text"),
    "control": (
        "place",
        "holder",
        "contested",
        "since",
        "previous_holder",
        "partial",
        "sources",
        "claimed_by",
    ),
    "contradictions": (
        "kind",
        "subject",
        "date",
        *(f"{side}.{name}" for side in ("claim", "contradiction") for name in SIDE_FIELDS),
    ),
    "errors": ("recorded_at", "code", "source", "message"),
}


def run_query(
    db: str, kind: str, query: QueryFilter, output: Output, *, every: bool = False
) -> None:
    store = open_for_reading(db)
    try:
        if every:
            rows, more, total = *fetch(getattr(store, kind), query, every=True), None
        else:  # one page, and how many match in all when it does not hold them
            page = getattr(store, kind)(replace(query, count_all=True))
            rows, total = [dict(row) for row in page], page.total
            more = page.next is not None and (total is None or total > len(rows))
    finally:
        store.close()
    show(rows, kind, output, more=more, total=total)


def show(
    rows: Sequence[Mapping[str, Any]],
    kind: str,
    output: Output,
    *,
    more: bool = False,
    total: int | None = None,
) -> None:
    shown = f"{len(rows)} of {total}" if total is not None else f"the first {len(rows)}"
    title = f"{shown} {kind}" if more else f"{len(rows)} {kind}"
    if kind == "control" and output not in (Output.JSON, Output.JSONL):
        rows = [{**row, "claimed_by": claimed_by(row["claims"])} for row in rows]
    write_rows(rows, COLUMNS[kind], output, title=title)
    if more:
        notice(f"showing {shown} {kind}; raise --limit or use --all")


def claimed_by(claims: Sequence[Mapping[str, Any]]) -> str:
    """A place's sides as one line of text for tables and csv/tsv ("Rebels: Reuters, BBC;
    Army: SANA"), not their records as JSON in a cell; json/jsonl keep the records."""
    return "; ".join(
        f"{claim['holder'] or 'no holder named'}: {', '.join(claim['outlets'])}"
        if claim["outlets"]
        else claim["holder"] or "no holder named"
        for claim in claims
    )


@app.command("events")
def events_cli(
    db: DbOption = DEFAULT_DB,
    date_from: FromOption = None,
    date_to: ToOption = None,
    actor: ActorOption = None,
    place: PlaceOption = None,
    event_type: TypeOption = None,
    source_type: SourceOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
    every: AllOption = False,
    newest: NewestOption = False,
    output: FormatOption = Output.TABLE,
) -> None:
    """Merged events, with how many independent sources report each, oldest day first.

    Example: sitrep events --type ASSAULT --place Homs --from 2024-12-01 --format csv
    """
    query = query_filter(date_from, date_to, actor, place, event_type, source_type, limit)
    run_query(db, "events", replace(query, newest_first=newest), output, every=every)


@app.command("actors")
def actors_cli(
    db: DbOption = DEFAULT_DB,
    actor: ActorOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
    every: AllOption = False,
    output: FormatOption = Output.TABLE,
) -> None:
    """Canonical actors merged across articles.

    Example: sitrep actors --actor assad --format json
    """
    run_query(db, "actors", query_filter(actor=actor, limit=limit), output, every=every)


@app.command("places")
def places_cli(
    db: DbOption = DEFAULT_DB,
    place: PlaceOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
    every: AllOption = False,
    output: FormatOption = Output.TABLE,
) -> None:
    """Places the articles name, resolved to GeoNames, most mentioned first.

    Example: sitrep places --format csv > places.csv
    """
    run_query(db, "places", query_filter(place=place, limit=limit), output, every=every)


@app.command("claims")
def claims_cli(
    db: DbOption = DEFAULT_DB,
    date_from: FromOption = None,
    date_to: ToOption = None,
    actor: ActorOption = None,
    place: PlaceOption = None,
    source_type: SourceOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
    every: AllOption = False,
    newest: NewestOption = False,
    output: FormatOption = Output.TABLE,
) -> None:
    """Claims with who vouches for them and how certain they are, oldest day first.

    Example: sitrep claims --source-type anonymous --newest --format tsv
    """
    query = query_filter(date_from, date_to, actor, place, None, source_type, limit)
    run_query(db, "claims", replace(query, newest_first=newest), output, every=every)


@app.command("control")
def control_cli(
    place: Annotated[str, typer.Argument(metavar="PLACE", help="Place name, e.g. Homs.")],
    on: OnOption = None,
    db: DbOption = DEFAULT_DB,
    limit: LimitOption = DEFAULT_LIMIT,
    every: AllOption = False,
    output: FormatOption = Output.TABLE,
) -> None:
    """Who held PLACE on a day, per which sources (contested when they disagree). A country
    or province includes the places inside it.

    Example: sitrep control Homs --on 2024-12-07
    """
    store = open_for_reading(db)
    try:
        known = store.places(QueryFilter(place=place, limit=1))
        day = on.date() if on else date.today()
        rows, more = (
            fetch(partial(store.control, place, day), QueryFilter(limit=limit), every=every)
            if known
            else ([], False)
        )
    finally:
        store.close()
    if not known:
        typer.echo(f"error: no stored place is named {place!r} (see: sitrep places)", err=True)
        raise typer.Exit(1)
    show(rows, "control", output, more=more)


@app.command("contradictions")
def contradictions_cli(
    db: DbOption = DEFAULT_DB,
    actor: ActorOption = None,
    place: PlaceOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
    every: AllOption = False,
    output: FormatOption = Output.TABLE,
) -> None:
    """Claims that cannot both hold, with both sides' sources.

    Example: sitrep contradictions --place Homs
    """
    query = query_filter(actor=actor, place=place, limit=limit)
    run_query(db, "contradictions", query, output, every=every)


@app.command("errors")
def errors_cli(
    db: DbOption = DEFAULT_DB,
    limit: LimitOption = DEFAULT_LIMIT,
    every: AllOption = False,
    output: FormatOption = Output.TABLE,
) -> None:
    """Documents that could not be processed, and why.

    Example: sitrep errors --format csv > errors.csv
    """
    run_query(db, "errors", query_filter(limit=limit), output, every=every)

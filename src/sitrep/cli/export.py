"""`sitrep export`: merged events as JSON lines, GDELT- or ACLED-shaped CSV, or GeoJSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from sitrep.cli._app import app
from sitrep.cli.ingest import DbOption
from sitrep.cli.query import (
    ActorOption,
    FromOption,
    PlaceOption,
    SourceOption,
    ToOption,
    TypeOption,
    _filter,
)
from sitrep.store import DEFAULT_DB, open_store
from sitrep.store.export import ExportFormat, export

EVERYTHING = 1_000_000_000


@app.command("export")
def export_cli(
    export_format: Annotated[ExportFormat, typer.Option("--format", help="Output format.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default stdout).")
    ] = None,
    db: DbOption = DEFAULT_DB,
    date_from: FromOption = None,
    date_to: ToOption = None,
    actor: ActorOption = None,
    place: PlaceOption = None,
    event_type: TypeOption = None,
    source_type: SourceOption = None,
) -> None:
    """Export merged events. Example: sitrep export --format csv-acled -o events.csv"""
    query = _filter(date_from, date_to, actor, place, event_type, source_type, EVERYTHING)
    store = open_store(db, read_only=not db.startswith("postgres"))
    try:
        if output is None:
            count = export(store, export_format, sys.stdout, query)
        else:
            with output.open("w", encoding="utf-8", newline="") as handle:
                count = export(store, export_format, handle, query)
    finally:
        store.close()
    print(f"exported {count} events", file=sys.stderr)

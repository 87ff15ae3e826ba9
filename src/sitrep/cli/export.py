"""`sitrep export`: merged events as JSON lines, GDELT- or ACLED-shaped CSV, GeoJSON, or a
format a plugin registers (`sitrep.store.export.EXPORTERS`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from sitrep.cli._app import app
from sitrep.cli.options import (
    ActorOption,
    DbOption,
    FromOption,
    PlaceOption,
    PluginOption,
    SourceOption,
    ToOption,
    TypeOption,
    query_filter,
)
from sitrep.cli.output import notice
from sitrep.cli.stores import open_for_reading
from sitrep.registry import import_plugins
from sitrep.store import DEFAULT_DB
from sitrep.store.export import EXPORTERS, export

EVERYTHING = 1_000_000_000


@app.command("export")
def export_cli(
    export_format: Annotated[
        str, typer.Option("--format", metavar="FORMAT", help="Output format (see below).")
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="File to write (default stdout)."),
    ] = None,
    db: DbOption = DEFAULT_DB,
    date_from: FromOption = None,
    date_to: ToOption = None,
    actor: ActorOption = None,
    place: PlaceOption = None,
    event_type: TypeOption = None,
    source_type: SourceOption = None,
    include_unasserted: Annotated[
        bool,
        typer.Option(
            "--include-unasserted",
            help="Also export negated, hypothetical and proposed events (rows say their status).",
        ),
    ] = False,
    plugins: PluginOption = None,
) -> None:
    """Export merged events: asserted ones only, unless --include-unasserted.

    Formats: jsonl, csv-gdelt (GDELT 2.0 columns with a header and a status column), tsv-gdelt
    (raw GDELT 2.0: tab-separated, no header), csv-acled, geojson (events with a location),
    and any format an installed plugin or a --plugin module registers.

    csv-acled leaves out the types ACLED codes no event for and events placed in no country.
    Columns that may be blank (ACLED inter1 with an actor of unknown type) and CAMEO codes
    ("020") keep their published types when read with
    pd.read_csv(FILE, dtype=sitrep.store.export.READ_DTYPES["csv-acled"]) (or "csv-gdelt";
    "tsv-gdelt" also with sep="\\t", header=None, names=GDELT_COLUMNS).

    Example: sitrep export --format csv-acled -o events.csv
    """
    import_plugins(tuple(plugins or ()))
    if export_format not in EXPORTERS:
        known = ", ".join(EXPORTERS.names())
        raise typer.BadParameter(f"{export_format!r}: use one of {known}", param_hint="--format")
    query = query_filter(date_from, date_to, actor, place, event_type, source_type, EVERYTHING)
    store = open_for_reading(db)
    try:
        if output is None:
            count = export(
                store, export_format, sys.stdout, query, include_unasserted=include_unasserted
            )
        else:
            with output.open("w", encoding="utf-8", newline="") as handle:
                count = export(
                    store, export_format, handle, query, include_unasserted=include_unasserted
                )
    finally:
        store.close()
    notice(f"exported {count} events")

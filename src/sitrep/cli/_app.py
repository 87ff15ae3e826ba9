"""The typer application every command module registers on."""

from __future__ import annotations

from typing import Annotated

import typer

from sitrep.read.decode import DEFAULT_MAX_BYTES

MEGABYTE = 1024 * 1024
# The byte cap every command that reads inputs takes (`sitrep read`, `sitrep ingest`).
MaxMbOption = Annotated[
    int,
    typer.Option("--max-mb", help="Reject documents larger than this (MB, after decompression)."),
]
DEFAULT_MAX_MB = DEFAULT_MAX_BYTES // MEGABYTE

app = typer.Typer(
    name="sitrep",
    help="Turn raw news pages into a sourced, geolocated, queryable situation picture.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Turn raw news pages into a sourced, geolocated, queryable situation picture."""

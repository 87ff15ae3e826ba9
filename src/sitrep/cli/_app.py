"""The typer application every command module registers on."""

from __future__ import annotations

import typer

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

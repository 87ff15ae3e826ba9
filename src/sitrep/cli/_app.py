"""The typer application every command module registers on, with the options all commands share."""

from __future__ import annotations

import logging
from typing import Annotated

import typer

from sitrep import __version__

app = typer.Typer(
    name="sitrep",
    help="Turn raw news pages into a sourced, geolocated, queryable situation picture.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

# -v: what sitrep is doing; -vv: its queries and timings too. -q: errors only.
_LEVELS = {0: logging.WARNING, 1: logging.INFO}


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"sitrep {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    verbose: Annotated[
        int, typer.Option("--verbose", "-v", count=True, help="Say more (-vv: debug).")
    ] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only.")] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    """Turn raw news pages into a sourced, geolocated, queryable situation picture.

    Example: sitrep ingest pages/ --db sitrep.duckdb && sitrep events --db sitrep.duckdb
    """
    level = logging.ERROR if quiet else _LEVELS.get(verbose, logging.DEBUG)
    configure_logging(level)


def configure_logging(level: int) -> None:
    """sitrep's log lines go to stderr, one line each; other libraries stay at WARNING."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("sitrep")
    logger.handlers[:] = [handler]
    logger.setLevel(level)
    logger.propagate = False

"""The typer application every command module registers on, with the options all commands share."""

from __future__ import annotations

import logging
import sys
from typing import Annotated, Any

import typer

# typer carries its own click (`typer._click`): its commands take that click's types.
from typer import _click as click
from typer.core import TyperCommand

from sitrep import __version__


class PlainHelpCommand(TyperCommand):
    """Help in the shell's conventions: an argument reads as its metavar (`PATH...`,
    `[PLACE]` when optional), not typer's `{PATH}...` with a Python type (`<list[str]>`)."""

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                pieces.append(_argument_name(param, optional=not param.required))
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        sections: dict[str, list[tuple[str, str]]] = {"Arguments": [], "Options": []}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                sections["Arguments"].append((_argument_name(param), record[1]))
            else:
                sections["Options"].append(record)
        for title, records in sections.items():
            if records:
                with formatter.section(title):
                    formatter.write_dl(records)


def _argument_name(param: click.Parameter, *, optional: bool = False) -> str:
    name = param.metavar or (param.name or "").upper()
    name += "..." if param.nargs != 1 else ""
    return f"[{name}]" if optional else name


class _App(typer.Typer):
    """Every command of sitrep is a `PlainHelpCommand` unless it asks for another class."""

    def command(self, *args: Any, cls: type[TyperCommand] | None = None, **kwargs: Any) -> Any:
        return super().command(*args, cls=cls or PlainHelpCommand, **kwargs)


app = _App(
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


class StderrHandler(logging.StreamHandler):
    """Writes to `sys.stderr` as it is at each line: while `sitrep ingest` draws its bar,
    rich puts a proxy there that prints lines above the bar instead of through it."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def configure_logging(level: int) -> None:
    """sitrep's log lines go to stderr, one line each; other libraries stay at WARNING."""
    handler = StderrHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("sitrep")
    logger.handlers[:] = [handler]
    logger.setLevel(level)
    logger.propagate = False

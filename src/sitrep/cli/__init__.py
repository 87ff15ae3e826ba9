"""sitrep's command line: one module per command group, all on one typer app."""

from __future__ import annotations

from sitrep.cli import brief, export, ingest, query, read, serve  # noqa: F401  (registers commands)
from sitrep.cli._app import app


def main() -> None:
    app()

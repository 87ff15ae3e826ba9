"""sitrep's command line: one module per command group, all on one typer app."""

from __future__ import annotations

import sys

from sitrep.cli import (  # noqa: F401  (registers commands)
    brief,
    components,
    export,
    ingest,
    query,
    read,
    serve,
)
from sitrep.cli._app import app
from sitrep.cli.stores import NO_DATABASE
from sitrep.store.db import StoreUnavailable


def main() -> None:
    try:
        app()
    except StoreUnavailable as busy:
        # A database held by another process is the user's situation, not a bug: one line.
        print(f"error: {busy}", file=sys.stderr)
        sys.exit(NO_DATABASE)

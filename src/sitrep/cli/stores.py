"""Opening the database for a command: one clear line and exit status 2 when it cannot be had.

A missing DuckDB file, a file another process holds, or an unreachable PostgreSQL server
is the user's situation, not a bug: it gets one line naming the database (its password
masked) and what to do, never a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import typer

from sitrep.store import is_database_file, open_reader, open_store, shown_location
from sitrep.store.sql_store import SqlStore

log = logging.getLogger(__name__)

# The exit status of a command that could not open its database (typer uses 2 for usage).
NO_DATABASE = 2


def open_for_reading(db: str) -> SqlStore:
    """A store for queries (DuckDB read-only), or one line on stderr and exit status 2."""
    if is_database_file(db) and not Path(db).is_file():
        fail(f"no database at {db!r}; create one with: sitrep ingest PATH --db {db}")
    return _opened(open_reader, db)


def open_for_writing(db: str) -> SqlStore:
    """A store to write to (a missing DuckDB file is created), or one line on stderr and
    exit status 2."""
    return _opened(open_store, db)


def _opened(opener: Callable[[str], SqlStore], db: str) -> SqlStore:
    log.debug("opening %s", shown_location(db))
    try:
        return opener(db)
    except Exception as error:  # the drivers' error classes have no common base
        fail(f"cannot open {shown_location(db)}: {_first_line(error)}")


def fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(NO_DATABASE)


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]

"""Store stage: persist articles and merge them into one situation picture.

`open_store("sitrep.duckdb")` opens (and migrates) an embedded DuckDB file;
`open_store("postgresql://...")` the same schema on a PostgreSQL server. Both
implement `sitrep.store.api.Store`. See docs/store.md for the schema.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

from sitrep.store.api import IngestReport, QueryFilter, Row, Store
from sitrep.store.db import DuckDatabase, PostgresDatabase
from sitrep.store.sql_store import SqlStore

DEFAULT_DB = "sitrep.duckdb"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")

__all__ = [
    "DEFAULT_DB",
    "IngestReport",
    "QueryFilter",
    "Row",
    "Store",
    "is_database_file",
    "open_reader",
    "open_store",
    "shown_location",
]
HIDDEN = "***"
SECRET_PARAMETERS = ("password", "sslpassword")


def open_store(
    url_or_path: str = DEFAULT_DB, *, read_only: bool = False, schema: str | None = None
) -> SqlStore:
    """A store on a DuckDB file (a path, or ":memory:") or a PostgreSQL URL.

    `read_only` opens DuckDB without taking the single writer's lock (for `serve`
    beside an ingest) and skips migrations; `schema` puts PostgreSQL tables in
    that schema (created if missing), as the tests do for isolation.
    """
    if url_or_path.startswith(POSTGRES_SCHEMES):
        return SqlStore(PostgresDatabase(url_or_path, schema=schema), read_only=read_only)
    return SqlStore(DuckDatabase(url_or_path, read_only=read_only), read_only=read_only)


def is_database_file(url_or_path: str) -> bool:
    """Whether this names a DuckDB file (not a server URL, not ":memory:")."""
    return not url_or_path.startswith(POSTGRES_SCHEMES) and url_or_path != ":memory:"


def open_reader(url_or_path: str = DEFAULT_DB) -> SqlStore:
    """A store for queries: a DuckDB file opened read-only (beside no writer's lock)."""
    return open_store(url_or_path, read_only=is_database_file(url_or_path))


def shown_location(url_or_path: str) -> str:
    """The database as it may be printed or logged: a URL's password (in the user part or
    a query parameter) replaced by ***; a file path as it is."""
    if not url_or_path.startswith(POSTGRES_SCHEMES):
        return url_or_path
    parts = urlsplit(url_or_path)
    netloc = parts.netloc
    if "@" in netloc:
        user, _, host = netloc.rpartition("@")
        if ":" in user:
            user = f"{user.split(':', 1)[0]}:{HIDDEN}"
        netloc = f"{user}@{host}"
    query = urlencode(
        [
            (name, HIDDEN if name.lower() in SECRET_PARAMETERS else value)
            for name, value in parse_qsl(parts.query, keep_blank_values=True)
        ],
        safe="*",
    )
    # Rebuilt by hand: urlunsplit drops an empty host ("postgresql:///db").
    shown = f"{parts.scheme}://{netloc}{parts.path}"
    return shown + (f"?{query}" if query else "") + (f"#{parts.fragment}" if parts.fragment else "")

"""Store stage: persist articles and merge them into one situation picture.

`open_store("sitrep.duckdb")` opens (and migrates) an embedded DuckDB file;
`open_store("postgresql://...")` the same schema on a PostgreSQL server. Both
implement `sitrep.store.api.Store`. See docs/store.md for the schema.
"""

from __future__ import annotations

from sitrep.store.api import IngestReport, QueryFilter, Row, Store
from sitrep.store.db import DuckDatabase, PostgresDatabase
from sitrep.store.sql_store import SqlStore

DEFAULT_DB = "sitrep.duckdb"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")

__all__ = ["DEFAULT_DB", "IngestReport", "QueryFilter", "Row", "Store", "open_store"]


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

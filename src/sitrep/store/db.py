"""The two database connections behind the store, with the few shims their SQL needs.

All SQL in the store is written once, with `?` placeholders and portable types;
`Database.execute` rewrites placeholders for psycopg. Migrations are numbered SQL
files in `migrations/`, applied in order and recorded in `schema_migrations`; a
migration whose DDL must differ adds a part per dialect (`NNN_name.duckdb.sql`,
`NNN_name.postgresql.sql`), run after its plain file under the same version.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from typing import Any, Protocol

from sitrep.store.api import MAX_PAGE
from sitrep.store.pack import PayloadPack, pack_path

Params = Sequence[Any]
STATEMENT_SEPARATOR = re.compile(r"^;\s*$", re.MULTILINE)
# DuckDB caches up to 80% of RAM by default, so an ingest's memory would grow with the
# database; a bounded cache keeps it flat (queries spill to disk beyond it). The writer
# shares the machine with the parsing workers, so it gets less; a reader (queries, the web
# page) gets more, since some query operators cannot spill. Far too small a limit (32MB)
# fails batched writes outright. SITREP_DUCKDB_MEMORY_LIMIT overrides both.
DUCKDB_WRITER_MEMORY_LIMIT = os.environ.get("SITREP_DUCKDB_MEMORY_LIMIT", "128MB")
DUCKDB_READER_MEMORY_LIMIT = os.environ.get("SITREP_DUCKDB_MEMORY_LIMIT", "256MB")
# DuckDB rewrites a table's last row group at every checkpoint; rows of 122,880 (its
# default) made a checkpoint cost up to hundreds of MB of rewriting once tables were large,
# and so an article's cost grew with the database. Smaller groups bound that rewrite.
DUCKDB_ROW_GROUP_ROWS = 8192
# The name the store's file is attached under (the connection itself is in-memory, so the
# row group size can be given).
DUCKDB_CATALOG = "store"
SAFE_SCHEMA = re.compile(r"^[a-z_][a-z0-9_]*$")
# The advisory lock key sitrep's migrations hold on PostgreSQL (any constant bigint;
# this one spells "sitrep" in ASCII).
MIGRATION_LOCK_KEY = 0x736974726570
# Rows fetched at a time when a query's result is streamed.
STREAM_ROWS = 1000


@dataclass(frozen=True, slots=True)
class RowMarks:
    """The last row id of each table at one moment (DuckDB), or none (PostgreSQL).

    DuckDB appends rows in order, and a filter on `rowid` skips every row group before the
    mark from its statistics alone; a lookup by article id instead reads the whole column,
    a cost that grows with the store. PostgreSQL finds the rows through its indexes.
    """

    last: dict[str, int] = field(default_factory=dict)

    def since(self, table: str, alias: str) -> str:
        """A condition keeping only rows of `table` (as `alias`) appended after the mark."""
        mark = self.last.get(table)
        return "" if mark is None else f" AND {alias}.rowid > {int(mark)}"


class StoreUnavailable(Exception):
    """The database cannot be opened now (another process holds it); the message says why."""


class Database(Protocol):
    dialect: str  # "duckdb" or "postgresql": picks a migration's dialect file
    # True when no other process can write while this connection is open, so what the
    # writer learnt of stored rows stays true between its transactions.
    single_writer: bool
    # The column a row is fetched by, within one transaction, once a join has found it: the
    # cheapest address the engine has.
    row_key: str

    @property
    def pack(self) -> PayloadPack | None:
        """Where the articles' large parts live outside the tables (`sitrep.store.pack`),
        or None where they are rows of `article_payloads`."""
        ...

    def execute(self, sql: str, params: Params = ()) -> None: ...

    def insert(
        self, table: str, columns: Sequence[str], rows: list[Params], key: Sequence[str] = ()
    ) -> None:
        """Insert rows in bulk, skipping any whose `key` columns match a stored row.

        An empty `key` means the caller guarantees the rows are new (rows owned by a
        new article): they are inserted without a lookup.
        """
        ...

    def query(self, sql: str, params: Params = ()) -> list[dict[str, Any]]: ...

    def row_marks(self, tables: Sequence[str]) -> RowMarks:
        """Where each table ends now, so that a query can read only the rows appended since."""
        ...

    def stream(self, sql: str, params: Params = ()) -> Iterator[dict[str, Any]]:
        """The rows of one query, fetched a thousand at a time: one pass, bounded memory."""
        ...

    def transaction(self) -> Any: ...

    def migration_lock(self) -> Any:
        """Held while migrating, so two first-time openers do not both create the schema."""
        ...

    def close(self) -> None: ...


class DuckDatabase:
    """An embedded DuckDB file: one process opens it, the writer or readers, not both.

    Its tables carry no primary keys or indexes (migration 004): DuckDB keeps every
    ART index whole in memory, so they grew with the table until a checkpoint could not
    pin them under the memory limit. Keys are checked by `insert` instead.
    """

    dialect = "duckdb"
    single_writer = True  # DuckDB's file lock admits one writing process
    # A `rowid` is found from each row group's range alone; an id is found by reading the
    # whole column, a cost that grows with the table.
    row_key = "rowid"

    def __init__(self, path: str, *, read_only: bool = False) -> None:
        import duckdb

        memory = DUCKDB_READER_MEMORY_LIMIT if read_only else DUCKDB_WRITER_MEMORY_LIMIT
        self.connection = duckdb.connect(":memory:", config={"memory_limit": memory})
        # No progress bar: a long statement (a migration's backfill) would draw one into
        # the CLI's output.
        self.connection.execute("SET enable_progress_bar = false")
        # A page is cut from a whole table by a top-N sort; up to this many rows DuckDB
        # sorts the keys alone and reads the other columns of the page's rows only, past it
        # every column of every row (a claims page at 50,000 articles: ~250 ms, not ~80).
        self.connection.execute(f"SET late_materialization_max_rows = {MAX_PAGE}")
        options = "READ_ONLY" if read_only else f"ROW_GROUP_SIZE {DUCKDB_ROW_GROUP_ROWS}"
        quoted = path.replace("'", "''")
        if path != ":memory:":
            # Where a query spills beyond the memory limit: beside the file, as DuckDB does
            # for a file it opens itself.
            temporary = f"{path}.tmp".replace("'", "''")
            self.connection.execute(f"SET temp_directory = '{temporary}'")
        try:
            self.connection.execute(f"ATTACH '{quoted}' AS {DUCKDB_CATALOG} ({options})")
        except duckdb.IOException as error:
            self.connection.close()
            if "lock" not in str(error).lower():
                raise
            raise StoreUnavailable(
                f"{path} is open in another process (a DuckDB file takes one writer and no"
                " reader beside it): wait for that ingest or server to finish, or store in"
                " PostgreSQL to query while ingesting"
            ) from None
        self.connection.execute(f"USE {DUCKDB_CATALOG}")
        self.pack = PayloadPack(
            None if path == ":memory:" else pack_path(path), read_only=read_only
        )

    def execute(self, sql: str, params: Params = ()) -> None:
        self.connection.execute(sql, list(params))

    def insert(
        self, table: str, columns: Sequence[str], rows: list[Params], key: Sequence[str] = ()
    ) -> None:
        # One list per column, unnested server-side: binding rows one by one (executemany)
        # costs DuckDB about a millisecond a row, this about ten microseconds.
        if not rows:
            return
        values = [list(column) for column in zip(*rows, strict=True)]
        unnested = ", ".join(f"unnest(?) AS {column}" for column in columns)
        new_only = ""
        if key:
            same = " AND ".join(f"t.{column} = n.{column}" for column in key)
            new_only = f" WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE {same})"
        self.connection.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM (SELECT {unnested}) n"
            + new_only,
            values,
        )

    def query(self, sql: str, params: Params = ()) -> list[dict[str, Any]]:
        cursor = self.connection.execute(sql, list(params))
        names = [column[0] for column in cursor.description or []]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def row_marks(self, tables: Sequence[str]) -> RowMarks:
        # Row ids grow as rows are appended (a transaction's own rows come after every
        # committed one), so rows past the mark are exactly those appended since.
        ends = ", ".join(f"(SELECT COALESCE(MAX(rowid), -1) FROM {table})" for table in tables)
        row = self.connection.execute(f"SELECT {ends}").fetchone() or ()
        return RowMarks(dict(zip(tables, row, strict=True)))

    def stream(self, sql: str, params: Params = ()) -> Iterator[dict[str, Any]]:
        cursor = self.connection.cursor()  # its own cursor, so other queries may run meanwhile
        try:
            cursor.execute(f"USE {DUCKDB_CATALOG}")  # a cursor starts in the in-memory catalog
            cursor.execute(sql, list(params))
            names = [column[0] for column in cursor.description or []]
            while chunk := cursor.fetchmany(STREAM_ROWS):
                yield from (dict(zip(names, row, strict=True)) for row in chunk)
        finally:
            cursor.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.connection.begin()
        try:
            yield
            self.pack.commit()  # the bytes on disk before the rows that point at them
        except BaseException:
            self.pack.discard()
            self.connection.rollback()
            raise
        self.connection.commit()

    def migration_lock(self) -> AbstractContextManager[None]:
        # The file lock DuckDB takes on opening already admits one writer at a time.
        return nullcontext()

    def close(self) -> None:
        self.connection.close()
        self.pack.close()


class PostgresDatabase:
    """A PostgreSQL server through psycopg 3, optionally inside one schema."""

    dialect = "postgresql"
    single_writer = False  # a team's ingests may write at once
    row_key = "id"  # every table's primary key, found through its index
    pack: None = None  # the server may be another machine's: large parts are rows there

    def __init__(self, url: str, *, schema: str | None = None) -> None:
        import psycopg
        from psycopg.rows import dict_row

        self.connection = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        if schema is not None:
            if not SAFE_SCHEMA.match(schema):
                raise ValueError(f"unsafe schema name {schema!r}")
            with self.migration_lock():
                self.connection.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
            self.connection.execute(f"SET search_path TO {schema}")

    def execute(self, sql: str, params: Params = ()) -> None:
        self.connection.execute(_pyformat(sql), list(params))  # type: ignore[arg-type]

    def insert(
        self, table: str, columns: Sequence[str], rows: list[Params], key: Sequence[str] = ()
    ) -> None:
        # Every table has its primary key here (B-trees live on disk, not in memory), so
        # ON CONFLICT skips stored keys; psycopg pipelines executemany in one round trip.
        if not rows:
            return
        marks = ", ".join("%s" for _ in columns)
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) ON CONFLICT DO NOTHING"
        with self.connection.cursor() as cursor:
            cursor.executemany(sql, [list(row) for row in rows])  # type: ignore[arg-type]

    def query(self, sql: str, params: Params = ()) -> list[dict[str, Any]]:
        return list(self.connection.execute(_pyformat(sql), list(params)).fetchall())  # type: ignore[arg-type]

    def row_marks(self, tables: Sequence[str]) -> RowMarks:
        return RowMarks()

    def stream(self, sql: str, params: Params = ()) -> Iterator[dict[str, Any]]:
        # A named (server-side) cursor lives in a transaction and sends rows as fetched.
        with self.connection.transaction(), self.connection.cursor(name="sitrep_stream") as cursor:
            cursor.execute(_pyformat(sql), list(params))  # type: ignore[arg-type]
            while chunk := cursor.fetchmany(STREAM_ROWS):
                yield from chunk

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.connection.transaction():
            yield

    @contextmanager
    def migration_lock(self) -> Iterator[None]:
        # "IF NOT EXISTS" does not make concurrent DDL safe in PostgreSQL (both sessions
        # pass the check, one fails on pg_type's unique index): a session-level advisory
        # lock makes the second opener wait, then find the migrations done.
        self.connection.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK_KEY,))
        try:
            yield
        finally:
            self.connection.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK_KEY,))

    def close(self) -> None:
        self.connection.close()


def select_in(database: Database, sql: str, values: Iterable[Any]) -> list[dict[str, Any]]:
    """Rows of `sql`, whose `IN ({marks})` is filled with the distinct `values`.

    The values travel as one array parameter, unnested server-side: binding hundreds of
    separate placeholders costs DuckDB a third of a millisecond each.
    """
    distinct = sorted(set(values), key=str)
    if not distinct:
        return []
    kind = "BIGINT" if all(isinstance(v, int) for v in distinct) else "TEXT"
    return database.query(sql.format(marks=f"SELECT unnest(CAST(? AS {kind}[]))"), [distinct])


def _pyformat(sql: str) -> str:
    """`?` placeholders to psycopg's `%s` (literal percent signs doubled first)."""
    return sql.replace("%", "%%").replace("?", "%s")


def migrate(database: Database) -> list[str]:
    """Apply every migration not yet recorded; returns the versions applied now."""
    with database.migration_lock():
        database.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations"
            " (version TEXT PRIMARY KEY, applied_at TEXT)"
        )
        done = {row["version"] for row in database.query("SELECT version FROM schema_migrations")}
        applied = []
        for version, script in migrations(database.dialect):
            if version in done:
                continue
            with database.transaction():
                for statement in STATEMENT_SEPARATOR.split(script):
                    if _sql_only(statement):
                        database.execute(statement)
                database.execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                    (version, now()),
                )
            applied.append(version)
    return applied


DIALECTS = ("duckdb", "postgresql")


def migrations(dialect: str) -> list[tuple[str, str]]:
    """(version, SQL) for each migration in `migrations/`, in numeric order: its plain file,
    then the part written for `dialect` (`NNN_name.<dialect>.sql`), either optional."""
    folder = resources.files("sitrep.store") / "migrations"
    parts: dict[str, dict[str, str]] = {}
    for file in folder.iterdir():
        if not file.name.endswith(".sql"):
            continue
        version, _, written_for = file.name.removesuffix(".sql").partition(".")
        if written_for not in ("", *DIALECTS):
            raise ValueError(f"migration {file.name} names no known dialect")
        if written_for in ("", dialect):
            parts.setdefault(version, {})[written_for] = file.read_text(encoding="utf-8")
    return [
        (version, "\n;\n".join(script for _, script in sorted(scripts.items())))  # plain first
        for version, scripts in sorted(parts.items())
    ]


def _sql_only(statement: str) -> bool:
    return any(
        line.strip() and not line.strip().startswith("--") for line in statement.splitlines()
    )


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

"""The gazetteer's rows and name index in a read-only SQLite file, looked up on demand.

Held in memory as Python objects, the index costs about 180 MB in every process
that parses, several times the spaCy model itself, and worker processes slowly
turn their shared copy private as lookups touch it. On disk it costs the few
pages SQLite caches; a lookup is one indexed query of a few microseconds, and an
article asks for at most a few hundred names.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

SCHEMA = (
    "CREATE TABLE rows (id INTEGER PRIMARY KEY, precision TEXT NOT NULL, data TEXT NOT NULL)",
    "CREATE TABLE names (key TEXT NOT NULL, position INTEGER NOT NULL, row_id INTEGER NOT NULL,"
    " PRIMARY KEY (key, position)) WITHOUT ROWID",
)


class GazetteerFile:
    """Row tuples by name key, in the index's order, from a file `write` made."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None
        self._pid = 0

    @classmethod
    def write(
        cls, path: Path, rows: list[tuple], index: Mapping[str, Iterable[int]]
    ) -> GazetteerFile:
        """Write rows and index to `path` atomically (a temporary file, then a rename)."""
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.unlink(missing_ok=True)
        with sqlite3.connect(temporary) as connection:
            for statement in SCHEMA:
                connection.execute(statement)
            connection.executemany(
                "INSERT INTO rows VALUES (?, ?, ?)",
                ((i, row[8], json.dumps(row)) for i, row in enumerate(rows)),
            )
            connection.executemany(
                "INSERT INTO names VALUES (?, ?, ?)",
                (
                    (key, position, row_id)
                    for key, row_ids in index.items()
                    for position, row_id in enumerate(row_ids)
                ),
            )
        connection.close()
        temporary.replace(path)
        return cls(path)

    def rows_for(self, key: str) -> list[tuple]:
        found = self._cursor().execute(
            "SELECT r.data FROM names n JOIN rows r ON r.id = n.row_id WHERE n.key = ?"
            " ORDER BY n.position",
            (key,),
        )
        return [tuple(json.loads(data)) for (data,) in found]

    def knows(self, key: str) -> bool:
        found = self._cursor().execute("SELECT 1 FROM names WHERE key = ? LIMIT 1", (key,))
        return found.fetchone() is not None

    def rows_of_precision(self, precision: str) -> list[tuple]:
        found = self._cursor().execute("SELECT data FROM rows WHERE precision = ?", (precision,))
        return [tuple(json.loads(data)) for (data,) in found]

    def admin_columns(self) -> list[tuple[int, str, str | None, str | None, str]]:
        """(GeoNames id, country, feature code, admin1 code, name) of every row with an id,
        read in SQLite without decoding each row in Python."""
        found = self._cursor().execute(
            "SELECT json_extract(data, '$[0]'), json_extract(data, '$[4]'),"
            " json_extract(data, '$[6]'), json_extract(data, '$[9]'), json_extract(data, '$[1]')"
            " FROM rows WHERE json_extract(data, '$[0]') IS NOT NULL"
        )
        return list(found)

    def _cursor(self) -> sqlite3.Connection:
        # A connection must not cross a fork: each worker process opens its own.
        if self._connection is None or self._pid != os.getpid():
            uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
            self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._connection

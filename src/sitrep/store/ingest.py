"""`sitrep ingest` as a plain function: read, analyse and store, skipping what is stored.

Inputs whose content hash is already stored are dropped before analysis, so the
run after an interrupted one only analyses what is missing. The store's writer
lives in this process (DuckDB allows one writer); workers only analyse.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sitrep.pipeline import Engine, Record, process_paths
from sitrep.read import DEFAULT_MAX_BYTES
from sitrep.store import open_store
from sitrep.store.api import IngestReport


def ingest(
    paths: list[str],
    db: str,
    *,
    workers: int | None = 1,
    engine: Engine = "local",
    ray_address: str | None = None,
    on_stored: Callable[[Record], Any] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> IngestReport:
    store = open_store(db)
    try:
        skipped = 0

        def already_stored(content_hash: str) -> bool:
            nonlocal skipped
            found = store.has_article(content_hash)
            skipped += found
            return found

        records = process_paths(
            paths,
            workers=workers,
            engine=engine,
            ray_address=ray_address,
            skip=already_stored,
            max_bytes=max_bytes,
        )
        report = store.write(records, on_written=on_stored)
        report.skipped += skipped
        return report
    finally:
        store.close()

"""`sitrep ingest` as a plain function: read, analyse and store, skipping what is stored.

Inputs whose content hash is already stored are dropped before analysis, so the
run after an interrupted one only analyses what is missing. The store's writer
lives in this process (DuckDB allows one writer); workers only analyse.

Analysed articles (JSON Lines, one `Article.to_dict()` a line, as `sitrep read
--extract --format jsonl` prints them) are stored as they are, without analysing
them again: one machine (or a cluster) analyses, another stores.
"""

from __future__ import annotations

import json
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from sitrep.errors import ErrorCode
from sitrep.pipeline import Engine, Record, process_paths
from sitrep.read import DEFAULT_MAX_BYTES
from sitrep.records import DocumentError, RecordFormatError, article_from_dict
from sitrep.store import open_store
from sitrep.store.api import IngestReport

ANALYSED_SUFFIX = ".jsonl"
STDIN = "-"
# One analysed article per line; a line longer than this is refused, not read whole.
MAX_LINE_BYTES = 64 * 1024 * 1024
READ_CHUNK = 1024 * 1024


def ingest(
    paths: list[str],
    db: str,
    *,
    workers: int | None = 1,
    engine: Engine = "local",
    ray_address: str | None = None,
    on_stored: Callable[[Record], Any] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    analysed: bool = False,
) -> IngestReport:
    """Store `paths`: pages are analysed first; `.jsonl` files (every input when
    `analysed`, stdin included) hold analysed articles and are stored as they are."""
    store = open_store(db)
    try:
        skipped = 0

        def already_stored(content_hash: str) -> bool:
            nonlocal skipped
            found = store.has_article(content_hash)
            skipped += found
            return found

        def records() -> Iterator[Record]:
            jsonl = [p for p in paths if analysed or p.endswith(ANALYSED_SUFFIX)]
            pages = [p for p in paths if p not in jsonl]
            for record in analysed_articles(jsonl):
                if isinstance(record, DocumentError) or not already_stored(record.id):
                    yield record
            if pages:
                yield from process_paths(
                    pages,
                    workers=workers,
                    engine=engine,
                    ray_address=ray_address,
                    skip=already_stored,
                    max_bytes=max_bytes,
                )

        report = store.write(records(), on_written=on_stored)
        report.skipped += skipped
        return report
    finally:
        store.close()


def analysed_articles(paths: list[str]) -> Iterator[Record]:
    """Each line of each JSON Lines input as an `Article`, or a per-line error."""
    for name in paths:
        if name == STDIN:
            yield from _articles(sys.stdin.buffer, STDIN)
            continue
        try:
            mode = Path(name).stat().st_mode
        except OSError:
            mode = 0
        if not stat.S_ISREG(mode):
            yield DocumentError(name, ErrorCode.NOT_FOUND, f"{name}: not a regular file")
            continue
        with open(name, "rb") as stream:
            yield from _articles(stream, name)


def _articles(stream: IO[bytes], name: str) -> Iterator[Record]:
    for number, line in enumerate(_lines(stream), start=1):
        source = f"{name}:{number}"
        if line is None:
            yield DocumentError(source, ErrorCode.TOO_LARGE, f"line over {MAX_LINE_BYTES} bytes")
            continue
        if not line.strip():
            continue
        try:
            yield article_from_dict(json.loads(line.decode("utf-8")))
        except UnicodeDecodeError:
            yield DocumentError(source, ErrorCode.UNDECODABLE, "the line is not UTF-8")
        except (RecordFormatError, ValueError, RecursionError) as error:
            message = str(error)[:300] if isinstance(error, RecordFormatError) else "not JSON"
            yield DocumentError(source, ErrorCode.INVALID_RECORD, message)


def _lines(stream: IO[bytes]) -> Iterator[bytes | None]:
    """The stream's lines; None for a line over MAX_LINE_BYTES (skipped, never held whole)."""
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        if len(line) <= MAX_LINE_BYTES or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(READ_CHUNK)) and not rest.endswith(b"\n"):
            pass
        yield None

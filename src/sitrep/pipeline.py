"""read → analyse → store, streaming: what `sitrep ingest`, `sitrep read --annotate` and
the library run.

`process_paths` opens the inputs, skips what is already stored (by the hash of the raw
bytes), then reads and analyses as `Settings` say, on an engine registered in `ENGINES`
(entry point group `sitrep.engines`): in-process (`workers=1`, the pages after the first
chunk read ahead in a reader process: `sitrep.scale.reader`), in a pool of worker
processes (`workers=N`) or on Ray (`engine="ray"`). Every engine runs each chunk of
documents through `sitrep.analysis.analyse_chunk`, the per-document robustness wrapper,
which also reads each raw document not read yet (decompress, decode, extract the article)
and applies the guards: with workers, the process that stores only opens files and hashes
their bytes. Records are yielded in input order as soon as their chunk is done, so memory stays
flat however many documents go in.

`ingest` stores what `process_paths` yields. Inputs whose content hash is already stored
are dropped before analysis, so the run after an interrupted one only analyses what is
missing. The store's writer lives in this process (DuckDB allows one writer); workers only
analyse. Analysed articles (JSON Lines, one `Article.to_dict()` a line, as `sitrep read
--extract --format jsonl` prints them) are stored as they are, without analysing them
again: one machine (or a cluster) analyses, another stores.

This module sits above the stages and the store and is imported by neither. It does not
import spaCy (only to check settings other than the defaults before workers start): with
workers, the process that reads and stores never parses, and leaving the model's code
out of it keeps it small.
"""

from __future__ import annotations

import json
import logging
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Protocol, TypeVar

from sitrep.errors import ErrorCode
from sitrep.read import raw_documents
from sitrep.records import (
    DocumentError,
    Input,
    RawDocument,
    Record,
    RecordFormatError,
    article_from_dict,
)
from sitrep.registry import Registry
from sitrep.settings import DEFAULT_SETTINGS, Settings
from sitrep.store import open_store, shown_location
from sitrep.store.api import IngestReport
from sitrep.streams import chunked_by_time

log = logging.getLogger(__name__)

ANALYSED_SUFFIX = ".jsonl"
STDIN = "-"
InputT = TypeVar("InputT", bound=Input)
# One analysed article per line; a line longer than this is refused, not read whole.
MAX_LINE_BYTES = 64 * 1024 * 1024
# Inputs checked against the store at once: at most this many, this many bytes, or what
# arrived within this many seconds.
SKIP_CHUNK = 256
SKIP_CHUNK_BYTES = 64 * 1024 * 1024
SKIP_CHUNK_SECONDS = 1.0
READ_CHUNK = 1024 * 1024


class Engine(Protocol):
    """Runs `analysis.analyse_chunk` over the inputs with `settings` on `workers` workers,
    yielding one record per input, in input order; `address` names a cluster to join."""

    def __call__(
        self, records: Iterable[Input], *, settings: Settings, workers: int, address: str | None
    ) -> Iterator[Record]: ...


ENGINES: Registry[Engine] = Registry("engine", "sitrep.engines")


# The engines import the analysis when they run: this process only reads and stores.
@ENGINES.register("local")
def local_engine(
    records: Iterable[Input], *, settings: Settings, workers: int, address: str | None
) -> Iterator[Record]:
    """In this process, pages read ahead in a reader process (one worker), or a pool of
    processes on this machine."""
    if workers == 1:
        from sitrep.scale.reader import analyse_reading_apart

        return analyse_reading_apart(records, settings=settings)
    from sitrep.scale.pool import analyse_in_pool

    return analyse_in_pool(records, workers=workers, settings=settings)


@ENGINES.register("ray")
def ray_engine(
    records: Iterable[Input], *, settings: Settings, workers: int, address: str | None
) -> Iterator[Record]:
    """Ray actors, on a private local cluster or the cluster at `address`."""
    from sitrep.scale.ray_engine import analyse_on_ray

    return analyse_on_ray(records, workers=workers, address=address, settings=settings)


def process_paths(
    paths: Iterable[str],
    *,
    settings: Settings = DEFAULT_SETTINGS,
    workers: int | None = 1,
    engine: str = "local",
    ray_address: str | None = None,
    skip: Callable[[list[str]], set[str]] | None = None,
) -> Iterator[Record]:
    """Read every input and run the stages `settings` name, yielding articles and
    per-document errors.

    `workers`: processes (or Ray actors) that each load the model once; None
    means one per core. `skip(content_hashes)` names, of a few inputs at a time, those
    to drop before they are analysed (already stored); `settings.max_bytes` caps each
    input (see `sitrep.read`).
    Output streams in input order.
    """
    run = ENGINES.get(engine)
    if settings != DEFAULT_SETTINGS:
        # Checking imports the stages (and spaCy): the defaults are known to be sound.
        from sitrep.analysis import check

        check(settings)
    records = _unskipped(raw_documents(paths, max_bytes=settings.max_bytes), skip)
    yield from run(
        records, settings=settings, workers=workers or default_workers(), address=ray_address
    )


def default_workers() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _unskipped(
    records: Iterable[InputT], skip: Callable[[list[str]], set[str]] | None
) -> Iterator[InputT]:
    """`records` less those `skip` names, asked a chunk at a time: one lookup per input
    would cost the store a scan of its ids on DuckDB, a cost that grows with the store."""
    if skip is None:
        yield from records
        return
    for chunk in chunked_by_time(
        records, SKIP_CHUNK, SKIP_CHUNK_SECONDS, weight=_bytes, max_weight=SKIP_CHUNK_BYTES
    ):
        dropped = skip([r.content_hash for r in chunk if not isinstance(r, DocumentError)])
        yield from (
            r for r in chunk if isinstance(r, DocumentError) or r.content_hash not in dropped
        )


def _bytes(record: Input) -> int:
    return len(record.data) if isinstance(record, RawDocument) else 0


def ingest(
    paths: list[str],
    db: str,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    workers: int | None = 1,
    engine: str = "local",
    ray_address: str | None = None,
    on_stored: Callable[[Record], Any] | None = None,
    on_skipped: Callable[[], Any] | None = None,
    analysed: bool = False,
    retry_errors: bool = False,
) -> IngestReport:
    """Store `paths`: pages are analysed first; `.jsonl` files (every input when
    `analysed`, stdin included) hold analysed articles and are stored as they are. A page
    an earlier run recorded as unfit input (same content) is skipped unless `retry_errors`.
    `on_stored` hears of each record written, `on_skipped` of each input left out as already
    stored or known unfit: between them, every input once (a progress bar's total)."""
    store = open_store(db)
    try:
        skipped = 0
        known_errors = 0
        # Read once, before this run records any: two unfit files of one content in this run
        # are both reported; the next run skips them.
        unfit = set() if retry_errors else store.known_error_hashes()

        def already_seen(content_hashes: list[str]) -> set[str]:
            nonlocal skipped, known_errors
            stored = store.stored_articles(content_hashes)
            known = {h for h in content_hashes if h in unfit and h not in stored}
            found_stored = sum(h in stored for h in content_hashes)
            found_known = sum(h in known for h in content_hashes)
            skipped += found_stored
            known_errors += found_known
            if on_skipped is not None:
                for _ in range(found_stored + found_known):
                    on_skipped()
            return stored | known

        def records() -> Iterator[Record]:
            jsonl = [p for p in paths if analysed or p.endswith(ANALYSED_SUFFIX)]
            pages = [p for p in paths if p not in jsonl]
            yield from _unskipped(analysed_articles(jsonl), already_seen)
            if pages:
                yield from process_paths(
                    pages,
                    settings=settings,
                    workers=workers,
                    engine=engine,
                    ray_address=ray_address,
                    skip=already_seen,
                )

        def written(record: Record) -> None:
            if isinstance(record, DocumentError):
                log.info("%s: not stored, %s (%s)", record.source, record.message, record.code)
            else:
                log.debug("%s: stored", record.source)
            if on_stored is not None:
                on_stored(record)

        log.info(
            "ingesting into %s: %s workers, engine %s, classifier %s",
            shown_location(db),
            workers or default_workers(),
            engine,
            settings.classifier,
        )
        report = store.write(records(), on_written=written)
        report.skipped += skipped
        report.known_errors += known_errors
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

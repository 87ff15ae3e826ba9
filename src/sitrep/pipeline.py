"""read → analyse, streaming: what `sitrep ingest` runs before it stores.

`process_paths` opens the inputs, skips what is already stored (by the hash of the raw
bytes), then reads and analyses in-process (`workers=1`), in a pool of worker processes
(`workers=N`) or on Ray (`engine="ray"`). Every engine runs each chunk of documents through
`sitrep.analysis.analyse_chunk`, the per-document robustness wrapper, which also reads
each raw document (decompress, decode, extract the article): with workers, the process
that stores only opens files and hashes their bytes. Records are yielded in input order
as soon as their chunk is done, so memory stays flat however many documents go in.

This module does not import spaCy: with workers, the process that reads and
stores never parses, and leaving the model's code out of it keeps it small.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Literal

from sitrep.errors import ErrorCode
from sitrep.read import DEFAULT_MAX_BYTES, raw_documents
from sitrep.records import Article, DocumentError, RawDocument

DEFAULT_BATCH_SIZE = 16

Engine = Literal["local", "ray"]
Record = Article | DocumentError
Input = Record | RawDocument  # what engines take: a raw document is read in the worker


def process_paths(
    paths: Iterable[str],
    *,
    do_extract: bool = True,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int | None = 1,
    engine: Engine = "local",
    ray_address: str | None = None,
    skip: Callable[[str], bool] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Record]:
    """Read, annotate and extract every input, yielding articles and per-document errors.

    `workers`: processes (or Ray actors) that each load the model once; None
    means one per core. `skip(content_hash)` drops inputs already stored
    before they are analysed; `max_bytes` caps each input (see `sitrep.read`). Output
    streams in input order.
    """
    records = _unskipped(raw_documents(paths, max_bytes=max_bytes), skip)
    workers = workers or default_workers()
    if engine == "ray":
        from sitrep.scale.ray_engine import analyse_on_ray

        yield from analyse_on_ray(
            records,
            workers=workers,
            address=ray_address,
            batch_size=batch_size,
            do_extract=do_extract,
        )
    elif engine != "local":
        raise ValueError(f"unknown engine {engine!r}: use 'local' or 'ray'")
    elif workers == 1:
        from sitrep.analysis import analyse_safely

        yield from analyse_safely(records, batch_size=batch_size, do_extract=do_extract)
    else:
        from sitrep.scale.pool import analyse_in_pool

        yield from analyse_in_pool(
            records, workers=workers, batch_size=batch_size, do_extract=do_extract
        )


def default_workers() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def failure(record: Article | RawDocument, code: ErrorCode, message: str) -> DocumentError:
    return DocumentError(record.source, code, message, record.content_hash)


def _unskipped(records: Iterable[Input], skip: Callable[[str], bool] | None) -> Iterator[Input]:
    for record in records:
        if skip is not None and not isinstance(record, DocumentError) and skip(record.content_hash):
            continue
        yield record

"""Run articles through annotate and extract: the analysis half of the pipeline.

`read` produces `Article`s; `analyse` streams them through one spaCy
`nlp.pipe` call, then the annotate and extract stages, and yields each
article as soon as it is done, so memory stays flat however many go in.

`process_paths` is what `sitrep ingest` calls: read, skip what is already
stored, then analyse in-process (`workers=1`), in a pool of worker processes
(`workers=N`) or on Ray (`engine="ray"`). Every engine runs each chunk of
documents through `analyse_safely`, the per-document robustness wrapper: a
document that fails anywhere becomes one `DocumentError` and the rest of its
batch carries on. Every engine yields records in input order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Literal, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.annotate import annotate
from sitrep.annotate.nlp import load_nlp
from sitrep.errors import DocumentRejected, ErrorCode
from sitrep.extract import extract
from sitrep.read import read_paths
from sitrep.records import Article, DocumentError
from sitrep.scale.guards import reject_unfit

DEFAULT_BATCH_SIZE = 16

Engine = Literal["local", "ray"]
Record = Article | DocumentError
T = TypeVar("T")


def analyse(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    do_extract: bool = True,
) -> Iterator[Article]:
    """Annotate (and extract from) each article, streaming; any failure raises."""
    nlp = nlp or load_nlp()
    pairs = ((article.body, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        annotate(article, doc)
        if do_extract:
            extract(article, doc)
        yield article


def analyse_safely(
    records: Iterable[Record],
    *,
    nlp: Language | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    do_extract: bool = True,
) -> Iterator[Record]:
    """Like `analyse`, but every document that fails becomes one `DocumentError`.

    Errors coming in pass through in place, so output order is input order.
    """
    nlp = nlp or load_nlp()
    for chunk in chunked(records, batch_size):
        yield from analyse_chunk(chunk, nlp=nlp, do_extract=do_extract)


def analyse_chunk(chunk: list[Record], *, nlp: Language, do_extract: bool) -> list[Record]:
    """Analyse one chunk with one `nlp.pipe` call; the unit of work every engine ships."""
    checked = [
        record
        if isinstance(record, DocumentError)
        else reject_unfit(record, nlp.max_length) or record
        for record in chunk
    ]
    articles = [record for record in checked if isinstance(record, Article)]
    docs = iter(_parse(nlp, [article.body for article in articles]))
    return [
        record if isinstance(record, DocumentError) else _finish(record, next(docs), do_extract)
        for record in checked
    ]


def process_paths(
    paths: Iterable[str],
    *,
    do_extract: bool = True,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int | None = 1,
    engine: Engine = "local",
    ray_address: str | None = None,
    skip: Callable[[str], bool] | None = None,
) -> Iterator[Record]:
    """Read, annotate and extract every input, yielding articles and per-document errors.

    `workers`: processes (or Ray actors) that each load the model once; None
    means one per core. `skip(content_hash)` drops inputs already stored
    before they are analysed. Output streams in input order.
    """
    records = _unskipped(read_paths(paths), skip)
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
        yield from analyse_safely(records, batch_size=batch_size, do_extract=do_extract)
    else:
        from sitrep.scale.pool import analyse_in_pool

        yield from analyse_in_pool(
            records, workers=workers, batch_size=batch_size, do_extract=do_extract
        )


def default_workers() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most `size` items, pulled lazily."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def failure(record: Article, code: ErrorCode, message: str) -> DocumentError:
    return DocumentError(record.source, code, message, record.content_hash)


def _unskipped(records: Iterable[Record], skip: Callable[[str], bool] | None) -> Iterator[Record]:
    for record in records:
        if skip is not None and isinstance(record, Article) and skip(record.content_hash):
            continue
        yield record


def _checked(record: Record, max_length: int) -> Record:
    if isinstance(record, DocumentError):
        return record
    return reject_unfit(record, max_length) or record


def _parse(nlp: Language, bodies: list[str]) -> list[Doc | Exception]:
    """Parse a batch in one call; if the batch fails, parse each body alone to find the culprit."""
    try:
        return list(nlp.pipe(bodies, batch_size=max(len(bodies), 1)))
    except Exception:
        return [_parse_one(nlp, body) for body in bodies]


def _parse_one(nlp: Language, body: str) -> Doc | Exception:
    try:
        return nlp(body)
    except Exception as exc:
        return exc


def _finish(article: Article, doc: Doc | Exception, do_extract: bool) -> Record:
    """Annotate and extract one parsed article, turning any failure into its error record."""
    stage = "parse"
    try:
        if isinstance(doc, Exception):
            raise doc
        stage = "annotate"
        annotate(article, doc)
        if do_extract:
            stage = "extract"
            extract(article, doc)
    except DocumentRejected as exc:
        return failure(article, exc.code, exc.message)
    except Exception as exc:
        return failure(
            article, ErrorCode.PROCESSING_FAILED, f"{stage}: {type(exc).__name__}: {exc}"
        )
    return article

"""Run articles through spaCy, annotate and extract: the analysis half of the pipeline.

`analyse` streams articles through one `nlp.pipe` call, then the annotate and
extract stages, and yields each article as soon as it is done. `analyse_chunk`
is the unit of work every engine ships to its workers: the per-document
robustness wrapper, where a document that fails anywhere becomes one
`DocumentError` and the rest of its chunk carries on.

Only processes that parse import this module (and spaCy with it): the
process that reads and stores stays small (see `sitrep.pipeline`, which runs this).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.annotate import annotate
from sitrep.annotate.nlp import load_nlp
from sitrep.errors import DocumentRejected, ErrorCode
from sitrep.extract import extract
from sitrep.read import read_document
from sitrep.records import Article, DocumentError, Input, RawDocument, Record, failure
from sitrep.scale.guards import reject_unfit
from sitrep.streams import DEFAULT_BATCH_SIZE, chunked


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
    records: Iterable[Input],
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


def analyse_chunk(chunk: list[Input], *, nlp: Language, do_extract: bool) -> list[Record]:
    """Read raw documents, then analyse the chunk with one `nlp.pipe` call; the unit of work
    every engine ships."""
    read = [_read(record) if isinstance(record, RawDocument) else record for record in chunk]
    checked = [
        record
        if isinstance(record, DocumentError)
        else reject_unfit(record, nlp.max_length) or record
        for record in read
    ]
    articles = [record for record in checked if isinstance(record, Article)]
    docs = iter(_parse(nlp, [article.body for article in articles]))
    return [
        record if isinstance(record, DocumentError) else _finish(record, next(docs), do_extract)
        for record in checked
    ]


def _read(document: RawDocument) -> Record:
    """The document's Article or its error; a reader bug costs this document only."""
    try:
        return read_document(document)
    except Exception as exc:
        return failure(document, ErrorCode.PROCESSING_FAILED, f"read: {type(exc).__name__}: {exc}")


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

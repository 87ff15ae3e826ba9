"""Run articles through spaCy and the stages: the analysis half of the pipeline.

`analyse` streams articles through one `nlp.pipe` call, then the stages `Settings.stages`
names (`sitrep.stages`), and yields each article as soon as it is done. `analyse_chunk`
is the unit of work every engine ships to its workers: the per-document
robustness wrapper, where a document that fails anywhere becomes one
`DocumentError` and the rest of its chunk carries on.

Only processes that parse import this module (and spaCy with it): the
process that reads and stores stays small (see `sitrep.pipeline`, which runs this).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from sitrep.annotate.nlp import load_nlp
from sitrep.errors import DocumentRejected, ErrorCode
from sitrep.extract.event_classifier import CLASSIFIERS
from sitrep.read import read_input
from sitrep.records import Article, DocumentError, Input, Record, failure
from sitrep.scale.guards import reject_unfit
from sitrep.settings import DEFAULT_SETTINGS, Settings
from sitrep.stages import Pipeline, build_pipeline
from sitrep.streams import chunked


def prepare(settings: Settings) -> Language:
    """Import the settings' plugins, check its stages and load its model (once per
    process): what every engine's worker does before its first chunk."""
    build_pipeline(settings)
    return load_nlp(settings.model)


def check(settings: Settings) -> None:
    """Raise a `ValueError` naming what is wrong when `settings` name a model that is not
    installed, an unknown or misordered stage or an unknown classifier: done before workers
    start, so a typo is one clear error rather than every worker failing."""
    if not (spacy.util.is_package(settings.model) or Path(settings.model).is_dir()):
        raise ValueError(f"no spaCy model {settings.model!r} is installed")
    build_pipeline(settings)
    if "events" in settings.stages:
        CLASSIFIERS.get(settings.classifier)


def analyse(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Iterator[Article]:
    """Run the stages on each article, streaming; any failure raises."""
    nlp = nlp or prepare(settings)
    pipeline = build_pipeline(settings)
    pairs = ((article.body, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size):
        pipeline.run(article, doc)
        yield article


def analyse_safely(
    records: Iterable[Input],
    *,
    nlp: Language | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Iterator[Record]:
    """Like `analyse`, but every document that fails becomes one `DocumentError`.

    Errors coming in pass through in place, so output order is input order.
    """
    nlp = nlp or prepare(settings)
    for chunk in chunked(records, settings.batch_size):
        yield from analyse_chunk(chunk, nlp=nlp, settings=settings)


def analyse_chunk(chunk: list[Input], *, nlp: Language, settings: Settings) -> list[Record]:
    """Read raw documents, then analyse the chunk with one `nlp.pipe` call; the unit of work
    every engine ships."""
    pipeline = build_pipeline(settings)
    read = [read_input(record) for record in chunk]
    checked = [
        record
        if isinstance(record, DocumentError)
        else reject_unfit(record, nlp.max_length, settings.language) or record
        for record in read
    ]
    articles = [record for record in checked if isinstance(record, Article)]
    docs = iter(_parse(nlp, [article.body for article in articles]))
    return [
        record if isinstance(record, DocumentError) else _finish(record, next(docs), pipeline)
        for record in checked
    ]


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


def _finish(article: Article, doc: Doc | Exception, pipeline: Pipeline) -> Record:
    """Run the stages on one parsed article, turning any failure into its error record,
    which names the stage that failed."""
    stage = "parse"

    def entering(name: str) -> None:
        nonlocal stage
        stage = name

    try:
        if isinstance(doc, Exception):
            raise doc
        pipeline.run(article, doc, on_stage=entering)
    except DocumentRejected as exc:
        return failure(article, exc.code, exc.message)
    except Exception as exc:
        return failure(
            article, ErrorCode.PROCESSING_FAILED, f"{stage}: {type(exc).__name__}: {exc}"
        )
    return article

"""Run articles through annotate and extract: the analysis half of the pipeline.

`read` produces `Article`s; `analyse` streams them through one spaCy
`nlp.pipe` call, then the annotate and extract stages, and yields each
article as soon as it is done, so memory stays flat however many go in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from sitrep.annotate import annotate
from sitrep.annotate.nlp import load_nlp
from sitrep.extract import extract
from sitrep.read import read_paths
from sitrep.records import Article, DocumentError

DEFAULT_BATCH_SIZE = 16


def analyse(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    do_extract: bool = True,
) -> Iterator[Article]:
    """Annotate (and extract from) each article, streaming."""
    nlp = nlp or load_nlp()
    pairs = ((article.body, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        annotate(article, doc)
        if do_extract:
            extract(article, doc)
        yield article


def process_paths(
    paths: Iterable[str], *, do_extract: bool = True, batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[Article | DocumentError]:
    """Read, annotate and extract every input, yielding articles and per-document errors."""
    errors: list[DocumentError] = []

    def articles_only() -> Iterator[Article]:
        for item in read_paths(paths):
            if isinstance(item, DocumentError):
                errors.append(item)
            else:
                yield item

    for article in analyse(articles_only(), batch_size=batch_size, do_extract=do_extract):
        while errors:
            yield errors.pop(0)
        yield article
    yield from errors

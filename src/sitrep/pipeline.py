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
from sitrep.records import Article

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

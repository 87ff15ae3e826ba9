"""Annotate stages: sentences, resolved places and canonical actors.

Each is registered by name with what it needs and fills (`sitrep.stages`).
`annotate(article, doc)` runs the three on an article and the spaCy `Doc` of its body,
filling `article.sentences`, `article.places`, `article.actors` and the role phrases
bound to people in `article.references`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.annotate.actors import find_actors
from sitrep.annotate.places import find_places
from sitrep.records import Article, Sentence
from sitrep.settings import ANNOTATE_STAGES, Settings
from sitrep.stages import build_pipeline, stage

# What an annotated article carries, for the extract stages that run on one.
ANNOTATE_ASSIGNS = ("sentences", "places", "actors", "references")


def annotate(article: Article, doc: Doc) -> Article:
    build_pipeline(Settings(stages=ANNOTATE_STAGES)).run(article, doc)
    return article


@stage("sentences", assigns=("sentences",))
def _sentences(article: Article, doc: Doc, settings: Settings) -> None:
    article.sentences = split_sentences(article, doc)


@stage("places", assigns=("places",))
def _places(article: Article, doc: Doc, settings: Settings) -> None:
    article.places = find_places(article, doc)


# Actors skip the words places already claimed ("Syria" the state, not a group). The role
# phrases bound to people ("the president") are the article's first references.
@stage("actors", requires=("places",), assigns=("actors", "references"))
def _actors(article: Article, doc: Doc, settings: Settings) -> None:
    article.actors, article.references = find_actors(article, doc)


def split_sentences(article: Article, doc: Doc) -> list[Sentence]:
    """spaCy's sentences, never crossing a paragraph break."""
    sentences: list[Sentence] = []
    paragraph_starts = _paragraph_starts(article)
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        # Split at paragraph breaks the parser did not respect.
        for piece_start, piece_end in _split_at_breaks(article.body, start, end):
            text = article.body[piece_start:piece_end]
            if text.strip():
                paragraph = sum(1 for s in paragraph_starts if s <= piece_start) - 1
                sentences.append(Sentence(piece_start, piece_end, text, max(paragraph, 0)))
    return sentences


def _paragraph_starts(article: Article) -> list[int]:
    starts, offset = [], 0
    for paragraph in article.paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 2
    return starts


def _split_at_breaks(body: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, cursor = [], start
    while (brk := body.find("\n\n", cursor, end)) != -1:
        pieces.append((cursor, brk))
        cursor = brk + 2
    pieces.append((cursor, end))
    return [(s + _lead(body[s:e]), e - _trail(body[s:e])) for s, e in pieces if body[s:e].strip()]


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def _trail(text: str) -> int:
    return len(text) - len(text.rstrip())

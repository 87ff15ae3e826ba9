"""Extract stages: claims with their sources, quotes, events and control changes.

Each is registered by name with what it needs and fills (`sitrep.stages`).
`extract(article, doc)` runs them on an annotated article (sentences, actors, places
filled) and the spaCy `Doc` of its body, adding to `article.references` (resolved
pronouns and descriptions), `article.quotes`, `article.claims`, `article.events` and
`article.control_changes`; the events stage uses the classifier `settings.classifier`
names, and records its verdict on the page in `article.page_judgement` where it judges pages.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from sitrep.annotate import ANNOTATE_ASSIGNS
from sitrep.extract.claims import find_claims
from sitrep.extract.control import find_control_changes
from sitrep.extract.events import find_events
from sitrep.extract.quotes import find_quotes
from sitrep.extract.reference import resolve_references
from sitrep.records import Article
from sitrep.settings import DEFAULT_SETTINGS, EXTRACT_STAGES, Settings
from sitrep.stages import build_pipeline, stage


def extract(article: Article, doc: Doc, settings: Settings = DEFAULT_SETTINGS) -> Article:
    stages = replace(settings, stages=EXTRACT_STAGES)
    build_pipeline(stages, filled=frozenset(ANNOTATE_ASSIGNS)).run(article, doc)
    return article


# Pronouns resolve to the actors and places the annotate stages found; the role phrases
# annotate bound stay.
@stage("references", requires=("sentences", "actors", "places"), assigns=("references",))
def _references(article: Article, doc: Doc, settings: Settings) -> None:
    resolved = resolve_references(article, doc).records(doc)
    article.references = sorted(
        [*article.role_references(), *resolved], key=lambda reference: reference.start
    )


@stage("quotes", requires=("sentences", "actors"), assigns=("quotes",))
def _quotes(article: Article, doc: Doc, settings: Settings) -> None:
    article.quotes = find_quotes(article, doc)


@stage("claims", requires=("sentences", "actors"), assigns=("claims",))
def _claims(article: Article, doc: Doc, settings: Settings) -> None:
    article.claims = find_claims(article, doc)


# An event points at the claim that reports it.
@stage("events", requires=("actors", "places", "claims"), assigns=("events", "page_judgement"))
def _events(article: Article, doc: Doc, settings: Settings) -> None:
    article.events = find_events(article, doc, classifier=settings.classifier)


@stage("control", requires=("events", "places"), assigns=("control_changes",))
def _control(article: Article, doc: Doc, settings: Settings) -> None:
    article.control_changes = find_control_changes(article, doc)

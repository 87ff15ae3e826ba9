"""Extract stage: claims with their sources, quotes, events and control changes.

Entry point: `extract(article, doc)` takes an annotated article (sentences,
actors, places filled) and the spaCy `Doc` of its body, and fills
`article.references` (resolved pronouns), `article.claims`, `article.quotes`,
`article.events` and `article.control_changes`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.extract.claims import find_claims
from sitrep.extract.control import find_control_changes
from sitrep.extract.events import find_events
from sitrep.extract.quotes import find_quotes
from sitrep.extract.reference import resolve_references
from sitrep.records import Article


def extract(article: Article, doc: Doc) -> Article:
    article.references = resolve_references(article, doc).records(doc)
    article.quotes = find_quotes(article, doc)
    article.claims = find_claims(article, doc)
    article.events = find_events(article, doc)
    article.control_changes = find_control_changes(article, doc)
    return article

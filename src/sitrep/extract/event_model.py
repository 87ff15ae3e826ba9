"""The trained event models: logistic regressions over parse features.

The weights ship as `knowledge/events/event_model.json`, written by
`scripts/train_event_model.py` from the TRAIN half of the gold sets (bench/splits.py); its
`about` field says what it was fitted on. Two models share the features
(`event_features.features`):
- the typer names a candidate word's PLOVER type, or NONE (no event);
- the backer judges a word the lexicon proposed: is it an event of the lexicon's type here
  ("keep"), or figurative, generic, background or the wrong type ("drop")? It keeps the word
  at `keep_threshold` or above, a probability chosen by cross-validation on TRAIN.
Scoring needs only numpy: each feature adds its weight row; a softmax gives probabilities.

A second pair, `event_model_vectors.json` (`scripts/train_event_model.py --vectors`), also
weighs what the words mean (`event_features.meaning`, word vectors): a dense weight matrix
over the vector features beside the sparse rows, and its own threshold for the typer's
additions, both chosen the same way.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from sitrep.extract.event_features import MEANING_SIZE
from sitrep.lexicon import KNOWLEDGE_DIR
from sitrep.taxonomy import known_type

MODEL_FILE = "event_model.json"
VECTORS_MODEL_FILE = "event_model_vectors.json"
NONE = "NONE"
KEEP = "keep"
# Backing the lexicon, the typer adds a word the lexicon did not propose only this surely
# (the parse-only model's file names no threshold of its own).
ADD_ABOVE = 0.7


@dataclass(frozen=True, slots=True)
class LinearModel:
    classes: tuple[str, ...]
    intercept: np.ndarray
    weights: dict[str, np.ndarray]
    # Classes x vector features, for a model that weighs word meaning; None for one that
    # does not.
    dense: np.ndarray | None = None

    def probabilities(
        self, features: Iterable[str], meaning: np.ndarray | None = None
    ) -> np.ndarray:
        scores = self.intercept.copy()
        for feature in features:
            row = self.weights.get(feature)
            if row is not None:
                scores += row
        if self.dense is not None and meaning is not None:
            scores += self.dense @ meaning
        scores = np.exp(scores - scores.max())
        return scores / scores.sum()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinearModel:
        if not data["weights"]:
            raise ValueError(f"{MODEL_FILE}: a model has no weights")
        return cls(
            classes=tuple(data["classes"]),
            intercept=np.asarray(data["intercept"], dtype=np.float64),
            weights={
                name: np.asarray(row, dtype=np.float64) for name, row in data["weights"].items()
            },
            dense=None if data.get("dense") is None else np.asarray(data["dense"], np.float64),
        )


@dataclass(frozen=True, slots=True)
class EventModels:
    typer: LinearModel
    backer: LinearModel
    keep_threshold: float
    # Nouns that were event words in training: candidates beside the lexicon's nouns.
    nouns: frozenset[str]
    add_above: float = ADD_ABOVE

    @property
    def uses_meaning(self) -> bool:
        """Whether the models weigh word vectors (`event_features.meaning`)."""
        return self.typer.dense is not None or self.backer.dense is not None


@functools.cache
def event_models(model_file: str = MODEL_FILE) -> EventModels:
    """The shipped models of one file, read once."""
    data = json.loads((KNOWLEDGE_DIR / "events" / model_file).read_text(encoding="utf-8"))
    models = EventModels(
        typer=LinearModel.from_json(data["typer"]),
        backer=LinearModel.from_json(data["backer"]),
        keep_threshold=float(data["keep_threshold"]),
        nouns=frozenset(data["nouns"]),
        add_above=float(data.get("add_above", ADD_ABOVE)),
    )
    if NONE not in models.typer.classes or KEEP not in models.backer.classes:
        raise ValueError(f"{model_file}: the typer needs a NONE class, the backer a keep class")
    for model in (models.typer, models.backer):
        if model.dense is not None and model.dense.shape != (len(model.classes), MEANING_SIZE):
            raise ValueError(f"{model_file}: dense weights of shape {model.dense.shape}")
    for name in models.typer.classes:
        if name != NONE:
            known_type(name, f"knowledge/events/{model_file}, the typer's classes")
    return models

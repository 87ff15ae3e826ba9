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
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from sitrep.lexicon import KNOWLEDGE_DIR
from sitrep.taxonomy import known_type

MODEL_FILE = "event_model.json"
NONE = "NONE"
KEEP = "keep"


@dataclass(frozen=True, slots=True)
class LinearModel:
    classes: tuple[str, ...]
    intercept: np.ndarray
    weights: dict[str, np.ndarray]

    def probabilities(self, features: Iterable[str]) -> np.ndarray:
        scores = self.intercept.copy()
        for feature in features:
            row = self.weights.get(feature)
            if row is not None:
                scores += row
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
        )


@dataclass(frozen=True, slots=True)
class EventModels:
    typer: LinearModel
    backer: LinearModel
    keep_threshold: float
    # Nouns that were event words in training: candidates beside the lexicon's nouns.
    nouns: frozenset[str]


@functools.cache
def event_models() -> EventModels:
    """The shipped models, read once."""
    data = json.loads((KNOWLEDGE_DIR / "events" / MODEL_FILE).read_text(encoding="utf-8"))
    models = EventModels(
        typer=LinearModel.from_json(data["typer"]),
        backer=LinearModel.from_json(data["backer"]),
        keep_threshold=float(data["keep_threshold"]),
        nouns=frozenset(data["nouns"]),
    )
    if NONE not in models.typer.classes or KEEP not in models.backer.classes:
        raise ValueError(f"{MODEL_FILE}: the typer needs a NONE class, the backer a keep class")
    for name in models.typer.classes:
        if name != NONE:
            known_type(name, f"knowledge/events/{MODEL_FILE}, the typer's classes")
    return models

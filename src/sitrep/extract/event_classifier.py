"""Which words of a sentence express a PLOVER event, and of what type and mode.

`EventClassifier` is the seam: anything that maps a sentence to labelled trigger words can
stand in for the lexicon (a fine-tuned model, or a model backed by the lexicon). Classifiers
are registered under versioned names; `find_events` takes the name as configuration.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.extract.event_lexicon import TriggerEntry, triggers, word_classes
from sitrep.extract.event_roles import is_verbal, subject_candidates, subtree

DEFAULT_CLASSIFIER = "sitrep.events.lexicon.v1"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PARTICLE_DEPS = frozenset({"prt", "advmod"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr"})
CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# A verb used as an adjective ("Iran-backed groups") reports no event.
ADJECTIVAL_DEPS = frozenset({"amod", "compound"})
# A triggers.tsv row of this type says the word names no event when its condition holds
# ("killed in a crash", "withdrew the bill").
NO_EVENT = "-"
UNCONDITIONED_SCORE = 0.6
CONDITIONED_SCORE = 0.75


@dataclass(frozen=True, slots=True)
class TriggerLabel:
    """One event word found in a sentence."""

    token: int  # index in the Doc of the word that carries the event
    particle: int | None  # index of its particle ("back" in "fall back"), if any
    type: str  # PLOVER event type
    mode: str | None
    score: float


class EventClassifier(Protocol):
    name: str

    def classify(
        self, sentence: SpacySpan, places: Collection[int] = frozenset()
    ) -> list[TriggerLabel]:
        """Every event word in the sentence, with its type, mode and score.

        `places` holds the Doc indices of tokens the annotate stage resolved as places.
        """
        ...


class LexiconEventClassifier:
    """Triggers from `knowledge/events/triggers.tsv`, disambiguated by their dependents."""

    name = DEFAULT_CLASSIFIER

    def __init__(self) -> None:
        self._triggers = triggers()
        self._classes = word_classes()

    def classify(
        self, sentence: SpacySpan, places: Collection[int] = frozenset()
    ) -> list[TriggerLabel]:
        labels = []
        for token in sentence:
            entries = self._triggers.get(token.lemma_.lower())
            if entries is None:
                continue
            label = self._label(token, entries, places)
            if label is not None:
                labels.append(label)
        return labels

    def _label(
        self, token: Token, entries: list[TriggerEntry], places: Collection[int]
    ) -> TriggerLabel | None:
        is_verb = is_verbal(token) and token.pos_ != "AUX"
        if is_verb and token.dep_ in ADJECTIVAL_DEPS:
            return None
        for entry in entries:
            if (entry.pos == "VERB") != is_verb or (not is_verb and token.pos_ != "NOUN"):
                continue
            particle = _particle(token, entry.particle)
            if entry.particle and particle is None:
                continue
            if entry.condition and not self._holds(token, entry.condition, places):
                continue
            if entry.type == NO_EVENT:
                return None
            score = CONDITIONED_SCORE if entry.condition else UNCONDITIONED_SCORE
            return TriggerLabel(token.i, particle, entry.type, entry.mode, score)
        return None

    def _holds(self, token: Token, condition: str, places: Collection[int]) -> bool:
        role, _, class_name = condition.partition(":")
        if role == "obj":
            return any(
                self._phrase_in_class(child, class_name, places)
                for child in token.children
                if child.dep_ in OBJECT_DEPS
            )
        if role == "subj":
            return any(
                self._phrase_in_class(subject, class_name, places)
                for subject in subject_candidates(token)
                if subject.i != token.i
            )
        if role == "clause":
            return any(
                _clause_kind(child) == class_name
                for child in token.children
                if child.dep_ in CLAUSE_DEPS
            )
        if role == "pobj":
            members = self._classes[class_name]
            return any(
                prep.lemma_.lower() in members
                or any(obj.lemma_.lower() in members for obj in prep.children)
                for prep in token.children
                if prep.dep_ in ("prep", "agent")
            )
        if role == "mod":
            members = self._classes[class_name]
            return any(
                child.dep_ in MODIFIER_DEPS and child.lemma_.lower() in members
                for child in token.children
            )
        raise ValueError(f"unknown trigger condition {condition!r}")

    def _phrase_in_class(self, head: Token, class_name: str, places: Collection[int]) -> bool:
        """Whether a noun phrase's head (or a noun inside it) belongs to a word class."""
        if class_name == "@place":
            territory = self._classes["territory"]
            return any(
                t.i in places or t.ent_type_ in PLACE_LABELS or t.lemma_.lower() in territory
                for t in subtree(head)
            )
        members = self._classes[class_name]
        if "@person" in members and head.ent_type_ == "PERSON":
            return True
        return head.lemma_.lower() in members or any(
            t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in members for t in subtree(head)
        )


def _clause_kind(verb: Token) -> str | None:
    """ "to" for an infinitive clause ("asked them to leave"), "that" for a finite
    complement ("recognized that they were"); None for a finite adverbial clause."""
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return "to"
    return "that" if verb.dep_ == "ccomp" else None


def _particle(token: Token, particle: str | None) -> int | None:
    if particle is None:
        return None
    return next(
        (c.i for c in token.rights if c.dep_ in PARTICLE_DEPS and c.lower_ == particle), None
    )


CLASSIFIERS: dict[str, Callable[[], EventClassifier]] = {
    DEFAULT_CLASSIFIER: LexiconEventClassifier,
}


def register_classifier(name: str, factory: Callable[[], EventClassifier]) -> None:
    """Make a classifier available under a versioned name, e.g. "acme.events.bert.v1"."""
    CLASSIFIERS[name] = factory
    get_classifier.cache_clear()


@functools.cache
def get_classifier(name: str = DEFAULT_CLASSIFIER) -> EventClassifier:
    try:
        factory = CLASSIFIERS[name]
    except KeyError:
        known = sorted(CLASSIFIERS)
        raise ValueError(f"no event classifier named {name!r}; known: {known}") from None
    return factory()

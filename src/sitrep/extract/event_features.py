"""Parse features of a candidate event word, for the trained event-type model.

A candidate is a verb (any verb: the model may find event words the lexicon lacks) or a noun
the lexicon or the model's own vocabulary knows. Its features describe its clause as the
parser sees it: the word and what the lexicon says of it, the word that governs it and
whether that one is an event word too (the main predicate decides: "agreed to undertake
exercises"), its dependents (objects, prepositions and their entity types, negation, modal
auxiliaries, particles), who its subject is (a person, organisation or state, a pronoun, a
common noun or nothing: "forecasters warning" is no state's threat), and the entity types
the sentence holds. The same function feeds training (scripts/train_event_model.py) and
classification, so the two cannot drift apart.

`meaning` adds what the words mean (word vectors, `event_vectors`): the word itself, the word
that governs it, its subject and its objects. A model fitted on them can type a word no list
names ("telephoned" near "called") and tell "seized on a feel" from "seized a town".
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

import numpy as np
from spacy.tokens import Token

from sitrep.extract.event_roles import is_verbal, subject_candidates
from sitrep.extract.event_vectors import DIMENSIONS, WordVectors

# Dependents whose word says what the event is about.
CONTENT_DEPS = frozenset(
    {"dobj", "nsubj", "nsubjpass", "xcomp", "ccomp", "prt", "agent", "attr", "oprd", "dative"}
)
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# How far up the parse a governing event word still decides over this one.
GOVERNOR_DEPTH = 3
# Dependents whose meaning says what the event acts on: objects, complements, and the
# objects of its prepositions.
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative", "xcomp", "ccomp"})
# The word, its governor, its subject, its objects: one vector each.
MEANING_PARTS = 4
MEANING_SIZE = MEANING_PARTS * DIMENSIONS


def candidate(token: Token, known_nouns: Collection[str]) -> bool:
    """Whether a word may carry an event: a verb, or a known event noun."""
    if token.pos_ == "VERB" or (token.pos_ == "NOUN" and is_verbal(token)):
        return True
    return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in known_nouns


def features(
    token: Token, lexicon_types: Mapping[int, str], entry_types: Collection[str]
) -> list[str]:
    """The parse features of one candidate word.

    `lexicon_types` maps Doc indices of the sentence's words to the type the lexicon gave
    them ("-" for a vetoed word); `entry_types` are the types the lexicon lists for this
    word's lemma under any condition.
    """
    lemma = token.lemma_.lower()
    found = [
        f"lem={lemma}",
        f"pos={token.pos_}",
        f"tag={token.tag_}",
        f"dep={token.dep_}",
        f"lex={lexicon_types.get(token.i, 'none')}",
        f"lem|dep={lemma}|{token.dep_}",
    ]
    found += [f"lexany={t}" for t in entry_types]
    found += _governors(token, lexicon_types)
    has_object = False
    for child in token.children:
        dep = child.dep_
        if dep == "neg":
            found.append("neg")
        elif dep in ("aux", "auxpass"):
            found.append(f"aux={child.lemma_.lower()}" if child.tag_ == "MD" else f"{dep}")
        elif dep == "prep":
            found.append(f"prep={child.lower_}")
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found.append(f"p:{child.lower_}={obj.lemma_.lower()}")
                    found.append(f"pe:{child.lower_}={_kind(obj)}")
        elif dep in CONTENT_DEPS:
            found.append(f"c:{dep}={child.lemma_.lower()}")
            found.append(f"ce:{dep}={_kind(child)}")
            if child.i in lexicon_types:
                found.append(f"cl:{dep}={lexicon_types[child.i]}")
            has_object = has_object or dep in ("dobj", "nsubjpass")
        elif dep in MODIFIER_DEPS:
            found.append(f"m:{dep}={child.lemma_.lower()}")
            found.append(f"me:{dep}={_kind(child)}")
    if not has_object:
        found.append("no_object")
    subjects = [s for s in subject_candidates(token) if s.i != token.i]
    found.append(f"subj={_kind(subjects[0]) if subjects else 'none'}")
    if subjects:
        found.append(f"subjlem={subjects[0].lemma_.lower()}")
    found += [f"sent={label}" for label in sorted({e.label_ for e in token.sent.ents})]
    return found


def meaning(token: Token, vectors: WordVectors) -> np.ndarray:
    """The word's vector, its governor's, its subject's and the mean of its objects' (zeros
    for a part that is absent or that the vectors do not know), end to end."""
    subjects = [s for s in subject_candidates(token) if s.i != token.i]
    objects = [c for c in token.children if c.dep_ in OBJECT_DEPS] + [
        obj
        for prep in token.children
        if prep.dep_ in ("prep", "agent")
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    head = [token.head] if token.head.i != token.i else []
    parts = [[token], head, subjects[:1], objects]
    return np.concatenate([_mean(words, vectors) for words in parts])


def _mean(words: list[Token], vectors: WordVectors) -> np.ndarray:
    known = [v for v in (_vector(w, vectors) for w in words) if v is not None]
    if not known:
        return np.zeros(DIMENSIONS, dtype=np.float32)
    return np.mean(known, axis=0)


def _vector(word: Token, vectors: WordVectors) -> np.ndarray | None:
    # The lemma generalises over inflections; a word whose lemma is unknown keeps its form.
    found = vectors.of(word.lemma_)
    return found if found is not None else vectors.of(word.text)


def _governors(token: Token, lexicon_types: Mapping[int, str]) -> list[str]:
    """The word this one depends on, and event words up the parse that govern it."""
    head = token.head
    found = [f"hlem={head.lemma_.lower()}", f"hdep={head.dep_}"] if head.i != token.i else ["root"]
    seen = {token.i}
    current = token
    for depth in range(GOVERNOR_DEPTH):
        parent = current.head
        if parent.i in seen:
            break
        seen.add(parent.i)
        if current.dep_ in ("relcl", "acl", "advcl"):
            found.append(f"under={current.dep_}")
        if parent.i in lexicon_types:
            found.append(f"gov{depth}={lexicon_types[parent.i]}|{current.dep_}")
        current = parent
    return found


def _kind(word: Token) -> str:
    """What a dependent is: an actor's entity type, a pronoun, a date, a number, a noun."""
    label = word.ent_type_
    if label in ACTOR_LABELS:
        return label
    if label:
        return "OTHER_ENT"
    if word.pos_ == "PRON":
        return "PRON"
    return word.pos_

"""Territorial control over time: who took or gave up which place, when, and how surely.

Built from the events (so `find_events` runs first): an asserted event whose trigger word
changes who holds a place (`knowledge/events/control.tsv`) gives one change per place.
"Seized" is surer than "entered"; "parts of Daraa" is a partial change. Proposed,
hypothetical or negated events change nothing. Each change points at its event, and so at
the claim and source it rests on: answering "who held Homs on 7 Dec 2024, and per whom"
is a query over these records.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sitrep.extract.event_lexicon import control_entries, word_classes
from sitrep.extract.event_roles import RoleFinder
from sitrep.records import Actor, Article, ControlChange, Event, EventStatus, PlaceBasis

PARTICLE_DEPS = frozenset({"prt", "advmod"})
# Links that keep a place name inside the phrase a part-word heads ("parts of Daraa province").
PHRASE_DEPS = frozenset({"compound", "pobj", "prep", "conj", "appos", "amod"})


def find_control_changes(article: Article, doc: Doc) -> list[ControlChange]:
    entries = control_entries()
    roles = RoleFinder(article, doc)
    changes: list[ControlChange] = []
    for event in article.events:
        # Ground changes hands where the text says it does, never at an inferred place.
        if (
            event.status is not EventStatus.ASSERTED
            or event.place_id is None
            or event.place_basis is not PlaceBasis.CLAUSE
        ):
            continue
        trigger = _trigger_token(doc, event)
        if trigger is None:
            continue
        particle = next((c.lower_ for c in trigger.rights if c.dep_ in PARTICLE_DEPS), None)
        entry = entries.get((trigger.lemma_.lower(), particle)) or entries.get(
            (trigger.lemma_.lower(), None)
        )
        if entry is None:
            continue
        other = _counterpart(trigger, "from" if entry.effect == "gain" else "to", roles)
        other_id = other.id if other else event.target_id
        if entry.effect == "gain":
            from_id, to_id = other_id if other else None, event.actor_id
        else:
            from_id, to_id = event.actor_id, other_id
        changes.append(
            ControlChange(
                place_id=event.place_id,
                from_actor_id=from_id,
                to_actor_id=to_id,
                date=event.date,
                confidence=entry.confidence,
                event_id=event.id,
                evidence=event.evidence,
                partial=_is_partial(doc, article, event),
            )
        )
    return changes


def _trigger_token(doc: Doc, event: Event) -> Token | None:
    if event.trigger_span is None:
        return None
    span = doc.char_span(event.trigger_span.start, event.trigger_span.end)
    return span[0] if span is not None and len(span) else None


def _counterpart(trigger: Token, preposition: str, roles: RoleFinder) -> Actor | None:
    """The actor in a "from …" (who lost it) or "to …" (who got it) phrase of the trigger."""
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ == preposition:
            for obj in prep.children:
                found = roles.actor_of_phrase(obj) if obj.dep_ == "pobj" else None
                if found is not None:
                    return found
    return None


def _is_partial(doc: Doc, article: Article, event: Event) -> bool:
    """Whether the place is named as a part ("parts of", "the outskirts of")."""
    place = article.place(event.place_id)
    if place is None:
        return False
    part_words = word_classes()["partial"]
    for mention in place.mentions:
        if not event.evidence.start <= mention.start < event.evidence.end:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        token = span.root
        visited: set[int] = set()
        while token.dep_ in PHRASE_DEPS and token.head.i != token.i and token.i not in visited:
            visited.add(token.i)
            token = token.head
            if token.lemma_.lower() in part_words:
                return True
    return False

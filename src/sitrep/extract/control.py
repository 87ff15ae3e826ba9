"""Territorial control over time: who took or gave up which place, when, and how surely.

Built from the events (so `find_events` runs first): an asserted event whose trigger word
changes who holds a place (`knowledge/events/control.tsv`) gives one change per place.
"Seized" is surer than "entered"; "parts of Daraa" is a partial change, and so is
"entered Homs" (fighters in a place hold part of it at most). Proposed,
hypothetical or negated events change nothing. Each change points at its event, and so at
the claim and source it rests on: answering "who held Homs on 7 Dec 2024, and per whom"
is a query over these records.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sitrep.extract.event_lexicon import ControlEntry, control_entries, word_classes
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
        entry = _entry(trigger, entries)
        if entry is None:
            continue
        other = _counterpart(trigger, "from" if entry.effect == "gain" else "to", roles)
        other_id = other.id if other else event.target_id
        if entry.effect == "gain":
            from_id, to_id = other_id if other else None, event.actor_id
        else:
            from_id, to_id = event.actor_id, other_id
        # A change says who holds the place. With neither side known, the verb still needs
        # someone doing it ("gunmen seized the town") or the place as what was taken ("Homs
        # was captured"); "to take on China", "Enter South Dakota to ..." or "I took over
        # Washington" (a coach, a team) name no one who holds anything.
        if (
            from_id is None
            and to_id is None
            and not _has_nominal_subject(trigger)
            and not _place_is_passive_subject(trigger, article, event)
        ):
            continue
        changes.append(
            ControlChange(
                place_id=event.place_id,
                from_actor_id=from_id,
                to_actor_id=to_id,
                date=event.date,
                confidence=entry.confidence,
                event_id=event.id,
                evidence=event.evidence,
                partial=entry.partial or _is_partial(doc, article, event),
            )
        )
    return changes


def _entry(
    trigger: Token, entries: dict[tuple[str, str | None], ControlEntry]
) -> ControlEntry | None:
    """The entry for the trigger's verb. A particle makes another verb: "take on" (confront)
    and "take in" (receive) are not "take", so a verb with a particle its entries do not
    list has no entry; an adverb ("quickly seized") leaves the verb as it is."""
    lemma = trigger.lemma_.lower()
    particles = [c for c in trigger.rights if c.dep_ in PARTICLE_DEPS]
    for particle in particles:
        if (lemma, particle.lower_) in entries:
            return entries[(lemma, particle.lower_)]
    if any(particle.dep_ == "prt" for particle in particles):
        return None
    return entries.get((lemma, None))


def _has_nominal_subject(trigger: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in trigger.children)


def _place_is_passive_subject(trigger: Token, article: Article, event: Event) -> bool:
    place = article.place(event.place_id)
    if place is None:
        return False
    subjects = [child for child in trigger.children if child.dep_ == "nsubjpass"]
    return any(
        subject.left_edge.idx <= mention.start < subject.right_edge.idx + len(subject.right_edge)
        for subject in subjects
        for mention in place.mentions
    )


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

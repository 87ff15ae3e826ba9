"""Source typing from what the text says of a speaker (no spaCy model needed)."""

from __future__ import annotations

from sitrep.extract.sourcing import SpeakerEvidence, classify_source
from sitrep.records import Actor, ActorKind, SourceType


def _evidence(
    head: str, description: str, actor: Actor | None = None, **flags: bool
) -> SpeakerEvidence:
    return SpeakerEvidence(
        head=head,
        description=description,
        context=description,
        actor=actor,
        owner=None,
        proper=flags.get("proper", False),
        entity_label="ORG" if flags.get("proper") else "",
        person=flags.get("person", False),
    )


def test_sourcing_a_public_body_is_an_organisation_its_voice_an_official_statement() -> None:
    types = [
        classify_source(_evidence(head, description))
        for head, description in [
            ("police", "police"),
            ("ministry", "the Commerce Ministry"),
            ("ministry", "a ministry"),
            ("spokesman", "an army spokesman"),
            ("office", "Assad's office"),
            ("statement", "the police statement"),
        ]
    ]
    assert [t.type if t else None for t in types] == [
        SourceType.NAMED_ORGANISATION,
        SourceType.NAMED_ORGANISATION,
        SourceType.UNNAMED_ORGANISATION,
        SourceType.OFFICIAL_STATEMENT,
        SourceType.OFFICIAL_STATEMENT,
        SourceType.OFFICIAL_STATEMENT,
    ]


def test_sourcing_a_name_described_as_a_person_is_a_person() -> None:
    tagged_as_body = Actor("actor-1", "Sachin Pilot", ActorKind.ORGANISATION)
    described = classify_source(
        _evidence("pilot", "Sachin Pilot", tagged_as_body, proper=True, person=True)
    )
    undescribed = classify_source(_evidence("pilot", "Sachin Pilot", tagged_as_body, proper=True))
    no_actor = classify_source(_evidence("prasad", "Eswar Prasad", proper=True, person=True))
    assert described is not None and undescribed is not None and no_actor is not None
    assert (described.type, described.name) == (SourceType.NAMED_PERSON, "Sachin Pilot")
    assert undescribed.type is SourceType.NAMED_ORGANISATION
    assert no_actor.type is SourceType.NAMED_PERSON

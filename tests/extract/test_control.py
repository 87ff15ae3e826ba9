"""Territorial control: who took or gave up which place, when, and how surely."""

from __future__ import annotations

from datetime import date

import pytest
from test_events import build_article

from sitrep.extract.control import find_control_changes
from sitrep.extract.events import find_events
from sitrep.records import ActorKind, Article


def _changes(nlp, article: Article):  # type: ignore[no-untyped-def]
    doc = nlp(article.body)
    article.events = find_events(article, doc)
    return find_control_changes(article, doc)


def _name(article: Article, record_id: str | None) -> str | None:
    record = article.actor(record_id) or article.place(record_id)
    return record.name if record else None


GROUPS = {
    "rebels": (ActorKind.GROUP, "rebel"),
    "government": (ActorKind.GROUP, "government"),
    "Kurdish fighters": (ActorKind.GROUP, "rebel"),
}


@pytest.mark.slow
def test_control_seizing_is_surer_than_entering(nlp) -> None:  # type: ignore[no-untyped-def]
    article = build_article(
        "The rebels seized Aleppo on Friday. The rebels have entered Homs, a war monitor said.",
        GROUPS,
        ["Aleppo", "Homs"],
    )
    changes = {_name(article, c.place_id): c for c in _changes(nlp, article)}
    assert set(changes) == {"Aleppo", "Homs"}
    assert _name(article, changes["Aleppo"].to_actor_id) == "rebels"
    assert changes["Aleppo"].date is not None and changes["Aleppo"].date.start == date(2024, 12, 6)
    assert changes["Homs"].confidence < changes["Aleppo"].confidence
    # Fighters who entered a place hold part of it at most.
    assert changes["Homs"].partial is True and changes["Aleppo"].partial is False
    assert changes["Homs"].event_id is not None


@pytest.mark.slow
def test_control_ceding_moves_the_place_from_actor_to_recipient(nlp) -> None:  # type: ignore[no-untyped-def]
    article = build_article(
        "The government ceded the eastern city of Deir Ezzor to Kurdish fighters.",
        GROUPS,
        ["Deir Ezzor"],
    )
    [change] = _changes(nlp, article)
    assert _name(article, change.place_id) == "Deir Ezzor"
    assert _name(article, change.from_actor_id) == "government"
    assert _name(article, change.to_actor_id) == "Kurdish fighters"


@pytest.mark.slow
def test_control_parts_of_a_place_are_partial(nlp) -> None:  # type: ignore[no-untyped-def]
    article = build_article("The rebels have seized parts of Daraa province.", GROUPS, ["Daraa"])
    [change] = _changes(nlp, article)
    assert change.partial is True


@pytest.mark.slow
def test_control_proposed_or_conditional_events_change_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    article = build_article(
        "The rebels could seize Homs within days. The government is proposing to cede Daraa.",
        GROUPS,
        ["Homs", "Daraa"],
    )
    assert _changes(nlp, article) == []


@pytest.mark.slow
def test_control_sample_page_events_and_changes(nlp, sample_path) -> None:  # type: ignore[no-untyped-def]
    from sitrep.pipeline import process_paths

    [article] = list(process_paths([str(sample_path)]))
    assert isinstance(article, Article)
    triggers = {e.trigger for e in article.events}
    assert {"seized", "entered", "ceded", "airstrikes", "fall back", "sent"} <= triggers
    proposals = {e.trigger for e in article.events if e.status.value == "proposed"}
    assert {"cut", "talks"} <= proposals
    held = {_name(article, c.place_id) for c in article.control_changes}
    assert {"Homs", "Daraa"} <= held


@pytest.mark.slow
def test_control_needs_a_side_unless_the_place_is_what_was_taken(nlp) -> None:  # type: ignore[no-untyped-def]
    # Neither a taker nor a loser: nothing is said of who holds the place...
    for text in (
        "He is tough enough to take on Ankara without fear.",
        "Enter Idlib to see the old market.",
        "I took over Boston when the team was losing.",
    ):
        place = next(name for name in ("Ankara", "Idlib", "Boston") if name in text)
        assert _changes(nlp, build_article(text, GROUPS, [place])) == [], text
    # ...but someone named doing it, or a passive whose subject is the place, says it
    # changed hands, though the taker is no known actor.
    for text in ("Gunmen seized Idlib on Sunday.", "Idlib was captured on Sunday."):
        [change] = _changes(nlp, build_article(text, GROUPS, ["Idlib"]))
        assert change.from_actor_id is None and change.to_actor_id is None, text


@pytest.mark.slow
def test_control_a_particle_makes_another_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    # "take on" confronts, "take over" and "take back" gain, an adverb changes nothing.
    article = build_article("The rebels took on the army near Idlib.", GROUPS, ["Idlib"])
    assert _changes(nlp, article) == []
    for text in (
        "The rebels took over the town of Idlib on Sunday.",
        "The rebels took back Idlib on Sunday.",
        "The rebels quickly seized Idlib.",
    ):
        article = build_article(text, GROUPS, ["Idlib"])
        [change] = _changes(nlp, article)
        assert _name(article, change.to_actor_id) == "rebels", text

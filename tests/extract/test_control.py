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

"""How single lines of the brief read: reports that tell an event otherwise, one sentence
telling an event twice, and the first mention of one of two people sharing a family name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.brief.brief_store import with_sentences
from tests.store.store_builders import HOMS, add_actor, add_event, add_place, article

from sitrep.brief import Brief, build_brief, render_html, render_markdown
from sitrep.brief.markdown import md
from sitrep.records import ActorKind, EventStatus
from sitrep.store import open_store

SHELLED = "Troops shelled Homs on Saturday."
DENIED = "The troops never shelled Homs, a resident said."
SENT = "The army sent envoys to meet and to brief the governor in Homs."
BASHAR = "Bashar Al-Assad spoke on television."
HAFEZ = "A statue of Hafez Al-Assad was torn down."
DAY = date(2024, 12, 7)


def _brief(tmp_path: Path) -> Brief:
    item = article(f"TEST DATA. {SHELLED} {DENIED} {SENT} {BASHAR} {HAFEZ}")
    army = add_actor(item, "army", mention="Troops")
    homs = add_place(item, HOMS)
    add_event(item, SHELLED, actor_id=army, place_id=homs, day="2024-12-07")
    # The same actor: a report naming none would be another event (store merge).
    add_event(
        item, DENIED, actor_id=army, place_id=homs, day="2024-12-07", status=EventStatus.NEGATED
    )
    for _ in range(2):  # "to meet" and "to brief": two mentions, one sentence
        add_event(item, SENT, "CONSULT", actor_id=army, place_id=homs, day="2024-12-07")
    add_actor(item, "Bashar Al-Assad", ActorKind.PERSON, aliases=("Al-Assad",))
    add_actor(item, "Hafez Al-Assad", ActorKind.PERSON, aliases=("Al-Assad",))
    path = str(tmp_path / "lines.duckdb")
    store = open_store(path)
    try:
        store.write([with_sentences(item)])
        return build_brief(store, DAY, DAY)
    finally:
        store.close()


def test_brief_lines_read_as_the_sentences_say(tmp_path: Path) -> None:
    brief = _brief(tmp_path)
    (shelling,) = [e for e in brief.events if e.type == "ASSAULT"]
    assert shelling.other_statuses == {"negated": 1}
    # The sentence denying the shelling is labelled, not offered as evidence that it happened.
    markdown = render_markdown(brief, "http://sitrep.test")
    assert f"*reported as negated:* “{md(DENIED)}”" in markdown
    assert (
        f"“{md(SHELLED)}”" in markdown and f"*reported as negated:* “{md(SHELLED)}”" not in markdown
    )
    assert "reported as negated:</em> <q>The troops never shelled" in render_html(brief, "")
    # Two mentions in one sentence are one report.
    (talks,) = [e for e in brief.events if e.type == "CONSULT"]
    assert ([e.text for e in talks.evidence], talks.reports) == ([SENT], 1)
    # Hafez is first named in his own sentence, not where Bashar (also "Al-Assad") is.
    first = {actor.name: actor.evidence[0].text for actor in brief.new_actors}
    assert (first["Hafez Al-Assad"], first["Bashar Al-Assad"]) == (HAFEZ, BASHAR)

"""A small hand-made week for the brief's tests: no model, every date and status chosen.

- Two independent outlets report rebels attacking Homs on 2024-12-07 (one merged event,
  two sources); the first also says the rebels took Homs, quotes an anonymous claim, names a
  new group (Hayat Tahrir al-Sham) and reports talks that are only proposed. Its title and
  link are hostile.
- The second outlet also says rebels seized Hama "over the past week": a change that began
  before the window and belongs in it.
- An article of 2024-11-20 already named the rebels: they are not new in the week.
- A misdated article (published 2024-12-08, telling of an event "in 2047") and one published
  in 2047 must not move the default window.
"""

from __future__ import annotations

import re
from datetime import date

from tests.store.store_builders import (
    HOMS,
    OTHER_STORY,
    WIRE_STORY,
    add_actor,
    add_claim,
    add_control,
    add_event,
    add_place,
    article,
    homs_attack,
    span,
)

from sitrep.records import (
    Article,
    ControlChange,
    DatePrecision,
    EventDate,
    EventStatus,
    Sentence,
    Source,
    SourceType,
)

HOSTILE_TITLE = "<script>window.__pwned=1</script>"
HOSTILE_ACTOR = '"><img src=x onerror="window.__pwned=2">'
WEEK = ("2024-12-01", "2024-12-07")

TAKEN = "Rebels took full control of Homs on Saturday, a monitor said."
CLAIM = "The army has abandoned its positions, a person familiar with the matter said."
PROPOSED = "Officials proposed talks with the opposition in Homs next week."
NEW_GROUP = "Hayat Tahrir al-Sham led the assault."
HOSTILE_LINE = f"Fighters loyal to {HOSTILE_ACTOR} joined them."
HAMA_FELL = "Rebels seized Hama over the past week."
HAMA = (170063, "Hama", 35.13179, 36.75783, "SY", "PPLA")


def with_sentences(item: Article) -> Article:
    """Sentence spans for the body: each run up to a full stop and the space after it."""
    for match in re.finditer(r"[^ ].*?(?:\.(?= |$)|$)", item.body):
        item.sentences.append(Sentence(match.start(), match.end(), match.group(), 0))
    return item


def first_report() -> Article:
    body = " ".join([WIRE_STORY, TAKEN, CLAIM, PROPOSED, NEW_GROUP, HOSTILE_LINE])
    item = homs_attack(body, outlet="Wire")
    item.title = HOSTILE_TITLE
    item.url = "javascript:window.__pwned=3"
    rebels = item.actors[0].id
    homs = item.places[0].id
    add_control(item, TAKEN, homs, rebels, "2024-12-07")
    add_claim(item, CLAIM, Source(SourceType.ANONYMOUS, "a person familiar with the matter"))
    add_event(
        item, PROPOSED, "CONSULT", place_id=homs, day="2024-12-07", status=EventStatus.PROPOSED
    )
    hts = add_actor(item, "Hayat Tahrir al-Sham")
    add_event(item, NEW_GROUP, "ASSAULT", actor_id=hts, day="2024-12-07")
    add_actor(item, HOSTILE_ACTOR)
    return with_sentences(item)


def second_report() -> Article:
    """The Monitor's story, which also says Hama fell over the days before and into the week."""
    body = f"{OTHER_STORY} {HAMA_FELL}"
    item = homs_attack(body, outlet="Monitor", url="https://monitor.test/homs")
    hama = add_place(item, HAMA)
    when = EventDate(date(2024, 11, 28), date(2024, 12, 2), DatePrecision.RANGE)
    item.control_changes.append(
        ControlChange(hama, None, item.actors[0].id, when, 0.8, None, span(item, HAMA_FELL))
    )
    return with_sentences(item)


def earlier_story() -> Article:
    item = article("TEST DATA. Syrian rebels gathered north of Hama.", published="2024-11-20")
    add_actor(item, "Syrian rebels", mention="rebels", aliases=("rebels",))
    return with_sentences(item)


def misdated_stories() -> list[Article]:
    misdated = article("TEST DATA. Elections will be held in Homs in 2047.", published="2024-12-08")
    add_event(
        misdated,
        "TEST DATA. Elections will be held in Homs in 2047.",
        "CONSULT",
        place_id=add_place(misdated, HOMS),
        day="2047-12-31",
    )
    future = article("TEST DATA. A page dated far ahead reports a clash.", published="2047-06-01")
    add_event(future, "TEST DATA. A page dated far ahead reports a clash.", day="2047-06-01")
    return [misdated, future]


def week_articles() -> list[Article]:
    return [first_report(), second_report(), earlier_story(), *misdated_stories()]

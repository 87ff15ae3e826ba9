"""Hand-built `Article` records for the store tests: fast, no model, every field chosen."""

from __future__ import annotations

import re
from datetime import date, datetime

from sitrep.records import (
    Actor,
    ActorKind,
    Article,
    Certainty,
    Claim,
    ControlChange,
    DatePrecision,
    Event,
    EventDate,
    EventStatus,
    InputKind,
    LocationPrecision,
    Place,
    Reference,
    Source,
    SourceType,
    Span,
    content_hash,
)

HOMS = (169577, "Homs", 34.72682, 36.72339, "SY", "PPLA")
DAMASCUS = (170654, "Damascus", 33.5102, 36.29128, "SY", "PPLC")
TEHRAN = (112931, "Tehran", 35.69439, 51.42151, "IR", "PPLC")


def article(
    body: str,
    *,
    published: str = "2024-12-07",
    url: str | None = None,
    outlet: str = "Test Wire",
) -> Article:
    """An article whose body is `body` (one paragraph); add actors, places and facts after."""
    return Article(
        source=url or f"test://{content_hash(body.encode())[:8]}",
        content_hash=content_hash(f"{url}|{body}".encode()),
        input_kind=InputKind.TEXT,
        paragraphs=[body],
        url=url,
        title=body[:40],
        published=datetime.fromisoformat(published),
        outlet=outlet,
        language="en",
    )


def span(item: Article, text: str, after: int = 0) -> Span:
    start = item.body.index(text, after)
    return Span(start, start + len(text), text)


def add_actor(
    item: Article,
    name: str,
    kind: ActorKind = ActorKind.GROUP,
    *,
    mention: str | None = None,
    aliases: tuple[str, ...] = (),
    country: str | None = None,
) -> str:
    actor_id = f"actor-{len(item.actors) + 1}"
    mentions = [span(item, mention or name)] if (mention or name) in item.body else []
    item.actors.append(Actor(actor_id, name, kind, None, country, list(aliases), mentions))
    return actor_id


def add_reference(item: Article, pronoun: str, actor_id: str) -> None:
    """The first `pronoun` (a whole word) resolved to the actor's first mention, as the
    reference stage records it."""
    found = re.search(rf"\b{re.escape(pronoun)}\b", item.body)
    assert found is not None, pronoun
    actor = next(a for a in item.actors if a.id == actor_id)
    antecedent = actor.mentions[0]
    item.references.append(
        Reference(
            pronoun,
            found.start(),
            found.end(),
            actor.name,
            actor_id,
            antecedent.start,
            antecedent.end,
        )
    )


def add_place(item: Article, gazetteer_row: tuple, mention: str | None = None) -> str:  # type: ignore[type-arg]
    geonames_id, name, lat, lon, country, code = gazetteer_row
    place_id = f"place-{len(item.places) + 1}"
    precision = LocationPrecision.CITY
    mentions = [span(item, mention or name)] if (mention or name) in item.body else []
    item.places.append(
        Place(place_id, name, geonames_id, lat, lon, country, "P", code, precision, mentions)
    )
    return place_id


def add_claim(
    item: Article,
    text: str,
    source: Source | None = None,
    certainty: Certainty = Certainty.ASSERTED,
) -> int:
    found = span(item, text)
    item.claims.append(
        Claim(
            text,
            found.start,
            found.end,
            source or Source(SourceType.OUTLET, item.outlet),
            certainty,
        )
    )
    return len(item.claims) - 1


def add_event(
    item: Article,
    sentence: str,
    event_type: str = "ASSAULT",
    *,
    actor_id: str | None = None,
    target_id: str | None = None,
    place_id: str | None = None,
    day: str | None = None,
    status: EventStatus = EventStatus.ASSERTED,
    claim_index: int | None = None,
) -> str:
    event_id = f"event-{len(item.events) + 1}"
    when = (
        EventDate(date.fromisoformat(day), date.fromisoformat(day), DatePrecision.DAY)
        if day
        else None
    )
    item.events.append(
        Event(
            event_id,
            event_type,
            None,
            sentence.split()[1],
            status,
            actor_id,
            target_id,
            place_id,
            when,
            "Battles",
            "Armed clash",
            span(item, sentence),
            claim_index,
        )
    )
    return event_id


def add_control(item: Article, sentence: str, place_id: str, to_actor_id: str, day: str) -> None:
    when = EventDate(date.fromisoformat(day), date.fromisoformat(day), DatePrecision.DAY)
    item.control_changes.append(
        ControlChange(place_id, None, to_actor_id, when, 0.8, None, span(item, sentence))
    )


WIRE_STORY = (
    "TEST DATA. Rebel fighters attacked government positions in Homs on Saturday, residents said. "
    "The offensive followed a week of rapid advances across the north of the country, and "
    "commanders said they expected to reach the outskirts of the capital within days. Shops "
    "closed early and long queues formed at bakeries as families prepared to leave the city."
)
OTHER_STORY = (
    "TEST DATA. Heavy fighting broke out in Homs as rebels attacked army posts, according to a "
    "monitoring group based abroad. It described the clashes as the fiercest in the province for "
    "years and said thousands of civilians were fleeing south along the main highway."
)


def homs_attack(body: str, *, outlet: str, url: str | None = None) -> Article:
    """One report of the rebels' attack on Homs on 7 December 2024, told in `body`."""
    item = article(body, outlet=outlet, url=url)
    rebels = add_actor(item, "Syrian rebels", mention="ebel", aliases=("rebels",))
    homs = add_place(item, HOMS)
    sentence = body.split(". ")[1]
    claim = add_claim(item, sentence)
    add_event(item, sentence, actor_id=rebels, place_id=homs, day="2024-12-07", claim_index=claim)
    return item


def undated_protest() -> Article:
    """An article with one event and no date at all: neither the event's nor a
    publication date to fall back on."""
    body = "TEST DATA. Crowds marched through the old city to demand the release of prisoners."
    item = article(body, outlet="Undated")
    item.published = None
    add_event(item, body.split(". ")[1], "PROTEST")
    return item


def contradiction_fixture() -> list[Article]:
    """Articles holding every kind of contradiction, some several times over: control of
    Homs disputed by three outlets, Assad placed in three cities (once republished), and an
    attack asserted twice and denied once."""
    items = []
    for body, holder, outlet, day in (
        ("TEST DATA. Rebels captured Homs overnight.", "Rebels", "Wire", "2024-12-06"),
        ("TEST DATA. Army units still hold Homs, a ministry said.", "Army", "State TV", None),
        ("TEST DATA. Rebels hold all of Homs, fighters say.", "Rebels", "Monitor", None),
        ("TEST DATA. Militia took Homs at dawn.", "Militia", "Radio", None),
    ):
        item = article(body, outlet=outlet)
        side = add_actor(item, holder, mention=holder.split()[0])
        add_control(item, body.split(". ")[1], add_place(item, HOMS), side, day or "2024-12-07")
        items.append(item)
    for body, claim, place, source in (
        ("TEST DATA. Officials insist Bashar al-Assad remains in Damascus today.",
         "Officials insist Bashar al-Assad remains in Damascus today.", DAMASCUS, None),
        ("TEST DATA. Nobody saw Bashar al-Assad. It is possible he's in Tehran, a source said.",
         "It is possible he's in Tehran, a source said.", TEHRAN, Source(SourceType.ANONYMOUS)),
        ("TEST DATA. Bashar al-Assad is in Homs, a witness said.",
         "Bashar al-Assad is in Homs, a witness said.", HOMS, Source(SourceType.NAMED_PERSON)),
    ):  # fmt: skip
        for outlet in ("Wire", "Daily") if place is DAMASCUS else ("Wire",):
            item = article(body + (" Copyright Daily." if outlet == "Daily" else ""), outlet=outlet)
            assad = add_actor(item, "Bashar al-Assad", ActorKind.PERSON)
            if " he's " in body:
                add_reference(item, "he", assad)
            add_place(item, place)
            add_claim(item, claim, source)
            items.append(item)
    denied = homs_attack(OTHER_STORY, outlet="Ministry")
    denied.events[0].status = EventStatus.NEGATED
    items += [homs_attack(WIRE_STORY, outlet="Wire"), denied]
    items.append(homs_attack(WIRE_STORY.replace("residents said", "a witness said"), outlet="Post"))
    return items

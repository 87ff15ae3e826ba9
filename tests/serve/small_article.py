"""A small hand-built article: rebels take Homs, Trump quoted, Damascus denies."""

from __future__ import annotations

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
    Quote,
    Source,
    SourceType,
    Span,
)

PARAGRAPHS = [
    "Rebels entered Homs on Friday, a war monitor said.",
    'Donald Trump wrote on X: "Stay out of it." '
    "Officials in Damascus denied that rebels entered Homs.",
]


def span(body: str, text: str, after: int = 0) -> Span:
    start = body.index(text, after)
    return Span(start, start + len(text), text)


def build_article() -> Article:
    article = Article(
        source="memory://homs",
        content_hash="a" * 64,
        input_kind=InputKind.TEXT,
        paragraphs=PARAGRAPHS,
        title="Rebels enter Homs",
        published=datetime(2024, 12, 7, 16, 0),
        outlet="Test Outlet",
    )
    body = article.body
    rebels, trump, syria_gov = (
        Actor("actor-1", "rebels", ActorKind.GROUP, "rebel", "SYR", [], [span(body, "Rebels")]),
        Actor(
            "actor-2",
            "Donald Trump",
            ActorKind.PERSON,
            "government",
            "USA",
            ["Trump"],
            [span(body, "Donald Trump")],
        ),
        Actor(
            "actor-3",
            "Syrian government",
            ActorKind.STATE,
            "government",
            "SYR",
            [],
            [span(body, "Officials")],
        ),
    )
    homs = Place(
        "place-1",
        "Homs",
        169577,
        34.72682,
        36.72339,
        "SY",
        "P",
        "PPLA",
        LocationPrecision.CITY,
        [span(body, "Homs")],
    )
    damascus = Place(
        "place-2",
        "Damascus",
        170654,
        33.5102,
        36.29128,
        "SY",
        "P",
        "PPLC",
        LocationPrecision.CITY,
        [span(body, "Damascus")],
    )
    quote_text = span(body, "Stay out of it.")
    sentence2 = span(body, 'Donald Trump wrote on X: "Stay out of it."')
    first = span(body, PARAGRAPHS[0])
    denial = span(body, "Officials in Damascus denied that rebels entered Homs.")
    friday = EventDate(date(2024, 12, 6), date(2024, 12, 6), DatePrecision.DAY, "Friday")
    article.actors = [rebels, trump, syria_gov]
    article.places = [homs, damascus]
    article.quotes = [
        Quote(
            quote_text.text,
            quote_text.start,
            quote_text.end,
            True,
            "Donald Trump",
            "actor-2",
            "X",
            sentence2,
        )
    ]
    article.claims = [
        Claim(
            first.text,
            first.start,
            first.end,
            Source(SourceType.UNNAMED_ORGANISATION, "a war monitor"),
        ),
        Claim(
            denial.text,
            denial.start,
            denial.end,
            Source(SourceType.OFFICIAL_STATEMENT, "Syrian government", "actor-3"),
            Certainty.DENIED,
        ),
    ]
    article.events = [
        Event(
            "event-1",
            "ASSAULT",
            None,
            "entered",
            EventStatus.ASSERTED,
            "actor-1",
            None,
            "place-1",
            friday,
            "Battles",
            "Armed clash",
            first,
            0,
            0.8,
        ),
        Event(
            "event-2",
            "CONSULT",
            None,
            "wrote",
            EventStatus.ASSERTED,
            "actor-2",
            None,
            "place-2",
            friday,
            None,
            None,
            sentence2,
            None,
            0.5,
        ),
    ]
    article.control_changes = [
        ControlChange("place-1", "actor-3", "actor-1", friday, 0.85, "event-1", first)
    ]
    return article

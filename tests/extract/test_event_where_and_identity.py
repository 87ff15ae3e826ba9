"""Where an event happened (its own phrase, then its sentence, paragraph, dateline,
article), and which records report one real event."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from sitrep.annotate import split_sentences
from sitrep.extract.control import find_control_changes
from sitrep.extract.event_identity import EventRoles, compatible, link_mentions
from sitrep.extract.events import find_events
from sitrep.records import (
    Actor,
    ActorKind,
    Article,
    Event,
    EventStatus,
    InputKind,
    LocationPrecision,
    Place,
    PlaceBasis,
    Span,
)


def _article(  # type: ignore[no-untyped-def]
    nlp,
    *paragraphs: str,
    places: tuple[str, ...],
    actors: tuple[str, ...] = (),
    countries: tuple[str, ...] = (),
) -> Article:
    """An article whose places and actors are given by hand (mentions found by whole word,
    so the test does not hang on the name recogniser), its sentences from the parse. Places
    are cities, bar those named in `countries`."""
    article = Article("test", "hash", InputKind.TEXT, list(paragraphs))
    article.published = datetime(2024, 12, 7)
    doc = nlp(article.body)
    article.sentences = split_sentences(article, doc)
    for number, name in enumerate(places, 1):
        article.places.append(
            Place(
                f"place-{number}",
                name,
                geonames_id=None,
                latitude=None,
                longitude=None,
                country=None,
                feature_class=None,
                feature_code=None,
                precision=LocationPrecision.COUNTRY
                if name in countries
                else LocationPrecision.CITY,
                mentions=_spans(article.body, name),
            )
        )
    for number, name in enumerate(actors, 1):
        article.actors.append(
            Actor(
                f"actor-{number}",
                name,
                ActorKind.STATE,
                "government",
                mentions=_spans(article.body, name),
            )
        )
    article.events = find_events(article, doc)
    article.control_changes = find_control_changes(article, doc)
    return article


def _spans(text: str, name: str) -> list[Span]:
    return [Span(m.start(), m.end(), name) for m in re.finditer(rf"\b{re.escape(name)}\b", text)]


def _event(article: Article, trigger: str) -> Event:
    [event] = [e for e in article.events if e.trigger == trigger]
    return event


def _place_name(article: Article, event: Event) -> str | None:
    place = article.place(event.place_id)
    return place.name if place else None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("paragraphs", "places", "trigger", "place", "basis"),
    [
        # A location phrase the parser hung on the object still places the event.
        (
            ["The Chinese foreign minister met with Sergei Lavrov in Moscow."],
            ("Moscow",),
            "met",
            "Moscow",
            PlaceBasis.CLAUSE,
        ),
        # Nothing in the sentence or paragraph: the dateline.
        (
            ["Beirut (AP) — Gunmen attacked a checkpoint on Tuesday, officials said."],
            ("Beirut",),
            "attacked",
            "Beirut",
            PlaceBasis.DATELINE,
        ),
        # A dateline in capitals after the byline the body opens with.
        (
            ["By Ann Lee, Associated Press CAIRO (AP) — Gunmen attacked a checkpoint on Tuesday."],
            ("CAIRO",),
            "attacked",
            "CAIRO",
            PlaceBasis.DATELINE,
        ),
        # A place the paragraph has just named comes before the dateline.
        (
            [
                "Beirut (AP) — Fighting has spread across the province.",
                "Shops in Aleppo have closed early for a month. Gunmen attacked a checkpoint, "
                "a monitor said.",
            ],
            ("Beirut", "Aleppo"),
            "attacked",
            "Aleppo",
            PlaceBasis.PARAGRAPH,
        ),
        # A paragraph that names its place only after the event's sentence.
        (
            [
                "Two men were shot dead on Friday night. Neighbours in Tulsa said the gunfire "
                "lasted a minute."
            ],
            ("Tulsa",),
            "shot",
            "Tulsa",
            PlaceBasis.PARAGRAPH,
        ),
        # The dateline comes before a place the paragraph names only later.
        (
            [
                "Lagos (Reuters) — Gunmen attacked a checkpoint on Tuesday. Traffic in Abuja was "
                "slow all week."
            ],
            ("Lagos", "Abuja"),
            "attacked",
            "Lagos",
            PlaceBasis.DATELINE,
        ),
        # A town that qualifies a body: its court sits there.
        (
            ["A Leeds court sentenced the landlord to six years in prison on Monday."],
            ("Leeds",),
            "sentenced",
            "Leeds",
            PlaceBasis.QUALIFIER,
        ),
        # The article's dominant place is the last resort.
        (
            [
                "Life in Aleppo has changed. Shops in Aleppo have closed early for a month.",
                "Gunmen attacked a checkpoint on Tuesday, a monitor said.",
            ],
            ("Aleppo",),
            "attacked",
            "Aleppo",
            PlaceBasis.ARTICLE,
        ),
    ],
)
def test_places_fall_back_from_the_clause_to_the_article(  # type: ignore[no-untyped-def]
    nlp, paragraphs, places, trigger, place, basis
) -> None:
    article = _article(nlp, *paragraphs, places=places)
    event = _event(article, trigger)
    assert _place_name(article, event) == place
    assert event.place_basis is basis


@pytest.mark.slow
def test_places_modifiers_actors_and_targets_are_not_where_it_happened(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "U.S. officials" names who, not where; Iran is the target, not the scene."""
    article = _article(
        nlp, "U.S. officials accused Iran of lying.", places=("U.S.", "Iran"), actors=("Iran",)
    )
    accusation = _event(article, "accused")
    assert accusation.place_id is None
    assert accusation.place_basis is None


@pytest.mark.slow
def test_places_a_qualifier_yields_to_a_location_and_a_country_qualifies_no_scene(nlp) -> None:  # type: ignore[no-untyped-def]
    """A location the paragraph names wins over a town qualifying the actor; a country's
    police or army act anywhere, so its name on them says nothing about where."""
    located = _article(
        nlp,
        "Fans fought outside a pub in Bradford. Leeds police arrested two men.",
        places=("Bradford", "Leeds"),
    )
    arrest = _event(located, "arrested")
    assert (_place_name(located, arrest), arrest.place_basis) == ("Bradford", PlaceBasis.PARAGRAPH)
    national = _article(
        nlp,
        "Kenya's police arrested two men after a brawl.",
        places=("Kenya",),
        countries=("Kenya",),
    )
    assert _event(national, "arrested").place_id is None


@pytest.mark.slow
def test_places_a_definite_place_noun_refers_back_to_a_place_of_its_kind(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "in the capital" is the capital named before, "in the state" the last state named,
    even where the sentence names a town of its own."""
    capital = _article(
        nlp,
        "Crowds marched through Nairobi on Monday.",
        "On Tuesday police fired tear gas at protesters in the capital.",
        places=("Nairobi",),
    )
    capital.places[0].country = "KE"
    state = _article(
        nlp,
        "Ohio has seen a rise in overdoses. Police in Toledo seized 40 kilograms of fentanyl "
        "in the state on Friday.",
        places=("Ohio", "Toledo"),
    )
    state.places[0].precision = LocationPrecision.ADMIN
    for article in (capital, state):
        article.events = find_events(article, nlp(article.body))
    tear_gas = _event(capital, "fired")
    assert (_place_name(capital, tear_gas), tear_gas.place_basis) == (
        "Nairobi",
        PlaceBasis.ARTICLE,
    )
    seizure = _event(state, "seized")
    assert (_place_name(state, seizure), seizure.place_basis) == ("Ohio", PlaceBasis.PARAGRAPH)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("paragraph", "place"),
    [
        # The destination of a trip made is where the minister then is.
        ("The minister flew to Doha on Sunday and met the emir.", "Doha"),
        # A trip still to come says nothing about where the meeting was.
        ("The envoy will travel to Doha next week. On Monday he met the emir.", None),
        ("The minister met the emir on Monday and will fly to Doha next week.", None),
    ],
)
def test_places_the_destination_of_a_trip_to_come_is_no_scene(nlp, paragraph, place) -> None:  # type: ignore[no-untyped-def]
    article = _article(nlp, paragraph, places=("Doha",))
    assert _place_name(article, _event(article, "met")) == place


@pytest.mark.slow
def test_places_an_inferred_place_changes_no_control(nlp) -> None:  # type: ignore[no-untyped-def]
    """Ground changes hands only where the text says: a dateline is no seized town."""
    article = _article(
        nlp, "Beirut (AP) — The rebels seized the base on Tuesday.", places=("Beirut",)
    )
    seizure = _event(article, "seized")
    assert seizure.place_basis is PlaceBasis.DATELINE
    assert article.control_changes == []
    placed = _article(nlp, "The rebels seized Aleppo on Tuesday.", places=("Aleppo",))
    assert [_place_name(placed, _event(placed, "seized"))] == ["Aleppo"]
    assert len(placed.control_changes) == 1


@pytest.mark.slow
def test_identity_one_act_told_by_two_coordinated_verbs_is_one_record(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _article(
        nlp, "The suspect was convicted and sentenced to life in prison last Thursday.", places=()
    )
    assert [(e.type, e.trigger) for e in article.events] == [("COERCE", "convicted")]


@pytest.mark.slow
def test_identity_two_acts_of_one_type_in_a_sentence_stay_two(nlp) -> None:  # type: ignore[no-untyped-def]
    """Coordinated nouns name two meetings; the same verb said again of others is another act."""
    article = _article(
        nlp,
        "Officials welcomed the Moscow summit and the Beijing summit.",
        "Police arrested two men in Paris, while three others were arrested in Lyon.",
        places=("Moscow", "Beijing", "Paris", "Lyon"),
    )
    assert sum(e.type == "CONSULT" for e in article.events) == 2
    assert sum(e.type == "COERCE" for e in article.events) == 2


@pytest.mark.slow
def test_identity_a_later_sentence_reporting_the_event_again_points_to_the_first(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _article(
        nlp,
        "Turkey attacked Kurdish positions near Afrin on Monday.",
        "Iran condemned the talks. The attack by Turkey killed 12 fighters, a monitor said.",
        places=("Afrin",),
        actors=("Turkey", "Iran"),
    )
    first, again = [e for e in article.events if e.type == "ASSAULT"][:2]
    assert first.same_event is None
    assert again.same_event == first.id
    [accusation] = [e for e in article.events if e.type == "ACCUSE"]
    assert accusation.same_event is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("second", "linked"),
    [
        # no party named: a re-mention
        ("The attack killed 12 fighters, a monitor said.", True),
        # a party in common
        ("The attack by Turkey killed 12 fighters.", True),
        # parties named on both sides, none in common: another attack
        ("Iraq was attacked on Monday, a monitor said.", False),
    ],
)
def test_identity_reports_that_name_parties_share_one(nlp, second, linked) -> None:  # type: ignore[no-untyped-def]
    article = _article(
        nlp,
        "Turkey attacked a convoy on Monday.",
        second,
        places=(),
        actors=("Turkey", "Iran", "Iraq"),
    )
    first, again = [e for e in article.events if e.type == "ASSAULT"]
    assert (again.same_event == first.id) is linked


@pytest.mark.slow
def test_places_a_place_in_what_is_said_is_not_where_it_was_said(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _article(
        nlp,
        "Fighting spread in Aleppo on Monday. The minister said the rebels in Homs must withdraw.",
        places=("Aleppo", "Homs"),
    )
    request = _event(article, "said")
    assert request.type == "REQUEST"
    assert (_place_name(article, request), request.place_basis) == (
        "Aleppo",
        PlaceBasis.PARAGRAPH,
    )


@pytest.mark.parametrize(
    ("first", "second", "one_party"),
    [
        # A state and its army, its president, its ministry: one party.
        ("state", "army", True),
        ("state", "president", True),
        ("army", "ministry", True),
        ("state", "the syria", True),  # the same name
        # Another state, that state's rebels, two of its people, a person of no known country.
        ("state", "other state", False),
        ("state", "rebels", False),
        ("president", "minister", False),
        ("state", "stranger", False),
    ],
)
def test_identity_a_state_and_its_organs_are_one_party(
    first: str, second: str, one_party: bool
) -> None:
    actors = {
        "state": Actor("state", "Syria", ActorKind.STATE, "government", "SYR"),
        "the syria": Actor("the syria", "the Syria", ActorKind.ORGANISATION, None, None),
        "other state": Actor("other state", "Turkey", ActorKind.STATE, "government", "TUR"),
        "army": Actor("army", "Syrian army", ActorKind.GROUP, "military", "SYR"),
        "ministry": Actor(
            "ministry", "foreign ministry", ActorKind.ORGANISATION, "government", "SYR"
        ),
        "rebels": Actor("rebels", "Syrian rebels", ActorKind.GROUP, "rebel", "SYR"),
        "president": Actor("president", "Bashar al-Assad", ActorKind.PERSON, "government", "SYR"),
        "minister": Actor("minister", "Walid Muallem", ActorKind.PERSON, "government", "SYR"),
        "stranger": Actor("stranger", "John Smith", ActorKind.PERSON, "government", None),
    }
    article = Article("test", "hash", InputKind.TEXT, ["Text."])
    article.actors = list(actors.values())
    sides = EventRoles(article)
    assert sides.same(first, second) is one_party
    assert sides.differ(first, second) is not one_party
    assert sides.differ(first, None) is False


def _coerce(event_id: str, sentence: int, actor: str | None, target: str | None) -> Event:
    return Event(
        event_id,
        "COERCE",
        None,
        "sentenced",
        EventStatus.ASSERTED,
        actor,
        target,
        None,
        None,
        None,
        None,
        Span(sentence, sentence + 1, "."),
    )


@pytest.mark.parametrize(
    ("actor", "target", "linked"),
    [
        # the judge again, of another defendant: the same sentencing
        ("judge", "other", True),
        # police arresting the defendant: not the judge's act, though the first named no one
        ("police", "defendant", False),
        # no one named: nothing says it is another
        (None, None, True),
    ],
)
def test_identity_a_report_keeps_the_actor_its_first_named_record_gave_it(
    actor: str | None, target: str | None, linked: bool
) -> None:
    """ "A court sentenced five" (no party) … "Judge X found Y guilty" … a third record joins
    that report only with X as its actor, if it names one."""
    article = Article("test", "hash", InputKind.TEXT, ["Text."])
    article.actors = [
        Actor("judge", "Danilo Suarez", ActorKind.PERSON, "judiciary", "PHL"),
        Actor(
            "police", "National Bureau of Investigation", ActorKind.ORGANISATION, "police", "PHL"
        ),
        Actor("defendant", "Marc Deen", ActorKind.PERSON, None, None),
        Actor("other", "Erika Valbuena", ActorKind.PERSON, None, None),
    ]
    events = [
        _coerce("event-1", 0, None, None),
        _coerce("event-2", 1, "judge", "defendant"),
        _coerce("event-3", 2, actor, target),
    ]
    link_mentions(events, EventRoles(article))
    assert events[1].same_event == "event-1"
    assert (events[2].same_event == "event-1") is linked


@pytest.mark.parametrize(
    ("event_type", "linked"),
    [
        # "The mayor was detained" … "the mayor had a police chief detained": two acts
        ("COERCE", False),
        # "The mayor was received by …" … "the mayor met …": a meeting either way round
        ("CONSULT", True),
    ],
)
def test_identity_in_a_directed_act_the_doer_and_the_one_it_is_done_to_differ(
    event_type: str, linked: bool
) -> None:
    article = Article("test", "hash", InputKind.TEXT, ["Text."])
    article.actors = [Actor("mayor", "Ade Bello", ActorKind.PERSON, None, None)]
    events = [_coerce("event-1", 0, None, "mayor"), _coerce("event-2", 1, "mayor", None)]
    for event in events:
        event.type = event_type
    link_mentions(events, EventRoles(article))
    assert (events[1].same_event == "event-1") is linked


@pytest.mark.slow
def test_identity_reports_that_disagree_on_where_or_when_are_two_events(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _article(
        nlp,
        "Rebels attacked a checkpoint in Homs on Monday.",
        "Rebels attacked a checkpoint in Aleppo on Monday.",
        "Rebels attacked a checkpoint in Homs on Tuesday.",
        places=("Homs", "Aleppo"),
    )
    assert [e.same_event for e in article.events] == [None, None, None]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("The two leaders had not met since 1965.", False),
        ("It was the first visit by an American president since 1928.", False),
        ("Rebels have been fighting the army since 2011.", True),
    ],
)
def test_when_a_since_range_dates_only_what_went_on_through_it(nlp, text, dated) -> None:  # type: ignore[no-untyped-def]
    """A gap ("the first visit since 1928") or a denial ("had not met since 1965") is
    background; "have been fighting since 2011" is the event's own span."""
    [event] = _article(nlp, text, places=()).events
    assert (event.date is not None) is dated
    if dated:
        assert event.date is not None and event.date.start.year == 2011


def _place(place_id: str, name: str, country: str) -> Place:
    return Place(place_id, name, None, None, None, country, "P", "PPL", LocationPrecision.CITY)


def _attack(place_id: str, basis: PlaceBasis) -> Event:
    return Event(
        "",
        "ASSAULT",
        None,
        "attacked",
        EventStatus.ASSERTED,
        None,
        None,
        place_id,
        None,
        None,
        None,
        Span(0, 1, "."),
        place_basis=basis,
    )


@pytest.mark.parametrize(
    ("second", "basis", "one_event"),
    [
        ("brooklyn", PlaceBasis.SENTENCE, True),  # the same country: not told apart
        ("athens", PlaceBasis.SENTENCE, False),  # another country named in its sentence
        ("athens", PlaceBasis.PARAGRAPH, True),  # an inferred place decides nothing
    ],
)
def test_identity_places_their_sentences_name_in_two_countries_are_two_events(
    second: str, basis: PlaceBasis, one_event: bool
) -> None:
    article = Article("test", "hash", InputKind.TEXT, ["Text."])
    article.places = [
        _place("nyc", "New York City", "US"),
        _place("brooklyn", "Brooklyn", "US"),
        _place("athens", "Athens", "GR"),
    ]
    first = _attack("nyc", PlaceBasis.SENTENCE)
    assert compatible(first, _attack(second, basis), EventRoles(article)) is one_event


@pytest.mark.slow
def test_identity_two_kinds_of_one_type_of_act_are_two_events(nlp) -> None:  # type: ignore[no-untyped-def]
    """Detaining people and blocking a road are both coercion, but a later report of one
    kind of act is no re-mention of an earlier act of another kind; a report of the same
    kind, with nothing that disagrees, is."""
    article = _article(
        nlp,
        "Soldiers detained six students on the campus.",
        "Officials then closed the border crossing.",
        "The detention of the students was condemned by their teachers.",
        places=(),
    )
    coercion = [e for e in article.events if e.type == "COERCE"]
    assert [e.mode for e in coercion] == ["arrest", "restrict", "arrest"]
    assert [e.same_event for e in coercion] == [None, None, coercion[0].id]

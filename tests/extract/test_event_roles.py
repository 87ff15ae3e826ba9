"""Who did what to whom: event roles from the parse of annotated sentences."""

from __future__ import annotations

import pytest

from sitrep.annotate import annotate
from sitrep.extract.event_roles import RoleFinder
from sitrep.extract.events import find_events
from sitrep.records import Actor, ActorKind, Article, InputKind

pytestmark = pytest.mark.slow


def _roles(nlp, text: str) -> tuple[Article, RoleFinder, dict[str, int]]:  # type: ignore[no-untyped-def]
    article = Article("roles-test", "hash", InputKind.TEXT, [text])
    doc = nlp(article.body)
    annotate(article, doc)
    return article, RoleFinder(article, doc), {t.text: t.i for t in doc}


def _who(nlp, text: str, trigger: str) -> tuple[Actor | None, Actor | None]:  # type: ignore[no-untyped-def]
    _, roles, index = _roles(nlp, text)
    token = roles.doc[index[trigger]]
    actor = roles.actor(token)
    return actor, roles.target(token, actor)


def _country(actor: Actor | None) -> str | None:
    return actor.country if actor is not None else None


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("Chile rejected a Peruvian proposal on fishing rights.", "rejected", "PER"),
        ("Soldiers arrested forty Palestinians on Monday.", "arrested", "PSE"),
        ("The minister offered to negotiate with the president of Armenia.", "negotiate", "ARM"),
        ("The senate has demanded an immediate admission by Moscow.", "demanded", "RUS"),
    ],
)
def test_roles_a_state_named_by_its_adjective_or_in_a_phrase_is_the_target(  # type: ignore[no-untyped-def]
    nlp, text, trigger, country
) -> None:
    _, target = _who(nlp, text, trigger)
    assert _country(target) == country
    assert target is not None and target.kind is ActorKind.STATE


def test_roles_a_state_adjective_is_an_actor_with_its_mention(nlp) -> None:  # type: ignore[no-untyped-def]
    article, roles, index = _roles(nlp, "Angry Dutch farmers blocked the motorway.")
    actor = roles.actor(roles.doc[index["blocked"]])
    assert actor is not None and actor.country == "NLD"
    assert actor in article.actors and [m.text for m in actor.mentions] == ["Dutch"]


def test_roles_no_state_is_invented_where_the_phrase_names_none(nlp) -> None:  # type: ignore[no-untyped-def]
    _, target = _who(nlp, "Chile rejected a proposal on fishing rights.", "rejected")
    assert target is None


@pytest.mark.parametrize(
    ("text", "trigger", "country", "where"),
    [
        ("Chile has refused to build a dam in Bolivia.", "refused", "BOL", "Bolivia"),
        ("Norway halted food deliveries in Kabul last week.", "halted", "AFG", "Kabul"),
        ("The UN extended the mandate of its mission in Mali.", "extended", "MLI", "Mali"),
        (
            "The council agreed to a longer extension of the mission in Chad.",
            "agreed",
            "TCD",
            "Chad",
        ),
    ],
)
def test_roles_an_act_on_a_thing_with_no_one_named_is_done_to_the_state_where_it_is(  # type: ignore[no-untyped-def]
    nlp, text, trigger, country, where
) -> None:
    _, roles, index = _roles(nlp, text)
    token = roles.doc[index[trigger]]
    actor = roles.actor(token)
    target = roles.target(token, actor)
    assert _country(target) == country and _country(actor) != country
    assert target is not None and target.kind is ActorKind.STATE
    assert [m.text for m in target.mentions] == [where]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The victim was stabbed on Friday in a park in Lyon.", "stabbed"),
        ("Detectives arrested two suspects at a house in Denver.", "arrested"),
    ],
)
def test_roles_a_place_only_says_where_people_were_acted_on(nlp, text, trigger) -> None:  # type: ignore[no-untyped-def]
    _, target = _who(nlp, text, trigger)
    assert target is None


def test_roles_a_place_is_not_the_target_where_a_party_is_named(nlp) -> None:  # type: ignore[no-untyped-def]
    _, target = _who(
        nlp, "Police in Kenya arrested two Ugandan journalists in Nairobi.", "arrested"
    )
    assert _country(target) == "UGA"


def test_roles_the_actors_own_country_is_not_its_target(nlp) -> None:  # type: ignore[no-untyped-def]
    actor, target = _who(nlp, "Egypt has opened new schools in Cairo.", "opened")
    assert _country(actor) == "EGY"
    assert target is None


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("Norway gave Ukrainian soldiers new weapons on Friday.", "gave", "UKR"),
        ("Ecuador granted asylum to Bolivian soldiers.", "granted", "BOL"),
    ],
)
def test_roles_the_recipient_is_the_target(nlp, text, trigger, country) -> None:  # type: ignore[no-untyped-def]
    _, target = _who(nlp, text, trigger)
    assert _country(target) == country


def test_roles_a_directed_infinitive_is_the_act_of_who_directs(nlp) -> None:  # type: ignore[no-untyped-def]
    actor, target = _who(nlp, "Turkey will allow Syrian refugees to return.", "return")
    assert _country(actor) == "TUR" and _country(target) == "SYR"
    # "expect" directs no one: the refugees return.
    actor, _ = _who(nlp, "Turkey expects Syrian refugees to return.", "return")
    assert _country(actor) == "SYR"


def test_roles_the_actors_own_troops_are_not_its_target(nlp) -> None:  # type: ignore[no-untyped-def]
    actor, target = _who(nlp, "Syria withdrew its troops from Lebanon.", "withdrew")
    assert _country(actor) == "SYR" and _country(target) == "LBN"
    _, target = _who(nlp, "Syria attacked Turkish troops near the border.", "attacked")
    assert target is not None and target.kind is ActorKind.GROUP and target.country == "TUR"


def test_roles_a_pronoun_takes_the_actor_its_antecedent_phrase_names(nlp) -> None:  # type: ignore[no-untyped-def]
    actor, _ = _who(nlp, "Kenyan opposition leaders said they would boycott the vote.", "boycott")
    assert _country(actor) == "KEN"


def test_roles_a_named_organisation_before_a_group_noun_names_it(nlp) -> None:  # type: ignore[no-untyped-def]
    actor, _ = _who(nlp, "Red Cross officials suspended deliveries on Monday.", "suspended")
    assert actor is not None and actor.kind is ActorKind.ORGANISATION


def test_roles_in_an_act_two_do_together_the_other_subject_is_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    actor, target = _who(nlp, "Norway and Sweden met on Tuesday.", "met")
    assert (_country(actor), _country(target)) == ("NOR", "SWE")
    # Two who attack together are both attackers: neither is the other's target.
    actor, target = _who(nlp, "Norway and Sweden attacked the town on Tuesday.", "attacked")
    assert _country(actor) == "NOR" and target is None


def test_roles_a_nouns_content_clause_on_its_verb_names_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs "that Israel ease ..." on "reiterated", not on "demand"
    _, target = _who(
        nlp, "The ILO reiterated its demand today that Israel ease restrictions.", "demand"
    )
    assert _country(target) == "ISR"


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("A car bomb explosion killed two Kenyan policemen on Sunday.", "explosion", "KEN"),
        ("The airstrike hit a convoy of Syrian troops.", "airstrike", "SYR"),
    ],
)
def test_roles_an_event_noun_as_subject_is_done_to_its_verbs_object(  # type: ignore[no-untyped-def]
    nlp, text, trigger, country
) -> None:
    _, target = _who(nlp, text, trigger)
    assert _country(target) == country


def test_roles_a_state_targeted_where_the_event_acts_is_still_where_it_happened(nlp) -> None:  # type: ignore[no-untyped-def]
    article, roles, _ = _roles(nlp, "The Japanese prime minister visited Nairobi on Sunday.")
    [visit] = [e for e in find_events(article, roles.doc) if e.trigger == "visited"]
    assert _country(article.actor(visit.target_id)) == "KEN"
    place = article.place(visit.place_id)
    assert place is not None and place.name == "Nairobi"


def test_roles_coordinated_titles_share_the_state_that_qualifies_them(nlp) -> None:  # type: ignore[no-untyped-def]
    """A minister acts for his state however many offices precede his name: the demonym
    before the first office is his country's."""
    text = (
        "Indian Prime Minister and Defence Minister Rajesh Sharma met the governor "
        "in Mumbai on Friday."
    )
    article, _, _ = _roles(nlp, text)
    [minister] = [a for a in article.actors if a.kind is ActorKind.PERSON]
    assert minister.name == "Rajesh Sharma" and minister.country == "IND"


@pytest.mark.parametrize(
    "text",
    [
        "The spokesman said Turkey would attack the islands if Greece sent its ships.",
        "A spokesman for the ministry said Turkey would bomb the port unless Greece withdrew.",
    ],
)
def test_roles_a_threat_is_made_by_the_side_its_content_says_will_do_harm(nlp, text) -> None:  # type: ignore[no-untyped-def]
    """A threat carried by a speech verb: the side that will do the harm threatens (the
    spokesman names no party), and it is not the threat's target."""
    article, roles, _ = _roles(nlp, text)
    [threat] = [e for e in find_events(article, roles.doc) if e.type == "THREATEN"]
    assert _country(article.actor(threat.actor_id)) == "TUR"
    assert _country(article.actor(threat.target_id)) != "TUR"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Venezuela faces tougher sanctions after the vote.", "sanctions"),
        ("Mexico survived the threat of tariffs last year.", "tariffs"),
    ],
)
def test_roles_who_faces_or_survives_an_act_is_whom_it_is_done_to(nlp, text, trigger) -> None:  # type: ignore[no-untyped-def]
    actor, target = _who(nlp, text, trigger)
    assert actor is None
    assert target is not None and target.kind is ActorKind.STATE

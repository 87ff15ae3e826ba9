"""ev25: a stated willingness to cooperate is AGREE (PLOVER codebook), and targets the parse
gives beyond the object."""

from __future__ import annotations

import pytest
from test_events import build_article

from sitrep.extract.events import find_events
from sitrep.records import ActorKind, Article, InputKind


def _found(nlp, text: str) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    article = Article("test", "hash", InputKind.TEXT, [text])
    return [(e.type, e.trigger, e.status.value) for e in find_events(article, nlp(article.body))]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # willingness to do an act of cooperation is AGREE, told by the adjective
        (
            "Velmora says it is willing to withdraw its troops from Ostrava.",
            [("AGREE", "willing", "asserted")],
        ),
        (
            "The president said he is prepared to lift the ban on the opposition party.",
            [("AGREE", "prepared", "asserted")],
        ),
        (
            "The rebels said they remain committed to talks with the government.",
            [("AGREE", "committed", "asserted")],
        ),
        ("The minister is not willing to meet the delegation.", [("AGREE", "willing", "negated")]),
        # ...not a hostile act one is ready for, which stays what it is, proposed
        ("The army is ready to attack the town.", [("ASSAULT", "attack", "proposed")]),
    ],
)
def test_willingness_to_cooperate_is_agree(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _found(nlp, text) == expected


def _roles(nlp, text: str, actors: list[str]) -> list[tuple[str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    article = build_article(text, {name: (ActorKind.STATE, None) for name in actors}, [])

    def name(record_id: str | None) -> str | None:
        actor = article.actor(record_id)
        return actor.name if actor else None

    return [
        (e.type, name(e.actor_id), name(e.target_id))
        for e in find_events(article, nlp(article.body))
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        # "up to" an amount: the parser's particle and preposition still hold the object
        (
            "Velmoran rebels kidnapped up to 16 Ostravan engineers on Monday.",
            ["Velmoran rebels", "Ostravan engineers"],
            [("ASSAULT", "Velmoran rebels", "Ostravan engineers")],
        ),
        # the phrase an event noun qualifies holds whom it is done to
        (
            "Velmora launched a mediation effort between Ostrava and Lindau on Saturday.",
            ["Velmora", "Ostrava", "Lindau"],
            [("CONSULT", "Velmora", "Ostrava")],
        ),
        # a state one is put in, with no object: its subject undergoes it ...
        (
            "Albin Korr is under investigation by the prosecutors.",
            ["Albin Korr"],
            [("ACCUSE", None, "Albin Korr")],
        ),
        # ... with an object, the object does
        (
            "Velmora placed Albin Korr under arrest.",
            ["Velmora", "Albin Korr"],
            [("COERCE", "Velmora", "Albin Korr")],
        ),
    ],
)
def test_targets_beyond_the_object(nlp, text, actors, expected) -> None:  # type: ignore[no-untyped-def]
    assert _roles(nlp, text, actors) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # how a death was dealt makes it an attack, reported in the case it is charged in
        (
            "A Velmora man was charged with murder in the stabbing death of a shopkeeper.",
            [("ACCUSE", "charged", "asserted"), ("ASSAULT", "death", "asserted")],
        ),
        (
            "Police are investigating the shooting death of a teenager.",
            [("ACCUSE", "investigating", "asserted"), ("ASSAULT", "death", "asserted")],
        ),
        # ...not a death told with no such manner, nor what the charge alleges
        ("He died a natural death.", []),
        ("The man was charged with murder.", [("ACCUSE", "charged", "asserted")]),
    ],
)
def test_a_death_dealt_by_shooting_or_stabbing_is_an_attack(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _found(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a thing is aimed at has not happened
        (
            "Velmora backed a resolution that aims to tighten sanctions on Ostrava.",
            [("SUPPORT", "backed", "asserted")],
        ),
        (
            "The envoys held talks aimed at ending the blockade of the port.",
            [("CONSULT", "talks", "asserted")],
        ),
        # ...while a party's own aim is still told, as proposed
        ("Velmora aims to impose sanctions on Ostrava.", [("SANCTION", "impose", "proposed")]),
    ],
)
def test_what_a_thing_is_aimed_at_is_no_event(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _found(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a protest making a request is the protest only (the PLOVER codebook)
        (
            "Thousands of farmers demonstrated in Ostrava on Sunday calling for lower taxes.",
            [("PROTEST", "demonstrated", "asserted")],
        ),
        (
            "Prisoners rioted at the jail on Monday, joining the crowds in demanding a vote.",
            [("PROTEST", "rioted", "asserted")],
        ),
        # ...a demand of its own is still a request
        (
            "The mayor demanded an inquiry into the protests.",
            [("REQUEST", "demanded", "asserted")],
        ),
    ],
)
def test_a_protests_demand_is_the_protest(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _found(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        # "in protest against X": X is whom the protest is aimed at, one protest told
        (
            "The dockers went on strike in protest against Velmora's new law.",
            ["Velmora"],
            [("PROTEST", None, "Velmora")],
        ),
        # with no protest word of its own, "in protest" tells the protest
        (
            "The lawyers walked out of the court in protest at Velmora's decision.",
            ["Velmora"],
            [("PROTEST", None, "Velmora")],
        ),
        # a threat whose content names no one is aimed at whom its condition asks to comply
        (
            "Velmora threatened to end the talks if Ostrava goes ahead with the vote.",
            ["Velmora", "Ostrava"],
            [("THREATEN", "Velmora", "Ostrava")],
        ),
    ],
)
def test_protests_and_threats_name_their_target(nlp, text, actors, expected) -> None:  # type: ignore[no-untyped-def]
    assert _roles(nlp, text, actors) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        # forces readied for an attack not yet made are mobilized, against its target
        (
            "The Velmoran army prepared to resume shelling Ostrava.",
            ["Velmoran army", "Ostrava"],
            [("MOBILIZE", "Velmoran army", "Ostrava")],
        ),
        # ...while a stance of readiness stays the act, proposed
        (
            "Velmora is prepared to fight Ostrava.",
            ["Velmora", "Ostrava"],
            [("ASSAULT", "Velmora", "Ostrava")],
        ),
    ],
)
def test_preparing_an_attack_is_a_mobilization(nlp, text, actors, expected) -> None:  # type: ignore[no-untyped-def]
    assert _roles(nlp, text, actors) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # breaking a rule an authority imposes is a rejection of it (the ban its content)
        (
            "A Velmora newspaper has violated a ban by the military governor.",
            [("REJECT", "violated", "asserted")],
        ),
        (
            "Hundreds of residents flouted the curfew on Friday.",
            [("REJECT", "flouted", "asserted")],
        ),
        # ...not breaking what no one imposed
        ("The film violated every rule of good taste.", []),
    ],
)
def test_breaking_an_imposed_rule_is_a_rejection(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _found(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        # an act of cooperation promised on a condition another party can meet is an offer,
        # made to that party
        (
            "Velmora will lift the sanctions if Ostrava frees the prisoners.",
            ["Velmora", "Ostrava"],
            [("AGREE", "Velmora", "Ostrava")],
        ),
        (
            "The rebels said they would meet Albin Korr if he gave them a veto.",
            ["Albin Korr"],
            [("AGREE", None, "Albin Korr")],
        ),
        # ...not a contingency no party is asked to meet
        (
            "Velmora will pull out its troops if it rains.",
            ["Velmora"],
            [("RETREAT", "Velmora", None)],
        ),
    ],
)
def test_a_conditional_offer_is_agree(nlp, text, actors, expected) -> None:  # type: ignore[no-untyped-def]
    assert _roles(nlp, text, actors) == expected


@pytest.mark.slow
def test_a_finding_that_a_party_must_act_is_a_request(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The water forum concluded on Saturday that Velmora must allocate more money."
    assert _found(nlp, text) == [("REQUEST", "concluded", "asserted")]

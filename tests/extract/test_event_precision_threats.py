"""A hostile act promised on a condition is a threat; what a source knows of an event, what
follows if anyone acts and a banned event are no reports; a ban is typed by what it bans;
withdrawing aid is a sanction; one act told twice in a sentence is one record."""

from __future__ import annotations

import pytest
from test_event_precision import _types
from test_events import build_article

from sitrep.extract.events import find_events
from sitrep.records import ActorKind


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # told by a verb of saying: the one saying threatens
        (
            "The minister said his government would expel the envoys if the border stayed shut.",
            [("said", "THREATEN")],
        ),
        # told without one: the act's own verb carries the threat
        (
            "Our army will attack their camps if the militia crosses the river.",
            [("attack", "THREATEN")],
        ),
        # what the condition names has not happened either
        (
            "The premier said she would impose tariffs on steel unless an accord is signed.",
            [("said", "THREATEN")],
        ),
        # the sayer's own side, named as a plural pronoun
        (
            "The rebels said they would attack the base if the troops stayed.",
            [("said", "THREATEN")],
        ),
        # a commentator forecasts another's act: no threat is made
        (
            "Analysts said the army would attack the town if the rebels refused.",
            [("attack", "ASSAULT"), ("refused", "REJECT")],
        ),
        # "even if" sets no condition, and a negated act is a promise, not a threat
        ("The rebels will attack the town even if it rains.", [("attack", "ASSAULT")]),
        ("The army will not attack the town if it stays quiet.", [("attack", "ASSAULT")]),
    ],
)
def test_a_hostile_act_promised_on_a_condition_is_a_threat(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two diplomats familiar with the negotiations described the mood as grim.", []),
        ("An aide briefed on the meeting spoke to reporters in the lobby.", []),
        # the event itself, told, is still reported
        ("The two foreign ministers met in Oslo on Monday.", [("met", "CONSULT")]),
    ],
)
def test_what_a_source_knows_of_an_event_is_no_report_of_it(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an amount between the act and its event noun: one sanction
        (
            "The government imposed $40 million in sanctions on the firms.",
            [("imposed", "SANCTION")],
        ),
        # a coordinated verb of the clause saying how: one attack
        (
            "A boy was killed when a stray bullet bounced off a car and hit him in the chest.",
            [("killed", "ASSAULT")],
        ),
    ],
)
def test_one_act_told_twice_in_a_sentence_is_one_record(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # withdrawing aid or cooperation discontinues it: SANCTION, not a retreat and aid
        ("The US withdrew its aid to the rebels.", [("withdrew", "SANCTION")]),
        (
            "Washington announced the withdrawal of military aid to Kiev.",
            [("withdrawal", "SANCTION")],
        ),
        # withdrawing troops is still a retreat
        ("The army withdrew its troops from the town.", [("withdrew", "RETREAT")]),
    ],
)
def test_withdrawing_aid_is_a_sanction(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
def test_a_definite_re_mention_in_the_same_sentence_is_one_record(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The EU imposed sanctions on Russia, and the sanctions hit its banks."
    assert _types(nlp, text) == [("imposed", "SANCTION")]


@pytest.mark.slow
def test_a_banned_event_is_kept_from_happening(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The city banned all protests near the parliament."
    assert _types(nlp, text) == [("banned", "COERCE")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a withdrawal as the penalty of an ultimatum is a threat
        (
            "Kenya said it will withdraw its troops from the mission unless the talks resume.",
            [("said", "THREATEN")],
        ),
        # a withdrawal on a condition of its own is a plan, no threat
        (
            "Kenya said it will withdraw its troops from the mission if the rains come.",
            [("withdraw", "RETREAT")],
        ),
    ],
)
def test_a_withdrawal_is_a_threat_only_in_an_ultimatum(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what follows if anyone acts is a generic statement
        ("If you drive drunk here, police will arrest you.", []),
        ("If you leave rival fans together, they will start fighting.", []),
        # a party's act as the condition: the event is still told, as hypothetical
        ("If the rebels attack, the army will respond.", [("attack", "ASSAULT")]),
    ],
)
def test_what_follows_from_anyones_act_is_generic(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a ban on goods or travel is a sanction
        ("Japan banned British beef imports in 1996.", [("banned", "SANCTION")]),
        ("The bloc imposed a travel ban on the officials.", [("imposed", "SANCTION")]),
        # a ban on political activity restricts freedom: coercion
        ("The junta banned all opposition rallies.", [("banned", "COERCE")]),
        # a domestic rule about things is no event
        ("The finance minister banned high-value currency notes in 2016.", []),
    ],
)
def test_a_ban_is_typed_by_what_it_bans(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The march was the largest protest in the city since 2011.",
        "The nurses' rally represented the state's biggest health protest in years.",
    ],
)
def test_an_event_said_to_be_another_of_its_type_is_one_record(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert [event_type for _, event_type in _types(nlp, text)] == ["PROTEST"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a possessor says whose the symposium is: holding it detains no one
        ("Organizers hope to hold a migrants' rights symposium in Puebla.", []),
        # holding the people themselves is still detention
        ("Border guards held two migrants at the crossing.", [("held", "COERCE")]),
    ],
)
def test_a_possessor_does_not_say_what_is_held(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
def test_a_told_threat_is_the_doers_against_whom_the_condition_names(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ruritania will attack the border posts if Freedonia moves its tanks, the ministry said."
    actors: dict[str, tuple[ActorKind, str | None]] = {
        "Ruritania": (ActorKind.STATE, None),
        "Freedonia": (ActorKind.STATE, None),
    }
    article = build_article(text, actors, [])
    [threat] = find_events(article, nlp(article.body))
    actor, target = article.actor(threat.actor_id), article.actor(threat.target_id)
    assert (threat.type, threat.trigger) == ("THREATEN", "said")
    assert (actor.name if actor else None, target.name if target else None) == (
        "Ruritania",
        "Freedonia",
    )

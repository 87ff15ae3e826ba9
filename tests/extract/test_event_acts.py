"""Which uses of an act word report an act: offers typed by what is offered, nouns of
agreements, threats and promises only when someone makes them, bare concurrence, figurative
contests and quarrels between people."""

from __future__ import annotations

import pytest

from sitrep.extract.events import find_events
from sitrep.records import Article, InputKind


def _typed(nlp, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    article = Article("test", "hash", InputKind.TEXT, [text])
    return [(e.trigger, e.type) for e in find_events(article, nlp(article.body))]


def _types(nlp, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [event_type for _, event_type in _typed(nlp, text)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an offer is typed by what is offered; goods, services and jobs are no act
        ("The rebels offered to release the hostages.", ["AGREE"]),
        ("The army offered a truce to the rebels.", ["AGREE"]),
        ("Norway offered food aid to the refugees.", ["AID"]),
        ("The bakery offers fresh bread every morning.", []),
        ("The firm offered him a job in sales.", []),
    ],
)
def test_an_offer_is_typed_by_what_is_offered(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
def test_an_offered_event_is_reported_proposed_in_its_own_type(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The government offered talks to the rebels."
    article = Article("test", "hash", InputKind.TEXT, [text])
    events = find_events(article, nlp(article.body))
    assert [(e.trigger, e.type, e.status.value) for e in events] == [
        ("talks", "CONSULT", "proposed")
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun of agreement reports an act when made, owned, between parties or talked of
        ("The two sides reached a deal on Monday.", ["AGREE"]),
        ("A ceasefire deal was reached in Cairo.", ["AGREE"]),
        ("Egypt's agreement to open the crossing surprised Israel.", ["AGREE"]),
        ("The treaty between Chile and Peru ends the dispute.", ["AGREE"]),
        # ...not the standing text it names
        ("Farm exports have grown under the agreement.", []),
        ("Users need a valid license agreement.", []),
        ("He has doubts about the free trade pact.", []),
    ],
)
def test_a_noun_of_agreement_is_an_act_only_when_someone_makes_it(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran's threat to close the strait alarmed traders.", ["THREATEN"]),
        ("The rebels issued a threat against the convoy.", ["THREATEN"]),
        # a threat no one makes is a danger
        ("Farmers face the threat of drought.", []),
        ("Pollution is a serious threat to public health.", []),
    ],
)
def test_a_threat_is_an_act_only_with_someone_making_it(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister made a promise to the strikers.", ["AGREE"]),
        ("Voters no longer believe in false promises.", []),
        # a promise made to no one about no act is a commitment, no agreement
        # (test_event_precision.py)
        ("The mayor promised to rebuild the bridge.", []),
    ],
)
def test_a_promise_noun_is_an_act_only_when_made(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # concurring in an opinion is no agreement between actors
        ("Maria Lopez, a nurse in the camp, agrees.", []),
        ("The two governments agreed to reopen the border.", ["AGREE"]),
        ("Ankara agreed on a new route for the pipeline.", ["AGREE"]),
    ],
)
def test_agreeing_with_nothing_agreed_is_no_event(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a contest named by its field is figurative
        ("The tariffs began the biggest trade battle in decades.", ["SANCTION"]),
        ("Rebels and soldiers fought a battle near the dam.", ["ASSAULT"]),
        # two named people clash in words
        ("John Smith has clashed with Mary Jones over the budget.", []),
        ("Protesters clashed with police in the square.", ["ASSAULT"]),
    ],
)
def test_figurative_contests_and_quarrels_are_no_assaults(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "take part" and "take as" are idioms, not the taking of ground
        ("Three countries took part in the initiative.", []),
        ("Any reply by Russia would be taken as an escalation.", []),
        ("Iran took the attack on the port as a provocation.", ["ASSAULT"]),
        ("The rebels took part of the city.", ["ASSAULT"]),
        ("The rebels took the village.", ["ASSAULT"]),
        # meeting one's own staff is no consultation between actors
        ("The president met his top aides on Tuesday.", []),
        ("The president met the Iranian envoy on Tuesday.", ["CONSULT"]),
    ],
)
def test_idioms_and_meetings_with_staff_are_no_events(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
def test_what_a_threat_threatens_has_not_happened(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The families now face the threat of detention."
    article = Article("test", "hash", InputKind.TEXT, [text])
    events = find_events(article, nlp(article.body))
    assert [(e.trigger, e.status.value) for e in events] == [("detention", "hypothetical")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # charging someone with something, and charges someone faces, files or brings, accuse
        ("The league charged the club with misconduct.", ["ACCUSE"]),
        ("The driver faces three charges after the crash.", ["ACCUSE"]),
        ("Prosecutors filed charges against the mayor.", ["ACCUSE"]),
        ("He was arrested on federal charges.", ["COERCE", "ACCUSE"]),
        # a price or a battery charge accuses no one
        ("The hotel charges a fee for parking.", []),
        ("The phone needs a charge every night.", []),
    ],
)
def test_charges_accuse(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beijing announced import duties on American soybeans.", ["SANCTION"]),
        ("Two officers were on duty that night.", []),
        ("The ministers expressed solidarity with the flood victims.", ["SUPPORT"]),
        ("The singer expressed her feelings in a song.", []),
        ("The governor congratulated the new mayor.", ["SUPPORT"]),
        ("He is being held at the county jail.", ["COERCE"]),
        ("The suspect held a knife.", []),
        ("Officers fired ten rounds during the chase.", ["ASSAULT"]),
        ("The company fired its manager.", []),
    ],
)
def test_duties_solidarity_detention_and_gunfire(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Activists renewed calls for a ceasefire.", ["REQUEST"]),
        ("The minister took a call from the mayor.", []),
        ("The senator renewed his denunciation of the policy.", ["ACCUSE"]),
        ("The plan drew a sharp rebuke from the union.", ["ACCUSE"]),
    ],
)
def test_calls_for_and_rebukes(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dozens vanished in a police sweep last year.", ["COERCE"]),
        ("The robot vacuum makes a sweep of the kitchen.", []),
        ("The regime has muzzled the press.", ["COERCE"]),
    ],
)
def test_sweeps_and_muzzling_coerce(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place in a clause on what is seized is not what is taken
        (
            "Prosecutors seized $2 billion taken from the fund to buy homes in London.",
            [("seized", "COERCE", "asserted")],
        ),
        ("The rebels seized the town of Saraqeb.", [("seized", "ASSAULT", "asserted")]),
        # working to do something has not done it
        (
            "The department is working to seize the yacht.",
            [("seize", "COERCE", "proposed")],
        ),
        (
            "The deportation of 40 migrants began on Monday.",
            [("deportation", "COERCE", "asserted")],
        ),
    ],
)
def test_seizures_deportation_and_efforts(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    article = Article("test", "hash", InputKind.TEXT, [text])
    found = find_events(article, nlp(article.body))
    assert [(e.trigger, e.type, e.status.value) for e in found] == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # to demonstrate a quality, or a demonstration of one, is to show it
        ("The story demonstrates the power of unions.", []),
        ("A demonstration of military power is available.", []),
        ("He protested that he was innocent.", []),
        # a demonstration, or protesters demonstrating, is a protest
        ("Thousands demonstrated outside parliament.", ["PROTEST"]),
        ("A demonstration of 10,000 people blocked the bridge.", ["PROTEST"]),
    ],
)
def test_showing_is_no_protest(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "accuses"),
    [
        # calling an act or actor a word of blame is an accusation
        ("The minister called the move unjustified.", True),
        ("Sasse called the escalation the dumbest possible way to punish China.", True),
        # ...calling it something else is not
        ("The minister called the visit a historic step.", False),
    ],
)
def test_calling_something_a_word_of_blame_accuses(nlp, text, accuses) -> None:  # type: ignore[no-untyped-def]
    assert ("ACCUSE" in _types(nlp, text)) is accuses


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # admitting a crime concedes it; being admitted to hospital does not
        ("Both suspects admitted to the thefts.", ["CONCEDE"]),
        ("The driver was admitted to hospital.", []),
        # pointing something at someone threatens; waving a gun about does not
        ("A man pointed a replica handgun at an officer.", ["THREATEN"]),
        ("The suspect pointed an object at the officers.", ["THREATEN"]),
        ("He saw the man pointing a handgun in various directions.", []),
    ],
)
def test_admissions_and_pointed_weapons(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
def test_a_trial_for_a_crime_accuses_and_the_crime_is_its_content(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _typed(nlp, "Three men are on trial for murder.") == [("trial", "ACCUSE")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # fighting a danger or a scourge is no attack on anyone
        ("Beijing said it would fight the administration's latest threats.", ["THREATEN"]),
        ("The city is fighting air pollution.", []),
        ("Rebels fought government troops near the airport.", ["ASSAULT"]),
    ],
)
def test_fighting_a_scourge_is_no_assault(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
def test_what_must_be_done_is_proposed(nlp) -> None:  # type: ignore[no-untyped-def]
    article = Article("test", "hash", InputKind.TEXT, ["Beijing must adopt new countermeasures."])
    [event] = find_events(article, nlp(article.body))
    assert (event.type, event.status.value) == ("SANCTION", "proposed")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # damage done to property is an attack
        ("A man smashed the windows of her car.", ["ASSAULT"]),
        ("The school fence was pulled down by youths.", ["ASSAULT"]),
        ("The suspect vandalised two cars.", ["ASSAULT"]),
        ("The glass struck the child.", ["ASSAULT"]),
        # ...breaking a record or striking a deal is not
        ("She smashed the world record.", []),
        ("The two sides struck a deal.", ["AGREE"]),
    ],
)
def test_damage_to_property_is_an_attack(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an order from authority to another party coerces it...
        ("The court ordered the party to disband.", ["COERCE"]),
        ("The judge ordered the two men to pay damages.", ["COERCE"]),
        ("The government ordered the rebels to disband.", ["COERCE"]),
        # ...an order to one's own forces is command, and what it orders is the event
        ("The president ordered his army to withdraw from the city.", ["RETREAT"]),
    ],
)
def test_an_order_to_another_party_is_coercion(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sale, purchase or merger agreed is business, not a political agreement
        ("The exchange has agreed to be acquired by a brokerage.", []),
        ("The firm concluded an agreement to buy a rival.", []),
        ("Russia and Ukraine agreed to exchange prisoners.", ["AGREE"]),
    ],
)
def test_a_business_transaction_agreed_is_no_agreement_event(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a visit to another party is a meeting; to one's own troops or a building, none
        ("The Turkish president visited Moscow on Monday.", ["CONSULT"]),
        ("The president visited troops at the army headquarters.", []),
        ("She visited the complaints office of the court.", []),
    ],
)
def test_a_visit_to_ones_own_people_or_a_building_is_no_meeting(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected

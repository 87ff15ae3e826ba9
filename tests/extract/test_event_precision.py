"""Words that tempt the coder but report no event of their own: promises made to no one
about no act, the content of a request or charge, event nouns of no particular event, harm
done by a non-violent event, and "confer" as awarding."""

from __future__ import annotations

import pytest

from sitrep.extract.events import find_events
from sitrep.records import Article, InputKind


def _types(nlp, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    article = Article("test", "hash", InputKind.TEXT, [text])
    return [(e.trigger, e.type) for e in find_events(article, nlp(article.body))]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a commitment to voters is no agreement with anyone
        ("The candidate pledged to lower fuel prices.", []),
        ("The mayor had promised new parks, residents said.", []),
        # ...a promise made to someone, or of an act, is
        ("Moscow promised new air defences to Damascus.", [("promised", "AGREE")]),
        ("Ankara pledged to withdraw its troops from the enclave.", [("pledged", "AGREE")]),
    ],
)
def test_a_promise_is_an_agreement_only_with_an_addressee_or_an_act(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is asked of someone, in a "for ... to" clause, is the request's content
        (
            "Unions are calling for the transport minister to resign.",
            [("calling", "REQUEST")],
        ),
        # every crime a charge names is the charge's content, coordinated ones too
        (
            "The driver was charged with robbery and three counts of assault.",
            [("charged", "ACCUSE")],
        ),
    ],
)
def test_the_content_of_a_request_or_charge_is_no_event(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Any new sanctions would need a vote in parliament.", []),
        ("Any agreement with the rebels would need approval.", []),
        # a particular event noun is still reported
        ("The new sanctions hit three banks.", [("sanctions", "SANCTION")]),
    ],
)
def test_an_event_noun_of_no_particular_event_is_no_event(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The port city has been hit by strikes by dock workers.", [("strikes", "PROTEST")]),
        # a verb of harm whose agent is a person or a weapon is an attack
        ("The village was hit by rockets fired by the militia.", [("hit", "ASSAULT")]),
    ],
)
def test_harm_done_by_a_non_violent_event_is_no_attack(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert [t for t in _types(nlp, text) if t[0] != "fired"] == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The university will confer honorary degrees on two ministers.", []),
        ("Foreign ministers conferred with their counterparts.", [("conferred", "CONSULT")]),
    ],
)
def test_confer_is_consulting_only_with_someone(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # backing an actor or a position is SUPPORT; helping an activity along is not
        ("Germany supported the French proposal.", [("supported", "SUPPORT")]),
        ("Farmers' unions support the opposition candidate.", [("support", "SUPPORT")]),
        ("The new fund supports small bakeries and local crafts.", []),
        ("Volunteers supported the annual marathon.", []),
    ],
)
def test_support_endorses_an_actor_or_a_position(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
def test_a_promise_with_a_coordinated_report_is_still_a_commitment(nlp) -> None:  # type: ignore[no-untyped-def]
    """An event in a clause coordinated with the promise is not what is promised."""
    text = "The party pledged to cut taxes, but critics say the raids continue."
    assert ("pledged", "AGREE") not in _types(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "take on" is to confront or compete, not to seize ground
        ("The start-up wants to take on the big banks in Lagos.", []),
        # a heart stopping is no arrest
        ("The runner suffered a cardiac arrest.", []),
        ("Police made an arrest on Friday.", [("arrest", "COERCE")]),
    ],
)
def test_idioms_of_take_on_and_medical_arrest(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body's own sitting, named as when or where something else was done
        ("The mayor spoke after a party meeting.", []),
        ("Directors will be appointed at the shareholders meeting.", []),
        # a meeting with a partner is reported
        ("The minister spoke after a meeting with the Chinese envoy.", [("meeting", "CONSULT")]),
    ],
)
def test_a_meeting_named_only_as_a_setting_is_no_event(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a speaker says a party must do is the speaker's request
        ("The rebels must reach an agreement, the minister said.", [("said", "REQUEST")]),
        ("Wang should be released, she said.", [("said", "REQUEST")]),
        # a hope about a thing, or a belief, asks nothing of anyone
        ("The verdict should be seen in a broader view, analysts said.", []),
        ("The rebels must have known, the minister said.", []),
    ],
)
def test_a_reported_obligation_of_a_party_is_a_request(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # charging a party is accusing it; charging a thing is not
        ("UEFA charged Liverpool after the game.", [("charged", "ACCUSE")]),
        ("She charged her phone overnight.", []),
    ],
)
def test_charging_a_party_is_an_accusation(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
def test_a_verb_coordinated_with_content_is_content(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, "He threatened to assault and murder an official.") == [
        ("threatened", "THREATEN")
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # technology, apps and capital are deployed too; forces are mobilised
        ("Cities deployed new pollution control technologies.", []),
        ("The army deployed troops to the border.", [("deployed", "MOBILIZE")]),
        # the market's demand is no one's request; a party's demand is
        ("Worries over global demand sent oil prices lower.", []),
        ("The strikers issued new demands on Friday.", [("demands", "REQUEST")]),
        # assisting clients is a service; assisting a party is aid
        ("The firm is assisting its clients in cutting costs.", []),
        ("Russia assisted the government with weapons.", [("assisted", "AID")]),
    ],
)
def test_words_of_aid_demand_and_deployment_need_their_political_sense(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no one harmed: the attack's count, not an attack
        ("The officer and the dog were not injured in the incident.", []),
        # how someone felt is no act
        ("Some witnesses felt threatened and stayed away.", []),
        # "wound up" is "wind up"
        ("And through that we wound up with images like these.", []),
        # the reader, or anyone, is no party
        ("Are you planning to visit?", []),
        ("It is bad news if you are trying to fight someone in a game.", []),
        ("Rebels attacked the convoy.", [("attacked", "ASSAULT")]),
        # the offence an arrest is for is alleged, the arrest reported
        ("The suspect was arrested for vandalism.", [("arrested", "COERCE")]),
    ],
)
def test_harm_denied_acts_of_the_reader_and_offences_are_no_events(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what someone is made to do has not happened, nor is it their own act
        ("The prince tried to force the minister to resign.", []),
        # what someone is kept from doing did not happen; the keeping is the act reported
        ("Authorities blocked lawyers from visiting him.", [("blocked", "COERCE")]),
        # the same act reported on its own is an event
        ("The minister resigned on Friday.", [("resigned", "CONCEDE")]),
    ],
)
def test_a_compelled_or_prevented_act_is_no_event(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # markets and players rally; crowds rally in protest
        ("A key reason for the market rally is the improved earnings.", []),
        ("Rublev rallied to beat Bautista-Agut in three sets.", []),
        ("Thousands of people rallied in the capital on Friday.", [("rallied", "PROTEST")]),
        # a web address is visited by readers, not by a party
        ("For more information, please visit www.example.com.", []),
    ],
)
def test_market_and_sport_rallies_and_web_visits_are_no_events(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what happens as a rule is no act that happened
        ("Migrants crossing the border are usually detained for weeks.", []),
        ("Prices of this kind are typically negotiated by the buyers.", []),
        ("Suspects are arrested, sometimes for weeks, without charge.", []),
        # the frequency of a clause below makes that clause habitual, not the report
        (
            "Police arrested two men who often protested outside the embassy.",
            [("arrested", "COERCE")],
        ),
        # a series of acts that happened is reported, and so is a named party's practice
        ("Rebels repeatedly shelled the town on Monday.", [("shelled", "ASSAULT")]),
        ("Syrian troops routinely shelled the villages.", [("shelled", "ASSAULT")]),
    ],
)
def test_a_habitual_statement_is_no_event(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one body's own sitting is no consultation of another party
        ("Legislators gather for organizational meetings next week.", []),
        ("The board meeting approved the budget.", []),
        # ...a meeting with a partner is
        (
            "The president held a meeting with the Iraqi prime minister.",
            [("meeting", "CONSULT")],
        ),
        # a meeting that is won is a match; one where something else is won is a meeting
        ("The home side had won all nine previous meetings with their rivals.", []),
        (
            "The minister won support at a meeting with the governors.",
            [("meeting", "CONSULT")],
        ),
    ],
)
def test_a_bodys_own_sitting_is_no_consultation(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare plural subject with the simple present says what holds of a kind
        ("In these camps, people are detained without trial.", []),
        # ...and so does an infinitive with such a subject under a clause in the present
        ("It is common for rebels to attack convoys on this road.", []),
        # ...another tense, or a named party's practice, is reported
        ("Protesters blocked the road on Monday.", [("blocked", "PROTEST")]),
        ("Syrian troops shell the town every night.", [("shell", "ASSAULT")]),
        ("The protesters demand the release of the students.", [("demand", "REQUEST")]),
        # ...and so is a verbal act, a group's current statement told in the present
        ("Rights groups accuse the militia of torturing detainees.", [("accuse", "ACCUSE")]),
    ],
)
def test_a_generic_statement_is_no_event(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a known event shows or reflects is said of it; the event is not reported
        ("Analysts say the crackdown shows the limits of the reform.", []),
        ("The clash reflects deep tension between the two parties.", []),
        ("His arrest signals a shift in the government's approach.", []),
        # ...an event noun that is the subject of what it did is reported
        ("The bombing killed twelve people in the market.", [("bombing", "ASSAULT")]),
        # what something means or signals is a consequence drawn, not an act reported
        ("Leaving the union means tariffs on every export.", []),
        ("The council will act even if it means collaborating with the army.", []),
        ("The move signals a crackdown on the press.", []),
        # ...a clause it shows tells what happened
        ("The report shows that police arrested forty people.", [("arrested", "COERCE")]),
    ],
)
def test_what_an_event_shows_is_no_report_of_it(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a defining relative clause in the simple present says what kind of thing its noun
        # is, not what happened
        ("The group that attacks convoys on this road has grown.", []),
        ("Refugees are sent to a camp where people are detained for weeks.", []),
        (
            "The mayor praised a programme that takes old cars off the streets.",
            [("praised", "SUPPORT")],
        ),
        # ...a past, progressive or perfect one reports an act, and so may a clause set off
        # by a comma
        (
            "Police arrested the man who attacked the guard.",
            [("arrested", "COERCE"), ("attacked", "ASSAULT")],
        ),
        ("The residents who are refusing to leave stayed.", [("refusing", "REJECT")]),
        ("Iran, which denies the charge, stayed silent.", [("denies", "REJECT")]),
    ],
)
def test_a_defining_clause_in_the_simple_present_is_no_event(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a demand with a penalty as its alternative is an ultimatum: a threat
        (
            "The commission asked the party to pay the fine within a week or be dissolved.",
            [("asked", "THREATEN")],
        ),
        (
            "The governor ordered the protesters to disperse or face arrest.",
            [("ordered", "THREATEN")],
        ),
        (
            "The militia ordered the farmer to either pay the tax or give up his cattle.",
            [("ordered", "THREATEN")],
        ),
        (
            "The regulator asked the bank to repay the loan within a month or lose its licence.",
            [("asked", "THREATEN")],
        ),
        # a choice offered with no penalty is a request
        (
            "The union asked the ministry to raise wages or cut working hours.",
            [("asked", "REQUEST")],
        ),
    ],
)
def test_a_demand_with_a_penalty_as_alternative_is_a_threat(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a forecast or an expert's caution threatens no one
        ("Economists warn that the dispute could escalate into a trade war.", []),
        ("Forecasters are warning of severe air pollution this week.", []),
        # ...a party's warning of what it would do is a threat
        ("Iran warned Israel against any attack on its territory.", [("warned", "THREATEN")]),
    ],
)
def test_a_forecast_is_no_threat(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a suspension of something, or one imposed, is a sanction
        ("Russia's suspension of the grain deal angered Kyiv.", [("suspension", "SANCTION")]),
        ("The league handed the striker an indefinite suspension.", [("suspension", "SANCTION")]),
        ("The defender received a two-game suspension.", [("suspension", "SANCTION")]),
        # ...a car's is none
        ("The sedan comes with adaptive air suspension as standard.", []),
    ],
)
def test_a_suspension_is_a_sanction_only_of_something_or_imposed(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # leaving a post in a business, a club or a job is no concession
        ("The founder resigned as CEO last month.", []),
        ("She stepped down from the board of the bank.", []),
        ("The coach announced his resignation as manager of the club.", []),
        # ...an official's resignation is
        ("The defence minister resigned on Friday.", [("resigned", "CONCEDE")]),
        (
            "The prime minister stepped down after weeks of protests.",
            [("stepped down", "CONCEDE"), ("protests", "PROTEST")],
        ),
    ],
)
def test_leaving_a_private_post_is_no_concession(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a text calls for is what it prescribes, not a party's request
        ("The recipe called for three cups of sugar.", []),
        ("The script called for a soaring anthem in the last scene.", []),
        # ...a party's call is a request
        ("The opposition called for new elections.", [("called", "REQUEST")]),
    ],
)
def test_what_a_text_calls_for_is_no_request(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "demonstrate" with an object shows something; without one, it protests
        ("The company demonstrated its new phone at the fair.", []),
        ("Engineers demonstrated the new reactor to visitors.", []),
        ("Thousands demonstrated in the capital against the law.", [("demonstrated", "PROTEST")]),
    ],
)
def test_demonstrating_something_is_no_protest(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stock index rallies as stocks do; a crowd rallies in protest
        ("The Nasdaq rallied for a third straight session on Thursday.", []),
        ("Thousands of farmers rallied outside parliament.", [("rallied", "PROTEST")]),
        # phoning in to an interview or a broadcast is no consultation between parties
        ("The director phoned in from a studio in Berlin to talk about the film.", []),
        ("The prime minister phoned his Turkish counterpart on Monday.", [("phoned", "CONSULT")]),
        # pulling out a thing is a motion of the hand; forces pulled out withdraw
        ("She pulled out a notebook and began to write.", []),
        ("The army pulled out its soldiers from the border area.", [("pulled out", "RETREAT")]),
    ],
)
def test_words_of_markets_interviews_and_handling_things_are_no_events(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # research is no inquiry into a party, a space probe no probe, a star no bomb
        ("The rover carries a drill to investigate the layers of the crater floor.", []),
        ("The Saturn probe sent back images of the rings for a decade.", []),
        ("Supernova explosions scatter heavy elements across the galaxy.", []),
        ("Prosecutors are investigating the mayor.", [("investigating", "ACCUSE")]),
        # deaths an accident causes are no attack
        ("The floods that killed 40 people last spring wrecked the harvest.", []),
        ("Gunmen killed 12 villagers in the north.", [("killed", "ASSAULT")]),
        # a player beaten by a game's score lost a match; protesters beaten were attacked
        ("Nadal beat Daniil Medvedev 7-5, 6-3 in the final.", []),
        ("Police beat the protesters with batons.", [("beat", "ASSAULT")]),
        # a car's driving aids are features, not aid one party gives another
        ("Lane assistance and parking assistance are standard on the new model.", []),
    ],
)
def test_research_disasters_sport_and_driving_aids_are_no_events(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a greeting welcomes no one; an idea seized on is taken up, not taken
        ("Welcome to our guide to the autumn menus.", []),
        ("Putin welcomed Erdogan to Sochi.", [("welcomed", "SUPPORT")]),
        ("The critics seized upon the remark.", []),
        ("The weapons were seized on Monday.", [("seized", "COERCE")]),
        # propping up an economy's quantities supports no party or position
        ("The Japanese market's high valuations are supported by low yields.", []),
        ("Cheap credit may support consumption and investment demand.", []),
        ("France supported the resolution.", [("supported", "SUPPORT")]),
        # putting money into a company is business, not an agreement between parties
        ("The bank agreed to inject $2 billion into the carmaker.", []),
        ("Turkey agreed to withdraw its troops.", [("agreed", "AGREE")]),
    ],
)
def test_greetings_ideas_seized_on_and_business_words_are_no_events(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected

"""Recall rows from the PLOVER codebook's modes: forces strengthened or put on alert,
extraditions, ties upgraded, a welcome given, arms deals, weapons recovered, calls to a
counterpart, opening fire; English synonyms and idioms of the codebook's words (backing,
opposing, dismissing a claim, taking aim at, scrutiny, confessing); and the uses of the same
words that report no act."""

from __future__ import annotations

import pytest

from sitrep.extract.events import find_events
from sitrep.records import Article, InputKind


def _types(nlp, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    article = Article("test", "hash", InputKind.TEXT, [text])
    return [e.type for e in find_events(article, nlp(article.body))]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army strengthened its forces along the border.", ["MOBILIZE"]),
        ("The troops were put on alert on Sunday.", ["MOBILIZE"]),
        ("Spain extradited the suspect to the United States.", ["COOPERATE"]),
        ("The two countries upgraded diplomatic ties on Monday.", ["SUPPORT"]),
        ("The Emir gave a warm welcome to the Indian prime minister.", ["SUPPORT"]),
        ("Washington approved a $2 billion arms deal with Riyadh.", ["AID"]),
        ("Police recovered 86 firearms in the state.", ["COERCE"]),
        ("Putin called his French counterpart on Monday.", ["CONSULT"]),
        ("Gunmen opened fire on a bus in Kabul.", ["ASSAULT"]),
        ("Jordan closed its borders with Syria.", ["COERCE"]),
        ("China vowed to fight the United States at any cost.", ["THREATEN"]),
        ("Prosecutors dropped the charges against the activist.", ["CONCEDE"]),
        ("Troops remained on high alert after the attack.", ["MOBILIZE", "ASSAULT"]),
        ("The regulator filed a lawsuit against the bank.", ["ACCUSE"]),
        ("The judge found the two men guilty of selling drugs.", ["COERCE"]),
        ("The activists were placed under police surveillance.", ["COERCE"]),
        # ...not the same words about business, goods or households
        ("The bank boosted its sales force in Asia.", []),
        ("The firm strengthened its balance sheet.", []),
        ("She opened the window of the shop.", []),
        ("He called the office on Monday.", []),
        ("The shop closed its doors at noon.", []),
        ("Chen sold the shares early, according to a related lawsuit.", []),
        ("The jury found her not guilty.", []),
        ("I found the film interesting.", []),
    ],
)
def test_recall_rows_and_their_non_events(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the PLOVER codebook's judicial cooperation, diplomatic curtailment, rescue and
        # easing of legal restrictions
        ("Spain approved the extradition of the banker to Argentina.", ["COOPERATE"]),
        ("The government downgraded diplomatic ties with Israel.", ["SANCTION"]),
        ("Britain recalled its ambassador from Moscow.", ["SANCTION"]),
        ("Special forces rescued three hostages in the north.", ["AID"]),
        ("The president granted an amnesty to 300 rebels.", ["CONCEDE"]),
        ("The governor pardoned the activists on Friday.", ["CONCEDE"]),
        # ...not the same words naming a bill, a memory, a standing law or a courtesy
        ("Thousands rallied against the extradition bill.", ["PROTEST"]),
        ("He recalled the minister saying the war was over.", []),
        ("Under the amnesty law, fighters may return home.", []),
        ("Pardon the interruption, she wrote.", []),
    ],
)
def test_codebook_rows_and_their_non_events(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English synonyms and idioms of the codebook's words (WordNet): backing, opposing,
        # dismissing a claim, censure, scrutiny, advocacy, a confession, training another's
        # fighters, a weapon waved, a sworn threat
        ("The governor is backing the new border plan.", ["SUPPORT"]),
        ("Farmers' unions opposed the trade agreement with Canada.", ["REJECT"]),
        ("The ministry dismissed the allegations as baseless.", ["REJECT"]),
        ("Rebel leaders dismissed an appeal from the bishop.", ["REJECT"]),
        ("Moscow balked at the proposal.", ["REJECT"]),
        ("Senator Lee took aim at the mayor's budget on Monday.", ["ACCUSE"]),
        ("The opposition leader lashed out at the president.", ["ACCUSE"]),
        ("Lawmakers have vilified the union.", ["ACCUSE"]),
        ("The regulator is scrutinizing the bank's loans.", ["ACCUSE"]),
        ("The firm is facing scrutiny from the Justice Department.", ["ACCUSE"]),
        ("The minister advocates tighter controls on arms exports.", ["REQUEST"]),
        ("The suspect confessed to the killing.", ["CONCEDE", "ASSAULT"]),
        ("American advisers have been training Kurdish fighters.", ["AID"]),
        ("A man waved a pistol at two guards outside the embassy.", ["THREATEN"]),
        ("The rebels swore to fight until the last man.", ["THREATEN"]),
        # ...not the same words moving, playing, employing, coaching or taking an oath
        ("The truck backed into a wall.", []),
        ("The opposing side scored twice.", []),
        ("The manager dismissed two workers.", []),
        ("The home was under scrutiny.", []),
        ("The coach is training young players.", []),
        ("She waved a flag at the crowd.", []),
        ("The new ministers swore an oath.", []),
    ],
)
def test_synonym_rows_and_their_non_events(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # COERCE restrict: someone kept from doing something (clause:from); denials made
        ("Soldiers blocked the journalists from entering the camp.", ["COERCE"]),
        ("The opposition leader was barred from leaving the country.", ["COERCE"]),
        ("Rebels denied the reports on Monday.", ["REJECT"]),
        ("The rebels issued a denial of the reports on Monday.", ["REJECT"]),
        # ...not a "from" phrase of origin, nor a state of mind or a kind of attack
        ("The goalkeeper blocked a shot from the striker.", []),
        ("She lived in denial for years.", []),
        ("The site suffered a denial of service attack.", ["ASSAULT"]),
    ],
)
def test_kept_from_and_denials(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speech verb whose reported clause calls something by a word of censure is the
        # speaker's criticism (PLOVER ACCUSE disapprove), coordinated clauses too
        ('"The new tariffs are absurd," the senator said.', ["SANCTION", "ACCUSE"]),
        ("The union leader said the decision was a betrayal of the workers.", ["ACCUSE"]),
        ('"Their unfair tactics are hurting farmers," the minister said.', ["ACCUSE"]),
        ('"Hopefully he is just joking, but this is nuts," Smith said.', ["ACCUSE"]),
        # ...not a bad thing named, a censure denied, a claim called false (a denial), or a
        # clause with no subject
        ('"Crime has fallen this year," police said.', []),
        ("He said the march was not a reckless act.", ["PROTEST"]),
        ("Analysts told reporters the ministry's claims are false.", []),
        ("She noted there should be zero shame.", []),
    ],
)
def test_condemning_speech(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a suit filed is a lawsuit (ACCUSE); a legislature is a party one asks to act
        ("The party filed a suit against the registrar.", ["ACCUSE"]),
        (
            "The union leader told the teachers that the legislature should raise their pay.",
            ["REQUEST"],
        ),
        # ...not a suit worn
        ("He wore a dark suit to court.", []),
    ],
)
def test_suits_and_requests_of_legislatures(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # harm the speaker's side will do if another acts is a threat, its content no event
        ("Officials said the army would shell the town if the rebels stayed.", ["THREATEN"]),
        (
            '"China will fight back firmly" if the U.S. persists, the ministry said.',
            ["THREATEN"],
        ),
        # ...not harm announced with no condition, a prediction of another's act, nor a legal
        # step on a condition
        ("The minister said Ankara would impose sanctions in May.", ["SANCTION"]),
        (
            "Analysts said Russia would impose sanctions if the talks failed.",
            ["SANCTION", "CONSULT"],
        ),
        ("He said the party will file a suit if the appeal fails.", ["ACCUSE"]),
    ],
)
def test_conditional_harm_said_is_a_threat(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an order's infinitive the parser hangs on the person ordered is still what is ordered
        ("The judge ordered the two prisoners to be sent to a jail in Manila.", ["COERCE"]),
        # ...not the purpose of a thing ordered
        ("She ordered a pizza to share with friends.", []),
    ],
)
def test_an_infinitive_hung_on_the_one_ordered(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # easing a restriction or penalty by degree is a concession, as lifting it is
        ("The army relaxed the curfew in the capital.", ["CONCEDE"]),
        ("The government loosened sanctions on Cuba.", ["CONCEDE"]),
        ("The governor shortened the nightly curfew by one hour.", ["CONCEDE"]),
        # ...not a person at rest
        ("She relaxed on the beach.", []),
    ],
)
def test_restrictions_eased(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _types(nlp, text) == expected

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

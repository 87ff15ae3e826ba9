"""Events: PLOVER type and mode, actor, target, place, date and status from the parse."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import numpy as np
import pytest

from sitrep.extract import event_classifier
from sitrep.extract.event_classifier import (
    DEFAULT_CLASSIFIER,
    LEXICON_CLASSIFIER,
    MODEL_CLASSIFIER,
    TriggerLabel,
    get_classifier,
    register_classifier,
)
from sitrep.extract.event_model import EventModels, LinearModel, event_models
from sitrep.extract.events import find_events
from sitrep.records import (
    Actor,
    ActorKind,
    Article,
    Claim,
    DatePrecision,
    EventStatus,
    InputKind,
    LocationPrecision,
    Place,
    Source,
    SourceType,
    Span,
)
from sitrep.taxonomy import acled_mapping

PUBLISHED = datetime(2024, 12, 7, 16, 56, tzinfo=timezone(timedelta(hours=-5)))


def build_article(
    text: str,
    actors: dict[str, tuple[ActorKind, str | None]],
    places: list[str],
) -> Article:
    """An article whose actors and places are given by hand, mentions found by whole word."""
    article = Article("test", "hash", InputKind.TEXT, [text], published=PUBLISHED)
    for number, (name, (kind, sector)) in enumerate(actors.items(), 1):
        article.actors.append(
            Actor(f"actor-{number}", name, kind, sector, mentions=_spans(text, name))
        )
    for number, name in enumerate(places, 1):
        article.places.append(
            Place(
                f"place-{number}",
                name,
                None,
                None,
                None,
                None,
                None,
                None,
                LocationPrecision.UNRESOLVED,
                mentions=_spans(text, name),
            )
        )
    return article


def _spans(text: str, name: str) -> list[Span]:
    return [Span(m.start(), m.end(), name) for m in re.finditer(rf"\b{re.escape(name)}\b", text)]


def _events(nlp, article: Article):  # type: ignore[no-untyped-def]
    return find_events(article, nlp(article.body))


def _name(article: Article, record_id: str | None) -> str | None:
    record = article.actor(record_id) or article.place(record_id)
    return record.name if record else None


REBELS = {"rebels": (ActorKind.GROUP, "rebel")}


@pytest.mark.slow
def test_events_seizure_gives_one_assault_per_place_with_week_date(nlp) -> None:  # type: ignore[no-untyped-def]
    article = build_article(
        "The rebels seized the cities of Aleppo and Hama over the past week.",
        REBELS,
        ["Aleppo", "Hama"],
    )
    events = _events(nlp, article)
    seizures = [e for e in events if e.trigger == "seized"]
    assert [_name(article, e.place_id) for e in seizures] == ["Aleppo", "Hama"]
    for event in seizures:
        assert (event.type, event.mode) == ("ASSAULT", "territory")
        assert _name(article, event.actor_id) == "rebels"
        assert event.status is EventStatus.ASSERTED
        assert event.acled_subtype == "Non-state actor overtakes territory"
        assert event.date is not None
        assert (event.date.start, event.date.end) == (date(2024, 11, 30), date(2024, 12, 7))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "dated"),
    [
        ("The rebels have entered Homs, a war monitor said.", "entered", True),
        ("Assad is ordering his army to fall back to Damascus.", "fall back", True),
        ("The rebels entered Homs, a war monitor said.", "entered", False),
        ("The rebels are not going to fight for Homs.", "fight", False),
    ],
)
def test_events_present_perfect_or_progressive_dates_recent_days(  # type: ignore[no-untyped-def]
    nlp, text, trigger, dated
) -> None:
    """No date expression: "have entered" / "is ordering" are recent (the days up to
    publication); a bare past or a "going to" future says nothing of the day."""
    actors = {**REBELS, "Assad": (ActorKind.PERSON, "government")}
    article = build_article(text, actors, ["Homs", "Damascus"])
    [event] = [e for e in _events(nlp, article) if e.trigger == trigger]
    if not dated:
        assert event.date is None
        return
    assert event.date is not None
    assert event.date.precision is DatePrecision.RANGE
    assert event.date.end == date(2024, 12, 7) and event.date.start < event.date.end


@pytest.mark.slow
def test_events_airstrike_noun_takes_the_subject_of_its_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    article = build_article(
        "Russia has launched airstrikes around Homs to stall the advance.",
        {"Russia": (ActorKind.STATE, "government")},
        ["Homs"],
    )
    [strike] = [e for e in _events(nlp, article) if e.type == "ASSAULT"]
    assert strike.mode == "aerial"
    assert _name(article, strike.actor_id) == "Russia"
    assert _name(article, strike.place_id) == "Homs"
    assert (strike.acled_type, strike.acled_subtype) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )


@pytest.mark.slow
def test_events_passive_agent_is_the_actor_and_subject_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    article = build_article(
        "The protesters were attacked by the police in Hong Kong on Monday.",
        {"protesters": (ActorKind.GROUP, "civilians"), "police": (ActorKind.GROUP, "police")},
        ["Hong Kong"],
    )
    [attack] = [e for e in _events(nlp, article) if e.trigger == "attacked"]
    assert _name(article, attack.actor_id) == "police"
    assert _name(article, attack.target_id) == "protesters"
    assert _name(article, attack.place_id) == "Hong Kong"
    assert attack.date is not None and attack.date.start == date(2024, 12, 2)


@pytest.mark.slow
def test_events_order_to_fall_back_is_a_retreat_by_who_orders(nlp) -> None:  # type: ignore[no-untyped-def]
    article = build_article(
        "Assad is ordering his army to fall back to defend Damascus.",
        {"Assad": (ActorKind.PERSON, "government"), "army": (ActorKind.GROUP, "military")},
        ["Damascus"],
    )
    [retreat] = [e for e in _events(nlp, article) if e.type == "RETREAT"]
    assert retreat.trigger == "fall back"
    assert _name(article, retreat.actor_id) == "Assad"
    assert _name(article, retreat.place_id) == "Damascus"


@pytest.mark.slow
def test_events_proposals_conditions_and_denials_are_not_facts(nlp) -> None:  # type: ignore[no-untyped-def]
    article = build_article(
        "Assad is also proposing talks with the opposition. "
        "The army would attack Homs if the talks fail. "
        "The rebels did not attack the convoy. "
        "Officials met in Doha on Saturday.",
        {"Assad": (ActorKind.PERSON, "government"), "army": (ActorKind.GROUP, "military")},
        ["Homs", "Doha"],
    )
    by_sentence = [
        [(e.trigger, e.status) for e in _events(nlp, article) if e.evidence.text.startswith(s)]
        for s in ("Assad", "The army", "The rebels", "Officials")
    ]
    assert by_sentence[0] == [("talks", EventStatus.PROPOSED)]
    assert ("attack", EventStatus.HYPOTHETICAL) in by_sentence[1]
    assert by_sentence[2] == [("attack", EventStatus.NEGATED)]
    assert by_sentence[3] == [("met", EventStatus.ASSERTED)]


@pytest.mark.slow
def test_events_a_proposed_new_constitution_is_a_proposed_concession(nlp) -> None:  # type: ignore[no-untyped-def]
    article = build_article(
        "Assad is offering a new constitution. The constitution protects the press.",
        {"Assad": (ActorKind.PERSON, "government")},
        [],
    )
    events = [(e.trigger, e.type, e.status) for e in _events(nlp, article)]
    assert events == [("offering", "CONCEDE", EventStatus.PROPOSED)]


@pytest.mark.slow
def test_events_if_clause_of_an_offer_is_hypothetical(nlp) -> None:  # type: ignore[no-untyped-def]
    article = build_article(
        "One offer is for Syria to cut ties with Iran if Western powers help stem the fighting.",
        {"Syria": (ActorKind.STATE, "government"), "Iran": (ActorKind.STATE, "government")},
        [],
    )
    events = {e.trigger: e for e in _events(nlp, article)}
    assert events["cut"].status is EventStatus.PROPOSED
    assert events["fighting"].status is EventStatus.HYPOTHETICAL


@pytest.mark.slow
def test_events_adjectival_participle_is_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    article = build_article("Iran-backed militias patrolled the border.", {}, [])
    assert [e.trigger for e in _events(nlp, article)] == []


@pytest.mark.slow
def test_events_claim_index_is_the_claim_holding_the_trigger(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Officials met in Doha. The rebels have entered Homs, a war monitor said."
    article = build_article(text, REBELS, ["Doha", "Homs"])
    split = text.index("The rebels")
    article.claims = [
        Claim(text[:split].strip(), 0, split - 1, Source(SourceType.OUTLET, "Test")),
        Claim(
            text[split:], split, len(text), Source(SourceType.UNNAMED_ORGANISATION, "a war monitor")
        ),
    ]
    entered = next(e for e in _events(nlp, article) if e.trigger == "entered")
    assert entered.claim_index == 1
    assert article.body[entered.trigger_span.start : entered.trigger_span.end] == "entered"


def test_events_acled_mapping_prefers_the_most_specific_row() -> None:
    assert acled_mapping("ASSAULT", "territory", "government") == (
        "Battles",
        "Government regains territory",
    )
    assert acled_mapping("ASSAULT", "territory", None) == ("Battles", "Armed clash")
    assert acled_mapping("AGREE", None, None) == ("Strategic developments", "Agreement")
    assert acled_mapping("ACCUSE", None, None) == (None, None)


@pytest.mark.slow
def test_events_classifier_is_replaceable_by_name(nlp) -> None:  # type: ignore[no-untyped-def]
    class EveryVerbIsAid:
        name = "test.every-verb-aid.v1"

        def classify(self, sentence, places=frozenset()):  # type: ignore[no-untyped-def]
            return [TriggerLabel(t.i, None, "AID", None, 0.9) for t in sentence if t.pos_ == "VERB"]

    register_classifier(EveryVerbIsAid.name, EveryVerbIsAid)
    article = build_article("The rebels walked home.", REBELS, [])
    events = find_events(article, nlp(article.body), classifier=EveryVerbIsAid.name)
    assert [(e.type, e.trigger, e.confidence) for e in events] == [("AID", "walked", 0.9)]
    assert get_classifier().name == DEFAULT_CLASSIFIER
    with pytest.raises(ValueError, match="no event classifier"):
        get_classifier("nope.v1")


@pytest.mark.slow
def test_events_mistagged_verb_after_subject_is_read_as_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    article = build_article(
        "Another initiative saw Assad dispatch a senior envoy to Budapest.",
        {"Assad": (ActorKind.PERSON, "government")},
        ["Budapest"],
    )
    [dispatch] = [e for e in _events(nlp, article) if e.trigger == "dispatch"]
    assert dispatch.type == "CONSULT"
    assert _name(article, dispatch.actor_id) == "Assad"


@pytest.mark.slow
def test_events_it_resolves_to_the_last_singular_group(nlp) -> None:  # type: ignore[no-untyped-def]
    article = build_article(
        "An army spokesman said on Saturday that it was strengthening its defenses.",
        {"army": (ActorKind.GROUP, "military")},
        [],
    )
    [event] = [e for e in _events(nlp, article) if e.trigger == "strengthening"]
    assert _name(article, event.actor_id) == "army"


@pytest.mark.slow
def test_events_they_skips_singular_actors_for_a_plural_one(nlp) -> None:  # type: ignore[no-untyped-def]
    article = build_article(
        "The rebels met the army near Hama. Later they attacked the town.",
        {**REBELS, "army": (ActorKind.GROUP, "military")},
        ["Hama"],
    )
    [attack] = [e for e in _events(nlp, article) if e.trigger == "attacked"]
    assert _name(article, attack.actor_id) == "rebels"


@pytest.mark.slow
def test_events_participle_on_a_noun_takes_its_owner_as_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    article = build_article(
        "Assad's office issued a statement condemning the rumors.",
        {"Assad": (ActorKind.PERSON, "government")},
        [],
    )
    [condemn] = [e for e in _events(nlp, article) if e.type == "ACCUSE"]
    assert _name(article, condemn.actor_id) == "Assad"


@pytest.mark.slow
def test_events_offer_is_itself_a_proposal(nlp) -> None:  # type: ignore[no-untyped-def]
    article = build_article("The government made an offer of a truce to the rebels.", REBELS, [])
    [offer] = [e for e in _events(nlp, article) if e.trigger == "offer"]
    assert offer.status is EventStatus.PROPOSED


def test_event_roles_walks_are_bounded_on_a_cyclic_parse() -> None:
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from sitrep.extract.event_roles import clause_verb, subject_candidates, subtree
    from sitrep.extract.event_status import event_status

    words = ["rebels", "attack", "town"]
    doc = Doc(
        English().vocab,
        words=words,
        heads=[1, 2, 1],
        deps=["nsubj", "acl", "acl"],
        pos=["NOUN", "NOUN", "NOUN"],
    )
    assert {t.i for t in subtree(doc[1])} == {0, 1, 2}
    assert clause_verb(doc[2]).i in (1, 2)
    assert isinstance(subject_candidates(doc[2]), list)
    assert event_status(doc[1]) is EventStatus.ASSERTED


def _typed(nlp, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(e.trigger, e.type) for e in _events(nlp, build_article(text, {}, []))]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a "-" row vetoes the word under its condition; the plain row still applies
        ("Two soldiers were killed in a helicopter crash.", []),
        ("Two soldiers were killed in an ambush.", [("killed", "ASSAULT")]),
        ("The fight broke out on the train.", [("fight", "ASSAULT")]),
        ("He vowed to lead the fight against corruption.", []),
        ("The senator withdrew the bill.", []),
        ("The army withdrew from the town.", [("withdrew", "RETREAT")]),
        ("The study demonstrates that the law works.", []),
        ("Students demonstrated outside the ministry.", [("demonstrated", "PROTEST")]),
    ],
)
def test_events_a_veto_row_cancels_a_trigger_under_its_condition(  # type: ignore[no-untyped-def]
    nlp, text, expected
) -> None:
    assert _typed(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The union asked the government to raise wages.", [("asked", "REQUEST")]),
        ("Reporters asked about the budget.", []),
        # a plea admits or denies the charge; the charge is its content
        ("The man pleaded guilty to fraud.", [("pleaded", "CONCEDE")]),
        ("The men pleaded not guilty to murder.", [("pleaded", "REJECT")]),
        ("The mother pleaded with the judge for mercy.", [("pleaded", "REQUEST")]),
        ("The troops left the valley.", [("left", "RETREAT")]),
        ("The minister left the valley.", []),
        ("The smuggler was caught by police.", [("caught", "COERCE")]),
        ("A tourist tried to enter France.", []),
    ],
)
def test_events_subject_and_clause_conditions(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _typed(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bombing killed twelve people.", [("bombing", "ASSAULT")]),
        ("A stabbing that killed a passenger shocked the city.", [("stabbing", "ASSAULT")]),
        ("The man threatened to kill the mayor.", [("threatened", "THREATEN")]),
        (
            "Meetings and talks were held in Geneva.",
            [("Meetings", "CONSULT"), ("talks", "CONSULT")],
        ),
    ],
)
def test_events_a_restated_event_is_reported_once(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _typed(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Protesters threw stones at the police.", [("threw", "ASSAULT")]),
        ("The man hit her with a bottle.", [("hit", "ASSAULT")]),
        ("Missiles hit the city of Kharkiv on Monday.", [("hit", "ASSAULT")]),
        ("The EU hit China with new tariffs.", [("hit", "SANCTION")]),
        ("Ten people were injured in the clashes.", [("injured", "ASSAULT")]),
        ("The Taliban swapped two hostages for three commanders.", [("swapped", "RETREAT")]),
        ("The league suspended John Smith for two games.", [("suspended", "SANCTION")]),
        ("Investigators questioned him for hours.", [("questioned", "ACCUSE")]),
        ("The two presidents held a phone call.", [("call", "CONSULT")]),
    ],
)
def test_events_lexicon_covers_blows_swaps_suspensions_and_calls(  # type: ignore[no-untyped-def]
    nlp, text, expected
) -> None:
    assert _typed(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stopping verb turns the event it stops (reversals.tsv)
        ("The United States halted economic aid to Nicaragua.", [("halted", "SANCTION")]),
        ("The union called off a strike on Monday.", [("called off", "CONCEDE")]),
        ("The minister cancelled a planned visit to Seoul.", [("cancelled", "SANCTION")]),
        ("The government lifted the curfew.", [("lifted", "CONCEDE")]),
        # the main predicate decides; what is agreed, refused or alleged is its content
        (
            "Russia and China have agreed to undertake joint military exercises.",
            [("agreed", "AGREE")],
        ),
        ("The governor is refusing to lift the curfew.", [("refusing", "REJECT")]),
        ("Russia accused Ukraine of attacking its border posts.", [("accused", "ACCUSE")]),
        # one sentence, one killing
        (
            "Three demonstrators were killed in clashes with police in Sacaba.",
            [("killed", "ASSAULT")],
        ),
        # a purpose has not happened; a source's wish not to be named is no request
        ("Russia sent troops to attack the town.", [("sent", "MOBILIZE")]),
        ("They spoke on condition of anonymity to discuss secret meetings.", []),
        ("He will not fight, she said, asking not to be identified.", [("fight", "ASSAULT")]),
        ("The rebels asked the army to leave the town.", [("asked", "REQUEST")]),
    ],
)
def test_events_the_main_predicate_decides_the_type(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _typed(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun of stopping turns the event it stops, as its verb does (stopping_nouns.tsv)
        ("The EU announced a suspension of aid to Niger.", [("suspension", "SANCTION")]),
        ("The cancellation of the planned visit angered Seoul.", [("cancellation", "SANCTION")]),
        ("The aid cuts hit the camps hard.", [("cuts", "SANCTION")]),
        ("The government announced the lifting of the curfew.", [("lifting", "CONCEDE")]),
        # ...not a noun of stopping, nor an event it does not stop
        ("The end of the talks came on Friday.", [("talks", "CONSULT")]),
        ("The withdrawal of US troops began on Monday.", [("withdrawal", "RETREAT")]),
    ],
)
def test_events_a_noun_of_stopping_turns_the_event_it_stops(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _typed(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words the events-gwn-dev guideline names that the lexicon lacked
        ("Erdogan telephoned Putin on Monday.", [("telephoned", "CONSULT")]),
        ("The army imposed a curfew.", [("imposed", "COERCE")]),
        ("The siege of the city continued.", [("siege", "ASSAULT")]),
        ("The abduction of the students shocked the country.", [("abduction", "ASSAULT")]),
        # set phrases that name no event
        ("The ministry did not respond to a request for comment.", []),
        ("An official who requested anonymity confirmed it.", []),
        ("The city cannot meet the challenges of growth.", []),
        ("For details, visit the ministry's website.", []),
        ("This will matter a great deal to voters.", []),
        # a participle of harm done reports the attack; other participles describe
        ("Police found the kidnapped girl on Monday.", [("kidnapped", "ASSAULT")]),
        ("The convicted felon left the court.", []),
    ],
)
def test_events_guideline_words_and_set_phrases(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _typed(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an act an adjective only weighs is not reported; readiness to cooperate is AGREE
        # (the PLOVER codebook: "expressing willingness to meet in the future")
        ("China is not afraid to fight one.", []),
        ("The president is right to ask for more.", []),
        ("Iran is ready to negotiate with the agency.", [("ready", "AGREE")]),
        # talking about a topic, with no one to talk with, is no consultation
        ("Li talked about her son.", []),
        ("The envoy talked with Assad on Monday.", [("talked", "CONSULT")]),
    ],
)
def test_events_weighed_acts_and_talk_about_are_no_events(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _typed(nlp, text) == expected


@pytest.mark.slow
def test_events_a_time_anchor_re_mentioning_an_event_is_not_reported_again(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A man stabbed a guard in the station. After the stabbing, he ran into the subway. "
        "Police arrested him after a protest."
    )
    typed = _typed(nlp, text)
    # the second sentence only dates the flight by the stabbing already told
    assert typed.count(("stabbing", "ASSAULT")) == 0
    assert ("stabbed", "ASSAULT") in typed
    # a first mention under an anchor is still an event the sentence presupposes
    assert ("protest", "PROTEST") in typed


@pytest.mark.slow
def test_events_an_asserted_event_is_never_dated_after_publication(nlp) -> None:  # type: ignore[no-untyped-def]
    article = build_article(
        "Beijing attacked the protesters in the square in 2030.",
        {"Beijing": (ActorKind.STATE, "government")},
        [],
    )
    events = _events(nlp, article)
    assert [(e.type, e.status) for e in events] == [("ASSAULT", EventStatus.ASSERTED)]
    assert events[0].date is None


@pytest.mark.slow
def test_events_dated_a_decade_before_the_report_are_history(nlp) -> None:  # type: ignore[no-untyped-def]
    article = build_article(
        "Beijing attacked the protesters in the square in 1989. Beijing attacked them in 2024.",
        {"Beijing": (ActorKind.STATE, "government")},
        [],
    )
    assert [e.date.end.year for e in _events(nlp, article) if e.date] == [2024]


@pytest.mark.slow
def test_events_the_backer_drops_a_lexicon_word_the_model_rejects(  # type: ignore[no-untyped-def]
    nlp, monkeypatch
) -> None:
    # A hand-made model: keep every lexicon word unless its subject is "forecaster"; the
    # typer never adds a word.
    models = EventModels(
        typer=LinearModel(("NONE", "ASSAULT"), np.array([5.0, 0.0]), {}),
        backer=LinearModel(
            ("drop", "keep"), np.array([0.0, 2.0]), {"subjlem=forecaster": np.array([0.0, -9.0])}
        ),
        keep_threshold=0.5,
        nouns=frozenset(),
    )
    monkeypatch.setattr(event_classifier, "event_models", lambda _file: models)
    backed = event_classifier.ModelEventClassifier("test.backed.v1", backs_lexicon=True)
    found = {}
    for text in (
        "Forecasters are warning of air pollution in the city.",
        "Russian troops attacked the town on Monday.",
    ):
        article = Article("test", "hash", InputKind.TEXT, [text], published=PUBLISHED)
        found[text] = [e.trigger for e in find_events(article, nlp(text), classifier=backed)]
    assert list(found.values()) == [[], ["attacked"]]


@pytest.mark.slow
def test_events_a_backer_keeping_every_word_is_the_lexicon(  # type: ignore[no-untyped-def]
    nlp, monkeypatch
) -> None:
    # Labels are restructured once: "promised" is a promise only while its content, "aid",
    # is there to read; restructured again without it, it promised nothing and was dropped.
    models = EventModels(
        typer=LinearModel(("NONE", "ASSAULT"), np.array([5.0, 0.0]), {}),
        backer=LinearModel(("drop", "keep"), np.array([0.0, 9.0]), {}),
        keep_threshold=0.5,
        nouns=frozenset(),
    )
    monkeypatch.setattr(event_classifier, "event_models", lambda _file: models)
    backed = event_classifier.ModelEventClassifier("test.backed.v1", backs_lexicon=True)
    text = "British Defence Secretary Tom King has promised to continue military aid to Mozambique."
    article = Article("test", "hash", InputKind.TEXT, [text], published=PUBLISHED)
    doc = nlp(text)
    found = {
        name: [(e.trigger, e.type) for e in find_events(article, doc, classifier=classifier)]
        for name, classifier in (("lexicon", LEXICON_CLASSIFIER), ("backed", backed))
    }
    assert found["lexicon"] == [("promised", "AGREE")]
    assert found["backed"] == found["lexicon"]


def test_event_models_ship_and_score_a_distribution() -> None:
    models = event_models()
    assert "NONE" in models.typer.classes and "keep" in models.backer.classes
    assert 0.0 < models.keep_threshold < 1.0
    probabilities = models.typer.probabilities(["lem=attack", "pos=VERB", "no such feature"])
    assert probabilities.shape == (len(models.typer.classes),)
    assert abs(float(probabilities.sum()) - 1.0) < 1e-9
    assert get_classifier(MODEL_CLASSIFIER).name == MODEL_CLASSIFIER


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "killed", "injured", "evidence"),
    [
        (
            "Three demonstrators were killed in clashes with police.",
            3,
            None,
            "Three demonstrators were killed",
        ),
        (
            "The airstrike killed 12 civilians and wounded 30 others.",
            12,
            30,
            "killed 12 civilians and wounded 30 others",
        ),
        ("At least 20 were killed in the attack.", 20, None, "20 were killed"),
        ("Dozens were killed in the attack.", None, None, None),
        ("Hundreds were wounded in the attack.", None, None, None),
        (
            "3 pro-Morales demonstrators killed in clashes with police.",
            3,
            None,
            "3 pro-Morales demonstrators killed",
        ),
        ("Gunmen stormed the village, killing 12.", 12, None, "killing 12"),
        (
            "The death toll from the bombing rose to forty-five on Sunday.",
            45,
            None,
            "toll from the bombing rose to forty-five",
        ),
        (
            "The attack left 7 people dead and 20 wounded.",
            7,
            20,
            "7 people dead and 20 wounded",
        ),
        ("Two thousand three hundred people were killed in the airstrikes.", 2300, None, None),
        ("More than 1,200 people have been killed in the fighting.", 1200, None, None),
        ("A suicide bomber killed himself and three others.", 4, None, None),
        ("Police shot dead three Palestinians.", 3, None, "dead three Palestinians"),
        ("Gunmen killed a total of 346 people.", 346, None, "killed a total of 346"),
        ("Three to 10 people were killed in the raid.", 3, None, None),
        ("The gunmen would kill three hostages.", None, None, None),
    ],
)
def test_events_an_attack_carries_the_casualties_its_sentence_counts(  # type: ignore[no-untyped-def]
    nlp, text, killed, injured, evidence
) -> None:
    first = _events(nlp, build_article(text, {}, []))[0]
    assert (first.type, first.fatalities, first.injured) == ("ASSAULT", killed, injured)
    if evidence is not None or killed is None:
        assert (first.casualty_evidence.text if first.casualty_evidence else None) == evidence


@pytest.mark.slow
def test_events_a_later_death_toll_counts_the_attack_told_before_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Militants attacked a church in Kaduna on Sunday. The toll road was closed at 10. "
        "The death toll has risen to 1.2 million, officials said."
    )
    attack = _events(nlp, build_article(text, {}, []))[0]
    assert (attack.trigger, attack.fatalities) == ("attacked", 1_200_000)
    assert attack.casualty_evidence and attack.casualty_evidence.text.endswith("1.2 million")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        (
            "The United States said it would impose sanctions on Iran.",
            "impose",
            EventStatus.PROPOSED,
        ),
        (
            "He said they would attack the town if the talks failed.",
            "attack",
            EventStatus.HYPOTHETICAL,
        ),
        ("The rebels would attack the town.", "attack", EventStatus.HYPOTHETICAL),
        ("No arrest was ever made.", "arrest", EventStatus.NEGATED),
    ],
)
def test_events_would_in_reported_speech_is_an_announcement(  # type: ignore[no-untyped-def]
    nlp, text, trigger, status
) -> None:
    event = _events(nlp, build_article(text, {}, []))[0]
    assert (event.trigger, event.status) == (trigger, status)


@pytest.mark.slow
def test_events_evidence_never_runs_a_heading_into_the_next_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.annotate import annotate

    paragraphs = ["“Nobody can stop them now.”", "Air Power", "Russia bombed Homs on Friday."]
    article = Article("test", "hash", InputKind.TEXT, paragraphs, published=PUBLISHED)
    doc = nlp(article.body)
    annotate(article, doc)
    assert len(list(doc.sents)) == 1  # the parser reads the three paragraphs as one sentence
    [event] = [e for e in find_events(article, doc) if e.type == "ASSAULT"]
    assert event.evidence.text == paragraphs[2]
    assert article.body[event.evidence.start : event.evidence.end] == paragraphs[2]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "actor", "target"),
    [
        # whom the content of an act is done to is its target
        ("Libya has offered to hand them over to Britain.", "offered", "Libya", "Britain"),
        ("Israel threatened to ban the rebels from the vote.", "threatened", "Israel", "rebels"),
        ("China demanded that Britain cancel the sale.", "demanded", "China", "Britain"),
        # whom a protest's purpose is aimed at
        (
            "The rebels blocked roads to press their demands on Britain.",
            "blocked",
            "rebels",
            "Britain",
        ),
        # a withdrawal is from someone
        ("Syria will withdraw its troops from Lebanon.", "withdraw", "Syria", "Lebanon"),
        # an adjective of willingness takes the copula's subject, and its infinitive's target
        ("Britain is prepared to lift the ban on the rebels.", "prepared", "Britain", "rebels"),
    ],
)
def test_events_roles_of_content_purpose_and_adjective_clauses(  # type: ignore[no-untyped-def]
    nlp, text, trigger, actor, target
) -> None:
    groups = {
        name: (ActorKind.STATE, None)
        for name in ("Libya", "Britain", "Israel", "China", "Syria", "Lebanon")
    }
    article = build_article(text, {**groups, **REBELS}, [])
    [event] = [e for e in _events(nlp, article) if e.trigger.startswith(trigger)]
    assert _name(article, event.actor_id) == actor
    assert _name(article, event.target_id) == target

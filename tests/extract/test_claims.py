"""Claims: every sentence sourced, attribution carried, hedges and denials; the sample page."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.annotate import annotate
from sitrep.extract import extract
from sitrep.extract.claims import find_claims
from sitrep.records import Article, Certainty, InputKind, SourceType


def _claims(nlp, paragraphs: list[str]):  # type: ignore[no-untyped-def]
    article = Article("test", "hash", InputKind.TEXT, paragraphs, outlet="Test Outlet")
    doc = nlp(article.body)
    annotate(article, doc)
    return article, find_claims(article, doc)


@pytest.mark.slow
def test_claims_cover_every_sentence_in_text_order_with_offsets(nlp) -> None:  # type: ignore[no-untyped-def]
    article, claims = _claims(
        nlp,
        ["Rebels entered the city on Monday. Troops withdrew south.", "The airport was closed."],
    )
    assert [c.text for c in claims] == [
        "Rebels entered the city on Monday.",
        "Troops withdrew south.",
        "The airport was closed.",
    ]
    assert all(article.body[c.start : c.end] == c.text for c in claims)
    assert all(c.source.type is SourceType.OUTLET for c in claims)
    assert claims[0].source.name == "Test Outlet"


@pytest.mark.slow
def test_claims_closing_attribution_is_lent_to_the_paragraph(nlp) -> None:  # type: ignore[no-untyped-def]
    _, claims = _claims(
        nlp,
        [
            "The army has pulled back from the north. "
            "Commanders were told to defend the capital, the people said.",
            "The airport was closed.",
        ],
    )
    assert [c.source.type for c in claims] == [
        SourceType.ANONYMOUS,
        SourceType.ANONYMOUS,
        SourceType.OUTLET,
    ]
    assert claims[0].source.name == "the people"


@pytest.mark.slow
def test_claims_source_types_from_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    _, claims = _claims(
        nlp,
        [
            "The rebels have entered Homs, a war monitor said.",
            "The ministry said the border was closed.",
            "Troops were sent north, according to two people familiar with the matter.",
            "The roads are open, a police spokesman said.",
            "Two men were arrested, police said.",
            "The curfew ends at dawn, a ministry said.",
            "The police statement said three officers were hurt.",
        ],
    )
    # A particular public body is a named organisation, its voice or its document an
    # official statement, "a ministry" an organisation left unnamed.
    assert [c.source.type for c in claims] == [
        SourceType.UNNAMED_ORGANISATION,
        SourceType.NAMED_ORGANISATION,
        SourceType.ANONYMOUS,
        SourceType.OFFICIAL_STATEMENT,
        SourceType.NAMED_ORGANISATION,
        SourceType.UNNAMED_ORGANISATION,
        SourceType.OFFICIAL_STATEMENT,
    ]


@pytest.mark.slow
def test_claims_hedges_and_denials_set_certainty(nlp) -> None:  # type: ignore[no-untyped-def]
    _, claims = _claims(
        nlp,
        [
            "The president is believed to be in the capital.",
            "The ministry denied that troops had withdrawn.",
            "The bridge was destroyed.",
        ],
    )
    assert [c.certainty for c in claims] == [
        Certainty.HEDGED,
        Certainty.DENIED,
        Certainty.ASSERTED,
    ]
    assert claims[0].hedge == "is believed to be"


@pytest.mark.slow
def test_claims_sentence_with_two_sources_is_split(nlp) -> None:  # type: ignore[no-untyped-def]
    article, claims = _claims(
        nlp,
        ["The ministry said the border was closed, but residents said trucks still crossed."],
    )
    assert len(claims) == 2
    assert claims[0].source.type is SourceType.NAMED_ORGANISATION
    assert claims[1].source.type is SourceType.ANONYMOUS
    assert claims[1].text.startswith("residents said")
    assert all(article.body[c.start : c.end] == c.text for c in claims)


def _sample_body_paragraphs(sample_path: Path) -> list[str]:
    """The sample's article paragraphs, cut from the page as captured (chrome left out)."""
    text = sample_path.read_text("utf-8")
    body = text[text.index("With Syrian rebels") : text.index("Fortune Brainstorm AI returns")]
    paragraphs = [p.strip() for p in body.split("\n\n")]
    return [p for p in paragraphs if p and p != "Recommended Video"]


@pytest.mark.slow
def test_claims_and_quotes_on_the_sample_page(nlp, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = Article("sample", "hash", InputKind.TEXT, _sample_body_paragraphs(sample_path))
    doc = nlp(article.body)
    extract(annotate(article, doc), doc)

    def speaker_of(fragment: str) -> str | None:
        return next(q.speaker for q in article.quotes if fragment in q.text)

    assert speaker_of("Assad is in huge danger") == "Sergei Markov"
    assert speaker_of("trying to do everything") == "Sergei Lavrov"
    assert speaker_of("We don’t want them") == "Sergei Lavrov"
    assert speaker_of("leverage over their proxies") == "Andreas Krieg"
    assert speaker_of("At this moment most bets") == "Andreas Krieg"
    assert speaker_of("many families like hers") == "Nariman"
    assert (speaker_of("be the best thing") or "").endswith("Trump")
    on_x = next(q for q in article.quotes if "never much of a benefit" in q.text)
    assert on_x.channel == "X"
    assert (on_x.speaker or "").endswith("Trump")

    def claim_with(fragment: str):  # type: ignore[no-untyped-def]
        return next(c for c in article.claims if fragment in c.text)

    assert claim_with("Assad’s office issued").source.type is SourceType.OFFICIAL_STATEMENT
    assert claim_with("An army spokesman").source.type is SourceType.OFFICIAL_STATEMENT
    assert claim_with("a war monitor said").source.type is SourceType.UNNAMED_ORGANISATION
    assert claim_with("the people said").source.type is SourceType.ANONYMOUS
    assert claim_with("two people familiar").source.type is SourceType.ANONYMOUS
    also_possible = claim_with("also possible").source
    assert (also_possible.type, also_possible.name) == (
        SourceType.ANONYMOUS,
        "a person familiar with US policy",
    )
    assert claim_with("also possible").certainty is Certainty.HEDGED
    for fragment, source in [
        ("Iraqi militias have also returned", "the people"),
        ("Russian personnel now remain", "the people"),
        ("The intention was that Orban", "other people familiar with the plan"),
        ("was described by", "an aide to the patriarch and another person with knowledge"),
    ]:
        sourced = claim_with(fragment).source
        assert sourced.type is SourceType.ANONYMOUS
        assert (sourced.name or "").startswith(source)
    assert claim_with("whereabouts are unclear").certainty is Certainty.HEDGED
    fall_of_homs = claim_with("could cut the highway")
    assert (fall_of_homs.certainty, fall_of_homs.hedge) == (Certainty.HEDGED, "could")
    assert not any(c.text in {"Back Channels", "Patriarch Visit"} for c in article.claims)
    sentences = [s for s in article.sentences if any(ch.isalnum() for ch in s.text)]
    assert (
        sum(c.end - c.start for c in article.claims)
        >= sum(s.end - s.start for s in sentences) * 0.95
    )


@pytest.mark.slow
def test_claims_modal_and_condition_hedge_but_inability_does_not(nlp) -> None:  # type: ignore[no-untyped-def]
    _, claims = _claims(
        nlp,
        [
            "The fall of the port could cut the main supply road.",
            "Prices may rise next year.",
            "The mayor couldn't comment on the fire.",
        ],
    )
    assert [(c.certainty, c.hedge) for c in claims] == [
        (Certainty.HEDGED, "could"),
        (Certainty.HEDGED, "may"),
        (Certainty.ASSERTED, None),
    ]


@pytest.mark.slow
def test_claims_a_view_is_hedged_and_sourced(nlp) -> None:  # type: ignore[no-untyped-def]
    _, [claim] = _claims(nlp, ["Economists expect prices to rise next year."])
    assert claim.source.type is SourceType.ANONYMOUS
    assert claim.certainty is Certainty.HEDGED


@pytest.mark.slow
def test_claims_headings_are_not_claims(nlp) -> None:  # type: ignore[no-untyped-def]
    _, claims = _claims(nlp, ["Harbour Talks", "The talks began on Monday in the port."])
    assert [c.text for c in claims] == ["The talks began on Monday in the port."]


@pytest.mark.slow
def test_claims_only_people_bodies_and_documents_are_sources(nlp) -> None:  # type: ignore[no-untyped-def]
    _, claims = _claims(
        nlp,
        [
            "The end came quickly, the report said.",
            "A smuggler said the boats left at night.",
            "The silence said everything about the deal.",
            "You say the war is over, but it is not.",
            "I wrote last week that the bridge was closed.",
        ],
    )
    assert [c.source.type for c in claims] == [
        SourceType.OFFICIAL_STATEMENT,
        SourceType.ANONYMOUS,
        SourceType.OUTLET,
        SourceType.OUTLET,
        SourceType.OUTLET,
    ]


@pytest.mark.slow
def test_claims_orders_and_verbless_fragments_are_not_claims(nlp) -> None:  # type: ignore[no-untyped-def]
    _, claims = _claims(
        nlp,
        [
            "Rebels entered the city on Saturday, residents said.",
            "Click here for more information. 12 issues for £11.99.",
            "Many cities around the world struggle with air pollution.",
        ],
    )
    assert [c.text for c in claims] == [
        "Rebels entered the city on Saturday, residents said.",
        "Many cities around the world struggle with air pollution.",
    ]


@pytest.mark.slow
def test_claims_questions_are_not_claims(nlp) -> None:  # type: ignore[no-untyped-def]
    _, claims = _claims(
        nlp,
        [
            "Is streaming the future of gaming? Q: Where did you grow up?",
            'Rebels entered the city on Saturday, residents said. She asked: "Why would we leave?"',
        ],
    )
    assert [c.text for c in claims] == ["Rebels entered the city on Saturday, residents said."]


@pytest.mark.slow
def test_claims_a_modal_describing_a_noun_does_not_hedge(nlp) -> None:  # type: ignore[no-untyped-def]
    _, claims = _claims(
        nlp,
        [
            "The council approved the bridge, which could cost $5 million.",
            "The bridge could open next year.",
        ],
    )
    assert [c.certainty for c in claims] == [Certainty.ASSERTED, Certainty.HEDGED]


@pytest.mark.slow
def test_claims_a_short_paragraph_without_an_end_is_a_heading_even_with_a_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    _, claims = _claims(nlp, ["He said, she said", "The label owns the recordings."])
    assert [c.text for c in claims] == ["The label owns the recordings."]


@pytest.mark.slow
def test_claims_a_report_inside_a_relative_clause_is_not_the_sentences_source(nlp) -> None:  # type: ignore[no-untyped-def]
    _, claims = _claims(
        nlp,
        [
            "The campaign is rolling out with billboards in which people say, “I'm on the bus.”",
            "The deal was a small agreement that would allow leaders to claim a quick win.",
        ],
    )
    assert [c.source.type for c in claims] == [SourceType.OUTLET, SourceType.OUTLET]


@pytest.mark.slow
def test_claims_a_view_the_writer_guesses_is_the_writers_hedged_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    _, claims = _claims(
        nlp,
        [
            "The country's leaders may still believe the cost is worth paying.",
            "Analysts believe the cost is worth paying.",
        ],
    )
    assert [(c.source.type, c.certainty) for c in claims] == [
        (SourceType.OUTLET, Certainty.HEDGED),
        (SourceType.ANONYMOUS, Certainty.HEDGED),
    ]


@pytest.mark.slow
def test_claims_any_one_person_is_no_source(nlp) -> None:  # type: ignore[no-untyped-def]
    _, claims = _claims(nlp, ["Any one person could say the plan is wrong."])
    assert claims[0].source.type is SourceType.OUTLET


@pytest.mark.slow
def test_claims_a_party_named_by_a_proper_noun_is_a_named_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    _, claims = _claims(
        nlp,
        [
            "The ruling Labour party has pledged to cut taxes.",
            "A party said it would cut taxes.",
        ],
    )
    assert [c.source.type for c in claims] == [
        SourceType.NAMED_ORGANISATION,
        SourceType.UNNAMED_ORGANISATION,
    ]


@pytest.mark.slow
def test_claims_a_description_beside_a_name_is_that_name(nlp) -> None:  # type: ignore[no-untyped-def]
    _, claims = _claims(
        nlp,
        [
            "Her post drew two senior politicians: Senator Ellen Marsh and Governor Ruth Dale.",
            "They said the sale was unfair.",
            "Peter Olsen, a trade professor at Lund, said the talks had stalled.",
        ],
    )
    assert [c.source.type for c in claims[1:]] == [SourceType.NAMED_PERSON] * 2
    assert "Olsen" in (claims[2].source.name or "")


@pytest.mark.slow
def test_claims_authorities_findings_and_people_of_a_body_are_sources(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "Authorities said" is the body; "the study found" vouches (not hedged, unlike a
    view); "many in the party" are people of a body, unnamed."""
    _, claims = _claims(
        nlp,
        [
            "Authorities said the border would reopen on Monday.",
            "The study found that nine million people died early.",
            "Many in the party believed that the leader had lost touch.",
        ],
    )
    assert [(c.source.type, c.source.name) for c in claims] == [
        (SourceType.NAMED_ORGANISATION, "Authorities"),
        (SourceType.OFFICIAL_STATEMENT, "The study"),
        (SourceType.ANONYMOUS, "Many in the party"),
    ]
    assert claims[1].certainty is Certainty.ASSERTED
    assert claims[2].certainty is Certainty.HEDGED


@pytest.mark.slow
def test_claims_a_search_and_a_forecast_of_words_are_the_writers(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "found the boy hiding" is a search, not a finding; "will argue" forecasts words
    nobody has said yet."""
    for text in (
        "Police found the boy hiding in a shed.",
        "Residents found it hard to cope with the heat.",
        "Officials will argue that it fails.",
    ):
        _, [claim] = _claims(nlp, [text])
        assert claim.source.type is SourceType.OUTLET, text


@pytest.mark.slow
def test_claims_people_described_by_those_are_anonymous(nlp) -> None:  # type: ignore[no-untyped-def]
    _, [claim] = _claims(
        nlp, ["Those longing to be reunited with relatives believe that it is a matter of time."]
    )
    assert claim.source.type is SourceType.ANONYMOUS
    assert claim.source.name == "Those longing to be reunited with relatives"


@pytest.mark.slow
def test_claims_a_closing_cue_the_tagger_took_for_a_noun_still_sources(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "…, police allege.": the tagger reads "allege" as a noun; the cue still sources."""
    _, [claim] = _claims(
        nlp,
        [
            "After the stabbing, Bassett ran away into the nearby subway platform where he "
            "waved the knife at two women, police allege."
        ],
    )
    assert (claim.source.type, claim.source.name) == (SourceType.NAMED_ORGANISATION, "police")


@pytest.mark.slow
def test_claims_a_place_in_the_reported_words_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "…, Beirut, a diplomat familiar with the talks said": the parse hangs the speaker on
    the place as its apposition; the source is the subject of the cue, not the place."""
    _, claims = _claims(
        nlp,
        [
            "It's also possible he's in the Lebanese capital, Beirut, a diplomat familiar "
            "with the talks said Sunday.",
            "The minister may have fled to the port city of Latakia, an official close to "
            "the government said.",
        ],
    )
    assert [(c.source.type, c.source.name) for c in claims] == [
        (SourceType.ANONYMOUS, "a diplomat familiar with the talks"),
        (SourceType.ANONYMOUS, "an official close to the government"),
    ]


@pytest.mark.slow
def test_claims_they_said_is_the_speaker_before_not_a_noun_of_its_own_words(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "Some local militias have gone home …, they said.": "they" cannot be the militias
    its own sentence reports on; it is the speaker of the sentence before."""
    _, claims = _claims(
        nlp,
        [
            "The army has pulled back from the coast, according to the diplomats. "
            "Some local militias have also gone home after the port fell, they said. "
            "Foreign advisers now stay mainly around the airport, they said."
        ],
    )
    assert [(c.source.type, c.source.name) for c in claims] == [
        (SourceType.ANONYMOUS, "the diplomats"),
    ] * 3


@pytest.mark.slow
def test_claims_a_passive_description_is_its_agents_and_a_plan_is_no_report(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "The plan to have Marsh relate …" is a plan, not Marsh's report; "was described by
    an aide" names who gave it."""
    _, [claim] = _claims(
        nlp,
        [
            "The plan to have Marsh relate this warning to the governor was described by an "
            "aide to the bishop."
        ],
    )
    assert (claim.source.type, claim.source.name) == (
        SourceType.ANONYMOUS,
        "an aide to the bishop",
    )


@pytest.mark.slow
def test_claims_a_belief_in_the_passive_is_not_its_subjects(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "he’s believed to be in …" (curly apostrophe): he is not the one who believes."""
    _, [claim] = _claims(
        nlp,
        ["Ruth Dale left the city, although she’s believed to be in her home town."],
    )
    assert claim.source.type is SourceType.OUTLET


@pytest.mark.slow
def test_claims_an_embedded_post_is_its_posters_and_its_signature_no_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    _, claims = _claims(
        nlp,
        [
            "The court heard the case before the sentencing in the spring:",
            "Critics answered her within the hour.",
            "Another wondered why the court bothered to publish the letter in the first place.",
            "I love that she shared it. https://t.co/XPxUJuyIAC",
            "— Robert Roe (@robertroe) November 18, 2019",
            "Sharing my full letter on the sentencing of a man convicted of threatening my life.",
            "We must apply a system of compassion to criminal justice. pic.twitter.com/s96jjh8AlD",
            "I urge everyone to read it. pic.twitter.com/MYwRz9euaq",
            "— Rep. Jane Doe (@janedoe) November 19, 2019",
            "The court adjourned on Tuesday.",
        ],
    )
    by_text = {c.text: c.source for c in claims}
    assert not any("@janedoe" in text for text in by_text)
    assert by_text["We must apply a system of compassion to criminal justice."].type is (
        SourceType.NAMED_PERSON
    )
    assert "Jane Doe" in (
        by_text["We must apply a system of compassion to criminal justice."].name or ""
    )
    assert (
        by_text[
            "Sharing my full letter on the sentencing of a man convicted of threatening my life."
        ].type
        is SourceType.NAMED_PERSON
    )
    # A paragraph reporting someone else introduces the post: the writer's, and it ends the post.
    assert (
        by_text[
            "Another wondered why the court bothered to publish the letter in the first place."
        ].name
        != "Robert Roe"
    )
    assert by_text["I love that she shared it."].name == "Robert Roe"
    assert by_text["I love that she shared it."].type is SourceType.NAMED_PERSON
    # "I" in a post is the poster, not the writer of the article.
    assert by_text["I urge everyone to read it."].type is SourceType.NAMED_PERSON
    # The lead-in before the post and the text after it stay the outlet's.
    assert by_text["The court adjourned on Tuesday."].type is SourceType.OUTLET
    lead_in = "The court heard the case before the sentencing in the spring:"
    assert by_text[lead_in].type is SourceType.OUTLET


@pytest.mark.slow
def test_claims_a_report_cut_off_its_quote_is_no_claim_of_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    # The splitter ends a sentence at "!”", leaving "an officer shouts." alone.
    _, claims = _claims(
        nlp,
        [
            "Officers knocked at the door. “We’re coming in!” an officer shouts.",
            "“We must teach the defendant love!” she wrote in her letter.",
            "“That’s perfect,” Boudreau said.",
        ],
    )
    texts = [c.text for c in claims]
    assert "an officer shouts." not in texts
    assert "she wrote in her letter." not in texts
    assert "“We’re coming in!”" in texts
    assert next(c for c in claims if c.text == "“We’re coming in!”").source.type is (
        SourceType.ANONYMOUS
    )
    # A quote and its report in one sentence stay one claim.
    assert "“That’s perfect,” Boudreau said." in texts


@pytest.mark.slow
def test_claims_a_table_row_is_no_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    # A table as the reader lays it out: one paragraph per row, cells between pipes; a period
    # inside a cell makes the splitter cut a row into several "sentences".
    _, claims = _claims(
        nlp,
        [
            "The linebacker played every snap of the game on Sunday.",
            "| Pos | Player | Plays | % |",
            "| LB | Joe Schobert | 74 | 100% | 7 tackles, 3 assists (10 combined). 1 sack. |",
        ],
    )
    assert [c.text for c in claims] == ["The linebacker played every snap of the game on Sunday."]


@pytest.mark.slow
def test_claims_a_reports_sentence_with_more_than_a_cut_off_word_stays_a_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    _, claims = _claims(
        nlp,
        [
            "“It’s a shame to see a comrade die in this way. Seeing it was a shot in the "
            "heart, how sad to see something like that,” the doctor said.",
            "“Are you sure?” Brooke asked before apologizing to the actor.",
        ],
    )
    texts = [c.text for c in claims]
    assert any(t.startswith("Seeing it was a shot in the heart") for t in texts)
    assert "Brooke asked before apologizing to the actor." in texts


@pytest.mark.slow
def test_claims_a_directive_is_the_writers_report_of_an_order(nlp) -> None:  # type: ignore[no-untyped-def]
    # What is ordered is no statement about the world: the writer reports that the order was
    # given, and the next sentence's closing "a monitor said" is not lent to it. A report of
    # the order by someone else is that person's.
    _, claims = _claims(
        nlp,
        [
            "The general ordered his troops to withdraw from the city. "
            "The rebels entered the town, a monitor said.",
            "The general ordered his troops to withdraw, a spokesman said.",
            "The minister said the bridge would reopen.",
        ],
    )
    assert [(c.source.type, c.source.name) for c in claims] == [
        (SourceType.OUTLET, "Test Outlet"),
        (SourceType.UNNAMED_ORGANISATION, "a monitor"),
        (SourceType.OFFICIAL_STATEMENT, "a spokesman"),
        (SourceType.ANONYMOUS, "The minister"),
    ]


@pytest.mark.slow
def test_claims_a_speaker_closing_a_quote_is_not_lent_to_the_sentences_before(nlp) -> None:  # type: ignore[no-untyped-def]
    # The quote marks bound the speaker's words; a closing report without them still covers
    # the paragraph ("Troops withdrew south, the people said.").
    _, claims = _claims(
        nlp,
        [
            "The film ends at the harbour. “We were never lost,” the narrator concluded.",
            "Rebels entered the city. Troops withdrew south, the people said.",
        ],
    )
    assert [c.source.name for c in claims] == [
        "Test Outlet",
        "the narrator",
        "the people",
        "the people",
    ]


@pytest.mark.slow
def test_claims_a_report_inside_a_closing_report_is_the_outer_sources(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "… the mayor is signaling his readiness to …, said the officials": the officials report
    what the mayor signals; the mayor's verb, with words of its own, reports nothing of
    "said the officials". "The levee, she said, would hold" still names who spoke."""
    _, claims = _claims(
        nlp,
        [
            "As the river rises, the mayor is signaling his readiness to order an evacuation "
            "of the lower town if the levee fails, said the officials.",
            "The levee, the engineer said, would hold for two more days.",
        ],
    )
    assert [(c.source.type, c.source.name) for c in claims] == [
        (SourceType.ANONYMOUS, "the officials"),
        (SourceType.ANONYMOUS, "the engineer"),
    ]


@pytest.mark.slow
def test_claims_a_main_verb_parsed_as_a_participle_after_a_long_apposition(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "Ana Ruiz, the country's longest serving judge …, called Monday's ruling “a disgrace”":
    the parse roots the sentence on the name and reads "called" as a participle; it is still
    Ruiz's report."""
    _, [claim] = _claims(
        nlp,
        [
            "Ana Ruiz, the country's longest serving judge for 30 years when she retired in "
            "2010, called Monday's ruling “a disgrace” and unlawful."
        ],
    )
    assert (claim.source.type, claim.source.name) == (SourceType.NAMED_PERSON, "Ana Ruiz")


@pytest.mark.slow
def test_claims_someone_unnamed_beside_the_named_is_not_their_variation(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "Marco Diaz … and the youth, who cannot be named, …. The youth also denies …": the youth
    is the unnamed defendant, not Diaz nor anyone named before."""
    _, claims = _claims(
        nlp,
        [
            "Marco Diaz, from Leon, and the youth, who cannot be named, have pleaded not guilty "
            "to arson. The youth also denies handling stolen goods."
        ],
    )
    assert (claims[1].source.type, claims[1].source.name) == (SourceType.ANONYMOUS, "The youth")


@pytest.mark.slow
def test_claims_an_if_clause_hedges_only_the_claims_main_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "The army will withdraw if the talks fail": conditional. "… made an offer for the city
    to end the strike if the union returns to talks": the offer was made; its terms hold the
    condition. "She asked if the road was open" asks, it sets no condition."""
    _, claims = _claims(
        nlp,
        [
            "The army will withdraw from the port if the talks fail, officials said.",
            "The mayor made an offer for the city to end the strike if the union returns to talks.",
            "She asked if the road was open.",
        ],
    )
    assert [(c.certainty, c.hedge) for c in claims] == [
        (Certainty.HEDGED, "if"),
        (Certainty.ASSERTED, None),
        (Certainty.ASSERTED, None),
    ]


@pytest.mark.slow
def test_claims_a_report_by_the_noun_a_relative_clause_describes_is_its_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    # The writer says Lopez courted investors; the investors fear the rest.
    _, claims = _claims(
        nlp,
        [
            "Lopez has courted worried investors who fear that a protectionist president "
            "would slow economic growth, and the peso fell."
        ],
    )
    assert [(c.text, c.source.type) for c in claims] == [
        ("Lopez has courted", SourceType.OUTLET),
        (
            "worried investors who fear that a protectionist president would slow economic growth",
            SourceType.ANONYMOUS,
        ),
        ("and the peso fell.", SourceType.OUTLET),
    ]
    assert claims[1].certainty is Certainty.HEDGED


@pytest.mark.slow
def test_claims_a_cue_the_lemmatiser_misread_still_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    # The lemmatiser makes "hopes" "hop"; the word's own form is the cue.
    _, claims = _claims(
        nlp,
        [
            "The opposition alliance met on Monday.",
            "Mahathir Mohamad has helped unite a fractured opposition, which hopes his "
            "influence will help it win votes from rural voters.",
        ],
    )
    hoped = next(c for c in claims if "will help it win" in c.text)
    assert hoped.source.type is SourceType.UNNAMED_ORGANISATION
    assert hoped.certainty is Certainty.HEDGED


@pytest.mark.slow
def test_claims_a_relative_clause_leading_into_a_quote_stays_the_writers(nlp) -> None:  # type: ignore[no-untyped-def]
    # "which carries the following message:" reports a quote beyond its sentence: the lead-in
    # is the writer's, the quoted sentences the message's.
    _, claims = _claims(
        nlp,
        [
            "Volunteers handed out copies of the flyer, which carries the following message:",
            "“Clean water is a right. Call your council member today.”",
        ],
    )
    lead, *quoted = claims
    assert lead.source.type is SourceType.OUTLET
    assert quoted and all(c.source.type is SourceType.OFFICIAL_STATEMENT for c in quoted)

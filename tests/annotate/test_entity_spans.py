"""Person and organisation spans as CoNLL-2003 writes them: hand-made sentences, one rule each
(bench/entities.py measures them on annotated news)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span as SpacySpan

from sitrep.analysis import analyse
from sitrep.annotate.actors import (
    _countrys_people,
    _employers,
    _first_of_streets,
    _given_name_runs,
    _labelled_photographers,
    _name_only,
    _named_before_noun,
    _names_a_place,
    _no_organisation,
    _no_persons_name,
    _people_tagged_as_organisations,
    _thing_name,
    _untagged_full_names,
    _written_as_place,
)
from sitrep.annotate.mentions import MentionIndex
from sitrep.annotate.places import after_kin_noun
from sitrep.names import spelling_key
from sitrep.records import Actor, ActorKind, Article, InputKind, Reference, ReferenceKind, Span
from sitrep.settings import ANNOTATE_STAGES, Settings

ANNOTATE_ONLY = Settings(stages=ANNOTATE_STAGES)


def _mentions(nlp, text: str, kind: ActorKind) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    article = Article("t", "h", InputKind.TEXT, text.split("\n\n"))
    [analysed] = list(analyse([article], nlp=nlp, settings=ANNOTATE_ONLY))
    return {a.name: [m.text for m in a.mentions] for a in analysed.actors if a.kind is kind}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ms Hartley said she had left early. Ms Hartley later declined to comment.", "Hartley"),
        ("Crown Prince Mohammed Bin Salman flew to Paris on Sunday.", "Mohammed Bin Salman"),
        ("Superintendent Jennifer McCormick said the schools would open.", "Jennifer McCormick"),
        ("Defender Hassan Abbas scored twice on Friday.", "Hassan Abbas"),
        ("Striker Alan Shearer missed the match with a knee injury.", "Alan Shearer"),
    ],
)
def test_honorifics_are_not_part_of_a_name(nlp, text, name) -> None:  # type: ignore[no-untyped-def]
    spans = [m for ms in _mentions(nlp, text, ActorKind.PERSON).values() for m in ms]
    assert name in spans
    assert not any(
        m.startswith(("Ms", "Crown", "Superintendent", "Defender", "Striker")) for m in spans
    )


@pytest.mark.slow
def test_a_name_opening_with_an_honorific_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The school will honour the Governor of Kano State, Alhaji Musa Kabiru, on Saturday."
    assert "Musa Kabiru" in _mentions(nlp, text, ActorKind.PERSON)
    assert not any("Kabiru" in name for name in _mentions(nlp, text, ActorKind.ORGANISATION))


@pytest.mark.slow
def test_an_age_glued_to_a_name_is_cut(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The victims were Ariel Santos,22; Paolo Reyes,36; and Mia Cruz,18, all students."
    spans = [m for ms in _mentions(nlp, text, ActorKind.PERSON).values() for m in ms]
    assert spans and not any("," in m for m in spans)


@pytest.mark.slow
def test_a_hyphenated_given_name_is_one_word(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "South Korean President Moon Jae-in said China shared the blame."
    assert "Moon Jae-in" in _mentions(nlp, text, ActorKind.PERSON)


@pytest.mark.slow
def test_a_lowercase_phrase_is_no_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ozone reached 210 micrograms per cubic meter in the afternoon, officials said."
    assert not _mentions(nlp, text, ActorKind.PERSON)


@pytest.mark.slow
def test_a_country_owns_no_organisation_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Officials from Japan’s Ministry of Agriculture, Forestry and Fisheries inspected "
        "farms in July, and Japan said it would lift the ban."
    )
    organisations = _mentions(nlp, text, ActorKind.ORGANISATION)
    assert "Ministry of Agriculture, Forestry and Fisheries" in organisations
    assert "Japan" not in organisations


@pytest.mark.slow
def test_an_unclosed_bracket_ends_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    """The model sometimes ends a name inside the brackets of its acronym."""
    doc = nlp("Agents of the Federal Roads Bureau (FRB) closed the bridge.")
    opened = next(t.i for t in doc if t.text == "(")
    name = _name_only(SpacySpan(doc, 2, opened + 2, label="ORG"))  # "the ... (FRB"
    assert name.text == "Federal Roads Bureau"


@pytest.mark.slow
def test_a_named_armed_group_is_an_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Hezbollah fighters crossed the border, and Hamas said it would respond."
    organisations = _mentions(nlp, text, ActorKind.ORGANISATION)
    assert {"Hezbollah", "Hamas"} <= organisations.keys()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind", "name", "mentions"),
    [
        # A surname alone is the person named in full, whatever the model tags it.
        (
            "Olufemi Adebanjo, the commissioner, addressed journalists in Lagos on Monday. "
            "Adebanjo recalled that the deadline had passed. Later, Adebanjo said more arrests "
            "would follow.",
            ActorKind.PERSON,
            "Olufemi Adebanjo",
            ["Olufemi Adebanjo", "Adebanjo", "Adebanjo"],
        ),
        # ... but not inside another name,
        (
            "John Smith retired in 1984. He had owned SB Smith Electrical for twenty years.",
            ActorKind.PERSON,
            "John Smith",
            ["John Smith"],
        ),
        # ... nor as a common word the model does not read as a name.
        (
            "Jennifer Price spoke on Monday. Price rises hit poor families hardest.",
            ActorKind.PERSON,
            "Jennifer Price",
            ["Jennifer Price"],
        ),
        (
            "Martha Young arrived on Monday. Young people queued for hours.",
            ActorKind.PERSON,
            "Martha Young",
            ["Martha Young"],
        ),
        # A name after a noun only organisations are called is an organisation, every time.
        (
            "Korean cryptocurrency exchange Bitzon was hacked in March. Bitzon said it would "
            "repay customers, and Bitzon shares fell.",
            ActorKind.ORGANISATION,
            "Bitzon",
            ["Bitzon", "Bitzon", "Bitzon"],
        ),
    ],
)
def test_every_writing_of_a_name(nlp, text, kind, name, mentions) -> None:  # type: ignore[no-untyped-def]
    assert _mentions(nlp, text, kind).get(name) == mentions


@pytest.mark.slow
def test_a_club_named_after_its_town_is_an_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Leeds United beat Stoke City 2-1 on Saturday. Leeds had lost twice in a row, and "
        "United's coach was relieved. Leeds won the return game 3-0 in May. Thousands of fans "
        "celebrated in Leeds after the match."
    )
    clubs = _mentions(nlp, text, ActorKind.ORGANISATION)
    assert clubs["Leeds United"] == ["Leeds United", "Leeds", "United", "Leeds"]  # not "in Leeds"
    assert "Stoke City" in clubs


@pytest.mark.slow
def test_a_city_named_with_city_is_no_club(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Harare City Council voted 5-4 on Monday. Officials of Quezon City met on Friday."
    assert "Quezon City" not in _mentions(nlp, text, ActorKind.ORGANISATION)


@pytest.mark.slow
def test_the_sides_of_a_result_line_are_clubs(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Results of league matches on Saturday: Everton 3 Wolverhampton 1, Reading 0 Brazil 2."
    clubs = _mentions(nlp, text, ActorKind.ORGANISATION)
    assert {"Everton", "Wolverhampton", "Reading"} <= clubs.keys()
    assert "Brazil" not in clubs  # a national side is its country


@pytest.mark.slow
def test_golfers_with_their_scores_are_people(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Leading scores after the first round: Ernie Els 68 Greg Norman 70."
    assert "Greg Norman" in _mentions(nlp, text, ActorKind.PERSON)
    assert not _mentions(nlp, text, ActorKind.ORGANISATION)


@pytest.mark.slow
def test_a_dateline_place_is_no_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Shares slipped. WASHINGTON -- The Pentagon said on Friday it would send more troops."
    organisations = _mentions(nlp, text, ActorKind.ORGANISATION)
    assert "Pentagon" in organisations
    assert not any("WASHINGTON" in m for ms in organisations.values() for m in ms)


@pytest.mark.slow
def test_a_name_given_an_age_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The suspects were Ariel Leal, 22, Lance Garcia,36, and Bianca Fontejon, 18, all held."
    people = _mentions(nlp, text, ActorKind.PERSON)
    assert {"Lance Garcia", "Bianca Fontejon"} <= people.keys()
    assert not _mentions(nlp, text, ActorKind.ORGANISATION)


@pytest.mark.slow
def test_a_capitalised_common_noun_is_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'The president wrote on Thursday that "the Crossing is largely finished thanks to our '
        'strong laws and to the people at our Crossing." The crossing was never meant to last.'
    )
    assert not _mentions(nlp, text, ActorKind.PERSON)


@pytest.mark.slow
def test_a_titled_surname_stays_a_person_though_also_a_word(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ms Baker told reporters the baker had closed early."
    assert "Baker" in _mentions(nlp, text, ActorKind.PERSON)


@pytest.mark.slow
def test_towns_that_score_in_a_match_are_clubs(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Juventus beat Parma 2-1 on Sunday, while Lazio lost to Bologna 3-0."
    assert {"Parma", "Lazio", "Bologna"} <= _mentions(nlp, text, ActorKind.ORGANISATION).keys()
    assert not _mentions(nlp, text, ActorKind.PERSON)


@pytest.mark.parametrize(
    "text",
    [
        "The court ruled 5-4 that Ohio must redraw its map.",  # a score with no match verb
        "Italy drew 1-1 with Spain in Rome.",  # national sides are their countries
        "Hingis beat Novotna 6-4 6-3 in Berlin on Friday.",  # players
    ],
)
@pytest.mark.slow
def test_no_club_without_a_match_between_towns(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert not _mentions(nlp, text, ActorKind.ORGANISATION)


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("NYMEX crude futures rose 20 cents to $22.10 a barrel on Tuesday.", "NYMEX"),
        ("OPEC output fell in July as Nigeria pumped less, a survey showed.", "OPEC"),
        ("PLO negotiator Saeb Erekat said talks with Israel would resume.", "PLO"),
    ],
)
@pytest.mark.slow
def test_an_acronym_before_a_noun_is_an_organisation(nlp, text, acronym) -> None:  # type: ignore[no-untyped-def]
    assert acronym in _mentions(nlp, text, ActorKind.ORGANISATION)


@pytest.mark.slow
def test_a_company_s_short_name_is_the_company(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Newmont Mining Corp said on Monday it would buy a stake in the mine. Newmont shares "
        "rose 3 percent, and Newmont said the deal would close in March."
    )
    assert _mentions(nlp, text, ActorKind.ORGANISATION) == {
        "Newmont Mining Corp": ["Newmont Mining Corp", "Newmont", "Newmont"]
    }


@pytest.mark.slow
def test_a_company_with_and_without_its_legal_form_is_one_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Harlow Instruments Inc reported higher profit on Monday. Harlow Instruments said chip "
        "sales rose. Shares of Texas Instruments fell in Texas."
    )
    organisations = _mentions(nlp, text, ActorKind.ORGANISATION)
    assert organisations["Harlow Instruments Inc"] == [
        "Harlow Instruments Inc",
        "Harlow Instruments",
    ]
    assert organisations["Texas Instruments"] == ["Texas Instruments"]  # not "in Texas"


@pytest.mark.slow
def test_a_picture_credit_is_a_photographer_and_an_agency(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Migrants board buses in the square. Felix Marquez AP Photo"
    assert _mentions(nlp, text, ActorKind.PERSON) == {"Felix Marquez": ["Felix Marquez"]}
    assert [ms for ms in _mentions(nlp, text, ActorKind.ORGANISATION).values()] == [["AP"]]


@pytest.mark.slow
def test_a_name_the_model_leaves_untagged_beside_a_person_or_in_a_byline(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The court found Marc David Deen and Seergeoh Villanueva guilty of selling drugs. "
        "Villanueva will appeal."
    )
    people = _mentions(nlp, text, ActorKind.PERSON)
    assert people["Seergeoh Villanueva"] == ["Seergeoh Villanueva", "Villanueva"]
    text = "By Talent Gondo | The council will rename the road after the late leader."
    assert "Talent Gondo" in _mentions(nlp, text, ActorKind.PERSON)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Cattle were culled over the bovine spongiform encephalopathy (BSE) outbreak. "
        "Few cattle had BSE.",  # an acronym of lowercase words is a term
        "Published Saturday, March 31, 2018 1:19PM CST. A man is in custody.",  # a time zone
        "Fans threw bottles as the bus made its way to the Champions League quarter-final.",
        "The deal covers 180 howitzers and kits to turn them into the M109A6 Paladin system.",
        "Harare’s Third Street will soon be renamed after the late leader.",
        "The deckhand works aboard the superyacht Talisman Maiton this season.",
    ],
)
def test_names_of_things_are_no_actors(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert not _mentions(nlp, text, ActorKind.ORGANISATION)
    assert not _mentions(nlp, text, ActorKind.PERSON)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The exchange was under the scanner of the Japanese Financial Services Agency, "
            "which ordered changes.",
            "Financial Services Agency",
        ),
        (
            "The case is U.S. v. Chen, U.S. District Court, District of Massachusetts.",
            "U.S. District Court",
        ),
        ("According to St. Louis Police, the suspects broke in three times.", "St. Louis Police"),
    ],
)
def test_a_country_or_place_in_an_organisation_s_name(nlp, text, name) -> None:  # type: ignore[no-untyped-def]
    """A demonym qualifies a state body ("Japanese Financial Services Agency"); a country or
    town written as part of the name stays in it ("U.S. District Court")."""
    assert name in _mentions(nlp, text, ActorKind.ORGANISATION)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Migrants have camped out in Matias Romero, Oaxaca State, Mexico, for a week.",
        "Fans set off fireworks inside Anfield on Wednesday.",
        "The governor of Sokoto State, Alhaji Aminu Tambuwal, will be honoured.",
        "Stanley Uzoaru, Owerri. The Vice Chancellor of the Federal University of Technology, "
        "Owerri (FUTO), Prof. Francis Eze, said 4,000 students in Imo State, Nigeria, would "
        "graduate.",
    ],
)
def test_a_place_the_model_tags_a_person_is_no_person(nlp, text) -> None:  # type: ignore[no-untyped-def]
    people = _mentions(nlp, text, ActorKind.PERSON)
    assert not {"Matias Romero", "Anfield", "Sokoto State", "Owerri"} & people.keys()


@pytest.mark.slow
def test_a_company_named_with_a_role_word_keeps_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "General Motors said on Tuesday it would cut 4,000 jobs, and President Donald Trump "
        "said he was angry."
    )
    assert "General Motors" in _mentions(nlp, text, ActorKind.ORGANISATION)
    assert "Donald Trump" in _mentions(nlp, text, ActorKind.PERSON)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Two Long Islanders join the reality TV series “Below Deck Mediterranean.” It airs in May.",
        "Guns were handed in on the directive of the Inspector General of Police, who set a date.",
        "The materials are protected under the Law on copyright and related rights.",
    ],
)
def test_works_titles_and_common_words_are_no_actors(nlp, text) -> None:  # type: ignore[no-untyped-def]
    names = {*_mentions(nlp, text, ActorKind.PERSON), *_mentions(nlp, text, ActorKind.ORGANISATION)}
    assert not names & {"Below Deck Mediterranean", "Inspector General of Police", "Law"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Officials of the Ministry of Health, Labour and Welfare inspected the farms.",
            "Ministry of Health, Labour and Welfare",
        ),
        (
            "Beedle was the founder and CEO of Harlow Scrum, a software company, and had six sons.",
            "Harlow Scrum",
        ),
    ],
)
def test_an_organisation_s_whole_name(nlp, text, name) -> None:  # type: ignore[no-untyped-def]
    """A ministry's portfolios listed past where the model ends the name; a name a company
    noun is in apposition to."""
    assert _mentions(nlp, text, ActorKind.ORGANISATION) == {name: [name]}
    assert not _mentions(nlp, text, ActorKind.PERSON)


@pytest.mark.slow
def test_a_product_a_team_and_a_platform_are_no_people(nlp) -> None:  # type: ignore[no-untyped-def]
    """Real cases from the 89 pages: "16-inch MacBook Pro" (a measure makes a product of the
    name and of its first words), "The Steelers spent Monday", "posted on Twitter"."""
    text = (
        "Welcome to the new 16-inch MacBook Pro. The MacBook Pro keyboard is better, and all "
        "MacBook models get it. The Steelers spent Monday trying to distance themselves from "
        "the fight. Taylor Swift posted on Twitter accusing her label."
    )
    assert _mentions(nlp, text, ActorKind.PERSON) == {"Taylor Swift": ["Taylor Swift"]}
    assert "Twitter" in _mentions(nlp, text, ActorKind.ORGANISATION)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The move sends more Border Patrol agents to the crossings, officials said.",
            "Border Patrol",
        ),
        (
            "Image copyright Suffolk County Times Image caption The house stood empty.",
            "Suffolk County Times",
        ),
    ],
)
def test_an_organisation_before_a_noun_or_in_a_credit(nlp, text, name) -> None:  # type: ignore[no-untyped-def]
    assert name in _mentions(nlp, text, ActorKind.ORGANISATION)


@pytest.mark.slow
def test_no_person_name_holds_a_digit(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The new RAV4 Hybrid gets 40 miles a gallon, while the Dell G3 costs $700."
    assert not _mentions(nlp, text, ActorKind.PERSON)


@pytest.mark.slow
def test_a_surname_alone_the_tagger_reads_as_a_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "Mills bowled": the surname of the article's "Alan Mills", which it never writes in
    lowercase, heads its phrase: the person, however the tagger reads the word."""
    text = (
        "Essex bowler Alan Mills took four wickets on Friday. Mills, who joined the club in "
        "1994, said the pitch was slow. Mills bowled 20 overs, and Mills also batted."
    )
    assert _mentions(nlp, text, ActorKind.PERSON) == {"Alan Mills": ["Alan Mills", *["Mills"] * 3]}


@pytest.mark.slow
def test_a_name_after_a_title_is_a_person_though_tagged_an_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Greek Finance Minister Stefanos Costas said on Monday the budget would pass. Costas "
        "spoke in Athens. General Electric Co shares rose 2 percent."
    )
    assert _mentions(nlp, text, ActorKind.PERSON) == {
        "Stefanos Costas": ["Stefanos Costas", "Costas"]
    }
    assert "General Electric Co" in _mentions(nlp, text, ActorKind.ORGANISATION)


def _names(nlp, text: str) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    """Every person and organisation mention, by kind."""
    return {
        kind: {m for ms in _mentions(nlp, text, kind).values() for m in ms}
        for kind in (ActorKind.PERSON, ActorKind.ORGANISATION)
    }


@pytest.mark.slow
def test_academic_degrees_are_no_organisations(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Of the graduates, 46 were awarded PhD, 250 M.Sc/M.Eng, MPH, M.Tech, MBA and 142 PGD."
    assert not _names(nlp, text)[ActorKind.ORGANISATION]


@pytest.mark.slow
def test_a_name_tagged_a_person_with_the_article_is_an_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Moyo argued that the late leader had not been honoured by the Zanu Pf led government."
    names = _names(nlp, text)
    assert "Zanu Pf" in names[ActorKind.ORGANISATION]
    assert "Zanu Pf" not in names[ActorKind.PERSON]


@pytest.mark.slow
def test_a_facility_is_no_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The drugs were sold at a concert in the parking lot of the SM Mall of Asia on Sunday."
    assert not any("Mall" in m for m in _names(nlp, text)[ActorKind.ORGANISATION])


@pytest.mark.slow
def test_no_name_ends_in_a_function_word(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The team has been invited to join the Georgia National Guard's 4th Civil Support "
        "Team for Super Bowl 53 in 2019."
    )
    assert not any(m.endswith(" for") for m in _names(nlp, text)[ActorKind.ORGANISATION])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Eswar Prasad, professor of trade policy at Cornell University, said it was risky.",
            "Eswar Prasad",
        ),
        (
            "The actress, who is also mother to two-year-old Leo Thames Newman, was outside.",
            "Leo Thames Newman",
        ),
    ],
)
def test_a_name_described_as_a_person_is_one(nlp, text, name) -> None:  # type: ignore[no-untyped-def]
    names = _names(nlp, text)
    assert name in names[ActorKind.PERSON]
    assert name not in names[ActorKind.ORGANISATION]


@pytest.mark.slow
def test_where_a_person_lives_is_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Miss Abdhou, of Hayes, was not believed to be the target of the shooting."
    assert _names(nlp, text)[ActorKind.PERSON] == {"Abdhou"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Thunder Snow won the Dubai World Cup on Saturday.", "Cup"),
        ("Lopez Obrador would renegotiate the North American Free Trade Agreement.", "Agreement"),
        ('"A brilliant result," added the Emirati, whose last win came in 2016.', "Emirati"),
    ],
)
def test_a_contest_a_treaty_and_a_demonym_are_no_organisations(nlp, text, word) -> None:  # type: ignore[no-untyped-def]
    assert not any(word in m for m in _names(nlp, text)[ActorKind.ORGANISATION])


@pytest.mark.slow
def test_a_name_listed_with_a_person_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "ICON is a company established by Ziya Pazarbasilar, Ufuk Yilmaz, and Fatih Ates in 2013."
    )
    assert "Ziya Pazarbasilar" in _names(nlp, text)[ActorKind.PERSON]


@pytest.mark.slow
def test_names_of_a_byline_in_capitals_are_people(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "By JILL COLVIN and GILLIAN WONG, Associated Press\n\n"
        "China vowed on Friday to fight back after President Donald Trump proposed tariffs."
    )
    names = _names(nlp, text)
    assert {"JILL COLVIN", "GILLIAN WONG"} <= names[ActorKind.PERSON]
    assert not any("COLVIN" in m or "WONG" in m for m in names[ActorKind.ORGANISATION])
    assert "WONG" not in names[ActorKind.PERSON]


@pytest.mark.slow
def test_a_full_name_written_again_is_the_person_whatever_the_model_reads(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "EPA chief Scott Pruitt faced new questions on Thursday.\n\nSens. Tom Udall and Martin "
        "Heinrich issued statements Thursday, taking aim at Scott Pruitt's policy decisions."
    )
    assert _mentions(nlp, text, ActorKind.PERSON)["Scott Pruitt"] == ["Scott Pruitt"] * 2


@pytest.mark.slow
def test_a_name_after_a_noun_of_people_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text, name = (
        "SoftBank named executive chair Marcelo Claure in an email to staff.",
        "Marcelo Claure",
    )
    names = _names(nlp, text)
    assert name in names[ActorKind.PERSON]
    assert name not in names[ActorKind.ORGANISATION]


@pytest.mark.slow
def test_a_time_zone_and_a_clause_are_no_organisations(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rudolph and Garrett engaged in a heated altercation before Garrett hit Rudolph in the "
        "head with the helmet. The match ended close to 2 a.m. local time (0100 GMT) on Wednesday."
    )
    organisations = _names(nlp, text)[ActorKind.ORGANISATION]
    assert "GMT" not in organisations
    assert not any(" hit " in m for m in organisations)


@pytest.mark.slow
def test_a_common_noun_s_acronym_and_a_unit_are_no_organisations(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"The team was amazed," said Dr Jonathan Charbit, the head of ICU at the hospital. '
        "The laptop comes with 512GB of flash storage, 32GB of RAM and a Radeon Pro 5500M."
    )
    names = _names(nlp, text)
    assert not {"ICU", "RAM", "GB"} & (names[ActorKind.ORGANISATION] | names[ActorKind.PERSON])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "We apologise unreservedly to Kevin Guardiola, his players and staff.",
            ["Kevin Guardiola"],
        ),
        ("Later Will Okonkwu spoke to reporters.", []),  # a given name that is a common word
        ("Traffic was diverted from Jackson Street after the crash.", []),  # a street
        ("Critics panned the film “Linda Castle” last week.", []),  # a work's title
        (
            "Rain fell as Kevin Moran Memorial Avenue flooded.",
            [],
        ),  # four capitalised words: a longer name
    ],
)
def test_a_given_name_opens_a_name_the_model_missed(nlp, text, names) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    doc.ents = []  # as if the model had tagged nothing
    assert [run.text for run in _given_name_runs(doc, set())] == names


@pytest.mark.slow
def test_a_given_name_the_model_reads_as_a_facility_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Lawmakers took aim at Scott Pruitt's policy decisions on Thursday."
    assert _mentions(nlp, text, ActorKind.PERSON) == {"Scott Pruitt": ["Scott Pruitt"]}


def _tagged(nlp, text: str, *names: tuple[str, str]):  # type: ignore[no-untyped-def]
    """`text` parsed, with only the given (words, label) entities tagged."""
    doc = nlp(text)
    ents = []
    for words, label in names:
        start = text.index(words)
        ents.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = ents
    return doc


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "tagged", "name"),
    [
        (
            "The man was shot, according to NYPD Chief of Department Terence Monahan.",
            "Department Terence Monahan",
            "Terence Monahan",
        ),
        (
            "Secretary of State John Kerry arrived in Cairo on Monday.",
            "State John Kerry",
            "John Kerry",
        ),
        (  # a given name is no office word
            "The files of Mark Hughes were sealed.",
            "Mark Hughes",
            "Mark Hughes",
        ),
    ],
)
def test_an_office_before_a_name_is_cut(nlp, text, tagged, name) -> None:  # type: ignore[no-untyped-def]
    [ent] = _tagged(nlp, text, (tagged, "PERSON")).ents
    assert _name_only(ent).text == name


@pytest.mark.slow
def test_a_role_word_alone_names_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chinese State Councilor and Foreign Minister Wang Yi said in Moscow that talks went well."
    )
    doc = _tagged(nlp, text, ("Councilor", "PERSON"), ("Wang Yi", "PERSON"))
    assert [_no_persons_name(e) for e in doc.ents] == [True, False]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "tagged", "names"),
    [
        (
            "Photo: Adrian Walker Executive Director, Jamaica Cancer Society, Yulit Gordon, talks.",
            (),
            ["Adrian Walker"],
        ),
        (
            "Photo credit: Bayo Omiboriowo. The president visited troops.",
            ("Bayo Omiboriowo",),
            ["Bayo Omiboriowo"],
        ),
        ("Photo: Associated Press. The president visited troops.", ("Associated Press",), []),
        ("The rankings are set by officers. (Image: Getty Images) Points range widely.", (), []),
    ],
)
def test_a_photographer_after_a_credit_label_is_a_person(nlp, text, tagged, names) -> None:  # type: ignore[no-untyped-def]
    doc = _tagged(nlp, text, *((t, "ORG") for t in tagged))
    assert [span.text for span in _labelled_photographers(doc)] == names


@pytest.mark.slow
def test_a_name_tagged_a_place_in_a_list_of_people_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "ICON is a company established by Ziya Pazarbasilar, Ufuk Yilmaz, and Fatih Ates in 2013."
    )
    doc = _tagged(
        nlp, text, ("Ziya Pazarbasilar", "PERSON"), ("Ufuk Yilmaz", "GPE"), ("Fatih Ates", "PERSON")
    )
    assert [e.text for e in _people_tagged_as_organisations(doc, set())] == ["Ufuk Yilmaz"]


@pytest.mark.slow
def test_a_full_name_written_again_in_capitals_is_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The company was founded in 2013 by John Okafor, who still runs it.\n\n"
        "JOHN OKAFOR - Managing Director of ICON said growth would follow."
    )
    mentions = _mentions(nlp, text, ActorKind.PERSON)
    assert mentions.get("John Okafor") == ["John Okafor", "JOHN OKAFOR"]


@pytest.mark.slow
def test_the_first_word_of_a_full_name_written_alone_is_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Prime Minister Najib Razak is expected to dissolve Parliament on Friday. "
        "Money was taken to buy assets in the US. Najib, who denies any wrongdoing, fired critics."
    )
    mentions = _mentions(nlp, text, ActorKind.PERSON)
    assert mentions.get("Najib Razak") == ["Najib Razak", "Najib"]


@pytest.mark.slow
def test_a_person_described_with_an_organisation_noun_stays_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Frances Eve, a researcher for the charity Chinese Human Rights Defenders, said the "
        "campaign had drawn attention."
    )
    organisations = _mentions(nlp, text, ActorKind.ORGANISATION)
    assert "Frances Eve" not in organisations
    assert "Chinese Human Rights Defenders" in organisations


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "tagged", "organisation"),
    [
        ("MINISTER of Defense, Brigadier General Mansur Dan-Ali, said so.", "Defense", False),
        ("The Minister of Business, Enterprise and Cooperatives spoke.", "Cooperatives", False),
        (
            "Ratings are calculated by an Environmental Food Safety Officer.",
            "Environmental Food Safety Officer",
            False,
        ),
        ("He joined the National Guard in 2010.", "National Guard", True),
        ("The president of Air Canada Cargo said so.", "Air Canada Cargo", True),
    ],
)
def test_a_portfolio_and_a_role_are_no_organisations(nlp, text, tagged, organisation) -> None:  # type: ignore[no-untyped-def]
    [ent] = _tagged(nlp, text, (tagged, "ORG")).ents
    assert _no_organisation(ent, set(), set()) is not organisation


@pytest.mark.slow
def test_a_surname_in_a_headline_in_capitals_is_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Finance Minister Yanis Varoufakis resigned on Monday, officials said.\n\nVAROUFAKIS "
        "QUITS\n\nThe British prime minister, Theresa May, was not there.\n\nMAY DAY MARCHES"
    )
    people = _mentions(nlp, text, ActorKind.PERSON)
    assert "VAROUFAKIS" in people["Yanis Varoufakis"]
    assert "MAY" not in people["Theresa May"]  # a common word in capitals is no name


@pytest.mark.slow
def test_a_given_name_and_surname_read_as_an_organisation_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # The model reads "Nikki Haley" here as an organisation; a firm keeps its reading.
    text = (
        "“We will keep fighting for the people,” Nikki Haley said on Tuesday.\n\n"
        "Wells Fargo said it would cut jobs."
    )
    names = _names(nlp, text)
    assert "Nikki Haley" in names[ActorKind.PERSON]
    assert "Wells Fargo" not in names[ActorKind.PERSON]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Rakesh Kumar works as a house painter in the small town of Kasba Bonli in northwestern "
        "India. Handouts for farmers by Congress helped turn once-deprived Kasba Bonli into a "
        "thriving retail centre.",
        "The fund counts 1,700 asylum seekers in Samos, more than two-thirds of them from Syria. "
        "With Samos’s economy in ruins because of the migrant crisis, few shopkeepers complain.",
        "The U.S. will keep its military base in al-Tanf after American troops leave Syria. Iran "
        "and Russia have been pressuring the U.S. to leave al-Tanf. The U.S. base in al-Tanf has "
        "been the target of a disinformation campaign.",
    ],
)
def test_a_name_found_as_a_place_elsewhere_is_no_person(nlp, text) -> None:  # type: ignore[no-untyped-def]
    names = _mentions(nlp, text, ActorKind.PERSON)
    assert not any(w in m for w in ("Bonli", "Samos", "Tanf") for ms in names.values() for m in ms)


@pytest.mark.slow
def test_a_person_s_surname_found_as_a_place_elsewhere_stays_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ms Laura Washington flew in from Washington on Monday. Washington said she would "
        "stay in Washington for a week."
    )
    doc = _tagged(nlp, text, ("Laura Washington", "PERSON"), ("Washington said", "PERSON"))
    [full, alone] = doc.ents
    lone = SpacySpan(doc, alone.start, alone.start + 1, label="PERSON")
    placed = {spelling_key("Washington")}
    assert not _written_as_place(lone, placed, {spelling_key("Washington")})
    assert _written_as_place(lone, placed, set())
    assert not _written_as_place(full, set(), set())


@pytest.mark.slow
def test_a_one_word_name_the_model_reads_as_a_place_elsewhere_is_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Guhdar is especially worried about his eldest son, who last year tried to commit "
        "suicide. When he heard the news, he told his father: “We’d all be better off dead.” "
        "Guhdar, his 46-year-old wife Jihan and their six children arrived in 2016. Without the "
        "right to remain in Greece , Guhdar and his family now face the threat of detention. "
        "Guhdar has not been granted asylum."
    )
    mentions = _mentions(nlp, text, ActorKind.PERSON)
    assert len(mentions["Guhdar"]) == text.count("Guhdar")


@pytest.mark.slow
def test_letters_after_a_name_are_cut(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Prosecutor Anthony Orchard QC told the court she was not the target."
    [ent] = _tagged(nlp, text, ("Anthony Orchard QC", "PERSON")).ents
    assert _name_only(ent).text == "Anthony Orchard"


def test_letters_after_a_name_still_lead_to_the_person() -> None:
    text = "Anthony Orchard QC, prosecuting, said she was not the target."
    article = Article("t", "h", InputKind.TEXT, [text])
    person = Actor("actor-1", "Anthony Orchard", ActorKind.PERSON)
    person.mentions.append(Span(0, len("Anthony Orchard"), "Anthony Orchard"))
    article.actors = [person]
    letters = text.index("QC")
    assert MentionIndex(article).actor(letters, letters + 2) is person


@pytest.mark.slow
def test_a_known_body_the_places_stage_reads_as_a_territory_is_an_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "One in two EU citizens speak only their mother tongue. The strong status of English "
        "in the EU has been questioned by President Macron."
    )
    mentions = _mentions(nlp, text, ActorKind.ORGANISATION)
    assert mentions.get("European Union") == ["EU", "EU"]


@pytest.mark.slow
def test_a_name_after_a_kinship_noun_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Great Britain has accused Russia of poisoning former GRU officer Sergei Skripal and "
        "his daughter Yulia."
    )
    doc = _tagged(nlp, text, ("Sergei Skripal", "PERSON"), ("Yulia", "GPE"))
    assert after_kin_noun(doc, doc.ents[1].start)
    assert not after_kin_noun(doc, doc.ents[0].start)
    article = Article("t", "h", InputKind.TEXT, [text])
    [analysed] = list(analyse([article], nlp=nlp, settings=ANNOTATE_ONLY))
    assert not any(m.text == "Yulia" for p in analysed.places for m in p.mentions)
    assert ["Yulia"] in [[m.text for m in a.mentions] for a in analysed.actors]


@pytest.mark.slow
def test_a_role_phrase_is_a_reference_of_the_person_not_a_mention(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "The governor" stands for the governor named before, but is no name: a reader of
    persons (CoNLL's exact spans) sees "Halvard Quist" only, while every lookup of who the
    sentence names still finds him there."""
    text = (
        "Governor Halvard Quist toured the flooded valley on Tuesday. "
        "The governor promised that the dams would be rebuilt."
    )
    article = Article("t", "h", InputKind.TEXT, [text])
    [analysed] = list(analyse([article], nlp=nlp, settings=ANNOTATE_ONLY))
    [person] = [a for a in analysed.actors if a.kind is ActorKind.PERSON]
    assert [m.text for m in person.mentions] == ["Halvard Quist"]
    [phrase] = analysed.references
    assert (phrase.text, phrase.kind, phrase.actor_id) == ("The governor", "role", person.id)
    assert text[phrase.antecedent_start : phrase.antecedent_end] == "Halvard Quist"
    assert MentionIndex(analysed).actor(phrase.start, phrase.end) is person


def test_the_mention_index_finds_a_person_through_a_role_phrase() -> None:
    text = "Mayor Ines Vakil opened the library. The mayor thanked the donors."
    article = Article("t", "h", InputKind.TEXT, [text])
    person = Actor("actor-1", "Ines Vakil", ActorKind.PERSON)
    name = text.index("Ines Vakil")
    person.mentions.append(Span(name, name + len("Ines Vakil"), "Ines Vakil"))
    article.actors = [person]
    role = text.index("The mayor")
    article.references = [
        Reference(
            "The mayor",
            role,
            role + 9,
            "Ines Vakil",
            "actor-1",
            name,
            name + 10,
            ReferenceKind.ROLE,
        ),
    ]
    index = MentionIndex(article)
    assert index.actor(role, role + 9) is person
    assert [m.text for m in index.mentions_of(person)] == ["Ines Vakil", "The mayor"]


@pytest.mark.slow
def test_a_name_a_noun_of_people_is_called_by_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    """The model tags "Okello" an organisation; "a lawyer named" gives it to a person."""
    text = "He hired a lawyer named Okello to fight the eviction."
    assert _mentions(nlp, text, ActorKind.PERSON) == {"Okello": ["Okello"]}
    assert _mentions(nlp, text, ActorKind.ORGANISATION) == {}


@pytest.mark.slow
def test_a_name_that_takes_place_is_a_happening_not_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    """The model tags "Grexit" a person; only a happening takes place. "Happened to be" says
    nothing of its subject."""
    happening = "Farmers fear the worst if Grexit takes place, the union warned."
    assert _mentions(nlp, happening, ActorKind.PERSON) == {}
    person = "Dana Smith happened to be in the hall when the fire started."
    assert _mentions(nlp, person, ActorKind.PERSON) == {"Dana Smith": ["Dana Smith"]}


@pytest.mark.slow
def test_a_surname_inside_a_things_name_is_no_mention_of_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    """The model tags "Trump Tower" a person; the tower is a thing, and its "Trump" is not the
    man named before."""
    text = "Donald Trump spoke on Monday. He longed for his campaign days and Trump Tower meetings."
    assert _mentions(nlp, text, ActorKind.PERSON) == {"Donald Trump": ["Donald Trump"]}


@pytest.mark.slow
def test_an_acronym_spelt_out_after_it_is_one_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    """The model tags the spelling of "SVR" a person; a person's initials open with a given
    name ("JFK, or John F. Kennedy") and stay a person's."""
    text = "The SVR, or Sluzhba Vneshney Razvedki, runs spies abroad, officials said."
    assert _mentions(nlp, text, ActorKind.PERSON) == {}
    assert _mentions(nlp, text, ActorKind.ORGANISATION) == {
        "SVR": ["SVR", "Sluzhba Vneshney Razvedki"]
    }
    person = "Voters loved JFK, or John F. Kennedy, in 1960."
    assert "John F. Kennedy" in _mentions(nlp, person, ActorKind.PERSON)


@pytest.mark.slow
def test_a_name_listed_with_places_is_that_place_where_the_model_reads_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    """The model reads the second "Samos" as a person; in the list of places it was a place."""
    text = (
        "The refugees came through Turkey, Samos, Athens and Skopje. The coach has planned a "
        "return trip to Samos and a trip to Japan in the autumn."
    )
    assert _mentions(nlp, text, ActorKind.PERSON) == {}


@pytest.mark.slow
def test_an_age_in_apposition_makes_an_untagged_name_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    """The model tags no name here; an age given in apposition is a person's. An age before
    a noun of things is a thing's."""
    text = "Tea sellers wait by the port. Umm Turki, a 52-year-old widow, sells bread there."
    assert _mentions(nlp, text, ActorKind.PERSON) == {"Umm Turki": ["Umm Turki"]}
    building = "The Old Library, a 200-year-old building, burned down."
    assert _mentions(nlp, building, ActorKind.PERSON) == {}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "player"),
    [
        # The model runs the score into the loser's name; the player, not a club.
        (
            "Canada levelled the tie when Milos Raonic edged Sam Querrey 7-6 (5), 7-6 (7) in "
            "the second match.",
            "Sam Querrey",
        ),
        # "Federer" alone is tagged an organisation: the surname of a player named in full.
        (
            "Roger Federer kept the Swiss hopes alive. Federer defeated Marin Cilic 6-3, 7-6 (7) "
            "to level the series.",
            "Roger Federer",
        ),
    ],
)
def test_a_player_in_a_match_result_is_a_person_not_a_club(nlp, text, player) -> None:  # type: ignore[no-untyped-def]
    assert player in _mentions(nlp, text, ActorKind.PERSON)
    assert not _mentions(nlp, text, ActorKind.ORGANISATION)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "tagged", "label", "name"),
    [
        # The model runs the team and the position into the name.
        (
            "Packers DL Kenny Clark, however, decided to speak about the fight.",
            "Packers DL Kenny Clark",
            "PERSON",
            "Kenny Clark",
        ),
        (
            "Ohio GOP Gov. Mike DeWine signed the bill on Friday.",
            "Ohio GOP Gov. Mike DeWine",
            "PERSON",
            "Mike DeWine",
        ),
        ("The economist Amartya Sen spoke first.", "Amartya Sen", "PERSON", "Amartya Sen"),
        # A market code after a name, not a number that is part of one.
        (
            "Nickel on the Tokyo Commodity Exchange TCNI2 fell 0.4%.",
            "Tokyo Commodity Exchange TCNI2",
            "ORG",
            "Tokyo Commodity Exchange",
        ),
        ("The regulator fined Channel 4 on Monday.", "Channel 4", "ORG", "Channel 4"),
    ],
)
def test_what_the_model_ran_into_a_name_is_cut(nlp, text, tagged, label, name) -> None:  # type: ignore[no-untyped-def]
    [ent] = _tagged(nlp, text, (tagged, label)).ents
    assert _name_only(ent).text == name


@pytest.mark.slow
def test_a_players_position_is_no_part_of_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Vikings QB Kirk Cousins threw two touchdowns, and LB Anthony Barr made nine tackles."
    people = _mentions(nlp, text, ActorKind.PERSON)
    assert "Anthony Barr" in people
    assert not any(name.startswith("LB") for name in people)


@pytest.mark.slow
def test_a_plural_name_after_the_is_a_team(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Ravens spent Tuesday preparing for the rematch. Coach John Harbaugh said the "
        "Ravens would be ready to face the Browns at home."
    )
    assert "Browns" in _mentions(nlp, text, ActorKind.ORGANISATION)
    assert "Browns" not in _mentions(nlp, text, ActorKind.PERSON)


@pytest.mark.slow
def test_an_organisations_unusual_name_written_again_is_that_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    # The model reads two of the four a place and a people: the name is no word of English.
    text = (
        "The state attorney general is investigating ZipRide, two people said.\n\n"
        "ZipRide agreed to a rescue by its largest shareholder last month.\n\n"
        "A ZipRide spokesperson declined to comment, and ZipRide now faces a radical "
        "restructuring."
    )
    assert _mentions(nlp, text, ActorKind.ORGANISATION) == {"ZipRide": ["ZipRide"] * 4}


@pytest.mark.slow
def test_a_horse_ridden_is_no_person_and_no_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Silver Lantern, ridden by Jamie Spencer, took the lead early. Spencer said Silver "
        "Lantern handled the heavy ground well.\n\n"
        "2019: 4 on Copper Kettle (Aidan Burke), won by Morning Frost."
    )
    people = _mentions(nlp, text, ActorKind.PERSON)
    assert set(people) == {"Jamie Spencer", "Aidan Burke"}
    assert not _mentions(nlp, text, ActorKind.ORGANISATION)


@pytest.mark.slow
def test_what_a_possessive_owns_is_ridden_not_the_owner(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Senator Jane Miller is riding Obama's coattails, and Miller rode Air Force One to Ohio."
    assert "Obama" in _mentions(nlp, text, ActorKind.PERSON)


@pytest.mark.slow
def test_a_name_written_before_a_noun_of_places_is_no_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sources in the Hadlan camp told reporters that aid had stopped. The Hadlan camp is "
        "near the border. Officials said Hadlan is another example of neglect."
    )
    assert "Hadlan" not in _mentions(nlp, text, ActorKind.ORGANISATION)


@pytest.mark.slow
def test_a_name_written_as_a_web_address_is_an_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Two residents told Truthwire.info the claims were false, and Truthwire.info has seen "
        "the letters. More at www.truthwire.info or pic.twitter.com/Xy12."
    )
    assert _mentions(nlp, text, ActorKind.ORGANISATION) == {
        "Truthwire.info": ["Truthwire.info", "Truthwire.info"]
    }


@pytest.mark.slow
def test_an_organisations_name_of_common_words_written_again_is_that_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Officials said the fight against the Islamic State group would go on. Islamic State "
        "lost its last town in March, but Islamic State fighters remain."
    )
    organisations = _mentions(nlp, text, ActorKind.ORGANISATION)
    assert organisations == {"Islamic State": ["Islamic State"] * 3}


@pytest.mark.slow
def test_a_demonym_before_a_state_bodys_possessive_name_is_cut(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Analysts said the Japanese Defense Ministry's figures were late."
    [ent] = _tagged(nlp, text, ("Japanese Defense Ministry's", "ORG")).ents
    assert _name_only(ent).text == "Defense Ministry"


@pytest.mark.slow
def test_a_given_name_and_surname_with_a_possessive_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # The model tags "Lester Holt's" an organisation.
    text = "Critics blamed NBC anchor Lester Holt's interview for the row."
    assert "Lester Holt" in _mentions(nlp, text, ActorKind.PERSON)
    assert "Lester Holt" not in _mentions(nlp, text, ActorKind.ORGANISATION)


@pytest.mark.slow
def test_a_name_after_a_players_position_in_a_table_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pos Player Plays % Stats\n"
        "LB Tevaro Makalii 74 100% 1 tackle, 4 assists.\n"
        "CB Dontrell Hawes 63 85% No stats registered."
    )
    assert "Tevaro Makalii" in _mentions(nlp, text, ActorKind.PERSON)


@pytest.mark.slow
def test_a_town_before_a_playing_position_and_a_player_is_the_club(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The suspension for Denver linebacker Kavon Tillery was upheld, and Denver will "
        "appeal. Fans in Denver were angry. The Pittsburgh Post-Gazette said Pittsburgh center "
        "Dario Okafor would play."
    )
    organisations = _mentions(nlp, text, ActorKind.ORGANISATION)
    assert organisations["Denver"] == ["Denver", "Denver"]  # not "in Denver", the city
    assert organisations["Pittsburgh"] == ["Pittsburgh"]
    assert organisations["Pittsburgh Post-Gazette"] == ["Pittsburgh Post-Gazette"]


@pytest.mark.slow
def test_a_dateline_is_no_side_and_clubs_in_a_headline_are_clubs(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "SOCCER - LEEDS HOLD CHELSEA AS OKAFOR SHINES.\n\n"
        "LONDON 2025-03-08\n\n"
        "Leeds United held Chelsea to a 1-1 draw on Saturday. Manchester City lost 2-0 at home, "
        "and City fans left early."
    )
    organisations = _mentions(nlp, text, ActorKind.ORGANISATION)
    assert "LONDON" not in organisations  # where the story was filed
    assert organisations["Leeds United"] == ["LEEDS", "Leeds United"]
    assert organisations["Chelsea"] == ["CHELSEA", "Chelsea"]


@pytest.mark.slow
def test_a_name_with_its_country_in_brackets_beside_people_so_written_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Results of second round matches on Thursday:\n\n"
        "Marek Novotny (Czech Republic) beat Tomas Rinaldi (Italy) 6-3 6-4\n\n"
        "Jonas Berglund (Sweden) beat Felix Amado (Spain) 7-6 (7-4) 6-2"
    )
    assert set(_mentions(nlp, text, ActorKind.PERSON)) == {
        "Marek Novotny",
        "Tomas Rinaldi",
        "Jonas Berglund",
        "Felix Amado",
    }
    assert not _mentions(nlp, text, ActorKind.ORGANISATION)


@pytest.mark.slow
def test_a_spaced_dash_parts_a_heading_from_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Scorers: Leeds - Daniel Okafor (34th minute), Sam Whitby (78th)."
    [ent] = _tagged(nlp, text, ("Leeds - Daniel Okafor", "PERSON")).ents
    assert _name_only(ent).text == "Daniel Okafor"
    [ent] = _tagged(nlp, "Hewlett-Packard said on Monday.", ("Hewlett-Packard", "ORG")).ents
    assert _name_only(ent).text == "Hewlett-Packard"


@pytest.mark.slow
def test_a_side_named_with_its_town_at_the_end_is_a_club(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ajax Amsterdam beat PSV Eindhoven 2-0 on Sunday, with Pieter de Wit scoring twice. "
        "George Washington beat Paul Lincoln 6-3 6-2 in the final."
    )
    assert "Ajax Amsterdam" in _mentions(nlp, text, ActorKind.ORGANISATION)
    assert {"George Washington", "Paul Lincoln"} <= set(_mentions(nlp, text, ActorKind.PERSON))


@pytest.mark.slow
def test_a_body_before_a_noun_of_people_by_role_is_an_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“Demand is weak,” said Rabobank strategist Jan Vermeer."
    assert "Rabobank" in _mentions(nlp, text, ActorKind.ORGANISATION)


@pytest.mark.slow
def test_a_plural_country_without_the_is_the_organisation_it_opens(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Bahamas Ferries Limited said on Monday it would cut two routes. Bahamas is also "
        "selling two boats, and Bahamas has hired a new chief. The Bahamas said it would help. "
        "Singapore Airlines cut fares, and Singapore said it would help."
    )
    organisations = _mentions(nlp, text, ActorKind.ORGANISATION)
    assert organisations["Bahamas Ferries Limited"] == ["Bahamas Ferries Limited"] + ["Bahamas"] * 2
    assert organisations["Singapore Airlines"] == ["Singapore Airlines"]
    states = _mentions(nlp, text, ActorKind.STATE)
    assert states["Bahamas"] == ["Bahamas"]  # "The Bahamas said"
    assert states["Singapore"] == ["Singapore"]


@pytest.mark.slow
def test_a_cricket_scorecards_names_are_people(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Australia first innings\n\n"
        "Tom Ashdown c Mahler b Quince 45\n\n"
        "Liam Courtney lbw b Rowntree 12\n\n"
        "Owen Pritchard st Delacroix b Fennimore 88"
    )
    people = set(_mentions(nlp, text, ActorKind.PERSON))
    assert {"Liam Courtney", "Mahler", "Quince", "Rowntree", "Delacroix", "Fennimore"} <= people


@pytest.mark.slow
def test_a_given_name_left_untagged_before_a_surname_tagged_alone_joins_it(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The mill where Otto Kessler was born will become a museum, the council said.")
    surname = SpacySpan(doc, 4, 5, label="PERSON")
    doc.ents = [surname]
    assert [s.text for s in _untagged_full_names(doc, [surname], set())] == ["Otto Kessler"]


@pytest.mark.slow
def test_a_doctrine_is_no_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Critics said the movement revived Radical Syndicalism in the region."
    assert "Radical Syndicalism" not in _mentions(nlp, text, ActorKind.ORGANISATION)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A minister told the Vornet newspaper that talks would resume.", "Vornet"),
        ("The Kalvask news agency said the border was shut.", "Kalvask"),
    ],
)
def test_a_name_between_the_and_an_organisation_noun_is_an_organisation(nlp, text, name) -> None:  # type: ignore[no-untyped-def]
    assert [s.text for s in _named_before_noun(nlp(text), frozenset({"newspaper", "agency"}))] == [
        name
    ]


@pytest.mark.slow
def test_an_untagged_name_after_at_in_a_persons_apposition_is_an_employer(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Marta Velkova, head of research at KVB Holdings, said rates would fall.")
    doc.ents = [SpacySpan(doc, 0, 2, label="PERSON")]
    assert [s.text for s in _employers(doc)] == ["KVB Holdings"]
    doc = nlp("The talks at Vornet Castle ended, officials said.")
    doc.ents = []
    assert _employers(doc) == []


@pytest.mark.slow
def test_a_bylines_agency_ends_before_the_datelines_place(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("By MARA LIND, Kestrel Press WASHINGTON (KP) — Talks resumed on Friday.")
    start = next(t.i for t in doc if t.text == "Kestrel")
    agency = SpacySpan(doc, start, start + 3, label="ORG")
    assert _name_only(agency).text == "Kestrel Press"


@pytest.mark.slow
def test_the_first_of_names_before_a_plural_street_noun_is_a_street(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("He collapsed at the corner of Vantor and Helm streets, police said.")
    start = next(t.i for t in doc if t.text == "Vantor")
    assert _first_of_streets(SpacySpan(doc, start, start + 1, label="ORG"))
    doc = nlp("Vantor and Helm Holdings signed the deal.")
    assert not _first_of_streets(SpacySpan(doc, 0, 1, label="ORG"))


@pytest.mark.slow
def test_a_name_a_place_noun_is_in_apposition_to_is_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Jon Harrel, 41, of Brellam, a small village south of Tarnock, was charged.")
    start = next(t.i for t in doc if t.text == "Brellam")
    assert _names_a_place(SpacySpan(doc, start, start + 1, label="ORG"))
    doc = nlp("Shares of Brellam, a maker of pumps, rose.")
    start = next(t.i for t in doc if t.text == "Brellam")
    assert not _names_a_place(SpacySpan(doc, start, start + 1, label="ORG"))


@pytest.mark.slow
def test_an_accounts_handle_is_no_name(nlp) -> None:  # type: ignore[no-untyped-def]
    mentions = _mentions(
        nlp, "In a tweet, @Velkova said the vote was rigged.", ActorKind.ORGANISATION
    )
    assert not any(m.startswith("@") for ms in mentions.values() for m in ms)


@pytest.mark.slow
def test_a_celestial_body_is_no_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The probe is larger than the planet Mercury, the agency said.")
    start = next(t.i for t in doc if t.text == "Mercury")
    assert _thing_name(SpacySpan(doc, start, start + 1, label="ORG"))
    doc = nlp("It is the coldest moon in the Solar System, the agency said.")
    start = next(t.i for t in doc if t.text == "Solar")
    assert _thing_name(SpacySpan(doc, start, start + 2, label="ORG"))
    doc = nlp("Venus beat her sister in straight sets.")
    assert not _thing_name(SpacySpan(doc, 0, 1, label="PERSON"))


@pytest.mark.slow
def test_the_spelling_of_a_common_nouns_acronym_is_no_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Nurses in Intensive Care Units (ICUs) face many alarms.")
    start = next(t.i for t in doc if t.text == "Intensive")
    units = SpacySpan(doc, start, start + 3, label="ORG")
    assert _no_organisation(units, frozenset(), set())


@pytest.mark.slow
def test_untagged_names_after_a_countrys_possessive_are_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Serbia's Dravko Velkovic beat Kessar in the first round.")
    doc.ents = [SpacySpan(doc, 0, 1, label="GPE")]
    assert [s.text for s in _countrys_people(doc, set())] == ["Dravko Velkovic"]
    doc = nlp("Serbia's Foreign Ministry said the talks would resume.")
    doc.ents = [SpacySpan(doc, 0, 1, label="GPE")]
    assert _countrys_people(doc, set()) == []

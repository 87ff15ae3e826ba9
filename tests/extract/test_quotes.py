"""Quotes: quote marks, direct and indirect speech, speakers, channels, continuation."""

from __future__ import annotations

import pytest

from sitrep.annotate import annotate
from sitrep.extract.attribution import find_attributions
from sitrep.extract.claims import find_claims
from sitrep.extract.quote_marks import find_quote_marks
from sitrep.extract.quotes import find_quotes
from sitrep.extract.sourcing import find_channel, lexicon, read_phrases
from sitrep.records import Article, InputKind, SourceType


def _analysed(nlp, paragraphs: list[str]) -> tuple[Article, object]:  # type: ignore[no-untyped-def]
    article = Article("test", "hash", InputKind.TEXT, paragraphs, outlet="Test Outlet")
    doc = nlp(article.body)
    annotate(article, doc)
    return article, doc


def test_quote_marks_pairs_curly_and_straight_quotes() -> None:
    body = '“We will fight,” he said.\n\nShe said "this is over" and left.'
    texts = [body[q.start : q.end] for q in find_quote_marks(body)]
    assert texts == ["We will fight", "this is over"]


def test_quote_marks_closes_an_open_quote_at_the_paragraph_end() -> None:
    body = "“First part of a long quote.\n\n“Second part,” she said."
    marks = find_quote_marks(body)
    assert [m.open_end for m in marks] == [True, False]
    assert body[marks[0].start : marks[0].end] == "First part of a long quote."


def test_quote_marks_straight_opening_mark_closes_at_a_curly_one() -> None:
    body = '"Open the door!” an officer shouted. “We are coming in.”'
    texts = [body[q.start : q.end] for q in find_quote_marks(body)]
    assert texts == ["Open the door!", "We are coming in."]


def test_sourcing_lists_are_loaded_and_refuse_to_be_empty() -> None:
    assert lexicon().reporting_verbs["say"] == "speech"
    assert "official" in read_phrases("anonymous_sources.txt")
    with pytest.raises(FileNotFoundError):
        read_phrases("no_such_list.txt")


def test_channel_found_from_its_phrase() -> None:
    assert find_channel("He took to X to say: ") == "X"
    assert find_channel("An army spokesman said in a TV address on Saturday") == "TV address"
    assert find_channel("He said on Monday") is None
    # Two channels: the one stated first, whichever the list holds first.
    text = "The governor, in a TV address, repeated what she had posted on Facebook."
    assert find_channel(text) == "TV address"


@pytest.mark.slow
def test_quotes_speaker_after_the_quote_and_its_continuation(nlp) -> None:  # type: ignore[no-untyped-def]
    article, doc = _analysed(
        nlp,
        [
            "“I don’t think the outside powers have the leverage,” said Andreas Krieg, "
            "director of MENA Analytica. “At this moment most bets are that the regime may fall.”"
        ],
    )
    direct = [q for q in find_quotes(article, doc) if q.direct]
    assert [q.text[:12] for q in direct] == ["I don’t thin", "At this mome"]
    assert all(q.speaker == "Andreas Krieg" for q in direct)
    assert all(q.speaker_actor_id is not None for q in direct)


@pytest.mark.slow
def test_quotes_pronoun_speaker_resolves_to_the_last_person_who_spoke(nlp) -> None:  # type: ignore[no-untyped-def]
    article, doc = _analysed(
        nlp,
        [
            "Russian Foreign Minister Sergei Lavrov said Moscow is “trying to do everything "
            "not to allow terrorists to prevail.”",
            "“We don’t want them to follow the fate of Iraqis,” he said.",
        ],
    )
    direct = [q for q in find_quotes(article, doc) if q.direct]
    assert [q.speaker for q in direct] == ["Sergei Lavrov", "Sergei Lavrov"]


@pytest.mark.slow
def test_quotes_indirect_speech_keeps_a_description_as_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    article, doc = _analysed(
        nlp,
        ["An Alawite woman reached by phone said many families were fleeing to the coast."],
    )
    (quote,) = find_quotes(article, doc)
    assert not quote.direct
    assert quote.text == "many families were fleeing to the coast"
    assert quote.speaker is not None and quote.speaker.startswith("An Alawite woman")
    assert quote.channel == "phone"
    assert article.body[quote.start : quote.end] == quote.text


@pytest.mark.slow
def test_quotes_scare_quotes_without_a_speaker_are_not_quotes(nlp) -> None:  # type: ignore[no-untyped-def]
    article, doc = _analysed(nlp, ["The so-called “safe zone” was shelled on Monday."])
    assert find_quotes(article, doc) == []


def _direct(nlp, paragraphs: list[str]) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    article, doc = _analysed(nlp, paragraphs)
    return [(q.text, q.speaker) for q in find_quotes(article, doc) if q.direct]


@pytest.mark.slow
def test_quotes_sentence_naming_only_the_speaker_speaks_the_quote_before_it(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(nlp, ["“We found her!” Officers shouted on the radio. “She is safe now.”"])
    assert direct == [("We found her!", "Officers"), ("She is safe now.", "Officers")]


@pytest.mark.slow
def test_quotes_attribution_after_a_quote_of_several_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(
        nlp,
        [
            '"We lost the game. I do not care who we face, we get our shot [again]," '
            'Tom Weber said. "We have to fix it."'
        ],
    )
    assert [speaker for _, speaker in direct] == ["Tom Weber", "Tom Weber"]


@pytest.mark.slow
def test_quotes_paragraph_of_quote_alone_continues_the_previous_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    closed = _direct(
        nlp,
        [
            "“We will rebuild the bridge,” said Mayor Anna Berg.",
            "“It will take two years. We have the money.”",
            "“A bridge too far”",  # a heading, not more of her words
        ],
    )
    assert [speaker for _, speaker in closed] == ["Anna Berg", "Anna Berg"]
    left_open = _direct(
        nlp, ["Mayor Anna Berg said: “We will rebuild the bridge.", "“It will take two years.”"]
    )
    assert left_open == [
        ("We will rebuild the bridge.", "Anna Berg"),
        ("It will take two years.", "Anna Berg"),
    ]


@pytest.mark.slow
def test_quotes_short_quote_lends_its_speaker_to_the_next(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(nlp, ["“Exactly right,” Berg said. “We will need more money for the work.”"])
    assert direct == [("Exactly right", "Berg"), ("We will need more money for the work.", "Berg")]


@pytest.mark.slow
def test_quotes_pronoun_speaker_skips_names_inside_quotes(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(
        nlp,
        [
            "“Vote for the mayor!” Anna Berg wrote. "
            "“Tom Weber has done a wonderful job for the city.”",
            "“The city is in good hands,” she said.",
        ],
    )
    assert [speaker for _, speaker in direct] == ["Anna Berg"] * 3


@pytest.mark.slow
def test_quotes_relative_pronoun_speaker_is_the_noun_it_describes(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(nlp, ["The refugee who said “we cannot go back home now” was turned away."])
    assert direct == [("we cannot go back home now", "The refugee")]


@pytest.mark.slow
def test_quotes_speaker_is_not_taken_from_the_heading_before(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(
        nlp,
        [
            "Banks rallied on Friday.",
            "Slow recovery likely",
            'Veteran investor Anna Berg had said, "Stock markets do not grow out of thin air."',
        ],
    )
    assert direct == [("Stock markets do not grow out of thin air.", "Anna Berg")]


@pytest.mark.slow
def test_quotes_orders_are_reported_speech(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(nlp, ["“Hands up! Let me see your hands!” an officer ordered."])
    assert direct == [("Hands up! Let me see your hands!", "an officer")]


def test_quote_marks_single_marks_quote_but_apostrophes_do_not() -> None:
    body = "'We didn't stop,' said the captain of the players' team. Don't 'panic now,' he said."
    texts = [body[q.start : q.end] for q in find_quote_marks(body)]
    assert texts == ["We didn't stop", "panic now"]


def test_quote_marks_an_opening_mark_inside_an_open_quote_starts_a_new_one() -> None:
    body = 'He said: “The first part ran on. “The second part,” he added. "One. "Two."'
    marks = find_quote_marks(body)
    assert [body[m.start : m.end] for m in marks] == [
        "The first part ran on.",
        "The second part",
        "One.",
        "Two.",
    ]
    assert [m.open_end for m in marks] == [True, False, True, False]


@pytest.mark.slow
def test_quotes_inverted_speaker_after_a_short_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _direct(nlp, ["“Wonderful,” replied Jane Doe after the vote."]) == [
        ("Wonderful", "Jane Doe")
    ]


@pytest.mark.slow
def test_quotes_inverted_speaker_the_parse_read_as_an_object(nlp) -> None:  # type: ignore[no-untyped-def]
    # "asked Trump" after a quote is "Trump asked", though the parser makes Trump the object;
    # with a subject before the verb the object stays the one asked.
    direct = _direct(
        nlp,
        [
            "“Do you really believe that?” asked Trump, turning to the reporter.",
            "“Will you resign?” the reporter asked Senator Dale Fenn.",
        ],
    )
    assert direct == [
        ("Do you really believe that?", "Trump"),
        ("Will you resign?", "the reporter"),
    ]


@pytest.mark.slow
def test_quotes_quoted_as_saying_names_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(
        nlp, ["The agency quoted Olga Petrova as saying “the talks are over for now.”"]
    )
    assert direct == [("the talks are over for now.", "Olga Petrova")]


@pytest.mark.slow
def test_quotes_having_a_document_is_not_issuing_one(nlp) -> None:  # type: ignore[no-untyped-def]
    # "has the “resolution …”" holds a quality and issues no document: the quote goes on
    # with the envoy, not with Beijing.
    direct = _direct(
        nlp,
        [
            "“We will not yield,” the envoy Li Wen said. "
            "Beijing has the “resolution and strength” to end the dispute."
        ],
    )
    assert [speaker for _, speaker in direct] == ["Li Wen", "Li Wen"]


@pytest.mark.slow
def test_quotes_a_term_in_narration_is_not_the_next_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    # The charge is the narration's term: the wife quoted next did not say it.
    direct = _direct(
        nlp,
        [
            'Wang has since been charged with "subversion of state power" by the court. '
            '"Maybe something happened to him in jail," his wife Li Wenzu told AFP.'
        ],
    )
    assert [text for text, _ in direct] == ["Maybe something happened to him in jail"]


@pytest.mark.slow
def test_quotes_a_lost_closing_mark_closes_before_the_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    # The closing mark after "uniform," is missing: "said Monahan" is narration, and "he"
    # after it is Monahan, not the man the officers shot.
    direct = _direct(
        nlp,
        [
            "Officers encountered a man matching the description. “The suspect pointed an "
            "object at the officers, two of whom were in uniform, said Chief Terence Monahan. "
            "The officers fired, striking the man, who was holding a “pipe with some sort of "
            "knob at the end,” he said."
        ],
    )
    assert direct == [
        (
            "The suspect pointed an object at the officers, two of whom were in uniform",
            "Terence Monahan",
        ),
        ("pipe with some sort of knob at the end", "Terence Monahan"),
    ]


@pytest.mark.slow
def test_quotes_an_action_put_to_a_listener_is_reported(nlp) -> None:  # type: ignore[no-untyped-def]
    article, doc = _analysed(
        nlp,
        [
            "After the vote, Senator Ruth Alder warned the president against firing the envoy.",
            "Governor Dan Pike accused the mayor of lying about the budget.",
            "Ruth Alder thanked the nurses.",
        ],
    )
    quotes = find_quotes(article, doc)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("against firing the envoy", "Ruth Alder"),
        ("of lying about the budget", "Dan Pike"),
    ]


@pytest.mark.slow
def test_quotes_a_trailing_cue_after_media_and_a_clan_as_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    # "media" is listed as written (the lemmatiser makes it "medium"); a clan is a body.
    article, doc = _analysed(
        nlp,
        [
            "Firefighters found two bodies in the house on Tuesday, local media report.",
            "The farmer faced a rival clan, who ordered him to pay $5,000 or leave.",
        ],
    )
    quotes = find_quotes(article, doc)
    assert [q.speaker for q in quotes] == ["local media", "a rival clan"]


@pytest.mark.slow
def test_quotes_talking_reports_only_a_clause_after_about(nlp) -> None:  # type: ignore[no-untyped-def]
    article, doc = _analysed(
        nlp,
        [
            "Mayor Ruth Alder talked about how the floods had destroyed the harvest.",
            "The two leaders spoke by phone on Monday.",
            "Many people were talking about the new slogan, and “Get It Done Today” trended.",
        ],
    )
    quotes = find_quotes(article, doc)
    assert [(q.text, q.speaker, q.direct) for q in quotes] == [
        ("about how the floods had destroyed the harvest", "Ruth Alder", False)
    ]


@pytest.mark.slow
def test_quotes_a_speech_verb_joined_to_a_reported_clause_is_the_reporters(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parse joins "blamed" to "was"; a bill blames nobody: the senator does.
    direct = _direct(
        nlp,
        ["Senator Ruth Alder said the bill was “dead on arrival” and blamed the White House."],
    )
    assert direct == [("dead on arrival", "Ruth Alder")]


@pytest.mark.slow
def test_quotes_those_close_to_someone_are_an_anonymous_source(nlp) -> None:  # type: ignore[no-untyped-def]
    article, doc = _analysed(
        nlp, ["But those close to the mayor say she has grown tired of the council."]
    )
    [quote] = find_quotes(article, doc)
    assert quote.speaker == "those close to the mayor"
    [claim] = find_claims(article, doc)
    assert claim.source.type is SourceType.ANONYMOUS


@pytest.mark.slow
def test_quotes_quoted_author_after_a_colon_speaks_the_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    # The quoter recites; the words are the author's, the object of "quoted" / "cited".
    direct = _direct(
        nlp,
        [
            "Senator Ruth Dale quoted Frederick Douglass in her speech on Tuesday: "
            "“Power concedes nothing without a demand.”",
            "The bishop cited Thomas Merton: “No man is an island, entire of itself.”",
        ],
    )
    assert direct == [
        ("Power concedes nothing without a demand.", "Frederick Douglass"),
        ("No man is an island, entire of itself.", "Thomas Merton"),
    ]


@pytest.mark.slow
def test_quotes_a_document_named_before_a_colon_gives_its_words(nlp) -> None:  # type: ignore[no-untyped-def]
    # The flyer's message speaks (no one wrote it that the sentence names); the note is its
    # writer's, the subject of "left".
    direct = _direct(
        nlp,
        [
            "Volunteers handed out copies of the flyer, which carries the following message:",
            "“Clean water is a right. Call your council member today.”",
            "Inside, Dana Price had left a short note: “I am sorry for everything.”",
        ],
    )
    assert direct == [
        ("Clean water is a right. Call your council member today.", "the following message"),
        ("I am sorry for everything.", "Dana Price"),
    ]


@pytest.mark.parametrize(
    ("narration", "speaker"),
    [
        ("Cole has led the city since 2015 and faces an election next year.", "Ann Cole"),
        ("She has led the city since 2015 and faces an election next year.", "Ann Cole"),
        # Narration about someone else, or no one, leaves the quote with no speaker.
        ("Her rival, Tom Reed, has led the opposition since 2015.", None),
        ("The council meets again on Friday.", None),
    ],
)
@pytest.mark.slow
def test_quotes_a_quote_paragraph_after_narration_about_the_speaker_is_theirs(  # type: ignore[no-untyped-def]
    nlp, narration: str, speaker: str | None
) -> None:
    direct = _direct(
        nlp,
        [
            "Mayor Ann Cole said on Monday that the city would not cut the school budget.",
            narration,
            "“We owe our children better than this. Every school will stay open.”",
        ],
    )
    assert [s for _, s in direct] == ([] if speaker is None else [speaker])


@pytest.mark.slow
def test_quotes_a_short_quote_the_parse_hung_on_the_speakers_name(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parse makes "’re" a clause of "Hollis": a name has no clause before it, and the
    # quote is what "told" reports.
    direct = _direct(
        nlp,
        [
            "Senate Majority Leader Ray Hollis spoke on Monday.",
            "“We’re ready,” Hollis, the Kentucky Republican, told reporters.",
        ],
    )
    assert direct == [("We’re ready", "Ray Hollis")]


@pytest.mark.slow
def test_quotes_inverted_cue_read_as_a_word_of_the_name_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parse reads "notes economist Irene Blum" as one noun phrase, "notes" a compound.
    direct = _direct(nlp, ["“The data are clear,” notes economist Irene Blum of Yale University."])
    assert direct == [("The data are clear", "Irene Blum")]


@pytest.mark.slow
def test_quotes_the_charge_an_accusation_quotes_is_the_accusers(nlp) -> None:  # type: ignore[no-untyped-def]
    # "accused the agency of …", as "blamed the government for …": the object and what the
    # verb says of it are reported, so the word quoted in it is the accuser's.
    direct = _direct(
        nlp,
        [
            "Sen. Dale Royce spoke at the forum on Monday.",
            "Royce accused the agency of “stonewalling” Congress.",
        ],
    )
    assert direct == [("stonewalling", "Dale Royce")]


@pytest.mark.slow
def test_quotes_words_quoted_in_what_a_talk_was_about_are_the_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(
        nlp,
        [
            "Economist Irene Blum testified on Monday.",
            "Blum, in her testimony, spoke of a “lost decade” for workers.",
        ],
    )
    assert direct == [("lost decade", "Irene Blum")]


@pytest.mark.slow
def test_quotes_a_name_the_speakers_phrase_gives_names_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    article, doc = _analysed(
        nlp,
        [
            "“I lost my brother and my house,” one man, who gave his name only as Karim, "
            "told reporters.",
            "“We had nothing left,” said a woman identified only as Ana Ruiz.",
            # A nickname of someone named is not the speaker's name.
            "Tomas Vidal, known as Tito, said: “I was scared.”",
        ],
    )
    quotes = [q for q in find_quotes(article, doc) if q.direct]
    assert [q.speaker for q in quotes] == ["Karim", "Ana Ruiz", "Tomas Vidal"]
    claims = find_claims(article, doc)
    karim = next(c for c in claims if "lost my brother" in c.text)
    assert karim.source.type is SourceType.NAMED_PERSON


@pytest.mark.slow
def test_quotes_cues_the_lemmatiser_misreads_still_report(nlp) -> None:  # type: ignore[no-untyped-def]
    # "texted" and "lambasted" get the lemmas "texte" and "lambast".
    direct = _direct(
        nlp,
        [
            "Senator Pat Moreno texted that the bill was “dead on arrival.”",
            "Senator Pat Moreno lambasted the plan as “a giveaway to the rich.”",
        ],
    )
    assert direct == [
        ("dead on arrival.", "Pat Moreno"),
        ("a giveaway to the rich.", "Pat Moreno"),
    ]


@pytest.mark.slow
def test_quotes_quoted_as_saying_in_the_passive_names_its_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    article, doc = _analysed(
        nlp, ["Mayor Ann Cole was quoted by the local paper as saying the city was safe."]
    )
    [quote] = find_quotes(article, doc)
    assert (quote.text, quote.speaker, quote.direct) == ("the city was safe", "Ann Cole", False)


@pytest.mark.slow
def test_quotes_titles_and_slogans_are_not_quotes(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(
        nlp,
        [
            "Senator Bill Hart said on the show “Face the Nation” that the bill was dead.",
            "A waiter in a “Keep Our City Clean” shirt said the crowd was calm.",
            "The series “Winds of the North Coast” ended, critics said.",
        ],
    )
    assert direct == []


@pytest.mark.slow
def test_quotes_partial_quotes_keep_their_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(
        nlp,
        [
            "Mayor Anna Berg said the contractor's actions were “unethical” and “horrifying.”",
            "Council member Joe Ruiz called the plan “reckless.”",
        ],
    )
    assert direct == [
        ("unethical", "Anna Berg"),
        ("horrifying.", "Anna Berg"),
        ("reckless.", "Joe Ruiz"),
    ]


@pytest.mark.slow
def test_quotes_a_quote_goes_on_from_the_speaker_just_reported(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(
        nlp,
        [
            "“We were lucky,” said coach Ian Moss. Meanwhile, Lena Park revealed that a pep "
            "talk helped her win. “I did not expect to finish first today.”"
        ],
    )
    assert direct[-1] == ("I did not expect to finish first today.", "Lena Park")


def _indirect(nlp, text: str) -> list[tuple[str | None, str]]:  # type: ignore[no-untyped-def]
    article, doc = _analysed(nlp, [text])
    return [(q.speaker, q.text) for q in find_quotes(article, doc) if not q.direct]


@pytest.mark.slow
def test_quotes_a_to_infinitive_is_what_a_speech_verb_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "urged them to keep the peace", "pledged to cut taxes": the infinitive is the report,
    and a speech verb inside it ("maintain") reports nothing of its own."""
    urged = _indirect(nlp, "The governor urged residents to maintain good relations with police.")
    assert urged == [("The governor", "to maintain good relations with police")]
    pledged = _indirect(nlp, "The candidate pledged to cut the sales tax by half.")
    assert pledged == [("The candidate", "to cut the sales tax by half")]


@pytest.mark.slow
def test_quotes_an_object_is_reported_only_by_verbs_whose_object_is_the_message(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "denied any wrongdoing" reports its object; "told reporters" names a listener."""
    denied = _indirect(nlp, "The former prime minister denied any wrongdoing in the affair.")
    assert denied == [("The former prime minister", "any wrongdoing in the affair")]
    assert _indirect(nlp, "The minister told reporters on Monday.") == []


@pytest.mark.slow
def test_quotes_a_person_once_called_she_is_not_a_later_he(nlp) -> None:  # type: ignore[no-untyped-def]
    """Gender the names do not give is learned from the pronouns already resolved."""
    direct = _direct(
        nlp,
        [
            "Robin Ellis spoke first at the meeting in the town hall.",
            "“We are ready for the vote,” she said.",
            "Quinn Rowan arrived later. Ellis greeted the guests at the door.",
            "“The talks went very well,” he said.",
        ],
    )
    assert direct[0][1] == "Robin Ellis"
    assert direct[1][1] != "Robin Ellis"


@pytest.mark.slow
def test_actors_a_family_name_written_first_stands_for_the_full_name(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "Wang Quanzhang … Wang": a lone name matching no surname matches a first word."""
    article, _ = _analysed(
        nlp,
        [
            "The lawyer Wang Quanzhang was detained in 2015 in Beijing.",
            "Supporters say Wang did nothing wrong and should be released.",
        ],
    )
    [wang] = [a for a in article.actors if a.name == "Wang Quanzhang"]
    assert [m.text for m in wang.mentions] == ["Wang Quanzhang", "Wang"]
    assert not any(a.name == "Wang" for a in article.actors)


@pytest.mark.slow
def test_quotes_a_title_with_an_ampersand_is_no_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = _direct(
        nlp, ["Harper directed an adaptation of “War & Peace” before he said “it just connected.”"]
    )
    assert [text for text, _ in quotes] == ["it just connected."]


@pytest.mark.slow
def test_quotes_a_laugh_carries_the_words_beside_it_not_those_before(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = _direct(
        nlp,
        [
            "The mayor spoke for an hour. “Tell them to buy larger tractors,” he said.",
            "“It is very simple, really.” The council members laughed.",
            "“We are not going anywhere soon,” Anna Berg laughed.",
        ],
    )
    speakers = dict(quotes)
    assert speakers["It is very simple, really."] != "The council members"
    assert speakers["We are not going anywhere soon"] == "Anna Berg"


@pytest.mark.slow
def test_quotes_a_released_statement_is_its_issuers(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = _direct(
        nlp,
        [
            "The Harbor Police Department released a statement about the incident: “At 4 p.m. "
            "officers received several calls about a damaged car. Police arrived within minutes.”"
        ],
    )
    assert len(quotes) == 1
    assert quotes[0][1] is not None and "Department" in quotes[0][1]


@pytest.mark.slow
def test_quotes_it_after_a_statement_issued_is_the_issuers(nlp) -> None:  # type: ignore[no-untyped-def]
    # "It said" is the statement, and a statement's words are whoever issued it.
    direct = _direct(
        nlp,
        [
            "Senator Joan Pryor issued a statement on Friday.",
            "“We will appeal,” it said. “This fight is not over.”",
        ],
    )
    assert direct == [("We will appeal", "Joan Pryor"), ("This fight is not over.", "Joan Pryor")]


@pytest.mark.slow
def test_quotes_a_gerund_after_a_preposition_speaks_with_the_main_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    # "by pledging", "after vowing": who pledged is who raised eyebrows; "without saying"
    # says nothing.
    article, doc = _analysed(
        nlp,
        [
            "The governor raised eyebrows by pledging to abolish the state income tax.",
            "After vowing to repeal the law, Senator Ed Marsh voted to keep it.",
            "The mayor left without saying whether she would run.",
        ],
    )
    assert [(q.text, q.speaker) for q in find_quotes(article, doc)] == [
        ("to abolish the state income tax", "The governor"),
        ("to repeal the law", "Ed Marsh"),
    ]


@pytest.mark.slow
def test_quotes_words_quoted_before_the_noun_they_modify_are_a_term(nlp) -> None:  # type: ignore[no-untyped-def]
    # "his “hard on Mexico” stance" names a stance, though a cue ("maintain") governs it.
    direct = _direct(
        nlp,
        [
            "The pause would help farmers while allowing the president to campaign on "
            'maintaining his "hard on Mexico" stance, which holds appeal in Texas.',
            "“We were never soft on Mexico,” the president said.",
        ],
    )
    assert direct == [("We were never soft on Mexico", "the president")]


@pytest.mark.slow
def test_quotes_a_clause_hung_on_the_listener_is_what_was_told(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "told confidants he hoped …": the parse makes the report a relative clause of the
    listener; a real relative clause ("the officers who arrived") is no report."""
    told = _indirect(nlp, "The mayor told confidants he hoped to stay for a year.")
    assert told == [("The mayor", "he hoped to stay for a year")]
    assert _indirect(nlp, "The mayor thanked the officers who arrived first.") == []


@pytest.mark.slow
def test_quotes_a_denial_reports_its_gerund(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "denied taking the money" reports what was denied, as "denied any wrongdoing" does."""
    assert _indirect(nlp, "The treasurer denied taking the money.") == [
        ("The treasurer", "taking the money")
    ]


@pytest.mark.slow
def test_quotes_a_quote_paragraph_goes_on_from_the_speech_reported_just_before(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "She said the plan was a disaster.¶“It will cost billions.”": the quote run's speaker
    is named once, in the paragraph before."""
    direct = _direct(
        nlp,
        [
            "Senator Jane Reed spoke at the rally on Monday. She said the plan was a disaster.",
            "“It will cost billions and nobody will benefit.”",
        ],
    )
    assert direct == [("It will cost billions and nobody will benefit.", "Jane Reed")]


@pytest.mark.slow
def test_quotes_a_trailing_cue_reports_the_sentence_before_its_comma(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "…, reports the Suffolk Times." and "…, a court heard.": whatever the parse hung the
    clause on, the cue at the end reports what comes before it."""
    reported = _indirect(
        nlp,
        "The day before she vanished she withdrew $1,273 from her account and closed it, "
        "reports the Suffolk Times.",
    )
    assert reported == [
        (
            "Suffolk Times",
            "The day before she vanished she withdrew $1,273 from her account and closed it",
        )
    ]
    heard = _indirect(
        nlp, "A young woman was killed when a bullet hit her in the back, a court heard."
    )
    assert [speaker for speaker, _ in heard] == ["a court"]


@pytest.mark.slow
def test_quotes_a_participle_speaks_for_the_noun_it_describes(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "groups demanding that …" speak; "issued a statement saying …" is the issuer's."""
    demanding = _indirect(
        nlp, "There were protests by caste groups demanding that jobs be reserved."
    )
    assert demanding == [("caste groups", "that jobs be reserved")]
    statement = _indirect(nlp, "Residents issued a statement saying the plant must close.")
    assert statement == [("Residents", "the plant must close")]


@pytest.mark.slow
def test_quotes_of_layered_reports_the_innermost_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    article, doc = _analysed(
        nlp,
        [
            "Larry Grayson hosted the show for years.",
            "“Love the dress,” we heard him say to a woman in the audience at the old music hall "
            "(hard to believe, now, that the BBC still put out such a show).",
        ],
    )
    [quote] = [q for q in find_quotes(article, doc) if q.direct]
    assert (quote.text, quote.speaker) == ("Love the dress", "Larry Grayson")


@pytest.mark.slow
def test_quotes_a_title_of_a_field_before_a_name_is_the_names(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "said Harbor County chief of detectives Maria Ortiz": the parse joins the title's field
    to the name after "of", and the speaker is Ortiz; "the wife of businessman John Smith"
    is someone else than Smith."""
    assert _direct(
        nlp,
        [
            "“Witnesses do come forward years later,” said Harbor County chief of detectives "
            "Maria Ortiz at a news conference.",
            "“We will wait and see,” said the wife of businessman John Smith.",
        ],
    ) == [
        ("Witnesses do come forward years later", "Maria Ortiz"),
        ("We will wait and see", "the wife of businessman John Smith"),
    ]


@pytest.mark.slow
def test_attributions_a_view_in_a_relative_clause_reports_its_own_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "He pitched to worried investors who fear that a new president would slow growth."
    article, doc = _analysed(nlp, [text])
    [fear] = [a for a in find_attributions(article, doc).items if a.cue == "thought"]
    assert fear.source.name == "worried investors"
    assert text[fear.content_start : fear.content_end] == "that a new president would slow growth"


@pytest.mark.slow
def test_quotes_a_sentence_in_title_case_is_a_headline_not_speech(nlp) -> None:  # type: ignore[no-untyped-def]
    # The banner's slogan is no one's speech; the chant with its comma is the teachers'.
    direct = _direct(
        nlp,
        [
            "Teachers carried a banner, “Less Money on Testing, More Money on Students.” "
            "“Red for Ed,” the teachers chanted in the hallway."
        ],
    )
    assert [text for text, _ in direct] == ["Red for Ed"]


@pytest.mark.slow
def test_attributions_a_verb_in_a_phrase_reports_no_quote_of_another_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "While some protesters chanted, “Red for Ed,” in a hallway, Speaker Brian Bosma spoke "
        "before lawmakers defending the state budget."
    )
    article, doc = _analysed(nlp, [text])
    sources = {a.source.name for a in find_attributions(article, doc).items}
    assert "lawmakers" not in sources


@pytest.mark.slow
def test_attributions_the_people_moved_to_report_are_its_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    # Object control: the senators say it, not the scandal; an order to explain is no report
    # by the witness, and a thing used to say something does not speak.
    texts = [
        "The scandal prompted several senators to say that the program should end.",
        "The court asked the witness to explain why he had lied.",
        "The mayor used the meeting to say that the plan would fail.",
    ]
    article, doc = _analysed(nlp, texts)
    sources = {
        article.body[a.content_start : a.content_end]: a.source.name
        for a in find_attributions(article, doc).items
    }
    assert sources["that the program should end"] == "several senators"
    assert "why he had lied" not in sources
    assert sources["that the plan would fail"] == "The mayor"


@pytest.mark.slow
def test_attributions_a_judgement_by_an_agent_is_its_view(nlp) -> None:  # type: ignore[no-untyped-def]
    # consider-29.9 verbs report a view: by their agent in the passive, by their subject;
    # a bill the committee will consider is no view of anyone's.
    texts = [
        "NAFTA has largely been judged by economists to be an economic success.",
        "The committee will consider the bill next week.",
    ]
    article, doc = _analysed(nlp, texts)
    views = [a for a in find_attributions(article, doc).items if a.cue == "thought"]
    assert [a.source.name for a in views] == ["economists"]
    content = article.body[views[0].content_start : views[0].content_end]
    assert content == "to be an economic success"


@pytest.mark.slow
def test_quotes_whoever_speaks_a_quote_aloud_is_a_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    # "angel" is on no list of people, but it tells; a text that reads words is no person,
    # but a document that speaks.
    article, doc = _analysed(
        nlp,
        [
            "They go for a walk. “This is the Sikh area,” the angel tells him.",
            "“A start-up from Delhi,” reads the description on the website.",
        ],
    )
    sources = [a.source for a in find_attributions(article, doc).items]
    assert [(s.name, s.type) for s in sources] == [
        ("the angel", SourceType.ANONYMOUS),
        ("the description on the website", SourceType.OFFICIAL_STATEMENT),
    ]


@pytest.mark.slow
def test_quotes_a_tip_off_reports_its_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    article, doc = _analysed(
        nlp,
        [
            "His former wife recently tipped police off that there was a body in the basement. "
            "A waiter tipped off the owner about the leak."
        ],
    )
    indirect = [(q.text, q.speaker) for q in find_quotes(article, doc) if not q.direct]
    assert indirect == [("that there was a body in the basement", "His former wife")]


@pytest.mark.slow
def test_quotes_words_applied_by_introducing_or_portraying_are_partial_quotes(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(
        nlp,
        [
            'Benioff introduced Cook to the audience as "someone who has redefined the job." '
            "The senator introduced a bill on Tuesday."
        ],
    )
    assert direct == [("someone who has redefined the job.", "Benioff")]


@pytest.mark.slow
def test_quotes_one_of_a_group_named_before_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    article, doc = _analysed(
        nlp, ["Several diplomats described the talks as tense. “Nobody trusts anybody,” one said."]
    )
    quotes = [q for q in find_quotes(article, doc) if q.direct]
    assert [(q.text, q.speaker) for q in quotes] == [("Nobody trusts anybody", "Several diplomats")]
    article, doc = _analysed(
        nlp, ["Critics attacked the plan. One could argue that it costs too much."]
    )
    assert find_quotes(article, doc) == []  # "one" of a modal is anyone


@pytest.mark.slow
def test_quotes_a_clause_after_its_reporting_verb_reports_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    article, doc = _analysed(nlp, ["Google said it would appeal the ruling."])
    reported = [
        article.body[a.content_start : a.content_end] for a in find_attributions(article, doc).items
    ]
    assert reported == ["it would appeal the ruling"]


@pytest.mark.slow
def test_quotes_as_someone_put_it_and_rejected_as(nlp) -> None:  # type: ignore[no-untyped-def]
    article, doc = _analysed(
        nlp,
        [
            "The plan was “a recipe for disaster,” as one analyst put it.",
            "The Pentagon rejected these accusations as “patently false.”",
        ],
    )
    quotes = [q for q in find_quotes(article, doc) if q.direct]
    assert [q.speaker for q in quotes] == ["one analyst", "Pentagon"]


@pytest.mark.slow
def test_quotes_a_short_sentence_continues_and_a_show_is_no_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    article, doc = _analysed(
        nlp,
        [
            "“Hands! Let me see your hands!” an officer ordered. “Step out.”",
            "The actor said it on a previous episode of “DWTS.”",
        ],
    )
    quotes = [q for q in find_quotes(article, doc) if q.direct]
    assert [(q.text, q.speaker) for q in quotes] == [
        ("Hands! Let me see your hands!", "an officer"),
        ("Step out.", "an officer"),
    ]


def test_quotes_a_verdict_reports_its_quoted_words(nlp) -> None:  # type: ignore[no-untyped-def]
    # "found X “guilty …”" is a finding (a verdict) and its quoted words are the judge's.
    direct = _direct(
        nlp, ["Judge Ana Cruz found the two men “guilty beyond reasonable doubt” of fraud."]
    )
    assert direct == [("guilty beyond reasonable doubt", "Ana Cruz")]


def test_quotes_a_directive_noun_reports_its_infinitive(nlp) -> None:  # type: ignore[no-untyped-def]
    # "calls from X to …": X asked for it, though the parser hangs the infinitive elsewhere.
    direct = _direct(
        nlp, ["The protest followed calls from opposition leaders to “take back the streets now.”"]
    )
    assert direct == [("take back the streets now.", "opposition leaders")]


@pytest.mark.slow
def test_quotes_a_report_ending_in_a_colon_speaks_the_next_paragraph(nlp) -> None:  # type: ignore[no-untyped-def]
    # News sets a statement off as its own paragraph after "said in a statement:".
    direct = _direct(
        nlp,
        [
            "Gov. Laura Kent of Ohio said in a statement:",
            "“We will not let this plant close without a fight.”",
            "The company said it had no comment.",
        ],
    )
    assert direct == [("We will not let this plant close without a fight.", "Laura Kent")]


@pytest.mark.slow
def test_quotes_a_name_the_tagger_misread_is_still_an_antecedent(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Trump" after a full stop is tagged an adjective here; "he" is still the last named
    # subject, not the speaker two sentences back.
    direct = _direct(
        nlp,
        [
            "Joe Biden and Donald Trump spoke on election night.",
            "“Every vote must be counted,” Biden said in a speech in Wilmington. Trump, "
            "meanwhile, claimed victory. “We won this election,” he said at the White House.",
        ],
    )
    assert direct == [
        ("Every vote must be counted", "Joe Biden"),
        ("We won this election", "Donald Trump"),
    ]


@pytest.mark.slow
def test_quotes_a_title_inside_a_sentence_is_no_quote_for_its_comma(nlp) -> None:  # type: ignore[no-untyped-def]
    # US style puts the comma inside the marks: the show's name stays a title.
    direct = _direct(
        nlp,
        [
            "Speaking on NBC’s “Meet the Press,” Sen. Dana Hill said the bill “does nothing "
            "for working families.”"
        ],
    )
    assert direct == [("does nothing for working families.", "Dana Hill")]


@pytest.mark.slow
def test_quotes_he_is_not_whom_his_own_subjectless_clause_names(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Asked about Morales, he added": the one asked is "he"; Morales is whom he was asked about.
    direct = _direct(
        nlp,
        [
            "Speaker Paul Grant told reporters he would not back down.",
            "“I’m not going anywhere,” Grant said. “I’ve got the votes.”",
            "Asked about Morales, he added: “He can do what he wants.”",
        ],
    )
    assert [speaker for _, speaker in direct] == ["Paul Grant"] * 3


@pytest.mark.slow
def test_quotes_judgement_and_characterizing_verbs_apply_their_quoted_words(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(
        nlp,
        [
            "Sen. Ana Ortiz derided the plan as “a socialist fantasy.”",
            "Gov. Ben Hale has referred to the inquiry as a “witch hunt.”",
        ],
    )
    assert direct == [("a socialist fantasy.", "Ana Ortiz"), ("witch hunt.", "Ben Hale")]


@pytest.mark.slow
def test_quotes_a_subordinate_clause_does_not_take_the_main_clause_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    # The quote is what Ruiz told him; Bell's fuming is the background "while" sets.
    direct = _direct(
        nlp,
        [
            "While Kim Bell has fumed about the ethics questions around agency head Dan Cole, "
            "Tom Ruiz was more supportive of Cole, telling him “we have your back.”"
        ],
    )
    assert direct == [("we have your back.", "Tom Ruiz")]


@pytest.mark.slow
def test_quotes_a_surname_named_alone_is_the_person_however_tagged(nlp) -> None:  # type: ignore[no-untyped-def]
    # "President Trump" gives a one-word name; its later bare use, tagged an adjective, is him.
    direct = _direct(
        nlp,
        [
            "President Trump and Vice President Biden spoke on election night.",
            "“Every vote must be counted,” Biden said in a speech in Wilmington. Trump, "
            "meanwhile, claimed victory. “We won this election,” he said at the White House.",
        ],
    )
    assert [speaker for _, speaker in direct] == ["Biden", "Trump"]


@pytest.mark.slow
def test_quotes_a_clause_describing_a_person_before_a_colon_introduces_their_words(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(
        nlp,
        [
            "Sen. Rosa Vance of Iowa, the party’s whip, was more cautious: “We will see where "
            "the votes are.”",
            "Gov. Alan Pratt had a message for lawmakers on Tuesday: “Get out of the way.”",
            "The singer apologizes to her family in the last scene: “I pushed you all away.”",
        ],
    )
    assert direct == [
        ("We will see where the votes are.", "Rosa Vance"),
        ("Get out of the way.", "Alan Pratt"),
    ]


@pytest.mark.slow
def test_quotes_a_bare_speech_verb_speaks_the_quote_that_opens_next(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Scalise disagreed." names who speaks the quote paragraph after it; a quote with its own
    # "she said" keeps that speaker.
    direct = _direct(
        nlp,
        [
            "Sen. Amy Larsen said the bill would help farmers.",
            "Rep. Steve Dorsey disagreed.",
            "“This bill is a giveaway to special interests.”",
            "Rep. Tom Hale objected. “It is long overdue,” Sen. Mary Cole said.",
        ],
    )
    assert direct == [
        ("This bill is a giveaway to special interests.", "Steve Dorsey"),
        ("It is long overdue", "Mary Cole"),
    ]


@pytest.mark.slow
def test_quotes_who_spoke_speaks_the_quote_paragraph_after(nlp) -> None:  # type: ignore[no-untyped-def]
    # "spoke" with no topic of its own is a speech whose words the next paragraph quotes;
    # "talked about the budget" reports its topic only.
    direct = _direct(
        nlp,
        [
            "Representative Lois Kent spoke for ten minutes on the House floor.",
            "“This bill is a betrayal of every farmer in my district.”",
            "Voters talked about the budget for hours. “Nobody reads it,” said Ann Cole.",
        ],
    )
    assert direct == [
        ("This bill is a betrayal of every farmer in my district.", "Lois Kent"),
        ("Nobody reads it", "Ann Cole"),
    ]


@pytest.mark.slow
def test_quotes_a_title_given_to_someone_else_is_another_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # The senator reports; "the president" who said it is not the senator.
    direct = _direct(
        nlp,
        [
            "According to Sen. Dana Ruhl, D-Ill., the president said he wanted more workers "
            "from Norway and called the other countries “hopeless places.”"
        ],
    )
    assert direct == [("hopeless places.", "the president")]


@pytest.mark.slow
def test_quotes_a_name_before_a_relative_clause_speaks_a_parse_broke_away(nlp) -> None:  # type: ignore[no-untyped-def]
    # "co-sponsored", split in three, breaks the parse: the name still speaks for "said".
    direct = _direct(
        nlp,
        [
            "Sen. Joan Mills of Maine voted for it.",
            "“This is a solution in search of a problem,” Sen. Carl Dent told reporters. "
            "“Nobody is coming for your birth control.”",
            "Mills, who co-sponsored a narrower Republican alternative, said she voted for the "
            "Democratic bill because “it is important to send a message.”",
        ],
    )
    assert direct[-1] == ("it is important to send a message.", "Joan Mills")


@pytest.mark.slow
def test_quotes_a_name_past_a_paragraph_break_is_not_in_the_pronouns_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parse hangs the next paragraph's "Dorn said" inside "he said": Dorn, named there, is
    # still who "he" is.
    direct = _direct(
        nlp,
        [
            "President Joe Biden on Thursday defended the withdrawal.",
            "“I take responsibility for the decision,” Biden said in remarks at the White House.",
            "Rep. Michael Dorn of Texas, the top Republican on the House Foreign Affairs "
            "Committee, was unconvinced. In an interview with Fox News, he said the withdrawal "
            "was “a disaster of epic proportions.”",
            "“The president owns this,” Dorn said. “He can’t blame anyone else.”",
        ],
    )
    assert direct[1] == ("a disaster of epic proportions.", "Michael Dorn")


@pytest.mark.slow
def test_quotes_someones_spokesman_named_beside_speaks_not_the_top_official(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Blane's spokesman, Ned Pryce," is Pryce: neither Blane nor the president the page names
    # most.
    direct = _direct(
        nlp,
        [
            "President Joe Biden on Thursday defended the withdrawal. Biden said the plan "
            "worked, and Biden said he had no regrets.",
            "“We inherited a deadline,” Secretary of State Antony Blane told reporters.",
            "Blane’s spokesman, Ned Pryce, said the secretary would “answer every question” "
            "from lawmakers.",
        ],
    )
    assert direct[-1] == ("answer every question", "Ned Pryce")


@pytest.mark.slow
def test_quotes_who_answers_is_who_was_asked(nlp) -> None:  # type: ignore[no-untyped-def]
    # "asked Newsom" with only a listener reports the question beside it; "he replied" is the
    # one asked, though the asker is the nearer speaker.
    direct = _direct(
        nlp,
        [
            "“Are you going to run?” a reporter asked Newsom. “No,” he replied. “I’m fully "
            "committed to this job.”"
        ],
    )
    assert direct == [
        ("Are you going to run?", "a reporter"),
        ("No", "Newsom"),
        ("I’m fully committed to this job.", "Newsom"),
    ]


@pytest.mark.slow
def test_quotes_a_verb_acting_on_a_document_does_not_speak_its_sentences_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    # Blocking or taking up a bill puts out no words; releasing a statement does.
    direct = _direct(
        nlp,
        [
            "Senate Republicans blocked the bill, which Sen. Ana Ruiz called “a betrayal of "
            "working families.”",
            "Sen. Carl Hart said the chamber would take up the bill “as soon as it’s ready.”",
            "The county sheriff’s office released a statement on Monday: “The suspect is in "
            "custody.”",
        ],
    )
    speakers = [speaker for _, speaker in direct]
    assert speakers == ["Ana Ruiz", "Carl Hart", "The county sheriff’s office"]


@pytest.mark.slow
def test_quotes_of_two_reports_holding_a_quote_the_closest_governor_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    # Releasing the report puts out words, but the quote hangs on "called", under it.
    direct = _direct(
        nlp,
        [
            "House Democrats released a report on Tuesday, which Sen. Ana Ruiz called “a "
            "historic step.”"
        ],
    )
    assert direct == [("a historic step.", "Ana Ruiz")]


@pytest.mark.slow
def test_quotes_a_name_apposed_to_a_name_after_for_is_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    # "a lawyer for Trump, Rudy Giuliani" is Giuliani; a party and state after a name is not.
    direct = _direct(
        nlp,
        [
            "“This was a setup from the start,” said a lawyer for Trump, Rudy Giuliani.",
            "A spokesperson for Rep. Alexandria Ocasio-Cortez, D-N.Y., said the congresswoman "
            "“will not be intimidated.”",
        ],
    )
    assert [speaker for _, speaker in direct] == [
        "Rudy Giuliani",
        "A spokesperson for Rep. Alexandria Ocasio-Cortez",
    ]


def test_quote_marks_read_tex_and_treebank_pairs() -> None:
    body = "``We have to do better,'' Obama said. He added: ``Vote.''"
    texts = [body[q.start : q.end] for q in find_quote_marks(body)]
    assert texts == ["We have to do better", "Vote."]


@pytest.mark.slow
def test_quotes_a_treebank_quote_is_direct_and_spoken(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(
        nlp,
        [
            "``We have to do better than this,'' Barack Obama said at the rally.",
            "Sen. Ana Ruiz told reporters: ``The bill is dead.''",
        ],
    )
    assert direct == [
        ("We have to do better than this", "Barack Obama"),
        ("The bill is dead.", "Ana Ruiz"),
    ]


@pytest.mark.slow
def test_quotes_who_was_asked_in_a_bare_participle_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Asked about X, she said": the participle's subject is the one asked, and no one the
    # clause names is "she".
    pages = [
        "Kellyanne Conway defended the decision on Sunday. Asked about the president's tweets, "
        "she said, “He speaks for himself.”",
        "Kellyanne Conway defended the decision on Sunday. Asked whether the president "
        "regretted it, she said, “Absolutely not.”",
    ]
    speakers = [speaker for page in pages for _, speaker in _direct(nlp, [page])]
    assert speakers == ["Kellyanne Conway", "Kellyanne Conway"]


@pytest.mark.slow
def test_quotes_a_participle_between_commas_leaves_the_subject_to_the_verb_after(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Whitfield, asked whether …, said": a comma never parts a subject from its own verb, so
    # "asked" (read as a past tense) is who was asked, and Whitfield says the quote.
    direct = _direct(
        nlp,
        [
            "Whitfield, asked whether she would run again, said: “We’ll see.”",
            "The governor, pressed on the budget, replied, “Ask me next week.”",
        ],
    )
    assert direct == [("We’ll see.", "Whitfield"), ("Ask me next week.", "The governor")]


@pytest.mark.slow
def test_quotes_a_party_beside_a_description_is_no_name(nlp) -> None:  # type: ignore[no-untyped-def]
    # "a Democrat" is what the lawmaker is, not who: the description speaks.
    direct = _direct(
        nlp, ["The lawmaker, a Democrat from Oregon, said the measure was “a dead letter.”"]
    )
    assert direct == [("a dead letter.", "The lawmaker")]


@pytest.mark.slow
def test_quotes_a_title_in_the_speakers_words_is_neither_name_nor_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    # A show the senator watched is no name of hers; a nickname inside the subject is not
    # what the subject says.
    article, doc = _analysed(
        nlp,
        [
            "The senator, who has binge-watched “House of Cards” twice, said the show was "
            "too tame.",
            "The “Gang of Six” — six senators of both parties — criticized the plan.",
        ],
    )
    quotes = find_quotes(article, doc)
    assert [(q.text, q.speaker) for q in quotes if not q.direct] == [
        ("the show was too tame", "The senator"),
        ("the plan", "The “Gang of Six” — six senators of both parties"),
    ]
    assert [q.text for q in quotes if q.direct] == []


@pytest.mark.slow
def test_quotes_words_inside_a_direct_quote_are_not_also_indirect_speech(nlp) -> None:  # type: ignore[no-untyped-def]
    # The trailing "she said" reports the quote of two sentences, not its last sentence again.
    article, doc = _analysed(
        nlp,
        [
            "Senator Rita Vance said the agency had stalled. “They never answered. They never "
            "even wrote back,” she said."
        ],
    )
    assert [(q.text, q.direct) for q in find_quotes(article, doc)] == [
        ("the agency had stalled", False),
        ("They never answered. They never even wrote back", True),
    ]


@pytest.mark.slow
def test_quotes_a_party_member_description_is_the_person_the_narration_follows(nlp) -> None:  # type: ignore[no-untyped-def]
    # "the New York Democrat" is the senator just named, as "the senator" would be.
    pages = [
        "Senator Chuck Schumer of New York attacked the plan on Monday. “This bill is a "
        "giveaway to the rich,” said the New York Democrat.",
        "House Speaker Nancy Pelosi met President Donald Trump on Tuesday. “He is not well,” "
        "the California Democrat told reporters.",
    ]
    speakers = [speaker for page in pages for _, speaker in _direct(nlp, [page])]
    assert speakers == ["Chuck Schumer", "Nancy Pelosi"]


@pytest.mark.slow
def test_quotes_a_text_on_a_page_reads_its_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(
        nlp,
        [
            "“The start-up was launched to improve the quality of the air,” the description on "
            "the website reads."
        ],
    )
    assert direct == [
        (
            "The start-up was launched to improve the quality of the air",
            "the description on the website",
        )
    ]


@pytest.mark.slow
def test_quotes_they_after_a_coordination_is_all_of_them(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(
        nlp,
        [
            "Senators Elizabeth Warren and Bernie Sanders appeared together at the rally. “We "
            "are in this together,” they said."
        ],
    )
    assert direct == [
        ("We are in this together", "Senators Elizabeth Warren and Bernie Sanders"),
    ]


@pytest.mark.slow
def test_quotes_a_speaker_on_no_list_of_people_keeps_the_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    # "the billionaire" says the quote aloud, so it is someone, though the parse counts the
    # opening mark in what "said" reports; a description on no list is not resolved.
    direct = _direct(
        nlp,
        [
            "Tom Steyer entered the race on Sunday. “I am running to defeat Donald Trump,” the "
            "billionaire said in a statement."
        ],
    )
    assert direct == [("I am running to defeat Donald Trump", "the billionaire")]


@pytest.mark.slow
def test_quotes_a_title_with_of_or_taken_for_a_name_is_the_person_followed(nlp) -> None:  # type: ignore[no-untyped-def]
    # "the former secretary of state": "of" and a bare word belong to the title; "the former
    # first lady": a lower-case word the tagger took for a name is a common noun.
    pages = [
        "Hillary Clinton campaigned in Ohio on Monday. “We are going to win,” said the former "
        "secretary of state.",
        "Michelle Obama spoke at the convention. “When they go low, we go high,” the former "
        "first lady said.",
    ]
    speakers = [speaker for page in pages for _, speaker in _direct(nlp, [page])]
    assert speakers == ["Hillary Clinton", "Michelle Obama"]


@pytest.mark.slow
def test_quotes_words_that_only_modify_a_reported_verb_are_the_reporters(nlp) -> None:  # type: ignore[no-untyped-def]
    # "respond “in due course”": the quoted phrase is how the leader would respond, in the
    # spokesman's words, not what the leader says.
    direct = _direct(
        nlp,
        [
            "Senate Majority Leader Mitch McConnell spoke on Tuesday.",
            "McConnell's spokesman, David Popp, said the leader would respond “in due course.”",
        ],
    )
    assert direct == [("in due course.", "David Popp")]


@pytest.mark.slow
def test_quotes_a_party_named_in_the_plural_is_a_group_its_member_is_one_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Republicans" (NNPS) stay a group; "the Maine Republican" is the senator just named.
    direct = _direct(
        nlp,
        [
            "Republicans have largely backed McConnell. But Sen. Susan Collins of Maine said she "
            "was open to hearing from Bolton.",
            "“I need to hear the evidence,” the Maine Republican said.",
        ],
    )
    assert direct == [("I need to hear the evidence", "Susan Collins")]


@pytest.mark.slow
def test_quotes_descriptions_with_two_places_are_two_people(nlp) -> None:  # type: ignore[no-untyped-def]
    # "the Kentucky Republican" (McConnell, unresolved as an object) does not make "the Maine
    # Republican" the same unnamed person.
    direct = _direct(
        nlp,
        [
            "Nancy Pelosi accused the Kentucky Republican of orchestrating a cover-up.",
            "Sen. Susan Collins of Maine said she was open to hearing from Bolton.",
            "“I need to hear the evidence,” the Maine Republican said.",
        ],
    )
    assert direct == [("I need to hear the evidence", "Susan Collins")]


@pytest.mark.slow
def test_quotes_another_noun_for_a_titled_office_is_its_holder(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Rep." is taken up by "the congresswoman" as by "the representative"; a gendered noun
    # only by a person of that gender.
    pages = [
        "Democratic Rep. Alexandria Ocasio-Cortez criticized the plan. Her office said the "
        "congresswoman would fight it. “This is not what we were sent here to do,” she tweeted.",
        "Democratic Rep. Adam Schiff criticized the plan. His office said the congresswoman "
        "would fight it. “This is not what we were sent here to do,” she tweeted.",
    ]
    speakers = [speaker for page in pages for _, speaker in _direct(nlp, [page])]
    assert speakers[0] == "Alexandria Ocasio-Cortez"
    assert speakers[1] != "Adam Schiff"


@pytest.mark.slow
def test_quotes_she_after_a_spokeswoman_is_the_spokeswoman(nlp) -> None:  # type: ignore[no-untyped-def]
    # "spokeswoman" is both a person and an institution's voice: as a person it is "she".
    direct = _direct(
        nlp,
        [
            "A spokeswoman for Sen. John Smith said the senator would vote no. “He has been "
            "clear,” she said."
        ],
    )
    assert direct == [("He has been clear", "A spokeswoman for Sen. John Smith")]


@pytest.mark.slow
def test_quotes_a_reported_speaker_says_the_quote_opening_after_his_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parse hangs the quote on the office's trailing "said"; the words right after
    # "Devlin said," are Devlin's, reported by the aide and then by the office.
    direct = _direct(
        nlp,
        [
            "Mark Devlin called the mayor's office in May.",
            "The aide who took the call recalled that Devlin said, “I will burn the whole place "
            "down,” the sheriff's office said.",
        ],
    )
    assert direct == [("I will burn the whole place down", "Mark Devlin")]


@pytest.mark.slow
def test_quotes_a_phrasal_cue_speaks_and_its_verb_alone_does_not(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(
        nlp,
        [
            "“That claim is simply false,” Governor Dana Price fired back on Twitter.",
            "The mayor fired the police chief on Monday.",
        ],
    )
    assert direct == [("That claim is simply false", "Dana Price")]


@pytest.mark.slow
def test_quotes_a_cue_the_tagger_read_as_a_noun_speaks_with_its_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    # The tagger reads "states" as a plural noun; a noun has no subject, so it is the verb.
    # "made it a point to …" gives a noun the subject of its small clause, and a determiner.
    article, doc = _analysed(
        nlp,
        [
            "The letter, signed by 40 senators, states, “We urge you to reconsider this decision.”",
            "But we made it a point to start meeting every family in the county, not just "
            "the donors.",
        ],
    )
    quotes = [(q.text, q.speaker, q.direct) for q in find_quotes(article, doc)]
    assert quotes == [("We urge you to reconsider this decision.", "The letter", True)]


@pytest.mark.slow
def test_quotes_a_name_a_naming_verb_gives_is_no_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    # A nickname is capitalised as a name; a judgement applied by the same verb is quoted.
    direct = _direct(
        nlp,
        [
            "At the rally, the governor again called his rival “Shifty” and described the new "
            "tax plan as “reckless.”"
        ],
    )
    assert direct == [("reckless.", "the governor")]


@pytest.mark.slow
def test_quotes_a_title_cue_before_lower_case_words_is_a_judgement(nlp) -> None:  # type: ignore[no-untyped-def]
    # "the book" before a title ("the book “Fire and Ice”") but before a judgement of it.
    direct = _direct(
        nlp,
        ["Press secretary Dana Whitfield called the book “a work of fiction” on Monday."],
    )
    assert direct == [("a work of fiction", "Dana Whitfield")]


@pytest.mark.slow
def test_quotes_a_title_between_two_quotes_does_not_break_the_run(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(
        nlp,
        [
            "“I will not vote for this bill,” the senator said on “Face the Nation.” “Not now, "
            "not ever.”"
        ],
    )
    assert direct == [
        ("I will not vote for this bill", "the senator"),
        ("Not now, not ever.", "the senator"),
    ]


@pytest.mark.slow
def test_quotes_quoted_as_saying_after_the_quote_speaks_it(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(
        nlp,
        ["“I never took a dime from them,” the mayor was quoted as saying by a local paper."],
    )
    assert direct == [("I never took a dime from them", "the mayor")]


@pytest.mark.slow
def test_quotes_a_crowd_asked_is_a_listener(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(
        nlp, ["“Are you ready to win?” the governor asked the crowd. “Then let us go out and win!”"]
    )
    assert direct == [
        ("Are you ready to win?", "the governor"),
        ("Then let us go out and win!", "the governor"),
    ]


@pytest.mark.slow
def test_quotes_the_words_of_someone_before_a_colon_are_theirs(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(
        nlp,
        [
            "Governor Dana Price’s reply was short: “Absolutely not, and never again.”",
            "Sen. Ray Holm spoke after the vote. His message was clear: “We have to do better "
            "than this.”",
            "The room was quiet: “Nobody wanted to speak first.”",
        ],
    )
    assert direct == [
        ("Absolutely not, and never again.", "Dana Price"),
        ("We have to do better than this.", "Ray Holm"),
    ]


@pytest.mark.slow
def test_quotes_a_speaker_name_leaves_out_the_quotes_punctuation(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parse hangs the closing comma and mark on the speaker named with an age.
    direct = _direct(nlp, ["“I feel great,” Trump, 74, said on Saturday."])
    assert direct == [("I feel great", "Trump")]


@pytest.mark.slow
def test_quotes_a_speaker_name_leaves_out_an_aside_the_parse_cut_open(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parse hangs the closing bracket on the verb: the party and state are no part of it.
    direct = _direct(
        nlp, ["A spokesman for Sen. Mark Dillon (R-Iowa) said, “The senator will vote no.”"]
    )
    assert direct == [("The senator will vote no.", "A spokesman for Sen. Mark Dillon")]


@pytest.mark.slow
def test_quotes_in_someones_words_is_an_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    direct = _direct(
        nlp,
        [
            "Governor Paul Reyes signed the bill on Friday. In his words, the law is “a promise "
            "kept to every family.”",
            "In the words of one aide, the meeting was “a complete mess from start to finish.”",
        ],
    )
    assert direct == [
        ("a promise kept to every family.", "Paul Reyes"),
        ("a complete mess from start to finish.", "one aide"),
    ]

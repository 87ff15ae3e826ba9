"""Reference: pronouns and role descriptions resolved once, by role, gender and number."""

from __future__ import annotations

import pytest

from sitrep.annotate import annotate
from sitrep.extract import extract
from sitrep.records import Article, InputKind, SourceType


def _extracted(nlp, paragraphs: list[str]) -> Article:  # type: ignore[no-untyped-def]
    article = Article("test", "hash", InputKind.TEXT, paragraphs, outlet="Test Outlet")
    doc = nlp(article.body)
    return extract(annotate(article, doc), doc)


def _speaker(article: Article, fragment: str) -> str | None:
    return next(q.speaker for q in article.quotes if fragment in q.text)


@pytest.mark.slow
def test_reference_she_skips_a_man_for_the_woman(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _extracted(
        nlp,
        [
            "Governor Mary Collins met Senator John Walker on Tuesday.",
            "She said the budget would pass.",
        ],
    )
    she = next(r for r in article.references if r.text == "She")
    assert she.name == "Mary Collins"
    assert article.body[she.antecedent_start : she.antecedent_end].endswith("Mary Collins")
    assert article.body[she.start : she.end] == "She"


@pytest.mark.slow
def test_reference_subject_before_object(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _extracted(
        nlp, ["Tom Baker thanked Peter Hall for the loan.", "“The talks went well,” he said."]
    )
    assert _speaker(article, "talks went well") == "Tom Baker"


@pytest.mark.slow
def test_reference_names_inside_a_quote_are_not_antecedents(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _extracted(
        nlp,
        [
            "President Maria Lopez spoke to reporters on Monday about the rebels.",
            "“Carlos Ruiz is secondary, to me, to the rebels,” she said.",
            "“Ruiz will go,” she added.",
        ],
    )
    assert _speaker(article, "Carlos Ruiz is secondary") == "Maria Lopez"
    assert _speaker(article, "Ruiz will go") == "Maria Lopez"


@pytest.mark.slow
def test_reference_main_clause_subject_before_embedded_one(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _extracted(
        nlp,
        [
            "Detective Paul Grant said the suspect fled north after the robbery.",
            "“We will find him,” he said.",
        ],
    )
    assert _speaker(article, "We will find him") == "Paul Grant"


@pytest.mark.slow
def test_reference_role_description_stands_for_the_person_named_with_it(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _extracted(
        nlp,
        [
            "Defence Minister Alan Reed visited the base on Friday.",
            "The minister said, “Our troops are ready for anything.”",
        ],
    )
    assert _speaker(article, "troops are ready") == "Alan Reed"


@pytest.mark.slow
def test_reference_it_is_a_body_not_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _extracted(
        nlp, ["The ministry answered Ahmed Saleh on Monday.", "It said the border would reopen."]
    )
    it = next(r for r in article.references if r.text == "It")
    assert it.name.lower().endswith("ministry")


@pytest.mark.slow
def test_reference_her_daughter_is_the_daughter_the_page_named(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _extracted(
        nlp,
        [
            "Anna Kowal vanished in 1968. Kowal's daughter, Maria Jansen, was twelve.",
            "“She would never have just left me,” her daughter said.",
        ],
    )
    assert _speaker(article, "never have just left") == "Maria Jansen"


@pytest.mark.slow
def test_reference_the_actor_who_speaks_is_the_person_the_story_is_about(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _extracted(
        nlp,
        [
            "James Moore was voted off the show on Monday.",
            "“We lost the baby,” Moore said. “It makes you more human,” said the actor.",
        ],
    )
    assert _speaker(article, "more human") == "James Moore"


@pytest.mark.slow
def test_reference_the_man_introduced_before_is_not_the_named_person(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _extracted(
        nlp,
        [
            "James Moore said a man attacked his car on Monday.",
            "“I did nothing wrong,” the man said.",
        ],
    )
    assert _speaker(article, "nothing wrong") == "the man"


@pytest.mark.slow
def test_reference_a_paragraph_break_ends_a_sentence_the_parse_ran_on(nlp) -> None:  # type: ignore[no-untyped-def]
    # The first paragraph has no full stop, so the parser runs it into the next one.
    article = _extracted(
        nlp,
        [
            "Ann Buckley had agreed to play the part and Harper knew she was perfect",
            "As it turned out, Mary Lund had spent years on her own dream. "
            "“It was terrifying,” she said.",
        ],
    )
    assert _speaker(article, "terrifying") == "Mary Lund"


@pytest.mark.slow
def test_reference_a_description_named_later_is_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _extracted(
        nlp,
        [
            "Norway's culture minister said on Monday that the old mill will become a museum.",
            "“It belongs to everyone,” Culture Minister Erik Dahl said in a statement.",
        ],
    )
    claim = next(c for c in article.claims if "mill" in c.text)
    assert claim.source.type is SourceType.NAMED_PERSON
    assert claim.source.name == "Erik Dahl"


@pytest.mark.slow
def test_reference_an_anonymous_description_is_not_the_named_holder_of_the_role(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _extracted(
        nlp,
        [
            "Senior official Erik Dahl opened the talks on Monday.",
            "The talks stalled, a senior official who asked not to be named said.",
        ],
    )
    claim = next(c for c in article.claims if "stalled" in c.text)
    assert claim.source.type is SourceType.ANONYMOUS


@pytest.mark.slow
def test_reference_the_actor_once_resolved_stays_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _extracted(
        nlp,
        [
            "James Holt spoke about the new series on Monday.",
            "“It changed my life,” said the actor.",
            "The actor shared a clip of the first episode.",
            "“We never take it for granted,” the “Night Shift” actor said.",
        ],
    )
    assert _speaker(article, "take it for granted") == "James Holt"


@pytest.mark.slow
def test_reference_they_is_a_coordination_not_the_object_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _extracted(
        nlp,
        [
            "Gov. Eric Holt and leaders of the Legislature have avoided criticism of teachers.",
            "However, they said they don't expect to raise school funding until 2021.",
        ],
    )
    claim = next(c for c in article.claims if "funding" in c.text)
    assert claim.source.name == "Gov. Eric Holt and leaders of the Legislature"


@pytest.mark.slow
def test_reference_a_collective_noun_is_never_he(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _extracted(
        nlp,
        [
            "A memo to staff outlined the cuts on Friday.",
            "He said the company needs a leaner organisation to grow.",
        ],
    )
    he = [r for r in article.references if r.text == "He"]
    assert he == []
    claim = next(c for c in article.claims if "leaner" in c.text)
    assert claim.source.type is not SourceType.ANONYMOUS


@pytest.mark.slow
def test_reference_a_surname_the_tagger_missed_is_the_person_named_in_full(nlp) -> None:  # type: ignore[no-untyped-def]
    """A surname alone at a sentence start, left untagged, still names the person: "he" in
    its clause is that person, not the listener."""
    article = _extracted(
        nlp,
        [
            "Donald Trump has begun gradually freezing out his top aide. "
            "Trump recently told one adviser that he was tired of the talks."
        ],
    )
    he = next(r for r in article.references if r.text == "he")
    assert he.name == "Donald Trump"


@pytest.mark.slow
def test_reference_the_speaker_of_a_quote_is_not_the_person_it_names(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "“Assad is secondary, to me, to ISIS,” he said": he is not Assad, though Assad was
    the last person named."""
    article = _extracted(
        nlp,
        [
            "Donald Trump spoke to reporters. Bashar al-Assad remains in Damascus. "
            "“Assad is secondary, to me, to ISIS,” he said."
        ],
    )
    assert _speaker(article, "secondary") == "Donald Trump"


@pytest.mark.slow
def test_reference_an_apposition_is_the_named_person_and_a_kin_noun_gives_gender(nlp) -> None:  # type: ignore[no-untyped-def]
    # "a farmer" is Paul Mensah, not a second, genderless candidate for "she"; "His wife"
    # makes the name beside it a woman even where the tagger took it for an organisation.
    article = _extracted(
        nlp,
        [
            "“We are not going anywhere,” said Paul Mensah, a farmer. His wife, Ama, agreed. "
            "“This land is ours,” she said."
        ],
    )
    assert _speaker(article, "going anywhere") == "Paul Mensah"
    assert _speaker(article, "This land is ours") == "Ama"
    claim = next(c for c in article.claims if "This land" in c.text)
    assert claim.source.type is SourceType.NAMED_PERSON


@pytest.mark.slow
def test_reference_a_new_description_is_a_named_speaker_only_after_that_person_spoke(nlp) -> None:  # type: ignore[no-untyped-def]
    # The arrested man never spoke: "the officer" is someone new, not John Doe.
    arrested = _extracted(
        nlp,
        ["John Doe, 34, was arrested on Friday near the bridge. The officer said he was armed."],
    )
    assert _speaker(arrested, "he was armed") == "The officer"
    # The actress spoke just before: "said the actress" is the elegant variation for her.
    actress = _extracted(
        nlp,
        [
            "“I never wanted fame,” Meryl Stone said of her early years. "
            "“It found me anyway,” said the actress."
        ],
    )
    assert _speaker(actress, "It found me anyway") == "Meryl Stone"


@pytest.mark.slow
def test_reference_an_abbreviated_title_is_the_role_a_later_description_takes_up(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _extracted(
        nlp,
        [
            "Sen. Maria Lopez met Rep. Tom Ward on the bill on Tuesday. Ward left early. "
            "“This bill is a giveaway to the rich,” the senator said."
        ],
    )
    assert _speaker(article, "giveaway") == "Maria Lopez"


@pytest.mark.slow
def test_reference_who_spoke_to_a_body_is_not_its_official_speaking_next(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "Anna Kowalski told the court …. “…,” the judge said": the judge is the court's, not
    Kowalski; "said the actor" after an actor who spoke to reporters stays the actor."""
    article = _extracted(
        nlp,
        [
            "Anna Kowalski told the court on Monday that she had sold the car in May.",
            "“The sale itself is not in dispute,” the judge said.",
            "James Holt told reporters the series would return.",
            "“It changed my life,” said the actor.",
        ],
    )
    assert _speaker(article, "not in dispute") == "the judge"
    assert _speaker(article, "changed my life") == "James Holt"


@pytest.mark.slow
def test_reference_a_title_before_a_name_is_that_names_not_the_name_before(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "… to Brazilian leader Pedro Alves, State House chief of staff Tom Weller wasn't …":
    the parse hangs "chief" on Alves, but the title is Weller's, so "the chief of staff" is
    Weller."""
    article = _extracted(
        nlp,
        [
            "When Governor Maria Lopez placed a call to Brazilian leader Pedro Alves, State House "
            "chief of staff Tom Weller wasn't on the line.",
            "“We were not told,” the chief of staff said.",
        ],
    )
    assert _speaker(article, "not told") == "Tom Weller"


@pytest.mark.slow
def test_reference_it_said_after_a_document_spoke_is_the_document(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "…, the indictment said. It said …": a document that speaks is "it" the next time,
    not a company named in between."""
    article = _extracted(
        nlp,
        [
            "Chen and the employee's husband spoke often about investments, the indictment said. "
            "It said the woman stopped working for Acme Corp's planning department in 2015."
        ],
    )
    claim = next(c for c in article.claims if c.text.startswith("It said"))
    assert (claim.source.type, claim.source.name) == (
        SourceType.OFFICIAL_STATEMENT,
        "the indictment",
    )


@pytest.mark.slow
def test_reference_a_subject_pronoun_is_not_a_name_in_its_own_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Epstein's mansion" is the nearest mention, but "he … with Epstein" is someone else.
    article = _extracted(
        nlp,
        [
            "Prince Andrew claims that he visited Jeffrey Epstein to end the friendship.",
            "The visit meant three days at Epstein's mansion in New York.",
            "He was photographed having long chats with Epstein in Central Park.",
        ],
    )
    he = next(r for r in article.references if r.text == "He")
    assert he.name == "Prince Andrew"


@pytest.mark.slow
def test_reference_an_age_description_speaks_for_the_person_named(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _extracted(
        nlp,
        [
            "Daniel Morgan works as a house painter in a small town in Ohio.",
            "The 31-year-old said his attempts to get a salaried job had failed.",
        ],
    )
    [said] = [q for q in article.quotes if q.text.startswith("his attempts")]
    assert said.speaker == "Daniel Morgan"


@pytest.mark.slow
def test_reference_he_skips_a_woman_named_by_a_less_common_given_name(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _extracted(
        nlp,
        [
            "“I think spying did occur,” Attorney General William Barr said.",
            "Senator Jeanne Shaheen asked him to clarify. “I am not saying it was improper,” he"
            " replied.",
        ],
    )
    assert _speaker(article, "not saying") == "William Barr"


@pytest.mark.slow
def test_reference_a_word_before_a_name_that_is_also_a_given_name_says_no_gender(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _extracted(
        nlp,
        [
            "Reporters asked will Taylor Reyes run.",
            "“We are ready for the count,” she said.",
        ],
    )
    # "will" is also a man's given name, but only a title before a name gives its gender.
    assert _speaker(article, "ready for the count") == "Taylor Reyes"


@pytest.mark.slow
def test_reference_a_description_in_a_quote_does_not_rule_out_its_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    # The tagger may bind "The governor" to the only official named so far; a quote naming
    # someone by description only is no proof that the speaker is someone else.
    article = _extracted(
        nlp,
        [
            "State press secretary Dana Whitfield spoke to reporters on Monday.",
            "“The governor has been clear,” she said. “He wants a deal.”",
        ],
    )
    assert _speaker(article, "has been clear") == "Dana Whitfield"
    assert _speaker(article, "wants a deal") == "Dana Whitfield"


@pytest.mark.slow
def test_reference_the_other_party_of_a_phrase_before_the_subject_is_someone_else(nlp) -> None:  # type: ignore[no-untyped-def]
    # One writes a letter to, or talks with, someone else; "In his own letter" may be his.
    article = _extracted(
        nlp,
        [
            "Senate Majority Leader Tom Haskell pressed budget director Paul Reyes on the cuts.",
            "In a letter to Reyes, he wrote that the cuts were “reckless and cruel.”",
            "Reyes said on Tuesday that the cuts would stand. In a phone call with Reyes later "
            "that day, the senator said the plan was “dead on arrival.”",
        ],
    )
    assert _speaker(article, "reckless") == "Tom Haskell"
    # A Senate leader holds a seat: "the senator" may take him up.
    assert _speaker(article, "dead on arrival") == "Tom Haskell"


@pytest.mark.slow
def test_reference_a_description_of_the_subject_is_not_the_other_party(nlp) -> None:  # type: ignore[no-untyped-def]
    # "the senator" is the other senator here, whether the tagger bound it to Reyes, the page
    # last named him with the title, or he is the only senator named in full.
    article = _extracted(
        nlp,
        [
            "Senator Paul Reyes defended the cuts. Reyes said they would stand, and Senator Reyes"
            " repeated it. Tom Haskell disagreed.",
            "In a phone call with Reyes on Tuesday, the senator said the plan was “dead on "
            "arrival.”",
        ],
    )
    assert _speaker(article, "dead on arrival") == "Tom Haskell"


@pytest.mark.slow
def test_reference_a_description_is_not_who_reports_the_clause_it_is_in(nlp) -> None:  # type: ignore[no-untyped-def]
    # Rowe himself would be "he" in his own report: "the governor" is someone else.
    article = _extracted(
        nlp,
        [
            "Michael Rowe testified on Tuesday that the governor told him, “Take care of it, and "
            "do not tell anyone.”"
        ],
    )
    assert _speaker(article, "Take care of it") == "the governor"


@pytest.mark.slow
def test_reference_a_party_description_is_a_person_of_that_party(nlp) -> None:  # type: ignore[no-untyped-def]
    # The Republican was only debated, and the Democrat acted: the party decides.
    article = _extracted(
        nlp,
        [
            "Democrat Ann Keller debated Republican Rep. Tom Vance on Sunday.",
            "“She has never run a business,” the Republican said.",
            "President Paul Reyes attacked Dana Whitfield, the Democratic nominee, at a rally.",
            "“She will raise your taxes,” the Republican president said.",
        ],
    )
    assert _speaker(article, "never run a business") == "Tom Vance"
    assert _speaker(article, "raise your taxes") == "Paul Reyes"


@pytest.mark.slow
def test_reference_the_body_a_name_heads_is_taken_up_by_its_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    # "the committee" is the committee named before, never its chairman (a body, though
    # "committee" ends like "employee"); "the department of health" is another body.
    article = _extracted(
        nlp,
        [
            "Rep. Maria Lopez chairs the House Budget Committee.",
            "The committee said the estimate was “badly flawed.”",
            "The Labor Department sued the firm on Tuesday. The department of health said the "
            "risk was “very low.”",
        ],
    )
    assert _speaker(article, "badly flawed") == "House Budget Committee"
    assert _speaker(article, "very low") == "The department of health"


@pytest.mark.slow
def test_reference_a_surname_after_a_title_says_no_gender_of_a_given_name(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Warren" and "Graham" are men's given names, but after a title they are surnames: the
    # lone word does not open a name, so it says nothing of the person's gender.
    article = _extracted(
        nlp,
        [
            "Senator Warren toured a factory in Ohio on Monday.",
            "“Workers here have waited long enough,” she said.",
            "Ms. Graham, a union organizer, agreed. “They have,” she said.",
        ],
    )
    assert _speaker(article, "waited long enough") == "Warren"
    assert _speaker(article, "They have") == "Graham"


@pytest.mark.slow
def test_reference_a_pronoun_in_a_quote_is_not_its_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    # Who speaks a quote says "I": "he" inside it is the other man, whoever the narration
    # named first.
    article = _extracted(
        nlp,
        [
            "Governor Frank Dunn flew to Ohio on Friday.",
            "Dunn praised Senator Paul Grady at a rally in Toledo. “He never quits,” he said.",
        ],
    )
    inside, speaker = [r for r in article.references if r.text.lower() == "he"]
    assert (inside.name, speaker.name) == ("Paul Grady", "Frank Dunn")
    assert _speaker(article, "He never quits") == "Frank Dunn"


@pytest.mark.slow
def test_reference_speaker_pronoun_passes_over_the_owner_of_a_thing(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Brightway's music team": the owner of a thing the narration mentions is no one the
    # quote run follows; "he said" stays with the speaker before it.
    article = _extracted(
        nlp,
        [
            "Director Tom Walsh spent a year on the film. “We needed one big song,” Walsh "
            "said. “Nothing fit.” Brightway’s music team sent demos, but none worked.",
            "Then a demo arrived late one night. “It hit me at once,” he said.",
        ],
    )
    assert _speaker(article, "It hit me") == "Tom Walsh"


@pytest.mark.slow
def test_reference_speaker_pronoun_keeps_the_owner_of_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Maria Lopez's son": the owner of a person is who the story follows.
    article = _extracted(
        nlp,
        [
            "Mayor Carla Dent opened the old bridge in 2010.",
            "Maria Lopez’s son died on the old bridge in May. “He was my whole life,” she said.",
        ],
    )
    assert _speaker(article, "He was my whole life") == "Maria Lopez"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["Brandt", "Sterling"])
def test_reference_he_stands_for_a_lone_name_taken_for_a_body(nlp, name: str) -> None:  # type: ignore[no-untyped-def]
    # The tagger reads these lone surnames as organisations; with no person before it, "he"
    # is the subject just before, a surname, and a named person speaks.
    article = _extracted(
        nlp,
        [
            f"{name} has farmed the valley for 30 years, and the flood took half his herd.",
            "“We lost everything,” he said.",
        ],
    )
    assert _speaker(article, "We lost everything") == name
    [quote] = article.quotes
    assert quote.speaker_actor_id is not None


@pytest.mark.slow
def test_reference_he_stands_for_a_lone_name_the_tagger_named_no_one_by(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Royce" gets no entity: with no person before it, "he" is that subject.
    article = _extracted(nlp, ["Royce was asked about the bill.", "“I support it fully,” he said."])
    assert _speaker(article, "I support it fully") == "Royce"


@pytest.mark.slow
def test_reference_he_is_no_place_nor_a_body_named_in_full(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _extracted(
        nlp,
        [
            "Northwind Energy Corporation cut 400 jobs in the valley on Monday.",
            "“We lost everything,” he said.",
        ],
    )
    assert _speaker(article, "We lost everything") == "he"


@pytest.mark.slow
def test_reference_speaking_pronoun_keeps_the_owner_in_its_own_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    # The owner of a thing in the pronoun's own sentence is who it speaks of.
    article = _extracted(
        nlp,
        [
            "President Tom Reyes has not been seen for days. In one town people destroyed a "
            "statue of Reyes’s father Omar.",
            "The president’s whereabouts are unclear, although he’s believed to be in the "
            "capital or his hometown.",
        ],
    )
    he = next(r for r in article.references if r.text == "he")
    assert he.name == "Tom Reyes"

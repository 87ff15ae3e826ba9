"""The NLP core's tree rules on hand-built parses: no spaCy model, so they run in milliseconds.

Each parse is written out word by word (head index, dependency, part of speech, tag, lemma)
in spaCy's English scheme, so a test pins the rule, not what the model happens to output.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span, Token

from sitrep.doc_cache import lowercase_lemmas, token_deps, token_lowers, token_texts
from sitrep.extract.attribution import _speaker, _with_particle
from sitrep.extract.casualties import count_casualties
from sitrep.extract.dates import Tense, tense_of
from sitrep.extract.event_status import event_status
from sitrep.extract.reference import _definite, described_as_person
from sitrep.records import EventStatus

# word, head (index in the sentence), dependency, coarse part of speech, tag, lemma
Row = tuple[str, int, str, str, str, str]


# A blank English vocab gives the lexical attributes the rules read (lower_, like_num).
VOCAB = spacy.blank("en").vocab


def _parse(rows: list[Row]) -> Doc:
    words, heads, deps, pos, tags, lemmas = (list(column) for column in zip(*rows, strict=True))
    one_sentence: list[bool | int | None] = [True, *[False] * (len(words) - 1)]
    return Doc(
        VOCAB,
        words=words,
        spaces=[True] * (len(words) - 1) + [False],
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        sent_starts=one_sentence,
    )


def _sentence(doc: Doc) -> Span:
    return doc[0 : len(doc)]


# "Twelve civilians were killed in the strike ."
PASSIVE_KILLING: list[Row] = [
    ("Twelve", 1, "nummod", "NUM", "CD", "twelve"),
    ("civilians", 3, "nsubjpass", "NOUN", "NNS", "civilian"),
    ("were", 3, "auxpass", "AUX", "VBD", "be"),
    ("killed", 3, "ROOT", "VERB", "VBN", "kill"),
    ("in", 3, "prep", "ADP", "IN", "in"),
    ("the", 6, "det", "DET", "DT", "the"),
    ("strike", 4, "pobj", "NOUN", "NN", "strike"),
    (".", 3, "punct", "PUNCT", ".", "."),
]


def test_casualties_counts_the_passive_subject() -> None:
    doc = _parse(PASSIVE_KILLING)
    found = count_casualties(_sentence(doc))
    assert found is not None
    assert (found.killed, found.injured) == (12, None)
    assert found.evidence.text == "Twelve civilians were killed"


def test_casualties_give_nothing_for_a_vague_amount() -> None:
    vague = _parse(
        [
            ("Dozens", 2, "nsubjpass", "NOUN", "NNS", "dozen"),
            ("were", 2, "auxpass", "AUX", "VBD", "be"),
            ("killed", 2, "ROOT", "VERB", "VBN", "kill"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ]
    )
    assert count_casualties(_sentence(vague)) is None


# "Rebels did not attack the city ."
NEGATED_ATTACK: list[Row] = [
    ("Rebels", 3, "nsubj", "NOUN", "NNS", "rebel"),
    ("did", 3, "aux", "AUX", "VBD", "do"),
    ("not", 3, "neg", "PART", "RB", "not"),
    ("attack", 3, "ROOT", "VERB", "VB", "attack"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("city", 3, "dobj", "NOUN", "NN", "city"),
    (".", 3, "punct", "PUNCT", ".", "."),
]


def test_event_status_negation_on_the_trigger_denies_it() -> None:
    doc = _parse(NEGATED_ATTACK)
    assert event_status(doc[3]) == EventStatus.NEGATED


def test_event_status_a_plain_report_is_asserted() -> None:
    # "Rebels attack the city ."
    doc = _parse(
        [
            ("Rebels", 1, "nsubj", "NOUN", "NNS", "rebel"),
            ("attack", 1, "ROOT", "VERB", "VBP", "attack"),
            ("the", 3, "det", "DET", "DT", "the"),
            ("city", 1, "dobj", "NOUN", "NN", "city"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert event_status(doc[1]) == EventStatus.ASSERTED


def test_event_status_a_parse_with_a_head_cycle_ends() -> None:
    # Two words each other's head: no real parser output, but hostile data must not hang.
    cyclic = _parse(
        [
            ("troops", 1, "nsubj", "NOUN", "NNS", "troop"),
            ("attacked", 0, "dep", "VERB", "VBD", "attack"),
        ]
    )
    assert event_status(cyclic[1]) == EventStatus.ASSERTED


def test_tense_from_tag_and_auxiliaries() -> None:
    doc = _parse(NEGATED_ATTACK)
    assert tense_of(doc[3]) == Tense.PAST  # "did not attack": "did" marks the past
    future = _parse(
        [
            ("They", 2, "nsubj", "PRON", "PRP", "they"),
            ("will", 2, "aux", "AUX", "MD", "will"),
            ("attack", 2, "ROOT", "VERB", "VB", "attack"),
        ]
    )
    assert tense_of(future[2]) == Tense.FUTURE


# "The minister said talks would resume ."
SUBJECT_SPEAKER: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("minister", 2, "nsubj", "NOUN", "NN", "minister"),
    ("said", 2, "ROOT", "VERB", "VBD", "say"),
    ("talks", 5, "nsubj", "NOUN", "NNS", "talk"),
    ("would", 5, "aux", "AUX", "MD", "would"),
    ("resume", 2, "ccomp", "VERB", "VB", "resume"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


def test_speaker_is_the_subject_with_its_phrase() -> None:
    doc = _parse(SUBJECT_SPEAKER)
    speaker, phrase = _speaker(doc[2], _sentence(doc))
    assert speaker is not None and speaker.text == "minister"
    assert [t.text for t in phrase] == ["The", "minister"]


def test_speaker_of_a_passive_is_the_agent() -> None:
    # "The plan was described by an aide ."
    doc = _parse(
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("plan", 3, "nsubjpass", "NOUN", "NN", "plan"),
            ("was", 3, "auxpass", "AUX", "VBD", "be"),
            ("described", 3, "ROOT", "VERB", "VBN", "describe"),
            ("by", 3, "agent", "ADP", "IN", "by"),
            ("an", 6, "det", "DET", "DT", "an"),
            ("aide", 4, "pobj", "NOUN", "NN", "aide"),
            (".", 3, "punct", "PUNCT", ".", "."),
        ]
    )
    speaker, phrase = _speaker(doc[3], _sentence(doc))
    assert speaker is not None and speaker.text == "aide"
    assert [t.text for t in phrase] == ["an", "aide"]


def test_speaker_of_a_relative_clause_is_the_noun_it_describes() -> None:
    # "A refugee who said she fled ." -> "who" stands for "refugee"
    doc = _parse(
        [
            ("A", 1, "det", "DET", "DT", "a"),
            ("refugee", 1, "ROOT", "NOUN", "NN", "refugee"),
            ("who", 3, "nsubj", "PRON", "WP", "who"),
            ("said", 1, "relcl", "VERB", "VBD", "say"),
            ("she", 5, "nsubj", "PRON", "PRP", "she"),
            ("fled", 3, "ccomp", "VERB", "VBD", "flee"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    speaker, phrase = _speaker(doc[3], _sentence(doc))
    assert speaker is not None and speaker.text == "refugee"
    assert phrase == []


def test_speaker_is_not_a_subject_parsed_inside_the_quote() -> None:
    # "“ The end , ” Harper said ." with both nouns parsed as subjects of "said"
    doc = _parse(
        [
            ("“", 6, "punct", "PUNCT", "``", "“"),
            ("The", 2, "det", "DET", "DT", "the"),
            ("end", 6, "nsubj", "NOUN", "NN", "end"),
            (",", 6, "punct", "PUNCT", ",", ","),
            ("”", 6, "punct", "PUNCT", "''", "”"),
            ("Harper", 6, "nsubj", "PROPN", "NNP", "Harper"),
            ("said", 6, "ROOT", "VERB", "VBD", "say"),
            (".", 6, "punct", "PUNCT", ".", "."),
        ]
    )
    speaker, _ = _speaker(doc[6], _sentence(doc))
    assert speaker is not None and speaker.text == "Harper"


def test_speaker_is_not_the_dateline_parsed_as_subject() -> None:
    # "MURRAY , Wash. - Ricky Thomas jokes ." with the dateline as subject, the name its appos
    doc = _parse(
        [
            ("MURRAY", 6, "nsubj", "PROPN", "NNP", "MURRAY"),
            (",", 0, "punct", "PUNCT", ",", ","),
            ("Wash.", 0, "npadvmod", "PROPN", "NNP", "Wash."),
            ("-", 2, "punct", "PUNCT", "HYPH", "-"),
            ("Ricky", 5, "compound", "PROPN", "NNP", "Ricky"),
            ("Thomas", 0, "appos", "PROPN", "NNP", "Thomas"),
            ("jokes", 6, "ROOT", "VERB", "VBZ", "joke"),
            (".", 6, "punct", "PUNCT", ".", "."),
        ]
    )
    speaker, phrase = _speaker(doc[6], _sentence(doc))
    assert speaker is not None and speaker.text == "Thomas"
    assert [t.text for t in phrase] == ["Ricky", "Thomas"]


def test_speaker_of_a_bare_passive_is_unknown() -> None:
    # "Talks were said to resume ." names nobody.
    doc = _parse(
        [
            ("Talks", 2, "nsubjpass", "NOUN", "NNS", "talk"),
            ("were", 2, "auxpass", "AUX", "VBD", "be"),
            ("said", 2, "ROOT", "VERB", "VBN", "say"),
            ("to", 4, "aux", "PART", "TO", "to"),
            ("resume", 2, "xcomp", "VERB", "VB", "resume"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ]
    )
    assert _speaker(doc[2], _sentence(doc)) == (None, [])


# "Sachin Pilot , a former minister , said ." / "Pilot , the party , said ."
def _name_with_apposition(description: str, lemma: str) -> Doc:
    return _parse(
        [
            ("Sachin", 1, "compound", "PROPN", "NNP", "Sachin"),
            ("Pilot", 7, "nsubj", "PROPN", "NNP", "Pilot"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("a", 5, "det", "DET", "DT", "a"),
            ("former", 5, "amod", "ADJ", "JJ", "former"),
            (description, 1, "appos", "NOUN", "NN", lemma),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("said", 7, "ROOT", "VERB", "VBD", "say"),
            (".", 7, "punct", "PUNCT", ".", "."),
        ]
    )


def test_reference_a_name_described_as_a_person_is_a_person() -> None:
    assert described_as_person(_name_with_apposition("minister", "minister")[1])
    assert not described_as_person(_name_with_apposition("party", "party")[1])
    # "Abo Arab , a 28 - year - old , blames"
    aged = _parse(
        [
            ("Abo", 1, "compound", "PROPN", "NNP", "Abo"),
            ("Arab", 9, "nsubj", "PROPN", "NNP", "Arab"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("a", 7, "det", "DET", "DT", "a"),
            ("28", 6, "nummod", "NUM", "CD", "28"),
            ("-", 6, "punct", "PUNCT", "HYPH", "-"),
            ("year", 7, "npadvmod", "NOUN", "NN", "year"),
            ("old", 1, "appos", "ADJ", "JJ", "old"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("blames", 9, "ROOT", "VERB", "VBZ", "blame"),
        ]
    )
    assert described_as_person(aged[1])


def test_reference_a_possessive_pronoun_makes_a_description_definite() -> None:
    def head_of(determiner: str, dep: str, tag: str) -> Token:
        doc = _parse(
            [
                (determiner, 1, dep, "PRON" if dep == "poss" else "DET", tag, determiner),
                ("daughter", 2, "nsubj", "NOUN", "NN", "daughter"),
                ("said", 2, "ROOT", "VERB", "VBD", "say"),
            ]
        )
        return doc[1]

    assert _definite(head_of("her", "poss", "PRP$"))
    assert _definite(head_of("the", "det", "DT"))
    assert not _definite(head_of("a", "det", "DT"))


# "The minister hit back on Monday ." / "Officials said up to ten people died ."
HIT_BACK: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("minister", 2, "nsubj", "NOUN", "NN", "minister"),
    ("hit", 2, "ROOT", "VERB", "VBD", "hit"),
    ("back", 2, "prt", "ADP", "RP", "back"),
    ("on", 2, "prep", "ADP", "IN", "on"),
    ("Monday", 4, "pobj", "PROPN", "NNP", "Monday"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
UP_TO_TEN: list[Row] = [
    ("Officials", 1, "nsubj", "NOUN", "NNS", "official"),
    ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("up", 3, "advmod", "ADV", "RB", "up"),
    ("to", 4, "quantmod", "ADP", "IN", "to"),
    ("ten", 5, "nummod", "NUM", "CD", "ten"),
    ("people", 6, "nsubj", "NOUN", "NNS", "people"),
    ("died", 1, "ccomp", "VERB", "VBD", "die"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_a_particle_joins_the_verb_that_heads_it() -> None:
    assert _with_particle(_parse(HIT_BACK)[2]) == "hit back"


def test_a_word_after_the_verb_that_another_word_heads_is_no_particle() -> None:
    # "up" is an adverb of "to ten", not of "said": no "say up".
    assert _with_particle(_parse(UP_TO_TEN)[1]) == ""
    assert _with_particle(_parse(UP_TO_TEN)[7]) == ""  # the last word has none after it


def test_the_doc_lists_hold_each_tokens_own_words() -> None:
    doc = _parse(UP_TO_TEN)
    assert token_texts(doc) == [t.text for t in doc]
    assert token_lowers(doc) == [t.lower_ for t in doc]
    assert lowercase_lemmas(doc) == [t.lemma_.lower() for t in doc]
    assert token_deps(doc) == [t.dep_ for t in doc]
    assert token_texts(doc) is token_texts(doc)  # built once per Doc

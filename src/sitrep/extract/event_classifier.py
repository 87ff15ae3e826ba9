"""Which words of a sentence express a PLOVER event, and of what type and mode.

`EventClassifier` is the seam: anything that maps a sentence to labelled trigger words can
stand in for the lexicon (a fine-tuned model, or a model backed by the lexicon). Classifiers
are registered under versioned names (`CLASSIFIERS`, entry point group `sitrep.classifiers`);
`Settings.classifier` (`--classifier`) names the one the events stage uses.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection
from typing import Protocol

import numpy as np
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep import lexicon
from sitrep.doc_cache import lowercase_lemmas, token_deps
from sitrep.extract.event_acceptor import (
    Acceptor,
    DocumentSignals,
    acceptance_features,
    acceptor,
    event_density,
    party_density,
)
from sitrep.extract.event_features import candidate, features, meaning
from sitrep.extract.event_lexicon import (
    NO_EVENT,
    TriggerEntry,
    speech_verbs,
    triggers,
    word_classes,
)
from sitrep.extract.event_model import KEEP, MODEL_FILE, VECTORS_MODEL_FILE, event_models
from sitrep.extract.event_model import NONE as NONE_CLASS
from sitrep.extract.event_roles import first_conjunct, is_verbal, subject_candidates, subtree
from sitrep.extract.event_structure import TriggerLabel, restructure
from sitrep.extract.event_vectors import word_vectors
from sitrep.extract.news_page import NewsPageJudge, news_page_judge
from sitrep.records import PageJudgement
from sitrep.registry import Registry
from sitrep.settings import DEFAULT_CLASSIFIER

LEXICON_CLASSIFIER = "sitrep.events.lexicon.v1"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# "@actor" in a word class: a phrase naming a person, group, organisation or state.
ACTOR_CLASS = "@actor"
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
URL_CLASS = "@url"  # "@url" in a word class: a phrase holding a web address
ANY_OBJECT = "@any"  # "obj:@any": the word has an object, whatever it is
PARTICLE_DEPS = frozenset({"prt", "advmod"})
SCORE = "score"  # the condition score: a game's score in the word's clause ("beat him 6-2")
SCORE_DASHES = frozenset({"-", "\u2013"})
SCORE_WORD = re.compile(r"\d{1,3}[-\u2013]\d{1,3}")
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr"})
CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl"})
# An adjective complement of the word ("pleaded guilty"), or of its object, which the parser
# makes a clause ("found the men guilty": "guilty" is a ccomp).
COMPLEMENT_DEPS = frozenset({"acomp", "oprd", "ccomp"})
NEGATION_DEP = "neg"
INFINITIVE = "to"  # the condition clause:to, an infinitive clause the word governs
INFINITIVE_ON_NOUN_DEPS = frozenset({"relcl", "acl"})
PEOPLE_NOUNS = "reference/people_nouns.txt"  # nouns of persons by role
KEPT_FROM = "from"  # the condition clause:from, what a word keeps someone from doing
PREDICATE_DEP = "oprd"  # what an object is called or made ("called the move unjustified")
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
CLAUSE_ON_NOUN_DEPS = frozenset({"acl", "relcl"})
OWNER_DEPS = frozenset({"poss"})  # a possessor of a phrase: whose it is, not what it is
# Who makes what a noun names: "threats from Iran", "a threat by the rebels".
AGENT_PREPOSITIONS = frozenset({"by", "from"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PARTITIVE = "part_word"  # the word class of words of part ("part", "portion")
# What a verb is agreed, offered or said about: with none of these it stands bare ("Smith
# agrees.").
CONTENT_DEPS = OBJECT_DEPS | CLAUSE_DEPS | {"dobj", "dative", "prep", "agent", "pcomp"}
# A verb used as an adjective ("Iran-backed groups") reports no event.
ADJECTIVAL_DEPS = frozenset({"amod", "compound"})
# ...except a participle of harm done, which reports the attack ("a kidnapped girl", "wounded
# soldiers"); other participles describe ("Iran-backed groups", "a convicted felon").
REPORTING_PARTICIPLE_TYPES = frozenset({"ASSAULT"})
UNCONDITIONED_SCORE = 0.6
REQUEST = "REQUEST"
ACCUSE = "ACCUSE"
DISAPPROVE = "disapprove"  # the PLOVER mode of ACCUSE for criticism
THREATEN = "THREATEN"
# Acts of harm that, told as what the speaker's side will do if another acts, are threats.
HARM_TYPES = frozenset({"ASSAULT", "SANCTION", "COERCE"})
FUTURE_MODALS = frozenset({"will", "would"})
CONDITION_MARKS = frozenset({"if", "unless"})
COMMENTATOR = "commentator"  # the word class of forecasters and experts (word_classes.tsv)
FORCES = "force"  # the word class of troops and armed forces (word_classes.tsv)
FIRST_PERSON = frozenset({"i", "we"})
SINGULAR_PERSON = frozenset({"he", "she"})
PLURAL_PERSON = "they"
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
STATE_LABELS = frozenset({"GPE", "NORP", "ORG"})
CONDEMNATION = "condemnation"  # the word class of words of censure (word_classes.tsv)
CONTENTION = "contention"  # the word class of claims and allegations (word_classes.tsv)
EXPLETIVE_DEP = "expl"  # "there" in "there should be ..."
SUBJECT_OR_EXPLETIVE_DEPS = SUBJECT_DEPS | {EXPLETIVE_DEP}
# The dependents of a reported clause's verb that say what something is or is like ("is
# nuts", "was an abuse").
PREDICATE_DEPS = frozenset({"acomp", "attr"})
PREDICATE_OR_SUBJECT_DEPS = PREDICATE_DEPS | SUBJECT_DEPS
ADDRESSEE = "addressee"  # the word class of parties one asks something of
# A modal whose clause has happened ("must have known") states a belief, not a demand.
PERFECT = "have"
CONDITIONED_SCORE = 0.75


class EventClassifier(Protocol):
    """A classifier may also set `restructures = True`: its labels are already restructured
    (`event_structure.restructure`) as the events stage records them, and are not restructured
    again (restructuring reads the content words around a label, which a first pass removes:
    "promised to continue aid" is a promise only while "aid" is there).

    A classifier may also judge whole pages: a method `judge_page(doc, places)` returning a
    `PageJudgement` (or None for a text too short to judge); the events stage records it on
    the article and reports no events on a page judged not news (`JudgedEventClassifier`)."""

    name: str

    def classify(
        self, sentence: SpacySpan, places: Collection[int] = frozenset()
    ) -> list[TriggerLabel]:
        """Every event word in the sentence, with its type, mode and score.

        `places` holds the Doc indices of tokens the annotate stage resolved as places.
        """
        ...


class LexiconEventClassifier:
    """Triggers from `knowledge/events/triggers.tsv`, disambiguated by their dependents."""

    name = LEXICON_CLASSIFIER

    def __init__(self) -> None:
        self._triggers = triggers()
        self._classes = word_classes()

    def classify(
        self, sentence: SpacySpan, places: Collection[int] = frozenset()
    ) -> list[TriggerLabel]:
        return [
            label for label in self.matches(sentence, places).values() if label.type != NO_EVENT
        ]

    def matches(self, sentence: SpacySpan, places: Collection[int]) -> dict[int, TriggerLabel]:
        """The lexicon's verdict on each word it lists, by Doc index: a label, or a label of
        type "-" where a veto row holds."""
        found = {}
        lemmas = lowercase_lemmas(sentence.doc)
        for i in range(sentence.start, sentence.end):
            entries = self._triggers.get(lemmas[i])
            if entries is None:
                continue
            token = sentence.doc[i]
            label = self._label(token, entries, places)
            if label is not None:
                found[token.i] = label
        for speech in _demanding_speech(sentence):
            found.setdefault(
                speech.i, TriggerLabel(speech.i, None, REQUEST, None, CONDITIONED_SCORE)
            )
        for speech in _condemning_speech(sentence):
            found.setdefault(
                speech.i, TriggerLabel(speech.i, None, ACCUSE, DISAPPROVE, CONDITIONED_SCORE)
            )
        for speech in _threatening_speech(sentence, found):
            found.setdefault(
                speech.i, TriggerLabel(speech.i, None, THREATEN, None, CONDITIONED_SCORE)
            )
        return found

    def entry_types(self, token: Token) -> list[str]:
        """Every type the lexicon lists for a word's lemma, whatever its conditions."""
        return sorted({e.type for e in self._triggers.get(token.lemma_.lower(), ())})

    def _label(
        self, token: Token, entries: list[TriggerEntry], places: Collection[int]
    ) -> TriggerLabel | None:
        is_verb = is_verbal(token) and token.pos_ != "AUX"
        if is_verb and token.dep_ in ADJECTIVAL_DEPS and not _reports_harm(token, entries):
            return None
        for entry in entries:
            if (entry.pos == "VERB") != is_verb or (not is_verb and token.pos_ != "NOUN"):
                continue
            particle = _particle(token, entry.particle)
            if entry.particle and particle is None:
                continue
            if entry.condition and not self._holds(token, entry.condition, places):
                continue
            score = CONDITIONED_SCORE if entry.condition else UNCONDITIONED_SCORE
            return TriggerLabel(token.i, particle, entry.type, entry.mode, score)
        return None

    def _holds(self, token: Token, condition: str, places: Collection[int]) -> bool:
        role, _, class_name = condition.partition(":")
        if role == "obj":
            if class_name == ANY_OBJECT:
                return any(
                    child.dep_ in OBJECT_DEPS and not _misread_place_phrase(child)
                    for child in token.children
                )
            return any(
                self._phrase_in_class(child, class_name, places)
                for child in token.children
                if child.dep_ in OBJECT_DEPS
            )
        if role == "subj":
            return any(
                self._phrase_in_class(subject, class_name, places)
                for subject in subject_candidates(token)
                if subject.i != token.i
            )
        if role == "clause":
            if class_name == KEPT_FROM:
                return any(_keeps_from(child) for child in token.children)
            return any(
                _clause_kind(child) == class_name
                for child in token.children
                if child.dep_ in CLAUSE_DEPS
            ) or (class_name == INFINITIVE and any(_misread_infinitive(c) for c in token.children))
        if role == "agent":
            return self._has_agent(token) or self._is_made(token, class_name)
        if role == "pred":
            # "called the move unjustified", "called it the dumbest possible way": what
            # the object is said to be, any word of it.
            members = self._classes[class_name]
            return any(
                t.lemma_.lower() in members
                for child in token.children
                if child.dep_ == PREDICATE_DEP
                for t in subtree(child)
            )
        if role == "content":
            members = self._classes[class_name]
            return any(
                child.lemma_.lower() in members
                for child in token.children
                if child.dep_ in CLAUSE_DEPS | CLAUSE_ON_NOUN_DEPS and is_verbal(child)
            )
        if role == "comp":
            members = self._classes[class_name]
            return any(
                _negated_lemma(child) in members
                for child in token.children
                if child.dep_ in COMPLEMENT_DEPS
            )
        if role == SCORE:
            return any(_is_score(t) for t in token.subtree)
        if role == "bare":
            return not any(child.dep_ in CONTENT_DEPS for child in token.children)
        if role == "pobj":
            members = self._classes[class_name]
            return any(
                prep.lemma_.lower() in members
                or any(obj.lemma_.lower() in members for obj in prep.children)
                for prep in token.children
                if prep.dep_ in ("prep", "agent")
            )
        if role == "mod":
            members = self._classes[class_name]
            return any(
                child.dep_ in MODIFIER_DEPS and child.lemma_.lower() in members
                for child in token.children
            )
        raise ValueError(f"unknown trigger condition {condition!r}")

    @staticmethod
    def _has_agent(noun: Token) -> bool:
        """Whether a noun of an act names who makes it or is what its clause is about: a
        possessor or by/from phrase ("China's threat"), or the subject ("the deal allows")."""
        if any(
            child.dep_ == "poss"
            or (child.dep_ in ("prep", "agent") and child.lower_ in AGENT_PREPOSITIONS)
            for child in noun.children
        ):
            return True
        return first_conjunct(noun).dep_ in SUBJECT_DEPS

    def _is_made(self, noun: Token, class_name: str) -> bool:
        """Whether a noun's governing verb, or a participle or relative clause on it, is in a
        word class ("reached a deal", "a deal was reached", "the pact signed in 1994")."""
        members = self._classes[class_name]
        first = first_conjunct(noun)
        governor = first.head.head if first.dep_ == "pobj" else first.head
        on_noun = [c for c in noun.children if c.dep_ in ("acl", "relcl")]
        return any(
            verb.pos_ == "VERB" and verb.lemma_.lower() in members for verb in (governor, *on_noun)
        )

    def _phrase_in_class(self, head: Token, class_name: str, places: Collection[int]) -> bool:
        """Whether a noun phrase's head (or a noun inside it) belongs to a word class."""
        if class_name == "@place":
            territory = self._classes["territory"]
            # A clause on the object tells of something else ("seize $1.7 billion taken
            # from the fund to buy assets in the US"): its places are not what is taken.
            return any(
                t.i in places
                or t.ent_type_ in PLACE_LABELS
                or (t.lemma_.lower() in territory and not _is_bare_partitive(t))
                for t in subtree(head, skip=CLAUSE_ON_NOUN_DEPS)
            )
        members = self._classes[class_name]
        if "@person" in members and head.ent_type_ == "PERSON":
            return True
        if ACTOR_CLASS in members and any(t.ent_type_ in ACTOR_LABELS for t in subtree(head)):
            return True
        if URL_CLASS in members and any(t.like_url for t in subtree(head)):
            return True
        # A possessor says whose the thing is, not what it is ("hold a migrants' rights
        # symposium" holds a symposium, not migrants).
        return head.lemma_.lower() in members or any(
            t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in members
            for t in subtree(head, skip=OWNER_DEPS)
        )


def _is_score(word: Token) -> bool:
    """Whether a word starts a game's score: "6-2" as one word, or "6", a dash and "2"."""
    if SCORE_WORD.fullmatch(word.text):
        return True
    doc = word.doc
    return (
        word.like_num
        and word.i + 2 < len(doc)
        and doc[word.i + 1].text in SCORE_DASHES
        and doc[word.i + 2].like_num
    )


def _negated_lemma(word: Token) -> str:
    """A word's lemma, read with the "not" on it ("not guilty")."""
    negated = any(child.dep_ == NEGATION_DEP for child in word.children)
    return f"not {word.lemma_.lower()}" if negated else word.lemma_.lower()


def _is_bare_partitive(noun: Token) -> bool:
    """A word of part with no "of" phrase names no place: "took part in the talks" is an
    idiom, "took part of the city" a seizure."""
    return noun.lemma_.lower() in word_classes()[PARTITIVE] and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children
    )


def _demanding_speech(sentence: SpacySpan) -> list[Token]:
    """Speech verbs whose reported clause says what must be done ("they should release him,"
    she said): the speaker's request (`knowledge/events/demand_modals.txt`). The label sits
    on the speech verb, whose subject is who asks; the clause is its content."""
    language = lexicon.reading_language()
    modals = lexicon.words("events/demand_modals.txt", language)
    speech = speech_verbs(language)
    addressees = word_classes(language)[ADDRESSEE]
    found = []
    for verb in _reported_clauses(sentence):
        if verb.head.lemma_.lower() not in speech:
            continue
        auxiliaries = [c.lemma_.lower() for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if not any(a in modals for a in auxiliaries) or PERFECT in auxiliaries:
            continue
        # Asked of a party ("the rebels must reach an agreement", "he should be released"),
        # not a hope about a thing ("the verdict should be seen", "we must teach love").
        if any(
            c.dep_ in SUBJECT_DEPS
            and (c.ent_type_ in ACTOR_LABELS or c.lemma_.lower() in addressees)
            for c in verb.children
        ):
            found.append(verb.head)
    return found


def _threatening_speech(sentence: SpacySpan, found: dict[int, TriggerLabel]) -> list[Token]:
    """Speech verbs whose reported clause says the speaker's side will do harm on a condition
    ("will fight back if the U.S. persists," the ministry said; he said he would raise
    tariffs if no deal is reached): a conditional warning of force, sanctions or coercion is
    a threat (PLOVER THREATEN), the harm its content. The label sits on the speech verb, as
    a request's does."""
    language = lexicon.reading_language()
    speech = speech_verbs(language)
    commentators = word_classes(language)[COMMENTATOR]
    return [
        verb.head
        for verb in _reported_clauses(sentence)
        if verb.head.lemma_.lower() in speech
        and any(
            _harms_on_condition(clause, found) and _speaker_acts(clause, commentators)
            for clause in (verb, *verb.conjuncts)
        )
    ]


def _speaker_acts(clause: Token, commentators: frozenset[str]) -> bool:
    """Whether the one who would do a reported act is the speaker's side, as a threat needs:
    "we" or "I"; "he"/"she" told by a named person; "they" told by a plural party; or a
    state or its forces told by anyone but a commentator ("the ministry said China will
    fight back"). "He said they would attack" and "analysts said Russia would invade" are
    predictions, not threats."""
    # A coordinated verb shares the first one's subject ("will dedicate itself and will
    # fight back"); the speech verb is above the first.
    first = first_conjunct(clause)
    doers = [c for c in (*clause.children, *first.children) if c.dep_ in SUBJECT_DEPS]
    speakers = [c for c in first.head.children if c.dep_ in SUBJECT_DEPS]
    if not doers or not speakers:
        return False
    doer, speaker = doers[0], speakers[0]
    said_by = speaker.lower_
    if doer.lower_ in FIRST_PERSON:
        return True
    if doer.lower_ in SINGULAR_PERSON:
        return speaker.ent_type_ == "PERSON" or said_by in SINGULAR_PERSON
    if doer.lower_ == PLURAL_PERSON:
        return speaker.tag_ in PLURAL_TAGS and speaker.lemma_.lower() not in commentators
    return (
        doer.ent_type_ in STATE_LABELS or doer.lemma_.lower() in word_classes()[FORCES]
    ) and speaker.lemma_.lower() not in commentators


def _harms_on_condition(clause: Token, found: dict[int, TriggerLabel]) -> bool:
    """Whether a clause tells an act of harm (its verb, or the verb's object: "would raise
    tariffs") in the future or conditional ("will", "would"), with an if/unless clause on it
    or on the speech verb (the parser hangs a condition after the quote on "said")."""
    harm_words = [clause, *(c for c in clause.children if c.dep_ == "dobj")]
    return (
        any(w.i in found and found[w.i].type in HARM_TYPES for w in harm_words)
        and any(c.dep_ == "aux" and c.lemma_.lower() in FUTURE_MODALS for c in clause.children)
        and any(
            c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
            for c in (*clause.children, *first_conjunct(clause).head.children)
        )
    )


def _condemning_speech(sentence: SpacySpan) -> list[Token]:
    """Speech verbs whose reported clause calls something by a word of censure ("this is
    nuts," he said; "China's unfair trading actions are damaging," she said; the move was
    "an abuse of power," he said): the speaker's criticism (PLOVER ACCUSE disapprove,
    `word_classes.tsv` class condemnation). The word must be what the clause says its
    subject is (the predicate, or a modifier of it) or a modifier of that subject, not a
    word it merely names ("crime has fallen," police said). Not when the clause denies it
    ("was not a reckless decision"), has no subject ("there should be zero shame"), or
    calls a claim false: that denies the claim (`contention` class), it accuses no one."""
    language = lexicon.reading_language()
    speech = speech_verbs(language)
    classes = word_classes(language)
    censure, claims = classes[CONDEMNATION], classes[CONTENTION]
    return [
        verb.head
        for verb in _reported_clauses(sentence)
        if verb.head.lemma_.lower() in speech
        # the reported clause or one coordinated with it ("he is joking, but this is nuts")
        and any(_condemns(clause, censure, claims) for clause in (verb, *verb.conjuncts))
    ]


def _reported_clauses(sentence: SpacySpan) -> list[Token]:
    """The sentence's clausal complements ("ccomp": what a speech verb reports), found in the
    Doc's relations without making a Token of every word (three rules ask, per sentence)."""
    deps = token_deps(sentence.doc)
    return [sentence.doc[i] for i in range(sentence.start, sentence.end) if deps[i] == "ccomp"]


def _condemns(clause: Token, censure: frozenset[str], claims: frozenset[str]) -> bool:
    """Whether a clause calls its subject by a word of censure (`_condemning_speech`)."""
    subjects = [c for c in clause.children if c.dep_ in SUBJECT_OR_EXPLETIVE_DEPS]
    if (
        any(c.dep_ == NEGATION_DEP for c in clause.children)
        or not subjects
        or any(s.dep_ == EXPLETIVE_DEP or s.lemma_.lower() in claims for s in subjects)
    ):
        return False
    return any(_calls_by(word, censure) for word in clause.children)


def _calls_by(word: Token, censure: frozenset[str]) -> bool:
    """Whether a dependent of a clause's verb is a predicate of censure ("is absurd", "was a
    betrayal", "was a reckless move") or a subject a word of censure modifies ("unfair
    tactics"); a subject that only names a bad thing ("crime has fallen") is neither."""
    if word.dep_ in PREDICATE_DEPS and word.lemma_.lower() in censure:
        return True
    return word.dep_ in PREDICATE_OR_SUBJECT_DEPS and any(
        c.dep_ == "amod" and c.lemma_.lower() in censure for c in word.children
    )


def _clause_kind(verb: Token) -> str | None:
    """ "to" for an infinitive clause ("asked them to leave"), "that" for a finite
    complement ("recognized that they were"); None for a finite adverbial clause."""
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return "to"
    return "that" if verb.dep_ == "ccomp" else None


def _misread_infinitive(child: Token) -> bool:
    """Whether a direct object naming a person or party carries an infinitive the parser hung
    on it as a relative clause ("ordered the convicts to be sent to prison": "to be sent" is
    what is ordered, not a kind of convict); a thing's infinitive is its purpose ("ordered
    a pizza to share")."""
    return (
        child.dep_ == "dobj"
        and _names_party(child)
        and any(
            c.dep_ in INFINITIVE_ON_NOUN_DEPS and _clause_kind(c) == INFINITIVE
            for c in child.children
        )
    )


def _names_party(noun: Token) -> bool:
    """Whether a noun phrase's head is a person or party: a name, a pronoun, or a noun of a
    person's role (`reference/people_nouns.txt`)."""
    people = lexicon.words(PEOPLE_NOUNS, lexicon.reading_language())
    return noun.ent_type_ in ACTOR_LABELS or noun.pos_ == "PRON" or noun.lemma_.lower() in people


def _keeps_from(child: Token) -> bool:
    """Whether a dependent is a "from" phrase holding a clause: what someone is kept from
    doing ("prevented them from leaving", "were barred from entering"), not where something
    comes from ("blocked aid from Turkey")."""
    return (
        child.dep_ == "prep"
        and child.lower_ == KEPT_FROM
        and any(grandchild.dep_ == "pcomp" for grandchild in child.children)
    )


def _particle(token: Token, particle: str | None) -> int | None:
    """The index of a word's particle ("pull out"); a preposition that governs nothing is
    one the parser misread ("phoned in from London"). One that governs a phrase is not
    ("rule 21 out of 29 states" rules no one out)."""
    if particle is None:
        return None
    return next(
        (
            c.i
            for c in token.rights
            if c.lower_ == particle
            and (c.dep_ in PARTICLE_DEPS or (c.dep_ == "prep" and not any(c.children)))
        ),
        None,
    )


class ModelEventClassifier:
    """Trained models (`event_model`) over the parse, with the lexicon as one of their features.

    Alone (`backs_lexicon=False`), the typer decides over every verb and known event noun;
    the lexicon adds a mode and particle where it agrees. Backing the lexicon, the lexicon
    proposes words and types and the backer keeps or drops each (figurative, generic or
    background uses are dropped); the typer adds a word the lexicon missed only when it is
    sure (the models' `add_above`). Models that weigh word meaning get each candidate's word
    vectors too (`event_features.meaning`).
    """

    def __init__(
        self,
        name: str,
        backs_lexicon: bool,
        model_file: str = MODEL_FILE,
        keeps_lexicon: bool = False,
    ) -> None:
        self.name = name
        self._backs_lexicon = backs_lexicon
        # Backing the lexicon, the backer judges labels as the events stage records them,
        # so they leave here restructured, once; the typer alone leaves that to the stage.
        self.restructures = backs_lexicon
        # Keeping every lexicon word, the backer judges none: the typer only adds words.
        self._keeps_lexicon = keeps_lexicon
        self._lexicon = LexiconEventClassifier()
        self._models = event_models(model_file)
        self._vectors = word_vectors() if self._models.uses_meaning else None
        self._none = self._models.typer.classes.index(NONE_CLASS)
        self._keep = self._models.backer.classes.index(KEEP)

    def classify(
        self, sentence: SpacySpan, places: Collection[int] = frozenset()
    ) -> list[TriggerLabel]:
        lexicon = self._lexicon.matches(sentence, places)
        lexicon_types = {i: label.type for i, label in lexicon.items()}
        if not self._backs_lexicon:
            return [
                label
                for token in sentence
                if token.i in lexicon or candidate(token, self._models.nouns)
                for label in self._typed(token, lexicon, lexicon_types, 0.0)
            ]
        proposed = [label for label in lexicon.values() if label.type != NO_EVENT]
        proposed += [
            label
            for token in sentence
            if token.i not in lexicon and candidate(token, self._models.nouns)
            for label in self._typed(token, lexicon, lexicon_types, self._models.add_above)
        ]
        # Restructured once, with every proposal in view (restructuring reads the content
        # words around a label): a stopped or governed event is decided by its governor, not
        # judged on its own; a label the restructuring made ("halted" for "halted aid") or
        # the typer added is kept as made; the backer judges the lexicon's own.
        return [
            label
            for label in restructure(sentence.doc, proposed)
            if lexicon.get(label.token) != label
            or self._keeps_lexicon
            or self._kept(sentence.doc[label.token], lexicon_types)
        ]

    def _kept(self, token: Token, lexicon_types: dict[int, str]) -> bool:
        """Whether the backer keeps a word the lexicon proposed."""
        found = features(token, lexicon_types, self._lexicon.entry_types(token))
        keep = self._models.backer.probabilities(found, self._meaning(token))[self._keep]
        return float(keep) >= self._models.keep_threshold

    def _meaning(self, token: Token) -> np.ndarray | None:
        return None if self._vectors is None else meaning(token, self._vectors)

    def _typed(
        self,
        token: Token,
        lexicon: dict[int, TriggerLabel],
        lexicon_types: dict[int, str],
        above: float,
    ) -> list[TriggerLabel]:
        """The typer's label for a word, if it names an event at least `above` surely."""
        found = features(token, lexicon_types, self._lexicon.entry_types(token))
        probabilities = self._models.typer.probabilities(found, self._meaning(token))
        best = int(probabilities.argmax())
        event_type = self._models.typer.classes[best]
        if best == self._none or probabilities[best] < above:
            return []
        proposed = lexicon.get(token.i)
        agrees = proposed is not None and proposed.type == event_type
        return [
            TriggerLabel(
                token.i,
                proposed.particle if proposed is not None and agrees else None,
                event_type,
                proposed.mode if proposed is not None and agrees else None,
                float(probabilities[best]),
            )
        ]


Proposal = tuple[TriggerLabel, list[str]]  # a label and its acceptance features


class AcceptedEventClassifier:
    """The lexicon proposes, restructured as the events stage will record it; the trained
    acceptor (`event_acceptor`) keeps each proposal it judges a real event of its type."""

    restructures = True

    def __init__(self, name: str, judge: Acceptor | None = None) -> None:
        self.name = name
        self._lexicon = LexiconEventClassifier()
        self._acceptor = judge or acceptor()
        # The last document read (with its places) and its sentences' proposals, by the
        # sentence's first token: sentences come document by document, and the document's
        # features need all of them.
        self._read: tuple[Doc | None, Collection[int], dict[int, list[Proposal]]] = (None, (), {})

    def classify(
        self, sentence: SpacySpan, places: Collection[int] = frozenset()
    ) -> list[TriggerLabel]:
        found = self._proposals(sentence.doc, places).get(sentence.start)
        if found is None:  # a span that is not one of the document's sentences
            found = sentence_proposals(self._lexicon, sentence, places)
        return [label for label, features in found if self._acceptor.keeps(features)]

    def _proposals(self, doc: Doc, places: Collection[int]) -> dict[int, list[Proposal]]:
        """The document's proposals by sentence, read once per document."""
        read, read_places, by_sentence = self._read
        if read is not doc or read_places is not places:
            by_sentence = document_proposals(self._lexicon, doc, places)
            self._read = (doc, places, by_sentence)
        return by_sentence

    def page_counts(self, doc: Doc, places: Collection[int] = frozenset()) -> tuple[int, int]:
        """The page's event proposals, and how many of them the acceptor keeps."""
        found = [f for proposals in self._proposals(doc, places).values() for _, f in proposals]
        return len(found), sum(map(self._acceptor.keeps, found))


class JudgedEventClassifier(AcceptedEventClassifier):
    """The acceptor's events (`AcceptedEventClassifier`), on pages the trained page judge
    (`news_page`) does not judge other than news: the events stage asks it to judge each
    page (`judge_page`) and reports no events on a page judged not news."""

    def __init__(
        self, name: str, judge: Acceptor | None = None, pages: NewsPageJudge | None = None
    ) -> None:
        super().__init__(name, judge)
        self._pages = pages or news_page_judge()

    def judge_page(self, doc: Doc, places: Collection[int] = frozenset()) -> PageJudgement | None:
        """Whether the page reports news events, and how surely (None: too short to tell)."""
        proposed, kept = self.page_counts(doc, places)
        return self._pages.judge(doc, proposed, kept)


def document_proposals(
    lexicon: LexiconEventClassifier,
    doc: Doc,
    places: Collection[int] = frozenset(),
    document: DocumentSignals | None = None,
) -> dict[int, list[Proposal]]:
    """Each sentence's lexicon proposals (by the sentence's first token), restructured, with
    their acceptance features (`event_acceptor`): what the acceptor judges, at run time and in
    training alike. `document` stands for the signals of the document the text was cut from,
    where that is not `doc` (training on sentences taken from pages)."""
    proposed = [(sentence, _proposed(lexicon, sentence, places)) for sentence in doc.sents]
    if document is None:
        document = _signals(doc, [labels for _, (labels, _) in proposed])
    return {
        sentence.start: _with_features(lexicon, doc, labels, types, document)
        for sentence, (labels, types) in proposed
    }


def document_signals(
    lexicon: LexiconEventClassifier, doc: Doc, places: Collection[int] = frozenset()
) -> DocumentSignals:
    """What the acceptor reads of a whole document."""
    return _signals(doc, [_proposed(lexicon, sentence, places)[0] for sentence in doc.sents])


def _signals(doc: Doc | SpacySpan, proposed: list[list[TriggerLabel]]) -> DocumentSignals:
    return DocumentSignals(party_density(doc), event_density(doc, sum(map(len, proposed))))


def sentence_proposals(
    lexicon: LexiconEventClassifier, sentence: SpacySpan, places: Collection[int] = frozenset()
) -> list[Proposal]:
    """One span's proposals, read as a document of its own."""
    labels, types = _proposed(lexicon, sentence, places)
    return _with_features(lexicon, sentence.doc, labels, types, _signals(sentence, [labels]))


def _proposed(
    lexicon: LexiconEventClassifier, sentence: SpacySpan, places: Collection[int]
) -> tuple[list[TriggerLabel], dict[int, str]]:
    """A sentence's lexicon proposals, restructured, and the lexicon's type of each word."""
    matches = lexicon.matches(sentence, places)
    lexicon_types = {i: label.type for i, label in matches.items()}
    labels = [label for label in matches.values() if label.type != NO_EVENT]
    return restructure(sentence.doc, labels), lexicon_types


def _with_features(
    lexicon: LexiconEventClassifier,
    doc: Doc,
    labels: list[TriggerLabel],
    lexicon_types: dict[int, str],
    document: DocumentSignals,
) -> list[Proposal]:
    return [
        (
            label,
            acceptance_features(
                doc[label.token],
                label,
                lexicon_types,
                lexicon.entry_types(doc[label.token]),
                len(labels),
                document,
            ),
        )
        for label in labels
    ]


MODEL_CLASSIFIER = "sitrep.events.model.v1"
BACKED_CLASSIFIER = "sitrep.events.lexicon+model.v1"
VECTORS_CLASSIFIER = "sitrep.events.vectors.v1"
BACKED_VECTORS_CLASSIFIER = "sitrep.events.lexicon+vectors.v1"
TYPER_ADDS_CLASSIFIER = "sitrep.events.lexicon+vectortyper.v1"
ACCEPTED_CLASSIFIER = "sitrep.events.lexicon+accept.v1"
JUDGED_CLASSIFIER = "sitrep.events.lexicon+accept+news.v1"

CLASSIFIERS: Registry[Callable[[], EventClassifier]] = Registry(
    "event classifier", "sitrep.classifiers"
)
CLASSIFIERS.register(LEXICON_CLASSIFIER, LexiconEventClassifier)
CLASSIFIERS.register(
    MODEL_CLASSIFIER, lambda: ModelEventClassifier(MODEL_CLASSIFIER, backs_lexicon=False)
)
CLASSIFIERS.register(
    BACKED_CLASSIFIER, lambda: ModelEventClassifier(BACKED_CLASSIFIER, backs_lexicon=True)
)
CLASSIFIERS.register(
    VECTORS_CLASSIFIER,
    lambda: ModelEventClassifier(VECTORS_CLASSIFIER, False, VECTORS_MODEL_FILE),
)
CLASSIFIERS.register(
    BACKED_VECTORS_CLASSIFIER,
    lambda: ModelEventClassifier(BACKED_VECTORS_CLASSIFIER, True, VECTORS_MODEL_FILE),
)
CLASSIFIERS.register(
    TYPER_ADDS_CLASSIFIER,
    lambda: ModelEventClassifier(
        TYPER_ADDS_CLASSIFIER, True, VECTORS_MODEL_FILE, keeps_lexicon=True
    ),
)
CLASSIFIERS.register(ACCEPTED_CLASSIFIER, lambda: AcceptedEventClassifier(ACCEPTED_CLASSIFIER))
CLASSIFIERS.register(JUDGED_CLASSIFIER, lambda: JudgedEventClassifier(JUDGED_CLASSIFIER))


def register_classifier(name: str, factory: Callable[[], EventClassifier]) -> None:
    """Make a classifier available under a versioned name, e.g. "acme.events.bert.v1"."""
    CLASSIFIERS.register(name, factory)
    forget_classifiers()


def forget_classifiers() -> None:
    """Drop the classifiers built so far, so the next lookup builds from the registry."""
    _built.cache_clear()


def get_classifier(name: str = DEFAULT_CLASSIFIER) -> EventClassifier:
    """The classifier `name` for the language being read: one per process and language, as
    a built classifier holds that language's lists."""
    return _built(name, lexicon.reading_language())


@functools.cache
def _built(name: str, language: str) -> EventClassifier:
    with lexicon.reading(language):
        return CLASSIFIERS.get(name)()


def _reports_harm(token: Token, entries: list[TriggerEntry]) -> bool:
    """Whether a participle used as an adjective tells of an attack ("a kidnapped girl")."""
    return (
        token.dep_ == "amod"
        and token.tag_ == "VBN"
        and any(entry.type in REPORTING_PARTICIPLE_TYPES for entry in entries)
    )


def _misread_place_phrase(head: Token) -> bool:
    """ "demonstrated outside parliament": the parser may make the noun of a place phrase an
    object, and its preposition a modifier of the noun; such a phrase is no object."""
    first = head.doc[head.left_edge.i]
    return first.pos_ == "ADP" and first.head.i == head.i

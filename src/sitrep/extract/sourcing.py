"""The sourcing lexicon (reporting verbs, anonymity, hedges, channels) and source typing.

The phrase lists live as data in `sitrep/knowledge/sourcing/`; each is read once,
cached, and refused when empty. `classify_source` turns a speaker as the text gives
it (its head word, its description, the actor it names) into a typed `Source`, or into none
when the words name no person, body or document ("The end", "a faint lilt").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from sitrep import lexicon as knowledge_files
from sitrep.records import Actor, ActorKind, Source, SourceType

# Quote marks are dropped and curly apostrophes straightened before phrase matching,
# so "condemning “rumors" matches "condemning rumors" and "It’s" matches "it's".
# Endings of English agent nouns (-er, -or, -ist, -ian, -ee) and of compounds for people.
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ee", "man", "men", "people", "folk")
_MATCH_NORMALISATION = str.maketrans({"’": "'", "‘": "'", "“": None, "”": None, '"': None})


@dataclass(frozen=True, slots=True)
class SourcingLexicon:
    reporting_verbs: dict[str, str]  # lemma -> cue class (speech, writing, thought, ...)
    # lemma -> what else it reports: "object" ("denied the claim"), "infinitive" ("urged to")
    reported_complements: frozenset[tuple[str, str]]
    anonymous_heads: frozenset[str]
    anonymity_phrases: re.Pattern[str]
    official_bodies: frozenset[str]  # an institution's voice: "office", "spokesman"
    public_bodies: frozenset[str]  # an institution speaking as a body: "ministry", "police"
    unnamed_organisations: frozenset[str]
    hedges: re.Pattern[str]
    denials: re.Pattern[str]
    channels: tuple[tuple[re.Pattern[str], str], ...]
    any_channel: re.Pattern[str]  # every channel's phrase: most texts name none
    title_cues: frozenset[str]
    documents: frozenset[str]
    issuing_verbs: frozenset[str]  # "released a statement": the document's words are its own
    people_nouns: frozenset[str]
    thing_nouns: frozenset[str]
    directive_verbs: frozenset[str]  # "asked the witness to explain": a report not yet made
    directive_nouns: frozenset[str]  # "calls from lawmakers to resign": a directive reported
    utterance_nouns: frozenset[str]  # "His message was clear: “…”": what its possessor says


def read_phrases(name: str, language: str | None = None) -> list[str]:
    """The non-comment lines of one sourcing data file; an empty list is an error."""
    return knowledge_files.entries(f"sourcing/{name}", language)


def phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """One case-insensitive whole-word pattern for the phrases, longest first."""
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


@knowledge_files.PerLanguage
def lexicon(language: str) -> SourcingLexicon:
    channels = []
    phrases = []
    for line in read_phrases("channels.tsv", language):
        phrase, label = line.split("\t")
        channels.append((phrase_pattern([phrase]), label))
        phrases.append(phrase)
    reporting_verbs = {
        row["lemma"]: row["class"]
        for row in knowledge_files.table("sourcing/reporting_verbs.tsv", language)
    }
    complements = frozenset(
        (row["lemma"], row["complement"])
        for row in knowledge_files.table("sourcing/reported_complements.tsv", language)
    )
    if unknown := {lemma for lemma, _ in complements} - reporting_verbs.keys():
        raise ValueError(f"reported_complements.tsv: not reporting verbs: {sorted(unknown)}")
    if kinds := {kind for _, kind in complements} - {"object", "infinitive"}:
        raise ValueError(f"reported_complements.tsv: unknown complements: {sorted(kinds)}")
    return SourcingLexicon(
        reporting_verbs=reporting_verbs,
        reported_complements=complements,
        anonymous_heads=frozenset(read_phrases("anonymous_sources.txt", language)),
        anonymity_phrases=phrase_pattern(read_phrases("anonymity_phrases.txt", language)),
        official_bodies=frozenset(read_phrases("official_bodies.txt", language)),
        public_bodies=frozenset(read_phrases("public_bodies.txt", language)),
        unnamed_organisations=frozenset(read_phrases("unnamed_organisations.txt", language)),
        hedges=phrase_pattern(read_phrases("hedges.txt", language)),
        denials=phrase_pattern(read_phrases("denials.txt", language)),
        channels=tuple(channels),
        any_channel=phrase_pattern(phrases),
        title_cues=knowledge_files.words("sourcing/title_cues.txt", language),
        documents=knowledge_files.words("sourcing/documents.txt", language),
        issuing_verbs=knowledge_files.words("sourcing/issuing_verbs.txt", language),
        thing_nouns=knowledge_files.words("sourcing/thing_nouns.txt", language),
        directive_verbs=knowledge_files.words("events/directive_verbs.txt", language),
        directive_nouns=knowledge_files.words("sourcing/directive_nouns.txt", language),
        utterance_nouns=knowledge_files.words("sourcing/utterance_nouns.txt", language),
        people_nouns=knowledge_files.words("reference/people_nouns.txt", language)
        | frozenset(
            row["word"] for row in knowledge_files.table("reference/gendered_words.tsv", language)
        ),
    )


def normalise_for_matching(text: str) -> str:
    return text.translate(_MATCH_NORMALISATION)


def find_channel(text: str) -> str | None:
    """The first stated channel ("took to X", "in a TV address") in text, if any."""
    words = lexicon()
    if not words.any_channel.search(text):
        return None  # one search, where each channel's would be one
    found = [(m.start(), label) for pattern, label in words.channels if (m := pattern.search(text))]
    return min(found)[1] if found else None


@dataclass(frozen=True, slots=True)
class SpeakerEvidence:
    """What the text says about a speaker, as `classify_source` needs it."""

    head: str  # the head word, lower-cased ("office", "people", "lavrov")
    description: str  # the speaker as written ("Assad's office", "two people familiar ...")
    context: str  # the whole speaker phrase, appositions included
    actor: Actor | None  # the actor the head names
    owner: Actor | None  # the actor it belongs to ("Assad" in "Assad's office")
    proper: bool  # the head is a proper noun
    entity_label: str  # spaCy's entity label on the head, "" if none
    person: bool = False  # a description beside the name says it is a person
    proper_modifier: bool = False  # a proper noun in the phrase names it ("Communist party")


def classify_source(speaker: SpeakerEvidence) -> Source | None:
    """Type a speaker: official body, named actor, anonymous, unnamed organisation, document.

    Only people, bodies and documents are sources: an unnamed person is anonymous only when
    the head word names people ("a senior official", "the doctor"); other words name nobody.
    """
    words = lexicon()
    description = speaker.description.lower()
    if _headed_by(speaker, description, words.official_bodies):
        actor = speaker.actor or speaker.owner
        return Source(
            SourceType.OFFICIAL_STATEMENT, speaker.description, actor.id if actor else None
        )
    if _headed_by(speaker, description, words.public_bodies):
        # "police said", "the ministry said": a particular body; "a ministry" is none named.
        kind = (
            SourceType.UNNAMED_ORGANISATION
            if description.startswith(("a ", "an "))
            else SourceType.NAMED_ORGANISATION
        )
        if speaker.actor is not None and speaker.actor.kind is not ActorKind.PERSON:
            return Source(kind, speaker.actor.name, speaker.actor.id)
        return Source(kind, speaker.description)
    # Only a name names a source: "residents" may be an actor, but not a named one. A person
    # actor is named even where the words are not a proper noun: a name the tagger missed
    # ("Lopes said"), a description the annotator linked to the name ("the minister").
    person_named = speaker.actor is not None and speaker.actor.kind is ActorKind.PERSON
    if speaker.actor is not None and (speaker.proper or person_named):
        kind = (
            SourceType.NAMED_PERSON
            if person_named or speaker.person
            else SourceType.NAMED_ORGANISATION
        )
        return Source(kind, speaker.actor.name, speaker.actor.id)
    actor_id = speaker.actor.id if speaker.actor else None
    if speaker.head in words.anonymous_heads or words.anonymity_phrases.search(speaker.context):
        return Source(SourceType.ANONYMOUS, speaker.description, actor_id)
    group = speaker.actor is not None and speaker.actor.kind is not ActorKind.PERSON
    if group or (speaker.head in words.unnamed_organisations and not speaker.proper):
        # "China's ruling Communist party", "the Reuters news agency": one body by its name.
        kind = (
            SourceType.NAMED_ORGANISATION
            if speaker.proper_modifier and speaker.head in words.unnamed_organisations
            else SourceType.UNNAMED_ORGANISATION
        )
        return Source(kind, speaker.description, actor_id)
    if speaker.proper:
        named_organisation = not speaker.person and speaker.entity_label in {
            "ORG",
            "NORP",
            "GPE",
            "FAC",
        }
        kind = SourceType.NAMED_ORGANISATION if named_organisation else SourceType.NAMED_PERSON
        return Source(kind, speaker.description)
    if speaker.head in words.documents:
        return Source(SourceType.OFFICIAL_STATEMENT, speaker.description, actor_id)
    if names_people(speaker.head) or speaker.entity_label in {"PERSON", "NORP"}:
        return Source(SourceType.ANONYMOUS, speaker.description, actor_id)
    return None


def _headed_by(speaker: SpeakerEvidence, description: str, heads: frozenset[str]) -> bool:
    """The speaker's head is one of the words, or its description ends in a listed phrase."""
    return speaker.head in heads or any(
        " " in head and description.endswith(head) for head in heads
    )


def head_word(token: Token) -> str:
    """A speaker's head word as the source lists spell it: the lemma, unless the word as
    written is listed itself ("media", which the lemmatiser makes "medium")."""
    words = lexicon()
    written = token.lower_
    listed = (
        words.unnamed_organisations,
        words.public_bodies,
        words.official_bodies,
        words.anonymous_heads,
    )
    return written if any(written in heads for heads in listed) else token.lemma_.lower()


def names_people(noun: str) -> bool:
    """A common noun (lemma, lower case) for people: listed, or an agent noun by its ending
    ("smuggler", "negotiator", "economist", "townspeople"); words for things are not, nor
    institutions that speak as a body ("the committee")."""
    words = lexicon()
    if noun in words.people_nouns or noun in words.anonymous_heads:
        return True
    return (
        len(noun) > 4
        and noun.endswith(_AGENT_ENDINGS)
        and noun not in words.documents
        and noun not in words.thing_nouns
        and noun not in words.public_bodies
    )

"""The event knowledge files under `sitrep/knowledge/<language>/events/`, read once per
language and cached.

Each file is a TSV with a `#` comment header (source, licence) and a column header row.
A loader refuses a file with no rows: an empty lexicon would silently find nothing, and an
event type the taxonomy lacks (`sitrep.taxonomy`), naming the file and line.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from sitrep import lexicon, taxonomy
from sitrep.records import EventStatus

ANY = "*"
# A triggers.tsv row of this type says the word names no event when its condition holds
# ("killed in a crash", "withdrew the bill").
NO_EVENT = "-"


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    lemma: str
    pos: str  # VERB or NOUN
    particle: str | None  # "back" in "fall back"
    condition: str | None  # "obj:force", "mod:air", ... (see triggers.tsv)
    type: str
    mode: str | None


@dataclass(frozen=True, slots=True)
class ControlEntry:
    effect: str  # "gain" or "cede"
    confidence: float
    partial: bool  # the word says fighters got into the place, not that they hold all of it


def read_rows(name: str, language: str) -> tuple[dict[str, str], ...]:
    """The rows of one event knowledge file; raises if it has none."""
    return lexicon.table(f"events/{name}", language)


def _typed_rows(name: str, language: str) -> Iterator[tuple[str, dict[str, str]]]:
    """The rows of a file that names event types, each with where it is for errors."""
    path = f"events/{name}"
    for line, row in lexicon.numbered_table(path, language):
        yield taxonomy.where(path, line, language), row


@lexicon.PerLanguage
def triggers(language: str) -> dict[str, list[TriggerEntry]]:
    """Trigger entries by lemma, in file order (first match wins)."""
    by_lemma: dict[str, list[TriggerEntry]] = defaultdict(list)
    for at, row in _typed_rows("triggers.tsv", language):
        by_lemma[row["lemma"]].append(
            TriggerEntry(
                lemma=row["lemma"],
                pos=row["pos"],
                particle=row["particle"] or None,
                condition=row["condition"] or None,
                type=taxonomy.known_type(row["type"], at, also=[NO_EVENT]),
                mode=row["mode"] or None,
            )
        )
    return dict(by_lemma)


def _grouped(name: str, group: str, member: str, language: str) -> dict[str, frozenset[str]]:
    """A file's `member` column gathered by its `group` column."""
    members: dict[str, set[str]] = defaultdict(set)
    for row in read_rows(name, language):
        members[row[group]].add(row[member])
    return {key: frozenset(words) for key, words in members.items()}


@lexicon.PerLanguage
def word_classes(language: str) -> dict[str, frozenset[str]]:
    return _grouped("word_classes.tsv", "class", "lemma", language)


@lexicon.PerLanguage
def modality_cues(language: str) -> dict[tuple[str, str], EventStatus]:
    """(cue lemma, role) -> the status it gives an event."""
    return {
        (row["cue"], row["role"]): EventStatus(row["status"])
        for row in read_rows("modality.tsv", language)
    }


@lexicon.PerLanguage
def speech_verbs(language: str) -> frozenset[str]:
    return frozenset(row["lemma"] for row in read_rows("speech_verbs.tsv", language))


@lexicon.PerLanguage
def stopping_nouns(language: str) -> dict[str, str]:
    """Noun of stopping -> the verb whose reversals it takes (`stopping_nouns.tsv`)."""
    return {row["noun"]: row["verb"] for row in read_rows("stopping_nouns.tsv", language)}


@lexicon.PerLanguage
def background_cues(language: str) -> dict[str, frozenset[str]]:
    """role -> the words that make an event word background (`background.tsv`)."""
    return _grouped("background.tsv", "role", "cue", language)


@lexicon.PerLanguage
def reversals(language: str) -> dict[tuple[str, str | None], dict[str, str]]:
    """(lemma, particle) of a stopping verb → {type of the event it stops or "*": new type}."""
    found: dict[tuple[str, str | None], dict[str, str]] = defaultdict(dict)
    for at, row in _typed_rows("reversals.tsv", language):
        governed = taxonomy.known_type(row["governed"], at, also=[ANY])
        found[(row["lemma"], row["particle"] or None)][governed] = taxonomy.known_type(
            row["type"], at
        )
    return dict(found)


@dataclass(frozen=True, slots=True)
class CasualtyWord:
    kind: str  # "killed" or "injured"
    role: str  # "victims", "state" or "total" (see casualties.tsv)


@dataclass(frozen=True, slots=True)
class NumberWord:
    value: int
    scale: str | None  # "small" (hundred, dozen), "large" (thousand and up) or None


CASUALTY_KINDS = frozenset({"killed", "injured"})
CASUALTY_ROLES = frozenset({"victims", "state", "total"})
NUMBER_SCALES = frozenset({"small", "large"})


@lexicon.PerLanguage
def casualty_words(language: str) -> dict[str, CasualtyWord]:
    """lemma -> what it counts and how it points at the count."""
    return {
        row["lemma"]: CasualtyWord(
            _one_of(row["kind"], CASUALTY_KINDS, "casualties.tsv", line),
            _one_of(row["role"], CASUALTY_ROLES, "casualties.tsv", line),
        )
        for line, row in lexicon.numbered_table("events/casualties.tsv", language)
    }


@lexicon.PerLanguage
def number_words(language: str) -> dict[str, NumberWord]:
    return {
        row["word"]: NumberWord(
            int(row["value"]),
            _one_of(row["scale"], NUMBER_SCALES, "number_words.tsv", line)
            if row["scale"]
            else None,
        )
        for line, row in lexicon.numbered_table("events/number_words.tsv", language)
    }


def _one_of(value: str, allowed: frozenset[str], name: str, line: int) -> str:
    if value not in allowed:
        raise ValueError(
            f"knowledge/events/{name} line {line}: {value!r} is not one of {sorted(allowed)}"
        )
    return value


@lexicon.PerLanguage
def pronoun_referents(language: str) -> dict[str, str]:
    """pronoun -> the mentions it may stand for: "person", "singular" or "plural"."""
    return {row["pronoun"]: row["referent"] for row in read_rows("pronouns.tsv", language)}


@lexicon.PerLanguage
def control_entries(language: str) -> dict[tuple[str, str | None], ControlEntry]:
    """(lemma, particle) -> how a word changes who holds a place."""
    return {
        (row["lemma"], row["particle"] or None): ControlEntry(
            row["effect"], float(row["confidence"]), row["extent"] == "part"
        )
        for row in read_rows("control.tsv", language)
    }


@lexicon.PerLanguage
def date_words(language: str) -> dict[str, tuple[str, str]]:
    """word -> (kind, value) for relative date expressions."""
    return {
        row["word"]: (row["kind"], row["value"]) for row in read_rows("date_words.tsv", language)
    }

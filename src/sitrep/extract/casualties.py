"""How many people an attack killed or injured, when its sentence says so.

A casualty word (`knowledge/events/casualties.tsv`) points at its count in one of three ways:
a verb counts its victims (kill, die, injure, ...): the subject of a passive or of "die"
("twelve people were killed", "five died"), the object of an active verb ("killed 12
civilians", "killed himself and three others": conjuncts add up), the noun a participle
describes ("3 demonstrators killed in clashes"); a state word counts the people in that
state ("left 7 people dead", "shot dead three men", "40 dead"); a total is the count itself
("the death toll rose to 40", "a death toll of 12"). The count is a number on the noun,
or the noun itself when it is a number ("at least 20 were killed"); numbers may be written
out ("twenty-five", "two hundred", "1.2 million"); one person named or pointed at ("a
policeman was killed", "he died") counts 1. Vague amounts ("dozens", "hundreds") give
nothing: sitrep never claims a count it was not given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep import lexicon
from sitrep.doc_cache import doc_text
from sitrep.extract.event_lexicon import casualty_words, number_words
from sitrep.records import Span

VICTIMS, STATE, TOTAL = "victims", "state", "total"
VICTIM_DEPS = frozenset({"nsubjpass", "dobj"})
# "die" and "be killed" take their victims as subject.
DYING = frozenset({"die"})
PARTICIPLE_DEPS = frozenset({"acl", "relcl", "amod"})
# How a state word hangs on the verb whose object or subject is in that state.
STATE_DEPS = frozenset({"oprd", "acomp", "xcomp", "advmod", "ccomp", "advcl"})
# Where a total's verb carries its number: "rose to 40", "stands at 12", "reached 40", "is 40".
TOTAL_PREPOSITIONS = frozenset({"to", "at", "of"})
NUMBER_DEPS = frozenset({"compound", "quantmod", "nummod"})
# Words joining the two ends of a range ("three to 10 people", "5 or 6").
RANGE_WORDS = frozenset({"to", "or"})
# One person: a pronoun, or a singular noun with an indefinite article ("a policeman").
ONE_PERSON = frozenset({"he", "she", "him", "her", "himself", "herself"})
INDEFINITE = frozenset({"a", "an", "one"})


@dataclass(frozen=True, slots=True)
class Casualties:
    killed: int | None
    injured: int | None
    evidence: Span


def count_casualties(
    sentence: SpacySpan, roles: Iterable[str] = (VICTIMS, STATE, TOTAL)
) -> Casualties | None:
    """The killed and injured counts one sentence gives (through words of `roles`), or None
    when it gives none."""
    counts: dict[str, int] = {}
    words: list[Token] = []
    kinds = casualty_words()
    wanted = frozenset(roles)
    for token in sentence:
        word = kinds.get(token.lemma_.lower())
        if word is None or word.role not in wanted or word.kind in counts:
            continue
        found = _counted(token, word.role)
        if found is not None:
            counts[word.kind] = found[0]
            words += [*found[1], token]
    if not counts:
        return None
    start = min(w.idx for w in words)
    end = max(w.idx + len(w) for w in words)
    return Casualties(
        counts.get("killed"),
        counts.get("injured"),
        Span(start, end, doc_text(sentence.doc)[start:end]),
    )


@lexicon.PerLanguage
def total_words(language: str) -> frozenset[str]:
    """The lemmas that are a count themselves ("toll")."""
    return frozenset(
        lemma for lemma, word in casualty_words(language).items() if word.role == TOTAL
    )


def _counted(token: Token, role: str) -> tuple[int, list[Token]] | None:
    """The count a casualty word points at, and the words it comes from."""
    if role == VICTIMS:
        if token.pos_ != "VERB":
            return None
        candidates = _victims(token)
    elif role == STATE:
        candidates = [token] if _number_on(token) else _in_state(token)
    else:
        return _total(token)
    for victim in candidates:
        counted = _group_count(victim)
        if counted is not None:
            return counted
    return None


def _victims(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in VICTIM_DEPS]
    if verb.lemma_.lower() in DYING or _reduced_passive(verb):
        found += [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ in PARTICIPLE_DEPS and verb.head.i != verb.i:
        found.append(verb.head)
    return found


def _reduced_passive(verb: Token) -> bool:
    """A past participle with a subject, no object and no "have": a headline's passive
    ("3 demonstrators killed in clashes", "20 wounded")."""
    return (
        verb.tag_ == "VBN"
        and not any(c.dep_ == "dobj" for c in verb.children)
        and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    )


def _in_state(word: Token) -> list[Token]:
    """Who a state word ("dead") is said of: the noun it describes, or its verb's object or
    subject ("left 7 people dead", "were found dead")."""
    if word.dep_ == "amod":
        return [word.head]
    if word.dep_ in STATE_DEPS:
        deps = ("dobj", "nsubjpass", "nsubj")
        return sorted(
            (c for c in word.head.children if c.dep_ in deps),
            key=lambda c: deps.index(c.dep_),
        )
    return []


def _total(noun: Token) -> tuple[int, list[Token]] | None:
    """The number a total noun is given: on its own "of" phrase, or on its verb."""
    if any(c.dep_ == "compound" and c.lemma_.lower() != "death" for c in noun.children):
        return None  # "a road toll" counts no one killed
    places = [noun]
    if noun.dep_ in ("nsubj", "nsubjpass"):
        places.append(noun.head)
    for head in places:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in TOTAL_PREPOSITIONS:
                numbers = [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ in ("dobj", "attr") and head is not noun:
                numbers = [child]
            else:
                continue
            for number in numbers:
                value = _number(number)
                if value is not None:
                    return value, _number_words(number)
    return None


def _group_count(noun: Token) -> tuple[int, list[Token]] | None:
    """The people a victim noun and its conjuncts count ("himself and three others": 4)."""
    total, words = 0, []
    for member in [noun, *noun.conjuncts]:
        counted = _count(member)
        if counted is not None:
            total += counted[0]
            words += [member, *counted[1]]
    return (total, words) if words else None


def _count(noun: Token) -> tuple[int, list[Token]] | None:
    """The number a victim noun carries ("12 civilians", "three people", "20", "a total of
    346 people"), and its words."""
    counted_of = [
        of_object
        for of in noun.children
        if of.dep_ == "prep" and of.lower_ == "of"
        for of_object in of.children
        if of_object.dep_ == "pobj" and _number_on(of_object) is not None
    ]
    if counted_of:
        return _count(counted_of[0])
    number = _number_on(noun)
    if number is not None:
        value = _number(number)
        if value is not None:
            return value, _number_words(number)
    if noun.lower_ in ONE_PERSON or noun.ent_type_ == "PERSON":
        return 1, [noun]
    if noun.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in noun.children):
        return 1, [noun]
    return None


def _number_on(noun: Token) -> Token | None:
    if noun.like_num:
        return noun
    return next((c for c in noun.children if c.dep_ == "nummod" and c.like_num), None)


def _number_words(number: Token) -> list[Token]:
    """The number token and the words it heads ("two" "hundred", "twenty" "-" "five", "three"
    "to" in "three to 10")."""
    words = [number]
    for child in number.children:
        if child.dep_ in NUMBER_DEPS and (child.like_num or child.lower_ in RANGE_WORDS):
            words += _number_words(child)
    return sorted(words, key=lambda w: w.i)


def _number(number: Token) -> int | None:
    """The value of a number written in digits, words or both; None for a vague amount."""
    parts = [
        part
        for word in _number_words(number)
        for part in word.lower_.replace(",", "").split("-")
        if part
    ]
    known = number_words()
    total = current = 0.0
    for part in parts:
        if part in RANGE_WORDS:
            break  # "three to 10", "5 or 6": the lower bound, as ACLED counts
        word = known.get(part)
        if word is not None and word.scale == "large":
            total += (current or 1) * word.value
            current = 0.0
        elif word is not None and word.scale == "small":
            current = (current or 1) * word.value
        elif word is not None:
            current += word.value
        else:
            try:
                current += float(part)
            except ValueError:
                return None
    value = round(total + current)
    return value if value > 0 else None

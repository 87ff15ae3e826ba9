"""How many people an attack killed or injured, when its sentence says so.

A casualty word (`knowledge/events/casualties.tsv`: kill, die, injure, wound, ...) counts the
people it is about: the subject of a passive or of "die" ("twelve people were killed",
"five died"), the object of an active verb ("killed 12 civilians"), or the noun a participle
describes ("3 demonstrators killed in clashes"). The count is a number on that noun, or the
noun itself when it is a number ("at least 20 were killed"). Vague amounts ("dozens") give
nothing: sitrep never claims a count it was not given.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.extract.event_lexicon import casualty_words, number_words
from sitrep.records import Span

VICTIM_DEPS = frozenset({"nsubjpass", "dobj"})
# "die" and "be killed" take their victims as subject.
DYING = frozenset({"die"})
PARTICIPLE_DEPS = frozenset({"acl", "relcl", "amod"})


@dataclass(frozen=True, slots=True)
class Casualties:
    killed: int | None
    injured: int | None
    evidence: Span


def count_casualties(sentence: SpacySpan) -> Casualties | None:
    """The killed and injured counts one sentence gives, or None when it gives none."""
    counts: dict[str, int] = {}
    words: list[Token] = []
    kinds = casualty_words()
    for token in sentence:
        kind = kinds.get(token.lemma_.lower())
        if kind is None or token.pos_ != "VERB" or kind in counts:
            continue
        for victim in _victims(token):
            counted = _count(victim)
            if counted is not None:
                counts[kind] = counted[0]
                words += [counted[1], victim, token]
                break
    if not counts:
        return None
    start = min(w.idx for w in words)
    end = max(w.idx + len(w) for w in words)
    doc = sentence.doc
    return Casualties(
        counts.get("killed"), counts.get("injured"), Span(start, end, doc.text[start:end])
    )


def _victims(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in VICTIM_DEPS]
    if verb.lemma_.lower() in DYING:
        found += [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ in PARTICIPLE_DEPS and verb.head.i != verb.i:
        found.append(verb.head)
    return found


def _count(noun: Token) -> tuple[int, Token] | None:
    """The number a victim noun carries ("12 civilians", "three people", "20"), and its word."""
    for word in [noun, *(c for c in noun.children if c.dep_ == "nummod")]:
        value = _number(word)
        if value is not None:
            return value, word
    return None


def _number(word: Token) -> int | None:
    text = word.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return number_words().get(text)

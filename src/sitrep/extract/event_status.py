"""Whether an event is reported as done, denied, conditional or only proposed.

The search walks from the trigger word up the dependency tree, through the words that
embed it ("is proposing talks", "if Western powers wield influence to stem the fighting",
"a deal that would allow"), and stops at a coordinated verb, at the sentence root, or at a
verb of saying: who vouches for a report is the claims stage's concern, not the event's.
"""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.extract.event_lexicon import modality_cues, speech_verbs
from sitrep.extract.event_roles import subtree
from sitrep.records import EventStatus

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
COPULA_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# "said it would impose duties": reported speech backshifts "will" to "would"; with no
# condition in sight, the act is announced (proposed), not hypothetical.
FUTURE_IN_THE_PAST = "would"
CONDITION_MARKS = frozenset({"if", "unless"})


def event_status(trigger: Token) -> EventStatus:
    cues = modality_cues()
    speech = speech_verbs()
    # "offered a ceasefire", "One offer Assad made": the event word is itself only a proposal.
    own = cues.get((trigger.lemma_.lower(), "trigger"))
    if own is not None:
        return own
    token = trigger
    visited: set[int] = set()
    # Bounded by the visited set: a parse whose heads form a cycle must not hang the batch.
    while token.i not in visited:
        visited.add(token.i)
        found = _status_at(token, trigger, cues)
        if found is not None:
            return found
        head = token.head
        is_verb = token.pos_ in ("VERB", "AUX")
        if head.i == token.i or (is_verb and token.dep_ in ("conj", "parataxis")):
            return EventStatus.ASSERTED
        if head.lemma_.lower() in speech:
            return EventStatus.ASSERTED
        token = head
    return EventStatus.ASSERTED


def _status_at(
    token: Token, trigger: Token, cues: dict[tuple[str, str], EventStatus]
) -> EventStatus | None:
    """The status a word (the trigger or a word embedding it) gives the trigger's event."""
    governs = token.i != trigger.i
    for child in token.children:
        word = child.lower_
        # "did not attack"; "no arrest was made", "gave no order to pull out"
        if child.dep_ in ("neg", "det") and (word, "neg") in cues:
            return cues[word, "neg"]
        if child.dep_ == "aux" and (word, "aux") in cues:
            if word == FUTURE_IN_THE_PAST and _reported_in_the_past(token):
                return EventStatus.PROPOSED
            return cues[word, "aux"]
        if child.dep_ == "mark" and (word, "mark") in cues:
            return cues[word, "mark"]
        if child.dep_ in SUBJECT_DEPS and (word, "subject") in cues:
            return cues[word, "subject"]
        # "One offer Assad made ... is for Syria to cut ...": the subject names the proposal.
        if governs and token.lemma_ == "be" and child.dep_ in COPULA_SUBJECT_DEPS:
            for noun in subtree(child):
                cue = (noun.lemma_.lower(), "governor")
                if noun.pos_ == "NOUN" and noun.i != trigger.i and cue in cues:
                    return cues[cue]
    if governs:
        return cues.get((token.lemma_.lower(), "governor"))
    return None


def _reported_in_the_past(verb: Token) -> bool:
    """Whether a clause is what a past-tense verb of saying reports, with no condition."""
    if verb.dep_ != "ccomp" or verb.head.tag_ != "VBD":
        return False
    if verb.head.lemma_.lower() not in speech_verbs():
        return False
    return not any(
        mark.lower_ in CONDITION_MARKS
        for clause in verb.children
        if clause.dep_ == "advcl"
        for mark in clause.children
        if mark.dep_ == "mark"
    )

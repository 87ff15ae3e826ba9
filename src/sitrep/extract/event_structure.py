"""The main predicate decides what a sentence reports.

A stopping verb turns the event it stops into its own (`knowledge/events/reversals.tsv`,
from the PLOVER codebook): "halted economic aid" is SANCTION, "called off a strike"
CONCEDE, "is refusing to lift the curfew" REJECT. What is agreed, requested, threatened,
refused or alleged is the content of that act, not an event of its own: "have agreed to
undertake joint exercises" is AGREE, "accused them of attacking" ACCUSE. A purpose
("sent troops to attack") has not happened, and a source's request not to be named is no
act toward anyone, nor is an act an adjective only weighs ("isn't afraid to fight one", "is
right to ask"). These are conditions on the parse, applied to any classifier's labels.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitrep.extract.event_lexicon import (
    background_cues,
    casualty_words,
    pronoun_referents,
    reversals,
    speech_verbs,
    stopping_nouns,
    word_classes,
)
from sitrep.extract.event_roles import first_conjunct, is_verbal, subject_candidates, subtree
from sitrep.extract.event_status import event_status
from sitrep.records import EventStatus
from sitrep.taxonomy import VERBAL_QUAD_CLASSES, event_types


@dataclass(frozen=True, slots=True)
class TriggerLabel:
    """One event word found in a sentence."""

    token: int  # index in the Doc of the word that carries the event
    particle: int | None  # index of its particle ("back" in "fall back"), if any
    type: str  # PLOVER event type
    mode: str | None
    score: float


ANY_TYPE = "*"
# How a stopped event hangs on the verb that stops it ("halted aid", "aid was halted",
# "refused to lift").
STOPPED_DEPS = frozenset({"dobj", "nsubjpass", "xcomp"})
# How a stopped event noun hangs on a noun of stopping ("a suspension of aid", "a freeze on
# cooperation", "a halt to the fighting").
STOPPED_PREPOSITIONS = frozenset({"of", "on", "to"})
Reversal = tuple[str, str | None]  # a reversals.tsv key: the stopping verb and its particle
# How the content of an act hangs on it: infinitive or finite clause, object, a
# preposition's object ("accused them of attacking", "called for sanctions"), an adjective
# complement's ("pleaded not guilty to murder").
CONTENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "pcomp", "prep", "acomp"})
CONTENT_DEPTH = 3
# Steps that stay inside one item of content and so do not count toward its depth: a noun
# coordinated with the first ("charged with murder and two counts of assault") and the "of"
# phrase of a noun of quantity ("counts of assault").
NOUN_POS = frozenset({"NOUN", "PROPN"})
# An infinitive clause with its own subject, brought in by "for" ("called for the chief to
# resign"), is what is asked, like an object clause.
CONTENT_MARK = "for"
# Acts whose content is never a reported event of its own (the events-gwn-dev guideline).
CONTENT_TYPES = frozenset({"AGREE", "REQUEST", "THREATEN", "REJECT"})
# Accusations: what is alleged ("accused of attacking", "charged with murder") is content; an
# investigated event itself ("investigating the shooting") may well have happened.
ALLEGING_TYPES = frozenset({"ACCUSE"})
# Penalties: the offence a "for" or "over" phrase gives ("arrested for vandalism") is alleged.
PENALTY_TYPES = frozenset({"COERCE"})
CASE = "case"  # the role of a preposition of the case an accusation is made in, background.tsv
REASON = "reason"  # the role of a preposition of a penalty's reason in background.tsv
REQUEST = "REQUEST"
ANCHOR = "anchor"  # the role of a time or circumstance preposition in background.tsv
WEIGHS = "weighs"  # the role of an adjective of evaluation in background.tsv
UNSPECIFIC = "unspecific"  # the role of a determiner of no particular thing in background.tsv
AGREE = "AGREE"
CONSULT = "CONSULT"
SETTING = "setting"  # the role of a preposition of occasion in background.tsv
OWN_SITTING = "own_sitting"  # the word class of words of one body's own sitting
SITTING_MODIFIER_DEPS = frozenset({"compound", "amod"})  # "council meeting", "annual meeting"
WINNING = "winning"  # the word class of verbs of winning a contest (word_classes.tsv)
PARTNER = "partner"  # the word class of prepositions that bring in whom one meets
ASSAULT = "ASSAULT"
COMPELLING = "compelling"  # the word class of verbs that make someone act (word_classes.tsv)
PREVENTING = "preventing"  # the word class of verbs that keep someone "from" acting
# How an event noun kept from happening hangs on the verb that prevents it.
PREVENTED_DEPS = frozenset({"dobj", "nsubjpass"})
SEEMING = "seeming"  # the word class of verbs of feeling or seeming (word_classes.tsv)
GENERIC = "generic"  # the role of a subject that is the reader or anyone, in background.tsv
HABITUAL = "habitual"  # the role of an adverb of frequency, in background.tsv
DEFINITE = "definite"  # the role of a determiner that refers back, in background.tsv
INDICATING = "indicating"  # the word class of verbs of what a thing shows (word_classes.tsv)
# How what a verb of indication implies hangs on it ("means sanctions", "means collaborating").
IMPLIED_DEPS = frozenset({"dobj", "xcomp"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})  # a finite verb in the present tense
PARTY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})  # entities that name a party
# Pronouns that name a party (not "it": "if it rains").
PARTY_PRONOUNS = frozenset({"he", "she", "they", "we", "you"})
THREATEN = "THREATEN"
PROTEST = "PROTEST"
# How a demand hangs on the protest that makes it: a participle clause ("protests demanding",
# "demonstrated calling for") or a preposition's ("joined them in demanding").
PROTEST_DEMAND_DEPS = frozenset({"acl", "advcl", "pcomp", "pobj", "prep", "conj"})
DEMAND_DEPTH = 3
# Acts of telling someone to act that an alternative penalty makes an ultimatum.
DIRECTIVE_TYPES = frozenset({"REQUEST", "COERCE"})
FORFEIT = "forfeit"  # the word class of what one suffers on the other side of an ultimatum
DIRECTED_DEPS = frozenset({"xcomp", "ccomp"})
COMMITMENT = "commitment"  # the word class of verbs of promising (word_classes.tsv)
# Whom a promise is made to, besides an indirect object ("pledged to Kyiv that ...").
ADDRESSEE_PREPOSITIONS = frozenset({"to"})
# How what is promised hangs on the promise ("pledged to withdraw", "promised aid", "a pledge
# of troops").
PROMISED_DEPS = frozenset({"xcomp", "ccomp", "dobj", "prep", "acl"})
# Who a request is made of: an object, an indirect object, a "to"/"of"/"on" phrase.
ADDRESSEE_DEPS = frozenset({"dobj", "dative", "prep"})
# Hostile acts that a condition on the other party makes a threat: the PLOVER codebook's
# THREATEN modes are threats of violence, of taking territory (ASSAULT), of arrest, of bans
# and restrictions (COERCE), of expulsion and of cutting relations (SANCTION).
THREATENED_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})
# A withdrawal is a threat only as the penalty of an ultimatum ("will withdraw its
# peacekeepers unless a ceasefire is arranged"); "will pull out if attacked" is no threat.
ULTIMATUM_TYPES = frozenset({"RETREAT"})
CONDITION = "condition"  # the role of a conjunction of condition ("if"), in background.tsv
ULTIMATUM = "ultimatum"  # the role of a conjunction of an ultimatum ("unless"), background.tsv
CONSEQUENCE = "consequence"  # the role of an auxiliary of what follows ("will"), background.tsv
CONCESSIVE = "concessive"  # the role of a word that makes "if" concessive ("even if")
COMMENTATOR = "commentator"  # the word class of those who forecast (word_classes.tsv)
PLURAL = "plural"  # the referent of a plural pronoun, in pronouns.tsv
FIRST_PERSON_PLURAL = "we"  # a plural sayer pronouns.tsv leaves out (it has no antecedent)
SOURCE = "source"  # the role of a word of what a source knows ("familiar with"), background.tsv
PREPARING = "preparing"  # the word class of verbs of readying forces (word_classes.tsv)
# How an attack prepared for hangs on the verb of preparing ("prepared to resume shelling").
PREPARED_DEPS = frozenset({"xcomp", "dobj"})
MOBILIZE = "MOBILIZE"
AIMING = "aiming"  # the word class of verbs of what a thing is for (word_classes.tsv)
WILLINGNESS = "willingness"  # the word class of adjectives of willingness (word_classes.tsv)
# Acts of cooperation (QuadClass 1 and 2) that a party's stated willingness makes an AGREE
# (the PLOVER codebook: "indicate willingness or commitment to cooperate"); a request is
# asked, not offered.
WILLING_TYPES = frozenset(
    name for name, kind in event_types().items() if kind.quad_class in (1, 2)
) - {AGREE, REQUEST}


def restructure(doc: Doc, labels: list[TriggerLabel]) -> list[TriggerLabel]:
    """One sentence's labels with stopped events turned and content left out."""
    by_token = {label.token: label for label in labels}
    # Deepest first, so that a stopped event turns before its own governor is looked at.
    for label in sorted(labels, key=lambda found: -_depth(doc[found.token])):
        current = by_token.get(label.token)
        if current is None:
            continue
        governor = _stopping_governor(doc[label.token])
        if governor is None:
            continue
        verb, particle, key = governor
        table = reversals()[key]
        new_type = table.get(current.type) or table.get(ANY_TYPE)
        if new_type is None:
            continue
        del by_token[label.token]
        existing = by_token.get(verb.i)
        if existing is None or existing.type != new_type:
            by_token[verb.i] = TriggerLabel(
                verb.i, particle.i if particle else None, new_type, None, current.score
            )
    for index, label in list(by_token.items()):
        penalties = _ultimatum_penalties(doc[index]) if label.type in DIRECTIVE_TYPES else []
        if penalties:
            by_token[index] = TriggerLabel(index, label.particle, THREATEN, None, label.score)
            # The penalty threatened is the threat's content, as the act demanded is.
            for penalty in penalties:
                by_token.pop(penalty.i, None)
    _turn_conditional_threats(doc, by_token)
    for index, label in list(by_token.items()):
        turned = _told_by_governor(doc[index], label)
        if turned is not None:
            # The governor's act is the one told; the act it governs is its content.
            teller, new_type = turned
            del by_token[index]
            by_token.setdefault(teller.i, TriggerLabel(teller.i, None, new_type, None, label.score))
    return [
        label
        for index, label in sorted(by_token.items())
        if not _is_content(doc[index], by_token)
        and not _is_purpose(doc[index])
        and not (label.type == REQUEST and _asks_only_not_to_be_named(doc[index]))
        and not (label.type == REQUEST and _is_a_protests_demand(doc[index], by_token))
        and not (label.type == PROTEST and _says_why_a_protest(doc[index], by_token))
        and not _is_weighed(doc[index])
        and not _is_unspecific(doc[index])
        and not _promises_nothing(doc[index], label, by_token)
        and not _is_effect(doc[index], label, by_token)
        and not _is_setting(doc[index], label)
        and not _is_a_match(doc[index], label)
        and not _harm_denied(doc[index], label)
        and not _is_anyones(doc[index])
        and not _follows_from_anyones_act(doc[index])
        and not _is_habitual(doc[index])
        and not _defines_a_kind(doc[index])
        and not _is_generic(doc[index], label)
        and not _is_what_an_event_shows(doc[index])
        and not _is_implied(doc[index])
        and not _is_compelled_or_prevented(doc[index])
        and not _is_felt(doc[index])
        and not _names_a_source(doc[index])
    ]


def _turn_conditional_threats(doc: Doc, by_token: dict[int, TriggerLabel]) -> None:
    """A hostile act promised on a condition the other party can meet is a threat, as PLOVER
    codes it ("will fight back firmly if the U.S. persists", "said he would raise tariffs if
    no deal is reached"): one THREATEN on the verb of saying that tells it, else on the act's
    own verb (the one threatening is its subject). The act and what the condition names
    ("no deal") have not happened; they are the threat's content. An act of cooperation
    promised on a condition another party can meet is an offer, AGREE, in the same way
    (`_conditional_offer`)."""
    for index, label in list(by_token.items()):
        if by_token.get(index) is not label:
            continue
        turned = THREATEN
        if label.type in THREATENED_TYPES:
            found = _conditional_threat(doc[index], CONDITION)
        elif label.type in ULTIMATUM_TYPES:
            found = _conditional_threat(doc[index], ULTIMATUM)
            if found is None:
                found, turned = _conditional_offer(doc[index]), AGREE
        elif label.type in WILLING_TYPES:
            found, turned = _conditional_offer(doc[index]), AGREE
        else:
            continue
        if found is None:
            continue
        threat, conditions = found
        held = by_token.get(threat.i)
        if held is not None and threat.i != index and held.type != turned:
            continue  # the telling verb is an act of its own ("accused X of vowing to ...")
        del by_token[index]
        by_token[threat.i] = TriggerLabel(threat.i, None, turned, None, label.score)
        inside = {t.i for condition in conditions for t in subtree(condition)}
        for other in [i for i in by_token if i in inside]:
            del by_token[other]


def threatened_act(saying: Token) -> tuple[Token, list[Token]] | None:
    """For a verb of saying that tells a conditional threat (`_turn_conditional_threats`),
    the act threatened and the clauses of its condition, so that the threat takes the
    act's doer and target, or whoever the condition asks to comply ("China will fight back
    if the U.S. persists, the ministry said": China threatens the U.S.)."""
    if saying.lemma_.lower() not in speech_verbs():
        return None
    for clause in (c for c in saying.children if c.dep_ == "ccomp"):
        for act in (clause, *(c for c in clause.children if c.dep_ == "conj")):
            for role in (CONDITION, ULTIMATUM):
                found = _conditional_threat(act, role)
                if found is not None and found[0].i == saying.i:
                    return act, found[1]
    return None


def _conditional_offer(word: Token) -> tuple[Token, list[Token]] | None:
    """For an act of cooperation told as what will follow a condition another party can
    meet ("would meet the mediator if he gave them a veto", "will lift the sanctions if
    Ostrava frees the prisoners"), the word that makes the offer and the condition clauses:
    an offer, AGREE in the PLOVER codebook ("agree to, offer ... or otherwise indicate
    willingness"). Not a contingency no party is asked to meet ("will pull out if
    attacked", "if war starts")."""
    found = _conditional_threat(word, CONDITION)
    if found is None:
        return None
    asked = [
        subject
        for condition in found[1]
        for subject in condition.children
        if subject.dep_ == "nsubj"
        and (subject.ent_type_ in PARTY_LABELS or subject.lower_ in PARTY_PRONOUNS)
    ]
    return found if asked else None


def conditions_of(act: Token) -> list[Token]:
    """The condition clauses ("if", "unless") on a threat's or an offer's verb or on what it
    threatens or offers ("threatened to stop the talks if the United States goes ahead",
    "will lift the sanctions if Ostrava frees the prisoners"): whoever they ask to comply
    is the one threatened, or offered to."""
    holders = [act, *(c for c in act.children if c.dep_ in DIRECTED_DEPS)]
    return _condition_clauses(holders, (CONDITION, ULTIMATUM))


def _condition_clauses(holders: list[Token], roles: tuple[str, ...]) -> list[Token]:
    """The adverbial clauses on `holders` that a conjunction of one of `roles` opens
    (`_is_condition`), each once."""
    cues = background_cues()
    return [
        clause
        for holder in dict.fromkeys(holders)
        for clause in holder.children
        if clause.dep_ == "advcl"
        and any(_is_condition(c, role, cues) for c in clause.children for role in roles)
    ]


def _conditional_threat(word: Token, role: str) -> tuple[Token, list[Token]] | None:
    """For a hostile act told as what will follow a condition (an auxiliary of consequence,
    "will", "would", and a clause on its verb that a conjunction of `role` opens, not "even
    if"; not negated: "will not attack if" promises), the word that makes the threat and the
    condition clauses."""
    verb = word if is_verbal(word) else word.doc[_clause_of(word)]
    if not is_verbal(verb):
        return None
    cues = background_cues()
    verbs = [verb, first_conjunct(verb)]
    if any(c.dep_ == "neg" for c in verb.children) or not any(
        c.dep_ == "aux" and c.lower_ in cues.get(CONSEQUENCE, frozenset())
        for v in verbs
        for c in v.children
    ):
        return None
    conditions = _condition_clauses(verbs, (role,))
    if not conditions:
        return None
    telling = first_conjunct(verb)
    if telling.dep_ == "ccomp" and telling.head.lemma_.lower() in speech_verbs():
        return (telling.head, conditions) if _speaks_for(telling.head, verb) else None
    return verb, conditions


def _speaks_for(saying: Token, act: Token) -> bool:
    """Whether the one saying tells its own side's act, so the threat is theirs ("Trump said
    he would raise tariffs", "the rebels said they would attack", "the ministry said China
    will fight back"), not a forecast of another's ("he said they would attack", "analysts
    said Beijing would retaliate"). A pronoun doer must agree with the sayer in number."""
    doers = [c for v in (act, first_conjunct(act)) for c in v.children if c.dep_ == "nsubj"]
    sayers = [c for c in saying.children if c.dep_ == "nsubj"]
    if not doers or not sayers:
        return True
    doer, sayer = doers[0], sayers[0]
    if sayer.lemma_.lower() in word_classes().get(COMMENTATOR, frozenset()):
        return False
    referent = pronoun_referents().get(doer.lower_) if doer.pos_ == "PRON" else None
    if referent is None:
        return True
    return (referent == PLURAL) == _is_plural(sayer)


def _is_plural(noun: Token) -> bool:
    """Whether a subject names more than one: a plural noun, coordinated nouns, a plural
    pronoun ("they", "we")."""
    return (
        noun.tag_ in ("NNS", "NNPS")
        or any(c.dep_ == "conj" for c in noun.children)
        or pronoun_referents().get(noun.lower_) == PLURAL
        or noun.lower_ == FIRST_PERSON_PLURAL
    )


def _is_condition(mark: Token, role: str, cues: dict[str, frozenset[str]]) -> bool:
    """Whether a clause's conjunction sets a condition of the role's kind ("if", "unless";
    not "even if", "as if"; an ultimatum's: "unless")."""
    before = mark.doc[mark.i - 1].lower_ if mark.i > 0 else ""
    return (
        mark.dep_ == "mark"
        and mark.lower_ in cues.get(role, frozenset())
        and before not in cues.get(CONCESSIVE, frozenset())
    )


def _names_a_source(noun: Token) -> bool:
    """Whether an event noun only says what a source knows ("people familiar with the
    talks", "officials briefed on the meeting", "sources close to the negotiations";
    `background.tsv`): the sentence tells who speaks, nothing about the event. An event the
    phrase dates or gives an owner is told there ("briefed on last weekend's phone call")."""
    first = first_conjunct(noun)
    if noun.pos_ != "NOUN" or is_verbal(noun) or first.dep_ != "pobj":
        return False
    if any(c.dep_ == "poss" or c.ent_type_ in ("DATE", "TIME") for c in subtree(noun)):
        return False
    return first.head.head.lower_ in background_cues().get(SOURCE, frozenset())


def _is_setting(noun: Token, label: TriggerLabel) -> bool:
    """Whether a gathering is named only as where or when something else happened, with no
    party it brought together ("said after a party meeting", "moved the motion during a
    full council meeting", "offering the job in a one-on-one meeting"), or as one body's
    own sitting ("an all-company meeting on Friday", "organizational meetings"; word class
    own_sitting): not one actor consulting another. "In a meeting with Yang Jiechi" names
    its partner, and "Putin's meeting" its party; both are reported."""
    if label.type != CONSULT or noun.pos_ != "NOUN" or is_verbal(noun):
        return False
    cues = background_cues()
    settings = cues.get(ANCHOR, frozenset()) | cues.get(SETTING, frozenset())
    own_sitting = word_classes().get(OWN_SITTING, frozenset())
    named_as_setting = noun.dep_ == "pobj" and noun.head.lower_ in settings
    if not named_as_setting and not any(
        c.dep_ in SITTING_MODIFIER_DEPS and c.lemma_.lower() in own_sitting for c in noun.children
    ):
        return False
    partners = word_classes().get(PARTNER, frozenset())
    return not any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in partners) for c in noun.children
    )


def _is_a_match(noun: Token, label: TriggerLabel) -> bool:
    """Whether a meeting is what a verb of winning wins ("had won all previous 15 meetings
    with their neighbours"; word class winning): a consultation has no winner, so the
    meeting is a match between sides, not one party consulting another. Not a meeting
    where something else is won ("won support at a meeting with the governors")."""
    if label.type != CONSULT or noun.pos_ != "NOUN" or is_verbal(noun):
        return False
    first = first_conjunct(noun)
    winning = word_classes().get(WINNING, frozenset())
    return first.dep_ == "dobj" and first.head.lemma_.lower() in winning


def _harm_denied(word: Token, label: TriggerLabel) -> bool:
    """Whether a word of harm only says no one was harmed ("the officer was not injured", "no
    one was hurt"): a count of nought for an attack told elsewhere, not an attack."""
    return (
        label.type == ASSAULT
        and word.lemma_.lower() in casualty_words()
        and event_status(word) is EventStatus.NEGATED
    )


def _is_anyones(word: Token) -> bool:
    """Whether an act's subject is the reader or anyone ("Are you planning to visit?", "if
    you're trying to fight someone", "you couldn't ask for better"; `background.tsv`): no
    party of the news does it."""
    generic = background_cues().get(GENERIC, frozenset())
    subjects = subject_candidates(word)
    return bool(subjects) and subjects[-1].lower_ in generic


def _follows_from_anyones_act(word: Token) -> bool:
    """Whether an event word tells what follows if the reader or anyone does something ("If
    you put saints in this camp, they will end up fighting", "if you drive drunk, police
    will arrest you"; `background.tsv`, roles condition and generic): a generic statement,
    no act that happened."""
    cues = background_cues()
    generic = cues.get(GENERIC, frozenset())
    conditions = cues.get(CONDITION, frozenset())
    current, seen = word, {word.i}
    while True:
        for clause in (c for c in current.children if c.dep_ == "advcl"):
            marked = any(c.dep_ == "mark" and c.lower_ in conditions for c in clause.children)
            if marked and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in generic for c in clause.children
            ):
                return True
        if current.head.i in seen:
            return False
        current = current.head
        seen.add(current.i)


def _ultimatum_penalties(verb: Token) -> list[Token]:
    """The alternatives a demand or order gives its addressee to suffer, if any ("asked it to
    file within a month or be deregistered", "ordered him to either pay or give up his
    daughters", "told them to leave or face arrest"): an ultimatum, which PLOVER codes as
    THREATEN; what it demands and threatens is its content."""
    if not is_verbal(verb):
        return []
    forfeits = word_classes().get(FORFEIT, frozenset())
    for clause in (c for c in verb.children if c.dep_ in DIRECTED_DEPS and is_verbal(c)):
        if not any(c.dep_ == "cc" and c.lower_ == "or" for c in clause.children):
            continue
        # The alternative is coordinated with the demanded act, or (misparsed) a second
        # clause of the demanding verb after it.
        alternatives = [c for c in clause.children if c.dep_ == "conj"]
        alternatives += [c for c in verb.children if c.dep_ in DIRECTED_DEPS and c.i > clause.i]
        penalties = [a for a in alternatives if _is_forfeit(a, forfeits)]
        if penalties:
            return penalties
    return []


def _is_forfeit(verb: Token, forfeits: frozenset[str]) -> bool:
    """Whether a clause is something suffered: passive ("or be deregistered") or a verb of
    facing or losing ("or face arrest", "or give up his daughters"; the parser may make
    "face" a noun on "arrest")."""
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    lemmas = [w.lemma_.lower() for w in (verb, *verb.children) if w is verb or w.dep_ == "compound"]
    return (
        any(c.dep_ == "auxpass" for c in verb.children)
        or any(lemma in forfeits for lemma in lemmas)
        or any(f"{lemmas[0]} {particle}" in forfeits for particle in particles)
    )


def _is_habitual(word: Token) -> bool:
    """Whether a verb tells what happens as a rule to anyone ("people are often detained for
    months", "a discount is typically negotiated by airlines"; `background.tsv`): an adverb of
    frequency in its own clause, on the verb or on a phrase of it ("detained, often for
    months"), not in a clause below it. A named party's practice ("Israeli soldiers routinely
    beat detainees") is a pattern of its acts, which PLOVER codes."""
    if not is_verbal(word) or _done_by_a_party(word):
        return False
    habitual = background_cues().get(HABITUAL, frozenset())
    return any(
        adverb.dep_ == "advmod" and adverb.lower_ in habitual and _clause_of(adverb) == word.i
        for adverb in subtree(word)
    )


def _defines_a_kind(verb: Token) -> bool:
    """Whether a verb is a defining relative clause in the simple present ("areas that do
    not support its goals", "a scheme that takes half the cars off the road", "the cells
    where people are held"): the clause says what kind of thing its noun is, a standing
    property, not an act that happened. Not a progressive or perfect ("the residents who
    are refusing to leave", "the group that has attacked"), a past or a modal, nor a
    clause set off by a comma ("Iran, which denies the charge"): that one adds a fact
    about a noun already known, and may report its act."""
    first = first_conjunct(verb)
    if first.dep_ != "relcl" or not is_verbal(first):
        return False
    opener = first.left_edge
    if opener.i > 0 and opener.nbor(-1).is_punct:
        return False
    return _is_simple_present(first)


def _is_generic(verb: Token, label: TriggerLabel) -> bool:
    """Whether a verb says what holds of a kind: the simple present with a bare plural
    subject, no determiner, possessor or number before it ("people are detained in
    overcrowded cells", "it is not uncommon for artists to give up the rights"): a generic
    statement, no act that happened. An infinitive with such a subject of its own takes the
    tense of the clause it hangs on. A named party's ("Syrian troops shell the town") is
    kept, as is any other tense ("protesters blocked the road"), and so is a verbal act
    (QuadClass 1 or 3): news tells a group's current statement in the present ("Rights
    groups accuse the army of torture", "Residents demand answers")."""
    if not is_verbal(verb) or _done_by_a_party(verb):
        return False
    if event_types()[label.type].quad_class in VERBAL_QUAD_CLASSES:
        return False
    tensed = verb.head if _asked_clause(verb) else verb
    if not _is_simple_present(tensed):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(
        subject.tag_ == "NNS"
        and not any(c.dep_ in ("det", "poss", "nummod") for c in subject.children)
        for subject in subjects
    )


def _is_what_an_event_shows(noun: Token) -> bool:
    """Whether a definite or owned event noun is only the subject of a verb of indication
    ("the crackdown shows the limits of that promise", "the clash reflects the tension",
    "his arrest signals a shift"; `word_classes.tsv`, class indicating): the sentence says
    what an event already known means, it does not report it."""
    if noun.pos_ != "NOUN" or is_verbal(noun) or first_conjunct(noun).dep_ != "nsubj":
        return False
    definite = background_cues().get(DEFINITE, frozenset())
    if not any(c.dep_ == "poss" or c.lower_ in definite for c in noun.children):
        return False
    verb = first_conjunct(noun).head
    return verb.lemma_.lower() in word_classes().get(INDICATING, frozenset())


def _is_implied(word: Token) -> bool:
    """Whether an event word is only what a verb of indication says something implies, its
    object or infinitive ("it means sanctions", "even if it means collaborating with them",
    "the move signals a crackdown"; class indicating): a consequence drawn, not an act
    reported. A clause it says a thing shows ("the report shows that police arrested 40") is
    not this: that clause tells what happened."""
    first = first_conjunct(word)
    indicating = word_classes().get(INDICATING, frozenset())
    return first.dep_ in IMPLIED_DEPS and first.head.lemma_.lower() in indicating


def _is_simple_present(verb: Token) -> bool:
    """Whether a verb group is in the simple present, active or passive ("takes", "do not
    support", "are held"): the tense of what holds as a rule."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBG" or any(a.tag_ in ("MD", "TO") or a.lemma_ == "have" for a in auxiliaries):
        return False
    finite = auxiliaries[0] if auxiliaries else verb
    return finite.tag_ in PRESENT_TAGS


def _done_by_a_party(verb: Token) -> bool:
    """Whether a verb's subject or passive agent names a person, group, organisation or
    state."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [o for c in verb.children if c.dep_ == "agent" for o in c.children]
    return any(t.ent_type_ in PARTY_LABELS for doer in doers for t in subtree(doer))


def _clause_of(word: Token) -> int:
    """The Doc index of the nearest verb above a word: the clause it belongs to."""
    seen = {word.i}
    while word.head.i not in seen:
        word = word.head
        seen.add(word.i)
        if is_verbal(word):
            return word.i
    return word.i


def _is_compelled_or_prevented(word: Token) -> bool:
    """Whether an act is what someone is made to do or kept from doing ("tried to force him to
    resign", "was forced to support the party line", "blocked lawyers from visiting him",
    "banned most rallies"): the
    compelling or preventing is the act reported; the compelled one has not happened, nor is
    it its doer's own, and the prevented one did not happen (`word_classes.tsv`, classes
    compelling and preventing). An order to one's own forces is not compulsion: "ordering his
    army to fall back" is the one ordering's retreat."""
    first = first_conjunct(word)
    classes = word_classes()
    if first.dep_ == "xcomp":
        return first.head.lemma_.lower() in classes.get(COMPELLING, frozenset())
    if first.dep_ in PREVENTED_DEPS and first.pos_ == "NOUN" and not is_verbal(first):
        # "banned most rallies", "protests were prohibited": the act is kept from happening.
        return first.head.lemma_.lower() in classes.get(PREVENTING, frozenset())
    preposition = first.head
    return (
        first.dep_ == "pcomp"
        and preposition.lower_ == "from"
        and preposition.head.lemma_.lower() in classes.get(PREVENTING, frozenset())
    )


def _is_felt(word: Token) -> bool:
    """Whether a participle only says how someone felt or seemed ("felt threatened", "seemed
    betrayed"): a state of mind, not an act anyone did (`word_classes.tsv`, class seeming)."""
    return (
        word.tag_ == "VBN"
        and word.dep_ in ("acomp", "oprd", "xcomp")
        and word.head.lemma_.lower() in word_classes().get(SEEMING, frozenset())
    )


def is_time_anchor(token: Token) -> bool:
    """Whether an event noun only places something else in time or circumstance ("After the
    stabbing, Bassett ran", "despite the threat to his life"); `find_events` drops it when
    it re-mentions an event the article has told (the guideline: not "a mere time anchor")."""
    return (
        token.pos_ == "NOUN"
        and not is_verbal(token)
        and token.dep_ == "pobj"
        and token.head.lower_ in background_cues().get(ANCHOR, ())
    )


def _is_unspecific(noun: Token) -> bool:
    """Whether an event noun names no particular event, only any of its kind ("any sanctions
    would only apply next season", "any additional tariffs would be subject to review", "help
    forge any deal"; `background.tsv`)."""
    unspecific = background_cues().get(UNSPECIFIC, frozenset())
    return (
        noun.pos_ == "NOUN"
        and not is_verbal(noun)
        and any(c.dep_ == "det" and c.lower_ in unspecific for c in noun.children)
    )


def _promises_nothing(word: Token, label: TriggerLabel, labelled: dict[int, TriggerLabel]) -> bool:
    """A promise made to no one about no act toward anyone: a commitment (a campaign pledge
    "to cut taxes", "promised jobs", "deliver on his promises"), not an agreement. A promise
    to an addressee ("pledged to Kyiv that ...", "made a promise to the strikers") or of an
    event ("promised to withdraw its troops") is kept (the events-gwn-dev guideline: AGREE
    is a promise of cooperation; domestic programmes are not annotated)."""
    if label.type != AGREE or word.lemma_.lower() not in word_classes().get(COMMITMENT, ()):
        return False
    # A promise noun's addressee may hang on the verb that makes it ("made a promise to").
    holders = [word] if is_verbal(word) or word.dep_ != "dobj" else [word, word.head]
    if any(
        c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in ADDRESSEE_PREPOSITIONS)
        for holder in holders
        for c in holder.children
    ):
        return False
    return not any(other != word.i and _within(word.doc[other], word) for other in labelled)


def _within(token: Token, governor: Token) -> bool:
    """Whether a word lies in what a governor takes as content (its object, complement or
    prepositional phrase, not a clause coordinated with it); bounded by a visited set."""
    seen = {token.i}
    while token.head.i not in seen:
        if token.head.i == governor.i:
            return token.dep_ in PROMISED_DEPS
        token = token.head
        seen.add(token.i)
    return False


def _is_effect(verb: Token, label: TriggerLabel, labelled: dict[int, TriggerLabel]) -> bool:
    """Whether a verb of harm only tells what another kind of event did to someone ("India
    has been hit by protests", "tariffs hit exporters"): its subject or passive agent is an
    event noun of another, non-violent type, so no attack is reported."""
    if label.type != ASSAULT or not is_verbal(verb):
        return False
    causes = [c for c in verb.children if c.dep_ == "nsubj"]
    causes += [o for c in verb.children if c.dep_ == "agent" for o in c.children]
    return any(
        (found := labelled.get(cause.i)) is not None
        and cause.pos_ == "NOUN"
        and found.type != ASSAULT
        for cause in causes
    )


def _is_weighed(verb: Token) -> bool:
    """Whether an infinitive is an act an adjective of evaluation only weighs, not one reported
    ("it was important to demonstrate solidarity", "is right to ask", "isn't afraid to
    fight"; `background.tsv`); "ready to negotiate" proposes it (`modality.tsv`) instead."""
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return False
    head = verb.head
    adjectives = [head] if head.pos_ == "ADJ" else []
    if head.lemma_ == "be":
        adjectives = [c for c in head.children if c.dep_ == "acomp" and c.pos_ == "ADJ"]
    weighing = background_cues().get(WEIGHS, frozenset())
    return any(a.lemma_.lower() in weighing for a in adjectives)


def _told_by_governor(word: Token, label: TriggerLabel) -> tuple[Token, str] | None:
    """The word and type an act is told by when a governor only readies or offers it: an
    attack prepared for is a MOBILIZE on the verb of preparing (`_preparing`), an act of
    cooperation one is willing to do an AGREE on the adjective (`_willingness`)."""
    if label.type == ASSAULT:
        preparing = _preparing(word)
        return (preparing, MOBILIZE) if preparing is not None else None
    if label.type in WILLING_TYPES:
        willing = _willingness(word)
        return (willing, AGREE) if willing is not None else None
    return None


def _preparing(word: Token) -> Token | None:
    """The verb of preparing whose infinitive an attack is, if any, a step or two up ("the
    army prepared to resume shelling", "troops are preparing to storm the town"): forces
    readied for an attack are a mobilization (the PLOVER codebook's MOBILIZE: moves and
    readiness that fall short of the use of force). Not the adjective ("is prepared to
    fight": a stance)."""
    for current in _governors(word, PREPARED_DEPS, CONTENT_DEPTH):
        if current.lemma_.lower() in word_classes().get(PREPARING, frozenset()):
            return current if current.pos_ == "VERB" and current.dep_ != "acomp" else None
    return None


def _governors(word: Token, deps: frozenset[str], depth: int) -> Iterator[Token]:
    """The words above `word`, nearest first, up to `depth` steps, while each step up is by
    one of `deps` (a loop in a broken parse ends the walk)."""
    current, seen = word, {word.i}
    for _ in range(depth):
        if current.dep_ not in deps or current.head.i in seen:
            return
        current = current.head
        seen.add(current.i)
        yield current


def _willingness(word: Token) -> Token | None:
    """The adjective of willingness whose infinitive or "to" phrase an act is, if any: what
    its actor only says it is willing to do ("Syria is willing to withdraw its troops", "is
    prepared to lift the ban", "remains committed to talks"). The PLOVER codebook codes
    that as AGREE, the act its content."""
    first = first_conjunct(word)
    if first.dep_ == "xcomp":
        head = first.head
    elif first.dep_ in ("pobj", "pcomp") and first.head.lower_ == "to":
        head = first.head.head
    else:
        return None
    members = word_classes().get(WILLINGNESS, frozenset())
    return head if head.dep_ == "acomp" and head.lower_ in members else None


def _is_purpose(token: Token) -> bool:
    """Whether an event word only states a purpose: an infinitive adverbial clause, or its
    object ("sent troops to attack the town", "spoke on condition of anonymity to discuss
    secret meetings"), or what a thing is aimed at ("a meeting aimed at establishing close
    relations", "a resolution that aims to tighten sanctions"). A purpose is not reported as
    having happened."""
    verb = token.head if token.dep_ == "dobj" else token
    if _is_aim_of_a_thing(first_conjunct(verb)):
        return True
    # A purpose takes the subject of the act it serves ("for Syria to cut" has its own).
    return (
        verb.dep_ == "advcl"
        and verb.head.pos_ == "VERB"
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _is_aim_of_a_thing(verb: Token) -> bool:
    """Whether a verb is the infinitive or "at" phrase of a verb of aiming that describes a
    noun (a participle or relative clause: "talks aimed at ending", "a plan that aims to
    cut"; word class `aiming`)."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "at":
        aiming = verb.head.head
    elif verb.dep_ == "xcomp":
        aiming = verb.head
    else:
        return False
    return aiming.dep_ in ("acl", "relcl") and aiming.lemma_.lower() in word_classes().get(
        AIMING, frozenset()
    )


def _is_a_protests_demand(word: Token, labelled: dict[int, TriggerLabel]) -> bool:
    """Whether a demand is what a protest it describes demands ("protests by caste groups
    demanding that jobs be reserved", "demonstrated on Sunday calling for independence",
    "joined the demonstrators in demanding a referendum"): the PLOVER codebook codes a
    protest making a request as the PROTEST only."""
    for current in _governors(word, PROTEST_DEMAND_DEPS, DEMAND_DEPTH):
        found = labelled.get(current.i)
        if found is not None:
            return found.type == PROTEST
    return False


def _says_why_a_protest(word: Token, labelled: dict[int, TriggerLabel]) -> bool:
    """Whether "in protest" only says what a protest told by its own word is against ("went
    on strike in protest against the plan", "a hunger strike in protest of the refusal"):
    one protest, whose target the phrase gives (`event_roles`)."""
    if not (word.dep_ == "pobj" and word.head.lower_ == "in" and word.head.head.i != word.i):
        return False
    act = word.head.head
    told = [act, *(c for c in act.children if c.dep_ == "dobj")]
    told += [o for c in act.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return any(
        (found := labelled.get(t.i)) is not None and found.type == PROTEST and t.i != word.i
        for t in told
    )


def _asks_only_not_to_be_named(token: Token) -> bool:
    """A request of no one that something not be done to the speaker ("she said, asking not
    to be identified"): the condition of a source, not an act toward an actor."""
    if any(c.dep_ in ADDRESSEE_DEPS for c in token.children):
        return False
    return any(
        c.dep_ == "xcomp"
        and any(g.dep_ == "neg" for g in c.children)
        and any(g.dep_ == "auxpass" for g in c.children)
        for c in token.children
    )


def _depth(token: Token) -> int:
    depth, seen = 0, {token.i}
    while token.head.i not in seen:
        token = token.head
        seen.add(token.i)
        depth += 1
    return depth


def _stopping_governor(token: Token) -> tuple[Token, Token | None, Reversal] | None:
    """The word that stops, lifts or refuses this event word, with its particle, if any, and
    its key in `reversals.tsv`: a verb ("halted aid", "refused to lift"), or a noun of
    stopping whose "of"/"on"/"to" phrase or compound the event word is ("a suspension of
    aid", "a freeze on cooperation", "aid cuts"; `stopping_nouns.tsv`)."""
    first = first_conjunct(token)
    if first.dep_ in STOPPED_DEPS:
        verb = first.head
        particles = [c for c in verb.children if c.dep_ == "prt"]
        for particle in [*particles, None]:
            key = (verb.lemma_.lower(), particle.lower_ if particle else None)
            if key in reversals():
                return verb, particle, key
        return None
    noun = _stopping_noun(first)
    if noun is None:
        return None
    stopped: Reversal = (stopping_nouns()[noun.lemma_.lower()], None)
    return (noun, None, stopped) if stopped in reversals() else None


def _stopping_noun(word: Token) -> Token | None:
    """The noun of stopping an event noun is the object or compound of, if any."""
    if word.pos_ != "NOUN" or is_verbal(word):
        return None
    head = word.head
    if word.dep_ == "pobj" and head.lower_ in STOPPED_PREPOSITIONS:
        head = head.head
    elif word.dep_ != "compound":
        return None
    return head if head.pos_ == "NOUN" and head.lemma_.lower() in stopping_nouns() else None


def _item_head(token: Token) -> Token | None:
    """The word a step up reaches while staying inside one noun phrase of content, if any: a
    later conjunct's first conjunct ("murder and two counts of assault"), or the noun whose
    "of" phrase holds the word ("counts of assault")."""
    head = token.head
    # "should promote the process and meet each other half way": a verb coordinated with
    # the first of the content is content too.
    if token.pos_ == "VERB" and token.dep_ == "conj" and head.pos_ == "VERB" and head.i < token.i:
        return head if head.dep_ in CONTENT_DEPS else None
    if token.pos_ not in NOUN_POS:
        return None
    if token.dep_ == "conj" and head.pos_ in NOUN_POS and head.i < token.i:
        return head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in NOUN_POS:
        return head.head
    return None


def _asked_clause(verb: Token) -> bool:
    """An infinitive with its own subject brought in by "for": what is asked ("calling for
    the chief to resign")."""
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == CONTENT_MARK for c in verb.children)
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    )


def _is_content(token: Token, labelled: dict[int, TriggerLabel]) -> bool:
    """Whether an event word is what a speech act or agreement governing it is about, or the
    offence a penalty is for ("arrested for vandalism", "jailed over the killing": what is
    alleged, told as a report where it is told at all)."""
    current, through_preposition, seen = token, False, {token.i}
    reasons = background_cues().get(REASON, frozenset())
    cases = background_cues().get(CASE, frozenset())
    through_reason = False
    steps = 0
    while steps < CONTENT_DEPTH:
        if current.head.i in seen:
            return False
        item_head = _item_head(current)
        if item_head is not None and item_head.i not in seen:
            current = item_head
            seen.add(current.i)
            continue
        if current.dep_ not in CONTENT_DEPS and not _asked_clause(current):
            return False
        steps += 1
        through_preposition = through_preposition or (
            current.dep_ in ("pobj", "pcomp") and current.head.lower_ not in cases
        )
        through_reason = through_reason or (
            current.dep_ in ("pobj", "pcomp") and current.head.lower_ in reasons
        )
        current = current.head
        seen.add(current.i)
        governing = labelled.get(current.i)
        if governing is not None and (
            governing.type in CONTENT_TYPES
            or (governing.type in ALLEGING_TYPES and through_preposition)
            or (governing.type in PENALTY_TYPES and through_reason)
        ):
            return True
    return False

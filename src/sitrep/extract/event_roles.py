"""Who did it, to whom, and where: an event word's arguments mapped to actors and places.

Subjects come from the dependency parse: the subject, or the agent of a passive; a relative
pronoun stands for the noun it modifies ("insurgents, who seized"); an infinitive takes the
subject of the verb it completes: who orders or sends is who acts ("Assad is ordering his
army to fall back"); a verb the parser left without a subject takes an actor from a phrase
before it ("in the capital residents ... took to the streets"); a noun takes its possessor
or the subject of the verb it belongs to ("Russia has launched airstrikes").
A pronoun (`knowledge/events/pronouns.tsv`) stands for the actor the article's one reference
resolver (`reference.py`) finds for it: by role, gender and number.
A lexicon verb the tagger read as a noun but the parser gave a subject or an object ("saw
Assad dispatch a leader") is treated as the verb it is (`is_verbal`).
A role phrase in which annotate found no actor may still name a state, by a demonym ("an
Indian proposal") or as its owner ("the president of Armenia"); that state becomes the
article's actor (`annotate.actors.state_actor`). An act on a thing, with no one named whom it
is done to, is done to the country where the thing is ("suspended aid deliveries in Baghdad").

Every walk up or down the parse is bounded by a visited set: a parse whose heads form a
cycle must not hang the batch.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from sitrep import lexicon
from sitrep.annotate.actors import add_mention, state_actor, state_of
from sitrep.annotate.gazetteer import load_gazetteer
from sitrep.annotate.mentions import MentionIndex
from sitrep.annotate.places import demonym_entries
from sitrep.extract.event_lexicon import pronoun_referents, word_classes
from sitrep.extract.reference import resolve_references
from sitrep.records import Actor, ActorKind, Article, LocationPrecision, Place, Span

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# The word class of verbs whose subject undergoes the act their object names (word_classes.tsv).
UNDERGOING = "undergoing"
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Dependents only a verb has: a "noun" carrying them is a mis-tagged verb.
VERB_ONLY_DEPS = frozenset({"nsubj", "dobj", "aux"})
# Dependents that leave the phrase a noun heads (a relative clause names other actors).
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "appos"})
# An event noun's owner acts; it is not where the event happens ("Turkey's demands").
NOUN_OWNER_DEPS = CLAUSE_DEPS | {"poss"}
PROTEST_NOUN = "protest"  # "in protest against": the phrase of what an act protests
PROTESTED_PREPOSITIONS = frozenset({"against", "at", "over", "of"})
UNDER = "under"  # the preposition of a state one is put in ("under investigation")
TARGET_PREPOSITIONS = ("to", "against", "with", "on", "at", "from", "between")
# How what an act agrees, asks, threatens or refuses hangs on it ("threatened to ban").
CONTENT_CLAUSE_DEPS = frozenset({"xcomp", "ccomp"})
LOCATION_PREPOSITIONS = frozenset(
    {"in", "at", "near", "around", "outside", "inside", "into", "across", "to", "from", "on"}
)
POSITION_PREPOSITIONS = frozenset({"in", "at", "near", "around", "outside", "inside"})


class RoleFinder:
    """Maps tokens of one article's Doc to its actors and places."""

    def __init__(self, article: Article, doc: Doc) -> None:
        self.article = article
        self.doc = doc
        self.mentions = MentionIndex(article)
        self.references = resolve_references(article, doc)
        # Event words whose target is the state where what they act on is: that place's
        # mention still says where the event is ("visited Riyadh").
        self.located: set[int] = set()

    def actor(self, trigger: Token) -> Actor | None:
        for candidate in subject_candidates(trigger):
            if candidate.i == trigger.i:  # "a withdrawal from Syria might be…" names no actor
                continue
            found = self.actor_of_phrase(candidate)
            if found is not None:
                return found
        return None

    def threatener(self, trigger: Token) -> Actor | None:
        """The side a threat's content says will do the harm ("'China will fight back,' the
        ministry said", "a warning that the army would shell the town"): a threat is harm
        the threatener's own side will do, so where the words name no one who threatens,
        that side does."""
        for clause in _content_clauses(trigger):
            for subject in (c for c in clause.children if c.dep_ in SUBJECT_DEPS):
                found = self.actor_of_phrase(subject)
                if found is not None:
                    return found
        return None

    def asked_to_comply(self, conditions: list[Token], actor: Actor | None) -> Actor | None:
        """The party a threat's condition names as the one who must act or refrain ("if the U.S.
        persists"): the one threatened, when the act threatened names no one it is done to."""
        for condition in conditions:
            for subject in (c for c in condition.children if c.dep_ in ("nsubj", "nsubjpass")):
                found = self.actor_of_phrase(subject)
                if found is not None and found is not actor:
                    return found
        return None

    def target(self, trigger: Token, actor: Actor | None, threat: bool = False) -> Actor | None:
        """Who the event is done to: a recipient ("to"), the object, or a partner; else, for
        an act with a content clause, whom the content is done to ("offered to hand them over
        to Britain", "threatened to ban opposition candidates", "demanded that the US
        cancel the sale"). A threat's content is done by the threatener's side, so its
        subject is never the threat's target (`threatener`)."""
        for candidate in _target_candidates(trigger, content_subjects=not threat):
            found = self.actor_of_phrase(candidate)
            if found is not None and found is not actor and not self._owned(candidate, actor):
                return found
        return self._partner(trigger, actor) or self._state_acted_in(trigger, actor)

    def _state_acted_in(self, trigger: Token, actor: Actor | None) -> Actor | None:
        """ "suspended aid deliveries in Baghdad", "refused to deploy peacekeepers in Iraq": an
        act on a thing that names no one it is done to is done to the state where the thing
        is (PLOVER codes that state the target); the place stays the event's place too."""
        for holder in [trigger, *_content_clauses(trigger)]:
            objects = [c for c in holder.children if c.dep_ in ("dobj", "nsubjpass")]
            # "agreed to an extension of the mission in Chad", "sent aid to Chad"
            objects += [o for c in holder.children if c.lower_ == "to" for o in _objects(c)]
            if not objects or any(_names_people(o) for o in objects):
                continue  # "the victim was killed in London": the people are whom it is done to
            # The parser hangs "in Baghdad" on the verb or on its object alike.
            located = [
                obj
                for prep in holder.children
                if prep.dep_ == "prep" and prep.lower_ in POSITION_PREPOSITIONS
                for obj in _objects(prep)
            ]
            for phrase in objects + located:
                found = self._state_named_in(phrase, located=True)
                if found is not None and found is not actor:
                    self.located.add(trigger.i)
                    return found
        return None

    def _partner(self, trigger: Token, actor: Actor | None) -> Actor | None:
        """ "Russia and Turkey met": in an act two do together, the other subject."""
        if trigger.lemma_.lower() not in lexicon.words("events/reciprocal_words.txt"):
            return None
        for subject in subject_candidates(trigger):
            for partner in subject.conjuncts:
                found = self.actor_of_phrase(partner)
                if found is not None and found is not actor:
                    return found
        return None

    def _owned(self, phrase: Token, actor: Actor | None) -> bool:
        """ "Syria withdrew its troops": the actor's own people are what it acts with, not
        whom it acts on (only the head itself: "his commitment to the people" names a
        target inside)."""
        return (
            actor is not None
            and self.mentions.actor(phrase.idx, phrase.idx + len(phrase)) is not None
            and any(c.dep_ == "poss" and self.actor_of_phrase(c) is actor for c in phrase.children)
        )

    def object_places(self, trigger: Token) -> list[Place]:
        """Every place named in the object ("the cities of Aleppo and Hama").

        Only the first object: a second one is the parser's reading of an afterthought
        ("entered Homs, a monitor said, the last city before Damascus").
        """
        objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        return self._phrase_places(objects[0]) if objects else []

    def place(self, trigger: Token) -> Place | None:
        """Where: a location phrase on the trigger or its clause, or a place inside the phrase."""
        holders = [(trigger, LOCATION_PREPOSITIONS)]
        if not is_verbal(trigger) and trigger.head.i != trigger.i:
            holders.append((trigger.head, LOCATION_PREPOSITIONS))
        # "met with Lavrov in Moscow", "killed a man in Sacramento": the parser often hangs
        # the event's location on its object; only a phrase of position, not of origin.
        objects = [c for c in trigger.children if c.dep_ == "dobj"]
        objects += [o for c in trigger.children if c.dep_ == "prep" for o in _objects(c)]
        holders += [(obj, POSITION_PREPOSITIONS) for obj in objects]
        for holder, prepositions in holders:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ in prepositions:
                    for obj in _objects(prep):
                        found = self._phrase_places(obj)
                        if found:
                            return found[0]
        if not is_verbal(trigger):
            # "the Doha meeting", "a meeting with his counterparts in Doha"
            found = self._phrase_places(trigger, skip=NOUN_OWNER_DEPS)
        else:
            # "fall back to defend Damascus": the purpose names where they go.
            purposes = [c for c in trigger.children if c.dep_ in ("advcl", "xcomp")]
            objects = [o for c in purposes for o in c.children if o.dep_ == "dobj"]
            found = [p for o in objects for p in self._phrase_places(o)]
        return found[0] if found else None

    def actor_of_phrase(self, head: Token) -> Actor | None:
        """The actor a noun phrase names: its head's mention, else the first in the phrase."""
        if head.lower_ in pronoun_referents() and head.pos_ == "PRON":
            return self._antecedent(head)
        found = self.mentions.actor(head.idx, head.idx + len(head))
        if found is not None:
            return self._named_owner(head, found) or found
        # "billboards of Assad", "a statue of Assad's father Hafez": what the phrase is of.
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in _objects(prep):
                    found = self.actor_of_phrase(obj)
                    if found is not None:
                        return found
        found = next((r for r in self._phrase_records(head) if isinstance(r, Actor)), None)
        return found if found is not None else self._state_named_in(head)

    def _named_owner(self, head: Token, group: Actor) -> Actor | None:
        """ "Red Cross officials": a group is better named by the organisation a name before
        it gives, unless that is its own country ("US troops" stay the US military)."""
        if group.kind is not ActorKind.GROUP:
            return None
        for modifier in head.children:
            if modifier.dep_ == "compound":
                found = self.mentions.actor(modifier.left_edge.idx, modifier.idx + len(modifier))
                if (
                    found is not None
                    and found.kind is not ActorKind.GROUP
                    and (group.country is None or found.country != group.country)
                ):
                    return found
        return None

    def _state_named_in(self, head: Token, located: bool = False) -> Actor | None:
        """A phrase that names no actor may name a state: by its adjective ("an Indian
        proposal", "Palestinian homes", "Algerians") or as the country whose or by whom it is
        ("the president of Armenia", "an admission by Moscow"), or, when `located`, as where
        it is ("aid deliveries in Baghdad"); the first in the text."""
        places = {m.start: (p, m) for p in self._phrase_places(head) for m in p.mentions}
        for token in sorted(subtree(head, CLAUSE_DEPS), key=lambda t: t.i):
            code, mention = None, Span(token.idx, token.idx + len(token), token.text)
            if token.idx in places:
                place, mention = places[token.idx]
                if located:  # the country a place lies in, whatever its size
                    code = place.country
                elif _owner_of_phrase(token):
                    code = state_of(place)
            elif token.text[:1].isupper():
                code = _demonym_state(token.text)
            if code is not None:
                state = state_actor(self.article, code)
                add_mention(state, mention.start, mention.end, mention.text)
                return state
        return None

    def _phrase_places(self, head: Token, skip: frozenset[str] = CLAUSE_DEPS) -> list[Place]:
        return [r for r in self._phrase_records(head, skip) if isinstance(r, Place)]

    def _phrase_records(
        self, head: Token, skip: frozenset[str] = CLAUSE_DEPS
    ) -> list[Actor | Place]:
        """Actors and places named in a noun phrase, leaving out its clauses and appositions."""
        starts = {t.idx for t in subtree(head, skip)}
        end = _end_char(self.doc, head.right_edge.i + 1)
        return [
            record
            for record in self.mentions.overlapping(head.left_edge.idx, end)
            if any(m.start in starts for m in self.mentions.mentions_of(record))
        ]

    def _antecedent(self, pronoun: Token) -> Actor | None:
        """The actor the pronoun stands for: a named one, else the one its antecedent phrase
        names ("Palestinian leaders said they would ...")."""
        referent = self.references.of(pronoun)
        if referent is None:
            return None
        if referent.actor_id is not None:
            return self.article.actor(referent.actor_id)
        antecedent = self.doc[referent.token]
        return None if antecedent.pos_ == "PRON" else self.actor_of_phrase(antecedent)


def _owner_of_phrase(name: Token) -> bool:
    """Whether a name stands as whose or what a phrase is, or who does it ("the president of
    Armenia", "Armenia's president", "an admission by Moscow", "Norway and Sweden met"), not
    where ("peacekeepers in Iraq": a place says where the event is)."""
    seen: set[int] = set()
    while name.dep_ == "conj" and name.i not in seen:  # "Norway and Sweden": as "Norway"
        seen.add(name.i)
        name = name.head
    return name.dep_ in ("poss", "compound", *SUBJECT_DEPS) or (
        name.dep_ == "pobj" and name.head.lower_ in ("of", "by")
    )


def _names_people(head: Token) -> bool:
    """Whether a common noun names people by their role ("the victim", "two suspects")."""
    return head.lemma_.lower() in lexicon.words("reference/people_nouns.txt")


def _demonym_state(word: str) -> str | None:
    """The country a demonym names ("Palestinians" -> PS); none for a region's ("European")."""
    entries = demonym_entries(load_gazetteer(), word)
    return next((e.country for e in entries if e.precision is LocationPrecision.COUNTRY), None)


def first_conjunct(token: Token) -> Token:
    """The first of coordinated words, which stands where they all do ("the treaty and the
    truce were signed"); the index falls, so the walk ends."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def is_verbal(token: Token) -> bool:
    """Whether a word acts as a verb: tagged one, or a "noun" with a verb's dependents."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    return token.pos_ == "NOUN" and any(c.dep_ in VERB_ONLY_DEPS for c in token.children)


def subtree(head: Token, skip: frozenset[str] = frozenset()) -> Iterator[Token]:
    """The tokens under a word, in no particular order, leaving out dependents whose
    relation is in `skip` (and what hangs under them); safe on a cyclic parse."""
    seen: set[int] = set()
    stack = [head]
    while stack:
        token = stack.pop()
        if token.i in seen:
            continue
        seen.add(token.i)
        yield token
        stack.extend(c for c in token.children if c.dep_ not in skip)


def subject_candidates(trigger: Token) -> list[Token]:
    """Tokens that may name who acts, best first."""
    verb = trigger
    if not is_verbal(trigger):
        possessors = [c for c in trigger.children if c.dep_ == "poss"]
        if possessors:
            return possessors
        verb = clause_verb(trigger)
        if verb is trigger or _undergoes(trigger, verb):
            return []
    candidates: list[Token] = []
    seen: set[int] = set()
    while verb.i not in seen:
        seen.add(verb.i)
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and not _directed(verb):
                if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    return [*candidates, verb.head]
                return [*candidates, child]
            if child.dep_ == "agent":
                return [*candidates, *_objects(child)]
        if verb.dep_ == "relcl":
            return [*candidates, verb.head]
        candidates += [obj for c in verb.lefts if c.dep_ == "prep" for obj in _objects(c)]
        if verb.head.i == verb.i:
            return candidates
        if verb.dep_ == "acl":
            # "troops fighting in Homs": the noun acts; "a statement condemning …",
            # "his willingness to reach a deal": its owner, or its verb's subject, does.
            noun = verb.head
            candidates += [c for c in noun.children if c.dep_ == "poss"] + [noun]
            verb = clause_verb(noun)
            continue
        # "is prepared to lift the ban": through the adjective to the copula's subject
        if verb.dep_ not in ("xcomp", "advcl", "conj", "acomp") and not _directed(verb):
            return candidates
        verb = verb.head
    return candidates


def clause_verb(token: Token) -> Token:
    """The verb whose clause a word belongs to (itself if it is a verb)."""
    seen: set[int] = set()
    while not is_verbal(token) and token.head.i != token.i and token.i not in seen:
        seen.add(token.i)
        token = token.head
    return token


def _target_candidates(trigger: Token, content_subjects: bool = True) -> list[Token]:
    """Phrases that may name whom an event is done to, best first: the event word's own
    arguments, then those of its content clauses, a clause deep (the content's subject
    first when it has its own and it is asked of: "demanded that the US cancel"), then
    their own infinitives ("prepared to resume shelling the town"). An event
    noun that is the subject of a verb is done to that verb's object ("a bombing killed two
    soldiers")."""
    candidates = _own_targets(trigger)
    if not is_verbal(trigger) and trigger.dep_ == "compound":
        # "a mediation effort between the two", "an aid package to Kyiv": the phrase the
        # event noun qualifies holds whom the event is done to.
        preps = {c.lower_: c for c in trigger.head.children if c.dep_ == "prep"}
        candidates += [o for p in TARGET_PREPOSITIONS for o in _objects(preps.get(p))]
    if not is_verbal(trigger) and trigger.dep_ == "nsubj":
        candidates += [c for c in trigger.head.children if c.dep_ == "dobj"]
    if trigger.dep_ == "pobj" and trigger.head.lower_ == UNDER:
        # "placed the senator under arrest": whom the verb puts in that state.
        candidates += [c for c in trigger.head.head.children if c.dep_ == "dobj"]
    if not is_verbal(trigger) and _undergoes(trigger, clause_verb(trigger)):
        candidates += [c for c in clause_verb(trigger).children if c.dep_ in SUBJECT_DEPS]
    candidates += _protested(trigger)
    for clause in _content_clauses(trigger):
        if content_subjects:
            candidates += [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
        candidates += _own_targets(clause)
    # "prepared to resume shelling the town": an infinitive's own infinitive, a clause deeper.
    for clause in _content_clauses(trigger):
        for deeper in (c for c in clause.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
            candidates += _own_targets(deeper)
    return candidates


def _protested(trigger: Token) -> list[Token]:
    """What an act is "in protest" against, at, over or of, on the act or on the verb whose
    preposition it is ("went on strike in protest against the government's plan"): whom
    the protest is aimed at."""
    holders = [trigger]
    if trigger.dep_ == "pobj":
        holders.append(trigger.head.head)
    return [
        obj
        for holder in holders
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ == "in"
        for protest in _objects(prep)
        if protest.lemma_.lower() == PROTEST_NOUN and protest.i != trigger.i
        for aim in protest.children
        if aim.dep_ == "prep" and aim.lower_ in PROTESTED_PREPOSITIONS
        for obj in _objects(aim)
    ]


def _undergoes(noun: Token, verb: Token) -> bool:
    """Whether an event noun is what its verb's subject undergoes ("he faces detention",
    "survived an assassination attempt", "face the threat of deportation"), or the state
    its subject is put in, with no object ("was put under investigation", "came under
    attack", "is under arrest"): that subject is whom the act is done to, not who does it."""
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ == UNDER
        and noun.head.head.i == verb.i
        and not any(c.dep_ == "dobj" for c in verb.children)
    ):
        return True
    if verb.lemma_.lower() not in word_classes().get(UNDERGOING, frozenset()):
        return False
    phrase = noun
    # "the threat of detention": through an "of" to the noun the verb takes.
    if phrase.head.dep_ == "prep" and phrase.head.lower_ == "of":
        phrase = phrase.head.head
    return phrase.dep_ == "dobj" and phrase.head.i == verb.i


def _content_clauses(trigger: Token) -> list[Token]:
    """The verbs that say what an act agrees, asks, threatens or is for; a noun's content
    clause may hang on the noun or on the verb it is the object of."""
    holders = [trigger]
    if not is_verbal(trigger) and trigger.dep_ == "dobj":
        # "reiterated its demand that Israel ease restrictions": the parser hangs a noun's
        # content clause on the verb that makes the demand, threat or offer.
        holders.append(trigger.head)
    return [
        clause
        for holder in holders
        for clause in holder.children
        if clause.pos_ in ("VERB", "AUX")
        and (
            clause.dep_ in CONTENT_CLAUSE_DEPS
            or _is_purpose_clause(clause)
            or _is_noun_content(clause)
        )
    ]


def _is_noun_content(verb: Token) -> bool:
    """ "its demand that Israel ease restrictions": a finite clause a noun governs, brought
    in by "that", says what the noun asks or threatens."""
    return verb.dep_ == "acl" and any(c.dep_ == "mark" for c in verb.children)


def _is_purpose_clause(verb: Token) -> bool:
    """ "blocked roads to press their demands on the president": whom a protest or an act is
    aimed at is often named only in its purpose."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _own_targets(trigger: Token) -> list[Token]:
    candidates: list[Token] = [c for c in trigger.children if c.dep_ == "nsubjpass"]
    preps = {c.lower_: c for c in trigger.children if c.dep_ == "prep"}
    # "kidnapped up to 16 advisers": the parser reads the amount's "up" as a particle and
    # hangs the object on its "to".
    candidates += [
        obj
        for particle in trigger.children
        if particle.dep_ == "prt" and particle.lower_ == "up"
        for prep in particle.children
        if prep.dep_ == "prep" and prep.lower_ == "to"
        for obj in _objects(prep)
        if any(c.dep_ == "nummod" for c in obj.children)
    ]
    # The recipient: "gave Ukraine weapons", "granted asylum to the army" (the parser calls
    # a recipient's "to" a dative, not a preposition).
    for dative in (c for c in trigger.children if c.dep_ == "dative"):
        candidates += _objects(dative) if dative.pos_ == "ADP" else [dative]
    candidates += [obj for obj in _objects(preps.get("to"))]
    candidates += [c for c in trigger.children if c.dep_ in ("dobj", "attr")]
    for preposition in TARGET_PREPOSITIONS[1:]:
        candidates += _objects(preps.get(preposition))
    if not is_verbal(trigger):
        candidates += _objects(preps.get("of"))
    # "allow refugees to return": the one directed is done to.
    if _directed(trigger):
        candidates += [c for c in trigger.children if c.dep_ in SUBJECT_DEPS]
    return candidates


def _directed(verb: Token) -> bool:
    """Whether a verb is an infinitive that a verb of letting, ordering or asking governs
    with its own subject ("allow refugees to return"): its subject is the one directed."""
    return (
        verb.dep_ == "ccomp"
        and verb.head.i != verb.i
        and verb.head.lemma_.lower() in lexicon.words("events/directive_verbs.txt")
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    )


def _objects(prep: Token | None) -> list[Token]:
    if prep is None:
        return []
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return objects + [conj for obj in objects for conj in obj.conjuncts]


def _end_char(doc: Doc, end: int) -> int:
    last = doc[end - 1]
    return last.idx + len(last)

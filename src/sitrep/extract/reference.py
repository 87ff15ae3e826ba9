"""Reference: which person or body each third-person pronoun stands for, resolved once.

The article is read in order. Every noun phrase that names a person or a body (an actor
mention, or a common noun for people or an organisation: "a senior official", "the
ministry") is a candidate antecedent, with its grammatical role, number and gender (a
title, a kin or role noun, or a given name opening a name, not a lone surname after a
title such as "Senator Warren": `knowledge/reference/`). A pronoun takes the compatible
candidate of the nearest sentence, subjects before objects, a main clause's
before an embedded one's (the reporter, not what is reported), then the latest;
in its own sentence only candidates before it that are not arguments of its own verb, and
never, for "he" or "she" as subject, a person its own clause names after it.
He/she need a singular person whose gender (when known) agrees; "it" a singular body;
"they" a group or people in the plural; "it" is also a document that spoke or that someone
issued ("issued a statement. … it said"). Names inside quote marks are what a speaker says,
not antecedents, so the sentences of a quote run are passed over to the narration around
them, whose speaker is the subject of its reporting verb ("“…,” he said" after "Trump
said …" is Trump); a "he" or "they" inside a quote is never that quote's speaker, who says
"I". A resolved pronoun is itself a candidate for the next one, for the
antecedent it resolved to, so chains ("He said … He added …") hold across paragraphs.
A definite description by role ("the minister", "the senator") stands for the person last
named with that role ("Defence Minister Mansur Dan-Ali"), and is resolved the same way; a
description the page gives a named person anywhere, before or after, is that person
("Austria's interior minister said …" where "Interior Minister Wolfgang Peschorn" follows);
an age ("the 31-year-old said") is such a description. A description is never the other
party of a phrase of its own verb ("In a letter to McConnell, the senator wrote"), someone
named in a clause above it ("Rowe testified that the governor told him"), nor a person of
another political party ("the Republican"); a body's head noun takes the body up ("the
committee" after "the House Budget Committee").
A coordination is "they"; a collective noun ("the staff") is never "he" or "she"; a phrase
quantified over everyone ("any one person") stands for nobody. A speaker "one" or "another"
("Officials say …. “It's done,” one said") is one of the nearest group named before it.

Quotes, claims and events read the same `References`; the resolved mentions are also kept
on the article (`Article.references`) for display.
"""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from sitrep import lexicon as knowledge_files
from sitrep.annotate.mentions import MentionIndex
from sitrep.doc_cache import doc_text, once_per_doc
from sitrep.extract.quote_marks import QuoteMarks, quote_marks_of
from sitrep.extract.sourcing import lexicon, names_people
from sitrep.records import (
    PARAGRAPH_SEPARATOR,
    Actor,
    ActorKind,
    Article,
    Reference,
    ReferenceKind,
)

_CACHE_KEY = "sitrep.extract.references"
_PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_PLURAL_PRONOUNS = {"they", "them", "their"}
_POSSESSIVE_PRONOUNS = {"his", "her", "their", "its"}
_SINGULAR_BODY_PRONOUNS = {"it", "its"}
# "Officials say …. “It's done,” one said": a speaker who is one of a group just named.
_PARTITIVES = {"one", "another"}
_PRONOUNS = {*_PERSON_PRONOUNS, *_PLURAL_PRONOUNS, *_SINGULAR_BODY_PRONOUNS, *_PARTITIVES}
# Grammatical roles, most salient first: a subject is preferred to an object.
_ROLES = {"nsubj": 0, "nsubjpass": 0, "dobj": 1, "dative": 1, "pobj": 2, "appos": 2, "poss": 2}
_MODIFIER_ROLE = 3  # a name inside another noun phrase ("an army spokesman")
_PLURAL_TAGS = {"NNS", "NNPS"}
_BODY_ENTITIES = {"ORG", "GPE", "NORP"}
# Where a name carries its role: "Defence Minister Dan-Ali", "Dan-Ali, the minister".
_ROLE_DEPS = {"compound", "appos", "nmod", "amod"}
# Words that single out someone new: "the man who …", "the head of …", "Smith's lawyer".
_RESTRICTIVE_DEPS = {"prep", "relcl", "acl", "poss", "appos"}
# Determiners that quantify over everyone: "any one person" is no one in particular.
_UNIVERSAL_DETERMINERS = {"any", "every", "no"}
# A possessor that is a place may be left out where the name is given ("Austria's interior
# minister" is "Interior Minister Wolfgang Peschorn"); a person possessor may not ("Morrison's
# lawyer" is not "Trump's lawyer Rudy Giuliani").
_PLACE_ENTITIES = {"GPE", "LOC", "NORP"}
# How a name modifies the noun it names: "the Labour party", "the Umma (Nation) party".
NAME_MODIFIERS = frozenset({"compound", "nmod"})
# A pronoun looks back at most this many paragraphs for its antecedent.
_PARAGRAPH_REACH = 3
# The subject of a reporting verb prefers a speaker of this many sentences before it.
_SPEAKER_REACH = 1
# A sentence that opens with one of these ("Asked …", "Speaking …") opens with a clause
# whose subject is the main clause's.
_PARTICIPLE_TAGS = frozenset({"VBN", "VBG"})
# How a reporting verb and the clause it reports are joined, either way round.
_REPORTED_CLAUSES = frozenset({"ccomp", "parataxis"})
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Referent:
    """A person or body a noun phrase names, as a pronoun may stand for it."""

    token: int  # the head token of the naming phrase in the Doc
    start: int  # the naming mention's offsets in the body
    end: int
    name: str  # the actor's canonical name, else the phrase as written
    actor_id: str | None
    person: bool
    plural: bool
    gender: str | None  # "m", "f", or None when the text does not say


@dataclass(frozen=True, slots=True)
class _Candidate:
    referent: Referent
    sentence: int
    paragraph: int
    role: int
    depth: int  # steps from the sentence's root: a main clause's subject is nearer the top
    position: int  # character offset of the mention
    verb: int  # the token index of the verb it is an argument of
    speaker: bool  # the subject of a reporting verb, its passive agent, or "according to" X
    acts: bool  # the subject of an active verb: the narration is about what it does or says
    owns_a_thing: bool  # the possessor of a thing or body ("Brightway's music team"), no actor


class References:
    """Resolved pronouns of one article, by token index."""

    def __init__(self, resolved: dict[int, Referent]) -> None:
        self._resolved = resolved

    def of(self, token: Token) -> Referent | None:
        return self._resolved.get(token.i)

    def records(self, doc: Doc) -> list[Reference]:
        return [
            Reference(
                text=doc[i].text,
                start=doc[i].idx,
                end=doc[i].idx + len(doc[i]),
                name=referent.name,
                actor_id=referent.actor_id,
                antecedent_start=referent.start,
                antecedent_end=referent.end,
                kind=(
                    ReferenceKind.PRONOUN
                    if doc[i].lower_ in _PRONOUNS
                    else ReferenceKind.DESCRIPTION
                ),
            )
            for i, referent in sorted(self._resolved.items())
        ]


def resolve_references(article: Article, doc: Doc) -> References:
    """The article's resolved pronouns, computed once per Doc."""
    return once_per_doc(doc, _CACHE_KEY, lambda: _Resolver(article, doc).run())


@knowledge_files.PerLanguage
def _gendered_words(language: str) -> dict[str, str]:
    """Titles and role nouns -> "m" or "f"."""
    return {
        row["word"]: row["gender"]
        for row in knowledge_files.table("reference/gendered_words.tsv", language)
    }


@knowledge_files.PerLanguage
def _genders(language: str) -> dict[str, str]:
    """Given names, titles and role nouns -> "m" or "f"."""
    found = dict(_gendered_words(language))
    found.update(
        {
            row["name"]: row["gender"]
            for row in knowledge_files.table("reference/first_names.tsv", language)
        }
    )
    return found


@knowledge_files.PerLanguage
def _title_abbreviations(language: str) -> dict[str, str]:
    """ "sen." -> "senator": an abbreviated title and the role noun it stands for."""
    return {
        row["abbreviation"]: row["role"]
        for row in knowledge_files.table("reference/title_abbreviations.tsv", language)
    }


@knowledge_files.PerLanguage
def _role_synonyms(language: str) -> dict[str, tuple[str, ...]]:
    """ "representative" -> ("congressman", "congresswoman", …): nouns for the same office."""
    found: dict[str, tuple[str, ...]] = {}
    for row in knowledge_files.table("reference/role_synonyms.tsv", language):
        found[row["role"]] = (*found.get(row["role"], ()), row["synonym"])
    return found


@knowledge_files.PerLanguage
def _party_words(language: str) -> dict[str, str]:
    """ "republican" -> "republican", "gop" -> "republican": words naming a party."""
    return {
        row["word"]: row["party"]
        for row in knowledge_files.table("reference/party_words.tsv", language)
    }


def _answer_verbs() -> frozenset[str]:
    return knowledge_files.words("reference/answer_verbs.txt")


def collective_nouns() -> frozenset[str]:
    """Nouns for a group of people ("the staff", "a crowd"): they, never he or she."""
    # Not cached here: `words` caches per file and language, and the language is the stage's.
    return knowledge_files.words("reference/collective_nouns.txt")


@knowledge_files.PerLanguage
def _body_nouns(language: str) -> frozenset[str]:
    """Common nouns naming bodies: organisations, offices, forces (built once per language:
    read for every noun)."""
    words = lexicon(language)
    return words.unnamed_organisations | words.official_bodies | words.public_bodies


class _Resolver:
    def __init__(self, article: Article, doc: Doc) -> None:
        self.article = article
        self.doc = doc
        self.text = doc_text(doc)
        self.mentions = MentionIndex(article)
        self.marks: list[QuoteMarks] = quote_marks_of(article.body, doc)
        self._mark_starts = [m.start for m in self.marks]
        self.candidates: list[_Candidate] = []
        # Lone capitalised subjects the tagger named no one by ("Blum pointed to …"): a
        # he/she with no person before it may stand for one, nothing else.
        self._untagged_names: list[_Candidate] = []
        self.resolved: dict[int, Referent] = {}
        self._actor_genders: dict[str, str | None] = {}
        self._roles: dict[str, Referent] = {}  # role noun -> the person last named with it
        self._described: set[str] = set()  # nouns for people used so far outside quotes
        self._surnames = _surnames(article.actors)
        # Per quoted passage, the actors named inside it.
        self._quoted_actors = [
            {
                a.id
                for a in article.actors
                for m in a.mentions
                if q.start <= m.start < q.end and _names_the_actor(a, m.text)
            }
            for q in self.marks
        ]

    def run(self) -> References:
        # The Doc's own sentences: events resolve pronouns on articles not split by annotate.
        breaks = [m.end() for m in re.finditer(re.escape(PARAGRAPH_SEPARATOR), self.text)]
        number = -1
        paragraph = -1
        for sentence in self.doc.sents:
            number += 1
            for token in sentence:
                # A parse may run a sentence across a paragraph break: the break ends it.
                here = bisect_right(breaks, token.idx)
                if here != paragraph:
                    number += token.i != sentence.start
                    paragraph = here
                self._read(token, number, paragraph, quoted=self._quoted(token.idx))
        return References(self.resolved)

    def _quoted(self, offset: int) -> bool:
        i = bisect_right(self._mark_starts, offset) - 1
        return i >= 0 and self.marks[i].start <= offset < self.marks[i].end

    def _read(self, token: Token, sentence: int, paragraph: int, *, quoted: bool) -> None:
        """Resolve a pronoun, or note a naming phrase as a candidate. A quoted pronoun is
        resolved, but nothing inside quote marks becomes a candidate."""
        # Asked of every token: its word and part of speech are read once (each read decodes anew).
        lower, part_of_speech = token.lower_, token.pos_
        if part_of_speech == "PRON" and (
            lower in _PERSON_PRONOUNS
            or lower in _PLURAL_PRONOUNS
            or lower in _SINGULAR_BODY_PRONOUNS
        ):
            speaker = self._speaker_of_quote(token, sentence, paragraph) if quoted else None
            referent = self._antecedent(token, sentence, paragraph, speaker)
            if referent is not None:
                self.resolved[token.i] = referent
                if not quoted:
                    self._learn_gender(token, referent)
                    self._add(referent, token, sentence, paragraph)
            return
        if lower in _PARTITIVES and not quoted and not any(token.children) and speaks(token):
            if any(c.tag_ == "MD" for c in token.head.children):
                return  # "one could argue": anyone, no one of a group
            group = self._antecedent(token, sentence, paragraph)
            if group is not None:
                self.resolved[token.i] = group
            return
        if not quoted and (
            part_of_speech in {"NOUN", "PROPN"} or _age_description(token) or self._named(token)
        ):
            referent = self._referent(token)
            # "In a letter to McConnell, the senator wrote", "the Republican said": a
            # description is not the other party of its verb's phrase, nor a person of another
            # political party, whom the tagger may have bound it to (the most mentioned
            # senator) or the page last named with its role.
            # Only whom a noun names is checked against it: one that names no one is left
            # below untouched.
            excluded = self._ruled_out(token) if referent is not None else set()
            if referent is not None and part_of_speech == "NOUN" and referent.actor_id in excluded:
                referent = self._description_referent(token)
            if referent is not None and referent.actor_id is None and self._apposed_to_name(token):
                return  # "Paul Mensah, a farmer": one person, the man named
            # A modifier counts only when it names an actor: "it" may be the army of
            # "an army spokesman", not a bare noun in a compound.
            if token.dep_ not in _ROLES and (referent is None or referent.actor_id is None):
                if token.dep_ == "conj" and referent is not None and referent.person:
                    # "Tawfik and the youth": someone unnamed beside the named, not their
                    # elegant variation ("The youth also denies …" is the youth).
                    self._described.add(token.lemma_.lower())
                return
            if referent is not None and referent.actor_id is None:
                lemma = _description_key(token)
                role = _other_than(self._roles.get(lemma), excluded)
                named = None
                if role is None and lemma not in self._described and referent.person:
                    named = _other_than(self._named_description(token), excluded)
                    role = named or self._speaking_description(
                        token, referent, sentence, paragraph, excluded
                    )
                    if role is not None:
                        # "said the actor" was the star: so is "the “Pose” actor" after it.
                        self._roles[lemma] = role
                if role is None and not referent.person and _definite(token):
                    # "the Justice Department … the department said": the body last named
                    # by a name this noun heads.
                    role = self._body_named_by(token)
                if role is not None and (named is not None or _definite(token)):
                    referent = role
                    self.resolved[token.i] = role
                elif referent.person:
                    self._described.add(lemma)  # someone unnamed: "the man" is now that man
            if referent is None and _untagged_lone_name(token):
                self._untagged_names.append(
                    self._candidate(_name_referent(token), token, sentence, paragraph)
                )
            if referent is not None:
                self._add(referent, token, sentence, paragraph)
                group = _coordination(token, referent)
                if group is not None:
                    self._add(group, token, sentence, paragraph)

    def _body_named_by(self, noun: Token) -> Referent | None:
        """The body last named with a name that this noun heads ("the committee" after "the
        House Intelligence Committee"), for a noun with nothing to single out another ("the
        department of health", "the state's department")."""
        if noun.tag_ != "NN" or any(c.dep_ in _RESTRICTIVE_DEPS for c in noun.children):
            return None
        word = noun.lower_
        for candidate in reversed(self.candidates):
            body = candidate.referent
            words = body.name.lower().split()
            if body.actor_id is not None and not body.person and words[-1:] == [word]:
                return body
        return None

    def _named(self, token: Token) -> bool:
        """ "Trump, meanwhile, claimed victory": a name the tagger took for another word (an
        adjective, a verb) still names the actor its mention is."""
        return self.mentions.actor(token.idx, token.idx + len(token)) is not None or (
            not token.ent_type_ and token.text in self._surnames
        )

    def _add(self, referent: Referent, token: Token, sentence: int, paragraph: int) -> None:
        self.candidates.append(self._candidate(referent, token, sentence, paragraph))

    def _candidate(
        self, referent: Referent, token: Token, sentence: int, paragraph: int
    ) -> _Candidate:
        return _Candidate(
            referent,
            sentence,
            paragraph,
            _ROLES.get(token.dep_, _MODIFIER_ROLE),
            _depth(token),
            token.idx,
            token.head.i,
            speaks(token),
            token.dep_ == "nsubj",
            token.dep_ == "poss" and not names_people(token.head.lemma_.lower()),
        )

    def _referent(self, head: Token) -> Referent | None:
        """The person or body a noun phrase head names, if it names one."""
        # Read for every noun: the head is tried first, and its dependents walked only if it
        # names no one.
        named = itertools.chain([head], (c for c in head.children if c.dep_ == "appos"))
        for token in named:
            actor = self.mentions.actor(token.idx, token.idx + len(token))
            if actor is None:
                continue
            referent = self._actor_referent(head, token, actor)
            if referent.person:
                self._note_roles(head, token, referent)
            return referent
        if (
            not head.ent_type_
            and head.text in self._surnames
            and not any(c.dep_ in NAME_MODIFIERS for c in head.children)
        ):
            # "Trump recently told …": a surname the tagger left untagged (even as a common
            # noun) at a sentence start.
            referent = self._actor_referent(head, head, self._surnames[head.text])
            self.resolved[head.i] = referent
            return referent
        lemma = head.lemma_.lower()
        if lemma in _body_nouns():
            # "the Umma party", "the Labour party": the body its name names.
            for child in head.children:
                actor = self.mentions.actor(child.idx, child.idx + len(child))
                if child.dep_ in NAME_MODIFIERS and actor and actor.kind is not ActorKind.PERSON:
                    return self._actor_referent(head, child, actor)
        if head.pos_ == "PROPN" and head.ent_type_ in _BODY_ENTITIES and not party_member(head):
            # A state, city or club standing for its government or team ("Liverpool said it").
            return Referent(
                head.i,
                head.left_edge.idx,
                head.idx + len(head),
                self.text[head.left_edge.idx : head.idx + len(head)],
                None,
                person=False,
                plural=head.tag_ in _PLURAL_TAGS,
                gender=None,
            )
        return self._description_referent(head)

    def _description_referent(self, head: Token) -> Referent | None:
        """The person or body a noun phrase describes without naming it ("the senator",
        "the ministry"), if it describes one."""
        lemma = head.lemma_.lower()
        # "the staff", "the public": a group is "they", never "he" or "she".
        plural = head.tag_ in _PLURAL_TAGS or lemma in collective_nouns()
        if (
            head.pos_ == "PROPN" and not _common_word(head) and not names_people(lemma)
        ) or quantifies_everyone(head):
            return None
        if names_people(lemma) or names_people(head.lower_) or _age_description(head):
            person = True
        elif lemma in _body_nouns() or (
            lemma in lexicon().documents and (speaks(head) or issued(head))
        ):
            # "the indictment said …. It said …", "issued a statement. … it said": a document
            # that speaks, or that someone issued, is "it" as a body is.
            person = False
        else:
            return None
        words = [t for t in head.subtree if t.i <= head.i or t.dep_ in {"amod", "compound"}]
        start = min(t.idx for t in words)
        return Referent(
            head.i,
            start,
            head.idx + len(head),
            self.text[start : head.idx + len(head)],
            None,
            person=person,
            plural=plural,
            gender=_genders().get(head.lower_) if person and not plural else None,
        )

    def _apposed_to_name(self, noun: Token) -> bool:
        """A description in apposition to a name describes the person named."""
        head = noun.head
        return (
            noun.dep_ == "appos"
            and head != noun
            and self.mentions.actor(head.idx, head.idx + len(head)) is not None
        )

    def _actor_referent(self, head: Token, token: Token, actor: Actor) -> Referent:
        """The actor a noun phrase names, through its head or a name beside it (token). A
        noun for a person beside the name makes it a person, whatever the tagger said, and
        gives its gender when the name does not ("His wife, Ama")."""
        mention = self.mentions.mention_at(actor, token.idx)
        start, end = (mention.start, mention.end) if mention else (token.idx, _end(token))
        described = head is not token and names_people(head.lemma_.lower())
        person = actor.kind is ActorKind.PERSON or described_as_person(head) or described
        return Referent(
            token.i,
            start,
            end,
            actor.name,
            actor.id,
            person=person,
            plural=not person and head.tag_ in _PLURAL_TAGS,
            gender=(
                (self._actor_gender(actor) or (_genders().get(head.lower_) if described else None))
                if person
                else None
            ),
        )

    def _named_description(self, noun: Token) -> Referent | None:
        """A description the page gives a named person anywhere, before or after: "Austria's
        interior minister" where "Interior Minister Wolfgang Peschorn" follows, "a trade
        professor at Cornell" beside "Eswar Prasad, a trade professor at Cornell University".
        Every word of the description but a place or pronoun possessor must be in the name's
        description, one person only has it, and an indefinite one needs two words besides
        its noun ("a senior official" may be anyone); a description marked anonymous is
        nobody named."""
        if noun.tag_ != "NN" or lexicon().anonymity_phrases.search(_phrase_text(noun)):
            return None
        determiners = {c.lower_ for c in noun.children if c.dep_ in {"det", "nummod"}}
        possessors = {t.i for c in noun.children if c.dep_ == "poss" for t in c.subtree}
        words = _description_words(noun, possessors) - {noun.lemma_.lower()}
        owners = {
            noun.doc[i].lemma_.lower()
            for i in possessors
            if noun.doc[i].pos_ in {"NOUN", "PROPN"}
            and noun.doc[i].ent_type_ not in _PLACE_ENTITIES
        }
        if determiners & {"a", "an", "one"}:
            if len(words) < 2:
                return None
        elif not (possessors or determiners & {"the", "this", "that"}):
            return None
        people = {
            referent.actor_id: referent
            for described, referent in self._descriptions_of_names.get(noun.lemma_.lower(), [])
            if words | owners <= described
        }
        return next(iter(people.values())) if len(people) == 1 else None

    @functools.cached_property
    def _descriptions_of_names(self) -> dict[str, list[tuple[frozenset[str], Referent]]]:
        """Noun -> the words of each description of a named person headed by it: a title
        ("Interior Minister Wolfgang Peschorn"), an apposition ("Derek Scissors, a China
        scholar"), or the noun the name stands beside ("China's ambassador to Britain Liu
        Xiaming"). Quoted names are what a speaker says, not the page's descriptions."""
        found: dict[str, list[tuple[frozenset[str], Referent]]] = {}
        for token in self.doc:
            if token.pos_ != "PROPN" or token.dep_ == "compound" or self._quoted(token.idx):
                continue
            actor = self.mentions.actor(token.idx, token.idx + len(token))
            if actor is None or not (actor.kind is ActorKind.PERSON or described_as_person(token)):
                continue
            mention = self.mentions.mention_at(actor, token.idx)
            name = {t.i for t in token.subtree if mention and mention.start <= t.idx < mention.end}
            roles = [
                c
                for c in token.children
                if c.dep_ in {"compound", "appos"} and names_people(c.lemma_.lower())
            ]
            if token.dep_ in {"appos", "compound", "nmod"} and names_people(
                token.head.lemma_.lower()
            ):
                roles.append(token.head)
            referent = self._actor_referent(token, token, actor)
            for role in roles:
                if self._titled_name(role, actor.id) is not None:
                    continue
                top = token if role.dep_ == "compound" and role.head == token else role
                described = frozenset(_description_words(top, name))
                found.setdefault(role.lemma_.lower(), []).append((described, referent))
        return found

    def _note_roles(self, head: Token, named: Token, referent: Referent) -> None:
        """Remember the role words a named person carries ("Defence Minister Dan-Ali",
        "Dan-Ali, the minister"): a later "the minister" is that person."""
        words = [head, *(t for top in (head, named) for t in top.children if t.dep_ in _ROLE_DEPS)]
        for word in words:
            titled = self._titled_name(word, referent.actor_id)
            if titled is not None:
                actor = self.mentions.actor(titled.idx, titled.idx + len(titled))
                if actor is not None:
                    self._roles[word.lemma_.lower()] = self._actor_referent(titled, titled, actor)
                continue
            # "Sen. Maria Lopez": the abbreviated title is the role "the senator" takes up.
            role = _title_abbreviations().get(word.lower_, word.lemma_.lower())
            if word is not named and names_people(role):
                self._roles[role] = referent
                # "Rep. Ilhan Omar … the congresswoman": another noun for the same office.
                gender = self._gender(referent)
                for synonym in _role_synonyms().get(role, ()):
                    if gender is None or _genders().get(synonym) in {None, gender}:
                        self._roles[synonym] = referent

    def _titled_name(self, role: Token, actor_id: str | None) -> Token | None:
        """ "… to Vladimir Putin, White House chief of staff John Kelly wasn't …": the parse
        hangs the title on the name before it, but a title right before another person's name
        is that person's. The head of that other name, if so."""
        after = role.right_edge.i + 1
        if role.dep_ != "appos" or after >= len(self.doc) or self.doc[after].pos_ != "PROPN":
            return None
        name = self.doc[after]
        actor = self.mentions.actor(name.idx, name.idx + len(name))
        if actor is None or actor.kind is not ActorKind.PERSON or actor.id == actor_id:
            return None
        while name.dep_ == "compound" and name.head.pos_ == "PROPN" and name.head.i > name.i:
            name = name.head
        return name

    def _actor_gender(self, actor: Actor) -> str | None:
        """What the given name, or a title before any of the actor's mentions, says.

        The whole article counts: "Miss Abdhou" later makes "Mohanna Abdhou" a she.
        """
        if actor.id in self._actor_genders:
            return self._actor_genders[actor.id]
        genders, titles = _genders(), _gendered_words()
        name = actor.name.lower().split()
        # A name of one word is read from its mentions, each with the title before it.
        words = name[:1] if len(name) > 1 else []
        titled: list[str] = []
        for mention in self.mentions.mentions_of(actor):
            # Only a title: the word before a name may be a common word that is also a given
            # name ("will", "hope").
            before = (
                self.article.body[max(0, mention.start - 12) : mention.start].lower().split()[-1:]
            )
            titled += before
            named = mention.text.lower().split()
            # A lone word may be a given name ("Maria, 34, said"), but not after a title that
            # goes before a surname ("Senator Warren", "Ms. Graham").
            if len(named) > 1 or not any(_surname_title(word) for word in before):
                words += named[:1]
        found = {genders[w] for w in words if w in genders}
        found |= {titles[w] for w in titled if w in titles}
        gender = found.pop() if len(found) == 1 else None
        self._actor_genders[actor.id] = gender
        return gender

    def _speaker_of_quote(self, pronoun: Token, sentence: int, paragraph: int) -> str | None:
        """The actor who speaks the quote a pronoun is in ("“He never quits,” he said"), as
        the narration beside the quote in its sentences names or resolves them: a speaker
        says "I", so a "he" or "they" inside the quote is someone else."""
        if pronoun.lower_ not in _PERSON_PRONOUNS and pronoun.lower_ not in _PLURAL_PRONOUNS:
            return None
        marks = self.marks[bisect_right(self._mark_starts, pronoun.idx) - 1]
        quote = self.doc.char_span(marks.start, marks.end, alignment_mode="expand")
        # The narration may follow the quote's last sentence: "“He never quits. …,” he said".
        sentences = [pronoun.sent]
        if quote is not None and quote[-1].sent != pronoun.sent:
            sentences.append(quote[-1].sent)
        for token in (t for span in sentences for t in span):
            if self._quoted(token.idx) or not speaks(token):
                continue
            if token.pos_ == "PRON":
                referent = self.resolved.get(token.i) or self._antecedent(
                    token, sentence, paragraph
                )
                return referent.actor_id if referent is not None else None
            actor = self.mentions.actor(token.idx, token.idx + len(token))
            return actor.id if actor is not None else None
        return None

    def _antecedent(
        self, pronoun: Token, sentence: int, paragraph: int, speaker: str | None = None
    ) -> Referent | None:
        lower = pronoun.lower_
        spoken_of = self._spoken_of(pronoun) | self._named_in_own_clause(pronoun)
        if speaker is not None:
            spoken_of.add(speaker)
        speaking = speaks(pronoun)
        reported = _reported_by(pronoun.head) if speaking else set()
        # "Asked whether the president regretted it, she said": no one that clause names,
        # by name or by description, is "she".
        reported |= {pronoun.doc[i].idx for i in _subjectless_clause_before(pronoun)}
        reachable = [
            c
            for c in self.candidates
            if paragraph - c.paragraph <= _PARAGRAPH_REACH
            and not (c.sentence == sentence and c.verb == pronoun.head.i)
            and c.referent.actor_id not in spoken_of
            and c.position not in reported
        ]
        compatible = [c for c in reachable if _agrees(lower, c.referent, self._gender(c.referent))]
        if not compatible:
            return self._lone_name_of_a_person(lower, reachable, paragraph, sentence)

        answers = speaking and pronoun.head.lemma_.lower() in _answer_verbs()

        def rank(c: _Candidate) -> tuple[bool, bool, bool, int, int, int, int]:
            # A speaker named as "they said" goes on speaking: the source of the sentence
            # before, not a noun of it ("…, according to the people. Iran …, they said.").
            near = sentence - c.sentence <= _SPEAKER_REACH
            later_speaker = speaking and near and c.speaker
            # "a reporter asked Newsom. “No,” he replied": who answers is who was asked.
            asked = answers and near and c.role == 1 and self._asks(c.verb)
            return (
                not asked,
                not later_speaker,
                # "“…,” Walsh said. Brightway's music team sent demos. … “…,” he said": the
                # owner of a thing an earlier sentence mentions is no one the narration
                # follows, as a speaker before it is ("The president's whereabouts are
                # unclear, although he's believed …" is the president).
                speaking and c.owns_a_thing and c.sentence < sentence,
                sentence - c.sentence,
                c.role,
                c.depth,
                -c.position,
            )

        return min(compatible, key=rank).referent

    def _lone_name_of_a_person(
        self, pronoun: str, reachable: list[_Candidate], paragraph: int, sentence: int
    ) -> Referent | None:
        """ "Brandt runs the only store in the valley. “…,” he said": with no person before
        it, "he" or "she" stands for a lone name the tagger took for a body, or named no one
        by, the subject of its sentence or the one before: a body that acts is "it", so a
        one-word name told of as "he" is a surname."""
        if pronoun not in _PERSON_PRONOUNS:
            return None
        untagged = [c for c in self._untagged_names if paragraph - c.paragraph <= 1]
        for c in sorted([*reachable, *untagged], key=lambda c: c.position, reverse=True):
            token = self.doc[c.referent.token]
            if (
                sentence - c.sentence <= _SPEAKER_REACH
                and c.role == 0
                and (c.referent.actor_id is not None or c in untagged)
                and not c.referent.plural
                and token.pos_ in {"PROPN", "NOUN"}  # "Sterling", read as the currency
                and token.ent_type_ not in _PLACE_ENTITIES
                and token.text.istitle()
                and " " not in c.referent.name
            ):
                return replace(c.referent, person=True)
        return None

    def _asks(self, verb: int) -> bool:
        return self.doc[verb].lemma_.lower() == "ask"

    def _named_in_own_clause(self, pronoun: Token) -> set[str | None]:
        """ "He was photographed having long chats with Epstein": "he" or "she" as subject is
        not the person its own clause names after it (a name the pronoun governs is someone
        else; one in a clause before it, "When Smith left, he …", may be the same), nor one a
        subjectless clause before it names ("Asked about Gaetz, he …", "After meeting Trump,
        she …"), nor one a phrase of its own verb puts before it as the other party ("In a
        letter to McConnell, he wrote …": one writes to someone else; "In Trump's letter, he
        …" may be Trump's own)."""
        if pronoun.dep_ not in {"nsubj", "nsubjpass"} or pronoun.lower_ not in _PERSON_PRONOUNS:
            return set()
        before = _subjectless_clause_before(pronoun)
        # A parse may run the clause on past a paragraph break; the break ends it.
        end = self.text.find(PARAGRAPH_SEPARATOR, pronoun.idx)
        end = len(self.text) if end < 0 else end
        named: set[str | None] = set()
        for token in pronoun.head.subtree:
            other = (token.i > pronoun.i or token.i in before) and token.idx < end
            if other and token.pos_ == "PROPN" and not self._quoted(token.idx):
                actor = self.mentions.actor(token.idx, token.idx + len(token))
                if actor is not None:
                    named.add(actor.id)
        return named | self._other_parties(pronoun)

    def _ruled_out(self, description: Token) -> set[str | None]:
        """The people a description of someone cannot stand for: the other party of a phrase
        of its verb, when it is the subject, and the people the page gives another political
        party than its own ("the Republican" is not "Democrat Jon Ossoff")."""
        excluded = self._other_parties(description) if description.dep_ == "nsubj" else set()
        own = _party_of(description)
        if len(own) == 1:
            excluded |= {
                actor_id for actor_id, parties in self._political_parties.items() if own - parties
            }
        return excluded

    @functools.cached_property
    def _political_parties(self) -> dict[str | None, set[str]]:
        """Actor id -> the parties the page gives that person, outside quotes: a party word
        before the name or in a description beside it ("Republican Sen. David Perdue", "Tim
        Ryan, an Ohio Democrat", "Joe Biden, the Democratic nominee")."""
        words = _party_words()
        found: dict[str | None, set[str]] = {}
        for token in self.doc:
            if token.lower_ not in words or self._quoted(token.idx):
                continue
            current = token
            for _ in range(4):
                if current.dep_ not in _ROLE_DEPS or current.head == current:
                    break
                current = current.head
                # Only a name: a description ("the Republican president") may be bound to
                # the wrong person.
                actor = self.mentions.actor(current.idx, current.idx + len(current))
                if current.pos_ == "PROPN" and actor is not None and actor.kind is ActorKind.PERSON:
                    found.setdefault(actor.id, set()).add(words[token.lower_])
                    break
        return found

    def _other_parties(self, subject: Token) -> set[str | None]:
        """The people and bodies named or described as the other party in a phrase of the
        subject's verb before it: "In a letter to McConnell, he (or the senator) wrote …" is
        not McConnell, as one writes to someone else. "In Trump's letter, he …" may be
        Trump's own; "As for Trump, he …" takes its topic up."""
        found: set[str | None] = set()
        phrases = [
            c
            for c in subject.head.children
            if c.dep_ == "prep" and c.i < subject.i and c.lower_ != "as"
        ]
        while phrases:
            prep = phrases.pop()
            for noun in prep.children:
                if noun.dep_ != "pobj":
                    continue
                phrases += [c for c in noun.children if c.dep_ == "prep"]
                actor = self.mentions.actor(noun.idx, noun.idx + len(noun))
                if actor is not None and not self._quoted(noun.idx):
                    found.add(actor.id)
        return found

    def _spoken_of(self, pronoun: Token) -> set[str | None]:
        """ "“Assad is secondary, to me, to ISIS,” he said": the speaker of a quote is not
        someone it names in the third person, so "he" is not Assad."""
        head = pronoun.head
        if pronoun.dep_ != "nsubj" or lexicon().reporting_verbs.get(head.lemma_.lower()) is None:
            return set()
        sentence = pronoun.sent
        named: set[str | None] = set()
        for marks, actors in zip(self.marks, self._quoted_actors, strict=True):
            if marks.start < sentence.end_char and marks.end > sentence.start_char:
                named |= actors
        return named

    def _speaking_description(
        self,
        noun: Token,
        description: Referent,
        sentence: int,
        paragraph: int,
        excluded: set[str | None],
    ) -> Referent | None:
        """ "“…,” said the actor": a speaker described by "the" and a noun the page has not
        used before, with nothing to single out someone new ("the man who …", "the head of
        …", "his lawyer"), is the named person the narration is about, found like "he" or
        "she" (nearest sentence, subject first, gender agreeing) among the people who spoke
        or acted (the subject of an active verb): the elegant variation news uses for its
        speakers. Only the subject of a reporting verb; and not someone only acted upon or
        spoken of ("John Doe, 34, was arrested. The officer said …" is a new person), nor
        someone who spoke to a body ("Tom Baker told the court …": "the judge" who speaks
        next is one of its own)."""
        if (
            not description.person
            or noun.dep_ != "nsubj"
            or not (
                noun.tag_ == "NN"
                or (noun.tag_ == "NNP" and (noun.is_lower or party_member(noun)))
                or _age_description(noun)
            )
            or lexicon().reporting_verbs.get(noun.head.lemma_.lower()) is None
            or any(c.dep_ in _RESTRICTIVE_DEPS and not _of_title(c) for c in noun.children)
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
        ):
            return None
        pronoun = {"m": "he", "f": "she"}.get(description.gender or "", "he or she")
        # "Rowe testified that the governor told him": a description is never someone named
        # in a clause above it (who would be "he"), so not an argument of a verb it hangs under.
        above = {t.i for t in noun.ancestors}
        near = [
            c
            for c in self.candidates
            if paragraph - c.paragraph <= 1 and not (c.sentence == sentence and c.verb in above)
        ]
        # "According to Sen. Durbin, the president said": another office the page gave
        # someone is not this office ("the lawmaker" may still be the senator, and so may
        # "Senate Minority Leader Chuck Schumer": a leader holds a seat too).
        office = noun.lemma_.lower()
        offices = set(_title_abbreviations().values())
        other_office = (
            {r.actor_id for role, r in self._roles.items() if role != office and role in offices}
            if office in offices
            else set()
        )
        to_a_body = {
            c.referent.actor_id for c in near if c.speaker and _addresses_a_body(self.doc[c.verb])
        }
        # "Democrat Jon Ossoff debated Republican Sen. David Perdue. … the Republican said":
        # the one person near of the description's party, whatever he did.
        own = _party_of(noun)
        of_the_party = {
            c.referent.actor_id: c.referent
            for c in near
            if own
            and c.referent.actor_id not in excluded
            and own <= self._political_parties.get(c.referent.actor_id, set())
        }
        if len(of_the_party) == 1:
            return next(iter(of_the_party.values()))
        named = [
            c
            for c in near
            if c.referent.actor_id is not None
            and c.referent.person
            and (c.speaker or c.acts)
            and (pronoun == "he or she" or _agrees(pronoun, c.referent, self._gender(c.referent)))
            and not c.referent.plural
            and c.referent.actor_id not in to_a_body
            and c.referent.actor_id not in other_office
            and c.referent.actor_id not in excluded
        ]
        if not named:
            return None
        return min(
            named, key=lambda c: (sentence - c.sentence, c.role, c.depth, -c.position)
        ).referent

    def _learn_gender(self, pronoun: Token, referent: Referent) -> None:
        """ "Li ... she said": a named person once the subject "she" of the narration is not
        a later "he". Pronouns inside quotes speak of others too often to teach anything."""
        lower = pronoun.lower_
        if (
            lower in _PERSON_PRONOUNS
            and pronoun.dep_ in {"nsubj", "nsubjpass"}
            and referent.actor_id
            and self._gender(referent) is None
        ):
            self._actor_genders[referent.actor_id] = _PERSON_PRONOUNS[lower]

    def _gender(self, referent: Referent) -> str | None:
        if referent.actor_id is None:
            return referent.gender
        return referent.gender or self._actor_genders.get(referent.actor_id)


def _untagged_lone_name(token: Token) -> bool:
    """A capitalised proper noun standing alone as a subject, that the tagger named no one
    by ("Blum pointed to the report")."""
    return (
        token.pos_ == "PROPN"
        and token.dep_ in {"nsubj", "nsubjpass"}
        and not token.ent_type_
        and token.text.istitle()
        and not any(token.children)
    )


def _name_referent(token: Token) -> Referent:
    return Referent(
        token.i,
        token.idx,
        _end(token),
        token.text,
        None,
        person=True,
        plural=False,
        gender=None,
    )


def _surname_title(word: str) -> bool:
    """A title that stands before a surname alone: "Mr.", "Sen.", "Senator", "Gov.", not
    "King" or "Pope", which go before a given name."""
    abbreviations = _title_abbreviations()
    return (
        word in knowledge_files.words("reference/surname_titles.txt")
        or word in abbreviations
        or word in abbreviations.values()
    )


def _surnames(actors: list[Actor]) -> dict[str, Actor]:
    """The last word of each named person's name, where only one person has it: "Trump" of
    "Donald Trump", or of "President Trump", named by the surname alone."""
    found: dict[str, list[Actor]] = {}
    for actor in actors:
        words = actor.name.split()
        if actor.kind is ActorKind.PERSON and words:
            found.setdefault(words[-1], []).append(actor)
    return {word: people[0] for word, people in found.items() if len(people) == 1}


def _party_of(description: Token) -> set[str]:
    """The political parties a description's own words give: "the Republican", "the
    Democratic nominee"."""
    words = _party_words()
    return {
        words[t.lower_]
        for t in [description, *description.children]
        if t.lower_ in words and (t is description or t.dep_ in _ROLE_DEPS)
    }


def _other_than(referent: Referent | None, parties: set[str | None]) -> Referent | None:
    """The referent, unless it is one of the parties a description cannot stand for."""
    return None if referent is not None and referent.actor_id in parties else referent


def _names_the_actor(actor: Actor, mention: str) -> bool:
    """The mention calls the actor by name ("Assad" of "Bashar al-Assad"). A person's mention
    by description alone ("the president") is the tagger's guess at who is meant, bound to a
    person of the same sector ("White House press secretary Sarah Sanders"): in a quote it
    may be someone other than the actor, so it does not rule the actor out as the speaker."""
    if actor.kind is not ActorKind.PERSON:
        return True
    name = set(_WORD.findall(actor.name.lower()))
    return any(word in name for word in _WORD.findall(mention.lower()))


def _subjectless_clause_before(pronoun: Token) -> set[int]:
    """ "Asked about Gaetz, he added": a clause with no subject of its own before "he" or
    "she" as subject is what the pronoun's person did or was asked; whoever its tokens (the
    indices returned) name is someone else."""
    if pronoun.dep_ not in {"nsubj", "nsubjpass"} or pronoun.lower_ not in _PERSON_PRONOUNS:
        return set()
    clause = {
        t.i
        for c in pronoun.head.children
        if c.dep_ == "advcl" and c.i < pronoun.i and not _has_subject(c)
        for t in c.subtree
    }
    # A parse may hang the pronoun's clause on the participle instead: the sentence opens
    # with a participle that has no subject, and the pronoun follows its comma.
    opening = pronoun.sent[0]
    if (
        opening.tag_ in _PARTICIPLE_TAGS
        and not _has_subject(opening)
        and pronoun.i > opening.i + 1
        and pronoun.doc[pronoun.i - 1].text == ","
    ):
        clause |= set(range(opening.i, pronoun.i))
    return clause


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in verb.children)


def _end(token: Token) -> int:
    return token.idx + len(token)


def described_as_person(name: Token) -> bool:
    """A name with a description of a person beside it ("Sachin Pilot, a former federal
    minister"; "Abo Arab, a 28-year-old from Damascus") names a person, whatever the tagger
    said."""
    return any(
        c.dep_ == "appos"
        and (
            (c.pos_ == "NOUN" and names_people(c.lemma_.lower()))
            or (c.lower_ == "old" and any(g.lemma_ in {"year", "month"} for g in c.children))
        )
        for c in name.children
    )


def _common_word(token: Token) -> bool:
    """A common noun, or a lower-case word the tagger took for a name ("the former first
    lady")."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.is_lower)


def _of_title(prep: Token) -> bool:
    """ "the secretary of state", "the chief of staff": "of" and one bare common word are
    part of the title, not a phrase that singles out someone new ("the head of the agency")."""
    objects = list(prep.children)
    return (
        prep.lower_ == "of"
        and len(objects) == 1
        and objects[0].is_lower
        and not any(objects[0].children)
    )


def party_member(token: Token) -> bool:
    """ "said the New York Democrat": one member of a party or camp, which the tagger takes
    for the name of the group (NORP)."""
    return token.ent_type_ == "NORP" and token.tag_ == "NNP" and names_people(token.lemma_.lower())


def _age_description(token: Token) -> bool:
    """ "the 31-year-old": a person described by age alone, whatever the tagger made of
    "old" (an adjective, often)."""
    return token.lower_ == "old" and any(
        c.dep_ == "npadvmod" and c.lemma_ in {"year", "month"} for c in token.children
    )


def _description_key(token: Token) -> str:
    """The words a description is known by: its noun's lemma with the places that modify it,
    or the whole age ("31-year-old"), as "the 31-year-old" and "the 25-year-old" are two
    people."""
    if _age_description(token):
        return token.doc[token.left_edge.i : token.i + 1].text.lower().removeprefix("the ")
    # "the Kentucky Republican" and "the Maine Republican" are two people: a place that
    # modifies the noun (a constituency, a home state) is part of the description.
    places = [
        t.lower_
        for t in token.subtree
        if t.i < token.i and t.dep_ == "compound" and t.ent_type_ in _PLACE_ENTITIES
    ]
    return " ".join([*places, token.lemma_.lower()])


def quantifies_everyone(noun: Token) -> bool:
    """ "any one person", "every voter", "no official": nobody in particular, so no antecedent
    and no source."""
    return any(c.dep_ == "det" and c.lower_ in _UNIVERSAL_DETERMINERS for c in noun.children)


def _coordination(head: Token, first: Referent) -> Referent | None:
    """ "Gov. Eric Holcomb and leaders of the Legislature": together they are "they", whatever
    each conjunct is alone."""
    conjuncts = [c for c in head.children if c.dep_ == "conj"]
    if not conjuncts or not any(c.dep_ == "cc" for c in head.children):
        return None
    end = conjuncts[-1].right_edge
    return Referent(
        head.i,
        head.left_edge.idx,
        end.idx + len(end),
        head.doc[head.left_edge.i : end.i + 1].text,
        None,
        person=first.person or any(names_people(c.lemma_.lower()) for c in conjuncts),
        plural=True,
        gender=None,
    )


def _description_words(top: Token, skip: set[int]) -> set[str]:
    """The content words of a description (lemmas, lower case), less its clauses ("who serves
    in …") and the tokens to skip (the name itself, a possessor)."""
    clauses = {d.i for c in top.subtree if c.dep_ in {"relcl", "acl"} for d in c.subtree}
    return {
        t.lemma_.lower()
        for t in top.subtree
        if t.pos_ in {"NOUN", "PROPN", "ADJ"} and t.i not in skip and t.i not in clauses
    }


def _phrase_text(noun: Token) -> str:
    return noun.doc[noun.left_edge.i : noun.right_edge.i + 1].text


def speaks(token: Token) -> bool:
    """The token names who reports: the subject of a reporting verb ("they said"), its
    passive agent ("was described by an aide"), or the object of "according to"."""
    verbs = lexicon().reporting_verbs
    head = token.head
    if token.dep_ == "nsubj":
        return head.lemma_.lower() in verbs
    if token.dep_ != "pobj" or head.head == head:
        return False
    if head.dep_ == "agent":
        return head.head.lemma_.lower() in verbs
    return head.lower_ == "to" and head.head.lower_ == "according"


def issued(document: Token) -> bool:
    """The noun is what a verb of issuing with a subject puts out: "Pryor issued a
    statement", "the ministry released a report"."""
    verb = document.head
    return (
        document.dep_ == "dobj"
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() in lexicon().issuing_verbs
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


def _reported_by(verb: Token) -> set[int]:
    """The offsets of the words a reporting verb reports: its clause, or the clause it
    trails ("Iraqi militias have returned …, they said"). Its subject stands for none of
    them: "they" there is not the militias. A verb that is itself reported ("the expert said
    he doubted …") trails nothing."""
    clauses = [c for c in verb.children if c.dep_ in _REPORTED_CLAUSES]
    words = {t.idx for c in clauses for t in c.subtree}
    head = verb.head
    trails = (
        head != verb and head.i < verb.i and head.lemma_.lower() not in lexicon().reporting_verbs
    )
    if verb.dep_ in _REPORTED_CLAUSES and trails:
        words |= {t.idx for t in head.subtree if t.i < verb.left_edge.i}
    return words


def _addresses_a_body(verb: Token) -> bool:
    """ "told the court", "wrote to the committee": the listener is a public body."""
    listeners = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    listeners += [
        p
        for c in verb.children
        if c.dep_ in {"prep", "dative"} and c.lower_ == "to"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return any(t.lemma_.lower() in lexicon().public_bodies for t in listeners)


def _agrees(pronoun: str, referent: Referent, gender: str | None) -> bool:
    if pronoun in _PARTITIVES:
        return referent.plural
    if pronoun in _PERSON_PRONOUNS:
        wanted = _PERSON_PRONOUNS[pronoun]
        return referent.person and not referent.plural and gender in {None, wanted}
    if pronoun in _PLURAL_PRONOUNS:
        return referent.plural or not referent.person
    return not referent.person and not referent.plural


def _definite(token: Token) -> bool:
    """ "the minister", "The Minister", "her daughter": a description that points back, not
    "a minister"."""
    return any(
        (c.dep_ == "det" and c.lower_ in {"the", "this", "that"})
        or (c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS)
        for c in token.children
    )


def _depth(token: Token) -> int:
    """Steps from the token up to its sentence's root (bounded: a parse may hold a cycle)."""
    steps = 0
    while token.head != token and steps < 50:
        token = token.head
        steps += 1
    return steps

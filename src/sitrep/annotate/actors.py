"""Canonical actors: every mention of one person, organisation, state or group merged.

- People: full names, surnames ("Assad") and kin-bound names ("Assad's father Hafez" is
  Hafez al-Assad, a different actor); initials given with a full name ("Andres Manuel Lopez
  Obrador (AMLO)"); given names the model left untagged before a tagged surname; titles
  before a name ("Syrian President") give sector and country; role phrases ("the
  59-year-old president") bind to the most mentioned compatible person, as references of
  that person (`ReferenceKind.ROLE`), not mentions: they are no name.
- Organisations: entities plus `knowledge/actors/organisations.tsv`; an acronym given with its
  expansion ("Hayat Tahrir Al-Sham, or HTS") joins it.
- States: a country (or its capital) acting as subject, agent, possessor or object; a demonym
  on a role noun ("Russian personnel").
- Groups: role nouns ("rebels", "the army", "residents") from `roles.tsv`.
Sector codes and words come from `knowledge/actors/`; none are written into code.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep import lexicon
from sitrep.annotate.gazetteer import (
    country_info,
    demonym_country,
    is_capital,
    load_gazetteer,
)
from sitrep.annotate.mentions import literal_places
from sitrep.annotate.nlp import load_nlp
from sitrep.annotate.places import after_kin_noun, is_locative, place_cue
from sitrep.clean.knowledge import time_zones
from sitrep.doc_cache import doc_text, entities, once_per_doc, token_lowers, token_texts
from sitrep.names import spelling_key
from sitrep.records import (
    Actor,
    ActorKind,
    Article,
    LocationPrecision,
    Place,
    Reference,
    ReferenceKind,
    Span,
)

_STATE_DEPS = {"nsubj", "nsubjpass", "poss", "dobj", "pobj", "compound", "npadvmod"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_AGENT_PREPOSITIONS = {"by", "to", "with", "against", "from"}
# Parts of speech of a lowercase word no name ends in ("4th Civil Support Team for").
_FUNCTION_POS = {"ADP", "DET", "CCONJ", "SCONJ", "PRON"}
# Parts of speech of a lowercase word that cannot open a name ("al-Assad", "de Gaulle" can).
_NOT_NAME_POS = {"ADJ", "ADV", "VERB", "AUX", "NOUN", "PRON", "DET", "NUM"}
# What the model tags places, which it also tags people listed with people ("Ufuk Yilmaz").
_PLACE_LABELS = ("GPE", "LOC", "FAC")
# What the model may tag a name it misreads ("Coincheck" a person here, a place there).
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT"}
# Initials that stand for a person ("JFK", "AMLO"); two letters are too often something else.
_PERSON_INITIALS = 3
# An acronym spelt out after it: at most this many letters ("NATO", "DGSE", "UNESCO"), and
# lowercase particles between the spelling's words of at most so many ("de", "of", "for").
_LONGEST_SPELT_ACRONYM = 6
_PARTICLE_LETTERS = 3
_SHORT_GIVEN_NAME = 3  # letters a short given name keeps ("Pat", "Tom"): "J" is an initial
_GIVEN_NAME_WORDS = 2  # given names before a surname: "Mary Ann Smith"
_PHOTOGRAPHER_WORDS = 3  # a credited photographer's name: "Photo: Mary Ann Smith"
MIN_TITLED_NAME_WORDS = 2  # "President Erdogan" alone is a surname the model usually tags
# A title stands in at most this many words before a name ("US Secretary of State X").
_TITLE_WORDS = 4
_CELESTIAL_WORDS = 3  # "the Milky Way"
_DOCTRINE = "ism"  # the ending of a doctrine's noun: "Socialism", "Zionism"
# A town this size before a surname names an institution ("Pittsburgh Steelers"), not a person.
_WELL_KNOWN_TOWN = 100_000
# What the tokenizer leaves glued to a name's end: an age ("Lance Garcia,36") or an unclosed
# bracket ("National Bureau of Investigation (NBI").
_GLUED_TAIL = re.compile(r"\s*(?:,\s*\d.*|\([^)]*)$", re.DOTALL)
_AGE_GLUED = re.compile(r",\s*\d{1,2}$")
# What follows a dateline's place: the agency in brackets, a dash, a comma or colon.
_DATELINE_MARKS = {"(", "-", "--", "\u2013", "\u2014", ",", ":"}
# Where a side stands in a sentence about a match: "Leeds beat Stoke", "lost to Leeds".
_SIDE_DEPS = {"nsubj", "nsubjpass", "dobj", "npadvmod"}
_OPPONENT_PREPOSITIONS = {"against", "to", "over", "past", "with", "by", "v", "vs", "versus"}
# A match score ("3-0", "2-1"), which tells a sports report.
_SCORE = re.compile(r"(?<![\d-])\d{1,2}-\d{1,2}(?![\d-])")
# A clock time, after which capitals name a time zone ("1:19PM CST"), not an organisation.
_CLOCK = re.compile(r"\d{1,2}:\d\d(?:[ap]\.?m\.?)?|[ap]\.?m\.?", re.IGNORECASE)
# Prepositions before which a name is where something is ("camped in Matias Romero"); "to",
# "from", "at" and "of" also take people ("wrote to Smith").
_PLACE_PREPOSITIONS = {"in", "near", "inside", "outside", "into", "across", "around", "through"}
# Of those, the ones that take a place whatever the gazetteer knows ("inside Anfield"): people
# are not gone into or stood inside.
_INSIDE_PREPOSITIONS = {"inside", "outside", "into"}
# A product or model code: digits with letters on both sides ("M109A6", "MQ-4C"; not "G20",
# "3M" or "MS-13").
_PRODUCT_CODE = re.compile(r"[A-Za-z]+-?\d+[A-Za-z]+")
# Tokens that may close a place written after a name and a comma ("Stanley Uzoaru, Owerri."),
# where a list of names would go on ("Deen, Villanueva and ...").
_MARKET_CODE = re.compile(r"(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d)[A-Z0-9]{3,}[=.]?[A-Za-z0-9]*")
_DISMISSED_BY = {"c", "st", "b"}  # a scorecard's "c Lara b Walsh": caught, stumped, bowled by
_OUT_MARKS = _DISMISSED_BY | {"lbw", "run", "not", "retired", "hit"}  # how a batsman was out
_SPACED_DASHES = {"-", "--", "\u2013", "\u2014"}
_WEB_NAME = re.compile(r"[A-Z][A-Za-z0-9-]*\.[A-Za-z]+")  # "Polygraph.info", not "www.x.com"
_RIDDEN = {"ridden", "saddled"}  # "Prince Bishop, ridden by William Buick"
_RIDING = {"aboard", "rode", "riding"}  # "rode Arrogate": what one rides is no actor
_NAME_LINKS = {"of", "de"}  # small words inside a horse's or a person's name
_PLACE_CLOSERS = {".", "(", ")", ":", ";", "|", "-"}


@dataclass(frozen=True, slots=True)
class Role:
    sector: str
    kind: str  # person | group
    label: str


@lexicon.PerLanguage
def roles(language: str) -> dict[str, Role]:
    table = lexicon.rows("actors/roles.tsv", language)
    return {
        r[0].lower(): Role(_sector(r[1], language), r[2], r[3] if len(r) > 3 else r[0])
        for r in table
    }


def _sector(code: str, language: str | None = None) -> str:
    return lexicon.mapping("actors/sectors.tsv", language)[code.lower()]


@lexicon.PerLanguage
def _organisations(language: str) -> dict[str, tuple[str, ActorKind, str, str | None]]:
    known: dict[str, tuple[str, ActorKind, str, str | None]] = {}
    for name, aliases, kind, sector, *country in lexicon.rows("actors/organisations.tsv", language):
        record = (name, ActorKind(kind), _sector(sector, language), (country or [""])[0] or None)
        for alias in {name, *filter(None, aliases.split("|"))}:
            known[spelling_key(alias)] = record
    return known


def alpha3(iso2: str | None) -> str | None:
    info = country_info().get(iso2 or "")
    return info["ISO"]["alpha3"] if info else None


class _Actors:
    """Actors being built, looked up by a key."""

    def __init__(self) -> None:
        self.by_key: dict[object, Actor] = {}
        # The role words each person is named with ("Defence Minister X", "X, the minister"),
        # by actor object: "the minister" later stands for the person who carries that role.
        self.titles: dict[int, set[str]] = {}

    def get(self, key: object, name: str, kind: ActorKind, **fields: object) -> Actor:
        actor = self.by_key.get(key)
        if actor is None:
            name = _without_glued_tail(name)
            actor = Actor(f"actor-{len(self.by_key) + 1}", name, kind, **fields)  # type: ignore[arg-type]
            self.by_key[key] = actor
        return actor

    def mention(self, actor: Actor, start: int, end: int, text: str) -> None:
        add_mention(actor, start, end, text)


def add_mention(actor: Actor, start: int, end: int, text: str) -> None:
    """Record one more mention of an actor (once per start), its spelling as an alias."""
    text = _without_glued_tail(text)
    end = start + len(text)
    if all(m.start != start for m in actor.mentions):
        insort(actor.mentions, Span(start, end, text), key=lambda m: m.start)
        if text != actor.name and text not in actor.aliases:
            actor.aliases.append(text)


def state_actor(article: Article, iso2: str) -> Actor:
    """The article's actor for a country, added when annotation found the country acting
    nowhere: an event may name the state it is done to only by an adjective ("rejected an
    Indian proposal") or as a phrase's owner ("negotiate with the president of Armenia")."""
    code = alpha3(iso2)
    for actor in article.actors:
        if actor.kind is ActorKind.STATE and actor.country == code:
            return actor
    country = load_gazetteer().country(iso2)
    actor = Actor(
        f"actor-{len(article.actors) + 1}",  # find_actors numbers its actors 1..n
        country.name if country else iso2,
        ActorKind.STATE,
        sector=_sector("GOV"),
        country=code,
    )
    article.actors.append(actor)
    return actor


def _without_glued_tail(text: str) -> str:
    """A name without the age or unclosed bracket the tokenizer glued to it."""
    return _GLUED_TAIL.sub("", text) or text


def find_actors(article: Article, doc: Doc) -> tuple[list[Actor], list[Reference]]:
    """The article's actors, and the role phrases that stand for its people ("the
    president"): references, not mentions, as they name no one."""
    actors = _Actors()
    place_starts = {m.start for p in literal_places(article) for m in p.mentions}
    place_starts |= _add_teams(doc, actors)
    described = _described_organisations(doc, place_starts)
    countries = {p.country for p in article.places if p.country}
    place_names = _placed_names(article, doc)
    _add_people(doc, actors, place_starts, described, countries, place_names)
    _add_organisations(doc, actors, place_starts, described)
    _affiliate_people(doc, actors)
    _add_states(article, doc, actors)
    _add_groups(doc, actors, _main_country(article))
    _drop_mounts(doc, actors)
    roles = _bind_role_phrases(doc, actors)
    unique = {id(a): a for a in actors.by_key.values()}  # an acronym shares its expansion's
    found = [a for a in unique.values() if a.mentions]
    for actor in found:
        actor.mentions.sort(key=lambda m: m.start)
        _add_surname_alias(actor)
    found.sort(key=lambda a: a.mentions[0].start)
    for number, actor in enumerate(found, 1):
        actor.id = f"actor-{number}"
    references = [
        Reference(
            phrase.text,
            phrase.start,
            phrase.end,
            actor.name,
            actor.id,
            antecedent.start,
            antecedent.end,
            ReferenceKind.ROLE,
        )
        for actor, phrase, antecedent in roles
    ]
    return found, sorted(references, key=lambda r: r.start)


def _drop_mounts(doc: Doc, actors: _Actors) -> None:
    """A horse is no person and no organisation: every writing of a name the text rides
    (`_mount_names`) is no mention of an actor, though the model tags racehorses ("Thunder
    Snow", "California Chrome") as people and firms."""
    mounts = _mount_names(doc)
    if not mounts:
        return
    text = doc_text(doc)
    ridden = [
        (start, start + len(name)) for name in mounts for start in _whole_word_starts(text, name)
    ]
    for actor in {id(a): a for a in actors.by_key.values()}.values():
        actor.mentions[:] = [
            m
            for m in actor.mentions
            if not any(m.start < end and start < m.end for start, end in ridden)
        ]


def _mount_names(doc: Doc) -> set[str]:
    """Names of animals ridden, by how English writes a mount: "Prince Bishop, ridden by
    William Buick", "on board Mubtaahij", "rode Arrogate" (not "riding Obama's coattails");
    a race result's "11 on Red
    Desire (Mikio Matsunaga)", a rider on a horse with its trainer in brackets; and in such
    a result, the horse it was "won by" ("..., won by Gloria De Campeo")."""
    found: set[str] = set()
    for token in doc:
        name: SpacySpan | None = None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.lower_ in _RIDDEN and after is not None and after.lower_ == "by":
            before = token.i - 1 if token.i > 0 and doc[token.i - 1].text in ",(" else token.i
            name = _capitalised_run_ending(doc, before)
        elif token.lower_ in _RIDING or (
            token.lower_ == "board" and token.i > 0 and doc[token.i - 1].lower_ == "on"
        ):
            name = _capitalised_run_from(doc, token.i + 1)
        elif token.lower_ == "on" and (name := _capitalised_run_from(doc, token.i + 1)) is not None:
            if not _bracketed_person_after(name):
                name = None
            elif (won := _won_by(name.sent)) is not None:
                found.add(won.text)
        # "riding Obama's coattails": what a possessive owns is ridden, not the owner.
        if name is not None and not (name.end < len(doc) and doc[name.end].tag_ == "POS"):
            found.add(name.text)
    return found


def _capitalised_run_from(doc: Doc, start: int) -> SpacySpan | None:
    """A name from `start`: capitalised words, with "of" or "de" between two ("Master Of
    Hounds", "Gloria De Campeo")."""
    end = start
    while end < len(doc) and (
        _name_word(doc[end])
        or (
            end > start
            and doc[end].lower_ in _NAME_LINKS
            and end + 1 < len(doc)
            and _name_word(doc[end + 1])
        )
    ):
        end += 1
    return doc[start:end] if end > start else None


def _capitalised_run_ending(doc: Doc, end: int) -> SpacySpan | None:
    """A name that ends before `end`, as `_capitalised_run_from` reads one."""
    start = end
    while start > 0 and (
        _name_word(doc[start - 1])
        or (
            start < end
            and doc[start - 1].lower_ in _NAME_LINKS
            and start > 1
            and _name_word(doc[start - 2])
        )
    ):
        start -= 1
    return doc[start:end] if start < end else None


def _bracketed_person_after(name: SpacySpan) -> bool:
    """ "Red Desire (Mikio Matsunaga)", "Master Of Hounds (Mike de Kock)": a person's name of
    two words or more, as the model tags it, alone in brackets right after a name."""
    doc = name.doc
    if name.end >= len(doc) or doc[name.end].text != "(":
        return False
    window = range(name.end + 1, min(name.end + 2 + _TITLE_WORDS, len(doc)))
    close = next((i for i in window if doc[i].text == ")"), None)
    if close is None:
        return False
    inside = doc[name.end + 1 : close]
    return len(inside) >= MIN_TITLED_NAME_WORDS and all(t.ent_type_ == "PERSON" for t in inside)


def _won_by(sent: SpacySpan) -> SpacySpan | None:
    """The name a race was "won by" in a result line."""
    for token in sent:
        if (
            token.lower_ == "won"
            and token.i + 1 < sent.end
            and token.doc[token.i + 1].lower_ == "by"
        ):
            return _capitalised_run_from(token.doc, token.i + 2)
    return None


def _clean_ents(doc: Doc, label: str, place_starts: set[int]) -> list[SpacySpan]:
    kept = [e for e in _name_entities(doc, label) if e.start_char not in place_starts]
    if label == "ORG":
        countries = {e.end: e for e in entities(doc) if e.label_ == "GPE"}
        kept = [_with_country(_with_portfolios(_to_masthead(e)), countries) for e in kept]
        # "Welfare", which the model tagged apart, is inside "Ministry of Health, ... Welfare".
        kept = [e for e in kept if not any(_holds_more(other, e) for other in kept)]
    return [_with_hyphenated_end(e) for e in kept]


# Read from the tokens and the model's tags alone, which no stage changes: the rules ask
# for an article's cleaned entities six times over (per label, per rule); each label's
# are cleaned once, and the credits found once.
@functools.lru_cache(maxsize=2)
def _name_entities(doc: Doc, label: str) -> tuple[SpacySpan, ...]:
    """The model's entities of `label` as names, less those that name no actor (places
    are left out by the caller, whose places they are)."""
    credited, things = _credits_and_things(doc)
    found = [
        _name_only(e)
        for e in map(_relabelled, entities(doc))
        if e.label_ == label and "\n" not in e.text and not any(t.i in credited for t in e)
    ]
    # The names are needed only where a possessive sits inside a name (rare).
    if any(t.tag_ == "POS" for e in found for t in e[1:-1]):
        names = _entity_names(doc)
        found = [_possessor(e, names) for e in found]
    return tuple(
        e
        for e in found
        if any(t.tag_ != "POS" and not t.is_punct for t in e)  # not a bare "'s"
        and any(c.isupper() for c in e.text)  # "cubic meter" is no name
        and not e.text.startswith("@")  # "@IlhanMN": an account's handle is no name
        and _honorific_length(doc, e.start, e.end) < len(e)  # "Engr" alone is no name
        and not any(t.is_lower and t.pos_ in ("VERB", "AUX") for t in e)  # "Garrett hit Rudolph"
        and not _unit(e)
        and not _dateline(e)
        and not _thing_name(e)
        and spelling_key(e.text) not in things
        and not _team_plural(e)
        and not (label == "PERSON" and _no_persons_name(e))
    )


@functools.lru_cache(maxsize=1)
def _credits_and_things(doc: Doc) -> tuple[frozenset[int], frozenset[str]]:
    """The tokens of picture credits and photographers' names, and the names of things in
    every writing: those a measure qualifies (products) and those that take place
    (happenings)."""
    credited = {t.i for credit in _photo_credits(doc) for span in credit for t in span}
    credited |= {t.i for span in _labelled_photographers(doc) for t in span}
    return frozenset(credited), frozenset(_measured_names(doc) | _happening_names(doc))


def _happening_names(doc: Doc) -> set[str]:
    """ "if Brexit takes place", "after Woodstock happened": only a happening takes place,
    happens or occurs, so a name that does is no actor's, as keys. Not "Smith happened to
    be there", where "happen" says nothing of its subject."""
    found: set[str] = set()
    for ent in entities(doc):
        verb = ent.root.head
        if ent.root.dep_ != "nsubj" or ent.root.pos_ != "PROPN":
            continue
        takes_place = verb.lemma_ == "take" and any(
            c.dep_ == "dobj" and c.lower_ == "place" and not any(c.children) for c in verb.children
        )
        comes_about = verb.lemma_ in {"happen", "occur"} and not any(
            c.dep_ in {"xcomp", "ccomp"} for c in verb.children
        )
        if takes_place or comes_about:
            found.add(spelling_key(ent.text))
    return found


def _no_persons_name(ent: SpacySpan) -> bool:
    """A role word alone names no one ("State Councilor and Foreign Minister Wang Yi" gave the
    model a person "Councilor")."""
    return len(ent) == 1 and _person_role(ent[0])


def _unit(ent: SpacySpan) -> bool:
    """ "32GB", "1TB": capitals glued to a number are its unit."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and before.like_num and not before.whitespace_ and _acronym(ent.text)


def _to_masthead(ent: SpacySpan) -> SpacySpan:
    """ "Suffolk County Times Image caption": a newspaper's name ends at its masthead word,
    unless a legal form follows ("Times Mirror Co" is left whole)."""
    mastheads = lexicon.words("actors/mastheads.txt")
    for token in ent[1:-1]:
        rest = ent[token.i - ent.start + 1 :]
        if (
            token.lower_ in mastheads
            and token.text[:1].isupper()
            and not any(t.lower_.rstrip(".") in _legal_forms() for t in rest)
        ):
            return SpacySpan(ent.doc, ent.start, token.i + 1, label=ent.label_)
    return ent


def _with_portfolios(ent: SpacySpan) -> SpacySpan:
    """ "the Ministry of Health, Labour and Welfare": a state body's name goes on, past where
    the model ends it, over a list of single capitalised words closed by "and"."""
    doc = ent.doc
    if ent[0].lower_ not in lexicon.words("actors/state_bodies.txt") or ent[-2:-1].text != "of":
        return ent

    def single_word(i: int) -> bool:
        return (
            i < len(doc)
            and _name_word(doc[i])
            and not (i + 1 < len(doc) and _name_word(doc[i + 1]))
        )

    i = ent.end
    while i + 1 < len(doc) and doc[i].text == "," and single_word(i + 1):
        i += 2
    if i > ent.end and i + 1 < len(doc) and doc[i].lower_ == "and" and single_word(i + 1):
        return SpacySpan(doc, ent.start, i + 2, label=ent.label_)
    return ent


def _measured_names(doc: Doc) -> set[str]:
    """ "the 16-inch MacBook Pro", "a 65-inch Bravia": a name a measure qualifies is a
    product's, and so is each writing of its first words ("MacBook models"), as keys."""
    found: set[str] = set()
    texts = token_texts(doc)
    for i in range(len(doc) - 3):
        if not (texts[i + 1] == "-" and doc[i].like_num and doc[i + 2].is_lower):
            continue
        end = i + 3
        while end < len(doc) and end - i - 3 < 4 and _name_word(doc[end]):
            end += 1
        found |= {spelling_key(doc[i + 3 : stop].text) for stop in range(i + 4, end + 1)}
    return found


def _team_plural(ent: SpacySpan) -> bool:
    """ "The Steelers spent Monday ...", "facing the Browns": a plural proper noun after "the"
    names a team or a group, not one person. The tagger reads a plural of a surname
    ("Browns") as singular: a name ending in a plural "-s" (not "Davis", "Ross", "Lewis")
    after "the" that heads its phrase counts too ("the Williams sisters" does not)."""
    last = ent[-1]
    plural = last.tag_ == "NNPS" or (
        last.tag_ == "NNP"
        and last.lower_.endswith("s")
        and not last.lower_.endswith(("ss", "us", "is"))
        and ent.root.dep_ != "compound"
    )
    return (
        ent.label_ == "PERSON"
        and ent.start > 0
        and ent.doc[ent.start - 1].lower_ == "the"
        and plural
    )


def _thing_name(ent: SpacySpan) -> bool:
    """A name of a thing, not of an actor: a street ("Third Street", "State and Hubbard
    streets"), a celestial body ("the Solar System", "the planet Mercury"), a doctrine ("National
    Socialism"), a vessel after its noun ("the superyacht Talisman Maiton"), a model code
    ("M109A6 Paladin"; in a person's name, any digit: "RAV4 Hybrid"), a work's title or a
    person's, or a happening, a name (not an acronym) before a noun such as "final" or
    "concert" ("the Champions League final"; "OPEC summit" stays OPEC's)."""
    doc = ent.doc
    last = ent[-1]
    if len(ent) > 1 and last.text[:1].isupper() and last.lower_ in _thoroughfares():
        return True
    if _first_of_streets(ent):
        return True
    # "the Solar System", "the Milky Way"; one word ("Mercury", "Moon", "Venus") may name a
    # person or a paper, and is a body only after its noun ("the planet Mercury", below).
    if 1 < len(ent) <= _CELESTIAL_WORDS and ent.text.lower().removeprefix("the ") in _celestial():
        return True
    if len(ent) > 1 and ent.root.text[:1].isupper() and ent.root.lower_ in _not_actor_heads():
        return True
    # A doctrine ("National Socialism", "Political Islamism"): CoNLL-2003 tags it MISC.
    if len(ent) > 1 and ent.root.text[:1].isupper() and ent.root.lower_.endswith(_DOCTRINE):
        return True
    before = doc[ent.start - 1] if ent.start > 0 else None
    if (
        before is not None
        and before.is_lower
        and before.lower_ in lexicon.words("actors/thing_nouns.txt")
    ):
        return True
    if any(_PRODUCT_CODE.search(t.text) for t in ent) or _quoted(ent) or _title_of(ent):
        return True
    # No person's name holds a digit ("RAV4 Hybrid", "Dell G3"); a company's may ("G4S").
    if ent.label_ == "PERSON" and any(c.isdigit() for c in _without_glued_tail(ent.text)):
        return True
    return (
        ent.label_ == "ORG"
        and not _acronym(ent.text)
        and _word_after(ent).rstrip(".,;:") in lexicon.words("actors/event_nouns.txt")
    )


def _first_of_streets(ent: SpacySpan) -> bool:
    """ "at the corner of State and Hubbard streets": the first of names that a plural street
    noun after the last of them heads."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].lower_ != "and":
        return False
    for i in range(ent.end + 1, min(ent.end + 4, len(doc))):
        if not doc[i].text[:1].isupper():
            word = doc[i].lower_
            return word.endswith("s") and word[:-1] in _thoroughfares()
    return False


@lexicon.PerLanguage
def _celestial(language: str) -> frozenset[str]:
    return lexicon.words("places/celestial_bodies.txt", language)


@lexicon.PerLanguage
def _not_actor_heads(language: str) -> frozenset[str]:
    """Nouns that head a facility's, a happening's, a law's or a contest's name."""
    return frozenset().union(
        *(
            lexicon.words(f"actors/{name}.txt", language)
            for name in ("facility_nouns", "event_nouns", "misc_heads")
        )
    )


def _word_after(ent: SpacySpan) -> str:
    """The word after a span, hyphens kept ("quarter-final" is three tokens), read from its
    tokens: `doc.text` is rebuilt from every token at each call."""
    words: list[str] = []
    for token in ent.doc[ent.end :]:
        if token.is_space and not words:
            continue
        words.append(token.text)
        if token.whitespace_:
            break
    return "".join(words)


def _quoted(ent: SpacySpan) -> bool:
    """ "the reality TV series “Below Deck Mediterranean.”": a name filling a quotation is a
    work's title (a nickname quoted inside a name is not the whole name)."""
    doc = ent.doc
    end = ent.end + 1 if ent.end < len(doc) and doc[ent.end].text in ".," else ent.end
    return (
        ent.start > 0
        and end < len(doc)
        and doc[ent.start - 1].is_quote
        and doc[ent.start - 1].is_left_punct
        and doc[end].is_quote
        and doc[end].is_right_punct
    )


def _title_of(ent: SpacySpan) -> bool:
    """ "the Inspector General of Police", "Governor of Sokoto State": a person's title,
    headed by its role word, that the model tags an organisation."""
    root = ent.root
    return (
        ent.label_ == "ORG"
        and root.text[:1].isupper()
        and _person_role(root)
        and any(t.lower_ == "of" and t.head == root for t in ent)
    )


def _thoroughfares() -> frozenset[str]:
    return lexicon.words("actors/thoroughfares.txt")


def _with_country(ent: SpacySpan, gpe_ending: dict[int, SpacySpan]) -> SpacySpan:
    """ "U.S. District Court", "US State Department": a country's name written right before
    an organisation's (no comma, no possessive) is part of that name; `gpe_ending` holds the
    model's places by where they end."""
    country = gpe_ending.get(ent.start)
    if country is None or "\n" in country.text_with_ws or _country_code(country.text) is None:
        return ent
    return SpacySpan(ent.doc, country.start, ent.end, label=ent.label_)


@functools.lru_cache(maxsize=1)  # asked by three rules
def _photo_credits(doc: Doc) -> tuple[tuple[SpacySpan, SpacySpan], ...]:
    """ "Felix Marquez AP Photo": a picture credit, the photographer's name (two or three
    capitalised words) then the agency's acronym and a credit word, which the model reads as
    one organisation. As (photographer, agency)."""
    found: list[tuple[SpacySpan, SpacySpan]] = []
    words = lexicon.words("actors/credit_words.txt")
    texts, lowers = token_texts(doc), token_lowers(doc)
    for i in range(3, len(doc)):
        agency = i - 1
        if lowers[i] not in words or not texts[i][:1].isupper():
            continue
        if not _acronym(texts[agency]) or "\n" in doc[agency].whitespace_:
            continue
        start = agency
        while start > 0 and agency - start < 3 and _name_word(doc[start - 1]):
            start -= 1
        if agency - start >= MIN_TITLED_NAME_WORDS and not doc[start].text.isupper():
            found.append((doc[start:agency], doc[agency : agency + 1]))
    return tuple(found)


def _labelled_photographers(doc: Doc) -> list[SpacySpan]:
    """ "Photo: Adrian Walker", "Photo credit: Bayo Omiboriowo": two or three capitalised words
    after a credit label and a colon, up to a title or credit word, name the photographer,
    whatever the model tags them. An agency is written there too ("Photo: Associated Press",
    "Image: Getty Images", "Photo: Kyodo News"): a known organisation is none, nor a name the
    model tags an organisation that holds a common word ("Bayo Omiboriowo" holds none)."""
    words = lexicon.words("actors/credit_words.txt")
    labels = words | {"credit"}
    found: list[SpacySpan] = []
    texts, lowers = token_texts(doc), token_lowers(doc)
    for colon in range(1, len(doc) - 2):
        if texts[colon] != ":" or lowers[colon - 1] not in labels:
            continue
        end = colon + 1
        while (
            end < len(doc)
            and end - colon <= _PHOTOGRAPHER_WORDS
            and _name_word(doc[end])
            and doc[end].lower_ not in _title_words() | words
        ):
            end += 1
        run = doc[colon + 1 : end]
        if not MIN_TITLED_NAME_WORDS <= len(run) <= _PHOTOGRAPHER_WORDS:
            continue
        if spelling_key(run.text) in _organisations() or (
            any(t.ent_type_ == "ORG" for t in run)
            and any(_plain_word(doc.lang_, t.text) for t in run)
        ):
            continue
        found.append(SpacySpan(doc, run.start, run.end, label="PERSON"))
    return found


def _dateline(ent: SpacySpan) -> bool:
    """ "WASHINGTON (AP) -", "LONDON 2025-08-30": a well-known place in capitals opening a
    line or followed by the agency, a dash or the date is where the story was filed, which
    the model now and then tags an organisation."""
    doc = ent.doc
    if not ent.text.isupper() or not _well_known_place(ent.text.title()):
        return False
    after = doc[ent.end] if ent.end < len(doc) else None
    opens_line = ent.start == 0 or "\n" in doc[ent.start - 1].whitespace_
    return opens_line or after is None or after.text in _DATELINE_MARKS or after.like_num


def _relabelled(ent: SpacySpan) -> SpacySpan:
    """A name the model tags an organisation that opens with an honorific is a person's
    ("Alhaji Aminu Tambuwal"): only people carry one. A name the model tags a person with
    "the" taken in ("the Zanu Pf led government") is an organisation's: a person's name takes
    no article (a plural after "the" is a team's, `_team_plural`)."""
    if ent.label_ == "ORG" and 0 < _honorific_length(ent.doc, ent.start, ent.end) < len(ent):
        return SpacySpan(ent.doc, ent.start, ent.end, label="PERSON")
    if ent.label_ == "PERSON" and len(ent) > 1 and ent[0].lower_ == "the":
        return SpacySpan(ent.doc, ent.start, ent.end, label="ORG")
    return ent


def _honorific_length(doc: Doc, start: int, end: int) -> int:
    """How many tokens from `start` (before `end`) an honorific takes ("Ms", "Dr.", "Crown
    Prince"), with a full stop the tokenizer split off; 0 when none opens there."""
    if start >= end:
        return 0
    # Only the honorifics whose first word opens here are compared: this runs for every
    # entity and every name's first words.
    for words in _honorifics().get(doc[start].lower_.rstrip("."), ()):
        size = len(words)
        if start + size <= end and all(
            doc[start + i].lower_.rstrip(".") == word for i, word in enumerate(words)
        ):
            if start + size < end and doc[start + size].text == ".":
                size += 1
            return size
    return 0


@lexicon.PerLanguage
def _honorifics(language: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Honorifics by their first word, longest first ("crown prince" before "crown")."""
    entries = sorted(
        lexicon.words("actors/honorifics.txt", language), key=lambda e: (-len(e.split()), e)
    )
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for entry in entries:
        words = tuple(entry.split())
        by_first.setdefault(words[0], []).append(words)
    return {first: tuple(found) for first, found in by_first.items()}


def _with_hyphenated_end(ent: SpacySpan) -> SpacySpan:
    """A name word joined by a hyphen to the next word is one word ("Moon Jae-in": the model
    ends the name at "Jae")."""
    doc, end = ent.doc, ent.end
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    ):
        end += 2
    return ent if end == ent.end else SpacySpan(doc, ent.start, end, label=ent.label_)


def _entity_names(doc: Doc) -> set[str]:
    """Every name the model tags, and the last word of each (a surname written alone), as
    written ("Lowe" is not "LOWE'S COMPANIES")."""
    names = set()
    for ent in entities(doc):
        name = _name_only(ent)
        names |= {name.text, name[-1].text}
    return names


def _possessor(ent: SpacySpan, names: set[str]) -> SpacySpan:
    """ "Apple's MacBook", "Jeff Bezos's Blue Origin": the model took a possessor and its
    thing for one name; the possessor is the name when the text also writes it, or its last
    word, alone as a name ("Apple", "Bezos"). A well-known place owns no name: the thing is
    the name ("Japan's Ministry of Agriculture" is the ministry, not Japan). A possessive
    inside a fixed name ("People's Liberation Army", "Democratic People's Republic of Korea",
    "Martha's Vineyard") has no such possessor and stays."""
    for token in ent[1:-1]:
        if token.tag_ == "POS":
            owner = ent.doc[ent.start : token.i]
            if _well_known_place(owner.text):
                return SpacySpan(ent.doc, token.i + 1, ent.end, label=ent.label_)
            if owner.text in names or owner[-1].text in names:
                return owner
            break
    return ent


def _name_only(ent: SpacySpan) -> SpacySpan:
    """The name without a leading determiner, title or honorific, a trailing possessive or an
    unclosed bracket: "the United Nations", "President Donald Trump", "Ms Blampied", "Suu Kyi
    's" name "United Nations", "Donald Trump", "Blampied", "Suu Kyi". A title is kept when
    nothing but it would remain."""
    start, end = ent.start, ent.end
    doc = ent.doc
    person = ent.label_ == "PERSON"
    # "Leeds - Daniel Okafor", "GOLF - LEADING SCORES": a dash with a space either side parts
    # a list's heading from its entry or a slug from a headline; no name holds one.
    for i in range(end - 2, start, -1):
        if doc[i].text in _SPACED_DASHES and doc[i - 1].whitespace_ and doc[i].whitespace_:
            start = i + 1
            break
    if person:
        start += _office_length(ent) or _inner_title_end(ent)
    while start < end - 1:
        if person and 0 < (honorific := _honorific_length(doc, start, end)) < end - start:
            start += honorific
        elif (
            doc[start].lower_ == "the"
            or (_person_role(doc[start]) and (person or doc[start].is_lower))
            or _not_a_name_word(doc[start], person=person)
        ):
            start += 1
        else:
            break
    # "National Bureau of Investigation (NBI": the acronym after an unclosed bracket is its own.
    opened = [i for i in range(start + 1, end) if doc[i].text == "("]
    if opened and not any(doc[i].text == ")" for i in range(opened[-1], end)):
        end = opened[-1]
    # A possessive ending; a number the model ran into a person's name ("Greg Norman 70") or
    # letters after it ("Anthony Orchard QC"); a market code ("CMAL3"); a lowercase function
    # word no name ends in ("4th Civil Support Team for").
    post_nominals = lexicon.words("actors/post_nominals.txt") if person else frozenset()
    while end - 1 > start and (
        doc[end - 1].tag_ == "POS"
        or (person and (doc[end - 1].is_digit or doc[end - 1].text == "-"))
        or _market_code(doc[end - 1].text)
        or (doc[end - 1].text.lower() in post_nominals and doc[end - 1].text.isupper())
        or (doc[end - 1].is_lower and doc[end - 1].pos_ in _FUNCTION_POS)
    ):
        end -= 1
    # "Associated Press WASHINGTON (AP)": a byline's agency runs into the dateline's place.
    if (
        end - start > 1
        and doc[end - 1].text.isupper()
        and not doc[end - 2].text.isupper()
        and _well_known_place(doc[end - 1].text.title())
    ):
        end -= 1
    # "Japanese Financial Services Agency", "the Russian Defense Ministry's": the demonym
    # qualifies a state body's own name (read once a possessive ending is cut).
    if (
        not person
        and end - start > MIN_TITLED_NAME_WORDS
        and demonym_country(doc[start].text)
        and doc[end - 1].lower_ in lexicon.words("actors/state_bodies.txt")
    ):
        start += 1
    return SpacySpan(doc, start, end, label=ent.label_)


def _market_code(word: str) -> bool:
    """ "the London Metal Exchange CMAL3": a code of capitals and digits (a quote's symbol)
    the model ran into a name; "Channel 4" and "Fox 5" end in a number, not a code."""
    return _MARKET_CODE.fullmatch(word) is not None


def _inner_title_end(ent: SpacySpan) -> int:
    """How many words opening a person's name end with an honorific inside it: "Browns DL
    Sheldon Richardson", "Kentucky GOP Gov. Matt Bevin" (the model ran the team or the party
    into the name). What precedes a title qualifies it; the name is what follows, when two
    words or more do ("Amartya Sen" ends with a word of the list and stays)."""
    doc = ent.doc
    for i in range(ent.start + 1, ent.end - MIN_TITLED_NAME_WORDS):
        size = _honorific_length(doc, i, ent.end)
        if size and doc[i].text[:1].isupper() and ent.end - (i + size) >= MIN_TITLED_NAME_WORDS:
            return i + size - ent.start
    return 0


def _office_length(ent: SpacySpan) -> int:
    """How many words opening a person's name are the office of a title before it ("NYPD
    Chief of Department Terence Monahan", "Secretary of Homeland Security Kirstjen Nielsen",
    which the model runs into the name): after a role word and "of", capitalised common words
    that are no given name, leaving two words or more."""
    doc, start = ent.doc, ent.start
    if start < 2 or doc[start - 1].lower_ != "of" or doc[start - 2].lower_ not in _title_words():
        return 0
    size = 0
    while (
        len(ent) - size > MIN_TITLED_NAME_WORDS
        and ent[size].text.istitle()
        and _plain_word(doc.lang_, ent[size].text)
    ):
        size += 1
    return size


def _person_role(token) -> bool:  # type: ignore[no-untyped-def]
    """A word naming a person's role ("president", "general"), which opens a person's title
    but also companies' names ("General Motors"): a capitalised one opens an organisation's
    name as written."""
    role = roles().get(token.lower_)
    return role is not None and role.kind == "person"


def _not_a_name_word(token, *, person: bool) -> bool:  # type: ignore[no-untyped-def]
    """A word the model took into a name that no name begins with: a lowercase adjective,
    verb or noun ("older MacBook Pro"), or a verb's -ing form opening the sentence
    ("Questioning Vindman, ...", "Hosting Cook at the White House, ..."), which the model
    often tags a proper noun: an -ing word whose stem the lemmatizer knows as a verb
    ("question", "host"; not "Sterling"), in a person's name only ("Booking Holdings" is a
    company's)."""
    if token.tag_ == "VBG":
        return True
    if person and token.is_sent_start and _participle(token.doc, token.lower_):
        return True
    return token.text[:1].islower() and token.pos_ in _NOT_NAME_POS


def _participle(doc: Doc, word: str) -> bool:
    if not word.endswith("ing") or len(word) < 6:
        return False
    stem = word[:-3]
    forms = {stem, stem + "e"} | ({stem[:-1]} if stem[-1] == stem[-2] else set())
    return bool(forms & _lemma_index(doc.lang_).get("verb", frozenset()))


@functools.cache
def _lemma_index(language: str) -> dict[str, frozenset[str]]:
    """The words the language model's rule lemmatizer knows, by part of speech ("verb",
    "noun", "adj", "adv"; none when it has no such table)."""
    nlp = load_nlp()
    if nlp.lang != language or "lemmatizer" not in nlp.pipe_names:
        return {}
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer) or not lemmatizer.lookups.has_table("lemma_index"):
        return {}
    table = lemmatizer.lookups.get_table("lemma_index")
    return {pos: frozenset(table.get(pos, ())) for pos in ("verb", "noun", "adj", "adv")}


@functools.lru_cache(maxsize=16384)
def _english_word(language: str, word: str) -> bool:
    """Whether a lowercased word is one the lemmatizer knows as a common word."""
    return any(word in words for words in _lemma_index(language).values())


def _plain_word(language: str, text: str) -> bool:
    """A common word, or the plural of one ("Cooperatives"), that is no given name and no
    well-known place: the lemmatizer's index also holds names ("john", "canada")."""
    word = text.lower()
    return (
        (
            _english_word(language, word)
            or (word.endswith("s") and _english_word(language, word[:-1]))
        )
        and word not in _given_names()
        and not _well_known_place(text)
    )


def _add_surname_alias(actor: Actor) -> None:
    """A person named in full is also known by the surname alone, so that articles naming
    only "Trump" and only "Donald Trump" meet in the store as one actor, and by the name
    without middle initials ("Sonya A. Zoghlin" is "Sonya Zoghlin" elsewhere)."""
    if actor.kind is not ActorKind.PERSON or len(actor.name.split()) < 2:
        return
    words = actor.name.split()
    surname = _surname(actor.name)
    plain = " ".join(w for i, w in enumerate(words) if i == 0 or not _initial(w))
    for alias in (surname, plain):
        if alias[:1].isupper() and alias != actor.name and alias not in actor.aliases:
            actor.aliases.append(alias)


def _main_country(article: Article) -> str | None:
    """The country the article names most often through its literal places, else through
    its demonyms ("Chinese people"), if any: a group with no country would join every
    other country-less group in the store."""
    literal = literal_places(article)
    for places in (literal, [p for p in article.places if p not in literal]):
        counts: dict[str, int] = {}
        for place in places:
            if place.country:
                counts[place.country] = counts.get(place.country, 0) + len(place.mentions)
        if counts:
            return max(counts, key=lambda code: counts[code])
    return None


def _add_people(
    doc: Doc,
    actors: _Actors,
    place_starts: set[int],
    organisations: list[SpacySpan],
    countries: set[str],
    place_names: set[str],
) -> None:
    described = {spelling_key(e.text) for e in organisations}
    tagged = _clean_ents(doc, "PERSON", place_starts)
    name_words = {
        spelling_key(word)
        for e in tagged
        if len(e) > 1 and spelling_key(e.text) not in place_names
        for word in e.text.split()
    }
    candidates = [
        e
        for e in tagged
        if spelling_key(e.text) not in _organisations().keys() | described
        and not _place_named(e, countries)
        and not _written_as_place(e, place_names, name_words)
    ]
    candidates += _people_tagged_as_organisations(doc, place_starts)
    candidates += _kin_named(doc, candidates, place_starts)
    candidates += _countrys_people(doc, place_starts)
    named_in_full = _untagged_full_names(doc, candidates, place_starts)
    # "Adolf Hitler" holds the model's "Hitler" there.
    candidates = [c for c in candidates if not any(_holds_more(f, c) for f in named_in_full)]
    candidates += named_in_full
    candidates += [photographer for photographer, _ in _photo_credits(doc)]
    candidates += [player for _, player in _club_players(doc)]
    candidates += _labelled_photographers(doc)
    untagged = _untagged_people(doc, candidates)
    # A byline's "GILLIAN WONG" holds the model's "WONG".
    candidates = [c for c in candidates if not any(_holds_more(u, c) for u in untagged)]
    candidates += untagged
    named = {spelling_key(e.text) for e in candidates if not _modifier_only(e, before_title=True)}
    people = [e for e in candidates if spelling_key(e.text) in named]
    # A scorecard's batsman is a person though the parser reads him a modifier ("Liam
    # Courtney lbw ..."; "lbw" a noun).
    people += _scorecard_names(doc)
    people += _titled_names(doc, people)
    surnames: dict[str, list[Actor]] = {}
    # Family name first ("Xi Jinping ... Xi", "Wang Quanzhang ... Wang"), tried after surnames.
    first_words: dict[str, list[Actor]] = {}
    full_names: list[str] = []
    written_as: dict[int, str] = {}  # where a name stands -> the fullest writing of it
    # The fullest writing of a name first, so that it is the one the shorter ones join.
    for ent in sorted((e for e in people if _name_words(e) > 1), key=_fullness, reverse=True):
        name = _written_otherwise(ent.text, full_names)
        if name is None:
            full_names.append(name := ent.text)
        written_as[ent.start] = name
    # In the order of the text, which breaks ties between namesakes ("Li" of two Lis).
    for ent in (e for e in people if _name_words(e) > 1):
        name = written_as[ent.start]
        actor = actors.get(("person", spelling_key(name)), name, ActorKind.PERSON)
        for word, holders in ((_surname(ent.text), surnames), (ent[0].text, first_words)):
            holders.setdefault(spelling_key(word), [])
            # The same list under the word in capitals ("SOUMILLON'S FIRST", a headline).
            holders.setdefault(spelling_key(word.upper()), holders[spelling_key(word)])
            if actor not in holders[spelling_key(word)]:
                holders[spelling_key(word)].append(actor)
        _name_person(doc, ent, actor, actors)
        _add_person_acronym(doc, ent, actor, actors)
    in_capitals = {n.upper(): n for n in full_names}
    for span in _full_name_writings(doc, full_names, people, place_starts):
        name = in_capitals.get(span.text) or _written_otherwise(span.text, full_names) or span.text
        actor = actors.get(("person", spelling_key(name)), name, ActorKind.PERSON)
        _name_person(doc, span, actor, actors)
        people.append(span)
    # The first word too: a family name written first ("Najib Razak ... Najib"), or a given
    # name alone ("Mohanna Abdhou ... Mohanna was shot").
    short_names = {_surname(n) for n in full_names} | {n.split()[0] for n in full_names}
    people += _lone_surnames(doc, short_names, people, place_starts)
    # A one-word name the model tags a person ("Guhdar, his 46-year-old wife") is that person
    # where it reads the word as a place elsewhere ("Guhdar said"); not where the word only
    # qualifies a noun ("the county's Mayberry complex").
    if single := {e.text for e in people if len(e) == 1 and e.text.istitle()} - short_names:
        people += [
            span
            for span in _lone_surnames(doc, single, people, place_starts)
            if span.root.dep_ not in ("compound", "amod") and span.root.ent_type_ in _PLACE_LABELS
        ]
    lowercase_words = _lowercase_words(doc)
    for ent in (e for e in people if _name_words(e) == 1):
        known = (
            _kin(doc, ent, actors, surnames)
            or _by_surname(ent, surnames)
            or _by_surname(ent, first_words)
        )
        if known is None and _common_noun(ent, lowercase_words):
            continue
        actor = known or actors.get(("person", spelling_key(ent.text)), ent.text, ActorKind.PERSON)
        _name_person(doc, ent, actor, actors)


def _add_person_acronym(doc: Doc, ent: SpacySpan, actor: Actor, actors: _Actors) -> None:
    """ "Andres Manuel Lopez Obrador (AMLO)": initials given with a person's full name stand
    for that person wherever they are written, whatever the model tags them. Every initial
    must be there, so a party or state in brackets ("Adam Schiff (D)") is no acronym."""
    acronym = _acronym_after(doc, ent)
    initials = _initials(ent)
    if acronym is None or acronym.text != initials or len(initials) < _PERSON_INITIALS:
        return
    actors.by_key[("person", spelling_key(acronym.text))] = actor
    for span in _writings(doc, {acronym.text}):
        actors.mention(actor, span.start_char, span.end_char, span.text)


def _place_named(ent: SpacySpan, countries: set[str]) -> bool:
    """A place the model tags a person, on evidence beyond the name: it ends in a division
    word ("Sokoto State"), or the gazetteer knows it as a town or division and it stands
    where places do: after "in", "near", ... ("camped out in Matias Romero"), or after a
    name and a comma, closing the phrase, in a country the article's places are in
    ("Stanley Uzoaru, Owerri."; "University of Technology, Owerri (FUTO)"). After "inside",
    "into" or "outside" a name is a place though the gazetteer lacks it ("into Anfield")."""
    doc = ent.doc
    if len(ent) > 1 and lexicon.mapping("places/place_cues.tsv").get(ent[-1].lower_) == "admin":
        return ent[-1].text[:1].isupper()
    entries = [
        e
        for e in load_gazetteer().lookup(ent.text)
        if e.precision in (LocationPrecision.CITY, LocationPrecision.ADMIN)
    ]
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.tag_ == "POS":
        return False
    if ent.start > 0 and doc[ent.start - 1].lower_ in _INSIDE_PREPOSITIONS:
        return True
    if not entries:
        return False
    if ent.start > 0 and doc[ent.start - 1].lower_ in _PLACE_PREPOSITIONS:
        return True
    # "Miss Abdhou, of Hayes, was ...": where a person named just before lives.
    if (
        ent.start > 2
        and doc[ent.start - 1].lower_ == "of"
        and doc[ent.start - 2].text == ","
        and doc[ent.start - 3].ent_type_ == "PERSON"
        and (after is None or after.text in _PLACE_CLOSERS | {","})
    ):
        return True
    return (
        ent.start > 1
        and doc[ent.start - 1].text == ","
        and doc[ent.start - 2].ent_type_ in ("PERSON", "ORG")
        and (after is None or after.text in _PLACE_CLOSERS or "\n" in ent[-1].whitespace_)
        and any(e.country in countries for e in entries)
    )


def _kin_named(doc: Doc, people: list[SpacySpan], place_starts: set[int]) -> list[SpacySpan]:
    """A name the model tags a place or an organisation after a kinship noun a possessive
    opens is a person's ("his daughter Yulia", tagged GPE; `places.after_kin_noun`)."""
    taken = {t.i for e in people for t in e}
    return [
        SpacySpan(doc, e.start, e.end, label="PERSON")
        for e in doc.ents
        if e.label_ in (*_PLACE_LABELS, "ORG")
        and e.start_char not in place_starts
        and not any(t.i in taken for t in e)
        and all(t.pos_ == "PROPN" and t.text.istitle() for t in e)
        and after_kin_noun(doc, e.start)
    ]


def _placed_names(article: Article, doc: Doc) -> set[str]:
    """The names of literal places that stand somewhere as only a place does: after "in",
    "near", ... ("asylum seekers in Samos"), after a place word and "of" ("the small town of
    Kasba Bonli") or in a list of places ("flew to Samos, Crete and Rhodes"). A place the
    places stage found on the name alone may be a person's name.
    Also a name the model tags anything that stands twice after such a word, though the
    places stage lacks it ("base in al-Tanf ... military in al-Tanf"): once may be a person
    ("faith in Modi"), twice is a place."""
    found = set()
    for place in literal_places(article):
        for mention in place.mentions:
            span = doc.char_span(mention.start, mention.end)
            if span is None or span.start == 0:
                continue
            before = span.start - 1 - (doc[span.start - 1].lower_ == "the" and span.start > 1)
            if (
                doc[before].lower_ in _PLACE_PREPOSITIONS
                or place_cue(doc, span) is not None
                or _listed_with_places(span)
            ):
                found.add(spelling_key(mention.text))
    placed = Counter(
        spelling_key(ent.text)
        for ent in doc.ents
        if ent.start > 0
        and doc[ent.start - 1].lower_ in _PLACE_PREPOSITIONS
        and not (ent.end < len(doc) and doc[ent.end].tag_ == "POS")
    )
    return found | {name for name, count in placed.items() if count > 1}


def _listed_with_places(span: SpacySpan) -> bool:
    """ "flew to Samos, Crete and Rhodes": a name in a list of which the model tags two other
    items places and none a person stands as only a place does."""
    listed = span.root.conjuncts
    return sum(t.ent_type_ in ("GPE", "LOC") for t in listed) >= 2 and not any(
        t.ent_type_ == "PERSON" for t in listed
    )


def _written_as_place(ent: SpacySpan, place_names: set[str], name_words: set[str]) -> bool:
    """A name the model tags a person here and the places stage found as a place elsewhere in
    the article ("asylum seekers in Samos ... the Samos hotspot", "the small town of Kasba
    Bonli ... turn once-deprived Kasba Bonli into") is that place: the model reads the same
    word both ways, and only the place reading had a place's evidence. Not when a person's
    full name in the article holds the word ("George Washington ... Washington said") or an
    honorific or title stands before it ("Mr Jordan")."""
    key = spelling_key(ent.text)
    if key not in place_names or (len(ent) == 1 and key in name_words):
        return False
    before = ent.doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
    return before not in _honorifics() and before not in _title_words()


def _untagged_people(doc: Doc, people: list[SpacySpan]) -> list[SpacySpan]:
    """Names the model left untagged where only a person's stands: two or three capitalised
    words joined by "and" to a person's name ("Marc David Deen and Seergeoh Villanueva"), or
    after "By" opening a line, joined by "and", closing it or a phrase (a byline: "By Talent
    Gondo |"), opened by a known given name ("apologise to Scott Pruitt, his players"), or
    before an age in apposition ("Umm Turki, a 52-year-old widow")."""
    covered = {t.i for e in entities(doc) for t in e} | {t.i for e in people for t in e}
    found = _given_name_runs(doc, covered)
    covered.update(t.i for run in found for t in run)
    for person in people:
        if person.end + 1 < len(doc) and doc[person.end].lower_ == "and":
            run = _name_run_from(doc, person.end + 1, covered)
            if run is not None:
                found.append(run)
    found += _aged_in_apposition(doc, covered)
    # In capitals ("By JILL COLVIN and GILLIAN WONG, Associated Press"), the model's person and
    # organisation readings of a byline's names are guesses: they do not block it.
    texts = token_texts(doc)
    shouted = {
        i
        for i, text in enumerate(texts)
        if text.isupper() and doc[i].ent_type_ in ("PERSON", "ORG")
    }
    for i in range(len(doc) - 2):
        if texts[i] != "By" or not (i == 0 or "\n" in doc[i - 1].text_with_ws):
            continue  # "By" opening a line
        runs: list[SpacySpan] = []
        start = i + 1
        while (run := _name_run_from(doc, start, covered - shouted)) is not None:
            runs.append(run)
            if run.end + 1 >= len(doc) or doc[run.end].lower_ not in ("and", "&"):
                break
            start = run.end + 1
        if runs and (
            runs[-1].end == len(doc)
            or not doc[runs[-1].end].is_alpha
            or "\n" in runs[-1][-1].whitespace_
        ):
            found += runs
    return found


def _aged_in_apposition(doc: Doc, covered: set[int]) -> list[SpacySpan]:
    """ "Abo Arab, a 28-year-old from Damascus": two or three capitalised words before an
    age in apposition are a person's name (an age alone, or before a noun of people: "a
    20-year-old institution" is a thing's). A demonym the model tagged inside the name
    ("Arab") does not stop it; another entity does."""
    nationalities = {t.i for e in entities(doc) if e.label_ == "NORP" for t in e}
    blocked = covered - nationalities
    found: list[SpacySpan] = []
    for comma in doc[1:]:
        if comma.text != "," or not _age_follows(doc, comma.i + 1):
            continue
        run = _run_before(doc, comma.i)
        if run is None or not 2 <= len(run) <= 3 or run[0].pos_ != "PROPN":
            continue
        if any(t.i in blocked for t in run):
            continue
        if any(t.lower_ in _title_words() for t in run) or _honorific_length(
            doc, run.start, run.end
        ):
            continue
        found.append(run)
    return found


def _age_follows(doc: Doc, i: int) -> bool:
    """ "a 28-year-old from", "a 31-year-old nurse": an age from token i, then no noun or a
    noun of people."""
    if i < len(doc) and doc[i].lower_ in {"a", "an"}:
        i += 1
    words = [t.lower_ for t in doc[i + 1 : i + 5]]
    if i >= len(doc) or not doc[i].like_num or words != ["-", "year", "-", "old"]:
        return False
    after = doc[i + 5] if i + 5 < len(doc) else None
    return (
        after is None
        or after.pos_ != "NOUN"
        or after.lower_ in lexicon.words("reference/people_nouns.txt")
        or after.lower_ in _gendered_nouns()
    )


def _given_name_runs(doc: Doc, covered: set[int]) -> list[SpacySpan]:
    """A given name of the list ("Scott") and one or two proper nouns after it that no entity
    holds, not in quotes (a work's title) and not ending in a place's or facility's head word
    ("Jackson Street"), are a person's name the model missed; not a given name that is also a
    common word ("Will", "Grant"), which opens capitalised headlines and titles. So is such a
    name the model reads as a facility, whole or with a possessive ("taking aim at Scott
    Pruitt's policy"), or as a two-word organisation ("Nikki Haley"): the model saw a name
    there."""
    given = _given_names()
    facility_ends = {
        e.start: e.end - (e[-1].tag_ == "POS")
        for e in entities(doc)
        if e[0].lower_ in given and (e.label_ == "FAC" or _given_and_surname(e))
    }
    found: list[SpacySpan] = []
    texts = token_texts(doc)
    for i, lower in enumerate(token_lowers(doc)):
        facility_end = facility_ends.get(i)
        free = covered if facility_end is None else covered - set(range(i, facility_end))
        if (
            i in free
            or lower not in given
            or not texts[i].istitle()
            or (facility_end is None and _english_word(doc.lang_, lower))
        ):
            continue
        run = _name_run_from(doc, i, free)
        if (
            run is not None
            and run.end == (facility_end or run.end)
            and all(t.pos_ == "PROPN" for t in run)
            and run[-1].lower_ not in _not_actor_heads() | _thoroughfares()
            and not _quoted(run)
        ):
            found.append(run)
    return found


def _given_and_surname(entity: SpacySpan) -> bool:
    """ "Nikki Haley" read as an organisation: a given name and one proper noun after it
    name a person, as a firm is rarely two such words ("Wells Fargo" opens with no given
    name)."""
    words = entity[:-1] if entity[-1].tag_ == "POS" else entity  # "Jeanine Pirro's comments"
    return (
        entity.label_ == "ORG"
        and len(words) == 2
        and all(t.pos_ == "PROPN" and t.text.istitle() for t in words)
    )


@lexicon.PerLanguage
def _given_names(language: str) -> frozenset[str]:
    """Given names of the SSA counts and international news (also used for pronouns)."""
    return frozenset(row["name"] for row in lexicon.table("reference/first_names.tsv", language))


def _name_run_from(doc: Doc, start: int, covered: set[int]) -> SpacySpan | None:
    """Two or three capitalised words from `start` that no entity holds and no title or
    honorific opens, ending at a word that is not capitalised."""
    end = start
    while end < len(doc) and end not in covered and _name_word(doc[end]) and end - start < 3:
        end += 1
    if end - start < MIN_TITLED_NAME_WORDS or (end < len(doc) and _name_word(doc[end])):
        return None
    run = doc[start:end]
    if any(t.lower_ in _title_words() for t in run) or _honorific_length(doc, start, end):
        return None
    return run


def _common_noun(ent: SpacySpan, lowercase_words: frozenset[str]) -> bool:
    """ "Border", "Caravan" in a capitalised headline: a lone word the model takes for a
    person, that no full name in the article bears and no title or honorific introduces,
    is the common noun the article also writes in lowercase ("the border"), or a common
    word heading a phrase after "the" ("protected under the Law on copyright"; "the Trump
    administration" only qualifies its noun)."""
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    if before.lower_ == "the" and ent.root.dep_ != "compound":
        return _english_word(ent.doc.lang_, ent.text.lower())
    if ent.text.lower() not in lowercase_words:
        return False
    return before.lower_.rstrip(".") not in _honorifics() and before.lower_ not in _title_words()


def _lone_surnames(
    doc: Doc, surnames: set[str], people: list[SpacySpan], place_starts: set[int]
) -> list[SpacySpan]:
    """The surname of a person named in full (`surnames`, which hold the first word of the name
    too), written alone elsewhere, is that person whatever the model tags it there
    ("Macy-O'Toole" an organisation, "Adeoye" a date, "Chen" a place, or nothing), unless it
    is part of a longer name the model tags otherwise ("SB Smith Electrical") or that names a
    thing ("Trump Tower", tagged a person), or a place the places stage resolved there.
    Untagged, it must read as a proper noun, or head its phrase in an article that never
    writes it in lowercase ("Mills bowled 20 overs", which the tagger reads as a noun): "Rice
    prices rose" is not Condoleezza Rice."""
    taken = {t.i for e in people for t in e}
    # A thing named after a person ("Trump Tower", tagged a person) holds the surname too.
    longer_names = [
        e for e in entities(doc) if len(e) > 1 and (e.label_ != "PERSON" or _thing_name(e))
    ]
    tagged = {(e.start, e.end) for e in entities(doc)}
    lowercase_words = _lowercase_words(doc)
    found: list[SpacySpan] = []
    names = {s for s in surnames if s[:1].isupper() and not _initial(s)}
    # In capitals too, unless a common word ("MAY", "KING" in a headline).
    names |= {s.upper() for s in names if not _plain_word(doc.lang_, s)}
    written = _writings(doc, names)
    for span in written:
        if (
            span.start_char not in place_starts
            and not any(t.i in taken for t in span)
            and not any(_holds_more(e, span) for e in longer_names)
            and (
                (span.start, span.end) in tagged
                or all(t.pos_ == "PROPN" for t in span if t.is_alpha)
                or (
                    span.root.dep_ not in ("compound", "amod")
                    and span.text.lower() not in lowercase_words
                )
            )
        ):
            found.append(span)
            taken.update(t.i for t in span)
    return found


def _full_name_writings(
    doc: Doc, full_names: list[str], people: list[SpacySpan], place_starts: set[int]
) -> list[SpacySpan]:
    """A person's full name written again, also in capitals ("ZIYA PAZARBASILAR - Managing
    Director"), where the model reads something else ("Scott Pruitt's" a facility) is that
    person, unless a longer name holds it ("Scott Pruitt Fund"; a determiner or possessive
    around it does not count)."""
    taken = {t.i for e in people for t in e}
    longer_names = [
        e for e in entities(doc) if e.label_ != "PERSON" and len(_name_only(_as_name(e))) > 1
    ]
    found: list[SpacySpan] = []
    names = {n for n in full_names if len(n.split()) > 1}
    for span in _writings(doc, names | {n.upper() for n in names}):
        if (
            span.start_char not in place_starts
            and not any(t.i in taken for t in span)
            and not any(_holds_more(_name_only(_as_name(e)), span) for e in longer_names)
        ):
            found.append(span)
            taken.update(t.i for t in span)
    return found


def _as_name(ent: SpacySpan) -> SpacySpan:
    """An entity read as a person's name, whatever its label (for `_name_only`'s cuts)."""
    return SpacySpan(ent.doc, ent.start, ent.end, label="PERSON")


def _writings(doc: Doc, names: set[str]) -> Iterator[SpacySpan]:
    """Every span where one of `names` is written as whole words (not inside a longer word
    or a hyphenated one), name by name in sorted order."""
    text = doc_text(doc)
    for name in sorted(names):
        for start in _whole_word_starts(text, name):
            span = doc.char_span(start, start + len(name))
            if span is not None:
                yield span


def _whole_word_starts(text: str, words: str) -> Iterator[int]:
    r"""Where `words` stand in `text` with no word character or hyphen either side, left to
    right without overlap: what `(?<![\w-])words(?![\w-])` finds, by `str.find` (a
    pattern that opens with a look-behind is tried at every character of the page, and
    compiled anew for each name)."""
    start = text.find(words)
    while start != -1:
        end = start + len(words)
        if _word_joined(text, start - 1) or _word_joined(text, end):
            start = text.find(words, start + 1)
        else:
            yield start
            start = text.find(words, max(end, start + 1))


def _word_joined(text: str, i: int) -> bool:
    """Whether the character at `i` (if any) joins a word: a word character or a hyphen."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "_-")


def _holds_more(outer: SpacySpan, inner: SpacySpan) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and len(outer) > len(inner)


def _people_tagged_as_organisations(doc: Doc, place_starts: set[int]) -> list[SpacySpan]:
    """ "Mason Rudolph" tagged an organisation where the text names "Rudolph" alone a person:
    a name of two or three plain capitalised words ending in that surname is the person named
    in full, unless the words before it are a well-known place ("San Francisco Chronicle",
    "Pittsburgh Steelers") or the name a known organisation's; so is such a name right after
    a person's title the model left out ("Finance Minister Stefanos Costas"). A title the
    model took in ("President Donald Trump") is left out as from a person's name, and is no
    evidence: "General Electric Co" opens with one. A name, even of one word, that a noun
    of people is called by ("a foster sister called Fan") is a person's too."""
    surnames = {
        spelling_key(e.text)
        for e in _clean_ents(doc, "PERSON", place_starts)
        if len(e) == 1 and spelling_key(e.text) not in _organisations()
    }
    as_names = (
        (_name_only(SpacySpan(doc, e.start, e.end, label="PERSON")), e.start)
        for e in _clean_ents(doc, "ORG", place_starts)
    )
    # A name tagged a place is a person's only on what the text says of it ("by Ziya
    # Pazarbasilar, Ufuk Yilmaz, and Fatih Ates" tagged the second a place), and never where
    # the places stage resolved it or it is a well-known place.
    as_places = (
        (_name_only(_as_name(e)), -1)
        for e in entities(doc)
        if e.label_ in _PLACE_LABELS
        and e.start_char not in place_starts
        and not _well_known_place(e.text)
        and (_described_as_person(e) or _name_given_to_a_person(e))
    )
    # "Marek Novotny (Czech Republic) beat Tomas Rinaldi (Italy) 6-3 6-4": where the text
    # gives people their country in brackets, a name so written is a person too.
    country_bracketed = _before_bracketed_country(doc)
    any_person_bracketed = any(
        e.label_ == "PERSON" and e.end in country_bracketed for e in entities(doc)
    )
    found = []
    for e, tagged_from in (*as_names, *as_places):
        words = _without_glued_tail(e.text).split()
        # "Jo-Wilfried Tsonga": a hyphen joins two parts of one name word.
        parts = [part for w in words for part in w.split("-")]
        if not (1 <= len(words) <= 3 and all(p.isalpha() and p.istitle() for p in parts)):
            continue
        evidence = (
            len(words) >= 2
            and (
                spelling_key(words[-1]) in surnames
                or _aged(e)
                or (tagged_from > 0 and _person_noun_before(doc[tagged_from - 1]))
                or _described_as_person(e)
                or _opposes_person(e)
                or (e.end in country_bracketed and any_person_bracketed)
            )
        ) or _name_given_to_a_person(e)
        if (
            evidence
            and spelling_key(e.text) not in _organisations()
            and not _well_known_place(" ".join(words[:-1]))
        ):
            found.append(e)
    return found


def _before_bracketed_country(doc: Doc) -> set[int]:
    """Where a bracketed country starts: the token index of each "(" that holds a country's
    name alone ("(Czech Republic)", "(U.S.)"), which results lists write after a player."""
    starts = set()
    for ent in entities(doc):
        if (
            ent.label_ == "GPE"
            and ent.start > 0
            and ent.end < len(doc)
            and doc[ent.start - 1].text == "("
            and doc[ent.end].text == ")"
            and any(
                e.precision is LocationPrecision.COUNTRY for e in load_gazetteer().lookup(ent.text)
            )
        ):
            starts.add(ent.start - 1)
    return starts


def _opposes_person(ent: SpacySpan) -> bool:
    """ "Vasek Pospisil edged Reilly Opelka 7-6" (the first tagged an organisation): the sides
    of a match are of one kind, so a side whose opponent is a person is a player, as a club
    plays clubs. Only in a sentence that gives a score: "Fox News hosted Jeanine Pirro" is
    no match."""
    if not _SCORE.search(ent.sent.text):
        return False
    root = ent.root
    verb = root.head
    if root.dep_ == "pobj" and verb.lower_ in _OPPONENT_PREPOSITIONS:
        verb = verb.head
    elif root.dep_ not in _SIDE_DEPS:
        return False
    if verb.lemma_.lower() not in lexicon.words("actors/match_verbs.txt"):
        return False
    sides = [c for c in verb.children if c.dep_ in _SIDE_DEPS]
    sides += [c for p in verb.children if p.lower_ in _OPPONENT_PREPOSITIONS for c in p.children]
    return any(side.ent_type_ == "PERSON" and not ent.start <= side.i < ent.end for side in sides)


def _name_given_to_a_person(ent: SpacySpan) -> bool:
    """ "a foster sister called Fan", "a lawyer named Okello": what a noun of people is called
    or named is a person's name, one word or more, whatever the model tagged it."""
    verb = ent.root.head
    noun = verb.head
    return (
        ent.root.dep_ == "oprd"
        and verb.lemma_ in {"call", "name"}
        and verb.dep_ == "acl"
        and noun.pos_ == "NOUN"
        and (
            _person_role(noun)
            or noun.lower_ in lexicon.words("reference/people_nouns.txt")
            or noun.lower_ in _gendered_nouns()
        )
    )


@lexicon.PerLanguage
def _gendered_nouns(language: str) -> frozenset[str]:
    """Nouns for a man or a woman ("sister", "boy", "widow"): nouns of people."""
    return frozenset(row["word"] for row in lexicon.table("reference/gendered_words.tsv", language))


def _person_noun_before(token) -> bool:  # type: ignore[no-untyped-def]
    """A person's title the model left out ("Finance Minister"), or a lowercase noun of people
    ("executive chair Marcelo Claure", "soccer player Gerard Pique")."""
    if _person_role(token):
        return True
    return token.is_lower and token.lower_ in lexicon.words("reference/people_nouns.txt")


def _described_as_person(ent: SpacySpan) -> bool:
    """What the text says of a name only a person's takes: a noun of people in apposition
    ("Frances Eve, a researcher for ...", "Eswar Prasad, professor of trade policy"), a list
    with a person's name ("by Ziya Pazarbasilar, Ufuk Yilmaz, and Fatih Ates") or an age
    before it ("two-year-old Leo Thames Newman"). Not "who", which British usage gives teams
    ("Liverpool, who won")."""
    doc = ent.doc
    if ent.start > 2 and [t.lower_ for t in doc[ent.start - 3 : ent.start]] == ["year", "-", "old"]:
        return True
    # In a list with a person's name, ending in no common word ("Jamaica Cancer Society").
    if any(c.ent_type_ == "PERSON" for c in ent.root.conjuncts):
        return not _english_word(doc.lang_, ent[-1].lower_)
    for child in ent.root.children:
        if child.i >= ent.end and child.dep_ == "appos" and child.pos_ == "NOUN":
            return child.lower_ in lexicon.words("reference/people_nouns.txt")
    return False


def _untagged_full_names(
    doc: Doc, people: list[SpacySpan], place_starts: set[int]
) -> list[SpacySpan]:
    """ "Rakesh Kumar has a degree …" where only a later "said Kumar" is tagged: given names
    the model left untagged (often at the article's start) before the surname of a person
    tagged alone are that person named in full, also where the model tagged that surname
    there alone ("where Adolf Hitler was born" gives "Hitler"). Proper nouns only,
    capitalised, no title ("President Kumar") nor honorific, and none in another entity or a
    place."""
    surnames = {e.text for e in people if len(e) == 1 and e.text.istitle()}
    tagged = {t.i for e in entities(doc) for t in e} | {t.i for e in people for t in e}
    found: list[SpacySpan] = []
    for span in _writings(doc, surnames):
        start = span.start
        while (
            start > 0
            and span.start - start < _GIVEN_NAME_WORDS
            and _given_name_word(doc[start - 1])
            and doc[start - 1].i not in tagged
            and doc[start - 1].idx not in place_starts
        ):
            start -= 1
        if start < span.start:
            found.append(SpacySpan(doc, start, span.end, label="PERSON"))
    return found


def _countrys_people(doc: Doc, place_starts: set[int]) -> list[SpacySpan]:
    """ "Serbia's Novak Djokovic and Britain's Andy Murray": two or three capitalised proper
    nouns after a country's possessive that no entity holds, none a common word or a title
    word, are a person (sport and wire reports name players and leaders so)."""
    found: list[SpacySpan] = []
    for country in entities(doc):
        i = country.end  # the possessive
        if country.label_ != "GPE" or i + 1 >= len(doc) or doc[i].tag_ != "POS":
            continue
        if _country_code(country.text) is None:
            continue
        end = i + 1
        while (
            end < len(doc)
            and end - i <= _GIVEN_NAME_WORDS + 1
            and doc[end].pos_ == "PROPN"
            and doc[end].is_alpha
            and doc[end].text.istitle()
            and not doc[end].ent_type_
            and doc[end].idx not in place_starts
            and doc[end].lower_ not in _title_words()
            and not _plain_word(doc.lang_, doc[end].text)
        ):
            end += 1
        stops = end == len(doc) or not (doc[end].text[:1].isupper() or doc[end].ent_type_)
        if end - i - 1 >= MIN_TITLED_NAME_WORDS and stops:
            found.append(SpacySpan(doc, i + 1, end, label="PERSON"))
    return found


def _given_name_word(token) -> bool:  # type: ignore[no-untyped-def]
    """A word that may be a given name: no title, honorific or plain common word ("Chief of
    Department Terence Monahan", "An Entrepreneur Info Session")."""
    return (
        token.pos_ == "PROPN"
        and token.is_alpha
        and token.text.istitle()
        and token.lower_ not in _title_words()
        and token.lower_ not in _honorifics()
        and not _plain_word(token.doc.lang_, token.text)
    )


def _aged(ent: SpacySpan) -> bool:
    """ "Bianca Fontejon, 18, and ...", "Lance Garcia,36": an age in commas after a name, as
    news gives people's and no organisation's."""
    if _AGE_GLUED.search(ent.text):
        return True
    tail = ent.doc[ent.end : ent.end + 3]
    return (
        len(tail) >= 2
        and tail[0].text == ","
        and tail[1].is_digit
        and len(tail[1]) <= 2
        and (len(tail) == 2 or tail[2].is_punct)
    )


def _well_known_place(text: str) -> bool:
    """A country, region, first-level division or large town under its own name ("Mason" is
    only a county's, and a town's alternate name)."""
    return any(
        (
            e.precision in (LocationPrecision.COUNTRY, LocationPrecision.REGION)
            or e.feature_code == "ADM1"
            or (e.precision is LocationPrecision.CITY and e.population >= _WELL_KNOWN_TOWN)
        )
        and spelling_key(e.name) == spelling_key(text)
        for e in load_gazetteer().lookup(text)
    )


def _fullness(ent: SpacySpan) -> tuple[int, int]:
    """How fully a name is written: words other than initials, then letters."""
    words = [w for w in ent.text.split() if not _initial(w)]
    return len(words), sum(len(w) for w in words)


def _initial(word: str) -> bool:
    letters = word.rstrip(".")
    return len(letters) == 1 and letters.isalpha() and letters.isupper()


def _name_suffix(word: str) -> bool:
    return word.lower().rstrip(".") in lexicon.words("actors/name_suffixes.txt")


def _split_name(name: str) -> tuple[list[str], list[str]]:
    """A person's name as (words before the suffixes, generational suffixes)."""
    words = name.split()
    end = len(words)
    while end > 1 and _name_suffix(words[end - 1]):
        end -= 1
    return words[:end], words[end:]


def _surname(name: str) -> str:
    return _split_name(name)[0][-1]


def _written_otherwise(name: str, full_names: list[str]) -> str | None:
    """The one name already met that this is another writing of: "Sonya Zoghlin" of
    "Sonya A. Zoghlin", "Josh Apte" of "Joshua Apte", "B. U. Nzeribe" of "Benjamin
    Nzeribe", "Eriksson Ek" of "Joel Eriksson Ek". None when two could be meant."""
    matches = [full for full in full_names if _same_name(name, full)]
    return matches[0] if len(matches) == 1 else None


def _same_name(short: str, full: str) -> bool:
    (words, suffixes), (full_words, full_suffixes) = _split_name(short), _split_name(full)
    if (
        suffixes
        and full_suffixes
        and [s.lower() for s in suffixes] != [s.lower() for s in full_suffixes]
    ):
        return False  # "Jr." and "Sr.": a son and his father
    keys = [spelling_key(w) for w in words]
    full_keys = [spelling_key(w) for w in full_words]
    if len(keys) < len(full_keys) and keys == full_keys[-len(keys) :]:
        return True  # the family name alone, written in several words
    if keys[-1] != full_keys[-1] or len(words) < 2 or len(full_words) < 2:
        return False
    given, full_given = words[0].rstrip("."), full_words[0].rstrip(".")
    if _initial(words[0]) or _initial(full_words[0]):
        return given[0] == full_given[0]
    shorter, longer = sorted((spelling_key(given), spelling_key(full_given)), key=len)
    # "Josh" for "Joshua", "Pat" for "Patrick": a short form that begins the given name.
    return longer.startswith(shorter) and len(shorter) >= _SHORT_GIVEN_NAME


def _name_person(doc: Doc, ent: SpacySpan, actor: Actor, actors: _Actors) -> None:
    """Record `ent` as a mention of the person `actor`, with what its title teaches."""
    _apply_title(doc, ent, actor)
    actors.titles.setdefault(id(actor), set()).update(_carried_roles(ent))
    actors.mention(actor, ent.start_char, ent.end_char, ent.text)


def _title_window(ent: SpacySpan) -> SpacySpan:
    """The words just before a name where its title stands ("Russian Foreign Minister")."""
    return ent.doc[max(ent.start - _TITLE_WORDS, 0) : ent.start]


def _carried_roles(ent: SpacySpan) -> set[str]:
    """Person role words a name is written with: a title just before it ("Defence Minister
    X"), the noun it is in apposition to ("the minister, X", "X, the minister")."""
    words = list(_title_window(ent))
    root = ent.root
    # "MINISTER of Defense, General X": a comma with no "and" is apposition, however parsed.
    if root.dep_ == "appos" or (
        root.dep_ == "conj" and not any(c.dep_ == "cc" for c in root.head.children)
    ):
        words.append(root.head)
    words += [c for c in root.children if c.dep_ == "appos"]
    return {
        w.lower_
        for w in words
        if (role := roles().get(w.lower_)) is not None and role.kind == "person"
    }


def _titled_names(doc: Doc, people: list[SpacySpan]) -> list[SpacySpan]:
    """ "Patriarch Ignatius Aphrem II", "LB Mack Wilson 74 100%": a capitalised title or
    honorific followed by a run of proper nouns no entity covers is a person the model
    missed."""
    covered = {t.i for e in entities(doc) if e.label_ != "PERSON" for t in e}
    covered |= {t.i for e in people for t in e}
    found: list[SpacySpan] = []
    known = roles()
    texts = token_texts(doc)
    for title, lower in enumerate(token_lowers(doc)):
        if not texts[title][:1].isupper():
            continue
        role = known.get(lower)
        size = 1 if role is not None and role.kind == "person" else 0
        size = size or _honorific_length(doc, title, len(doc))
        if not size:
            continue
        start = end = title + size
        while end < len(doc) and _name_part(doc[end]) and end not in covered:
            end += 1
        if end - start >= MIN_TITLED_NAME_WORDS and "\n" not in doc[title:end].text:
            found.append(doc[start:end])
    return found


def _name_part(token) -> bool:  # type: ignore[no-untyped-def]
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.lower_ not in roles()


def _modifier_only(ent: SpacySpan, *, before_title: bool) -> bool:
    """ "an Alawite woman", "Syriac Orthodox Patriarch ...": a name-like word qualifying the
    noun after it; a name never used otherwise in the page names no actor. Before a title
    ("HTS leader") or a noun of people by role ("Commerzbank analyst") an organisation still
    acts, so `before_title` says whether such a noun counts as the qualified noun."""
    head = ent.root.head
    if ent.root.dep_ not in {"compound", "amod"} or head.i < ent.end:
        return False
    if head.lower_ in roles():
        return before_title
    # "Commerzbank analyst Carsten Fritsch": the body someone works for, as before a title.
    if not before_title and head.lower_ in lexicon.words("reference/people_nouns.txt"):
        return False
    return head.pos_ == "NOUN"


def _name_words(ent: SpacySpan) -> int:
    return sum(1 for t in ent if t.is_alpha or _initial(t.text))


def _by_surname(ent: SpacySpan, surnames: dict[str, list[Actor]]) -> Actor | None:
    """The named person this surname stands for: the one mentioned most by full name."""
    holders = surnames.get(spelling_key(ent.text), [])
    explicit = [a for a in holders if not a.aliases or a.mentions]
    return max(explicit, key=lambda a: len(a.mentions), default=None)


def _kin(
    doc: Doc, ent: SpacySpan, actors: _Actors, surnames: dict[str, list[Actor]]
) -> Actor | None:
    """ "Assad's father Hafez": Hafez takes the family name of the possessor."""
    i = ent.start
    if i < 3 or doc[i - 1].lower_ not in lexicon.words("actors/kinship.txt"):
        return None
    if doc[i - 2].tag_ != "POS":
        return None
    relative = _by_surname(doc[i - 3 : i - 2], surnames)
    if relative is None:
        return None
    family = _surname(relative.name)
    name = f"{ent.text} {family}"
    actor = actors.get(("person", spelling_key(name)), name, ActorKind.PERSON)
    return actor


def _apply_title(doc: Doc, ent: SpacySpan, actor: Actor) -> None:
    """A role word and demonym just before a name: "Russian Foreign Minister Sergei Lavrov".
    The country must qualify the title itself ("US President X", "Syria's President X"), not
    merely stand nearby ("in Syria, President X"). Coordinated titles share it: in "Chinese
    State Councilor and Foreign Minister Wang Yi" the demonym qualifies both roles."""
    window = _title_window(ent)
    for size in (2, 1):
        for start in range(len(window) - size + 1):
            words = window[start : start + size].text.lower()
            role = roles().get(words)
            if role and role.kind == "person" and actor.sector is None:
                actor.sector = role.sector
    i = ent.start - 1
    # The walk passes title words only, so it may run past the window to the sentence's start.
    title_words, first = _title_words(), ent.sent.start
    while i >= first and (
        doc[i].lower_ in title_words
        or (doc[i].lower_ == "and" and i > first and doc[i - 1].lower_ in title_words)
    ):
        i -= 1
    if i == ent.start - 1 or i < 0:
        return  # no title before the name
    if doc[i].tag_ == "POS" and i > 0:
        i -= 1  # "Syria's President"
    code = demonym_country(doc[i].text) or _country_code(doc[i].text)
    if code and actor.country is None and actor.sector is not None:
        actor.country = alpha3(code)


@lexicon.PerLanguage
def _title_words(language: str) -> frozenset[str]:
    """Every word of a person's role ("foreign", "minister", "president")."""
    return frozenset(
        w for key, role in roles(language).items() if role.kind == "person" for w in key.split()
    )


@functools.lru_cache(maxsize=16384)
def _country_code(text: str) -> str | None:
    entries = load_gazetteer().lookup(text) if text[:1].isupper() else []
    top = entries[0] if entries else None
    return top.country if top and top.precision is LocationPrecision.COUNTRY else None


def _add_organisations(
    doc: Doc, actors: _Actors, place_starts: set[int], described: list[SpacySpan]
) -> None:
    known = _organisations()
    people = {e.end for e in _people_tagged_as_organisations(doc, place_starts)}
    # Every character of a person's name: "WONG" is no organisation inside "GILLIAN WONG".
    held = {
        i
        for a in actors.by_key.values()
        if a.kind is ActorKind.PERSON
        for m in a.mentions
        for i in range(m.start, m.end)
    }
    lowercase_words = _lowercase_words(doc)
    terms = _lowercase_acronyms(doc)
    # A body the list knows is one where the places stage read its territory too ("EU
    # citizens", "in the EU"): the model tags it an organisation.
    bodies = {e.start_char for e in doc.ents if e.label_ == "ORG" and spelling_key(e.text) in known}
    tagged = [
        e
        for e in _clean_ents(doc, "ORG", place_starts - bodies)
        if e.end not in people
        and e.start_char not in held
        and not _no_organisation(e, lowercase_words, terms)
    ]
    # An acronym or a name of several words stays an organisation before a noun too ("OPEC
    # output", "NYMEX crude", "Border Patrol agents"); one word there may be any modifier.
    named = {
        spelling_key(e.text)
        for e in tagged
        if _acronym(e.text) or len(e) > 1 or not _modifier_only(e, before_title=False)
    }
    kept = [e for e in tagged if spelling_key(e.text) in named | known.keys()]
    starts = {e.start for e in kept}
    spans = [
        *kept,
        *(agency for _, agency in _photo_credits(doc)),
        *_place_bodies(doc),
        *(d for d in _web_names(doc) if d.start not in starts and d.start_char not in held),
        *_known_spans(doc, known),
        *(e for e in described if e.start not in starts),
    ]
    # "the GRU, or Glavnoye Razvedyvatel'noye Upravleniye": the spelling is the acronym's body.
    spelt_out = {acronym.start: spelling for acronym, spelling in _spelt_out_acronyms(doc)}
    for ent in sorted(spans, key=lambda e: e.start):
        record = known.get(spelling_key(ent.text))
        if record:
            name, kind, sector, country = record
            actor = actors.get(("org", name), name, kind, sector=sector, country=country)
        elif len(ent) == 1 and (person := _person_by_surname(actors, ent.text)):
            actor = person  # the model tags a bare surname as ORG now and then ("Trump")
        else:
            key = ("org", _acronym_owner(actors, ent.text) or _company_key(ent.text))
            actor = actors.get(key, ent.text, ActorKind.ORGANISATION)
        actors.mention(actor, ent.start_char, ent.end_char, ent.text)
        if (acronym := _acronym_after(doc, ent)) is not None:
            actors.by_key[("org", spelling_key(acronym.text))] = actor
            actors.mention(actor, acronym.start_char, acronym.end_char, acronym.text)
        if (spelling := spelt_out.get(ent.start)) is not None:
            actors.by_key[("org", _company_key(spelling.text))] = actor
    _add_short_names(doc, actors, place_starts)
    _add_untagged_writings(doc, actors, place_starts)


def _add_untagged_writings(doc: Doc, actors: _Actors, place_starts: set[int]) -> None:
    """ "WeWork is investigating ... charge WeWork almost $6 million": an organisation's
    name written again is that organisation where the model tags nothing, when the name
    can be nothing else: an acronym, a name with a capitalised word no dictionary holds
    ("WeWork", "Carlyle Group"), or of capitalised words only ("Islamic State", "Big
    Machine": common words written as a name); not "Apple", a common word alone. Not
    after a number, where an acronym counts things ("1 sack, 1 TFL": the model took a
    tackle for loss for a name), nor inside a longer name, tagged or not ("WeWork Labs",
    "SME Mauritius Limited"), nor where another actor or a place stands."""
    held = _held_tokens(doc, actors)
    writings: dict[str, Actor] = {}
    for actor in {id(a): a for a in actors.by_key.values()}.values():
        if actor.kind is not ActorKind.ORGANISATION:
            continue
        for mention in actor.mentions:
            words = mention.text.split()
            if (
                _acronym(mention.text)
                or any(
                    w.isalpha() and w[:1].isupper() and not _plain_word(doc.lang_, w) for w in words
                )
                or (len(words) > 1 and all(w[:1].isupper() for w in words))
            ):
                writings.setdefault(mention.text, actor)
    names = [e for e in entities(doc) if e.label_ in _NAME_LABELS]
    for span in _writings(doc, set(writings)):
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        if (
            not any(t.i in held for t in span)
            and span.start_char not in place_starts
            and not any(_holds_more(e, span) for e in names)
            and not (before is not None and before.like_num)
            and not (after is not None and _name_word(after))
        ):
            actors.mention(writings[span.text], span.start_char, span.end_char, span.text)
            held.update(t.i for t in span)


def _held_tokens(doc: Doc, actors: _Actors) -> set[int]:
    """The tokens of every actor mention so far."""
    return {
        t.i
        for a in actors.by_key.values()
        for m in a.mentions
        if (span := doc.char_span(m.start, m.end, alignment_mode="expand")) is not None
        for t in span
    }


def _web_names(doc: Doc) -> list[SpacySpan]:
    """ "told Polygraph.info", "PanARMENIAN.Net reported": a capitalised word ending in a
    generic web domain, written as a word of the sentence (not "www.x.com" or a link), is an
    outlet's or a company's name, which the model often leaves untagged."""
    domains = lexicon.words("actors/web_domains.txt")
    return [
        SpacySpan(doc, t.i, t.i + 1, label="ORG")
        for t in doc
        if _WEB_NAME.fullmatch(t.text) and t.text.rsplit(".", 1)[1].lower() in domains
    ]


def _place_bodies(doc: Doc) -> list[SpacySpan]:
    """ "According to St. Louis Police": a place, then a capitalised body word, is one
    organisation's name, whether the model tags the place alone or the whole a place."""
    words = lexicon.words("actors/place_bodies.txt")
    found: list[SpacySpan] = []
    for ent in entities(doc):
        if ent.label_ not in ("GPE", "LOC") or "\n" in ent.text_with_ws:
            continue
        body = ent[-1] if len(ent) > 1 else doc[ent.end] if ent.end < len(doc) else None
        if body is None or body.lower_ not in words or not body.text[:1].isupper():
            continue
        if body.i == ent.end and body.ent_type_:
            continue  # the body word opens a name of its own
        found.append(SpacySpan(doc, ent.start, body.i + 1, label="ORG"))
    return found


def _no_organisation(ent: SpacySpan, lowercase_words: frozenset[str], terms: set[str]) -> bool:
    """What the model tags an organisation that names none: one capitalised word the article
    also writes in lowercase ("the Company" beside "the company", "Hypothermia"), an acronym
    of lowercase words ("bovine spongiform encephalopathy (BSE)": `terms`), an academic
    degree ("M.Sc/M.Eng", "Unclassified Degree"), a person's role ("an ... Safety Officer"),
    an office's portfolio ("Secretary of State"), a place's name ("the Rukban camp":
    `_names_a_place`), a common noun's acronym
    ("ICU", "RAM"; `common_acronyms.txt`) or its spelling before it ("Intensive Care Units
    (ICUs)"), a one-word demonym, or a time zone: capitals
    after a clock time ("1:19PM CST") or a zone's abbreviation after a plain number ("0100
    GMT"; "the 10th CST" is a Civil Support Team)."""
    doc = ent.doc
    if len(ent) == 1 and not _acronym(ent.text) and ent.text.lower() in lowercase_words:
        return True
    if len(ent) == 1 and demonym_country(ent.text):
        return True  # "added the Emirati": a people's adjective or noun, CoNLL-2003's MISC
    if ent.text in terms or _degree(ent.text):
        return True
    if _one_person(ent) or _portfolio(ent) or _names_a_place(ent):
        return True
    common = lexicon.words("actors/common_acronyms.txt")
    if ent.text.lower() in common:
        return True
    # "Intensive Care Units (ICUs)": the spelling of a common noun's acronym.
    tail = [t.text for t in doc[ent.end : ent.end + 3]] if ent.end + 3 <= len(doc) else []
    if tail[:1] == ["("] and tail[2:] == [")"] and tail[1].lower().removesuffix("s") in common:
        return True
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.text.isdigit() and ent.text.upper() in time_zones():
        return True
    clock = before is not None and _CLOCK.fullmatch(before.text) is not None
    return clock and _acronym(ent.text)


def _names_a_place(ent: SpacySpan) -> bool:
    """ "The Rukban camp ... Rukban is another example": a name the text writes before a
    lowercase noun of places (`place_nouns.txt`), or that such a noun is in apposition to
    ("Addison, a village southwest of Ithaca"), is that place's wherever the model tags it an
    organisation."""
    doc = ent.doc
    nouns = lexicon.words("actors/place_nouns.txt")
    for start in _whole_word_starts(doc_text(doc), ent.text):
        written = doc.char_span(start, start + len(ent.text))
        if written is None or written.end >= len(doc):
            continue
        after = doc[written.end]
        if after.is_lower and after.lower_ in nouns:
            return True
        # "of Addison, a village southwest of Ithaca": a place noun in apposition.
        if after.text == "," and written.end + 2 < len(doc):
            if doc[written.end + 1].lower_ not in ("a", "an"):
                continue
            tail = doc[written.end + 2 : written.end + 5]
            head = next((t for t in tail if t.pos_ != "ADJ"), None)
            if head is not None and head.is_lower and head.lower_ in nouns:
                return True
    return False


def _one_person(ent: SpacySpan) -> bool:
    """ "calculated by an Environmental Food Safety Officer": a capitalised noun of people after
    "a" or "an" is someone's role; an organisation is "the National Guard"."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return (
        before is not None
        and before.lower_ in ("a", "an")
        and ent.root.lower_ in lexicon.words("reference/people_nouns.txt")
    )


def _portfolio(ent: SpacySpan) -> bool:
    """ "Secretary of State", "MINISTER of Defense", "Minister of Business, Enterprise and
    Cooperatives": common words after an office and "of" are its portfolio, not a body (that
    is "the Ministry of Defense", a name of its own)."""
    doc = ent.doc
    if not all(_plain_word(doc.lang_, t.text) for t in ent if t.is_alpha):
        return False
    i = ent.start - 1
    while i > 0 and (doc[i].text in (",", "and", "&") or doc[i].text.istitle()):
        i -= 1
    office = roles().get(doc[i - 1].lower_) if i > 0 and doc[i].lower_ == "of" else None
    return office is not None and office.kind == "person" and office.sector == _sector("GOV")


def _degree(text: str) -> bool:
    """ "MPH", "M.Sc/M.Eng", "PH.d", "Unclassified Degree": academic degrees, however dotted,
    alone or joined by slashes, or a name a degree word ends."""
    degrees = lexicon.words("actors/academic_degrees.txt")
    text = _without_glued_tail(text)  # "Unclassified Degree(Optometry"
    if text.split()[-1].lower() in degrees:
        return True
    return all(re.sub(r"[.\s]", "", part).lower() in degrees for part in text.split("/"))


def _lowercase_acronyms(doc: Doc) -> set[str]:
    """Acronyms the text introduces in brackets after the lowercase words they shorten
    ("bovine spongiform encephalopathy (BSE)", "intensive care unit (ICU)"): terms, not
    organisations."""
    found: set[str] = set()
    texts = token_texts(doc)
    for bracket in range(1, len(doc) - 2):
        acronym = texts[bracket + 1]
        if texts[bracket] != "(" or texts[bracket + 2] != ")" or not _acronym(acronym):
            continue
        words = [t for t in doc[max(bracket - len(acronym) - 2, 0) : bracket] if t.is_alpha]
        words = words[-len(acronym) :]
        if (
            len(words) == len(acronym)
            and all(w.is_lower for w in words)
            and "".join(w.text[0] for w in words) == acronym.lower()
        ):
            found.add(acronym)
    return found


def _company_key(name: str) -> str:
    """ "Texas Instruments Inc" and "Texas Instruments" are one company: the name without
    the legal form that ends it."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(".") in _legal_forms():
        words.pop()
    return spelling_key(" ".join(words))


@lexicon.PerLanguage
def _legal_forms(language: str) -> frozenset[str]:
    return frozenset(w.rstrip(".") for w in lexicon.words("actors/legal_forms.txt", language))


def _short_names(doc: Doc, actors: _Actors) -> dict[str, list[Actor]]:
    """The organisations known by the first word of their name ("Newmont" of "Newmont Mining
    Corp"), unless that word is also a common word ("General", "Bank") or a well-known place
    ("Texas")."""
    short: dict[str, list[Actor]] = {}
    for actor in [a for a in actors.by_key.values() if a.kind is ActorKind.ORGANISATION]:
        words = actor.name.split()
        first = words[0]
        if (
            len(words) > 1
            and first.isalpha()
            and first.istitle()
            and not _english_word(doc.lang_, first.lower())
            and not _well_known_place(first)
            and actor not in short.setdefault(first, [])
        ):
            short[first].append(actor)
    return short


def _add_short_names(doc: Doc, actors: _Actors, place_starts: set[int]) -> None:
    """ "Newmont Mining Corp ... Newmont said": an organisation's short name, written alone
    elsewhere, is that organisation where the model tags it a name of any kind (Newmont a
    place), unless it is the start of another name ("Hong Kong")."""
    short = {w: owners[0] for w, owners in _short_names(doc, actors).items() if len(owners) == 1}
    # An organisation the model found under the short name alone joins the full name's.
    for key, actor in list(actors.by_key.items()):
        owner = short.get(actor.name)
        if actor.kind is ActorKind.ORGANISATION and owner is not None and owner is not actor:
            for mention in actor.mentions:
                actors.mention(owner, mention.start, mention.end, mention.text)
            actor.mentions.clear()
            actors.by_key[key] = owner
    tagged = {e.start for e in entities(doc) if len(e) == 1 and e.label_ in _NAME_LABELS}
    held = _held_tokens(doc, actors)
    longer_names = [e for e in entities(doc) if len(e) > 1]
    for span in _writings(doc, set(short)):
        if (
            span.start not in held
            and span.start in tagged
            and span.start_char not in place_starts
            and not any(_holds_more(e, span) for e in longer_names)
        ):
            actors.mention(short[span.text], span.start_char, span.end_char, span.text)


def _add_teams(doc: Doc, actors: _Actors) -> set[int]:
    """Sports clubs named after their town: "Leeds United", "Liverpool FC", "Arsenal 2 Leeds
    1". Once the article shows a club, its town written alone is the club wherever it acts
    ("Liverpool won", "charged Liverpool"; not "in Liverpool"), and so is its club word alone
    when one club has it ("City's bus"). Returns where the club mentions start, which the
    other actor rules leave alone."""
    teams = _teams(doc)
    if not teams:
        return set()
    by_writing: dict[str, Actor] = {}
    short_forms: dict[str, list[Actor]] = {}
    # "Manchester City" before "Man City", "Liverpool FC" before "Liverpool" alone.
    for team, home in sorted(teams, key=lambda pair: (-len(pair[1].text), -len(pair[0]))):
        actor = _shortened_team(doc, team, home, teams, actors) or actors.get(
            ("team", spelling_key(team.text)), team.text, ActorKind.ORGANISATION
        )
        actors.mention(actor, team.start_char, team.end_char, team.text)
        by_writing[team.text] = actor
        for short in {home.text, doc[home.end : team.end].text} - {team.text}:
            if short[:1].isupper() and short.lower() not in ("fc", "f.c.", "afc"):
                holders = short_forms.setdefault(short, [])
                holders += [actor] if actor not in holders else []
    by_writing |= {w: a[0] for w, a in short_forms.items() if len(a) == 1 and w not in by_writing}
    # In a headline's capitals too ("LEEDS HOLD CHELSEA"), unless a common word ("CITY").
    by_writing |= {
        w.upper(): a
        for w, a in by_writing.items()
        if w.upper() not in by_writing and not _plain_word(doc.lang_, w)
    }
    claimed = {t.i for team, _ in teams for t in team}
    # The longest writing first, so that "Manchester City" is not read as "City".
    # A longer name holds the town ("Pittsburgh Post-Gazette"): no club there.
    longer_names = [e for e in entities(doc) if len(e) > 1 and e.label_ != "PERSON"]
    for span in sorted(_writings(doc, set(by_writing)), key=len, reverse=True):
        if any(t.i in claimed for t in span):
            continue
        if is_locative(doc, span.start) or any(_holds_more(e, span) for e in longer_names):
            continue
        actors.mention(by_writing[span.text], span.start_char, span.end_char, span.text)
        claimed.update(t.i for t in span)
    return {doc[i].idx for i in claimed}


def _shortened_team(
    doc: Doc,
    team: SpacySpan,
    home: SpacySpan,
    teams: list[tuple[SpacySpan, SpacySpan]],
    actors: _Actors,
) -> Actor | None:
    """ "Man City" of "Manchester City": the same club word after a shortened town; and a
    town alone ("Liverpool won 3-0") of the club named after it ("Liverpool FC")."""
    club = doc[home.end : team.end].text
    for other, other_home in teams:
        shortened = (
            other_home.text != home.text
            and other_home.text.startswith(home.text)
            and doc[other_home.end : other.end].text == club
        )
        town_alone = not club and other_home.text == home.text and other.text != team.text
        if shortened or town_alone:
            return actors.by_key.get(("team", spelling_key(other.text)))
    return None


def _teams(doc: Doc) -> list[tuple[SpacySpan, SpacySpan]]:
    """(club name, the home town or name it is known by) as the text writes them."""
    words = lexicon.mapping("actors/club_words.tsv")
    # Where the scores start, and which entity holds each token: read by both side rules below.
    score_starts = [m.start() for m in _SCORE.finditer(doc_text(doc))]
    scored = bool(score_starts)
    entity_at = {t.i: e for e in entities(doc) for t in e}
    found: list[tuple[SpacySpan, SpacySpan]] = []
    texts = token_texts(doc)
    for i, lower in enumerate(token_lowers(doc)):
        need = words.get(lower)
        if need is None or not texts[i][:1].isupper() or (need == "score" and not scored):
            continue
        token = doc[i]
        end = token.i + 1
        while end < len(doc) and doc[end].lower_ in words and doc[end].text[:1].isupper():
            end += 1  # "Manchester City FC"
        if end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper():
            continue  # "Harare City Council": the club word is inside a longer name
        home = next(
            (
                doc[start : token.i]
                for start in range(max(token.i - 3, 0), token.i)
                if _name_run(doc[start : token.i]) and _home_town(doc[start : token.i].text)
            ),
            None,
        )
        if home is not None and not load_gazetteer().lookup(doc[home.start : end].text):
            found.append((doc[home.start : end], home))  # not "Mexico City", a city itself
    taken = {t.i for team, _ in found for t in team}
    for team in _team_plurals(doc):
        if not any(t.i in taken for t in team):
            found.append((team, team[:-1] if _home_town(team[:-1].text) else team))
            taken.update(t.i for t in team)
    for town, _ in _club_players(doc):
        if not any(t.i in taken for t in town):
            found.append((town, town))
            taken.update(t.i for t in town)
    found += _result_sides(doc, taken, entity_at)
    return found + _scoring_sides(doc, taken, score_starts, entity_at) if scored else found


@functools.lru_cache(maxsize=1)
def _club_players(doc: Doc) -> tuple[tuple[SpacySpan, SpacySpan], ...]:
    """(club, player) where a town, then a playing position (in lowercase, one or two words:
    "pass rusher"; or its abbreviation in capitals: "DL"), then a person's name (two proper
    nouns or three, tagged or not) stand: "Pittsburgh center Maurkice Pouncey", "Chelsea
    striker Gianluca Vialli". The town is the player's club."""
    positions = lexicon.words("actors/playing_positions.txt")
    found: list[tuple[SpacySpan, SpacySpan]] = []
    for position in doc:
        if not (position.is_lower or position.is_upper) or position.lower_ not in positions:
            continue
        end = position.i + 1
        while end < len(doc) and end - position.i <= _GIVEN_NAME_WORDS + 1 and _name_part(doc[end]):
            end += 1
        if end - position.i - 1 < MIN_TITLED_NAME_WORDS:
            continue
        before = position.i
        if (
            position.is_lower
            and before > 0
            and doc[before - 1].is_lower
            and doc[before - 1].is_alpha
        ):
            before -= 1  # "pass rusher", "defensive captain"
        town = _run_before(doc, before)
        if town is not None and _name_run(town) and _home_town(town.text):
            found.append((town, doc[position.i + 1 : end]))
    return tuple(found)


def _scorecard_names(doc: Doc) -> list[SpacySpan]:
    """A cricket scorecard's line, "Owen Pritchard st Delacroix b Fennimore 88": the batsman's name
    before how he was out, and the surname after "c" (caught by), "st" (stumped by) or "b"
    (bowled by), are people's, which the model mostly leaves untagged; only on a line that
    ends in the runs."""
    found: list[SpacySpan] = []
    line: list[Token] = []
    for token in [*doc, None]:  # a space token or a line break ends a line
        if token is not None and not token.is_space:
            line.append(token)
            if "\n" not in token.whitespace_:
                continue
        found += _scorecard_line(doc, line)
        line = []
    return found


def _scorecard_line(doc: Doc, words: list[Token]) -> list[SpacySpan]:
    """The names on one line's words, if the line is a scorecard's (`_scorecard_names`)."""
    if len(words) < 4 or not words[-1].like_num:
        return []
    name_end = 0
    while (
        name_end < len(words)
        and _name_word(words[name_end])
        and words[name_end].text not in _DISMISSED_BY
    ):
        name_end += 1
    if not 0 < name_end < len(words) or words[name_end].lower_ not in _OUT_MARKS:
        return []
    found = [doc[words[0].i : words[name_end - 1].i + 1]]
    for word, after in zip(words[name_end:-1], words[name_end + 1 :], strict=True):
        if word.text in _DISMISSED_BY and _name_word(after):
            found.append(doc[after.i : after.i + 1])
    return found


def _team_plurals(doc: Doc) -> list[SpacySpan]:
    """ "The Steelers spent Monday ...", "the Cleveland Browns": a plural name after "the" that
    the model reads as a person (`_team_plural`) is a team's, its town before it as a club's
    town ("Cleveland" then names the club where it acts); not a family's, the plural of a
    surname the article gives someone ("the Obamas" beside "Michelle Obama")."""
    surnames = {e[-1].lower_ for e in entities(doc) if e.label_ == "PERSON" and len(e) > 1}
    return [
        e
        for e in entities(doc)
        if _team_plural(e) and _name_run(e) and e[-1].lower_.removesuffix("s") not in surnames
    ]


def _result_sides(
    doc: Doc, taken: set[int], entity_at: dict[int, SpacySpan]
) -> list[tuple[SpacySpan, SpacySpan]]:
    """ "Arsenal 2 Sheffield Wednesday 0": two names each followed by a small number, on one
    line, are the sides of a match result, unless a name is a country (a national side is
    its country) or a person."""
    found: list[tuple[SpacySpan, SpacySpan]] = []
    for token in doc:
        if not _goals(token) or token.i + 2 >= len(doc):
            continue
        first = _run_before(doc, token.i)
        second_end = token.i + 1
        while second_end < len(doc) and _name_word(doc[second_end]):
            second_end += 1
        second = doc[token.i + 1 : second_end]
        if first is None or not second or second_end >= len(doc) or not _goals(doc[second_end]):
            continue
        for side in (first, second):
            if not any(t.i in taken for t in side) and _club_like(side, entity_at):
                found.append((side, side))
                taken.update(t.i for t in side)
    return found


def _scoring_sides(
    doc: Doc, taken: set[int], score_starts: list[int], entity_at: dict[int, SpacySpan]
) -> list[tuple[SpacySpan, SpacySpan]]:
    """ "Juventus beat Parma 2-1", "lost to Leeds 3-0": a town acting in a sentence that gives
    a score (`score_starts`, ascending) is a club (a country is its national side, a person a
    player)."""
    found: list[tuple[SpacySpan, SpacySpan]] = []
    for ent in entities(doc):
        # "LONDON 2025-03-08" opening the story, which the parser runs into its first
        # sentence ("LONDON ... held Chelsea to a 1-1 draw"): where it was filed, no side.
        if not _side_label(ent) or _dateline(ent):
            continue
        sent = ent.sent
        first = bisect_left(score_starts, sent.start_char)
        if (
            first == len(score_starts)
            or score_starts[first] >= sent.end_char
            or any(t.i in taken for t in ent)
        ):
            continue
        side = _name_only(ent)
        if _match_side(side.root) and _name_run(side) and _club_like(side, entity_at):
            found.append((side, side))
            taken.update(t.i for t in side)
    return found


def _side_label(ent: SpacySpan) -> bool:
    """A place or organisation, or a "person" that runs on into the score ("Parma 2-1") or is
    named as a town ("Lazio", "Ajax Amsterdam"): a player the model reads right is left
    alone."""
    if ent.label_ in ("GPE", "ORG", "LOC"):
        return True
    return ent.label_ == "PERSON" and (any(t.is_digit for t in ent) or _town_named(ent))


def _match_side(root) -> bool:  # type: ignore[no-untyped-def]
    """The subject or object of a match verb, or the object of "to", "with", "against" after
    one ("lost to Bologna")."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in _OPPONENT_PREPOSITIONS:
        head = head.head
    elif root.dep_ not in _SIDE_DEPS:
        return False
    return head.lemma_.lower() in lexicon.words("actors/match_verbs.txt")


def _goals(token) -> bool:  # type: ignore[no-untyped-def]
    return token.is_digit and len(token) <= 2


def _name_word(token) -> bool:  # type: ignore[no-untyped-def]
    return token.is_alpha and token.text[:1].isupper() and "\n" not in token.whitespace_


def _name_run(span: SpacySpan) -> bool:
    return all(_name_word(t) for t in span) and "\n" not in span.text


def _run_before(doc: Doc, end: int) -> SpacySpan | None:
    start = end
    while start > 0 and end - start < 4 and _name_word(doc[start - 1]):
        start -= 1
    return doc[start:end] if start < end else None


def _club_like(side: SpacySpan, entity_at: dict[int, SpacySpan]) -> bool:
    """Not a person (unless named like a town: "Lazio") or people the model read there, nor a
    country. The model's label is
    trusted only where it stops at the name ("Everton 3" is no person); otherwise a longer
    name must open with a town ("Sheffield Wednesday") or end with a club word, as a
    person's ("Ernie Els 68") does not."""
    entity = entity_at.get(side.start)
    label = entity.label_ if entity is not None and entity.end <= side.end else None
    if (label == "NORP" or (label == "PERSON" and not _town_named(side))) or any(
        e.precision is LocationPrecision.COUNTRY for e in load_gazetteer().lookup(side.text)
    ):
        return False
    if _player_named(side):
        return False
    return (
        len(side) == 1
        or label in ("ORG", "GPE", "LOC", "FAC")
        or _home_town(side[0].text)
        or _town_named(side)
        or side[-1].lower_ in lexicon.mapping("actors/club_words.tsv")
    )


def _town_named(side: SpacySpan) -> bool:
    """ "Lazio", "Ajax Amsterdam", "Dynamo Kiev": a side named as a town, or ending in one
    after its own name, as clubs are and people are not (a player opening with a given name,
    "George Washington", is `_player_named`)."""
    return _home_town(side.text) or (len(side) > 1 and _home_town(side[-1].text))


def _player_named(side: SpacySpan) -> bool:
    """ "Nadal earlier defeated Khachanov 6-3", "Diego Schwartzman defeating Cristian Garin
    6-2" (each tagged an organisation): a side that is the surname of someone the article
    names in full ("Rafael Nadal"), that opens with a given name, or whose opponent is a
    person, is a player, however the model tags it there; a club is named after a town
    ("Leeds"), not after a player."""
    if _home_town(side.text):
        return False
    if _opposes_person(side):
        return True
    if len(side) > 1:
        return side[0].lower_ in _given_names()
    return any(
        e.label_ == "PERSON" and len(e) > 1 and e[-1].text == side.text for e in entities(side.doc)
    )


def _home_town(text: str) -> bool:
    """A town or district under its own name ("Leeds", "Man"; "Stoke" for "Stoke City")."""
    return any(
        e.precision in (LocationPrecision.CITY, LocationPrecision.ADMIN)
        and spelling_key(e.name) == spelling_key(text)
        for e in load_gazetteer().lookup(text)
    )


def _acronym(text: str) -> bool:
    return len(text) >= 2 and text.isalpha() and text.isupper()


def _spelt_out_acronyms(doc: Doc) -> list[tuple[SpacySpan, SpacySpan]]:
    """ "the GRU, or Glavnoye Razvedyvatel'noye Upravleniye", "the DGSE (Direction Generale de
    la Securite Exterieure)": an acronym, then "or" or a bracket, then capitalised words (short
    lowercase particles between them) whose initials are exactly the acronym: (acronym,
    spelling) pairs. A person's initials are spelt out with a given name ("JFK, or John F.
    Kennedy"), which no such spelling opens with."""
    found: list[tuple[SpacySpan, SpacySpan]] = []
    for i, text in enumerate(token_texts(doc)):
        if not (_acronym(text) and len(text) <= _LONGEST_SPELT_ACRONYM):
            continue
        token = doc[i]
        start = token.i + 1
        while start < len(doc) and start - token.i <= 2 and doc[start].lower_ in {",", "or", "("}:
            start += 1
        if start == token.i + 1 or start >= len(doc):
            continue
        end = start
        capitals: list[str] = []
        while end < len(doc) and len(capitals) < len(token):
            word = doc[end]
            if word.text[:1].isupper() and word.text[:1].isalpha() and not word.is_punct:
                capitals.append(word.text[0])
            elif not (word.is_lower and word.is_alpha and len(word) <= _PARTICLE_LETTERS):
                break
            end += 1
        if (
            "".join(capitals) == token.text
            and doc[end - 1].text[:1].isupper()
            and doc[start].lower_ not in _given_names()
            and "\n" not in doc[token.i : end].text
        ):
            found.append((doc[token.i : token.i + 1], doc[start:end]))
    return found


def _described_organisations(doc: Doc, place_starts: set[int]) -> list[SpacySpan]:
    """ "cryptocurrency exchange Coincheck", "online brokerage Monex": a name right after a
    noun only organisations are called is an organisation's, whatever the model tags it
    (Coincheck a person here, a place there); so is a name such a noun is in apposition to
    ("Enterprise Scrum, a software company,"), and every other writing of that name in the
    article; and an acronym spelt out after it, with the spelling ("the GRU, or Glavnoye
    Razvedyvatel'noye Upravleniye": the model tags the spelling a person)."""
    nouns = lexicon.words("actors/organisation_nouns.txt")
    starting = {e.start: e for e in entities(doc)}
    found: list[SpacySpan] = _described_after(doc, nouns)
    found += [span for pair in _spelt_out_acronyms(doc) for span in pair]
    texts, lowers = token_texts(doc), token_lowers(doc)
    for i in range(len(doc) - 1):
        if lowers[i] not in nouns or not texts[i].islower() or doc[i].pos_ != "NOUN":
            continue
        name = doc[i + 1]
        if not (name.text[:1].isupper() and name.pos_ == "PROPN"):
            continue
        if name.i in starting:
            found.append(_name_only(starting[name.i]))
            continue
        end = name.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
        found.append(doc[name.i : end])
    found += _named_before_noun(doc, nouns)
    found += _employers(doc)
    keys = {spelling_key(e.text) for e in found}
    found += [
        _name_only(e)
        for e in entities(doc)
        if e.label_ in _NAME_LABELS and spelling_key(_name_only(e).text) in keys
    ]
    longer_names = [e for e in entities(doc) if len(e) > 1]
    found += [
        span
        for span in _writings(doc, {e.text for e in found})
        if not any(_holds_more(e, span) for e in longer_names)
    ]
    unique = {e.start: e for e in found if e.start_char not in place_starts}
    return [SpacySpan(doc, e.start, e.end, label="ORG") for e in unique.values()]


def _named_before_noun(doc: Doc, nouns: frozenset[str]) -> list[SpacySpan]:
    """ "the Independent newspaper", "the Interfax news agency": after "the", capitalised
    proper nouns before an organisation noun (one lowercase word may qualify the noun) are
    the organisation's name."""
    found: list[SpacySpan] = []
    lowers = token_lowers(doc)
    for i in range(2, len(doc)):
        if lowers[i] not in nouns or not doc[i].is_lower or doc[i].pos_ != "NOUN":
            continue
        end = i - 1 if doc[i - 1].is_lower and doc[i - 1].is_alpha else i
        start = end
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
            start -= 1
        if start < end and start > 0 and lowers[start - 1] == "the":
            found.append(doc[start:end])
    return found


def _employers(doc: Doc) -> list[SpacySpan]:
    """ "Pankaj Pandey, Head of Research at ICICI Securities": in the words in apposition to a
    person's name, capitalised proper nouns after "at" that no entity holds name the
    organisation the person works for."""
    found: list[SpacySpan] = []
    lowers = token_lowers(doc)
    for at in (i for i in range(2, len(doc) - 1) if lowers[i] == "at"):
        if not _in_apposition_to_person(doc, at):
            continue
        start = at + 1 + (lowers[at + 1] == "the")
        end = start
        while (
            end < len(doc)
            and not doc[end].ent_type_
            and doc[end].pos_ == "PROPN"
            and doc[end].text[:1].isupper()
        ):
            end += 1
        if end > start:
            found.append(doc[start:end])
    return found


def _in_apposition_to_person(doc: Doc, i: int) -> bool:
    """Whether the words before `i`, back to a comma right after a person's name, hold no other
    punctuation and no more than a title's words."""
    for j in range(i - 1, max(i - 2 - _TITLE_WORDS, 0), -1):
        if doc[j].is_punct:
            return doc[j].text == "," and doc[j - 1].ent_type_ == "PERSON"
    return False


def _described_after(doc: Doc, nouns: frozenset[str]) -> list[SpacySpan]:
    """ "CEO of Enterprise Scrum, a software company, ...": the run of capitalised proper nouns
    before a comma, then "a" or "an" and a phrase headed by an organisation noun up to the
    next punctuation, with no preposition before that noun."""
    found: list[SpacySpan] = []
    for comma in doc[1:-2]:
        if comma.text != "," or doc[comma.i + 1].lower_ not in ("a", "an"):
            continue
        end = comma.i + 2
        while end < len(doc) and not doc[end].is_punct and end - comma.i < 6:
            end += 1
        head = doc[end - 1]
        if end == len(doc) or head.lower_ not in nouns or head.pos_ != "NOUN":
            continue
        # "Frances Eve, a researcher for the charity X": the noun ends a phrase of its own.
        if any(t.pos_ == "ADP" for t in doc[comma.i + 2 : end]):
            continue
        start = comma.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and _name_word(doc[start - 1]):
            start -= 1
        if start < comma.i:
            found.append(doc[start : comma.i])
    return found


def _affiliate_people(doc: Doc, actors: _Actors) -> None:
    """ "HTS leader Abu Mohammed Al-Jolani": the organisation before a title gives the person
    its sector and country (a rebel group's leader is a rebel, not a government)."""
    organisation_at = {
        m.end: a
        for a in actors.by_key.values()
        if a.kind is not ActorKind.PERSON and a.sector
        for m in a.mentions
    }
    for person in [a for a in actors.by_key.values() if a.kind is ActorKind.PERSON]:
        for mention in person.mentions:
            name = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if name is None:
                continue
            i = name.start  # walk back over the title words before the name
            while i > 0 and doc[i - 1].lower_ in roles():
                i -= 1
            if i == name.start or i == 0:
                continue
            organisation = organisation_at.get(doc[i - 1].idx + len(doc[i - 1]))
            if organisation is not None:
                person.sector = organisation.sector
                person.country = person.country or organisation.country
                break


def _person_by_surname(actors: _Actors, text: str) -> Actor | None:
    """The person a lone name stands for: by surname, else by a family name written first."""
    key = spelling_key(text)
    people = [a for a in actors.by_key.values() if a.kind is ActorKind.PERSON]
    for position in (-1, 0):
        holders = [a for a in people if spelling_key(_split_name(a.name)[0][position]) == key]
        if holders:
            return max(holders, key=lambda a: len(a.mentions))
    return None


@lexicon.PerLanguage
def _organisation_surfaces(language: str) -> frozenset[str]:
    """Aliases as written: "WHO" names the organisation, "Who" does not."""
    return frozenset(
        alias
        for name, aliases, *_ in lexicon.rows("actors/organisations.tsv", language)
        for alias in (name, *aliases.split("|"))
        if alias
    )


def _known_spans(doc: Doc, known: dict) -> list[SpacySpan]:
    """Known organisations the model did not tag, written as the list writes them."""
    tagged = {t.i for e in entities(doc) if e.label_ == "ORG" for t in e}
    surfaces = _organisation_surfaces()
    return [
        doc[i : i + 1]
        for i, text in enumerate(token_texts(doc))
        if i not in tagged and text in surfaces and not _shouted(doc, i)
    ]


def _lowercase_words(doc: Doc) -> frozenset[str]:
    """The words the article writes in lowercase (`Token.is_lower`, which is `str.islower`)."""
    return once_per_doc(
        doc,
        "sitrep.actors.lowercase_words",
        lambda: frozenset(text for text in token_texts(doc) if text.islower()),
    )


def _shouted(doc: Doc, i: int) -> bool:
    """Inside a run of capitals ("THIS IS NOT OUR FIGHT"), where "IS" is just a word."""
    neighbours = [doc[j] for j in (i - 1, i + 1) if 0 <= j < len(doc) and doc[j].is_alpha]
    return any(t.text.isupper() for t in neighbours)


def _acronym_owner(actors: _Actors, text: str) -> str | None:
    key = ("org", spelling_key(text))
    return key[1] if key in actors.by_key else None


def _acronym_after(doc: Doc, ent: SpacySpan) -> SpacySpan | None:
    """ "Hayat Tahrir Al-Sham, or HTS" / "... (HTS)": the acronym introduced for a name."""
    tail = doc[ent.end : ent.end + 3]
    for offset, token in enumerate(tail):
        if token.text.isupper() and token.is_alpha and len(token) >= 2:
            between = {t.text.lower() for t in tail[:offset]}
            if between <= {",", "or", "("} and _initials_match(ent, token.text):
                return doc[token.i : token.i + 1]
    return None


def _initials(ent: SpacySpan) -> str:
    """The first letters of a name's capitalised words ("Hayat Tahrir Al-Sham": "HTA")."""
    return "".join(t.text[0] for t in ent if t.is_alpha and t.text[:1].isupper())


def _initials_match(ent: SpacySpan, acronym: str) -> bool:
    initials = _initials(ent)
    return acronym in initials or initials.startswith(acronym) or _subsequence(acronym, initials)


def _subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(c in letters for c in short)


def _add_states(article: Article, doc: Doc, actors: _Actors) -> None:
    named_after = _named_after_plural_countries(actors)
    for place in literal_places(article):
        code = state_of(place)
        if code is None:
            continue
        for mention in place.mentions:
            span = doc.char_span(mention.start, mention.end)
            owner = named_after.get(mention.text)
            if (
                owner is not None
                and span is not None
                and not is_locative(doc, span.start)
                and (span.start == 0 or doc[span.start - 1].lower_ != "the")
            ):
                actors.mention(owner, mention.start, mention.end, mention.text)
                continue
            if span is not None and _acts(span, city=place.precision is LocationPrecision.CITY):
                _state_mention(actors, code, mention.start, mention.end, mention.text)
    for ent in entities(doc):
        code = demonym_country(ent.text) if ent.label_ == "NORP" else None
        root = ent.root
        while root.dep_ == "conj" and root.head is not root:  # "Iranian and Turkish counterparts"
            root = root.head
        if code and root.head.lower_ in roles() and root.dep_ in {"amod", "compound"}:
            _state_mention(actors, code, ent.start_char, ent.end_char, ent.text)


def _named_after_plural_countries(actors: _Actors) -> dict[str, Actor]:
    """ "Emirates Airline ... Emirates is opting": English writes a country named by a plural
    with "the" ("the Emirates", "the Netherlands", "the Philippines"), so the plural alone,
    where an organisation of the article opens with it, is that organisation's short name;
    not "Singapore" of "Singapore Airlines", which names the country too."""
    found: dict[str, Actor] = {}
    for actor in {id(a): a for a in actors.by_key.values()}.values():
        words = actor.name.split()
        if (
            actor.kind is ActorKind.ORGANISATION
            and len(words) > 1
            and words[0].endswith("s")
            and words[0][:1].isupper()
            and any(
                e.precision is LocationPrecision.COUNTRY for e in load_gazetteer().lookup(words[0])
            )
        ):
            found.setdefault(words[0], actor)
    return found


def state_of(place: Place) -> str | None:
    """The country a place stands for as an actor: a country, or a capital ("Moscow said")."""
    if place.precision is LocationPrecision.COUNTRY:
        return place.country
    if place.precision is LocationPrecision.CITY and is_capital(place.name, place.country or ""):
        return place.country
    return None


def _acts(span: SpacySpan, *, city: bool) -> bool:
    """Whether a place mention is an agent: "Moscow is trying", "backed by Turkey"."""
    root = span.root
    if city:
        return root.dep_ in _SUBJECT_DEPS
    if root.dep_ == "pobj":
        return root.head.lower_ in _AGENT_PREPOSITIONS
    if root.dep_ == "compound" or root.dep_ == "npadvmod":
        return root.head.lower_.endswith("backed")
    return root.dep_ in _STATE_DEPS


def _state_mention(actors: _Actors, iso2: str, start: int, end: int, text: str) -> None:
    country = load_gazetteer().country(iso2)
    name = country.name if country else iso2
    actor = actors.get(
        ("state", iso2), name, ActorKind.STATE, sector=_sector("GOV"), country=alpha3(iso2)
    )
    actors.mention(actor, start, end, text)


def _add_groups(doc: Doc, actors: _Actors, context_country: str | None) -> None:
    """Role nouns as group actors, each of the country a modifier names ("Iraqi militias"),
    else of the country the article is about: "protesters" in Hong Kong and in Bolivia are
    two groups, never one worldwide."""
    in_entity = {t.i for e in entities(doc) for t in e}
    known = roles()
    for token in doc:
        role = known.get(token.lower_)
        if role is None or role.kind != "group" or token.pos_ != "NOUN" or token.i in in_entity:
            continue
        if _anonymous_source(token):
            continue
        modifier = _modifier_country(token)
        code = modifier or context_country
        country = load_gazetteer().country(modifier)
        label = f"{country.name} {role.label}" if country else role.label
        actor = actors.get(
            ("group", role.label, code),
            label,
            ActorKind.GROUP,
            sector=role.sector,
            country=alpha3(code),
        )
        actors.mention(actor, token.idx, token.idx + len(token), token.text)


def _anonymous_source(token) -> bool:  # type: ignore[no-untyped-def]
    """ "according to people", "people familiar with the talks", "said the people": a
    source, not an actor."""
    cues = lexicon.words("actors/source_cues.txt")
    near = [token.head, token.head.head, *token.children]
    if any(t.lower_ in cues for t in near):
        return True
    return (
        token.lower_ in lexicon.words("actors/reporting_crowds.txt")
        and token.dep_ == "nsubj"
        and token.head.lemma_.lower() in lexicon.mapping("sourcing/reporting_verbs.tsv")
    )


def _modifier_country(token) -> str | None:  # type: ignore[no-untyped-def]
    """The country a demonym or possessor gives a group noun: "Iraqi militias", "Syria's army"."""
    for child in token.children:
        if child.dep_ in {"amod", "compound", "poss"}:
            code = demonym_country(child.text) or _country_code(child.text)
            if code and load_gazetteer().country(code):
                return code
    return None


def _named_with_country(doc: Doc, person: Actor, country: str) -> bool:
    """Evidence that a person of unknown country may be of this one: a sentence naming them
    also names the country or its people ("Assad fled Syria"); a US president never named
    beside Syria is not "the Syrian president"."""
    for mention in person.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span.sent:
            code = demonym_country(token.text) or _country_code(token.text)
            if code and alpha3(code) == country:
                return True
    return False


def _bind_role_phrases(doc: Doc, actors: _Actors) -> list[tuple[Actor, Span, Span]]:
    """ "Syria's longtime ruler", "the 59-year-old president": a title standing for a person.
    Each (person, phrase, the person's last mention before it)."""
    people = [a for a in actors.by_key.values() if a.kind is ActorKind.PERSON]
    # Where each person is named or stood for: a phrase bound earlier counts as a mention
    # for the phrases after it.
    named = {id(a): list(a.mentions) for a in people}
    bound: list[tuple[Actor, Span, Span]] = []
    for chunk in doc.noun_chunks:
        role = roles().get(chunk.root.lower_)
        if role is None or role.kind != "person" or "\n" in chunk.text:
            continue
        nxt = doc[chunk.end] if chunk.end < len(doc) else None
        if nxt is not None and nxt.ent_type_ == "PERSON":
            continue  # a title before a name, handled with the name
        if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in chunk.root.children):
            continue  # "Blinken's spokesman, Ned Price,": the name is given right there
        first = chunk[0]
        if first.lower_ != "the" and not (first.dep_ == "poss" and first.pos_ == "PROPN"):
            continue
        # "Blinken's spokesman" is someone of Blinken's: only a person already named with
        # this role may be meant, never the page's most named official.
        of_a_person = first.dep_ == "poss" and first.ent_type_ == "PERSON"
        country = next(
            (alpha3(c) for t in chunk if (c := demonym_country(t.text) or _country_code(t.text))),
            None,
        )
        before = [
            a
            for a in people
            if a.sector == role.sector
            and (
                country is None
                or a.country == country
                or (a.country is None and _named_with_country(doc, a, country))
            )
            and any(m.start < chunk.start_char for m in a.mentions)
        ]
        titled = [
            a
            for a in people
            if chunk.root.lower_ in actors.titles.get(id(a), set())
            and any(m.start < chunk.start_char for m in a.mentions)
        ]
        # A country the phrase names picks the person known to be of it before one of
        # unknown country named beside it, and then teaches that person's country.
        same_country = [a for a in before if country is not None and a.country == country]
        if of_a_person:
            before = same_country = []
        if titled:
            # The person last named with this very role, whatever their sector says.
            actor = max(
                titled,
                key=lambda a: max(m.start for m in named[id(a)] if m.start < chunk.start_char),
            )
        elif same_country or before:
            actor = max(same_country or before, key=lambda a: len(named[id(a)]))
            actor.country = actor.country or country
        else:
            continue
        text = _without_glued_tail(chunk.text)
        phrase = Span(chunk.start_char, chunk.start_char + len(text), text)
        if any(m.start == phrase.start for m in named[id(actor)]):
            continue  # already this person's mention or phrase
        antecedent = max(
            (m for m in actor.mentions if m.start < phrase.start), key=lambda m: m.start
        )
        named[id(actor)].append(phrase)
        bound.append((actor, phrase, antecedent))
    return bound

"""Places: toponyms found in the body and resolved to one GeoNames entry each.

Two sources of candidate spans: the model's GPE/LOC/FAC entities, and a whole-token scan of
capitalised token runs against the gazetteer (the small model tags Homs as ORG and Tartous as
PERSON). Each candidate is then resolved with context: the countries the article is about,
the countries of places near it, population, cue words ("Daraa province", "the city of
Homs", "Tartous naval base") and "X, Country" / "X in Country" patterns.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from sitrep import lexicon
from sitrep.annotate.gazetteer import (
    Entry,
    Gazetteer,
    demonym_country,
    is_capital,
    load_gazetteer,
    normalise,
)
from sitrep.records import Article, LocationPrecision, Place, Span

MAX_NAME_TOKENS = 6
_TAGGED_LABELS = {"GPE", "LOC", "FAC"}
_ACTOR_LABELS = {"PERSON", "ORG", "NORP"}
# Population a name needs to count as a place with no other evidence: big enough that the
# reading is the expected one ("Paris"), small towns ("Nobody", "Back") need context.
_UNCUED_MIN_POPULATION = 100_000
_CONTEXT_MIN_POPULATION = 1_000
# Kinds whose name alone, once the model or a cue marks it, is evidence enough.
_NAMED_KINDS = {LocationPrecision.COUNTRY, LocationPrecision.REGION, LocationPrecision.POINT}
# A national capital is named far more often than its namesakes ("via Moscow and Paris" in a
# page about the US): worth about four orders of magnitude of population.
CAPITAL_BONUS = 4.0


@dataclass(slots=True)
class Candidate:
    start: int  # token indexes into the doc
    end: int
    entries: list[Entry]
    text: str
    tagged: bool  # the model labelled it GPE/LOC/FAC
    named: bool  # the model labelled it some other entity (ORG for "Homs", PERSON for "Tartous")
    cue: str | None  # admin | city | point, from a neighbouring word
    locative: bool  # follows "in", "near", "of", ...
    choice: Entry | None = None


def find_places(article: Article, doc: Doc) -> list[Place]:
    candidates, focus = _resolved_candidates(article, doc)
    return _places(doc, [c for c in candidates if _accepted(c, focus)])


def resolve_spans(article: Article, doc: Doc, spans: list[tuple[int, int]]) -> list[Entry | None]:
    """Resolve given character spans (gold toponyms, say) in the article's own context.

    The context is what `find_places` would use: the article's focus countries and the places
    it finds in the same sentence. Acceptance is not applied: a given span is a toponym, and a
    demonym given as one ("Russian") stands for its country.
    """
    gazetteer = load_gazetteer()
    context, focus = _resolved_candidates(article, doc)
    resolved: list[Entry | None] = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            resolved.append(None)
            continue
        candidate = _candidate(doc, span, gazetteer, tagged=True)
        text = _strip_article(article.body[start:end])
        candidate.entries = _demonym_entries(gazetteer, text) or gazetteer.lookup(text)
        resolved.append(_resolve(candidate, focus, _neighbour_countries(doc, candidate, context)))
    return resolved


def _demonym_entries(gazetteer: Gazetteer, text: str) -> list[Entry]:
    """The country or region a demonym stands for ("Canadian" is Canada, not the Texas town;
    "European" is Europe)."""
    country = gazetteer.country(demonym_country(text))
    if country is not None:
        return [country]
    region = lexicon.mapping("places/region_demonyms.tsv").get(text.lower())
    entries = gazetteer.lookup(region) if region else []
    return [e for e in entries if e.precision is LocationPrecision.REGION][:1]


def _strip_article(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _resolved_candidates(article: Article, doc: Doc) -> tuple[list[Candidate], Counter[str]]:
    gazetteer = load_gazetteer()
    candidates = [c for c in _candidates(doc, gazetteer) if not _from_chrome(article, doc, c)]
    focus = _focus_countries(doc, candidates)
    for candidate in candidates:
        candidate.choice = _resolve(candidate, focus, Counter())
    # Second pass: places in the same sentence pull ambiguous names towards their countries.
    for candidate in candidates:
        candidate.choice = _resolve(
            candidate, focus, _neighbour_countries(doc, candidate, candidates)
        )
    return candidates, focus


def _neighbour_countries(
    doc: Doc, candidate: Candidate, candidates: list[Candidate]
) -> Counter[str]:
    sentence = doc[candidate.start].sent
    return Counter(
        c.choice.country
        for c in candidates
        if c is not candidate
        and c.choice
        and c.choice.country
        and sentence.start <= c.start < sentence.end
        and c.start != candidate.start
    )


def _candidates(doc: Doc, gazetteer: Gazetteer) -> list[Candidate]:
    ent_by_token = {t.i: ent for ent in doc.ents for t in ent}
    person_names = _person_name_keys(doc)
    found: list[Candidate] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in _TAGGED_LABELS and "\n" not in ent.text:
            span = _strip_determiner(ent)
            if (
                len(span)
                and all(t.pos_ != "PRON" for t in span)
                and (candidate := _candidate(doc, span, gazetteer, tagged=True))
            ):
                found.append(candidate)
                taken.update(range(candidate.start, candidate.end))
    i = 0
    while i < len(doc):
        match = None if i in taken else _longest_match(doc, i, gazetteer, ent_by_token, taken)
        if match is None:
            i += 1
            continue
        if not (match.end - match.start == 1 and normalise(doc[i].text) in person_names):
            found.append(match)
        i = match.end
    return sorted((c for c in found if not _only_directions(doc[c.start : c.end])), key=_start)


def _start(candidate: Candidate) -> int:
    return candidate.start


def _only_directions(span: SpacySpan) -> bool:
    """ "South", "North-East": a compass word, not a place, whatever town shares the name."""
    words = [t.lower_ for t in span if t.is_alpha]
    return bool(words) and all(w in lexicon.words("places/direction_words.txt") for w in words)


def _strip_determiner(ent: SpacySpan) -> SpacySpan:
    """The name alone: no "the", no possessive "'s"."""
    span = ent[1:] if ent[0].lower_ == "the" else ent
    return span[:-1] if len(span) > 1 and span[-1].tag_ == "POS" else span


def _candidate(
    doc: Doc, span: SpacySpan, gazetteer: Gazetteer, *, tagged: bool, named: bool = False
) -> Candidate:
    entries = gazetteer.lookup(span.text)
    cue, locative = _cue(doc, span), _is_locative(doc, span.start)
    return Candidate(span.start, span.end, entries, span.text, tagged, named, cue, locative)


def _longest_match(
    doc: Doc, start: int, gazetteer: Gazetteer, ent_by_token: dict, taken: set[int]
) -> Candidate | None:
    first = doc[start]
    if not _is_name_token(first, ent_by_token):
        return None
    end = start + 1
    while (
        end < len(doc)
        and end - start < MAX_NAME_TOKENS
        and end not in taken
        and "\n" not in doc[end].whitespace_ + doc[end - 1].whitespace_
        and (_is_name_token(doc[end], ent_by_token) or doc[end].lower_ in _particles())
    ):
        end += 1
    for stop in range(end, start, -1):
        span = doc[start:stop]
        if span[-1].lower_ in _particles() or _inside_actor_entity(span, ent_by_token):
            continue
        if gazetteer.knows(normalise(span.text)):
            named = span.start in ent_by_token
            return _candidate(doc, span, gazetteer, tagged=False, named=named)
    return None


def _is_name_token(token, ent_by_token: dict) -> bool:  # type: ignore[no-untyped-def]
    """A capitalised word the tagger reads as a name, or that an entity covers."""
    text = token.text
    if not (text[:1].isupper() and token.is_alpha):
        return False
    return token.pos_ == "PROPN" or token.i in ent_by_token


def _inside_actor_entity(span: SpacySpan, ent_by_token: dict) -> bool:
    """Part of a longer person/organisation/group name ("Al-Sham" in "Hayat Tahrir Al-Sham")."""
    ent = ent_by_token.get(span.start)
    if ent is None or ent.label_ not in _ACTOR_LABELS:
        return False
    if (ent.start, ent.end) != (span.start, span.end):
        return True
    return ent.label_ == "NORP" and demonym_country(ent.text) is not None  # "Syrian" is no place


def _person_name_keys(doc: Doc) -> set[str]:
    """Surnames of multi-word person names: "Assad" after "Bashar al-Assad" is a person."""
    return {
        normalise(ent[-1].text)
        for ent in doc.ents
        if ent.label_ == "PERSON" and len([t for t in ent if t.is_alpha]) > 1
    }


def _cue(doc: Doc, span: SpacySpan) -> str | None:
    """The kind of place a neighbouring word names: "X province", "the city of X"."""
    cues = lexicon.mapping("places/place_cues.tsv")
    for token in doc[span.end : min(span.end + 2, len(doc))]:
        if token.lower_ in cues:
            return cues[token.lower_]
    if span.start >= 2 and doc[span.start - 1].lower_ == "of":
        return cues.get(doc[span.start - 2].lower_)
    return None


def _is_locative(doc: Doc, start: int) -> bool:
    """After "in", "near", ...; a determiner may sit between ("to the UAE")."""
    before = start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start
    return before > 0 and doc[before - 1].lower_ in lexicon.words("places/locative_words.txt")


def _particles() -> frozenset[str]:
    return lexicon.words("places/name_particles.txt")


def _from_chrome(article: Article, doc: Doc, candidate: Candidate) -> bool:
    """Inside a related-link headline the reader left in the body."""
    line_start = article.body.rfind("\n", 0, doc[candidate.start].idx) + 1
    line_end = article.body.find("\n", doc[candidate.start].idx)
    line = article.body[line_start : line_end if line_end != -1 else None].strip()
    return any(link.title.strip() == line for link in article.related_links)


def _focus_countries(doc: Doc, candidates: list[Candidate]) -> Counter[str]:
    """How often each country is named, directly, by demonym or by an unambiguous city."""
    focus: Counter[str] = Counter()
    for candidate in candidates:
        if not candidate.entries:
            continue
        top = candidate.entries[0]
        if top.precision is LocationPrecision.COUNTRY:
            focus[top.country] += 2
        elif candidate.tagged and top.country and len({e.country for e in candidate.entries}) == 1:
            focus[top.country] += 1
    for ent in doc.ents:
        if ent.label_ == "NORP" and (code := demonym_country(ent.text)):
            focus[code] += 1
    return focus


def _resolve(candidate: Candidate, focus: Counter[str], neighbours: Counter[str]) -> Entry | None:
    if not candidate.entries:
        return None
    total = sum(focus.values()) or 1
    return max(candidate.entries, key=lambda e: _score(e, candidate, focus, total, neighbours))


def _score(
    entry: Entry, candidate: Candidate, focus: Counter[str], total: int, neighbours: Counter[str]
) -> float:
    score = math.log10(entry.population + 10)
    if entry.precision is LocationPrecision.REGION:
        score += 12  # a curated region name outranks any namesake town ("Middle East", Md.)
    elif entry.precision is LocationPrecision.COUNTRY:
        score += 6
    elif entry.precision is LocationPrecision.POINT:
        score += 5 if candidate.cue == "point" else 2
    elif entry.precision is LocationPrecision.ADMIN:
        score += 9 if candidate.cue == "admin" else -2
    elif is_capital(entry.name, entry.country):
        score += CAPITAL_BONUS
    score += 6 * focus[entry.country] / total
    score += 1.5 * min(neighbours[entry.country], 2)
    return score


def _accepted(candidate: Candidate, focus: Counter[str]) -> bool:
    """Enough evidence that this name is a place here (and not "Nobody" or "Assad")."""
    entry = candidate.choice
    if entry is None:
        return candidate.tagged
    if _is_acronym(candidate.text) and entry.precision is LocationPrecision.CITY:
        return False  # "AI", "CA": short capitals name towns only by accident
    cued = candidate.cue is not None or candidate.locative
    in_focus = focus[entry.country] > 0
    big = entry.population >= _UNCUED_MIN_POPULATION
    if entry.precision in _NAMED_KINDS:
        return candidate.tagged or candidate.named or cued
    if candidate.tagged:
        if not (in_focus or cued or (big and entry.precision is LocationPrecision.CITY)):
            candidate.choice = None  # a place, but not this small namesake abroad
        return True
    if entry.precision is LocationPrecision.ADMIN:
        return candidate.cue == "admin"
    if candidate.named:
        # The model read an entity here: "in Congress" and "in NATO" are locative too, so only
        # a size that makes the place reading the usual one, or a place cue word, overrides it.
        return in_focus and (big or candidate.cue is not None)
    # The model saw no name here: only context makes a capitalised word a place.
    return in_focus and cued and entry.population >= _CONTEXT_MIN_POPULATION


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return letters.isupper() and len(letters) <= 3


def _places(doc: Doc, candidates: list[Candidate]) -> list[Place]:
    places: dict[object, Place] = {}
    for candidate in candidates:
        span = doc[candidate.start : candidate.end]
        entry = candidate.choice
        key: object = (entry.geonames_id, entry.name) if entry else normalise(span.text)
        place = places.get(key)
        if place is None:
            place = places[key] = _place(f"place-{len(places) + 1}", span.text, entry)
        place.mentions.append(Span(span.start_char, span.end_char, span.text))
    return list(places.values())


def _place(place_id: str, text: str, entry: Entry | None) -> Place:
    if entry is None:
        return Place(
            place_id, text, None, None, None, None, None, None, LocationPrecision.UNRESOLVED
        )
    return Place(
        id=place_id,
        name=entry.name,
        geonames_id=entry.geonames_id,
        latitude=entry.latitude,
        longitude=entry.longitude,
        country=entry.country or None,
        feature_class=entry.feature_class,
        feature_code=entry.feature_code,
        precision=entry.precision,
    )

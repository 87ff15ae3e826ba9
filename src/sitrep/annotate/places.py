"""Places: toponyms found in the body and resolved to one GeoNames entry each.

Two sources of candidate spans: the model's GPE/LOC/FAC entities, and a whole-token scan of
capitalised token runs against the gazetteer (the small model tags Homs as ORG and Tartous as
PERSON). Each candidate is then resolved with context: the countries the article is about,
the countries of places near it, population, cue words ("Daraa province", "the city of
Homs", "Tartous naval base") and "X, Country" / "X in Country" patterns.
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from sitrep import lexicon
from sitrep.annotate.gazetteer import (
    Entry,
    Gazetteer,
    demonym_country,
    distance_km,
    is_capital,
    load_gazetteer,
)
from sitrep.doc_cache import entities, token_texts
from sitrep.names import name_key, spelling_key
from sitrep.records import Article, LocationPrecision, Place, PlaceKind, Span

MAX_NAME_TOKENS = 6
_TAGGED_LABELS = {"GPE", "LOC", "FAC"}
_ACTOR_LABELS = {"PERSON", "ORG", "NORP"}
# Population a name needs to count as a place with no other evidence: big enough that the
# reading is the expected one ("Paris"), small towns ("Nobody", "Back") need context.
_UNCUED_MIN_POPULATION = 100_000
_CONTEXT_MIN_POPULATION = 1_000
# A city this big is known by name anywhere ("Toronto Police" in any story).
_WORLD_CITY_POPULATION = 1_000_000
# Kinds whose name alone, once the model or a cue marks it, is evidence enough.
_NAMED_KINDS = {LocationPrecision.COUNTRY, LocationPrecision.REGION, LocationPrecision.POINT}
# Places whose point says where a neighbouring name is (a country's or region's does not).
_LOCAL_KINDS = {LocationPrecision.CITY, LocationPrecision.ADMIN, LocationPrecision.POINT}
_DEMONYM_WINDOW = 4  # tokens: "the English city of X"
_DATELINE_MARKS = {"(", "-", "—", "–", ":"}
_CUE_KINDS = {
    "admin": LocationPrecision.ADMIN,
    "city": LocationPrecision.CITY,
    "point": LocationPrecision.POINT,
}
_WIDE_KINDS = {LocationPrecision.COUNTRY, LocationPrecision.ADMIN, LocationPrecision.REGION}


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
    kind: PlaceKind = PlaceKind.LITERAL
    holds_town: bool = False  # names the state or country of the town before it ("Macon, Georgia")
    qualified: bool = False  # the writer names its state or country ("Mars, Pennsylvania")


def find_places(article: Article, doc: Doc) -> list[Place]:
    candidates, focus, dateline = _resolved_candidates(article, doc)
    # A dateline names a place whatever the model reads there ("BOSTON (Reuters) -").
    literal = [c for c in candidates if c is dateline or _accepted(c, focus)]
    taken = {i for c in literal for i in range(c.start, c.end)}
    adjectival = [c for c in _adjectival_candidates(doc, focus) if c.start not in taken]
    return _places(doc, sorted(literal + adjectival, key=_start))


def _adjectival_candidates(doc: Doc, focus: Counter[str]) -> list[Candidate]:
    """Demonyms and place adjectives ("Russian", "Iraqis", "Middle Eastern"), each standing for
    its country, division or region, and places that name an organisation ("Zimbabwe Electoral
    Commission", "Toronto Blue Jays"): mentions of the place, though not of where things are."""
    gazetteer = load_gazetteer()
    found: list[Candidate] = []
    texts = token_texts(doc)
    i = 0
    while i < len(doc):
        if not (texts[i][:1].isupper() and doc[i].is_alpha):
            i += 1
            continue
        for width in (2, 1):
            span = doc[i : i + width]
            if len(span) < width or not all(t.text[:1].isupper() and t.is_alpha for t in span):
                continue
            entries = demonym_entries(gazetteer, span.text)
            if entries:
                found.append(_adjectival(span, entries[0]))
                i = span.end - 1
                break
        i += 1
    taken = {i for c in found for i in range(c.start, c.end)}
    for ent in entities(doc):
        if ent.label_ == "ORG" and len(ent) > 1:
            found += _places_inside(ent, gazetteer, taken, focus)
    return found


def _places_inside(
    ent: SpacySpan, gazetteer: Gazetteer, taken: set[int], focus: Counter[str]
) -> list[Candidate]:
    """Well-known places named inside an organisation's name: countries ("US Federal Reserve"),
    regions, divisions and cities big enough that the name is the usual reading ("Washington
    Post", "Bank of Japan"). An organisation's name is no place by default, so a division or
    city needs strong evidence: its own name written out (a word that is only a variant or a
    near spelling of one, "Green" for Green County, "Police" for Powiat policki, "White House"
    for Casablanca, "Bed" for Beed, is an ordinary word of the name), not a compass word
    ("El Niño-Southern Oscillation"), and a city must be a world city ("Toronto Police") or of a
    country the article is about ("Orange Drugs Ltd" in a Nigerian story is no Californian
    town)."""
    found: list[Candidate] = []
    i = ent.start
    while i < ent.end:
        for stop in range(min(ent.end, i + MAX_NAME_TOKENS), i, -1):
            span = ent.doc[i:stop]
            if i in taken or not span[0].text[:1].isupper() or not span[-1].is_alpha:
                continue
            written = name_key(span.text)
            known = [
                e
                for e in gazetteer.lookup(span.text)
                if e.precision in (LocationPrecision.COUNTRY, LocationPrecision.REGION)
                or (
                    name_key(e.name) == written
                    and not _only_directions(span)
                    and (
                        e.precision is LocationPrecision.ADMIN
                        or e.population >= _WORLD_CITY_POPULATION
                        or (e.population >= _UNCUED_MIN_POPULATION and focus[e.country] > 0)
                    )
                )
            ]
            # An acronym inside a name is a place only as a country's own short form ("US").
            if known and (
                len(span) > 1
                or not _is_acronym(span.text)
                or known[0].precision is LocationPrecision.COUNTRY
            ):
                found.append(_adjectival(span, known[0]))
                i = stop - 1
                break
        i += 1
    return found


def _adjectival(span: SpacySpan, entry: Entry) -> Candidate:
    return Candidate(
        span.start,
        span.end,
        [entry],
        span.text,
        False,
        False,
        None,
        False,
        entry,
        PlaceKind.ADJECTIVAL,
    )


def resolve_spans(article: Article, doc: Doc, spans: list[tuple[int, int]]) -> list[Entry | None]:
    """Resolve given character spans (gold toponyms, say) in the article's own context.

    The context is what `find_places` would use: the article's focus countries and the places
    it finds around each span. Acceptance is not applied: a given span is a toponym, and a
    demonym given as one ("Russian") stands for its country.
    """
    return [
        _resolve(candidate, context) if candidate else None
        for candidate, context in _given_spans(article, doc, spans)
    ]


def ranking_examples(
    article: Article, doc: Doc, spans: list[tuple[int, int]]
) -> list[list[tuple[Entry, list[float]]]]:
    """Each given span's entries that the ranker chooses among, with their ranking features:
    what the ranker is trained on."""
    return [
        [(e, feature_vector(e, candidate, context)) for e in _allowed(candidate, context)]
        if candidate
        else []
        for candidate, context in _given_spans(article, doc, spans)
    ]


def _given_spans(
    article: Article, doc: Doc, spans: list[tuple[int, int]]
) -> list[tuple[Candidate | None, Context]]:
    gazetteer = load_gazetteer()
    found, focus, dateline = _resolved_candidates(article, doc)
    given: list[tuple[Candidate | None, Context]] = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            given.append((None, Context(focus)))
            continue
        candidate = _candidate(doc, span, gazetteer, tagged=True)
        text = _strip_article(article.body[start:end])
        candidate.entries = demonym_entries(gazetteer, text) or gazetteer.lookup(text)
        given.append((candidate, _context(doc, candidate, found, focus, dateline)))
    return given


def demonym_entries(gazetteer: Gazetteer, text: str) -> list[Entry]:
    """The country, division or region a demonym stands for ("Canadian" is Canada, not the
    Texas town; "European" and "Europeans" are Europe; "Scottish" is Scotland)."""
    country = gazetteer.country(demonym_country(text))
    if country is not None:
        return [country]
    adjectives = lexicon.mapping("places/demonyms.tsv")
    key = text.lower()
    # "Africans", "Europeans": the people's plural stands for the place as its adjective does.
    place = adjectives.get(key) or (adjectives.get(key[:-1]) if key.endswith("s") else None)
    entries = [e for e in gazetteer.lookup(place) if e.precision in _WIDE_KINDS] if place else []
    return sorted(entries, key=lambda e: -e.population)[:1]


def _strip_article(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _resolved_candidates(
    article: Article, doc: Doc
) -> tuple[list[Candidate], Counter[str], Candidate | None]:
    gazetteer = load_gazetteer()
    candidates = [c for c in _candidates(doc, gazetteer) if not _from_chrome(article, doc, c)]
    focus = _focus_countries(doc, candidates)
    for candidate in candidates:
        candidate.choice = _resolve(candidate, Context(focus))
    dateline = _dateline(doc, candidates)
    # Second pass: the places around a name (same sentence, "X, Y", the rest of the article)
    # pull it towards their countries and regions.
    for candidate in candidates:
        context = _context(doc, candidate, candidates, focus, dateline)
        candidate.choice = _resolve(candidate, context)
        candidate.holds_town = candidate.choice is not None and any(
            _within(town, candidate.choice) for town in context.qualified_town
        )
        candidate.qualified = candidate.choice is not None and _qualified(candidate.choice, context)
    return candidates, focus, dateline


def _context(
    doc: Doc,
    candidate: Candidate,
    candidates: list[Candidate],
    focus: Counter[str],
    dateline: Candidate | None,
) -> Context:
    others = [c for c in candidates if c.choice and c.start != candidate.start]
    # Other mentions of the same name would vote for their own earlier reading.
    other_names = [c for c in others if spelling_key(c.text) != spelling_key(candidate.text)]
    sentence = doc[candidate.start].sent
    after = candidate.end + 1 if candidate.end < len(doc) and doc[candidate.end].text == "," else -1
    before = candidate.start - 1 if candidate.start and doc[candidate.start - 1].text == "," else -1
    return Context(
        focus=focus,
        neighbours=Counter(
            c.choice.country
            for c in others
            if c.choice and c.choice.country and sentence.start <= c.start < sentence.end
        ),
        qualifier=[
            e for c in others if c.start == after for e in c.entries if _state_or_country(e, c.text)
        ],
        # A writer qualifies a town, not a world city: "Moscow, Washington and Beijing" is a list.
        qualified_town=[
            e
            for c in others
            if c.end == before
            and c.choice
            and c.choice.precision is LocationPrecision.CITY
            and c.choice.population < _WORLD_CITY_POPULATION
            for e in c.entries
            if e.precision is LocationPrecision.CITY
        ],
        demonym=_demonym_before(doc, candidate.start, sentence.start),
        divisions=frozenset(
            (c.choice.country, c.choice.admin1 or "")
            for c in other_names
            if c.choice and c.choice.feature_code == "ADM1"
        ),
        countries=frozenset(
            c.choice.country
            for c in other_names
            if c.choice and c.choice.precision is LocationPrecision.COUNTRY
        ),
        others=tuple(
            {
                (c.choice.latitude, c.choice.longitude)
                for c in other_names
                if c.choice and c.choice.precision in _LOCAL_KINDS
            }
        ),
        dateline=(dateline.choice.country or None) if dateline and dateline.choice else None,
        at_dateline=dateline is not None and dateline.start == candidate.start,
    )


def _demonym_before(doc: Doc, start: int, sentence_start: int) -> str | None:
    """ "the English city of Salisbury", "Iraqi town X": the country a demonym just before names."""
    gazetteer = load_gazetteer()
    for token in doc[max(sentence_start, start - _DEMONYM_WINDOW) : start]:
        if token.text[:1].isupper() and (entries := demonym_entries(gazetteer, token.text)):
            return entries[0].country or None
    return None


def _dateline(doc: Doc, candidates: list[Candidate]) -> Candidate | None:
    """ "LONDON (Reuters) -", "(NEW YORK) —", "By A Reporter. BOSTON (Reuters) -": the place
    the body opens with, or a sentence in capitals opens with, before a dash or an agency."""
    for candidate in candidates:
        if candidate.choice is None:
            continue
        opens_body = all(t.is_space or t.text == "(" for t in doc[: candidate.start])
        start = doc[candidate.start]
        opens_sentence = candidate.text.isupper() and (
            start.is_sent_start or doc[candidate.start - 1].text == "."
        )
        if not (opens_body or opens_sentence):
            continue
        following = {t.text for t in doc[candidate.end : candidate.end + 4]}
        if following & _DATELINE_MARKS:
            return candidate
    return None


def _candidates(doc: Doc, gazetteer: Gazetteer) -> list[Candidate]:
    ent_by_token = {t.i: ent for ent in entities(doc) for t in ent}
    person_names = _person_name_keys(doc)
    found: list[Candidate] = []
    unknown: list[Candidate] = []  # tagged names the gazetteer lacks
    taken: set[int] = set()
    for ent in entities(doc):
        if ent.label_ in _TAGGED_LABELS and "\n" not in ent.text:
            span = _longer_name(_strip_determiner(ent), gazetteer)
            if (
                len(span)
                and all(t.pos_ != "PRON" for t in span)
                and not (len(span) == 1 and spelling_key(span.text) in person_names)
                and not after_kin_noun(doc, span.start)
                and (candidate := _candidate(doc, span, gazetteer, tagged=True))
            ):
                if not candidate.entries:
                    unknown.append(candidate)
                    continue
                found.append(candidate)
                taken.update(range(candidate.start, candidate.end))
    i = 0
    while i < len(doc):
        match = None if i in taken else _longest_match(doc, i, gazetteer, ent_by_token, taken)
        if match is None:
            i += 1
            continue
        if not (
            (match.end - match.start == 1 and spelling_key(doc[i].text) in person_names)
            or after_kin_noun(doc, match.start)
        ):
            found.append(match)
        i = match.end
    # "Greece Italy", "north west London": a tagged name the gazetteer lacks stands only when
    # no known place lies inside it.
    found += [u for u in unknown if not any(u.start < c.end and c.start < u.end for c in found)]
    return sorted((c for c in found if not _only_directions(doc[c.start : c.end])), key=_start)


def _longer_name(span: SpacySpan, gazetteer: Gazetteer) -> SpacySpan:
    """A known name reaching past the tagged one: the model tags "Trinidad" and "Tobago"
    apart, the gazetteer knows "Trinidad and Tobago"."""
    doc = span.doc
    for stop in range(min(len(doc), span.start + MAX_NAME_TOKENS), span.end, -1):
        longer = doc[span.start : stop]
        if (
            longer[-1].text[:1].isupper()
            and "\n" not in longer.text
            and gazetteer.knows(spelling_key(longer.text))
        ):
            return longer
    return span


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
    cue, locative = place_cue(doc, span), is_locative(doc, span.start)
    return Candidate(span.start, span.end, entries, span.text, tagged, named, cue, locative)


def _longest_match(
    doc: Doc, start: int, gazetteer: Gazetteer, ent_by_token: dict, taken: set[int]
) -> Candidate | None:
    if not _is_name_token(doc, start, ent_by_token):
        return None
    end = start + 1
    while (
        end < len(doc)
        and end - start < MAX_NAME_TOKENS
        and end not in taken
        and "\n" not in doc[end].whitespace_ + doc[end - 1].whitespace_
        and (_is_name_token(doc, end, ent_by_token) or doc[end].lower_ in _particles())
    ):
        end += 1
    for stop in range(end, start, -1):
        span = doc[start:stop]
        if span[-1].lower_ in _particles() or _inside_actor_entity(span, ent_by_token):
            continue
        if gazetteer.knows(spelling_key(span.text)):
            named = span.start in ent_by_token
            return _candidate(doc, span, gazetteer, tagged=False, named=named)
    return None


def _is_name_token(doc: Doc, i: int, ent_by_token: dict) -> bool:
    """A capitalised word the tagger reads as a name, or that an entity covers."""
    # Asked of every token: most are not capitalised, and make no Token to say so.
    if not token_texts(doc)[i][:1].isupper():
        return False
    token = doc[i]
    return token.is_alpha and (token.pos_ == "PROPN" or i in ent_by_token)


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
        spelling_key(ent[-1].text)
        for ent in entities(doc)
        if ent.label_ == "PERSON" and len([t for t in ent if t.is_alpha]) > 1
    }


def place_cue(doc: Doc, span: SpacySpan) -> str | None:
    """The kind of place a neighbouring word names: "X province", "the city of X"."""
    cues = lexicon.mapping("places/place_cues.tsv")
    for token in doc[span.end : min(span.end + 2, len(doc))]:
        if token.lower_ in cues:
            return cues[token.lower_]
    if span.start >= 2 and doc[span.start - 1].lower_ == "of":
        return cues.get(doc[span.start - 2].lower_)
    return None


def after_kin_noun(doc: Doc, start: int) -> bool:
    """Right after a kinship noun a possessive opens ("his daughter Yulia", "Assad's father
    Hafez"): where a person's name stands, whatever the model tags it."""
    if start < 2 or doc[start - 1].lower_ not in lexicon.words("actors/kinship.txt"):
        return False
    return doc[start - 2].tag_ in ("PRP$", "POS")


def is_locative(doc: Doc, start: int) -> bool:
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
    for ent in entities(doc):
        if ent.label_ == "NORP" and (code := demonym_country(ent.text)):
            focus[code] += 1
    return focus


@dataclass(slots=True)
class Context:
    """What the article says around a candidate, for ranking its entries."""

    focus: Counter[str]  # mentions per country (countries, demonyms, unambiguous cities)
    neighbours: Counter[str] = field(default_factory=Counter)  # same-sentence places' countries
    qualifier: list[Entry] = field(default_factory=list)  # "X, <state or country>"
    # "Calamba City, Laguna": the entries of the town this mention qualifies
    qualified_town: list[Entry] = field(default_factory=list)
    demonym: str | None = None  # "the <demonym> city of X": that country
    divisions: frozenset[tuple[str, str]] = frozenset()  # (country, admin1) named in the article
    countries: frozenset[str] = frozenset()  # countries the article names as places
    others: tuple[tuple[float, float], ...] = ()  # points of the article's other places
    dateline: str | None = None  # the country of the place the body opens with
    at_dateline: bool = False  # the mention is that place ("WASHINGTON, April 5 -")


def feature_vector(entry: Entry, candidate: Candidate, context: Context) -> list[float]:
    """The ranking features of one gazetteer entry for one mention (order: FEATURES)."""
    total = sum(context.focus.values()) or 1
    code = entry.feature_code or ""
    nearest = min((distance_km(entry, lat, lon) for lat, lon in context.others), default=20_000.0)
    return [
        math.log10(entry.population + 10) / 8,
        float(entry.precision is LocationPrecision.COUNTRY),
        float(code == "ADM1"),
        float(code == "ADM2"),
        float(entry.precision is LocationPrecision.POINT),
        float(entry.precision is LocationPrecision.CITY and is_capital(entry.name, entry.country)),
        float(spelling_key(entry.name) == spelling_key(candidate.text)),
        context.focus[entry.country] / total if entry.country else 0.0,
        min(context.neighbours[entry.country], 2) / 2 if entry.country else 0.0,
        _namesake_town_size(entry, candidate),
        float((entry.country, entry.admin1 or "") in context.divisions),
        1 - min(math.log10(nearest + 1), 4) / 4,
        float(context.dateline is not None and context.dateline == entry.country),
        float(entry.country in context.countries),
        float(context.at_dateline and entry.precision is LocationPrecision.CITY),
    ]


FEATURES = (
    "log population",
    "country",
    "first-level division",
    "second-level division",
    "site",
    "national capital",
    "main name",
    "country share of the article",
    "country of same-sentence places",
    "a division named like a town of its country, by the town's log population",
    "its first-level division named in the article",
    "closeness to the article's other places",
    "country of the dateline",
    "its country named in the article",
    "a city named as the dateline",
)


@functools.cache
def _weights() -> tuple[float, ...]:
    """The ranking model's weights (`knowledge/places/ranker.json`, bench/train_place_ranker.py)."""
    model = json.loads((lexicon.KNOWLEDGE_DIR / "places" / "ranker.json").read_text("utf-8"))
    if tuple(model["features"]) != FEATURES:
        raise ValueError("knowledge/places/ranker.json was trained on other features")
    return tuple(float(w) for w in model["weights"])


def _allowed(candidate: Candidate, context: Context) -> list[Entry]:
    """The entries the text allows. A curated region name always wins over namesake towns
    ("Middle East" is never Middle East, Maryland); a writer's own qualifier ("Parkland,
    Florida", "the English city of Salisbury") rules out entries of other states and
    countries, and a cue word ("Daraa province", "the city of Homs") entries of other kinds:
    all too rare in the training news to be learnt. The qualifier itself is read as the state
    or country holding that town ("Calamba City, Laguna" is the Philippine province), and a
    dateline as a large city when one has the name (news datelines name cities: "(NEW YORK)
    -" is not the state)."""
    regions = [e for e in candidate.entries if e.precision is LocationPrecision.REGION]
    qualified = [e for e in candidate.entries if _qualified(e, context)]
    holding = [
        e
        for e in candidate.entries
        if _state_or_country(e, candidate.text)
        and any(_within(town, e) for town in context.qualified_town)
    ]
    kind = _CUE_KINDS.get(candidate.cue or "")
    cued = [e for e in qualified or candidate.entries if e.precision is kind]
    dateline_cities = [
        e
        for e in candidate.entries
        if context.at_dateline
        and e.precision is LocationPrecision.CITY
        and e.population >= _UNCUED_MIN_POPULATION
    ]
    return (
        regions
        or cued
        or qualified
        or holding
        or dateline_cities
        or _without_world_city_namesakes(candidate.entries)
    )


def _without_world_city_namesakes(entries: list[Entry]) -> list[Entry]:
    """ "in New York", "Lagos": a name that is both a division and a world city of the same
    country is, written alone, the city (a cue word such as "state" still names the
    division)."""
    world_city_countries = {
        e.country
        for e in entries
        if e.precision is LocationPrecision.CITY and e.population >= _WORLD_CITY_POPULATION
    }
    return [
        e
        for e in entries
        if not (e.precision is LocationPrecision.ADMIN and e.country in world_city_countries)
    ]


def _resolve(candidate: Candidate, context: Context) -> Entry | None:
    """The best-scored entry among those the text allows."""
    entries = _allowed(candidate, context)
    if not entries:
        return None
    weights = _weights()

    def score(entry: Entry) -> float:
        features = feature_vector(entry, candidate, context)
        return sum(w * f for w, f in zip(weights, features, strict=True))

    return max(entries, key=score)


def _namesake_town_size(entry: Entry, candidate: Candidate) -> float:
    """ "New York", "Tianjin", "Dubai": a division sharing its name with a town of its country,
    by the town's log population (0 for any other entry). A big namesake city is the usual
    reading of the name; a hamlet ("Florida, New York") is not."""
    if entry.precision is not LocationPrecision.ADMIN:
        return 0.0
    key = spelling_key(entry.name)
    towns = [
        e.population
        for e in candidate.entries
        if e.precision is LocationPrecision.CITY
        and e.country == entry.country
        and spelling_key(e.name) == key
    ]
    return math.log10(max(towns) + 10) / 8 if towns else 0.0


def _qualified(entry: Entry, context: Context) -> bool:
    """Whether a following ", <state or country>" or a preceding demonym names this entry's."""
    if context.demonym is not None and context.demonym == entry.country:
        return True
    return any(_within(entry, q) for q in context.qualifier if q is not entry)


def _state_or_country(entry: Entry, written: str) -> bool:
    """What a writer names after a town to say where it is: a country, a first-level division,
    or a second-level one under its own name ("Salisbury, Wiltshire"; "Moscow, Washington" is
    a list, not Moscow of Washington County, Idaho)."""
    return (
        entry.precision is LocationPrecision.COUNTRY
        or entry.feature_code == "ADM1"
        or (entry.feature_code == "ADM2" and name_key(entry.name) == name_key(written))
    )


def _within(entry: Entry, area: Entry) -> bool:
    """Whether an entry lies in a country or in a division's first-level division."""
    return area.country == entry.country and (
        area.precision is LocationPrecision.COUNTRY or area.admin1 == entry.admin1
    )


def _accepted(candidate: Candidate, focus: Counter[str]) -> bool:
    """Enough evidence that this name is a place here (and not "Nobody" or "Assad")."""
    if _celestial_body(candidate.text) and not candidate.qualified:
        return False  # "close to Earth", "Titan's lakes": not the namesake town
    entry = candidate.choice
    if entry is None:  # a tagged name the gazetteer lacks: a place where the text says so
        return (
            candidate.tagged
            and (candidate.locative or candidate.cue is not None)
            and _written_like_a_name(candidate.text)
        )
    if _is_acronym(candidate.text) and entry.precision is LocationPrecision.CITY:
        return False  # "AI", "CA": short capitals name towns only by accident
    cued = candidate.cue is not None or candidate.locative or candidate.holds_town
    in_focus = focus[entry.country] > 0
    big = entry.population >= _UNCUED_MIN_POPULATION
    if entry.precision in _NAMED_KINDS:
        return candidate.tagged or candidate.named or cued
    if candidate.tagged:
        if not (in_focus or cued or (big and entry.precision is LocationPrecision.CITY)):
            candidate.choice = None  # a place, but not this small namesake abroad
        return True
    if entry.precision is LocationPrecision.ADMIN:
        # "Tamil Nadu on Saturday moved the court": a large division of a country the article
        # is about outweighs the model's person or organisation reading.
        return candidate.cue == "admin" or (candidate.named and in_focus and big)
    if candidate.named:
        # The model read an entity here: "in Congress" and "in NATO" are locative too, so only
        # a size that makes the place reading the usual one, or a place cue word, overrides it.
        return in_focus and (big or candidate.cue is not None)
    # The model saw no name here: only context makes a capitalised word a place.
    return in_focus and cued and entry.population >= _CONTEXT_MIN_POPULATION


def _celestial_body(text: str) -> bool:
    return text.lower() in lexicon.words("places/celestial_bodies.txt")


def _written_like_a_name(text: str) -> bool:
    """Capitalised words, not a run of capitals or figures: a name the gazetteer lacks but the
    model tags ("Guhdar") reads so, a headline word ("MURALS"), a company's short name
    ("ICON") or a time ("11:11pm PDT") does not."""
    letters = [c for c in text if c.isalpha()]
    return (
        text[:1].isupper()
        and not any(c.isdigit() for c in text)
        and any(c.islower() for c in letters)
    )


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return letters.isupper() and len(letters) <= 3


def _places(doc: Doc, candidates: list[Candidate]) -> list[Place]:
    places: dict[object, Place] = {}
    for candidate in candidates:
        span = doc[candidate.start : candidate.end]
        entry = candidate.choice
        key: object = (entry.geonames_id, entry.name) if entry else spelling_key(span.text)
        place = places.get((key, candidate.kind))
        if place is None:
            place = _place(f"place-{len(places) + 1}", span.text, entry)
            place.kind = candidate.kind
            places[(key, candidate.kind)] = place
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

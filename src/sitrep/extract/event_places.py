"""Where an event happened when its own phrase names no place, and how sure that is.

The parse first (`RoleFinder.place`: a location phrase on the event word or its clause,
basis `clause`). Failing that, the place a definite place noun in the location phrase
refers back to ("in the capital", "in the state": the last named of its kind,
`place_nouns.tsv`), the nearest place named elsewhere in the sentence (`sentence`), the
nearest place named earlier in the paragraph (`paragraph`), the dateline the body opens with
("BEIRUT (AP) —": `dateline`), the first place named later in the paragraph (`paragraph`: a
paragraph may name its place only further on), the nearest local place that qualifies a
name in the sentence or earlier in the paragraph ("Chicago police said", "a Leeds court":
`qualifier`), and the article's dominant place (`article`). The
paragraph comes before the dateline: a dateline says where the reporter files from, a place
the paragraph has just named says where the story is (on the TRAIN half of events-gwn-dev,
9 of 15 paragraph places were the gold's against 3 of 9 datelines, see docs/events.md); a
place named only later in the paragraph comes after it (there, putting it and the qualifier
first replaced 5 dateline places, all right, by wrong ones: place right .607 -> .548).
Only names used as places count: a name that is an actor there ("Turkey said"), a person's
origin ("Peddar, of Brent") or the destination of a trip still to come ("will fly to
Doha") says nothing about where an event happened; nor does the event's own actor or
target, nor, for a speech verb, a place in what it reports ("said the rebels in Homs must
withdraw" was not said in Homs). A modifier ("U.S. goals", "Syria's army") is no location,
only a qualifier, and only below a country: a city's police or court acts in the city, a
state's army or officials anywhere.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from spacy.tokens import Doc, Token

from sitrep import lexicon
from sitrep.annotate.gazetteer import is_capital
from sitrep.annotate.mentions import MentionIndex, literal_places
from sitrep.extract.event_lexicon import read_rows, speech_verbs
from sitrep.extract.event_roles import POSITION_PREPOSITIONS
from sitrep.extract.event_status import event_status
from sitrep.records import (
    Actor,
    Article,
    EventStatus,
    LocationPrecision,
    Place,
    PlaceBasis,
)

# After a dateline's place: an optional region (", Calif."), an optional agency in
# brackets, then a dash or colon ("WASHINGTON—", "BEIRUT (AP) —", "(NEW YORK) —").
DATELINE_TAIL = re.compile(
    r"(?:,[^\n(—–:-]{1,30})?\)?\s*(?:\([^)\n]{1,40}\))?\s*(?:—|–|-|:)(?![a-z])"
)
DATELINE_LEAD = re.compile(r"\(?\s*")
# A byline before the dateline on its line: "By Ann Lee, Associated Press ".
BYLINE = re.compile(r"By\s[^\n]{1,100}[\s.,]")
# How a name that only qualifies a noun or a person hangs in the parse.
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
ORIGIN_PREPOSITIONS = frozenset({"of", "from"})
# Where someone goes: the destination of a trip not yet made ("will fly to Doha", "plans to
# travel to Lyon") is where nothing has happened yet.
DESTINATION_PREPOSITIONS = frozenset({"to", "toward", "towards", "into"})
FUTURE_AUXILIARIES = frozenset({"will", "shall"})
UNREALISED = frozenset({EventStatus.HYPOTHETICAL, EventStatus.PROPOSED})
# How a place mention is used (`PlaceFinder._use`).
LOCATION = "location"
QUALIFIER = "qualifier"
# A place below a country that qualifies a body or thing says where it is ("Chicago
# police", "a Kabul hospital"): a local body acts within its bounds, a state's everywhere.
LOCAL_PRECISIONS = frozenset(
    {LocationPrecision.POINT, LocationPrecision.CITY, LocationPrecision.ADMIN}
)
# (start, end, place) of one mention.
PlaceMention = tuple[int, int, Place]
# The article's dominant place is named at least this often, and more often than any other.
DOMINANT_MENTIONS = 2


class PlaceFinder:
    """One article's fallback places: sentence and paragraph places, the dateline, local
    qualifiers and the dominant place."""

    def __init__(self, article: Article, doc: Doc) -> None:
        self.doc = doc
        self.dateline, dateline_span = _dateline(article)
        # A name that is an actor there, and the dateline's own words, are no sentence's or
        # paragraph's place.
        self.actor_mentions = MentionIndex(article)
        not_locations = {
            (m.start, m.end)
            for actor in article.actors
            for m in self.actor_mentions.mentions_of(actor)
        }
        not_locations.add(dateline_span)
        # Every literal mention, however used, in text order: what "the capital", "the state"
        # refer back to.
        self.named: list[PlaceMention] = sorted(
            ((m.start, m.end, place) for place in literal_places(article) for m in place.mentions),
            key=lambda entry: entry[0],
        )
        # Of those, the mentions used as a place, and those that only qualify a name ("Chicago
        # police", "a Leeds court"), still in text order.
        self.mentions: list[PlaceMention] = []
        self.qualifiers: list[PlaceMention] = []
        for start, end, place in self.named:
            if (start, end) in not_locations:
                continue
            use = self._use(start, end)
            if use == LOCATION:
                self.mentions.append((start, end, place))
            elif use == QUALIFIER and place.precision in LOCAL_PRECISIONS:
                self.qualifiers.append((start, end, place))
        self.starts = [start for start, _, _ in self.mentions]
        self.qualifier_starts = [start for start, _, _ in self.qualifiers]
        sentences = sorted(article.sentences, key=lambda s: s.start)
        self.sentence_starts = [s.start for s in sentences]
        self.sentences = sentences
        counts = Counter(place.id for _, _, place in self.mentions)
        ranked = counts.most_common(2)
        dominant = (
            ranked[0][0]
            if ranked
            and ranked[0][1] >= DOMINANT_MENTIONS
            and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])
            else None
        )
        self.dominant = article.place(dominant)

    def where(
        self, trigger: Token, actor: Actor | None, target: Actor | None
    ) -> tuple[Place, PlaceBasis] | None:
        """The place an event word's sentence, paragraph, dateline or article implies."""
        sentence = trigger.sent
        referent = self._referent(trigger)
        if referent is not None:
            return referent
        own = {
            (m.start, m.end)
            for role in (actor, target)
            if role
            for m in self.actor_mentions.mentions_of(role)
        }
        reported = _reported_clauses(trigger)

        def nearest(found: list[PlaceMention]) -> Place | None:
            usable = [
                (start, place)
                for start, end, place in found
                if (start, end) not in own
                and not any(first <= start < last for first, last in reported)
            ]
            if not usable:
                return None
            return min(usable, key=lambda entry: abs(entry[0] - trigger.idx))[1]

        in_sentence = nearest(self._between(sentence.start_char, sentence.end_char))
        if in_sentence is not None:
            return in_sentence, PlaceBasis.SENTENCE
        paragraph_start, paragraph_end = self._paragraph(sentence.start_char)
        earlier = self._between(paragraph_start, sentence.start_char)
        if earlier:
            return earlier[-1][2], PlaceBasis.PARAGRAPH
        if self.dateline is not None:
            return self.dateline, PlaceBasis.DATELINE
        # A paragraph that names its place only further on is still about that place ("The
        # man was shot twice. … Neighbours in Tulsa heard it.").
        later = self._between(sentence.end_char, paragraph_end)
        if later:
            return later[0][2], PlaceBasis.PARAGRAPH
        # Failing any place named as a location, a name that qualifies a body or a thing
        # ("Chicago police said", "a Tulsa police officer") says where it is, before
        # the place the article names most (more local, and in the event's own paragraph).
        qualifier = nearest(self._between(paragraph_start, sentence.end_char, qualifiers=True))
        if qualifier is not None:
            return qualifier, PlaceBasis.QUALIFIER
        if self.dominant is not None:
            return self.dominant, PlaceBasis.ARTICLE
        return None

    def _referent(self, trigger: Token) -> tuple[Place, PlaceBasis] | None:
        """The place a definite place noun in the event's location phrase refers back to
        ("clashes in the capital" after "Protests in Cairo"): the last named before it of
        its kind, with the basis of where that was named."""
        kinds = place_nouns()
        # The parser often hangs the location on the object ("fired tear gas at protesters
        # in the capital", "seized rifles and ammunition in the state").
        objects = [c for c in trigger.children if c.dep_ == "dobj"]
        objects += [
            o for c in trigger.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"
        ]
        holders = [trigger] + [word for obj in objects for word in (obj, *obj.conjuncts)]
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ != "prep" or prep.lower_ not in POSITION_PREPOSITIONS:
                    continue
                for noun in prep.children:
                    kind = kinds.get(noun.lemma_.lower())
                    if noun.dep_ == "pobj" and kind and _definite(noun):
                        found = self._last_named(kind, noun.idx)
                        if found is not None:
                            return found[1], self._basis_at(found[0], trigger)
        return None

    def _last_named(self, kind: str, before: int) -> tuple[int, Place] | None:
        """Where and which place of a kind was named last before an offset."""
        for start, _, place in reversed(self.named):
            if start < before and _of_kind(place, kind):
                return start, place
        return None

    def _basis_at(self, offset: int, trigger: Token) -> PlaceBasis:
        """Whether a place named at an offset is in the event's sentence, its paragraph or
        elsewhere in the article."""
        sentence = trigger.sent
        if offset >= sentence.start_char:
            return PlaceBasis.SENTENCE
        paragraph_start, _ = self._paragraph(sentence.start_char)
        return PlaceBasis.PARAGRAPH if offset >= paragraph_start else PlaceBasis.ARTICLE

    def _between(self, start: int, end: int, qualifiers: bool = False) -> list[PlaceMention]:
        """The location (or qualifier) mentions starting within [start, end), in text order."""
        mentions, starts = (
            (self.qualifiers, self.qualifier_starts) if qualifiers else (self.mentions, self.starts)
        )
        first = bisect_right(starts, start - 1)
        last = bisect_right(starts, end - 1)
        return mentions[first:last]

    def _paragraph(self, offset: int) -> tuple[int, int]:
        """Where the paragraph holding a body offset starts and ends (its sentences)."""
        position = bisect_right(self.sentence_starts, offset) - 1
        if position < 0:
            return offset, offset
        paragraph = self.sentences[position].paragraph
        first = last = position
        while first > 0 and self.sentences[first - 1].paragraph == paragraph:
            first -= 1
        while last + 1 < len(self.sentences) and self.sentences[last + 1].paragraph == paragraph:
            last += 1
        return self.sentences[first].start, self.sentences[last].end

    def _use(self, start: int, end: int) -> str | None:
        """How the place mention at [start, end) is used: as a location, as a qualifier of a
        name ("U.S. officials", "Syria's army"), or neither (a person's origin)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        root = span.root
        if root.dep_ in MODIFIER_DEPS:
            return QUALIFIER
        # "Peddar, of Brent": an origin hanging on a person, not where anything happened.
        head = root.head
        if (
            root.dep_ == "pobj"
            and head.lower_ in ORIGIN_PREPOSITIONS
            and head.head.ent_type_ in ("PERSON", "NORP")
        ):
            return None
        if (
            root.dep_ == "pobj"
            and head.lower_ in DESTINATION_PREPOSITIONS
            and _unrealised(head.head)
        ):
            return None
        return LOCATION


@lexicon.PerLanguage
def place_nouns(language: str) -> dict[str, str]:
    """Place noun -> the kind of place it refers back to (`place_nouns.tsv`)."""
    return {row["noun"]: row["kind"] for row in read_rows("place_nouns.tsv", language)}


def _unrealised(word: Token) -> bool:
    """Whether a word tells an act still to come ("will fly", "plans to travel")."""
    if any(c.dep_ == "aux" and c.lemma_.lower() in FUTURE_AUXILIARIES for c in word.children):
        return True
    return event_status(word) in UNREALISED


def _definite(noun: Token) -> bool:
    """ "the capital", not "a city" or "the city of Homs" (which names its own place)."""
    return any(c.lower_ == "the" for c in noun.children) and not any(
        c.dep_ in ("prep", "compound", "appos") for c in noun.children
    )


def _of_kind(place: Place, kind: str) -> bool:
    if kind == "capital":
        return place.country is not None and is_capital(place.name, place.country)
    return place.precision.value == kind


def _reported_clauses(trigger: Token) -> list[tuple[int, int]]:
    """The character ranges of what a speech verb reports ("said the US must act"): a
    place named there is where the reported act is, not where the saying was."""
    if trigger.lemma_.lower() not in speech_verbs():
        return []
    return [
        (clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge))
        for clause in trigger.children
        if clause.dep_ == "ccomp"
    ]


def _dateline(article: Article) -> tuple[Place | None, tuple[int, int]]:
    """The place a body opens with before a dash ("BEIRUT (AP) —"), or that follows the
    byline it opens with, in capitals ("By Ann Lee, Associated Press CAIRO (AP) —"), and
    where it is."""
    body = article.body
    lead = DATELINE_LEAD.match(body)
    opening = lead.end() if lead else 0
    for place in literal_places(article):
        for mention in place.mentions:
            at_opening = mention.start == opening or (
                mention.text.isupper() and BYLINE.fullmatch(body, 0, mention.start) is not None
            )
            if at_opening and DATELINE_TAIL.match(body, mention.end):
                return place, (mention.start, mention.end)
    return None, (-1, -1)

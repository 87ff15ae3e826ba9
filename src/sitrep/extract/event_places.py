"""Where an event happened when its own phrase names no place, and how sure that is.

The parse first (`RoleFinder.place`: a location phrase on the event word or its clause,
basis `clause`). Failing that, the nearest place named elsewhere in the sentence
(`sentence`), the nearest place named earlier in the paragraph (`paragraph`), the dateline
the body opens with ("BEIRUT (AP) —": `dateline`), and the article's dominant place
(`article`). The paragraph comes before the dateline: a dateline says where the reporter
files from, a place the paragraph has just named says where the story is (on the TRAIN half
of events-gwn-dev, 9 of 15 paragraph places were the gold's against 3 of 9 datelines, see
docs/events.md). Only names used as places count: a name that is an actor there ("Turkey
said"), a modifier ("U.S. goals", "Syria's army") or a person's origin ("Peddar, of
Brent") says nothing about where an event happened; nor does the event's own actor or
target, nor, for a speech verb, a place in what it reports ("said the rebels in Homs must
withdraw" was not said in Homs).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from spacy.tokens import Doc, Token

from sitrep.annotate.mentions import MentionIndex, literal_places
from sitrep.extract.event_lexicon import speech_verbs
from sitrep.records import Actor, Article, Place, PlaceBasis, Span

# After a dateline's place: an optional region (", Calif."), an optional agency in
# brackets, then a dash or colon ("WASHINGTON—", "BEIRUT (AP) —", "(NEW YORK) —").
DATELINE_TAIL = re.compile(
    r"(?:,[^\n(—–:-]{1,30})?\)?\s*(?:\([^)\n]{1,40}\))?\s*(?:—|–|-|:)(?![a-z])"
)
DATELINE_LEAD = re.compile(r"\(?\s*")
# How a name that only qualifies a noun or a person hangs in the parse.
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
ORIGIN_PREPOSITIONS = frozenset({"of", "from"})
# The article's dominant place is named at least this often, and more often than any other.
DOMINANT_MENTIONS = 2


class PlaceFinder:
    """One article's fallback places: dateline, paragraph places and the dominant place."""

    def __init__(self, article: Article, doc: Doc) -> None:
        self.doc = doc
        self.dateline, dateline_span = _dateline(article)
        # A name that is an actor there, and the dateline's own words, are no sentence's or
        # paragraph's place.
        self.named = MentionIndex(article)
        not_locations = {
            (m.start, m.end) for actor in article.actors for m in self.named.mentions_of(actor)
        }
        not_locations.add(dateline_span)
        # (start, end, place) of every mention used as a place, in text order.
        self.mentions = sorted(
            (
                (m.start, m.end, place)
                for place in literal_places(article)
                for m in place.mentions
                if (m.start, m.end) not in not_locations and self._names_a_location(m)
            ),
            key=lambda entry: entry[0],
        )
        self.starts = [start for start, _, _ in self.mentions]
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
        own = {
            (m.start, m.end)
            for role in (actor, target)
            if role
            for m in self.named.mentions_of(role)
        }
        reported = _reported_clauses(trigger)
        in_sentence = [
            (start, place)
            for start, end, place in self._between(sentence.start_char, sentence.end_char)
            if (start, end) not in own
            and not any(first <= start < last for first, last in reported)
        ]
        if in_sentence:
            nearest = min(in_sentence, key=lambda entry: abs(entry[0] - trigger.idx))
            return nearest[1], PlaceBasis.SENTENCE
        paragraph = self._paragraph_start(sentence.start_char)
        earlier = self._between(paragraph, sentence.start_char)
        if earlier:
            return earlier[-1][2], PlaceBasis.PARAGRAPH
        if self.dateline is not None:
            return self.dateline, PlaceBasis.DATELINE
        if self.dominant is not None:
            return self.dominant, PlaceBasis.ARTICLE
        return None

    def _between(self, start: int, end: int) -> list[tuple[int, int, Place]]:
        first = bisect_right(self.starts, start - 1)
        last = bisect_right(self.starts, end - 1)
        return self.mentions[first:last]

    def _paragraph_start(self, offset: int) -> int:
        """Where the paragraph holding a body offset starts (its first sentence)."""
        position = bisect_right(self.sentence_starts, offset) - 1
        if position < 0:
            return offset
        paragraph = self.sentences[position].paragraph
        while position > 0 and self.sentences[position - 1].paragraph == paragraph:
            position -= 1
        return self.sentences[position].start

    def _names_a_location(self, mention: Span) -> bool:
        """Whether a place mention stands as a location, not as a modifier or an origin."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        root = span.root
        if root.dep_ in MODIFIER_DEPS:
            return False
        # "Peddar, of Brent": an origin hanging on a person, not where anything happened.
        head = root.head
        return not (
            root.dep_ == "pobj"
            and head.lower_ in ORIGIN_PREPOSITIONS
            and head.head.ent_type_ in ("PERSON", "NORP")
        )


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
    """The place a body opens with before a dash ("BEIRUT (AP) —"), and where it is."""
    body = article.body
    lead = DATELINE_LEAD.match(body)
    opening = lead.end() if lead else 0
    for place in literal_places(article):
        for mention in place.mentions:
            if mention.start == opening and DATELINE_TAIL.match(body, mention.end):
                return place, (mention.start, mention.end)
    return None, (-1, -1)

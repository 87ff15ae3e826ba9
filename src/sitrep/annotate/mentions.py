"""Find which actor or place a stretch of the body refers to.

Extractors work on spaCy tokens; this index maps their character spans back to
the article's canonical actors and places. A role phrase annotate bound to a person ("the
president", kept as a `Reference` of kind ROLE, not as a mention: it is not a name) is
found here as that person, so every reader of who a sentence names (quote speakers, claim
sources, event roles, event places, the store's mentions) asks this one index.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from sitrep import lexicon
from sitrep.records import Actor, ActorKind, Article, Place, PlaceKind, Span

_LETTERS_AFTER = re.compile(r" ([A-Z]{2,4})\b")


def literal_places(article: Article) -> list[Place]:
    """The places named as where something is, not only as an adjective ("Syrian")."""
    return [p for p in article.places if p.kind is PlaceKind.LITERAL]


class MentionIndex:
    """Actor and literal place mentions of one article, and the role phrases that stand for
    its people, sorted by start offset."""

    def __init__(self, article: Article) -> None:
        named: list[Actor | Place] = [*article.actors, *literal_places(article)]
        # The role phrases of each person, by the actor object's id (records do not hash).
        self._roles: dict[int, list[Span]] = {}
        by_id = {actor.id: actor for actor in article.actors}
        for reference in article.role_references():
            actor = by_id.get(reference.actor_id or "")
            if actor is not None:
                phrase = Span(reference.start, reference.end, reference.text)
                self._roles.setdefault(id(actor), []).append(phrase)
        body = article.body  # joined anew at each reading
        self._entries: list[tuple[int, int, Actor | Place]] = sorted(
            (
                (mention.start, _reach(body, record, mention.end), record)
                for record in named
                for mention in self.mentions_of(record)
            ),
            key=lambda entry: (entry[0], entry[1]),  # a place and an actor may share a span
        )
        self._starts = [start for start, _, _ in self._entries]
        # A mention starting this far or more before a stretch ends before it: the search
        # skips those (the extractors ask for every token).
        self._longest = max((end - start for start, end, _ in self._entries), default=0)

    def overlapping(self, start: int, end: int) -> list[Actor | Place]:
        """Every actor or place with a mention overlapping [start, end), in text order."""
        found: list[Actor | Place] = []
        first = bisect_right(self._starts, start - self._longest)
        for mention_start, mention_end, record in self._entries[
            first : bisect_right(self._starts, end)
        ]:
            if mention_start < end and mention_end > start and record not in found:
                found.append(record)
        return found

    def mentions_of(self, record: Actor | Place) -> list[Span]:
        """Where the article names the record, in text order: its mentions (as they are
        now: events add mentions to states) and, for a person, the role phrases that stand
        for them."""
        phrases = self._roles.get(id(record))
        if not phrases:
            return record.mentions
        return sorted([*record.mentions, *phrases], key=lambda span: span.start)

    def mention_at(self, record: Actor | Place, offset: int) -> Span | None:
        """The record's mention (or role phrase) that holds a body offset, if one does."""
        return next((m for m in self.mentions_of(record) if m.start <= offset < m.end), None)

    def actor(self, start: int, end: int) -> Actor | None:
        """The first actor mentioned within [start, end)."""
        return next((r for r in self.overlapping(start, end) if isinstance(r, Actor)), None)

    def place(self, start: int, end: int) -> Place | None:
        """The first place mentioned within [start, end)."""
        return next((r for r in self.overlapping(start, end) if isinstance(r, Place)), None)


def _reach(body: str, record: Actor | Place, end: int) -> int:
    """Where a mention ends for lookups: a person's name takes in the letters written after it
    ("Anthony Orchard QC, prosecuting, said"), which its span leaves out but the parser makes
    the head of the name."""
    if isinstance(record, Actor) and record.kind is ActorKind.PERSON:
        letters = _LETTERS_AFTER.match(body, end)
        if letters and letters[1].lower() in lexicon.words("actors/post_nominals.txt"):
            return letters.end()
    return end

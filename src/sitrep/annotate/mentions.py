"""Find which actor or place a stretch of the body refers to.

Extractors work on spaCy tokens; this index maps their character spans back to
the article's canonical actors and places.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from sitrep import lexicon
from sitrep.records import Actor, ActorKind, Article, Place, PlaceKind

_LETTERS_AFTER = re.compile(r" ([A-Z]{2,4})\b")


def literal_places(article: Article) -> list[Place]:
    """The places named as where something is, not only as an adjective ("Syrian")."""
    return [p for p in article.places if p.kind is PlaceKind.LITERAL]


class MentionIndex:
    """Actor and literal place mentions of one article, sorted by start offset."""

    def __init__(self, article: Article) -> None:
        named: list[Actor | Place] = [*article.actors, *literal_places(article)]
        self._entries: list[tuple[int, int, Actor | Place]] = sorted(
            (
                (mention.start, _reach(article.body, record, mention.end), record)
                for record in named
                for mention in record.mentions
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

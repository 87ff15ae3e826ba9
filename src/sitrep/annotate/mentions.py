"""Find which actor or place a stretch of the body refers to.

Extractors work on spaCy tokens; this index maps their character spans back to
the article's canonical actors and places.
"""

from __future__ import annotations

from bisect import bisect_right

from sitrep.records import Actor, Article, Place, PlaceKind


def literal_places(article: Article) -> list[Place]:
    """The places named as where something is, not only as an adjective ("Syrian")."""
    return [p for p in article.places if p.kind is PlaceKind.LITERAL]


class MentionIndex:
    """Actor and literal place mentions of one article, sorted by start offset."""

    def __init__(self, article: Article) -> None:
        named: list[Actor | Place] = [*article.actors, *literal_places(article)]
        self._entries: list[tuple[int, int, Actor | Place]] = sorted(
            (
                (mention.start, mention.end, record)
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

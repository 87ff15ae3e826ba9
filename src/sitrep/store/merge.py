"""How records from different articles are recognised as the same actor, place, event or story.

- Actors: the same when their kinds agree, their countries do not conflict (for
  groups, are equal: "civilians" are kept per country), and one's canonical name is
  among the other's names (canonical or alias), compared after normalising case,
  accents, hyphens and a leading "the".
- Places: the same GeoNames id; unresolved places by normalised name.
- Events: the same PLOVER type, the same place, the same actor (or neither names
  one; a report naming no actor joins an event naming one, or the reverse, only when
  both name the same target), targets that do not conflict and date ranges that
  overlap.
- Stories: article bodies whose word-shingle MinHash signatures are near each
  other (a wire story republished by two outlets) form one cluster, which counts
  as one independent source.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from sitrep.names import name_key

MINHASH_PERMUTATIONS = 64
SHINGLE_WORDS = 3
MINHASH_SCHEME = "affine32"  # fixed, so stored signatures stay comparable across versions
# Estimated Jaccard similarity of 3-word shingles above which two bodies are one story.
NEAR_DUPLICATE_THRESHOLD = 0.5


def hash_id(*parts: object) -> str:
    """A stable key from the parts (as sqlite-utils' hash_id does), so re-runs upsert."""
    joined = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:24]


@dataclass(slots=True, frozen=True)
class ActorIdentity:
    """What decides whether two actors are one: kind, country and every name's key."""

    kind: str
    country: str | None
    canonical_key: str
    keys: tuple[str, ...]  # sorted; a tuple, as a writer keeps one per stored actor

    @classmethod
    def of(cls, kind: str, country: str | None, name: str, aliases: Iterable[str]) -> ActorIdentity:
        canonical = name_key(name)
        # Only aliases that are names count: "the president" describes, it does not identify.
        keys = {canonical} | {name_key(alias) for alias in aliases if _is_name(alias)}
        return cls(kind, country, canonical, tuple(sorted(k for k in keys if k)))

    def same_as(self, other: ActorIdentity) -> bool:
        if self.kind != other.kind:
            return False
        if self.country and other.country and self.country != other.country:
            return False
        if self.kind == "group" and self.country != other.country:
            return False  # "civilians" of no known country are not those of a country
        return self.canonical_key in other.keys or other.canonical_key in self.keys


def _is_name(alias: str) -> bool:
    return any(word[:1].isupper() for word in alias.split())


def place_key(geonames_id: int | None, name: str) -> str:
    return f"gn:{geonames_id}" if geonames_id is not None else f"name:{hash_id(name_key(name))}"


def compatible(first: str | None, second: str | None) -> bool:
    """Two optional ids agree unless both are known and differ."""
    return first is None or second is None or first == second


def dates_overlap(
    first: tuple[str | None, str | None], second: tuple[str | None, str | None]
) -> bool:
    """ISO day ranges (start, end) overlap; an unknown date conflicts with nothing."""
    (start1, end1), (start2, end2) = first, second
    if start1 is None or start2 is None:
        return True
    return start1 <= (end2 or start2) and start2 <= (end1 or start1)


@dataclass(slots=True, frozen=True)
class EventKey:
    """The parts of an event report that decide whether it joins a merged event."""

    type: str
    place_id: str | None
    actor_id: str | None
    target_id: str | None
    date_start: str | None
    date_end: str | None

    def matches(self, other: EventKey) -> bool:
        if self.type != other.type or self.place_id != other.place_id:
            return False
        if self.place_id is None and (self.actor_id is None or self.actor_id != other.actor_id):
            return False  # with no place, only a shared actor anchors the match
        return (
            self._actors_agree(other)
            and compatible(self.target_id, other.target_id)
            and dates_overlap((self.date_start, self.date_end), (other.date_start, other.date_end))
        )

    def _actors_agree(self, other: EventKey) -> bool:
        """The same actor, or neither names one. A report naming no actor is joined to an
        event naming one (or the reverse) only through a shared target: type, place and
        days alone are shared by every report of fighting in a city that week, and a
        sentence saying nobody fought, or that troops should not, names no actor."""
        if self.actor_id is not None and other.actor_id is not None:
            return self.actor_id == other.actor_id
        if self.actor_id is None and other.actor_id is None:
            return True
        return self.target_id is not None and self.target_id == other.target_id


# Drawn once: datasketch draws a signature's permutations from a seeded generator each time
# one is made, which cost more than the comparison it serves when a writer reads back the
# stored signatures of every near-duplicate candidate.
_PERMUTATIONS = MinHash(num_perm=MINHASH_PERMUTATIONS, seed=1, scheme=MINHASH_SCHEME).permutations


def body_minhash(body: str) -> MinHash:
    words = name_key(body).split()
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS])
        for i in range(max(len(words) - SHINGLE_WORDS, 0) + 1)
    }
    signature = MinHash(
        num_perm=MINHASH_PERMUTATIONS, seed=1, scheme=MINHASH_SCHEME, permutations=_PERMUTATIONS
    )
    signature.update_batch([s.encode("utf-8") for s in shingles if s])
    return signature


def minhash_from_values(values: list[int]) -> MinHash:
    return MinHash(seed=1, hashvalues=values, scheme=MINHASH_SCHEME, permutations=_PERMUTATIONS)


def _lsh_shape() -> tuple[int, int]:
    """(bands, rows per band) that datasketch picks for the threshold and permutations."""
    index = MinHashLSH(threshold=NEAR_DUPLICATE_THRESHOLD, num_perm=MINHASH_PERMUTATIONS)
    return index.b, index.r


LSH_BANDS, LSH_ROWS = _lsh_shape()


def band_keys(signature: MinHash) -> list[int]:
    """One signed 64-bit key per LSH band: two bodies are candidates when any key is shared."""
    values = [int(v) for v in signature.hashvalues]
    keys = []
    for band in range(LSH_BANDS):
        part = values[band * LSH_ROWS : (band + 1) * LSH_ROWS]
        digest = hashlib.blake2b(repr((band, part)).encode(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys

"""Writing a batch of articles, with every row they imply, inside one transaction.

Ids are hashes of what identifies a row, and every insert is `ON CONFLICT DO
NOTHING`, so a re-run after a crash writes nothing twice. A batch is resolved in
memory first (actors, versions and merged events looked up with one query each
for the whole batch), then each table gets one bulk insert: row-at-a-time
inserts cost DuckDB a millisecond or more each, which would dwarf the parse.
"""

from __future__ import annotations

import gc
import json
import sys
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from itertools import chain, groupby
from typing import Any, TypeVar

from datasketch import MinHash

from sitrep.records import (
    Actor,
    Article,
    Claim,
    DatePrecision,
    DocumentError,
    Event,
    EventDate,
    Place,
    PlaceKind,
    Quote,
    ReferenceKind,
    Span,
)
from sitrep.store.contradictions import NEW_ROW_TABLES, record_contradictions
from sitrep.store.db import Database, now, select_in
from sitrep.store.merge import (
    ActorIdentity,
    EventKey,
    band_keys,
    body_minhash,
    hash_id,
    minhash_from_values,
    name_key,
    place_key,
)
from sitrep.store.payloads import ARTICLE, ORIGINAL, PayloadRows, payload_rows

OUTLET_SOURCE = "outlet"
# A stored event is a merge candidate only if it starts at most this long before a report:
# the window keeps the candidate query bounded as the database grows (an event dated to a
# whole year still merges; one spanning longer does not take later reports).
MERGE_WINDOW = timedelta(days=366)

# Each table's columns in insert order, and the columns of its primary key.
TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sources": (("id", "name"), ("id",)),
    "articles": (
        (
            "id", "source", "url", "version", "source_id", "title", "outlet", "published",
            "date_start", "input_kind", "language", "authors", "cluster_id", "minhash",
            "stored_at",
        ),
        ("id",),
    ),
    "actors": (("id", "name", "kind", "sector", "country"), ("id",)),
    "actor_aliases": (("actor_id", "alias", "alias_key"), ("actor_id", "alias_key")),
    "places": (
        (
            "id", "name", "geonames_id", "latitude", "longitude", "country", "feature_class",
            "feature_code", "location_precision",
        ),
        ("id",),
    ),
    "mentions": (
        ("id", "article_id", "entity", "entity_id", "start_offset", "end_offset", "text", "kind"),
        ("id",),
    ),
    "quotes": (
        (
            "id", "article_id", "position", "text", "start_offset", "end_offset", "direct",
            "speaker", "speaker_actor_id", "channel",
        ),
        ("id",),
    ),
    "claims": (
        (
            "id", "article_id", "position", "text", "start_offset", "end_offset", "source_type",
            "source_name", "source_actor_id", "certainty", "hedge", "date_start",
        ),
        ("id",),
    ),
    "situation_events": (
        (
            "id", "type", "mode", "actor_id", "target_id", "place_id", "date_start", "date_end",
            "date_precision", "acled_type", "acled_subtype", "fatalities", "injured",
        ),
        ("id",),
    ),
    "event_reports": (
        (
            "id", "article_id", "local_id", "situation_event_id", "type", "mode", "status",
            "trigger_text", "actor_id", "target_id", "place_id", "date_start", "date_end",
            "date_precision", "acled_type", "acled_subtype", "source_type", "source_name",
            "confidence", "evidence_start", "evidence_end", "evidence_text", "claim_position",
            "fatalities", "injured",
        ),
        ("id",),
    ),
    "control_changes": (
        (
            "id", "article_id", "position", "place_id", "from_actor_id", "to_actor_id",
            "date_start", "date_end", "partial", "confidence", "event_report_id",
            "evidence_start", "evidence_end", "evidence_text",
        ),
        ("id",),
    ),
    "errors": (("id", "source", "code", "message", "content_hash", "recorded_at"), ("id",)),
    "article_payloads": (("article_id", "part", "seq", "chunk"), ("article_id", "part", "seq")),
    "payload_spans": (
        ("article_id", "part", "start_offset", "byte_length"),
        ("article_id", "part"),
    ),
    "story_bands": (("article_id", "band_key"), ("article_id", "band_key")),
    "presences": (
        (
            "claim_id", "article_id", "actor_id", "actor", "day", "place_id", "place", "country",
            "location_precision", "cluster_id",
        ),
        ("claim_id", "actor_id", "place_id"),
    ),
    "contradictions": (
        (
            "id", "kind", "subject", "day", "place_id", "other_place_id", "actor_id",
            "other_actor_id", "claim", "contradiction",
        ),
        ("id",),
    ),
}  # fmt: skip
# Rows that exist only with their article, written in the same transaction as that new
# article: no key lookup is needed (the article itself is checked before the batch).
ARTICLE_ROWS = frozenset(
    {
        "mentions", "quotes", "claims", "situation_events", "event_reports", "control_changes",
        "story_bands", "presences", "article_payloads", "payload_spans",
    }
)  # fmt: skip


# Between the aliases an actor row keeps (migration 008): the ASCII unit separator.
ALIAS_SEPARATOR = chr(31)
# Rows an actor book adds only when they are not stored (`ActorBook.resolve`).
ACTOR_TABLES = ("actors", "actor_aliases")


class PendingRows:
    """Rows waiting for the batch's bulk insert, one per primary key (first wins)."""

    def __init__(self) -> None:
        self._rows: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = defaultdict(dict)

    def add(self, table: str, **row: Any) -> dict[str, Any]:
        key = tuple(row[column] for column in TABLES[table][1])
        return self._rows[table].setdefault(key, row)

    def rows(self, table: str) -> list[dict[str, Any]]:
        return list(self._rows[table].values())

    def flush(self, database: Database, new_rows: Iterable[str] = ()) -> None:
        """Insert every pending row; tables in `new_rows` (besides an article's own rows)
        are known to hold no stored key, so they skip the database's key check."""
        unchecked = ARTICLE_ROWS | set(new_rows)
        for table, rows in self._rows.items():
            columns, key = TABLES[table]
            database.insert(
                table,
                columns,
                [[row[c] for c in columns] for row in rows.values()],
                () if table in unchecked else key,
            )
        self._rows.clear()


@dataclass(slots=True)
class ArticleIds:
    """Article-local ids (actor-1, place-2, event-3) mapped to the store's global ids."""

    actors: dict[str, str]
    places: dict[str, str]
    events: dict[str, str] = field(default_factory=dict)


Key = TypeVar("Key")
Value = TypeVar("Value")


class KeptDict(dict[Key, Value]):
    """A dict the garbage collector always tracks, as it does a set.

    A plain dict of strings and untracked tuples is untracked, and tracked again, in the
    youngest generation, when a new tuple is put in it: a book frozen when it was loaded
    (`_kept_for_life`) would come back into every full collection's walk as it grows.
    """

    __slots__ = ()


class ActorBook:
    """The stored actors a batch's names could match, and the actors the batch adds.

    `load` reads the actors behind some name keys, or with `keys=None` every actor: a single
    writer loads them once and keeps the book between batches, since a lookup by name key
    scans a column of every stored alias and so would cost more with each actor stored.
    """

    def __init__(self) -> None:
        # Plain tuples of strings, not instances or lists: the collector stops tracking such
        # tuples, so a book of every stored actor adds nothing to each full collection's
        # walk, which would otherwise cost more with every actor stored.
        # (kind, country, canonical key, name keys, name) per actor id.
        self.identities: KeptDict[str, tuple[str, str | None, str, tuple[str, ...], str]] = (
            KeptDict()
        )
        self.by_key: KeptDict[str, tuple[str, ...]] = KeptDict()
        self.aliases: set[tuple[str, str]] = set()  # (actor id, alias key) stored or pending

    @classmethod
    def load(cls, database: Database, keys: set[str] | None) -> ActorBook:
        book = cls()
        columns = "SELECT a.id, a.name, a.kind, a.country, k.alias, k.alias_key FROM "
        if keys is None:
            stored = database.stream(
                columns + "actors a JOIN actor_aliases k ON k.actor_id = a.id ORDER BY a.id"
            )
        else:
            stored = iter(
                select_in(
                    database,
                    # The few matching actors first, then only their rows: joining whole
                    # tables would cost in proportion to every actor stored.
                    "WITH hit AS (SELECT DISTINCT actor_id FROM actor_aliases"
                    " WHERE alias_key IN ({marks}))"
                    + columns
                    + "hit JOIN actors a ON a.id = hit.actor_id"
                    " JOIN actor_aliases k ON k.actor_id = hit.actor_id ORDER BY a.id",
                    keys,
                )
            )
        for actor_id, rows in groupby(stored, key=lambda row: str(row["id"])):
            every = list(rows)
            first = every[0]
            book._remember(
                actor_id,
                ActorIdentity.of(
                    first["kind"], first["country"], first["name"], [r["alias"] for r in every]
                ),
                first["name"],
            )
            book.aliases.update((actor_id, row["alias_key"]) for row in every)
        return book

    def resolve(self, actor: Actor, pending: PendingRows) -> str:
        """The global id of the actor this one is, adding it to the batch if none matches."""
        identity = _identity(actor)
        candidates = sorted({c for key in identity.keys for c in self.by_key.get(key, ())})
        actor_id = next(
            (c for c in candidates if identity.same_as(ActorIdentity(*self.identities[c][:4]))),
            None,
        )
        if actor_id is None:
            actor_id = hash_id("actor", identity.kind, identity.canonical_key, actor.country)
            pending.add(
                "actors",
                id=actor_id,
                name=actor.name,
                kind=identity.kind,
                sector=actor.sector,
                country=actor.country,
            )
            self._remember(actor_id, identity, actor.name)
        for name in [actor.name, *actor.aliases]:
            key = name_key(name)
            if key and (actor_id, key) not in self.aliases:
                self.aliases.add((actor_id, key))
                pending.add("actor_aliases", actor_id=actor_id, alias=name, alias_key=key)
        return actor_id

    def named(self, actor_ids: set[str]) -> dict[str, tuple[str, str]]:
        """(name, kind) of each actor the book holds: every one a batch resolved to."""
        return {i: (self.identities[i][4], self.identities[i][0]) for i in actor_ids}

    def _remember(self, actor_id: str, identity: ActorIdentity, name: str) -> None:
        self.identities[actor_id] = (
            identity.kind,
            identity.country,
            identity.canonical_key,
            identity.keys,
            name,
        )
        for key in identity.keys:
            known = self.by_key.get(key, ())
            if actor_id not in known:
                self.by_key[key] = (*known, actor_id)


def _identity(actor: Actor) -> ActorIdentity:
    return ActorIdentity.of(str(actor.kind), actor.country, actor.name, actor.aliases)


class VersionBook:
    """Version numbers per URL (or source path) and the cluster of a URL's first version."""

    def __init__(self, database: Database, articles: list[Article]) -> None:
        self.counts: dict[tuple[str, str], int] = defaultdict(int)
        self.first_cluster: dict[str, str] = {}
        urls = [a.url for a in articles if a.url]
        sources = [a.source for a in articles if not a.url]
        rows = select_in(
            database,
            "SELECT url, version, cluster_id FROM articles WHERE url IN ({marks})",
            urls,
        )
        rows += select_in(
            database,
            "SELECT NULL AS url, source, version, cluster_id FROM articles"
            " WHERE url IS NULL AND source IN ({marks})",
            sources,
        )
        for row in sorted(rows, key=lambda r: r["version"]):
            self._count(row.get("url"), row.get("source", ""), row["cluster_id"])

    def next_version(self, article: Article) -> tuple[int, str | None]:
        """(version number, cluster of the URL's first version if it has one)."""
        key = _version_key(article.url, article.source)
        return self.counts[key] + 1, self.first_cluster.get(article.url or "")

    def _count(self, url: str | None, source: str, cluster_id: str) -> None:
        self.counts[_version_key(url, source)] += 1
        if url:
            self.first_cluster.setdefault(url, cluster_id)

    def add(self, article: Article, cluster_id: str) -> None:
        self._count(article.url, article.source, cluster_id)


def _version_key(url: str | None, source: str) -> tuple[str, str]:
    return ("url", url) if url else ("source", source)


class SituationBook:
    """Merged events a batch's reports could join: stored ones and those the batch adds.

    Stored candidates come from one query per batch, bounded by each report's type, place
    (or, without one, actor) and date window, so the cost of a merge does not grow with
    the number of stored events.
    """

    def __init__(
        self, database: Database, keys: list[EventKey], kept: EventIndex | None = None
    ) -> None:
        self.database = database
        self.kept = kept
        self.candidates: dict[tuple[str, str | None], list[dict[str, Any]]] = defaultdict(list)
        self.stored_ids: set[str] = set()
        self.filled: dict[str, dict[str, Any]] = {}  # stored events whose gaps this batch fills
        stored = kept.candidates(keys) if kept is not None else candidate_events(database, keys)
        rows = {row["id"]: row for row in stored}
        for row in sorted(rows.values(), key=lambda r: r["id"]):
            self.candidates[(row["type"], row["place_id"])].append(row)
            self.stored_ids.add(row["id"])

    def match(self, key: EventKey) -> dict[str, Any] | None:
        return next(
            (
                row
                for row in self.candidates[(key.type, key.place_id)]
                if key.matches(EventKey(**{f: row[f] for f in EventKey.__dataclass_fields__}))
            ),
            None,
        )

    def add(self, row: dict[str, Any]) -> None:
        self.candidates[(row["type"], row["place_id"])].append(row)
        if self.kept is not None:
            self.kept.remember(row)

    def fill(self, row: dict[str, Any], key: EventKey, counts: dict[str, int | None]) -> None:
        """A later report may name an actor, target, date or count the first one left out;
        where two reports count the dead or injured differently, the lower count stands
        (ACLED codes the most conservative report)."""
        gaps: dict[str, str | int] = {
            name: value for name in FILLED if row[name] is None and (value := getattr(key, name))
        }
        gaps |= {
            name: count
            for name, count in counts.items()
            if count is not None and (row[name] is None or count < row[name])
        }
        if not gaps:
            return
        row.update(gaps)  # a row added by this batch is inserted with the gaps filled
        if self.kept is not None:
            self.kept.remember(row)
        if row["id"] in self.stored_ids:
            self.filled[row["id"]] = row

    def write_fills(self) -> None:
        """Fill the stored events' gaps in one statement (`_update_by_id`)."""
        if not self.filled:
            return
        rows = [self.filled[key] for key in sorted(self.filled)]
        fields = {name: "TEXT" for name in ("id", *FILLED)} | dict.fromkeys(COUNTED, "INTEGER")
        kept = [f"{name} = COALESCE(situation_events.{name}, f.{name})" for name in FILLED]
        kept += [f"{name} = LEAST(situation_events.{name}, f.{name})" for name in COUNTED]
        _update_by_id(
            self.database,
            "situation_events",
            kept,
            fields,
            [[row[name] for row in rows] for name in fields],
        )
        self.filled.clear()


# The columns of a merged event that a later report may fill, and the counts in which the
# lower of two reports stands.
FILLED = ("actor_id", "target_id", "date_start", "date_end")
COUNTED = ("fatalities", "injured")
CANDIDATE_FIELDS = (
    "id", "type", "place_id", "actor_id", "target_id", "date_start", "date_end", "fatalities",
    "injured",
)  # fmt: skip
CANDIDATE_COLUMNS = ", ".join(f"e.{name}" for name in CANDIDATE_FIELDS)
START_FIELD, END_FIELD = CANDIDATE_FIELDS.index("date_start"), CANDIDATE_FIELDS.index("date_end")
# A report's window: (type, place or actor, earliest start, start, end), one array per
# field unnested side by side. Undated reports (no date and no publication day) have no
# window and see every event of their type there.
WINDOWS = (
    "SELECT unnest(CAST(? AS TEXT[])) AS type, unnest(CAST(? AS TEXT[])) AS anchor,"
    " unnest(CAST(? AS TEXT[])) AS floor, unnest(CAST(? AS TEXT[])) AS lo,"
    " unnest(CAST(? AS TEXT[])) AS hi"
)
IN_WINDOW = (
    "(w.lo IS NULL OR e.date_start IS NULL OR (e.date_start >= w.floor AND e.date_start <= w.hi"
    " AND COALESCE(e.date_end, e.date_start) >= w.lo))"
)


def candidate_events(database: Database, keys: list[EventKey]) -> list[dict[str, Any]]:
    """Stored merged events that any of `keys` could join (see `EventKey.matches`)."""
    windows = {
        (key.type, key.place_id, key.actor_id, *_window(key))
        for key in keys
        if key.place_id is not None or key.actor_id is not None
    }
    rows: list[dict[str, Any]] = []
    for placed, anchor in (
        (True, "e.place_id = w.anchor"),
        # With no place, only a shared actor anchors a match.
        (False, "e.place_id IS NULL AND e.actor_id = w.anchor"),
    ):
        chosen = sorted((w for w in windows if (w[1] is not None) == placed), key=str)
        if not chosen:
            continue
        columns = [
            [kind for kind, *_ in chosen],
            [place if placed else actor for _, place, actor, *_ in chosen],
            *([w[i] for w in chosen] for i in (3, 4, 5)),
        ]
        rows += database.query(
            f"SELECT {CANDIDATE_COLUMNS} FROM situation_events e JOIN ({WINDOWS}) w"
            f" ON e.type = w.type AND {anchor} AND {IN_WINDOW}",
            columns,
        )
    return rows


Anchor = tuple[str | None, ...]
# An anchor's dated events by last day, sorted (the days, and their events' ids beside them),
# and its undated events' ids.
AnchorDays = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
NO_DAYS: AnchorDays = ((), (), ())


class EventIndex:
    """Every stored merged event that can take reports (one with a place or an actor), kept
    in memory by a single writer between batches, as `ActorBook` keeps actors: the
    candidates of a batch come from it with the rules of `candidate_events`, where the query
    would scan the `type` and `place_id` columns of every stored event.

    Only tuples of strings and one dict of them, which the garbage collector stops tracking:
    a container per anchor (26,000 anchors at 55,000 articles, 105,000 tracked objects) made
    every full collection of the writer walk them, a cost that grew with the store.
    """

    def __init__(self) -> None:
        # The values of each event under its anchor: (type, place) for placed events,
        # (type, None, actor) for the others.
        self.events: KeptDict[tuple[Anchor, str], tuple[Any, ...]] = KeptDict()
        self.days: KeptDict[Anchor, AnchorDays] = KeptDict()

    @classmethod
    def load(cls, database: Database) -> EventIndex:
        index = cls()
        for row in database.stream(
            f"SELECT {CANDIDATE_COLUMNS} FROM situation_events e"
            " WHERE e.place_id IS NOT NULL OR e.actor_id IS NOT NULL"
        ):
            index.remember(row)
        return index

    def remember(self, row: dict[str, Any]) -> None:
        """Add or update one merged event (a dict with the `CANDIDATE_COLUMNS`)."""
        anchor = _anchor(row["type"], row["place_id"], row["actor_id"])
        if anchor is None:
            return
        # Interned: the same few types, places, actors and days recur in many events.
        values = tuple(
            sys.intern(value) if isinstance(value, str) and name != "id" else value
            for name, value in ((name, row[name]) for name in CANDIDATE_FIELDS)
        )
        event_id: str = row["id"]
        days, ids, undated = self.days.get(anchor, NO_DAYS)
        old = self.events.get((anchor, event_id))
        if old is not None:
            if old[START_FIELD] is None:
                at = undated.index(event_id)
                undated = undated[:at] + undated[at + 1 :]
            else:
                at = ids.index(event_id, bisect_left(days, _last_day(old)))
                days, ids = days[:at] + days[at + 1 :], ids[:at] + ids[at + 1 :]
        self.events[(anchor, event_id)] = values
        if values[START_FIELD] is None:
            undated += (event_id,)
        else:
            day = _last_day(values)
            at = bisect_right(days, day)
            days, ids = (*days[:at], day, *days[at:]), (*ids[:at], event_id, *ids[at:])
        self.days[anchor] = (days, ids, undated)

    def candidates(self, keys: list[EventKey]) -> list[dict[str, Any]]:
        """What `candidate_events` would return for `keys`."""
        found: dict[str, dict[str, Any]] = {}
        for key in keys:
            anchor = _anchor(key.type, key.place_id, key.actor_id)
            if anchor is None or anchor not in self.days:
                continue
            days, ids, undated = self.days[anchor]
            floor, low, high = _window(key)
            # A report's window only reaches events that end on or after its first day, so
            # a busy place's past is skipped.
            reaching = (
                chain(undated, ids)
                if low is None
                else chain(undated, ids[bisect_left(days, low) :])
            )
            for event_id in reaching:
                values = self.events[(anchor, event_id)]
                # A row is built only for an event in the window, not for every one here.
                start, end = values[START_FIELD], values[END_FIELD]
                if event_id not in found and _in_window(start, end, floor, low, high):
                    found[event_id] = dict(zip(CANDIDATE_FIELDS, values, strict=True))
        return list(found.values())


def _last_day(values: tuple[Any, ...]) -> str:
    return sys.intern(str(values[END_FIELD] or values[START_FIELD]))


def _anchor(kind: str, place_id: str | None, actor_id: str | None) -> Anchor | None:
    if place_id is not None:
        return (kind, place_id)
    return (kind, None, actor_id) if actor_id is not None else None


def _in_window(
    start: str | None, end: str | None, floor: str | None, low: str | None, high: str | None
) -> bool:
    """`IN_WINDOW` in Python for an event's (start, end) (a comparison with NULL is false
    there too)."""
    if low is None or start is None:
        return True
    return (
        floor is not None and high is not None and floor <= start <= high and (end or start) >= low
    )


def _window(key: EventKey) -> tuple[str | None, str | None, str | None]:
    """(earliest start of a candidate, the report's start, its end) as ISO days."""
    if key.date_start is None:
        return None, None, None
    try:
        floor = (date.fromisoformat(key.date_start) - MERGE_WINDOW).isoformat()
    except ValueError:
        floor = None
    return floor, key.date_start, key.date_end or key.date_start


class StoryBook:
    """Which source cluster each body of a batch joins: the cluster of its most similar
    stored (or earlier in the batch) near-duplicate, found through shared LSH band keys
    in `story_bands`, else a new cluster named after the article."""

    def __init__(self, database: Database, signatures: dict[str, MinHash]) -> None:
        self.keys = {article_id: band_keys(sig) for article_id, sig in signatures.items()}
        self.by_key: dict[int, set[str]] = defaultdict(set)
        self.signatures: dict[str, MinHash] = {}
        self.clusters: dict[str, str] = {}
        # The shared bands first (a scan of integers), then only those articles: a join would
        # read every stored article's signature.
        shared = select_in(
            database,
            "SELECT band_key, article_id FROM story_bands WHERE band_key IN ({marks})",
            {key for keys in self.keys.values() for key in keys},
        )
        for row in shared:
            self.by_key[row["band_key"]].add(row["article_id"])
        for row in select_in(
            database,
            "SELECT id, cluster_id, minhash FROM articles WHERE id IN ({marks})",
            {row["article_id"] for row in shared},
        ):
            self.signatures[row["id"]] = minhash_from_values(json.loads(row["minhash"]))
            self.clusters[row["id"]] = row["cluster_id"]

    def cluster_for(self, article_id: str, signature: MinHash) -> str:
        candidates = {c for key in self.keys[article_id] for c in self.by_key.get(key, ())}
        candidates.discard(article_id)
        if not candidates:
            return article_id
        best = max(candidates, key=lambda c: (signature.jaccard(self.signatures[c]), c))
        return self.clusters[best]

    def add(self, pending: PendingRows, article_id: str, signature: MinHash, cluster: str) -> None:
        self.signatures[article_id] = signature
        self.clusters[article_id] = cluster
        for key in self.keys[article_id]:
            self.by_key[key].add(article_id)
            pending.add("story_bands", article_id=article_id, band_key=key)


class BatchWriter:
    """Turns a batch of articles and errors into rows, then writes them in bulk; the caller
    holds the transaction and calls `forget` when it rolls back. Everything it knows of
    stored rows it looks up per batch, except that a single writer keeps its actor book and
    its merge candidates between batches (`ActorBook`, `EventIndex`), so that what an article
    costs to store does not grow with the actors and events stored."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.kept_actors: ActorBook | None = None
        self.kept_events: EventIndex | None = None

    def forget(self) -> None:
        """Drop what was learnt during a transaction that did not commit."""
        self.kept_actors = None
        self.kept_events = None

    def write(self, articles: list[Article], errors: list[DocumentError]) -> None:
        pending = PendingRows()
        for error in errors:
            _add_error(pending, error)
        actors = self._actor_book(a for article in articles for a in article.actors)
        versions = VersionBook(self.database, articles)
        resolved = []
        for article in articles:
            ids = ArticleIds(
                actors={a.id: actors.resolve(a, pending) for a in article.actors},
                places={p.id: _add_place(pending, p) for p in article.places},
            )
            resolved.append(ids)
        situations = SituationBook(
            self.database,
            [
                _event_key(event, ids, _publication_day(article))
                for article, ids in zip(articles, resolved, strict=True)
                for event in article.events
            ],
            self._event_index(),
        )
        signatures = {article.id: body_minhash(article.body) for article in articles}
        stories = StoryBook(self.database, signatures)
        for article, ids in zip(articles, resolved, strict=True):
            self._add_article(pending, article, ids, versions, situations, stories, signatures)
        new = self.database.row_marks(NEW_ROW_TABLES)
        # A whole actor book knows which actor rows are new; a partial one leaves that to
        # the database's key check.
        actor_additions = _actor_additions(pending)
        place_additions = _place_additions(pending)
        pending.flush(self.database, new_rows=ACTOR_TABLES if self.kept_actors is not None else ())
        situations.write_fills()
        _update_actors(self.database, actor_additions)
        _update_places(self.database, place_additions)
        if articles:
            written = [article.id for article in articles]
            held = {article.id: article for article in articles}
            found = record_contradictions(
                self.database,
                written,
                new,
                lambda article_id: [asdict(r) for r in held[article_id].references],
                actors.named,
            )
            for table, rows in found.items():
                for row in rows:
                    pending.add(table, **row)
            pending.flush(self.database)

    def _event_index(self) -> EventIndex | None:
        if not self.database.single_writer:
            return None
        if self.kept_events is None:
            self.kept_events = _kept_for_life(EventIndex.load(self.database))
        return self.kept_events

    def _actor_book(self, actors: Iterable[Actor]) -> ActorBook:
        if not self.database.single_writer:
            return ActorBook.load(self.database, {k for a in actors for k in _identity(a).keys})
        if self.kept_actors is None:
            self.kept_actors = _kept_for_life(ActorBook.load(self.database, None))
        return self.kept_actors

    def _add_article(
        self,
        pending: PendingRows,
        article: Article,
        ids: ArticleIds,
        versions: VersionBook,
        situations: SituationBook,
        stories: StoryBook,
        signatures: dict[str, MinHash],
    ) -> None:
        day = _publication_day(article)
        signature = signatures[article.id]
        version, url_cluster = versions.next_version(article)
        cluster_id = url_cluster or stories.cluster_for(article.id, signature)
        source_id = None
        if article.outlet:
            source_id = hash_id("source", name_key(article.outlet))
            pending.add("sources", id=source_id, name=article.outlet)
        pending.add(
            "articles",
            id=article.id,
            source=article.source,
            url=article.url,
            version=version,
            source_id=source_id,
            title=article.title,
            outlet=article.outlet,
            published=article.published.isoformat() if article.published else None,
            date_start=day,
            input_kind=str(article.input_kind),
            language=article.language,
            authors=json.dumps(article.authors),
            cluster_id=cluster_id,
            minhash=json.dumps([int(v) for v in signature.hashvalues]),
            stored_at=now(),
        )
        for table, rows in _payload_rows(self.database, article):
            for row in rows:
                pending.add(table, **row)
        versions.add(article, cluster_id)
        stories.add(pending, article.id, signature, cluster_id)
        _add_mentions(pending, article, ids)
        _add_quotes(pending, article, ids)
        _add_claims(pending, article, ids, day)
        for event in article.events:
            ids.events[event.id] = _add_event(pending, situations, article, event, ids, day)
        _add_control_changes(pending, article, ids, day)


Kept = TypeVar("Kept", ActorBook, EventIndex)


def _kept_for_life(book: Kept) -> Kept:
    """A book a single writer keeps, moved out of the collector's sight (`gc.freeze`).

    Its containers grow with the store and live as long as the writer, yet every full
    collection walked them: at 60,000 articles the ten full collections of 1,000 articles
    took 4.1 s, and 1.2 s once frozen (wall time, on a loaded machine). They are frozen
    when loaded, empty or not, and stay frozen as they grow (`KeptDict`). Freezing also
    keeps whatever else the process holds at that moment (its modules, the language
    model): objects meant to live as long.
    """
    gc.collect()  # garbage is not kept
    gc.freeze()
    return book


def _payload_rows(database: Database, article: Article) -> list[PayloadRows]:
    # The original is a part of its own, read only by the endpoint that serves it.
    data = article.to_dict()
    del data["original"]
    rows = [payload_rows(database, article.id, ARTICLE, json.dumps(data, ensure_ascii=False))]
    if article.original is not None:
        rows.append(payload_rows(database, article.id, ORIGINAL, article.original))
    return rows


def _publication_day(article: Article) -> str | None:
    return article.published.date().isoformat() if article.published else None


def _add_error(pending: PendingRows, error: DocumentError) -> None:
    pending.add(
        "errors",
        id=hash_id(error.source, error.code, error.content_hash),
        source=error.source,
        code=str(error.code),
        message=error.message,
        content_hash=error.content_hash,
        recorded_at=now(),
    )


def _add_place(pending: PendingRows, place: Place) -> str:
    place_id = place_key(place.geonames_id, place.name)
    pending.add(
        "places",
        id=place_id,
        name=place.name,
        geonames_id=place.geonames_id,
        latitude=place.latitude,
        longitude=place.longitude,
        country=place.country,
        feature_class=place.feature_class,
        feature_code=place.feature_code,
        location_precision=str(place.precision),
    )
    return place_id


def _add_mentions(pending: PendingRows, article: Article, ids: ArticleIds) -> None:
    named: list[tuple[str, str, Span, str | None]] = [
        (entity, mapping[item.id], m, _mention_kind(item))
        for entity, items, mapping in (
            ("actor", article.actors, ids.actors),
            ("place", article.places, ids.places),
        )
        for item in items
        for m in item.mentions
    ]
    # A role phrase bound to a person ("the president") is stored as that person's mention
    # of kind "role": the actor's counts and the article's mentions keep it.
    named += [
        ("actor", actor_id, Span(r.start, r.end, r.text), str(ReferenceKind.ROLE))
        for r in article.role_references()
        if (actor_id := ids.actors.get(r.actor_id or "")) is not None
    ]
    for entity, entity_id, m, kind in named:
        pending.add(
            "mentions",
            id=hash_id(article.id, entity, m.start, m.end),
            article_id=article.id,
            entity=entity,
            entity_id=entity_id,
            start_offset=m.start,
            end_offset=m.end,
            text=m.text,
            kind=kind,
        )


def _actor_additions(pending: PendingRows) -> dict[str, tuple[int, int, str | None]]:
    """(mentions, articles, new aliases) per actor that a batch's new rows add: what the
    actor row keeps (migration 008) so that the actors page reads no other table."""
    mentions = [m for m in pending.rows("mentions") if m["entity"] == "actor"]
    counted = Counter(m["entity_id"] for m in mentions)
    articles = Counter(actor for _, actor in {(m["article_id"], m["entity_id"]) for m in mentions})
    aliases: dict[str, list[str]] = defaultdict(list)
    for row in pending.rows("actor_aliases"):
        aliases[row["actor_id"]].append(row["alias"].replace(ALIAS_SEPARATOR, " "))
    return {
        actor: (counted[actor], articles[actor], ALIAS_SEPARATOR.join(aliases[actor]) or None)
        for actor in sorted(counted.keys() | aliases.keys())
    }


def _update_actors(database: Database, additions: dict[str, tuple[int, int, str | None]]) -> None:
    """Add a batch's counts and aliases to its actors' rows in one statement."""
    if not additions:
        return
    ids = list(additions)
    _update_by_id(
        database,
        "actors",
        [
            "mentions = COALESCE(actors.mentions, 0) + f.mentions",
            "articles = COALESCE(actors.articles, 0) + f.articles",
            "aliases = CASE WHEN f.aliases IS NULL THEN actors.aliases"
            " WHEN actors.aliases IS NULL THEN f.aliases"
            " ELSE actors.aliases || chr(31) || f.aliases END",
        ],
        {"id": "TEXT", "mentions": "INTEGER", "articles": "INTEGER", "aliases": "TEXT"},
        [ids, *([additions[i][n] for i in ids] for n in range(3))],
    )


def _place_additions(pending: PendingRows) -> dict[str, tuple[int, int]]:
    """(mentions, literal mentions) per place that a batch's new rows add (migration 010)."""
    mentions = [m for m in pending.rows("mentions") if m["entity"] == "place"]
    counted = Counter(m["entity_id"] for m in mentions)
    literal = Counter(m["entity_id"] for m in mentions if m["kind"] == PlaceKind.LITERAL.value)
    return {place: (counted[place], literal[place]) for place in sorted(counted)}


def _update_places(database: Database, additions: dict[str, tuple[int, int]]) -> None:
    """Add a batch's counts to its places' rows in one statement."""
    if not additions:
        return
    ids = list(additions)
    _update_by_id(
        database,
        "places",
        [
            "mentions = COALESCE(places.mentions, 0) + f.mentions",
            "literal_mentions = COALESCE(places.literal_mentions, 0) + f.literal_mentions",
        ],
        {"id": "TEXT", "mentions": "INTEGER", "literal_mentions": "INTEGER"},
        [ids, *([additions[i][n] for i in ids] for n in range(2))],
    )


def _update_by_id(
    database: Database,
    table: str,
    assignments: list[str],
    columns: dict[str, str],
    values: list[list[Any]],
) -> None:
    """One UPDATE of many rows of `table` found by id: `values` holds one list per column of
    `columns` (name -> SQL type, "id" among them), unnested side by side as `f`, which the
    `assignments` read. DuckDB finds each row by a scan of the ids, so one statement per row
    would cost a scan each."""
    unnested = ", ".join(f"unnest(CAST(? AS {kind}[])) AS {name}" for name, kind in columns.items())
    database.execute(
        f"UPDATE {table} SET {', '.join(assignments)} FROM (SELECT {unnested}) f"
        f" WHERE {table}.id = f.id",
        values,
    )


def _mention_kind(item: Actor | Place) -> str | None:
    return item.kind.value if isinstance(item, Place) else None


def _passage(article: Article, kind: str, index: int, span: Quote | Claim) -> dict[str, Any]:
    """The columns a quote and a claim share: which article, where, and the words."""
    return {
        "id": hash_id(article.id, kind, index),
        "article_id": article.id,
        "position": index,
        "text": span.text,
        "start_offset": span.start,
        "end_offset": span.end,
    }


def _add_quotes(pending: PendingRows, article: Article, ids: ArticleIds) -> None:
    for index, quote in enumerate(article.quotes):
        pending.add(
            "quotes",
            **_passage(article, "quote", index, quote),
            direct=quote.direct,
            speaker=quote.speaker,
            speaker_actor_id=ids.actors.get(quote.speaker_actor_id or ""),
            channel=quote.channel,
        )


def _add_claims(pending: PendingRows, article: Article, ids: ArticleIds, day: str | None) -> None:
    for index, claim in enumerate(article.claims):
        pending.add(
            "claims",
            **_passage(article, "claim", index, claim),
            source_type=str(claim.source.type),
            source_name=claim.source.name,
            source_actor_id=ids.actors.get(claim.source.actor_id or ""),
            certainty=str(claim.certainty),
            hedge=claim.hedge,
            date_start=day,
        )


def _stored_precision(when: EventDate | None, day: str | None) -> str | None:
    """An undated event is stored on its article's publication day (`_day_range`), for the
    map and the window; its precision says so rather than claim that day."""
    if when is not None:
        return str(when.precision)
    return str(DatePrecision.PUBLICATION) if day is not None else None


def _day_range(when: EventDate | None, day: str | None) -> tuple[str | None, str | None]:
    if when is None:
        return day, day
    return when.start.isoformat(), when.end.isoformat()


def _event_key(event: Event, ids: ArticleIds, day: str | None) -> EventKey:
    start, end = _day_range(event.date, day)
    return EventKey(
        event.type,
        ids.places.get(event.place_id or ""),
        ids.actors.get(event.actor_id or ""),
        ids.actors.get(event.target_id or ""),
        start,
        end,
    )


def _add_event(
    pending: PendingRows,
    situations: SituationBook,
    article: Article,
    event: Event,
    ids: ArticleIds,
    day: str | None,
) -> str:
    """Add one report and attach it to the merged event it matches (or a new one)."""
    report_id = hash_id(article.id, "event", event.id)
    key = _event_key(event, ids, day)
    start, end = key.date_start, key.date_end
    # The columns a situation event and each of its reports share.
    coded = {
        "type": event.type,
        "mode": event.mode,
        "actor_id": key.actor_id,
        "target_id": key.target_id,
        "place_id": key.place_id,
        "date_start": start,
        "date_end": end,
        "date_precision": _stored_precision(event.date, day),
        "acled_type": event.acled_type,
        "acled_subtype": event.acled_subtype,
        "fatalities": event.fatalities,
        "injured": event.injured,
    }
    situation = situations.match(key)
    if situation is None:
        situation = pending.add("situation_events", id=report_id, **coded)
        situations.add(situation)
    else:
        situations.fill(situation, key, {name: getattr(event, name) for name in COUNTED})
    claim = (
        article.claims[event.claim_index]
        if event.claim_index is not None and 0 <= event.claim_index < len(article.claims)
        else None
    )
    pending.add(
        "event_reports",
        id=report_id,
        article_id=article.id,
        local_id=event.id,
        situation_event_id=situation["id"],
        **coded,
        status=str(event.status),
        trigger_text=event.trigger,
        source_type=str(claim.source.type) if claim else OUTLET_SOURCE,
        source_name=claim.source.name if claim else article.outlet,
        confidence=event.confidence,
        evidence_start=event.evidence.start,
        evidence_end=event.evidence.end,
        evidence_text=event.evidence.text,
        claim_position=event.claim_index if claim else None,
    )
    return report_id


def _add_control_changes(
    pending: PendingRows, article: Article, ids: ArticleIds, day: str | None
) -> None:
    for index, change in enumerate(article.control_changes):
        place_id = ids.places.get(change.place_id)
        if place_id is None:
            continue  # a change must name a stored place to be queried by place
        start, end = _day_range(change.date, day)
        pending.add(
            "control_changes",
            id=hash_id(article.id, "control", index),
            article_id=article.id,
            position=index,
            place_id=place_id,
            from_actor_id=ids.actors.get(change.from_actor_id or ""),
            to_actor_id=ids.actors.get(change.to_actor_id or ""),
            date_start=start,
            date_end=end,
            partial=change.partial,
            confidence=change.confidence,
            event_report_id=ids.events.get(change.event_id or ""),
            evidence_start=change.evidence.start,
            evidence_end=change.evidence.end,
            evidence_text=change.evidence.text,
        )

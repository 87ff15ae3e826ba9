"""Claims that cannot both hold, each with both sides' sources.

Computed when articles are stored, for what the new articles touch, and kept in the
`contradictions` table, so reading them is one query. Three kinds:

- `control`: one place taken by two different sides on the same day, reported by
  different independent sources (one source telling a sequence is not a conflict).
- `location`: one person placed in two places on the same day, where neither place
  contains the other ("remains in Damascus" vs "he's in Tehran"). The person is the
  last one the claim names before the place: by name, or by a pronoun or description
  that the article's reference resolution (`sitrep.extract.reference`, the one quotes
  and events read, kept in the stored record as `references`) resolved to a named
  person. Each placement is kept in `presences`, so a later article's placements are
  compared by lookup; one pair per (source cluster, place) on each side.
- `status`: one merged event reported as happening by one report and denied by another.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from typing import Any

from sitrep import lexicon
from sitrep.store.api import Row
from sitrep.store.db import Database, RowMarks, select_in
from sitrep.store.merge import hash_id
from sitrep.store.payloads import ARTICLE, read_payload
from sitrep.store.views import CLAIMS, CONTROL_CHANGES, EVENT_REPORTS

# How far a presence cue may stand before the place name it introduces.
CUE_REACH = 12
BROAD_PRECISIONS = frozenset({"country", "region", "admin"})
NewRows = dict[str, list[Row]]


# The tables whose rows of the new articles are read back (`new` marks where they start).
NEW_ROW_TABLES = ("articles", "mentions", "claims", "event_reports", "control_changes")


def record_contradictions(
    database: Database,
    article_ids: list[str],
    new: RowMarks | None = None,
    references: Callable[[str], list[Row]] | None = None,
    actors: Callable[[set[str]], dict[str, tuple[str, str]]] | None = None,
) -> NewRows:
    """The contradictions (and presences) that the just-written `article_ids` add, as rows
    for the `contradictions` and `presences` tables. Their own rows must be written; `new`,
    if given, marks where their rows start in `NEW_ROW_TABLES`, so only those are read;
    `references` gives an article's resolved references by its id, if the caller holds
    them (else the stored record is read), and is asked only where a claim needs it;
    `actors` gives (name, kind) of the actors they mention, if the caller holds them (else
    the actors table is read: on DuckDB, a scan of every stored actor's id)."""
    new = new or RowMarks()
    presences = _presences(
        database,
        article_ids,
        new,
        references or partial(_stored_references, database),
        actors or partial(_stored_actors, database),
    )
    return {
        "presences": [p.row() for p in presences],
        "contradictions": [
            *_control_conflicts(database, article_ids, new),
            *_location_conflicts(database, presences),
            *_status_conflicts(database, article_ids, new),
        ],
    }


def _side(row: Row, text_key: str = "text") -> Row:
    return {
        "text": row[text_key],
        "article_id": row["article_id"],
        # Where the side stands in its article's body, so a reader can be shown the sentence.
        "start": row.get("start", row.get("evidence_start")),
        "end": row.get("end", row.get("evidence_end")),
        "outlet": row.get("outlet"),
        "url": row.get("url"),
        "source": row.get("source"),
        "source_type": row.get("source_type"),
        "source_name": row.get("source_name"),
        "date_start": row.get("date_start"),
    }


def _contradiction(
    kind: str,
    subject: str | None,
    day: str | None,
    sides: tuple[Row, Row],
    places: tuple[str | None, str | None],
    actors: tuple[str | None, str | None],
    key: str | None = None,
) -> Row:
    first, second = sides
    return {
        "id": key or f"{kind}:{first['id']}~{second['id']}",
        "kind": kind,
        "subject": subject,
        "day": day,
        "place_id": places[0],
        "other_place_id": places[1],
        "actor_id": actors[0],
        "other_actor_id": actors[1],
        "claim": json.dumps(first, ensure_ascii=False, default=str),
        "contradiction": json.dumps(second, ensure_ascii=False, default=str),
    }


def _by_id(database: Database, select: str, column: str, values: set[Any]) -> dict[str, Row]:
    """The rows of `select` whose `column` is one of `values`, by id. The sides of a pair are
    fetched by `Database.row_key` where the pair's query gave it: by id, DuckDB would read
    the whole id column of a table that grows with the store."""
    return {
        row["id"]: row
        for row in select_in(database, f"{select} WHERE {column} IN ({{marks}})", values)
    }


def _control_conflicts(database: Database, article_ids: list[str], new: RowMarks) -> list[Row]:
    pairs = select_in(
        database,
        f"SELECT n.id AS new_id, o.id AS old_id, n.{database.row_key} AS new_key,"
        f" o.{database.row_key} AS old_key FROM control_changes n"
        " JOIN control_changes o ON o.place_id = n.place_id AND o.date_start = n.date_start"
        " AND o.id <> n.id AND o.to_actor_id <> n.to_actor_id"
        " JOIN articles an ON an.id = n.article_id JOIN articles ao ON ao.id = o.article_id"
        " WHERE an.cluster_id <> ao.cluster_id AND n.article_id IN ({marks})"
        + new.since("control_changes", "n")
        + new.since("articles", "an"),
        article_ids,
    )
    rows = _by_id(
        database,
        CONTROL_CHANGES,
        f"c.{database.row_key}",
        {pair[k] for pair in pairs for k in ("new_key", "old_key")},
    )
    found = []
    for pair in pairs:
        # Sides in reading order, so a pair found from either article is one row.
        first, second = sorted(
            (rows[pair["new_id"]], rows[pair["old_id"]]),
            key=lambda r: (r["article_id"], r["position"]),
        )
        found.append(
            _contradiction(
                "control",
                first["place"],
                first["date_start"],
                (
                    _side(first, "evidence") | {"id": first["id"], "holder": first["to_actor"]},
                    _side(second, "evidence") | {"id": second["id"], "holder": second["to_actor"]},
                ),
                (first["place_id"], None),
                (first["to_actor_id"], second["to_actor_id"]),
            )
        )
    return found


def _status_conflicts(database: Database, article_ids: list[str], new: RowMarks) -> list[Row]:
    pairs = select_in(
        database,
        "SELECT CASE WHEN n.status = 'asserted' THEN n.id ELSE o.id END AS asserted_id,"
        " CASE WHEN n.status = 'asserted' THEN o.id ELSE n.id END AS negated_id,"
        f" n.row_key AS new_key, o.{database.row_key} AS old_key,"
        " e.type, e.date_start, e.place_id, e.actor_id, e.target_id, p.name AS place"
        # The new reports first, then only the events they joined.
        f" FROM (SELECT id, {database.row_key} AS row_key, status, situation_event_id"
        " FROM event_reports"
        " WHERE article_id IN ({marks}) AND status IN ('asserted', 'negated')"
        + new.since("event_reports", "event_reports")
        + ") n"
        " JOIN event_reports o ON o.situation_event_id = n.situation_event_id AND o.id <> n.id"
        " JOIN situation_events e ON e.id = n.situation_event_id"
        " LEFT JOIN places p ON p.id = e.place_id"
        " WHERE (n.status = 'asserted' AND o.status = 'negated')"
        " OR (n.status = 'negated' AND o.status = 'asserted')",
        article_ids,
    )
    keys = {pair[k] for pair in pairs for k in ("new_key", "old_key")}
    reports = _by_id(database, EVENT_REPORTS, f"r.{database.row_key}", keys)
    return [
        _contradiction(
            "status",
            f"{pair['type']} {pair['place'] or ''}".strip(),
            pair["date_start"],
            tuple(  # type: ignore[arg-type]
                _side(r) | {"id": r["id"], "status": r["status"]}
                for r in (reports[pair["asserted_id"]], reports[pair["negated_id"]])
            ),
            (pair["place_id"], None),
            (pair["actor_id"], pair["target_id"]),
        )
        for pair in pairs
    ]


@dataclass(slots=True, frozen=True)
class Presence:
    """A person placed in a place on a day by one claim."""

    claim_id: str
    article_id: str
    actor_id: str
    actor: str
    day: str
    place_id: str
    place: str
    country: str | None
    precision: str | None
    cluster_id: str

    def row(self) -> Row:
        return {
            "claim_id": self.claim_id,
            "article_id": self.article_id,
            "actor_id": self.actor_id,
            "actor": self.actor,
            "day": self.day,
            "place_id": self.place_id,
            "place": self.place,
            "country": self.country,
            "location_precision": self.precision,
            "cluster_id": self.cluster_id,
        }

    def apart_from(self, other: Presence) -> bool:
        """Two places one person cannot be in at once: different, neither inside the other."""
        if self.place_id == other.place_id:
            return False
        if self.country != other.country:
            return True
        return not ({self.precision, other.precision} & BROAD_PRECISIONS)


def _location_conflicts(database: Database, new: list[Presence]) -> list[Row]:
    if not new:
        return []
    stored = [
        Presence(**{k if k != "location_precision" else "precision": v for k, v in row.items()})
        for row in select_in(
            database,
            "SELECT * FROM presences WHERE actor_id IN ({marks})",
            {p.actor_id for p in new},
        )
    ]
    known: dict[tuple[str, str], list[Presence]] = defaultdict(list)
    for presence in stored:
        known[(presence.actor_id, presence.day)].append(presence)
    pairs = []
    for presence in new:
        group = known[(presence.actor_id, presence.day)]
        pairs += [(other, presence) for other in group if other.claim_id != presence.claim_id]
        group.append(presence)
    pairs = [(first, second) for first, second in pairs if first.apart_from(second)]
    claims = _by_id(database, CLAIMS, "c.id", {p.claim_id for pair in pairs for p in pair})
    found: dict[str, Row] = {}
    for first, second in pairs:
        # A republished story repeats its claim: one pair per source cluster and place.
        sides = sorted({(first.cluster_id, first.place_id), (second.cluster_id, second.place_id)})
        key = f"location:{hash_id(first.actor_id, first.day, *sides)}"
        found.setdefault(
            key,
            _contradiction(
                "location",
                first.actor,
                first.day or None,
                tuple(  # type: ignore[arg-type]
                    _side(claims[p.claim_id]) | {"id": p.claim_id, "place": p.place}
                    for p in (first, second)
                ),
                (first.place_id, second.place_id),
                (first.actor_id, None),
                key,
            ),
        )
    return list(found.values())


def _presences(
    database: Database,
    article_ids: list[str],
    new: RowMarks,
    references_of: Callable[[str], list[Row]],
    actors_named: Callable[[set[str]], dict[str, tuple[str, str]]],
) -> list[Presence]:
    claims = select_in(
        database,
        f"{CLAIMS} WHERE c.article_id IN ({{marks}})"
        + new.since("claims", "c")
        + new.since("articles", "a"),
        article_ids,
    )
    claims.sort(key=lambda c: (c["date_start"] or "", c["article_id"], c["position"]))
    mentions = _mentions(database, article_ids, new, actors_named)
    cue = _cue_pattern()
    references: dict[str, list[Row]] = {}  # per article, asked once and only where a cue needs it
    found = []
    for claim in claims:
        article_mentions = mentions.get(claim["article_id"], [])
        places = [
            m
            for m in article_mentions
            if m["entity"] == "place" and claim["start"] <= m["start"] and m["end"] <= claim["end"]
        ]
        for place in places:
            before = claim["text"][: place["start"] - claim["start"]][-CUE_REACH - 20 :]
            if not cue.search(before):
                continue
            if claim["article_id"] not in references:
                references[claim["article_id"]] = references_of(claim["article_id"])
            person = _subject(
                article_mentions, references[claim["article_id"]], claim, place["start"]
            )
            if person is not None:
                found.append(
                    Presence(
                        claim["id"],
                        claim["article_id"],
                        person["entity_id"],
                        person["name"],
                        claim["date_start"] or "",
                        place["place_id"],
                        place["place_name"],
                        place["country"],
                        place["precision"],
                        claim["cluster_id"],
                    )
                )
    return found


def _subject(
    mentions: list[Row], references: list[Row], claim: Row, place_start: int
) -> Row | None:
    """The person mention the claim names last before the place: a name, or a pronoun or
    description whose resolved antecedent is a named person's mention."""
    people = {
        (m["start"], m["end"]): m
        for m in mentions
        if m["entity"] == "actor" and m["kind"] == "person"
    }
    found = [
        (start, person)
        for (start, end), person in people.items()
        if claim["start"] <= start and end <= place_start
    ]
    for reference in references:
        person = people.get((reference["antecedent_start"], reference["antecedent_end"]))
        within = claim["start"] <= reference["start"] and reference["end"] <= place_start
        if person is not None and within:
            found.append((reference["start"], person))
    return max(found, key=lambda pair: pair[0])[1] if found else None


def _stored_references(database: Database, article_id: str) -> list[Row]:
    """An article's resolved pronouns and descriptions, as its stored record holds them."""
    record = read_payload(database, article_id, ARTICLE)
    return list(json.loads(record).get("references", [])) if record else []


def _mentions(
    database: Database,
    article_ids: list[str],
    new: RowMarks,
    actors_named: Callable[[set[str]], dict[str, tuple[str, str]]],
) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    rows = select_in(
        database,
        # The new articles' mentions first, then only the places they name.
        "WITH m AS (SELECT article_id, entity, entity_id, start_offset, end_offset"
        " FROM mentions WHERE article_id IN ({marks})" + new.since("mentions", "mentions") + ")"
        " SELECT m.article_id, m.entity, m.entity_id, m.start_offset AS start,"
        ' m.end_offset AS "end", p.id AS place_id, p.name AS place_name,'
        " p.country, p.location_precision AS precision FROM m"
        " LEFT JOIN (SELECT id, name, country, location_precision FROM places"
        " WHERE id IN (SELECT entity_id FROM m)) p ON p.id = m.entity_id",
        article_ids,
    )
    named = actors_named({row["entity_id"] for row in rows if row["entity"] == "actor"})
    for row in sorted(rows, key=lambda r: (r["article_id"], r["start"])):
        row["name"], row["kind"] = named.get(row["entity_id"], (None, None))
        grouped[row["article_id"]].append(row)
    return grouped


def _stored_actors(database: Database, actor_ids: set[str]) -> dict[str, tuple[str, str]]:
    rows = select_in(database, "SELECT id, name, kind FROM actors WHERE id IN ({marks})", actor_ids)
    return {row["id"]: (row["name"], row["kind"]) for row in rows}


@cache
def _cue_pattern() -> re.Pattern[str]:
    cues = sorted(lexicon.words("store/presence_cues.txt"), key=len, reverse=True)
    alternatives = "|".join(
        (r"\b" if cue[0].isalnum() else "") + re.escape(cue).replace(r"\ ", r"\s+") for cue in cues
    )
    return re.compile(rf"(?:{alternatives})\s+(?:the\s+)?[\w'’. -]{{0,{CUE_REACH}}}$", re.I)

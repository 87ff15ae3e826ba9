"""Claims that cannot both hold, each with both sides' sources.

Three kinds, computed on read from the stored rows so they follow every ingest:

- `control`: one place taken by two different sides on the same day, reported by
  different independent sources (one source telling a sequence is not a conflict).
- `location`: one person placed in two places on the same day, where neither place
  contains the other ("remains in Damascus" vs "he's in Tehran"). The person is the
  one named in the claim, else the last one named just before it.
- `status`: one merged event reported as happening by one report and denied by another.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from sitrep import lexicon
from sitrep.store.api import QueryFilter, Row
from sitrep.store.sql_store import SqlStore

EVERYTHING = 1_000_000
# How far a presence cue may stand before the place name it introduces.
CUE_REACH = 12
# How far back, without a name inside the claim, the last named person is taken as its subject.
SUBJECT_REACH = 300
BROAD_PRECISIONS = frozenset({"country", "region", "admin"})


def find_contradictions(store: SqlStore, query: QueryFilter) -> list[Row]:
    everything = QueryFilter(
        date_from=query.date_from,
        date_to=query.date_to,
        actor=query.actor,
        place=query.place,
        limit=EVERYTHING,
    )
    rows = [
        *_control_conflicts(store.control_changes(everything)),
        *_location_conflicts(store, everything),
        *_status_conflicts(store.events(everything)),
    ]
    return rows[query.offset : query.offset + query.limit]


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


def _contradiction(kind: str, subject: str | None, day: str | None, first: Row, second: Row) -> Row:
    return {
        "id": f"{kind}:{first['id']}~{second['id']}",
        "kind": kind,
        "subject": subject,
        "date": day,
        "claim": first,
        "contradiction": second,
    }


def _control_conflicts(changes: list[Row]) -> list[Row]:
    by_place_day: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for change in changes:
        if change["date_start"] and change["to_actor_id"]:
            by_place_day[(change["place_id"], change["date_start"])].append(change)
    return [
        _contradiction(
            "control",
            first["place"],
            day,
            _side(first, "evidence") | {"id": first["id"], "holder": first["to_actor"]},
            _side(second, "evidence") | {"id": second["id"], "holder": second["to_actor"]},
        )
        for (_, day), group in sorted(by_place_day.items())
        for first, second in combinations(group, 2)
        if first["to_actor_id"] != second["to_actor_id"]
        and first["cluster_id"] != second["cluster_id"]
    ]


@dataclass(slots=True, frozen=True)
class Presence:
    claim: Row
    actor_id: str
    actor: str
    place: Row


def _location_conflicts(store: SqlStore, query: QueryFilter) -> list[Row]:
    by_actor_day: dict[tuple[str, str], list[Presence]] = defaultdict(list)
    for presence in _presences(store, store.claims(query)):
        by_actor_day[(presence.actor_id, presence.claim["date_start"] or "")].append(presence)
    rows, seen = [], set()
    for (_, day), group in sorted(by_actor_day.items()):
        for first, second in combinations(group, 2):
            # A republished story repeats its claim: one pair per source cluster and place.
            sides = frozenset({_cluster_place(first), _cluster_place(second)})
            if first.claim["id"] == second.claim["id"] or sides in seen:
                continue
            if _apart(first.place, second.place):
                seen.add(sides)
                rows.append(
                    _contradiction(
                        "location",
                        first.actor,
                        day or None,
                        _side(first.claim)
                        | {"id": first.claim["id"], "place": first.place["name"]},
                        _side(second.claim)
                        | {"id": second.claim["id"], "place": second.place["name"]},
                    )
                )
    return rows


def _cluster_place(presence: Presence) -> tuple[str, str]:
    return presence.claim["cluster_id"], presence.place["id"]


def _apart(first: Row, second: Row) -> bool:
    """Two places one person cannot be in at once: different, and neither inside the other."""
    if first["id"] == second["id"]:
        return False
    if first["country"] != second["country"]:
        return True
    return not ({first["precision"], second["precision"]} & BROAD_PRECISIONS)


def _presences(store: SqlStore, claims: list[Row]) -> list[Presence]:
    cue = _cue_pattern()
    mentions = _mentions(store, sorted({c["article_id"] for c in claims}))
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
            person = _subject(article_mentions, claim, place["start"])
            if person is not None:
                found.append(Presence(claim, person["entity_id"], person["name"], place["place"]))
    return found


def _subject(mentions: list[Row], claim: Row, place_start: int) -> Row | None:
    """The person named in the claim before the place, else the last named shortly before it."""
    people = [
        m
        for m in mentions
        if m["entity"] == "actor"
        and m["kind"] == "person"
        and claim["start"] - SUBJECT_REACH <= m["start"]
        and m["end"] <= place_start
    ]
    return people[-1] if people else None


def _mentions(store: SqlStore, article_ids: list[str]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    if not article_ids:
        return grouped
    placeholders = ", ".join("?" for _ in article_ids)
    rows = store.database.query(
        "SELECT m.article_id, m.entity, m.entity_id, m.start_offset AS start,"
        ' m.end_offset AS "end", a.name, a.kind, p.id AS place_id, p.name AS place_name,'
        " p.country, p.location_precision AS precision"
        " FROM mentions m LEFT JOIN actors a ON a.id = m.entity_id"
        " LEFT JOIN places p ON p.id = m.entity_id"
        f" WHERE m.article_id IN ({placeholders}) ORDER BY m.article_id, m.start_offset",
        article_ids,
    )
    for row in rows:
        row["place"] = _place(row)
        grouped[row["article_id"]].append(row)
    return grouped


def _place(row: dict[str, Any]) -> Row:
    return {
        "id": row["place_id"],
        "name": row["place_name"],
        "country": row["country"],
        "precision": row["precision"],
    }


def _cue_pattern() -> re.Pattern[str]:
    cues = sorted(lexicon.words("store/presence_cues.txt"), key=len, reverse=True)
    alternatives = "|".join(
        (r"\b" if cue[0].isalnum() else "") + re.escape(cue).replace(r"\ ", r"\s+") for cue in cues
    )
    return re.compile(rf"(?:{alternatives})\s+(?:the\s+)?[\w'’. -]{{0,{CUE_REACH}}}$", re.I)


def _status_conflicts(events: list[Row]) -> list[Row]:
    rows = []
    for event in events:
        asserted = [r for r in event["evidence"] if r["status"] == "asserted"]
        denied = [r for r in event["evidence"] if r["status"] == "negated"]
        rows.extend(
            _contradiction(
                "status",
                f"{event['type']} {event.get('place') or ''}".strip(),
                event["date_start"],
                _side(first) | {"id": first["id"], "status": first["status"]},
                _side(second) | {"id": second["id"], "status": second["status"]},
            )
            for first in asserted
            for second in denied
        )
    return rows

"""Writing one article, with every row it implies, inside one transaction.

Ids are hashes of what identifies a row, and every insert is `ON CONFLICT DO
NOTHING`, so a re-run after a crash writes nothing twice; `write_article` runs
inside the caller's transaction, so a killed ingest never leaves half an article.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sitrep.records import Actor, Article, DocumentError, Event, EventDate, Place
from sitrep.store.db import Database, now
from sitrep.store.merge import (
    ActorIdentity,
    EventKey,
    StoryClusters,
    body_minhash,
    hash_id,
    name_key,
    place_key,
)

OUTLET_SOURCE = "outlet"


@dataclass(slots=True)
class ArticleIds:
    """Article-local ids (actor-1, place-2, event-3) mapped to the store's global ids."""

    actors: dict[str, str]
    places: dict[str, str]
    events: dict[str, str]


def write_error(database: Database, error: DocumentError) -> None:
    database.execute(
        "INSERT INTO errors (id, source, code, message, content_hash, recorded_at)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        (
            hash_id(error.source, error.code, error.content_hash),
            error.source,
            str(error.code),
            error.message,
            error.content_hash,
            now(),
        ),
    )


def write_article(database: Database, article: Article, clusters: StoryClusters) -> None:
    """Insert the article version and its actors, places, mentions, quotes, claims, events."""
    day = article.published.date().isoformat() if article.published else None
    signature = body_minhash(article.body)
    cluster_id = _previous_version_cluster(database, article) or clusters.cluster_for(
        article.id, signature
    )
    source_id = _write_source(database, article.outlet)
    version = _next_version(database, article)
    database.execute(
        "INSERT INTO articles (id, source, url, version, source_id, title, outlet, published,"
        " date_start, input_kind, language, authors, body, cluster_id, minhash, data, stored_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        (
            article.id,
            article.source,
            article.url,
            version,
            source_id,
            article.title,
            article.outlet,
            article.published.isoformat() if article.published else None,
            day,
            str(article.input_kind),
            article.language,
            json.dumps(article.authors),
            article.body,
            cluster_id,
            json.dumps([int(v) for v in signature.hashvalues]),
            json.dumps(article.to_dict(), ensure_ascii=False),
            now(),
        ),
    )
    clusters.add(article.id, signature, cluster_id)
    ids = ArticleIds(
        actors={actor.id: _resolve_actor(database, actor) for actor in article.actors},
        places={place.id: _write_place(database, place) for place in article.places},
        events={},
    )
    _write_mentions(database, article, ids)
    _write_quotes(database, article, ids)
    _write_claims(database, article, ids, day)
    for event in article.events:
        ids.events[event.id] = _write_event(database, article, event, ids, day)
    _write_control_changes(database, article, ids, day)


def _previous_version_cluster(database: Database, article: Article) -> str | None:
    """A new version of a stored URL stays in that URL's cluster: it is the same source."""
    if not article.url:
        return None
    rows = database.query(
        "SELECT cluster_id FROM articles WHERE url = ? ORDER BY version LIMIT 1", (article.url,)
    )
    return rows[0]["cluster_id"] if rows else None


def _next_version(database: Database, article: Article) -> int:
    if article.url:
        rows = database.query("SELECT COUNT(*) AS n FROM articles WHERE url = ?", (article.url,))
    else:
        rows = database.query(
            "SELECT COUNT(*) AS n FROM articles WHERE url IS NULL AND source = ?",
            (article.source,),
        )
    return int(rows[0]["n"]) + 1


def _write_source(database: Database, outlet: str | None) -> str | None:
    if not outlet:
        return None
    source_id = hash_id("source", name_key(outlet))
    database.execute(
        "INSERT INTO sources (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
        (source_id, outlet),
    )
    return source_id


def _resolve_actor(database: Database, actor: Actor) -> str:
    """The global id of the stored actor this one is, creating it if none matches."""
    identity = ActorIdentity.of(str(actor.kind), actor.country, actor.name, actor.aliases)
    keys = sorted(identity.keys)
    placeholders = ", ".join("?" for _ in keys)
    candidates = database.query(
        "SELECT DISTINCT a.id, a.name, a.kind, a.country FROM actors a"
        f" JOIN actor_aliases k ON k.actor_id = a.id WHERE k.alias_key IN ({placeholders})"
        " ORDER BY a.id",
        keys,
    )
    actor_id = next(
        (c["id"] for c in candidates if identity.same_as(_stored_identity(database, c))), None
    )
    if actor_id is None:
        actor_id = hash_id("actor", identity.kind, identity.canonical_key, actor.country)
        database.execute(
            "INSERT INTO actors (id, name, kind, sector, country) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO NOTHING",
            (actor_id, actor.name, identity.kind, actor.sector, actor.country),
        )
    database.executemany(
        "INSERT INTO actor_aliases (actor_id, alias, alias_key) VALUES (?, ?, ?)"
        " ON CONFLICT (actor_id, alias_key) DO NOTHING",
        [
            (actor_id, name, name_key(name))
            for name in [actor.name, *actor.aliases]
            if name_key(name)
        ],
    )
    return actor_id


def _stored_identity(database: Database, row: dict[str, str]) -> ActorIdentity:
    aliases = database.query("SELECT alias FROM actor_aliases WHERE actor_id = ?", (row["id"],))
    return ActorIdentity.of(row["kind"], row["country"], row["name"], [a["alias"] for a in aliases])


def _write_place(database: Database, place: Place) -> str:
    place_id = place_key(place.geonames_id, place.name)
    database.execute(
        "INSERT INTO places (id, name, geonames_id, latitude, longitude, country, feature_class,"
        " feature_code, location_precision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (id) DO NOTHING",
        (
            place_id,
            place.name,
            place.geonames_id,
            place.latitude,
            place.longitude,
            place.country,
            place.feature_class,
            place.feature_code,
            str(place.precision),
        ),
    )
    return place_id


def _write_mentions(database: Database, article: Article, ids: ArticleIds) -> None:
    rows = [
        (
            hash_id(article.id, entity, m.start, m.end),
            article.id,
            entity,
            global_id,
            m.start,
            m.end,
            m.text,
        )
        for entity, items, mapping in (
            ("actor", article.actors, ids.actors),
            ("place", article.places, ids.places),
        )
        for item in items
        for m in item.mentions
        if (global_id := mapping[item.id])
    ]
    database.executemany(
        "INSERT INTO mentions (id, article_id, entity, entity_id, start_offset, end_offset, text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        rows,
    )


def _write_quotes(database: Database, article: Article, ids: ArticleIds) -> None:
    database.executemany(
        "INSERT INTO quotes (id, article_id, position, text, start_offset, end_offset, direct,"
        " speaker, speaker_actor_id, channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (id) DO NOTHING",
        [
            (
                hash_id(article.id, "quote", index),
                article.id,
                index,
                quote.text,
                quote.start,
                quote.end,
                quote.direct,
                quote.speaker,
                ids.actors.get(quote.speaker_actor_id or ""),
                quote.channel,
            )
            for index, quote in enumerate(article.quotes)
        ],
    )


def _write_claims(database: Database, article: Article, ids: ArticleIds, day: str | None) -> None:
    database.executemany(
        "INSERT INTO claims (id, article_id, position, text, start_offset, end_offset, source_type,"
        " source_name, source_actor_id, certainty, hedge, date_start)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        [
            (
                hash_id(article.id, "claim", index),
                article.id,
                index,
                claim.text,
                claim.start,
                claim.end,
                str(claim.source.type),
                claim.source.name,
                ids.actors.get(claim.source.actor_id or ""),
                str(claim.certainty),
                claim.hedge,
                day,
            )
            for index, claim in enumerate(article.claims)
        ],
    )


def _day_range(when: EventDate | None, day: str | None) -> tuple[str | None, str | None]:
    if when is None:
        return day, day
    return when.start.isoformat(), when.end.isoformat()


def _write_event(
    database: Database, article: Article, event: Event, ids: ArticleIds, day: str | None
) -> str:
    """Store one report and attach it to the merged event it matches (or a new one)."""
    report_id = hash_id(article.id, "event", event.id)
    start, end = _day_range(event.date, day)
    key = EventKey(
        event.type,
        ids.places.get(event.place_id or ""),
        ids.actors.get(event.actor_id or ""),
        ids.actors.get(event.target_id or ""),
        start,
        end,
    )
    situation_id = _matching_situation_event(database, key)
    if situation_id is None:
        situation_id = report_id
        database.execute(
            "INSERT INTO situation_events (id, type, mode, actor_id, target_id, place_id,"
            " date_start, date_end, date_precision, acled_type, acled_subtype)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
            (
                situation_id,
                event.type,
                event.mode,
                key.actor_id,
                key.target_id,
                key.place_id,
                start,
                end,
                str(event.date.precision) if event.date else None,
                event.acled_type,
                event.acled_subtype,
            ),
        )
    else:
        _fill_situation_event(database, situation_id, key)
    claim = (
        article.claims[event.claim_index]
        if event.claim_index is not None and 0 <= event.claim_index < len(article.claims)
        else None
    )
    database.execute(
        "INSERT INTO event_reports (id, article_id, local_id, situation_event_id, type, mode,"
        " status, trigger_text, actor_id, target_id, place_id, date_start, date_end,"
        " date_precision, acled_type, acled_subtype, source_type, source_name, confidence,"
        " evidence_start, evidence_end, evidence_text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (id) DO NOTHING",
        (
            report_id,
            article.id,
            event.id,
            situation_id,
            event.type,
            event.mode,
            str(event.status),
            event.trigger,
            key.actor_id,
            key.target_id,
            key.place_id,
            start,
            end,
            str(event.date.precision) if event.date else None,
            event.acled_type,
            event.acled_subtype,
            str(claim.source.type) if claim else OUTLET_SOURCE,
            claim.source.name if claim else article.outlet,
            event.confidence,
            event.evidence.start,
            event.evidence.end,
            event.evidence.text,
        ),
    )
    return report_id


def _matching_situation_event(database: Database, key: EventKey) -> str | None:
    rows = database.query(
        "SELECT id, type, place_id, actor_id, target_id, date_start, date_end"
        " FROM situation_events WHERE type = ? AND place_id IS NOT DISTINCT FROM ? ORDER BY id",
        (key.type, key.place_id),
    )
    return next(
        (row["id"] for row in rows if key.matches(EventKey(**_event_key_fields(row)))), None
    )


def _event_key_fields(row: dict[str, str | None]) -> dict[str, str | None]:
    return {name: row[name] for name in EventKey.__dataclass_fields__}


def _fill_situation_event(database: Database, situation_id: str, key: EventKey) -> None:
    """A later report may name an actor or target the first one left out."""
    database.execute(
        "UPDATE situation_events SET actor_id = COALESCE(actor_id, ?),"
        " target_id = COALESCE(target_id, ?), date_start = COALESCE(date_start, ?),"
        " date_end = COALESCE(date_end, ?) WHERE id = ?",
        (key.actor_id, key.target_id, key.date_start, key.date_end, situation_id),
    )


def _write_control_changes(
    database: Database, article: Article, ids: ArticleIds, day: str | None
) -> None:
    rows = []
    for index, change in enumerate(article.control_changes):
        place_id = ids.places.get(change.place_id)
        if place_id is None:
            continue  # a change must name a stored place to be queried by place
        start, end = _day_range(change.date, day)
        rows.append(
            (
                hash_id(article.id, "control", index),
                article.id,
                index,
                place_id,
                ids.actors.get(change.from_actor_id or ""),
                ids.actors.get(change.to_actor_id or ""),
                start,
                end,
                change.partial,
                change.confidence,
                ids.events.get(change.event_id or ""),
                change.evidence.start,
                change.evidence.end,
                change.evidence.text,
            )
        )
    database.executemany(
        "INSERT INTO control_changes (id, article_id, position, place_id, from_actor_id,"
        " to_actor_id, date_start, date_end, partial, confidence, event_report_id,"
        " evidence_start, evidence_end, evidence_text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        rows,
    )

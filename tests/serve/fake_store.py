"""An in-memory `Store` for the API and page tests, with rows shaped like the real store's.

Rows are derived from `Article.to_dict()`: articles, actors and places merged by
name, events and control changes with names and coordinates resolved, claims
with their source type and backing. Filters follow `QueryFilter`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from sitrep.records import Article, DocumentError
from sitrep.store.api import IngestReport, QueryFilter, Row, Rows, decode_cursor, encode_cursor
from sitrep.store.queries.control import holdings

JsonArticle = dict[str, Any]


class FakeStore:
    def __init__(self) -> None:
        self._articles: dict[str, JsonArticle] = {}
        self._originals: dict[str, str | None] = {}
        self._errors: list[Row] = []

    def write(
        self,
        items: Iterable[Article | DocumentError],
        *,
        on_written: Callable[[Article | DocumentError], Any] | None = None,
    ) -> IngestReport:
        report = IngestReport()
        for item in items:
            if on_written is not None:
                on_written(item)
            if isinstance(item, DocumentError):
                report.errors += 1
                report.error_sources.append(item.source)
                self._errors.append(item.to_dict())
            elif item.id in self._articles:
                report.skipped += 1
            else:
                row = item.to_dict()
                self._originals[item.id] = row.pop("original", None)
                self._articles[item.id] = row
                report.stored += 1
        return report

    def stored_articles(self, article_ids: Iterable[str]) -> set[str]:
        return set(article_ids) & self._articles.keys()

    def article(self, article_id: str) -> Row | None:
        return self._articles.get(article_id)

    def original(self, article_id: str) -> str | None:
        return self._originals.get(article_id)

    def articles(self, query: QueryFilter) -> Rows:
        rows = [
            {k: a[k] for k in ("id", "title", "source", "url", "outlet", "published", "authors")}
            | {"date_start": _day(a), "version": 1, "cluster_id": a["id"]}
            | {"input_kind": a["input_kind"]}
            for a in self._articles.values()
            if query.article_id in (None, a["id"])
        ]
        return _filtered(rows, query)

    def actors(self, query: QueryFilter) -> Rows:
        merged: dict[str, Row] = {}
        for a in self._scoped(query):
            for actor in a["actors"]:
                row = merged.setdefault(
                    actor["name"],
                    {k: actor[k] for k in ("name", "kind", "sector", "country", "aliases")}
                    | {"id": actor["name"], "mentions": 0, "articles": 0},
                )
                row["mentions"] += len(actor["mentions"])
                row["articles"] += 1
        rows = [r for r in merged.values() if _matches(query.actor, r["name"], *r["aliases"])]
        if query.most_mentioned:
            rows.sort(key=lambda r: -r["mentions"])
        return _page(rows, query)

    def places(self, query: QueryFilter) -> Rows:
        merged: dict[str, Row] = {}
        for a in self._scoped(query):
            for place in a["places"]:
                row = merged.setdefault(
                    place["name"],
                    {k: v for k, v in place.items() if k not in ("id", "mentions", "kind")}
                    | {"id": place["name"], "mentions": 0, "literal_mentions": 0},
                )
                row["mentions"] += len(place["mentions"])
                row["literal_mentions"] += len(place["mentions"]) * (place["kind"] == "literal")
        return _page([r for r in merged.values() if _matches(query.place, r["name"])], query)

    def events(self, query: QueryFilter) -> Rows:
        rows = []
        for a in self._scoped(query):
            for event in a["events"]:
                place = _by_id(a["places"], event["place_id"])
                claim = _claim(a, event["claim_index"])
                source_type = claim["source"]["type"] if claim else "outlet"
                when = event["date"] or {}
                event_id = f"{a['id'][:12]}-{event['id']}"
                actor = _by_id(a["actors"], event["actor_id"]) or {}
                target = _by_id(a["actors"], event["target_id"]) or {}
                rows.append(
                    {
                        "id": event_id,
                        "type": event["type"],
                        "mode": event["mode"],
                        "status": event["status"],
                        "statuses": {event["status"]: 1},
                        "trigger": event["trigger"],
                        "acled_type": event["acled_type"],
                        "acled_subtype": event["acled_subtype"],
                        "fatalities": event["fatalities"],
                        "injured": event["injured"],
                        "actor_id": event["actor_id"],
                        "actor": actor.get("name"),
                        "actor_country": actor.get("country"),
                        "actor_sector": actor.get("sector"),
                        "target_id": event["target_id"],
                        "target": target.get("name"),
                        "target_country": target.get("country"),
                        "target_sector": target.get("sector"),
                        "place_id": event["place_id"],
                        "place": place["name"] if place else None,
                        "latitude": place["latitude"] if place else None,
                        "longitude": place["longitude"] if place else None,
                        "place_country": place["country"] if place else None,
                        "geonames_id": place["geonames_id"] if place else None,
                        "location_precision": place["precision"] if place else None,
                        "date_start": when.get("start"),
                        "date_end": when.get("end"),
                        "date_precision": when.get("precision"),
                        "source_type": source_type,
                        "reports": 1,
                        "articles": 1,
                        "sources": 1,
                        "evidence": [
                            event["evidence"]
                            | _source(a)
                            | {
                                "id": event_id,
                                "article_id": a["id"],
                                "status": event["status"],
                                "trigger": event["trigger"],
                                "source_type": source_type,
                                "source_name": claim["source"]["name"] if claim else None,
                                "confidence": event["confidence"],
                                "date_start": when.get("start"),
                                "stored_at": "2024-01-01T00:00:00+00:00",
                            }
                        ],
                    }
                )
        rows = [
            r
            for r in rows
            if query.event_type in (None, r["type"])
            and query.source_type in (None, r["source_type"])
            and _matches(query.actor, r["actor"], r["target"])
            and _matches(query.place, r["place"])
        ]
        if query.newest_first:
            rows.sort(key=lambda r: (r["date_start"] or "", r["id"]), reverse=True)
        return _filtered(rows, query)

    def claims(self, query: QueryFilter) -> Rows:
        rows = [
            {
                "id": f"{a['id'][:12]}-claim-{index}",
                "article_id": a["id"],
                "position": index,
                "text": claim["text"],
                "start": claim["start"],
                "end": claim["end"],
                "source_type": claim["source"]["type"],
                "source_name": claim["source"]["name"],
                "source_actor_id": claim["source"]["actor_id"],
                "certainty": claim["certainty"],
                "hedge": claim["hedge"],
                "sources": 1,
                "date_start": _day(a),
            }
            | _source(a)
            for a in self._scoped(query)
            for index, claim in enumerate(a["claims"])
        ]
        rows = [
            r
            for r in rows
            if query.source_type in (None, r["source_type"])
            and _matches(query.actor, r["source_name"])
            and (query.text or "").lower() in r["text"].lower()
        ]
        if query.newest_first:
            rows.sort(key=lambda r: r["date_start"] or "", reverse=True)
        return _filtered(rows, query)

    def quotes(self, query: QueryFilter) -> Rows:
        rows = [
            {k: quote[k] for k in ("text", "start", "end", "direct", "speaker", "channel")}
            | {"id": f"{a['id'][:12]}-quote-{index}", "article_id": a["id"], "position": index}
            | {"speaker_actor_id": quote["speaker_actor_id"], "date_start": _day(a)}
            | {"outlet": a["outlet"]}
            for a in self._scoped(query)
            for index, quote in enumerate(a["quotes"])
        ]
        return _page([r for r in rows if _matches(query.actor, r["speaker"])], query)

    def control(self, place: str | None, on: date, query: QueryFilter | None = None) -> Rows:
        """The store's own answer (`holdings`) on each place's reports of its latest day up
        to `on`; places and holders are keyed by name here."""
        dated = [
            r | {"place_id": r["place"], "to_actor_id": r["to_actor"]}
            for r in self.control_changes(QueryFilter(place=place, limit=10_000))
            if r["date_start"] and r["date_start"] <= on.isoformat()
        ]
        latest = {r["place"]: r["date_start"] for r in sorted(dated, key=lambda r: r["date_start"])}
        reports = [r for r in dated if r["date_start"] == latest[r["place"]]]
        return _page(holdings(sorted(reports, key=lambda r: r["place"])), query or QueryFilter())

    def counts(self, query: QueryFilter) -> Row:
        events = self.events(QueryFilter(event_type=query.event_type, limit=10_000))
        days = sorted({e["date_start"] for e in events if e["date_start"]})
        return {
            "totals": {"events": len(events), "articles": len(self._articles)},
            "types": dict(Counter(e["type"] for e in events)),
            "days": [
                {
                    "day": d,
                    "events": sum(e["date_start"] == d for e in events),
                    "articles": 0,
                    "types": dict(Counter(e["type"] for e in events if e["date_start"] == d)),
                }
                for d in days
            ],
        }

    def control_changes(self, query: QueryFilter) -> Rows:
        rows = []
        for a in self._scoped(query):
            for index, change in enumerate(a["control_changes"]):
                place = _by_id(a["places"], change["place_id"]) or {}
                when = change["date"] or {}
                rows.append(
                    {
                        "id": f"{a['id'][:12]}-control-{index}",
                        "article_id": a["id"],
                        "position": index,
                        "place_id": change["place_id"],
                        "place": place.get("name"),
                        "latitude": place.get("latitude"),
                        "longitude": place.get("longitude"),
                        "from_actor_id": change["from_actor_id"],
                        "from_actor": _name(a["actors"], change["from_actor_id"]),
                        "to_actor_id": change["to_actor_id"],
                        "to_actor": _name(a["actors"], change["to_actor_id"]),
                        "date_start": when.get("start") or _day(a),
                        "date_end": when.get("end"),
                        "partial": change["partial"],
                        "confidence": change["confidence"],
                        "evidence_start": change["evidence"]["start"],
                        "evidence_end": change["evidence"]["end"],
                        "evidence": change["evidence"]["text"],
                    }
                    | _source(a)
                )
        rows = [
            r
            for r in rows
            if _matches(query.place, r["place"])
            and _matches(query.actor, r["to_actor"], r["from_actor"])
        ]
        return _filtered(rows, query)

    def contradictions(self, query: QueryFilter) -> Rows:
        """Claims denied in one report and asserted in another, matched on shared words."""
        claims = self.claims(QueryFilter(limit=10_000))
        rows = []
        for denied in (c for c in claims if c["certainty"] == "denied"):
            words = _words(denied["text"])
            for other in claims:
                overlap = len(words & _words(other["text"]))
                if other["certainty"] == "asserted" and overlap >= 3 and other is not denied:
                    rows.append(
                        {
                            "id": f"{denied['id']}~{other['id']}",
                            "kind": "status",
                            "subject": None,
                            "date": denied["date_start"],
                            "claim": other,
                            "contradiction": denied,
                        }
                    )
        return _page(rows, query)

    def errors(self, query: QueryFilter) -> Rows:
        return _page(
            [
                error | {"id": f"error-{index}", "recorded_at": "2024-01-01T00:00:00+00:00"}
                for index, error in enumerate(self._errors)
            ],
            query,
        )

    def close(self) -> None:
        self._articles.clear()

    def _scoped(self, query: QueryFilter) -> list[JsonArticle]:
        return [a for a in self._articles.values() if query.article_id in (None, a["id"])]


def _filtered(rows: list[Row], query: QueryFilter) -> Rows:
    def in_range(row: Row) -> bool:
        day = row.get("date_start")
        if query.date_from is None and query.date_to is None:
            return True
        return bool(day) and (
            (query.date_from is None or day >= query.date_from.isoformat())
            and (query.date_to is None or day[:10] <= query.date_to.isoformat())
        )

    return _page([r for r in rows if in_range(r)], query)


def _page(rows: list[Row], query: QueryFilter) -> Rows:
    """A keyset page whose cursor is the position of the page's last row."""
    start = int(decode_cursor(query.after, 1)[0]) if query.after else 0
    end = start + query.limit
    return Rows(rows[start:end], next=encode_cursor([end]) if end < len(rows) else None)


def _day(article: JsonArticle) -> str | None:
    return (article["published"] or "")[:10] or None


def _source(article: JsonArticle) -> Row:
    """Where a row's article came from, as the store joins it to claims and reports."""
    return {k: article[k] for k in ("outlet", "url", "source")} | {"cluster_id": article["id"]}


def _matches(wanted: str | None, *values: str | None) -> bool:
    return wanted is None or any(v and wanted.lower() == v.lower() for v in values)


def _by_id(items: list[dict[str, Any]], item_id: str | None) -> dict[str, Any] | None:
    return next((i for i in items if i["id"] == item_id), None)


def _name(actors: list[dict[str, Any]], actor_id: str | None) -> str | None:
    actor = _by_id(actors, actor_id)
    return actor["name"] if actor else None


def _claim(article: JsonArticle, index: int | None) -> dict[str, Any] | None:
    claims = article["claims"]
    return claims[index] if index is not None and 0 <= index < len(claims) else None


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))

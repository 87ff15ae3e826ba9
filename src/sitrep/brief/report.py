"""What changed in a window of days, as a typed `Brief` built from the store's queries.

Every line carries its `Evidence`: the sentence that says it, where it stands in its
article's body, and the article itself, so a reader can check each line in a click.
Only asserted events are listed as facts; what is proposed, hypothetical or negated (and
claims that are denied) has its own section.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from urllib.parse import quote

from sitrep.library import fetch
from sitrep.names import name_key
from sitrep.records import Certainty, EventStatus, SourceType
from sitrep.store.api import QueryFilter, Row, Store

WINDOW_DAYS = 7
# Lines per section beyond which the brief says how many it left out (the CLI lists them all).
MAX_CLAIMS = 40
MAX_ACTORS = 30
# Evidence sentences shown per line; the rest are counted.
MAX_EVIDENCE = 3
UNPLACED = "place not stated"
# What a contradiction's side holds, by its kind: who holds the place, where the person is,
# whether the event happened; a claim's certainty otherwise.
SIDE_POSITIONS = ("holder", "place", "status", "certainty")


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence that supports a line, and the article it stands in."""

    article_id: str
    text: str
    start: int | None
    end: int | None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # the article's publication day
    url: str | None = None  # the original page; http(s) only, else None
    source: str | None = None  # who vouches for the sentence, when not the outlet
    status: str | None = None  # for an event report: asserted, negated, ...

    @property
    def view_path(self) -> str:
        """The article view on sitrep's page, with this sentence highlighted.

        The fragment `#/article/<id>` opens the view; the sentence's offsets travel in the
        query string (`evidence=<start>-<end>`), which the page marks in the article it opens.
        """
        article = f"#/article/{quote(self.article_id, safe='')}"
        if self.start is None or self.end is None:
            return f"/{article}"
        return f"/?evidence={self.start}-{self.end}{article}"


@dataclass(frozen=True, slots=True)
class ControlLine:
    place: str
    from_actor: str | None
    to_actor: str | None
    day: str | None
    day_end: str | None
    partial: bool
    sources: int  # independent source clusters reporting it
    outlets: list[str]
    evidence: list[Evidence]
    latitude: float | None = None
    longitude: float | None = None
    precision: str | None = None  # LocationPrecision of the place


@dataclass(frozen=True, slots=True)
class EventLine:
    type: str
    status: str
    day: str | None
    day_end: str | None
    actor: str | None
    target: str | None
    place: str | None
    precision: str | None  # LocationPrecision of the place: city, admin, country...
    latitude: float | None
    longitude: float | None
    sources: int  # independent source clusters
    reports: int
    other_statuses: dict[str, int]  # reports that tell it otherwise, e.g. {"negated": 1}
    evidence: list[Evidence]


@dataclass(frozen=True, slots=True)
class ActorLine:
    name: str
    kind: str | None
    sector: str | None
    country: str | None
    first_seen: str | None  # the publication day of the first article naming it
    articles: int  # articles in the window naming it
    mentions: int  # times it is named, in every article
    evidence: list[Evidence]


@dataclass(frozen=True, slots=True)
class ClaimLine:
    text: str
    certainty: str
    hedge: str | None
    source_type: str
    source_name: str | None
    sources: int  # independent outlets carrying it
    outlets: list[str]
    evidence: list[Evidence]


@dataclass(frozen=True, slots=True)
class ContradictionLine:
    kind: str  # control, location or status
    subject: str | None
    day: str | None
    sides: list[Evidence]
    positions: list[str]  # what each side holds: the holder, the place, the status


@dataclass(slots=True)
class Brief:
    date_from: date
    date_to: date
    articles: int = 0
    outlets: list[str] = field(default_factory=list)
    control: list[ControlLine] = field(default_factory=list)
    events: list[EventLine] = field(default_factory=list)  # asserted only
    unasserted: list[EventLine] = field(default_factory=list)  # proposed, hypothetical, negated
    new_actors: list[ActorLine] = field(default_factory=list)
    actors_left_out: int = 0
    claims: list[ClaimLine] = field(default_factory=list)
    claims_left_out: int = 0
    denied_claims: list[ClaimLine] = field(default_factory=list)
    contradictions: list[ContradictionLine] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"Situation report, {self.date_from.isoformat()} to {self.date_to.isoformat()}"

    def events_by_type(self) -> list[tuple[str, list[tuple[str, list[EventLine]]]]]:
        """Asserted events by type (most frequent first), then by place (most events first)."""
        by_type: dict[str, dict[str, list[EventLine]]] = defaultdict(lambda: defaultdict(list))
        for event in self.events:
            by_type[event.type][event.place or UNPLACED].append(event)
        counted = sorted(by_type.items(), key=lambda item: (-_total(item[1]), item[0]))
        return [
            (event_type, sorted(places.items(), key=lambda p: (p[0] == UNPLACED, -len(p[1]), p[0])))
            for event_type, places in counted
        ]


# The last section reads as its title: what is proposed, then what is only supposed, then
# what is negated; each by day and type, so a kind of report is read together.
UNASSERTED_ORDER = (EventStatus.PROPOSED, EventStatus.HYPOTHETICAL, EventStatus.NEGATED)


def unasserted_order(line: EventLine) -> tuple[int, str, str]:
    rank = UNASSERTED_ORDER.index(line.status) if line.status in UNASSERTED_ORDER else 3
    return rank, line.day or "", line.type


def _total(places: dict[str, list[EventLine]]) -> int:
    return sum(len(events) for events in places.values())


def default_window(store: Store, today: date | None = None) -> tuple[date, date]:
    """The last `WINDOW_DAYS` days up to the latest plausible event day.

    Dates an extractor misread must not drag the window to 2047: an article cannot have
    been published after today, and nothing reported can have happened after the latest
    such publication. The window ends on the latest event day within those bounds (else the
    latest publication day, else today).
    """
    today = today or date.today()
    published = [
        day
        for row in _every(store.articles, QueryFilter(date_to=today))
        if (day := _day(row.get("date_start"))) is not None
    ]
    latest_published = max(published, default=today)
    event_days = [
        day
        for row in _every(store.events, QueryFilter(date_to=latest_published))
        if (day := _day(row.get("date_start"))) is not None and day <= latest_published
    ]
    end = max(event_days, default=latest_published)
    return end - timedelta(days=WINDOW_DAYS - 1), end


def resolve_window(store: Store, date_from: date | None, date_to: date | None) -> tuple[date, date]:
    """The window asked for: both days, one day and `WINDOW_DAYS` from it, or the default."""
    span = timedelta(days=WINDOW_DAYS - 1)
    if date_from is not None:
        start, end = date_from, date_to or date_from + span
    elif date_to is not None:
        start, end = date_to - span, date_to
    else:
        return default_window(store)
    if start > end:
        raise ValueError(f"the window ends ({end}) before it starts ({start})")
    return start, end


def build_brief(store: Store, date_from: date, date_to: date) -> Brief:
    """The brief for the days `date_from` to `date_to` (both included)."""

    def window() -> QueryFilter:
        # A filter per query: `fetch` pages by moving its offset.
        return QueryFilter(date_from=date_from, date_to=date_to)

    articles = _Articles(store)
    in_window = _every(store.articles, window())
    articles.remember(in_window)
    events = [_event_line(row, articles) for row in _every(store.events, window())]
    claims, left_out = _claim_lines(_every(store.claims, window()), articles)
    new_actors = _new_actors(store, in_window, date_from, articles)
    return Brief(
        date_from=date_from,
        date_to=date_to,
        articles=len(in_window),
        outlets=sorted({row["outlet"] for row in in_window if row.get("outlet")}),
        control=_control_lines(store, _control_changes(store, date_from, date_to), articles),
        events=[e for e in events if e.status == EventStatus.ASSERTED],
        unasserted=sorted(
            (e for e in events if e.status != EventStatus.ASSERTED), key=unasserted_order
        ),
        new_actors=new_actors[:MAX_ACTORS],
        actors_left_out=max(0, len(new_actors) - MAX_ACTORS),
        claims=[c for c in claims if c.certainty != Certainty.DENIED][:MAX_CLAIMS],
        claims_left_out=left_out,
        denied_claims=[c for c in claims if c.certainty == Certainty.DENIED],
        contradictions=[
            _contradiction_line(row, articles) for row in _every(store.contradictions, window())
        ],
    )


# -- reading the store ---------------------------------------------------------------------


def _every(
    method: Callable[[QueryFilter], Sequence[Mapping[str, Any]]], query: QueryFilter
) -> list[Row]:
    return fetch(method, query, every=True)[0]


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


class _Articles:
    """Article rows by id, asked of the store once each: evidence names its article."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.rows: dict[str, Row] = {}
        self.records: dict[str, Row] = {}

    def record(self, article_id: str) -> Row:
        """The whole stored article (body, sentences, actors...), or {} if there is none."""
        if article_id not in self.records:
            self.records[article_id] = self.store.article(article_id) or {}
        return self.records[article_id]

    def remember(self, rows: Iterable[Row]) -> None:
        self.rows.update((row["id"], row) for row in rows)

    def get(self, article_id: str) -> Row:
        if article_id not in self.rows:
            found = self.store.articles(QueryFilter(article_id=article_id, limit=1))
            self.rows[article_id] = dict(found[0]) if found else {"id": article_id}
        return self.rows[article_id]

    def evidence_list(self, rows: Iterable[Row], text_key: str = "text") -> list[Evidence]:
        """Each sentence once, though several reports (or claims) rest on it."""
        found: dict[tuple[str, object, object], Evidence] = {}
        for row in rows:
            start = row.get("start", row.get("evidence_start"))
            end = row.get("end", row.get("evidence_end"))
            key = (row["article_id"], start, end)
            if key not in found:
                found[key] = self.evidence(
                    row["article_id"],
                    row.get(text_key),
                    start,
                    end,
                    source=_vouched_by(row),
                    status=row.get("status"),
                )
        return list(found.values())

    def evidence(
        self,
        article_id: str,
        text: str | None,
        start: int | None,
        end: int | None,
        *,
        source: str | None = None,
        status: str | None = None,
    ) -> Evidence:
        row = self.get(article_id)
        return Evidence(
            article_id=article_id,
            text=" ".join(str(text or "").split()),
            start=start,
            end=end,
            outlet=row.get("outlet"),
            title=row.get("title"),
            published=row.get("date_start"),
            url=web_url(row.get("url")),
            source=source,
            status=status,
        )


def web_url(value: object) -> str | None:
    """`value` if it is an http(s) URL: a stored `javascript:` link must never be followed."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else None


def _vouched_by(row: Row) -> str | None:
    if row.get("source_type") in (None, SourceType.OUTLET):
        return None
    return row.get("source_name") or str(row["source_type"]).replace("_", " ")


# -- sections ------------------------------------------------------------------------------


def _control_changes(store: Store, date_from: date, date_to: date) -> list[Row]:
    """Changes whose days overlap the window: "seized over the past week" began before it."""
    rows = _every(store.control_changes, QueryFilter(date_to=date_to))
    return [
        row
        for row in rows
        if (last := _day(row.get("date_end") or row.get("date_start"))) and last >= date_from
    ]


def _control_lines(store: Store, rows: list[Row], articles: _Articles) -> list[ControlLine]:
    grouped: dict[tuple[object, ...], list[Row]] = defaultdict(list)
    for row in rows:
        key = (
            row.get("place_id") or row["place"],
            row.get("from_actor"),
            row.get("to_actor"),
            row.get("date_start"),
            row.get("date_end"),
        )
        grouped[key].append(row)
    lines = [
        ControlLine(
            place=group[0]["place"],
            from_actor=group[0].get("from_actor"),
            to_actor=group[0].get("to_actor"),
            day=group[0].get("date_start"),
            day_end=group[0].get("date_end"),
            partial=all(row.get("partial") for row in group),
            sources=len({row.get("cluster_id") or row["article_id"] for row in group}),
            outlets=sorted({row["outlet"] for row in group if row.get("outlet")}),
            evidence=articles.evidence_list(group, "evidence"),
            latitude=group[0].get("latitude"),
            longitude=group[0].get("longitude"),
            precision=_precision(store, group[0]["place"], group[0].get("place_id")),
        )
        for group in grouped.values()
    ]
    return sorted(lines, key=lambda line: (line.day or "", line.place))


def _precision(store: Store, name: str, place_id: str | None) -> str | None:
    """How exact the place's coordinates are (the place itself when several share its name)."""
    places = _every(store.places, QueryFilter(place=name))
    chosen = [p for p in places if p.get("id") == place_id] or places
    return chosen[0].get("precision") if chosen else None


def _event_line(row: Row, articles: _Articles) -> EventLine:
    status = row.get("status") or EventStatus.ASSERTED
    reports = row.get("evidence") or []
    # The reports that tell the event as it is listed come first.
    reports = sorted(reports, key=lambda r: r.get("status") != status)
    statuses = Counter(row.get("statuses") or {})
    evidence = articles.evidence_list(reports)
    # A report is a sentence telling the event: two mentions in one sentence ("dispatched
    # him to meet ... to relay") are one report.
    told_twice = len(reports) - len(evidence)
    return EventLine(
        type=row["type"],
        status=status,
        day=row.get("date_start"),
        day_end=row.get("date_end"),
        actor=row.get("actor"),
        target=row.get("target"),
        place=row.get("place"),
        precision=row.get("location_precision"),
        latitude=row.get("latitude"),
        longitude=row.get("longitude"),
        sources=int(row.get("sources") or 0),
        reports=int(row.get("reports") or len(reports)) - told_twice,
        other_statuses={k: v for k, v in sorted(statuses.items()) if k != status},
        evidence=evidence,
    )


def _claim_lines(rows: list[Row], articles: _Articles) -> tuple[list[ClaimLine], int]:
    """Claims someone other than the outlet vouches for, or that several outlets carry, one line
    per wording (a story republished word for word is one claim), best-backed first; and how
    many lines beyond `MAX_CLAIMS` were left out."""
    grouped: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        grouped[(" ".join(str(row["text"]).casefold().split()), row["certainty"])].append(row)
    lines = []
    for group in grouped.values():
        first = group[0]
        sources = max(
            max(int(row.get("sources") or 1) for row in group),
            len({row.get("cluster_id") or row["article_id"] for row in group}),
        )
        if first["source_type"] == SourceType.OUTLET and sources < 2:
            continue  # the outlet's own narration: its facts are in the events
        lines.append(
            ClaimLine(
                text=" ".join(str(first["text"]).split()),
                certainty=first["certainty"],
                hedge=first.get("hedge"),
                source_type=first["source_type"],
                source_name=first.get("source_name"),
                sources=sources,
                outlets=sorted({row["outlet"] for row in group if row.get("outlet")}),
                evidence=articles.evidence_list(group),
            )
        )
    lines.sort(key=lambda line: -line.sources)
    kept = [line for line in lines if line.certainty != Certainty.DENIED]
    return lines, max(0, len(kept) - MAX_CLAIMS)


def _new_actors(
    store: Store, in_window: list[Row], date_from: date, articles: _Articles
) -> list[ActorLine]:
    """Actors named in the window's articles and in no article published before it."""
    seen_in: dict[str, list[Row]] = defaultdict(list)
    actor_rows: dict[str, Row] = {}
    for article in sorted(in_window, key=lambda row: (row.get("date_start") or "", row["id"])):
        for actor in _every(store.actors, QueryFilter(article_id=article["id"])):
            actor_rows.setdefault(actor["id"], actor)
            seen_in[actor["id"]].append(article)
    before = date_from - timedelta(days=1)
    lines = []
    for actor_id, actor in actor_rows.items():
        if store.articles(QueryFilter(actor=actor["name"], date_to=before, limit=1)):
            continue
        first = seen_in[actor_id][0]
        lines.append(
            ActorLine(
                name=actor["name"],
                kind=actor.get("kind"),
                sector=actor.get("sector"),
                country=actor.get("country"),
                first_seen=first.get("date_start"),
                articles=len(seen_in[actor_id]),
                mentions=int(actor.get("mentions") or 0),
                evidence=[_first_mention(actor, first, articles)],
            )
        )
    return sorted(lines, key=lambda line: (-line.articles, -line.mentions, line.name))


def _first_mention(actor: Row, article: Row, articles: _Articles) -> Evidence:
    """The sentence of `article` where `actor` is first named.

    The article's own actor of the same name is `actor`; only when none has that name is one
    sharing an alias taken. Two people may share an alias (a family name: "Al-Assad" for
    both Hafez and Bashar), and the other one's mentions are not this one's.
    """
    stored = articles.record(article["id"])
    local_actors = stored.get("actors", [])
    canonical = name_key(actor["name"])
    same = [local for local in local_actors if name_key(local["name"]) == canonical]
    if not same:
        names = {name_key(name) for name in [actor["name"], *actor.get("aliases", [])]}
        same = [
            local
            for local in local_actors
            if names & {name_key(name) for name in [local["name"], *local.get("aliases", [])]}
        ]
    starts = [mention["start"] for local in same for mention in local.get("mentions", [])]
    sentence = next(
        (s for s in stored.get("sentences", []) if starts and s["start"] <= min(starts) < s["end"]),
        None,
    )
    if sentence is None:
        return articles.evidence(article["id"], article.get("title"), None, None)
    return articles.evidence(article["id"], sentence["text"], sentence["start"], sentence["end"])


def _contradiction_line(row: Row, articles: _Articles) -> ContradictionLine:
    sides = [row["claim"], row["contradiction"]]
    return ContradictionLine(
        kind=row.get("kind") or "disagreement",
        subject=row.get("subject"),
        day=row.get("date"),
        sides=[articles.evidence_list([side])[0] for side in sides],
        positions=[
            str(next((side[k] for k in SIDE_POSITIONS if side.get(k)), "one side"))
            for side in sides
        ],
    )

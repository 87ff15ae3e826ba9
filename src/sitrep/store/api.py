"""What every store backend offers: the seam between `store` and `serve`/`cli`.

The DuckDB and PostgreSQL backends implement `Store`; the CLI queries, the
exports and the REST API use only these methods, so they work on either.
Rows come back as plain dicts of JSON-serialisable values, each typed (a `TypedDict`)
beside its query in `sitrep.store.queries`.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from sitrep.records import Article, DocumentError

MAX_PAGE = 1000  # the most rows one page of a query may ask for

if TYPE_CHECKING:  # the rows' types live with their queries, which import this module
    from sitrep.store.queries.actors import ActorRow
    from sitrep.store.queries.articles import ArticleRow
    from sitrep.store.queries.claims import ClaimRow
    from sitrep.store.queries.contradictions import ContradictionRow
    from sitrep.store.queries.control import ControlChangeRow, HoldingRow
    from sitrep.store.queries.counts import Counts
    from sitrep.store.queries.errors import ErrorRow
    from sitrep.store.queries.events import EventRow
    from sitrep.store.queries.places import PlaceRow
    from sitrep.store.queries.quotes import QuoteRow

Row = dict[str, Any]
# A cursor is a few sort values; anything longer is not one sitrep wrote.
MAX_CURSOR_LENGTH = 1024


RowT = TypeVar("RowT")
OtherRowT = TypeVar("OtherRowT")


class Rows(list[RowT], Generic[RowT]):
    """One page of rows; `next` is the cursor of the page after it (None on the last), and
    `total` every row the filter matches where the query asked for it (`count_all`) and
    the page did not hold them all. `RowT` is the row's type, declared with its query
    (`sitrep.store.queries`)."""

    def __init__(
        self, rows: Iterable[RowT] = (), *, next: str | None = None, total: int | None = None
    ) -> None:
        super().__init__(rows)
        self.next = next
        self.total = total

    def like(self, rows: Iterable[OtherRowT]) -> Rows[OtherRowT]:
        """Other rows (this page's, reshaped) with this page's cursor and total."""
        return Rows(rows, next=self.next, total=self.total)


def encode_cursor(values: list[Any]) -> str:
    """The sort values of a page's last row as an opaque, URL-safe token."""
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


class BadCursor(ValueError):
    """An `after` token that is not a cursor the store gave for this listing."""

    def __init__(self) -> None:
        super().__init__("after: not a cursor this listing gave")


def decode_cursor(token: str, size: int) -> list[str | int]:
    """The sort values in `token`; BadCursor unless it is `size` strings or integers."""
    try:
        if len(token) > MAX_CURSOR_LENGTH:
            raise BadCursor
        values = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (ValueError, binascii.Error):
        raise BadCursor from None
    if not (
        isinstance(values, list)
        and len(values) == size
        and all(isinstance(v, str | int) and not isinstance(v, bool) for v in values)
    ):
        raise BadCursor
    return values


@dataclass(slots=True)
class QueryFilter:
    """Filters shared by the CLI, the exports and the REST API; None means 'any'."""

    date_from: date | None = None
    date_to: date | None = None
    actor: str | None = None  # canonical name or alias, case-insensitive
    place: str | None = None  # place name, case-insensitive
    event_type: str | None = None  # PLOVER type, e.g. ASSAULT
    source_type: str | None = None  # SourceType value, e.g. anonymous
    article_id: str | None = None
    text: str | None = None  # words a claim's text contains, case-insensitive (claims only)
    newest_first: bool = False  # claims and events from the latest day back
    most_mentioned: bool = False  # actors: the most mentioned first (else by name)
    limit: int = 100
    after: str | None = None  # the `next` cursor of the previous page
    count_all: bool = False  # a page that does not hold every match counts them (`Rows.total`)


@dataclass(slots=True)
class IngestReport:
    stored: int = 0  # new article versions written
    skipped: int = 0  # already stored (same content hash)
    errors: int = 0  # documents that failed, recorded in the errors table
    # Of those, documents sitrep itself failed on (processing_failed: an analysis crash or a
    # write the database refused), as opposed to unfit input; the next run retries them.
    failed: int = 0
    error_sources: list[str] = field(default_factory=list)
    # Documents skipped because an earlier run recorded them as unfit input (same content).
    known_errors: int = 0


class Store(Protocol):
    def write(
        self,
        items: Iterable[Article | DocumentError],
        *,
        on_written: Callable[[Article | DocumentError], Any] | None = None,
    ) -> IngestReport:
        """Store articles (merging actors and events across articles) and errors, in batches;
        `on_written` hears of each item once its batch is committed."""
        ...

    def stored_articles(self, article_ids: Iterable[str]) -> set[str]:
        """Those of `article_ids` (content hashes) already stored, found in one query."""
        ...

    def known_error_hashes(self) -> set[str]:
        """The contents recorded as unfit input (not failures of sitrep's own, which a later
        run retries)."""
        ...

    # Every list method returns one page (`query.limit` rows after `query.after`).
    def articles(self, query: QueryFilter) -> Rows[ArticleRow]: ...

    def article(self, article_id: str) -> Row | None:
        """One article with body, metadata and its actors, places, quotes, claims, events."""
        ...

    def original(self, article_id: str) -> str | None:
        """The text sitrep read for the article, as it stored it; None if it stored none."""
        ...

    def actors(self, query: QueryFilter) -> Rows[ActorRow]: ...

    def places(self, query: QueryFilter) -> Rows[PlaceRow]: ...

    def events(self, query: QueryFilter) -> Rows[EventRow]:
        """Merged events, each with its evidence (reports) and independent-source count."""
        ...

    def every_event(self, query: QueryFilter) -> Iterator[EventRow]:
        """Every matching merged event, streamed in one pass (exports)."""
        ...

    def claims(self, query: QueryFilter) -> Rows[ClaimRow]: ...

    def quotes(self, query: QueryFilter) -> Rows[QuoteRow]: ...

    def control(
        self, place: str | None, on: date, query: QueryFilter | None = None
    ) -> Rows[HoldingRow]:
        """Who held each place (or `place`) on `on`: one row per place, keyed by place id,
        with its holder, or `contested` and every side with its sources (`control.holdings`).
        A page of places."""
        ...

    def control_changes(self, query: QueryFilter) -> Rows[ControlChangeRow]: ...

    def contradictions(self, query: QueryFilter) -> Rows[ContradictionRow]: ...

    def counts(self, query: QueryFilter) -> Counts:
        """Totals per record kind, events per type, and events and articles per day."""
        ...

    def errors(self, query: QueryFilter) -> Rows[ErrorRow]: ...

    def close(self) -> None: ...

"""What every store backend offers: the seam between `store` and `serve`/`cli`.

The DuckDB and PostgreSQL backends implement `Store`; the CLI queries, the
exports and the REST API use only these methods, so they work on either.
Rows come back as plain dicts of JSON-serialisable values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from sitrep.records import Article, DocumentError

Row = dict[str, Any]


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
    limit: int = 100
    offset: int = 0


@dataclass(slots=True)
class IngestReport:
    stored: int = 0  # new article versions written
    skipped: int = 0  # already stored (same content hash)
    errors: int = 0  # documents that failed, recorded in the errors table
    # Of those, documents sitrep itself failed on (processing_failed: an analysis crash or a
    # write the database refused), as opposed to unfit input; the next run retries them.
    failed: int = 0
    error_sources: list[str] = field(default_factory=list)


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

    def has_article(self, content_hash: str) -> bool: ...

    def articles(self, query: QueryFilter) -> list[Row]: ...

    def article(self, article_id: str) -> Row | None:
        """One article with body, metadata and its actors, places, quotes, claims, events."""
        ...

    def original(self, article_id: str) -> str | None:
        """The text sitrep read for the article, as it stored it; None if it stored none."""
        ...

    def actors(self, query: QueryFilter) -> list[Row]: ...

    def places(self, query: QueryFilter) -> list[Row]: ...

    def events(self, query: QueryFilter) -> list[Row]:
        """Merged events, each with its evidence (reports) and independent-source count."""
        ...

    def claims(self, query: QueryFilter) -> list[Row]: ...

    def quotes(self, query: QueryFilter) -> list[Row]: ...

    def control(self, place: str, on: date) -> list[Row]:
        """Who held `place` on `on`, per which sources."""
        ...

    def control_changes(self, query: QueryFilter) -> list[Row]: ...

    def contradictions(self, query: QueryFilter) -> list[Row]: ...

    def errors(self, query: QueryFilter) -> list[Row]: ...

    def close(self) -> None: ...

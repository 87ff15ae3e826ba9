"""The REST API and the web page, on any `Store`.

Every list endpoint takes the CLI's filters (`QueryFilter`) and pages by keyset: `limit`
rows, then the page's `next` cursor passed back as `after`. `/api/counts` gives totals
and events per day, counted in SQL, so the page asks only for rows it shows. Bad
parameters are answered 422 with the reason, unknown ids 404. The page under `/` is
static HTML and JS that reads only this API.
"""

from __future__ import annotations

import re
import threading
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from datetime import date
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Generic

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, BeforeValidator

from sitrep.records import SourceType
from sitrep.serve.brief_page import brief_router
from sitrep.serve.date_window import date_window
from sitrep.serve.security import LOOPBACK_HOSTS, ORIGINAL_POLICY, SecurityHeaders
from sitrep.store.api import (
    MAX_CURSOR_LENGTH,
    MAX_PAGE,
    BadCursor,
    QueryFilter,
    Row,
    Rows,
    RowT,
    Store,
)
from sitrep.store.queries.actors import ActorRow
from sitrep.store.queries.articles import ArticleRow
from sitrep.store.queries.claims import ClaimRow
from sitrep.store.queries.contradictions import ContradictionRow
from sitrep.store.queries.control import ControlChangeRow, HoldingRow
from sitrep.store.queries.errors import ErrorRow
from sitrep.store.queries.events import EventRow
from sitrep.store.queries.places import PlaceRow
from sitrep.store.queries.quotes import QuoteRow
from sitrep.taxonomy import EventType, event_types

CURSOR_PATTERN = r"^[A-Za-z0-9_-]+$"
# Printable text only: a NUL or control character in a filter is a client error, not a query.
TEXT_PATTERN = r"^[^\x00-\x1f\x7f]*$"
EVENT_TYPE_PATTERN = r"^[A-Za-z_]{1,40}$"
STATIC_DIR = Path(str(resources.files("sitrep.serve") / "static"))

FilterText = Annotated[str | None, Query(max_length=200, pattern=TEXT_PATTERN)]
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_day(value: object) -> object:
    # Pydantic alone would read "0" as 1970-01-01; a filter date must be written YYYY-MM-DD.
    if isinstance(value, str) and not ISO_DAY.fullmatch(value):
        raise ValueError(f"{value!r} is not a date written YYYY-MM-DD")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_day)]


class Page(BaseModel, Generic[RowT]):
    """One page of rows; pass `next` as `after` for the following page (null on the last).
    A row's fields are its query's typed row (`sitrep.store.queries`)."""

    items: list[RowT]
    limit: int
    next: str | None


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Rows per page.")]
After = Annotated[
    str | None,
    Query(
        max_length=MAX_CURSOR_LENGTH,
        pattern=CURSOR_PATTERN,
        description="The `next` cursor of the previous page.",
    ),
]


class Problem(BaseModel):
    detail: str


class Taxonomy(BaseModel):
    """Every event type, in the taxonomy file's order."""

    types: list[EventType]


def query_filter(
    date_from: Annotated[
        IsoDate | None, Query(description="Events/articles on or after (ISO date).")
    ] = None,
    date_to: Annotated[IsoDate | None, Query(description="On or before (ISO date).")] = None,
    actor: Annotated[FilterText, Query(description="Canonical name or alias.")] = None,
    place: Annotated[FilterText, Query(description="Place name.")] = None,
    event_type: Annotated[
        str | None, Query(pattern=EVENT_TYPE_PATTERN, description="PLOVER type, e.g. ASSAULT.")
    ] = None,
    source_type: Annotated[SourceType | None, Query(description="Who vouches for it.")] = None,
    article_id: Annotated[str | None, Query(max_length=128, pattern=r"^[0-9A-Za-z_-]+$")] = None,
    q: Annotated[
        FilterText, Query(description="Claims only: text contained, case-insensitive.")
    ] = None,
    newest_first: Annotated[
        bool, Query(description="Claims and events: latest day first.")
    ] = False,
    most_mentioned: Annotated[
        bool, Query(description="Actors: the most mentioned first (else by name).")
    ] = False,
    limit: Limit = 100,
    after: After = None,
) -> QueryFilter:
    if date_from and date_to and date_from > date_to:
        reason = f"date_to ({date_to}) is before date_from ({date_from})"
        raise RequestValidationError(
            [{"type": "value_error", "loc": ("query", "date_to"), "msg": reason, "input": None}]
        )
    return QueryFilter(
        date_from=date_from,
        date_to=date_to,
        actor=actor or None,
        place=place or None,
        event_type=event_type.upper() if event_type else None,
        source_type=source_type.value if source_type else None,
        article_id=article_id,
        text=q or None,
        newest_first=newest_first,
        most_mentioned=most_mentioned,
        limit=limit,
        after=after,
    )


Filters = Annotated[QueryFilter, Depends(query_filter)]
ArticleId = Annotated[
    str, PathParam(pattern=r"^[0-9A-Za-z_-]{1,128}$", description="The article's content hash.")
]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem}}
# Plain text when found; the 404 stays JSON like every other error.
ORIGINAL_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/plain": {"schema": {"type": "string"}}}},
    404: {
        "description": "No such article, or no original stored for it",
        "content": {"application/json": {"schema": Problem.model_json_schema()}},
    },
}


def page(rows: Rows[RowT], query: QueryFilter) -> Page[RowT]:
    return Page[RowT](items=rows, limit=query.limit, next=rows.next)


@asynccontextmanager
async def _read_first_pages(app: FastAPI) -> AsyncIterator[None]:
    """Every list's first page, read once when the server starts, before it answers: on a
    file just written, the first read of a table's columns comes from disk (at 54,300
    articles the first events page took 464 ms, the next 109 ms), and no visitor should pay
    for it."""
    for read in app.state.first_pages:
        read()
    yield


def create_app(store: Store, *, allowed_hosts: Iterable[str] = LOOPBACK_HOSTS) -> FastAPI:
    """The app, answering only requests whose Host header names one of `allowed_hosts`."""
    app = FastAPI(
        title="sitrep",
        summary="A sourced, geolocated, queryable situation picture built from news pages.",
        version="1",
        docs_url=None,  # FastAPI's pages load Swagger UI from a CDN; ours is vendored
        redoc_url=None,
        lifespan=_read_first_pages,
    )
    app.add_middleware(SecurityHeaders, hosts=allowed_hosts)
    app.state.store = store
    # What `_read_first_pages` reads when the server starts: each list's first page.
    app.state.first_pages = [
        partial(store.events, QueryFilter()),
        partial(store.counts, QueryFilter()),
    ]
    # Endpoints run in a thread pool, and one DuckDB connection refuses concurrent calls.
    store_lock = threading.Lock()

    def locked(fetch: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any) -> Any:
            with store_lock:
                return fetch(*args)

        return call

    def list_endpoint(
        name: str, fetch: Callable[[QueryFilter], Rows[Any]], response: type[Page[Any]], about: str
    ) -> None:
        def endpoint(query: Filters) -> Page[Any]:
            return page(locked(fetch)(query), query)

        endpoint.__doc__ = about
        app.get(f"/api/{name}", response_model=response, name=name, tags=["records"])(endpoint)
        app.state.first_pages.append(partial(fetch, QueryFilter()))

    list_endpoint(
        "articles", store.articles, Page[ArticleRow], "Stored articles (metadata, no body)."
    )
    list_endpoint(
        "actors", store.actors, Page[ActorRow], "Canonical actors merged across articles."
    )
    list_endpoint(
        "places", store.places, Page[PlaceRow], "Places resolved to GeoNames, with precision."
    )
    list_endpoint(
        "claims", store.claims, Page[ClaimRow], "Claims with source type, certainty and backing."
    )
    list_endpoint(
        "quotes", store.quotes, Page[QuoteRow], "Direct and reported quotes with speakers."
    )
    list_endpoint(
        "control-changes",
        store.control_changes,
        Page[ControlChangeRow],
        "Who took which place, when.",
    )
    list_endpoint(
        "contradictions",
        store.contradictions,
        Page[ContradictionRow],
        "Pairs of claims that disagree.",
    )
    list_endpoint("errors", store.errors, Page[ErrorRow], "Documents that could not be processed.")
    app.include_router(brief_router(store, locked))

    @app.get("/api/events", response_model=Page[EventRow], name="events", tags=["records"])
    def events(
        query: Filters,
        evidence: Annotated[
            bool,
            Query(
                description="Each report with its sentence; false keeps the counts and leaves"
                " the sentences out (the map and timeline show none)."
            ),
        ] = True,
    ) -> Page[EventRow]:
        """Merged events with evidence and source counts."""
        rows = locked(store.events)(query)
        if not evidence:
            rows = rows.like({k: v for k, v in row.items() if k != "evidence"} for row in rows)
        return page(rows, query)

    @app.get("/api/articles/{article_id}", responses=NOT_FOUND, tags=["records"])
    def article(article_id: ArticleId) -> dict[str, Any]:
        """One article: clean body, metadata, actors, places, quotes, claims, events."""
        return locked(_article_or_404)(store, article_id)

    @app.get(
        "/api/articles/{article_id}/original",
        responses=ORIGINAL_RESPONSES,
        response_class=PlainTextResponse,
        tags=["records"],
    )
    def original(article_id: ArticleId) -> PlainTextResponse:
        """The text sitrep read for the article (its HTML source or plain text), as inert
        plain text: only what the store holds, never a file or URL named by the input."""
        text = locked(store.original)(article_id)
        if text is None:
            locked(_article_or_404)(store, article_id)
            raise HTTPException(404, f"no original stored for article {article_id}")
        return PlainTextResponse(
            text,
            headers={
                "content-security-policy": ORIGINAL_POLICY,
                "content-disposition": f'inline; filename="{article_id}.txt"',
            },
        )

    @app.get("/api/counts", tags=["records"])
    def counts(query: Filters) -> dict[str, Any]:
        """Totals per record kind, events per type, events and articles per day, and the
        date window the page draws (stray dates left outside and listed)."""
        counted: dict[str, Any] = locked(store.counts)(query)
        return counted | {"window": date_window(counted["days"])}

    @app.get("/api/taxonomy", response_model=Taxonomy, tags=["taxonomy"])
    def event_taxonomy() -> Taxonomy:
        """The PLOVER event types sitrep codes: gloss, GDELT QuadClass, CAMEO root, Goldstein
        value, default ACLED codes and the page's colour (knowledge/events/taxonomy.tsv)."""
        return Taxonomy(types=list(event_types().values()))

    @app.get("/api/control", response_model=Page[HoldingRow], tags=["control"])
    def control(
        on: Annotated[IsoDate, Query(description="The day to picture (ISO date).")],
        place: FilterText = None,
        limit: Limit = MAX_PAGE,
        after: After = None,
    ) -> Page[HoldingRow]:
        """Who held each place on `on`, as `sitrep control` answers it: one row per place
        (its holder, or contested with every side), a page of places (by name) at a time."""
        query = QueryFilter(limit=limit, after=after)
        return page(locked(store.control)(place, on, query), query)

    @app.exception_handler(BadCursor)
    async def bad_cursor(request: Request, error: BadCursor) -> JSONResponse:
        # Answered like any other invalid parameter, so the 422 body keeps its schema.
        invalid = [{"type": "value_error", "loc": ("query", "after"), "msg": str(error)}]
        return await request_validation_exception_handler(request, RequestValidationError(invalid))

    @app.exception_handler(LookupError)
    def lookup_failed(_: Request, error: LookupError) -> JSONResponse:
        return JSONResponse({"detail": f"not found: {error}"}, status_code=404)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC_DIR / "docs.html")

    @app.get("/healthz", include_in_schema=False)
    def health() -> PlainTextResponse:
        return PlainTextResponse("ok")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


def _article_or_404(store: Store, article_id: str) -> Row:
    row = store.article(article_id)
    if row is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return row

"""`/brief`: the situation report as a printable page (or Markdown), served beside the API.

The page is server-rendered HTML and SVG with no script, styled by /static/brief.css, and
its evidence links open the article view of the page at `/` on the same server.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from sitrep.brief import build_brief, render_html, render_markdown, resolve_window
from sitrep.store.api import Store

DAY = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="A day, YYYY-MM-DD.")]


class BriefFormat(StrEnum):
    HTML = "html"
    MARKDOWN = "markdown"


def brief_router(
    store: Store, locked: Callable[[Callable[..., Any]], Callable[..., Any]]
) -> APIRouter:
    """The route, reading `store` through `locked` (the app's one-caller-at-a-time guard)."""
    router = APIRouter()

    @router.get("/brief", include_in_schema=False)
    def brief(
        request: Request,
        date_from: Annotated[DAY, Query(alias="from")] = None,
        date_to: Annotated[DAY, Query(alias="to")] = None,
        output_format: Annotated[BriefFormat, Query(alias="format")] = BriefFormat.HTML,
    ) -> Response:
        try:
            window = locked(resolve_window)(store, _day(date_from), _day(date_to))
        except ValueError as error:
            raise HTTPException(422, str(error)) from error
        report = locked(build_brief)(store, *window)
        if output_format is BriefFormat.MARKDOWN:
            return PlainTextResponse(
                render_markdown(report, str(request.base_url)),
                media_type="text/markdown; charset=utf-8",
            )
        return HTMLResponse(render_html(report, served=True))

    return router


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None

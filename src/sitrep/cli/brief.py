"""`sitrep brief`: the situation report for a window of days, as Markdown or a printable page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sitrep.cli._app import app
from sitrep.cli.options import DbOption, FromOption, ToOption, day, format_option
from sitrep.cli.output import notice
from sitrep.cli.stores import open_for_reading
from sitrep.serve.brief_page import BriefFormat
from sitrep.store import DEFAULT_DB

SERVED_AT = "http://127.0.0.1:8000"


def _web_address(value: str) -> str:
    if not value.startswith(("http://", "https://")):
        raise typer.BadParameter(f"{value!r} is not an http(s) address")
    return value


@app.command("brief")
def brief_cli(
    db: DbOption = DEFAULT_DB,
    date_from: FromOption = None,
    date_to: ToOption = None,
    output_format: Annotated[
        BriefFormat, format_option(BriefFormat, "markdown or html.")
    ] = BriefFormat.MARKDOWN,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="File to write (default stdout)."),
    ] = None,
    base_url: Annotated[
        str,
        typer.Option(
            "--base-url",
            metavar="URL",
            callback=_web_address,
            help="Where `sitrep serve` runs: evidence links open its article view.",
        ),
    ] = SERVED_AT,
) -> None:
    """The situation report: control changes, events by type and place, new actors, claims,
    contradictions, and what is only proposed or denied, each line linked to its evidence.

    Without --from/--to: the 7 days up to the latest event day (dates after the latest
    publication are ignored). With one of them: 7 days from or to it.

    Example: sitrep brief --from 2024-12-01 --to 2024-12-07 --format html -o brief.html
    """
    from sitrep.brief import build_brief, render_html, render_markdown, resolve_window

    store = open_for_reading(db)
    try:
        try:
            window = resolve_window(store, day(date_from), day(date_to))
        except ValueError as error:
            raise typer.BadParameter(str(error), param_hint="--from/--to") from error
        report = build_brief(store, *window)
    finally:
        store.close()
    if output_format is BriefFormat.HTML:
        text = render_html(report, base_url)
    else:
        text = render_markdown(report, base_url)
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        notice(f"wrote {report.title.lower()} to {output}")

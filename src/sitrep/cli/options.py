"""Options shared by the commands: the database, the filters, and their validation.

Enumerated values (PLOVER types, source types) are checked when parsed, and a wrong one
is answered with the list of valid values: a typo must not look like an empty result.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import typer

from sitrep import taxonomy
from sitrep.read.decode import DEFAULT_MAX_BYTES
from sitrep.records import SourceType
from sitrep.store.api import QueryFilter

DAY_FORMATS = ["%Y-%m-%d"]
MEGABYTE = 1024 * 1024
# The byte cap every command that reads inputs takes (`sitrep read`, `sitrep ingest`).
MaxMbOption = Annotated[
    int,
    typer.Option(
        "--max-mb",
        metavar="MB",
        help="Reject documents larger than this (MB, after decompression).",
    ),
]
DEFAULT_MAX_MB = DEFAULT_MAX_BYTES // MEGABYTE


def event_types() -> tuple[str, ...]:
    """The PLOVER event types sitrep codes, as its taxonomy lists them."""
    return tuple(taxonomy.event_types())


def _event_type(value: str | None) -> str | None:
    if value is None:
        return None
    if value.upper() not in event_types():
        raise typer.BadParameter(f"{value!r} is not a PLOVER type; use one of {_listed()}")
    return value.upper()


def _listed() -> str:
    return ", ".join(sorted(event_types()))


SOURCE_TYPES = ", ".join(source.value for source in SourceType)

DbOption = Annotated[
    str,
    typer.Option(
        "--db", metavar="PATH|URL", help="DuckDB file or postgresql:// URL.", envvar="SITREP_DB"
    ),
]
FromOption = Annotated[
    datetime | None,
    typer.Option("--from", metavar="YYYY-MM-DD", help="Earliest day.", formats=DAY_FORMATS),
]
ToOption = Annotated[
    datetime | None,
    typer.Option("--to", metavar="YYYY-MM-DD", help="Latest day.", formats=DAY_FORMATS),
]
OnOption = Annotated[
    datetime | None,
    typer.Option(metavar="YYYY-MM-DD", help="The day (default today).", formats=DAY_FORMATS),
]
ActorOption = Annotated[
    str | None, typer.Option(metavar="NAME", help="Actor name or alias, e.g. Assad.")
]
PlaceOption = Annotated[str | None, typer.Option(metavar="NAME", help="Place name, e.g. Homs.")]
TypeOption = Annotated[
    str | None,
    typer.Option(
        "--type",
        metavar="TYPE",
        callback=_event_type,
        help="PLOVER event type, one of: " + ", ".join(sorted(event_types())) + ".",
    ),
]
SourceOption = Annotated[
    SourceType | None,
    typer.Option("--source-type", metavar="KIND", help=f"Who vouches: {SOURCE_TYPES}."),
]


def day(value: datetime | None) -> date | None:
    return value.date() if value else None


def query_filter(
    date_from: datetime | None = None,
    date_to: datetime | None = None,
    actor: str | None = None,
    place: str | None = None,
    event_type: str | None = None,
    source_type: SourceType | None = None,
    limit: int = 100,
) -> QueryFilter:
    return QueryFilter(
        date_from=day(date_from),
        date_to=day(date_to),
        actor=actor,
        place=place,
        event_type=event_type,
        source_type=source_type.value if source_type else None,
        limit=limit,
    )

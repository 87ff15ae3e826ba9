"""Options shared by the commands: the database, the filters, the analysis settings, and
their validation.

Enumerated values (PLOVER types, source types) are checked when parsed, and a wrong one
is answered with the list of valid values: a typo must not look like an empty result.
The analysis options are `Settings` fields: their flags and help come from the fields,
and `analysis_settings` is the one place that builds a `Settings` from them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, TypeVar

import typer

from sitrep import taxonomy
from sitrep.records import SourceType
from sitrep.settings import DEFAULT_MAX_BYTES, DEFAULT_SETTINGS, Settings, flag_for, help_for
from sitrep.store.api import QueryFilter

MEGABYTE = 1024 * 1024
E = TypeVar("E", bound=StrEnum)
DEFAULT_MAX_MB = DEFAULT_MAX_BYTES // MEGABYTE

# The analysis settings every command that analyses takes (`sitrep read`, `sitrep ingest`).
MaxMbOption = Annotated[
    int, typer.Option(flag_for("max_bytes"), metavar="MB", help=help_for("max_bytes"))
]
ModelOption = Annotated[
    str, typer.Option(flag_for("model"), metavar="NAME", help=help_for("model"))
]
LanguageOption = Annotated[
    str, typer.Option(flag_for("language"), metavar="CODE", help=help_for("language"))
]
StagesOption = Annotated[
    str | None,
    typer.Option(
        flag_for("stages"),
        metavar="NAME,...",
        help=help_for("stages") + " Default: " + ",".join(DEFAULT_SETTINGS.stages) + ".",
    ),
]
ClassifierOption = Annotated[
    str, typer.Option(flag_for("classifier"), metavar="NAME", help=help_for("classifier"))
]
BatchSizeOption = Annotated[
    int,
    typer.Option(flag_for("batch_size"), metavar="N", min=1, help=help_for("batch_size")),
]
PluginOption = Annotated[
    list[str] | None,
    typer.Option(flag_for("plugins"), metavar="MODULE", help=help_for("plugins")),
]


def analysis_settings(
    *,
    model: str,
    language: str,
    stages: str | tuple[str, ...],
    classifier: str,
    batch_size: int,
    max_mb: int,
    plugins: list[str] | None,
) -> Settings:
    """The `Settings` the options ask for, checked before anything is read: an unknown
    name or a stage before the one it needs is answered with what is known."""
    settings = Settings(
        model=model,
        language=language,
        stages=tuple(s.strip() for s in stages.split(",") if s.strip())
        if isinstance(stages, str)
        else stages,
        classifier=classifier,
        batch_size=batch_size,
        max_bytes=max_mb * MEGABYTE,
        plugins=tuple(plugins or ()),
    )
    if settings != DEFAULT_SETTINGS:
        # Checking imports the stages and spaCy; the defaults are known to be sound.
        from sitrep.analysis import check

        try:
            check(settings)
        except (ValueError, ImportError) as error:
            raise typer.BadParameter(str(error)) from None
    return settings


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


# Parsers that answer a wrong value in the user's terms: typer's own messages name Python
# (`does not match the formats '%Y-%m-%d'`, `Value error, ...`).
def _day(value: str) -> datetime:
    try:
        return datetime.strptime(value, "%Y-%m-%d")
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a day; write YYYY-MM-DD, e.g. 2024-12-07"
        ) from None


def choice(kind: type[E], what: str) -> Callable[[str], E]:
    """The parser of an enumerated option (any case): a wrong value is answered with the
    valid ones, not typer's `Value error, 'xml' is not one of 'table', ...`."""

    def parse(value: str) -> E:
        try:
            return kind(value.lower())
        except ValueError:
            valid = ", ".join(member.value for member in kind)
            raise typer.BadParameter(f"{value!r} is not {what}; use one of {valid}") from None

    return parse


def format_option(kind: type[StrEnum], help_text: str) -> typer.models.OptionInfo:
    """`--format FORMAT`, one of `kind`'s values in any case (see `choice`)."""
    return typer.Option(
        "--format", metavar="FORMAT", help=help_text, parser=choice(kind, "an output format")
    )


_source_type = choice(SourceType, "a source type")


DbOption = Annotated[
    str,
    typer.Option(
        "--db", metavar="PATH|URL", help="DuckDB file or postgresql:// URL.", envvar="SITREP_DB"
    ),
]
FromOption = Annotated[
    datetime | None,
    typer.Option("--from", metavar="YYYY-MM-DD", help="Earliest day.", parser=_day),
]
ToOption = Annotated[
    datetime | None,
    typer.Option("--to", metavar="YYYY-MM-DD", help="Latest day.", parser=_day),
]
OnOption = Annotated[
    datetime | None,
    typer.Option(metavar="YYYY-MM-DD", help="The day (default today).", parser=_day),
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
    typer.Option(
        "--source-type", metavar="KIND", help=f"Who vouches: {SOURCE_TYPES}.", parser=_source_type
    ),
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

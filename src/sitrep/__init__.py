"""sitrep: turn raw news pages into a sourced, geolocated, queryable situation picture.

The library API (`sitrep.read_articles`, `analyse`, `ingest`, and the queries `events`,
`claims`, `quotes`, `actors`, `places`, `articles`, `control`, `contradictions`,
`document_errors`, which
return pandas DataFrames) lives in `sitrep.library` and loads on first use, so importing
sitrep stays cheap for worker processes. `sitrep.Settings` says what analysis runs.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = [
    "Settings",
    "__version__",
    "actors",
    "analyse",
    "articles",
    "claims",
    "contradictions",
    "control",
    "document_errors",
    "events",
    "ingest",
    "places",
    "quotes",
    "read_articles",
]


def __getattr__(name: str) -> Any:
    if name == "Settings":
        from sitrep.settings import Settings

        return Settings
    if name in __all__:
        from sitrep import library

        return getattr(library, name)
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The API, lazy names included, so `dir(sitrep)` and a notebook's completion list it,
    and not this module's own imports (`Any`, `annotations`)."""
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})

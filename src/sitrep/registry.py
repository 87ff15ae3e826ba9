"""Components by name: the one registry class behind classifiers, exporters, readers,
stages and engines.

A registry maps a name to a component (a factory, a function, a reader object). Built-in
components register themselves when their module is imported; third-party packages
declare theirs as entry points in the registry's group, e.g. in their pyproject.toml:

    [project.entry-points."sitrep.classifiers"]
    "acme.events.bert.v1" = "acme_events:BertClassifier"

Entry points are loaded once per process, when a name is first looked up, so every
process that builds a pipeline (pool workers and Ray actors included) finds the same
components without being sent them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from importlib import metadata
from typing import Generic, TypeVar, overload

T = TypeVar("T")


class UnknownComponent(ValueError):
    """A name no component is registered under; the message lists the known ones."""


class Registry(Generic[T]):
    """Named components of one kind. `builtins` are modules imported before the first
    lookup (where built-in components register themselves without an import cycle);
    `group` is the entry point group third-party packages register in."""

    def __init__(self, kind: str, group: str, builtins: tuple[str, ...] = ()) -> None:
        self.kind = kind
        self.group = group
        self._builtins = builtins
        self._components: dict[str, T] = {}
        self._loaded = False

    @overload
    def register(self, name: str) -> Callable[[T], T]: ...

    @overload
    def register(self, name: str, component: T) -> T: ...

    def register(self, name: str, component: T | None = None) -> T | Callable[[T], T]:
        """Register `component` under `name`, replacing any earlier one of that name; used
        bare, `@registry.register(name)` registers what it decorates."""
        if component is None:
            return lambda decorated: self.register(name, decorated)
        self._components[name] = component
        return component

    def get(self, name: str) -> T:
        self._load()
        try:
            return self._components[name]
        except KeyError:
            raise UnknownComponent(
                f"no {self.kind} named {name!r}; known: {', '.join(self.names())}"
            ) from None

    def names(self) -> list[str]:
        self._load()
        return sorted(self._components)

    def __contains__(self, name: object) -> bool:
        self._load()
        return name in self._components

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        for module in self._builtins:
            importlib.import_module(module)
        self.discover()

    def discover(self) -> None:
        """Load the components installed packages declare in this registry's group (done
        once, at the first lookup; again only for packages installed since)."""
        for entry_point in metadata.entry_points(group=self.group):
            # A component registered in code keeps its name: an installed package cannot
            # silently replace a built-in.
            if entry_point.name not in self._components:
                self._components[entry_point.name] = entry_point.load()


def import_plugins(modules: tuple[str, ...]) -> None:
    """Import the modules that register components in code (`Settings.plugins`): each
    process that builds a pipeline imports them, so a worker finds what its caller
    registered."""
    for module in modules:
        importlib.import_module(module)

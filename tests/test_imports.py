"""The package's imports run one way: no module imports, even lazily, one that imports it back.

The graph is read from the source with `ast`: every `import` and `from ... import`, at
module level or inside a function (a lazy import still couples the two modules), except
those under `if TYPE_CHECKING:`, which never run.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "sitrep"
# Subpackages that form one layer: the analysis and the engines that run it call each other
# (an engine runs `analyse_chunk`, the analysis runs the engines' input guards).
SAME_LAYER = {"sitrep.scale": "sitrep.analysis"}
# The layers above the store: those that feed it analysed articles and those that query it.
ABOVE_STORE = ("sitrep.pipeline", "sitrep.analysis", "sitrep.scale", "sitrep.cli", "sitrep.serve")


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(root: Path) -> dict[str, Path]:
    return {module_name(path, root): path for path in sorted((root / PACKAGE).rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_imports(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            for branch in child.orelse:
                yield from _runtime_imports_of(branch)
            continue
        yield from _runtime_imports_of(child)


def _runtime_imports_of(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node
    else:
        yield from _runtime_imports(node)


def imported(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that `name` imports: `from a import b` names module a.b when b
    is one, else a."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in _runtime_imports(tree):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
            base = ".".join([*anchor, base] if base else anchor)
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            targets.add(submodule if submodule in known else base)
    return {target for target in targets if target in known and target != name}


def import_graph(root: Path) -> dict[str, set[str]]:
    found = modules(root)
    known = set(found)
    return {name: imported(name, path, known) for name, path in found.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == prefix or name.startswith(f"{prefix}.") for prefix in prefixes)


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph(SRC)


def test_the_graph_sees_lazy_and_relative_imports_but_not_type_checking_ones(
    tmp_path: Path,
) -> None:
    package = tmp_path / PACKAGE
    (package / "inner").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "inner" / "__init__.py").write_text("from . import leaf\n")
    (package / "inner" / "leaf.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from sitrep import typed_only\n"
        "def late():\n    from ..lazy import thing\n"
    )
    (package / "lazy.py").write_text("import sitrep.inner.leaf\n")
    (package / "typed_only.py").write_text("")
    found = import_graph(tmp_path)
    assert found["sitrep.inner"] == {"sitrep.inner.leaf"}
    assert found["sitrep.inner.leaf"] == {"sitrep.lazy"}
    assert cycles(found) == [["sitrep.inner.leaf", "sitrep.lazy"]]


def test_the_graph_covers_the_package(graph: dict[str, set[str]]) -> None:
    assert {"sitrep", "sitrep.records", "sitrep.store", "sitrep.cli"} <= set(graph)
    assert "sitrep.records" in graph["sitrep.read"]


def test_no_module_imports_one_that_imports_it_back(graph: dict[str, set[str]]) -> None:
    assert cycles(graph) == []


def test_the_layers_import_one_way(graph: dict[str, set[str]]) -> None:
    """Between top-level modules and subpackages (read, clean, store, ...) too."""

    def layer(name: str) -> str:
        top = ".".join(name.split(".")[:2])
        return SAME_LAYER.get(top, top)

    layers: dict[str, set[str]] = {layer(name): set() for name in graph}
    for name, targets in graph.items():
        layers[layer(name)].update(
            layer(target) for target in targets if layer(target) != layer(name)
        )
    assert cycles(layers) == []


def test_the_store_imports_nothing_from_the_layers_above_it(
    graph: dict[str, set[str]],
) -> None:
    upward = {
        (name, target)
        for name, targets in graph.items()
        if _within(name, ("sitrep.store",))
        for target in targets
        if _within(target, ABOVE_STORE)
    }
    assert upward == set()

"""Loading the annotate stage's knowledge files, once per process.

Files live under `sitrep/knowledge/`; lines starting with "#" are header comments
(source, licence). A loader refuses an empty file: a missing list would silently
switch a rule off.
"""

from __future__ import annotations

import functools
from pathlib import Path

KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "knowledge"


def _lines(relative_path: str) -> list[str]:
    text = (KNOWLEDGE_DIR / relative_path).read_text("utf-8")
    lines = [line.rstrip("\n") for line in text.splitlines()]
    rows = [line for line in lines if line.strip() and not line.startswith("#")]
    if not rows:
        raise ValueError(f"knowledge file {relative_path} is empty")
    return rows


@functools.cache
def words(relative_path: str) -> frozenset[str]:
    """A one-column list, lowercased."""
    return frozenset(line.strip().lower() for line in _lines(relative_path))


@functools.cache
def rows(relative_path: str) -> tuple[tuple[str, ...], ...]:
    """A tab-separated table, cells stripped."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(relative_path))


@functools.cache
def mapping(relative_path: str) -> dict[str, str]:
    """A two-column table as {first column lowercased: second column}."""
    return {row[0].lower(): row[1] for row in rows(relative_path)}

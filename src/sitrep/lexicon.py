"""Loading the knowledge files every stage keeps under `sitrep/knowledge/`, once per
process and language.

Words of a language live under `knowledge/<language>/` (ISO 639-1: `en/events/triggers.tsv`);
what holds for any language (the event taxonomy, the gazetteer's data, the store's ACLED
tables, trained models) lives directly under `knowledge/`. Every loader takes a path
without the language folder and the language to read it for, and `path` resolves it: the
language's own file, else the English one, else the language-neutral one. So a second
language is a folder holding the lists it words differently; the rest falls back to English.

The language is an input of every loader. A loader asked for none reads the language of
the text being analysed: the pipeline runs each stage inside `reading(settings.language)`
(`sitrep.stages`), so the helpers deep inside a stage read that language's lists without
each passing it on, as a translation catalogue is chosen once per request. Outside a stage
(the reader, the store) that is English. Caches are per (file, language); a list built from
several files (`per_language`) is cached per language too.

Lines starting with "#" are header comments (source, licence). A loader refuses an empty
file: a missing list would silently switch a rule off. This module imports nothing heavy,
so the store and the reader can use it without loading the parser.
"""

from __future__ import annotations

import contextlib
import csv
import functools
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Generic, TypeVar

KNOWLEDGE_DIR = Path(__file__).resolve().parent / "knowledge"
FALLBACK_LANGUAGE = "en"  # every language-specific list exists in English

T = TypeVar("T")
_READING: ContextVar[str] = ContextVar("sitrep_reading_language", default=FALLBACK_LANGUAGE)


@contextlib.contextmanager
def reading(language: str) -> Iterator[None]:
    """Within the block, a loader asked for no language reads `language`'s lists."""
    token = _READING.set(language)
    try:
        yield
    finally:
        _READING.reset(token)


def reading_language(language: str | None = None) -> str:
    """`language` if given, else the language being read (see the module doc)."""
    return language or _READING.get()


class PerFile(Generic[T]):
    """A loader of one knowledge file, cached per (file, language)."""

    def __init__(self, load: Callable[[str, str], T]) -> None:
        self._load = functools.cache(load)
        functools.update_wrapper(self, load)

    def __call__(self, relative_path: str, language: str | None = None) -> T:
        return self._load(relative_path, reading_language(language))

    def cache_clear(self) -> None:
        self._load.cache_clear()


class PerLanguage(Generic[T]):
    """What a module builds from its lists (a lexicon, an index), cached per language."""

    def __init__(self, build: Callable[[str], T]) -> None:
        self._build = functools.cache(build)
        functools.update_wrapper(self, build)

    def __call__(self, language: str | None = None) -> T:
        return self._build(reading_language(language))

    def cache_clear(self) -> None:
        self._build.cache_clear()


def path(relative_path: str, language: str | None = None) -> Path:
    """Where a knowledge file lies for a language (see the module doc for the order)."""
    for folder in dict.fromkeys((reading_language(language), FALLBACK_LANGUAGE)):
        candidate = KNOWLEDGE_DIR / folder / relative_path
        if candidate.is_file():
            return candidate
    return KNOWLEDGE_DIR / relative_path


def numbered_lines(relative_path: str, language: str | None = None) -> list[tuple[int, str]]:
    """The file's lines other than comments and blank ones (tabs kept), each with its line
    number (from 1) for errors that point at it; raises if none."""
    text = path(relative_path, language).read_text("utf-8")
    kept = [
        (number, line)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]
    if not kept:
        raise ValueError(f"knowledge file {relative_path} is empty")
    return kept


def lines(relative_path: str, language: str | None = None) -> list[str]:
    """The file's lines other than comments and blank ones (tabs kept); raises if none."""
    return [line for _, line in numbered_lines(relative_path, language)]


def entries(relative_path: str, language: str | None = None) -> list[str]:
    """A one-column list as written (case kept), in file order."""
    return [line.strip() for line in lines(relative_path, language)]


@PerFile
def words(relative_path: str, language: str) -> frozenset[str]:
    """A one-column list, lowercased."""
    return frozenset(entry.lower() for entry in entries(relative_path, language))


@PerFile
def rows(relative_path: str, language: str) -> tuple[tuple[str, ...], ...]:
    """A tab-separated table, cells stripped."""
    return tuple(
        tuple(cell.strip() for cell in line.split("\t")) for line in lines(relative_path, language)
    )


@PerFile
def mapping(relative_path: str, language: str) -> dict[str, str]:
    """A two-column table as {first column lowercased: second column}."""
    return {row[0].lower(): row[1] for row in rows(relative_path, language)}


@PerFile
def numbered_table(relative_path: str, language: str) -> tuple[tuple[int, dict[str, str]], ...]:
    """A tab-separated table whose first row names the columns, as (line number, row dict)."""
    numbered = numbered_lines(relative_path, language)
    reader = csv.DictReader((line for _, line in numbered), delimiter="\t")
    # line_num counts the kept lines read so far, so it indexes `numbered` from 1.
    records = tuple(
        (
            numbered[reader.line_num - 1][0],
            {key: (value or "").strip() for key, value in record.items()},
        )
        for record in reader
    )
    if not records:
        raise ValueError(f"knowledge file {relative_path} has a header but no rows")
    return records


@PerFile
def table(relative_path: str, language: str) -> tuple[dict[str, str], ...]:
    """A tab-separated table whose first row names the columns, as one dict per row."""
    return tuple(record for _, record in numbered_table(relative_path, language))

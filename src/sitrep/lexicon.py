"""Loading the knowledge files every stage keeps under `sitrep/knowledge/`, once per process.

Words of a language live under `knowledge/<language>/` (ISO 639-1: `en/events/triggers.tsv`);
what holds for any language (the event taxonomy, the gazetteer's data, the store's ACLED
tables, trained models) lives directly under `knowledge/`. Every loader takes a path
without the language folder and the language to read it for, and `path` resolves it: the
language's own file, else the English one, else the language-neutral one. So a second
language is a folder holding the lists it words differently; the rest falls back to English.

Lines starting with "#" are header comments (source, licence). A loader refuses an empty
file: a missing list would silently switch a rule off. This module imports nothing heavy,
so the store and the reader can use it without loading the parser.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

KNOWLEDGE_DIR = Path(__file__).resolve().parent / "knowledge"
FALLBACK_LANGUAGE = "en"  # every language-specific list exists in English


def path(relative_path: str, language: str = FALLBACK_LANGUAGE) -> Path:
    """Where a knowledge file lies for a language (see the module doc for the order)."""
    for folder in dict.fromkeys((language, FALLBACK_LANGUAGE)):
        candidate = KNOWLEDGE_DIR / folder / relative_path
        if candidate.is_file():
            return candidate
    return KNOWLEDGE_DIR / relative_path


def numbered_lines(relative_path: str, language: str = FALLBACK_LANGUAGE) -> list[tuple[int, str]]:
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


def lines(relative_path: str, language: str = FALLBACK_LANGUAGE) -> list[str]:
    """The file's lines other than comments and blank ones (tabs kept); raises if none."""
    return [line for _, line in numbered_lines(relative_path, language)]


def entries(relative_path: str, language: str = FALLBACK_LANGUAGE) -> list[str]:
    """A one-column list as written (case kept), in file order."""
    return [line.strip() for line in lines(relative_path, language)]


@functools.cache
def words(relative_path: str, language: str = FALLBACK_LANGUAGE) -> frozenset[str]:
    """A one-column list, lowercased."""
    return frozenset(entry.lower() for entry in entries(relative_path, language))


@functools.cache
def rows(relative_path: str, language: str = FALLBACK_LANGUAGE) -> tuple[tuple[str, ...], ...]:
    """A tab-separated table, cells stripped."""
    return tuple(
        tuple(cell.strip() for cell in line.split("\t")) for line in lines(relative_path, language)
    )


@functools.cache
def mapping(relative_path: str, language: str = FALLBACK_LANGUAGE) -> dict[str, str]:
    """A two-column table as {first column lowercased: second column}."""
    return {row[0].lower(): row[1] for row in rows(relative_path, language)}


@functools.cache
def numbered_table(
    relative_path: str, language: str = FALLBACK_LANGUAGE
) -> tuple[tuple[int, dict[str, str]], ...]:
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


@functools.cache
def table(relative_path: str, language: str = FALLBACK_LANGUAGE) -> tuple[dict[str, str], ...]:
    """A tab-separated table whose first row names the columns, as one dict per row."""
    return tuple(record for _, record in numbered_table(relative_path, language))

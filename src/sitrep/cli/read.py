"""`sitrep read`: print each input as a clean article, optionally annotated and extracted.

Analysis takes the path `sitrep ingest` takes (`sitrep.pipeline.process_paths`, in this
process, pages after the first chunk read in a reader process), so both accept and reject
the same documents for the same reasons.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import Annotated

import typer

from sitrep.cli._app import app
from sitrep.cli.options import (
    DEFAULT_MAX_MB,
    DEFAULT_SETTINGS,
    BatchSizeOption,
    ClassifierOption,
    LanguageOption,
    MaxMbOption,
    ModelOption,
    PluginOption,
    StagesOption,
    analysis_settings,
    format_option,
)
from sitrep.errors import ErrorCode
from sitrep.pipeline import process_paths
from sitrep.read import read_paths
from sitrep.records import Article, DocumentError, Record
from sitrep.settings import ANNOTATE_STAGES, Settings


class OutputFormat(StrEnum):
    JSON = "json"
    JSONL = "jsonl"  # the same: one article a line, what `sitrep ingest` stores as is
    TEXT = "text"


@app.command("read")
def read_cli(
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH", help="Files, folders, or - for stdin.")
    ],
    output_format: Annotated[
        OutputFormat, format_option(OutputFormat, "json or jsonl (one object per line), or text.")
    ] = OutputFormat.TEXT,
    annotate: Annotated[bool, typer.Option(help="Add sentences, actors and places.")] = False,
    extract: Annotated[
        bool, typer.Option(help="Add quotes, claims, events (implies --annotate).")
    ] = False,
    stages: StagesOption = None,
    classifier: ClassifierOption = DEFAULT_SETTINGS.classifier,
    model: ModelOption = DEFAULT_SETTINGS.model,
    language: LanguageOption = DEFAULT_SETTINGS.language,
    batch_size: BatchSizeOption = DEFAULT_SETTINGS.batch_size,
    max_mb: MaxMbOption = DEFAULT_MAX_MB,
    plugins: PluginOption = None,
) -> None:
    """Print each article: metadata and clean body.

    A document that cannot be read or analysed is one error line on stderr and the rest go
    on; with --annotate or --extract the documents pass the checks `sitrep ingest` applies.
    Exits 1 when sitrep failed on a document (processing_failed) or every document failed.

    --stages runs the stages named (and implies --annotate).

    Example: sitrep read examples/ --format json --extract
    """
    settings = analysis_settings(
        model=model,
        language=language,
        stages=stages or (DEFAULT_SETTINGS.stages if extract else ANNOTATE_STAGES),
        classifier=classifier,
        batch_size=batch_size,
        max_mb=max_mb,
        plugins=plugins,
    )
    errors = read(
        paths, output_format, analyse=annotate or extract or bool(stages), settings=settings
    )
    if errors.failed or (errors.count and not errors.passed):
        raise typer.Exit(1)


def read(
    paths: list[str], output_format: OutputFormat, *, analyse: bool, settings: Settings
) -> ErrorReporter:
    """Read, optionally analyse as `sitrep ingest` does, and print each article."""
    records: Iterable[Record] = (
        process_paths(paths, settings=settings)
        if analyse
        else read_paths(paths, max_bytes=settings.max_bytes)
    )
    errors = ErrorReporter()
    for article in errors.filter(records):
        _print_article(article, output_format)
    return errors


class ErrorReporter:
    """Prints one line per failed document to stderr and passes articles on, counting both."""

    def __init__(self) -> None:
        self.count = 0
        self.failed = 0  # of those, documents sitrep itself failed on (processing_failed)
        self.passed = 0

    def filter(self, items: Iterable[Record]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, DocumentError):
                self.count += 1
                self.failed += item.code == ErrorCode.PROCESSING_FAILED
                print(f"error: {item.source}: [{item.code}] {item.message}", file=sys.stderr)
            else:
                self.passed += 1
                yield item


def _print_article(article: Article, output_format: OutputFormat) -> None:
    if output_format in (OutputFormat.JSON, OutputFormat.JSONL):
        print(json.dumps(article.to_dict(), ensure_ascii=False))
        return
    published = article.published.isoformat() if article.published else "unknown"
    print(f"# {article.title or '(untitled)'}")
    print(f"source: {article.source}")
    print(f"authors: {', '.join(article.authors) or 'unknown'}")
    if article.agencies:
        print(f"agencies: {', '.join(article.agencies)}")
    print(f"published: {published}")
    if article.section:
        print(f"section: {' > '.join(article.section)}")
    if article.page_judgement and (note := article.page_judgement.note()):
        print(note)
    print()
    print(article.body)
    print()
    role_phrases: dict[str | None, list[str]] = {}
    for reference in article.role_references():
        role_phrases.setdefault(reference.actor_id, []).append(reference.text)
    for actor in article.actors:
        mentions = "; ".join(dict.fromkeys(m.text for m in actor.mentions))
        roles = "; ".join(dict.fromkeys(role_phrases.get(actor.id, [])))
        roles = roles and f" (as {roles})"
        about = f"{actor.kind}, {actor.sector}, {actor.country}"
        print(f"actor {actor.id}: {actor.name} ({about}): {mentions}{roles}")
    for place in article.places:
        where = f"{place.latitude}, {place.longitude}" if place.latitude is not None else "-"
        print(f"place {place.id}: {place.name} [{place.precision}] {where} ({place.geonames_id})")

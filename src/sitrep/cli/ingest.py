"""`sitrep ingest`: read, analyse and store inputs into DuckDB (default) or PostgreSQL."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from sitrep.cli._app import app
from sitrep.cli.options import (
    DEFAULT_MAX_MB,
    DEFAULT_SETTINGS,
    BatchSizeOption,
    ClassifierOption,
    DbOption,
    LanguageOption,
    MaxMbOption,
    ModelOption,
    PluginOption,
    StagesOption,
    analysis_settings,
)
from sitrep.cli.output import chatty
from sitrep.cli.stores import open_for_writing
from sitrep.pipeline import ENGINES
from sitrep.read import count_documents
from sitrep.records import DocumentError, Record
from sitrep.store import DEFAULT_DB, shown_location

# The failed documents named at the end of a run; `sitrep errors` lists them all.
ERRORS_NAMED = 10


@app.command("ingest")
def ingest_cli(
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH", help="Files, folders, or - for stdin.")
    ],
    db: DbOption = DEFAULT_DB,
    workers: Annotated[
        int, typer.Option(metavar="N", help="Analysis processes (or Ray actors); 0 = one per core.")
    ] = 1,
    engine: Annotated[
        str,
        typer.Option(
            metavar="NAME", help="Where analysis runs: local (this machine) or ray, or a plugin's."
        ),
    ] = "local",
    ray_address: Annotated[
        str | None,
        typer.Option("--ray-address", metavar="ADDRESS", help="Ray cluster to join (engine ray)."),
    ] = None,
    stages: StagesOption = None,
    classifier: ClassifierOption = DEFAULT_SETTINGS.classifier,
    model: ModelOption = DEFAULT_SETTINGS.model,
    language: LanguageOption = DEFAULT_SETTINGS.language,
    batch_size: BatchSizeOption = DEFAULT_SETTINGS.batch_size,
    max_mb: MaxMbOption = DEFAULT_MAX_MB,
    plugins: PluginOption = None,
    jsonl: Annotated[
        bool,
        typer.Option(
            "--jsonl",
            help="Every input (stdin too) holds analysed articles as JSON Lines, as"
            " `sitrep read --extract --format jsonl` prints them; *.jsonl files always do.",
        ),
    ] = False,
    retry_errors: Annotated[
        bool,
        typer.Option(
            "--retry-errors",
            help="Analyse again documents an earlier run recorded as unfit input"
            " (skipped by default).",
        ),
    ] = False,
) -> None:
    """Store articles with their actors, places, quotes, claims and events; merge across articles.

    Re-running skips what is already stored, and what an earlier run found unfit
    (`--retry-errors` to try those again). Analysed articles (*.jsonl) are stored without
    analysing them again. Exits 1 when a document failed to be analysed or stored, or when
    every document was unfit input.

    Example: sitrep ingest examples/ --db sitrep.duckdb
    """
    # Looked up when run, so a test can stand in for it.
    from sitrep.pipeline import ingest

    settings = analysis_settings(
        model=model,
        language=language,
        stages=stages or DEFAULT_SETTINGS.stages,
        classifier=classifier,
        batch_size=batch_size,
        max_mb=max_mb,
        plugins=plugins,
    )
    if engine not in ENGINES:
        raise typer.BadParameter(f"use one of {', '.join(ENGINES.names())}", param_hint="--engine")
    # Opened once before the run: a server that cannot be reached, or a file another
    # process holds, is one line and exit status 2, not a traceback from inside the run.
    open_for_writing(db).close()
    console = Console(stderr=True)
    # Files are counted up front (cheap) so the bar has a total and an estimate of the time
    # left; inputs whose document count is unknown (WARC archives, stdin) leave it open.
    total = None if jsonl else count_documents(paths)
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest[/bold]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[failed]} errors"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=not chatty(),
    ) as progress:
        task = progress.add_task("ingest", total=total, failed=0)

        def advance(record: Record) -> None:
            failed = isinstance(record, DocumentError)
            progress.update(task, advance=1, failed=progress.tasks[task].fields["failed"] + failed)

        report = ingest(
            paths,
            db,
            settings=settings,
            workers=workers or None,
            engine=engine,
            ray_address=ray_address,
            on_stored=advance,
            # Skipped inputs count toward the total too, or a re-run's bar never fills.
            on_skipped=lambda: progress.update(task, advance=1),
            analysed=jsonl,
            retry_errors=retry_errors,
        )
    known = f", known unfit {report.known_errors} (--retry-errors)" if report.known_errors else ""
    if chatty() or report.errors:
        console.print(
            f"stored {report.stored}, already stored {report.skipped}{known},"
            f" errors {report.errors} -> {shown_location(db)}",
            soft_wrap=True,
        )
    if report.error_sources:
        shown = ", ".join(report.error_sources[:ERRORS_NAMED])
        more = len(report.error_sources) - ERRORS_NAMED
        console.print(
            f"errors in: {shown}" + (f" and {more} more" if more > 0 else ""),
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    # Unfit input (not an article, not English, binary...) is the input's fault and leaves
    # the exit status 0; a document sitrep failed to analyse or store is lost work.
    if report.failed:
        console.print(
            f"{report.failed} documents failed to be analysed or stored (processing_failed):"
            " see `sitrep errors`; running the same ingest again retries them"
        )
        raise typer.Exit(1)
    if report.errors and not (report.stored or report.skipped):
        raise typer.Exit(1)

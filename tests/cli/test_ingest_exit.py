"""`sitrep ingest`'s exit status: documents it failed to store fail the run, unfit input does not.

The analysis is replaced by ready-made records, so these run without the model.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep import pipeline
from sitrep.cli import app
from sitrep.errors import ErrorCode
from sitrep.records import Article, DocumentError, InputKind
from sitrep.store import writer

BODY = "Rebels entered the city of Homs on Saturday, residents said. Report {n}."


def records() -> list[Article | DocumentError]:
    articles: list[Article | DocumentError] = [
        Article(
            source=f"page-{n}.txt",
            content_hash=f"hash-{n}",
            input_kind=InputKind.TEXT,
            paragraphs=[BODY.format(n=n)],
            language="en",
        )
        for n in range(3)
    ]
    return [*articles, DocumentError("menu.html", ErrorCode.NO_ARTICLE, "navigation only", "m")]


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> None:
    def ready_made(paths: object, **options: object) -> Iterator[Article | DocumentError]:
        skip = options.get("skip")
        for record in records():
            if isinstance(record, Article) and callable(skip) and skip([record.content_hash]):
                continue
            yield record

    monkeypatch.setattr(pipeline, "process_paths", ready_made)


def test_ingest_exits_1_when_a_document_could_not_be_stored(
    analysed: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    db = str(tmp_path / "full.duckdb")
    add_control_changes = writer._add_control_changes

    def full_disk(pending: object, item: Article, *args: object) -> None:
        if item.id == "hash-1":
            raise OSError(errno.ENOSPC, "No space left on device")
        add_control_changes(pending, item, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(writer, "_add_control_changes", full_disk)
    failed = CliRunner().invoke(app, ["ingest", "pages/", "--db", db])
    assert failed.exit_code == 1, failed.output
    assert "1 documents failed to be analysed or stored" in failed.stderr
    monkeypatch.setattr(writer, "_add_control_changes", add_control_changes)
    retried = CliRunner().invoke(app, ["ingest", "pages/", "--db", db])
    assert retried.exit_code == 0, retried.output
    assert "stored 1, already stored 2, errors 1" in retried.stderr


def test_ingest_exits_0_when_only_input_was_unfit(analysed: None, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["ingest", "pages/", "--db", str(tmp_path / "a.duckdb")])
    assert result.exit_code == 0, result.output
    assert "stored 3, already stored 0, errors 1" in result.stderr


def test_ingest_names_failed_files_and_skips_known_unfit_input_on_rerun(tmp_path: Path) -> None:
    """An unfit file is named at the end of the run, recorded once, and not read again by
    the next run unless it asks with --retry-errors."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8)
    db = str(tmp_path / "a.duckdb")
    first = CliRunner().invoke(app, ["ingest", str(pages), "--db", db])
    assert first.exit_code == 1, first.output  # nothing stored: every document was unfit
    assert "errors 1" in first.stderr
    assert f"errors in: {pages / 'photo.jpg'}" in first.stderr
    again = CliRunner().invoke(app, ["ingest", str(pages), "--db", db])
    assert "known unfit 1 (--retry-errors), errors 0" in again.stderr
    retried = CliRunner().invoke(app, ["ingest", str(pages), "--db", db, "--retry-errors"])
    assert "errors 1" in retried.stderr and "known unfit" not in retried.stderr
    listed = CliRunner().invoke(app, ["errors", "--db", db, "--format", "json"])
    assert listed.output.count("photo.jpg") == 1  # recorded once however often it failed


def test_every_input_advances_the_bar_once_on_a_rerun(analysed: None, tmp_path: Path) -> None:
    """The bar's total counts every input file: a re-run that skips what is already stored
    must advance past those too, or it never fills and its time left is wrong."""
    db = str(tmp_path / "a.duckdb")
    pipeline.ingest(["pages/"], db)
    stored: list[object] = []
    skipped: list[None] = []
    report = pipeline.ingest(
        ["pages/"], db, on_stored=stored.append, on_skipped=lambda: skipped.append(None)
    )
    assert report.skipped == len(skipped) == 3
    assert len(stored) + len(skipped) == len(records())


def test_verbose_ingest_says_why_each_document_was_not_stored(
    analysed: None, tmp_path: Path
) -> None:
    """`-v` logs each unfit document with its reason as it goes; by default only the end
    of the run names them."""
    db = str(tmp_path / "a.duckdb")
    quiet = CliRunner().invoke(app, ["ingest", "pages/", "--db", db])
    assert "menu.html" in quiet.stderr and "navigation only" not in quiet.stderr
    told = CliRunner().invoke(app, ["-v", "ingest", "pages/", "--db", str(tmp_path / "b.duckdb")])
    assert told.exit_code == 0, told.output
    assert (
        "INFO sitrep.pipeline: menu.html: not stored, navigation only (no_article)" in told.stderr
    )

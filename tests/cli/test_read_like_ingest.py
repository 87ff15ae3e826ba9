"""`sitrep read --extract` and `sitrep ingest` accept and reject the same documents (loads the
model): both analyse through `sitrep.pipeline.process_paths`, guards included."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.store import open_store
from sitrep.store.api import QueryFilter

pytestmark = pytest.mark.slow

ALL = QueryFilter(limit=1000)
# A news report in French: the reader reads it, extraction needs English.
FRENCH = (
    "Les forces gouvernementales ont repris mardi le contrôle de la ville, selon un"
    " communiqué publié par le ministère de la Défense dans la capitale.\n\n"
    "Des habitants ont déclaré à la presse que les combats avaient duré toute la nuit et"
    " que plusieurs bâtiments avaient été détruits dans le quartier nord.\n"
)


def _error_sources(stderr: str) -> dict[str, str]:
    """{source: code} from read's `error: SOURCE: [code] message` lines."""
    found = {}
    for line in stderr.splitlines():
        if line.startswith("error: "):
            source, _, rest = line.removeprefix("error: ").partition(": [")
            found[source] = rest.partition("]")[0]
    return found


def _read_and_ingest(
    pages: Path, tmp_path: Path, *options: str
) -> tuple[set[str], dict[str, str], set[str], dict[str, str], int, int]:
    """(accepted, rejected) by `read --extract`, then by `ingest`, then both exit codes."""
    runner = CliRunner()
    read = runner.invoke(app, ["read", str(pages), "--extract", "--format", "jsonl", *options])
    read_accepted = {json.loads(line)["source"] for line in read.stdout.splitlines()}
    db = str(tmp_path / "pages.duckdb")
    ingested = runner.invoke(app, ["ingest", str(pages), "--db", db, *options])
    store = open_store(db)
    try:
        stored = {row["source"] for row in store.articles(ALL)}
        rejected = {row["source"]: row["code"] for row in store.errors(ALL)}
    finally:
        store.close()
    read_rejected = _error_sources(read.stderr)
    return read_accepted, read_rejected, stored, rejected, read.exit_code, ingested.exit_code


@pytest.fixture
def pages(sample_path: Path, tmp_path: Path, nlp) -> Path:  # type: ignore[no-untyped-def]
    """A folder holding the sample page as good.txt; each test adds its bad page."""
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(sample_path, folder / "good.txt")
    return folder


def test_read_extract_accepts_and_rejects_what_ingest_does(pages: Path, tmp_path: Path) -> None:
    bad = pages / "french.txt"
    bad.write_text(FRENCH, encoding="utf-8")
    read_accepted, read_rejected, stored, rejected, *exits = _read_and_ingest(pages, tmp_path)
    assert (read_accepted, read_rejected) == (stored, rejected)
    assert stored == {str(pages / "good.txt")}
    assert rejected == {str(bad): "unsupported_language"}
    # Unfit input is the input's fault, not sitrep's: both runs exit 0.
    assert exits == [0, 0]


def test_read_extract_and_ingest_cap_what_a_small_file_decompresses_to(
    pages: Path, tmp_path: Path
) -> None:
    bomb = pages / "words.txt.gz"
    # Over 1 MiB decompressed, yet fewer characters than the parser's limit of a million.
    text = "“We closed the road,” officials said — again — on Monday. " * 16_100
    assert len(text) < 1_000_000 < 1024 * 1024 < len(text.encode("utf-8"))
    bomb.write_bytes(gzip.compress(text.encode("utf-8")))
    read_accepted, read_rejected, stored, rejected, *_ = _read_and_ingest(
        pages, tmp_path, "--max-mb", "1"
    )
    assert (read_accepted, read_rejected) == (stored, rejected)
    assert rejected == {str(bomb): "too_large"}


def test_read_extract_goes_on_after_a_document_that_fails_analysis(
    sample_path: Path,
    tmp_path: Path,
    nlp,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sitrep.extract as extract

    real_find_quotes = extract.find_quotes

    def quotes_failing_on_the_first(article, doc):  # type: ignore[no-untyped-def]
        if article.source.endswith("a-first.txt"):
            raise RecursionError("maximum recursion depth exceeded")
        return real_find_quotes(article, doc)

    # The quotes stage calls it by this name.
    monkeypatch.setattr(extract, "find_quotes", quotes_failing_on_the_first)
    first, second = tmp_path / "a-first.txt", tmp_path / "b-second.txt"
    shutil.copy(sample_path, first)
    shutil.copy(sample_path, second)
    read = CliRunner().invoke(
        app, ["read", str(first), str(second), "--extract", "--format", "jsonl"]
    )
    assert [json.loads(line)["source"] for line in read.stdout.splitlines()] == [str(second)]
    assert _error_sources(read.stderr) == {str(first): "processing_failed"}
    assert read.exit_code == 1  # sitrep failed on a document: the run says so

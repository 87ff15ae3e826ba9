"""A large mixed batch through the worker pool: every good one analysed, every bad one reported."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from scale_documents import good_text, hostile_inputs, write_files
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.pipeline import ingest, process_paths
from sitrep.records import Article, DocumentError, content_hash
from sitrep.settings import Settings
from sitrep.store import open_store
from sitrep.store.api import QueryFilter

BATCH_SIZE = 1000
# Cheap bad inputs (the 20 MB and 1 MB pages are covered once in test_hostile).
BAD_KINDS = (
    "empty.txt",
    "binary.bin",
    "gzip-truncated.html.gz",
    "navigation.txt",
    "french.txt",
    "mixed-encodings.txt",
    "no-text.html",
)


def _mixed_batch(folder: Path) -> tuple[list[str], set[str], set[str]]:
    """1,000 files, every third one bad; returns (paths, good names, bad names)."""
    hostile = hostile_inputs()
    files: dict[str, bytes] = {}
    for index in range(BATCH_SIZE):
        if index % 3 == 2:
            kind = BAD_KINDS[index % len(BAD_KINDS)]
            files[f"{index:04d}-bad-{kind}"] = hostile[kind]
        else:
            files[f"{index:04d}-good.txt"] = good_text(index).encode()
    paths = write_files(folder, files)
    good = {name for name in files if "-good" in name}
    return paths, good, set(files) - good


@pytest.mark.slow
def test_pool_mixed_batch_analyses_every_good_and_reports_every_bad(tmp_path: Path) -> None:
    paths, good, bad = _mixed_batch(tmp_path)
    records = list(process_paths(paths, workers=2, settings=Settings(batch_size=32)))
    names = [Path(record.source).name for record in records]
    assert names == sorted(good | bad), "one record per document, in input order"
    kinds = Counter(type(record).__name__ for record in records)
    assert kinds == {"Article": len(good), "DocumentError": len(bad)}
    for record in records:
        if isinstance(record, DocumentError):
            assert "-bad-" in record.source and record.message
        else:
            assert isinstance(record, Article) and record.sentences and record.events


@pytest.mark.slow
def test_ingest_mixed_batch_stores_every_good_and_records_every_bad(tmp_path: Path) -> None:
    paths, good, bad = _mixed_batch(tmp_path / "pages")
    db = str(tmp_path / "batch.duckdb")
    # Some good pages are stored already: the batch must neither lose nor repeat them.
    earlier = [path for path in paths if "-good" in path][:20]
    assert ingest(earlier, db, workers=1).stored == len(earlier)
    report = ingest(paths, db, workers=2)
    assert (report.stored, report.skipped, report.errors) == (
        len(good) - len(earlier),
        len(earlier),
        len(bad),
    )
    store = open_store(db, read_only=True)
    try:
        articles = store.articles(QueryFilter(limit=1000))
        article_sources = [Path(a["source"]).name for a in articles]
        assert sorted(article_sources) == sorted(good), "every good page stored exactly once"
    finally:
        store.close()
    listed = CliRunner().invoke(app, ["errors", "--db", db, "--format", "jsonl", "--limit", "1000"])
    assert listed.exit_code == 0, listed.output
    errors = [json.loads(line) for line in listed.output.splitlines() if line.strip()]
    assert sorted(Path(e["source"]).name for e in errors) == sorted(bad)
    assert all(e["code"] and e["message"] for e in errors)


@pytest.mark.slow
def test_pool_gives_the_same_records_as_in_process(tmp_path: Path) -> None:
    paths, _, _ = _mixed_batch(tmp_path)
    sample = paths[:60]
    in_process = [record.to_dict() for record in process_paths(sample, workers=1)]
    pooled = [
        record.to_dict()
        for record in process_paths(sample, workers=2, settings=Settings(batch_size=8))
    ]
    assert pooled == in_process


@pytest.mark.slow
def test_pool_reads_in_the_workers_and_skips_by_raw_hash(tmp_path: Path, monkeypatch) -> None:
    """The process that stores never reads a page (reading there raises here); a stored
    input is dropped by the hash of its raw bytes before any worker sees it."""
    import sitrep.read as read

    def no_reading(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a page was read in the ingesting process")

    monkeypatch.setattr(read, "_article", no_reading)
    texts = {f"{n}.txt": good_text(n).encode() for n in range(3)}
    paths = write_files(tmp_path, texts)
    stored = content_hash(texts["2.txt"])
    records = list(process_paths(paths, workers=2, skip=lambda found: {stored} & set(found)))
    assert [Path(record.source).name for record in records] == ["0.txt", "1.txt"]
    assert all(isinstance(record, Article) for record in records)

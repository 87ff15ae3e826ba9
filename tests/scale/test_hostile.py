"""Hostile input: every bad document gets one clear error record and no batch dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scale_documents import good_text, hostile_inputs, write_files

from sitrep.analysis import analyse_safely
from sitrep.errors import ErrorCode
from sitrep.pipeline import process_paths
from sitrep.records import Article, DocumentError, InputKind
from sitrep.settings import DEFAULT_SETTINGS, Settings
from sitrep.stages import STAGES, Stage

EXPECTED_ERRORS = {
    "empty.txt": ErrorCode.EMPTY,
    "whitespace.txt": ErrorCode.EMPTY,
    "binary.bin": ErrorCode.BINARY,
    "gzip-truncated.html.gz": ErrorCode.TRUNCATED,
    "huge.html": ErrorCode.TOO_LARGE,
    "over-parser-limit.txt": ErrorCode.TOO_LARGE,
    "nested.html": ErrorCode.NO_ARTICLE,
    "no-text.html": ErrorCode.NO_ARTICLE,
    "navigation.txt": ErrorCode.NO_ARTICLE,
    "navigation.html": ErrorCode.NO_ARTICLE,
    "french.txt": ErrorCode.UNSUPPORTED_LANGUAGE,
    "russian.txt": ErrorCode.UNSUPPORTED_LANGUAGE,
    "mixed-encodings.txt": ErrorCode.UNDECODABLE,
}
READABLE = {"latin1-declared-utf8.html": "café", "utf16.txt": "Hama"}
# Bounds on waiting for a pool to start (the model loads) and for it to end after a kill.
STARTUP_SECONDS = 180
EXIT_SECONDS = 30


@pytest.mark.slow
def test_pipeline_hostile_inputs_each_give_one_clear_record(tmp_path: Path) -> None:
    files = hostile_inputs()
    assert set(files) == set(EXPECTED_ERRORS) | set(READABLE), "every input has an expectation"
    good = write_files(tmp_path / "good", {"good.txt": good_text(0).encode()})
    paths = write_files(tmp_path / "bad", files)
    records = list(process_paths([*paths[:5], *good, *paths[5:]]))
    by_name = {Path(record.source).name: record for record in records}
    assert len(records) == len(by_name) == len(files) + 1, "one record per input, no repeats"
    for name, code in EXPECTED_ERRORS.items():
        record = by_name[name]
        assert isinstance(record, DocumentError), name
        assert record.code == code, (name, record.message)
        assert record.message.strip(), name
    assert by_name["french.txt"].message.startswith("language fr:")
    assert by_name["russian.txt"].message.startswith("language ru:")
    for name, word in READABLE.items():
        record = by_name[name]
        assert isinstance(record, Article), (name, getattr(record, "message", ""))
        assert word in record.body
    assert isinstance(by_name["good.txt"], Article)
    assert by_name["good.txt"].events, "the good page between bad ones is fully analysed"


def _article(source: str, paragraphs: list[str]) -> Article:
    return Article(
        source=source, content_hash=source, input_kind=InputKind.TEXT, paragraphs=paragraphs
    )


@pytest.mark.slow
def test_pipeline_stage_failure_becomes_processing_failed(nlp, monkeypatch) -> None:
    """A crash inside a stage costs one document, not its batch, and names the stage."""

    def fail_on_poison(article: Article, doc: object, settings: Settings) -> None:
        if "poison" in article.body:
            raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setitem(STAGES._components, "poison", Stage("poison", fail_on_poison))
    settings = Settings(stages=(*DEFAULT_SETTINGS.stages, "poison"))
    articles = [
        _article("a", [good_text(1)]),
        _article("b", ["The poison was found in the town of Hama, officials said on Monday."]),
        _article("c", [good_text(2)]),
    ]
    records = list(analyse_safely(articles, nlp=nlp, settings=settings))
    assert [record.source for record in records] == ["a", "b", "c"]
    assert isinstance(records[0], Article) and isinstance(records[2], Article)
    assert isinstance(records[1], DocumentError)
    assert records[1].code == ErrorCode.PROCESSING_FAILED
    assert "poison: RecursionError" in records[1].message


@pytest.mark.slow
def test_pipeline_passes_errors_through_in_order(nlp) -> None:
    error = DocumentError("bad", ErrorCode.BINARY, "binary content")
    records = list(analyse_safely([error, _article("good", [good_text(3)])], nlp=nlp))
    assert records[0] is error
    assert isinstance(records[1], Article)


@pytest.mark.slow
def test_pipeline_skip_drops_already_stored_inputs(tmp_path: Path) -> None:
    paths = write_files(tmp_path, {f"{n}.txt": good_text(n).encode() for n in range(3)})
    [first] = [r for r in process_paths(paths[:1]) if isinstance(r, Article)]
    seen = {first.content_hash}
    records = list(process_paths(paths, skip=seen.intersection))
    assert sorted(Path(r.source).name for r in records) == ["1.txt", "2.txt"]


def test_pipeline_asks_the_store_of_many_inputs_at_once(tmp_path: Path) -> None:
    # On DuckDB one lookup per input reads the whole id column: per input, a cost that
    # grows with the store.
    paths = write_files(tmp_path, {f"{n}.txt": good_text(n).encode() for n in range(300)})
    asked: list[list[str]] = []

    def stored(content_hashes: list[str]) -> set[str]:
        asked.append(content_hashes)
        return set(content_hashes)  # all stored: nothing is analysed

    assert list(process_paths(paths, skip=stored)) == []
    hashes = [h for chunk in asked for h in chunk]
    assert len(hashes) == len(set(hashes)) == len(paths)
    assert len(asked) <= len(paths) // 50


def _children(pid: int) -> set[int]:
    """Every live descendant of `pid`, from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended while we looked
        if fields[0] != "Z":
            parents[int(stat.parent.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pids: set[int]) -> set[int]:
    """The processes of `pids` still running (a zombie nobody reaps has ended)."""
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
# Two workers: the forkserver, two workers and the resource tracker; one worker: the reader.
@pytest.mark.parametrize(("workers", "processes"), [(2, 4), (1, 1)], ids=["pool", "reader"])
def test_killed_ingest_leaves_no_worker_behind(
    tmp_path: Path, stop: signal.Signals, workers: int, processes: int
) -> None:
    write_files(tmp_path / "pages", {f"{n}.txt": good_text(n).encode() for n in range(400)})
    ingest = subprocess.Popen(
        [sys.executable, "-c", "from sitrep.cli import app; app()", "ingest",
         str(tmp_path / "pages"), "--db", str(tmp_path / "db.duckdb"), "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    descendants: set[int] = set()
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while len(descendants := _children(ingest.pid)) < processes and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(descendants) >= processes, "the workers did not start"
        ingest.send_signal(stop)
        ingest.wait(timeout=30)
        deadline = time.monotonic() + EXIT_SECONDS
        while _alive(descendants) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _alive(descendants) == set(), "processes outlived the ingest"
    finally:
        for pid in _alive(_children(ingest.pid) | descendants):
            os.kill(pid, signal.SIGKILL)
        ingest.kill()

"""The reader process of a one-worker run (`sitrep.scale.reader`): pages read apart from
the parse come back in input order, each bad page as its own error, and the process ends
with the run."""

from __future__ import annotations

from pathlib import Path

import pytest
from scale_documents import good_text, hostile_inputs, write_files

from sitrep.analysis import analyse_safely
from sitrep.errors import ErrorCode
from sitrep.read import raw_documents, read_input
from sitrep.records import Article, DocumentError, Record
from sitrep.scale.reader import ReaderProcess, analyse_reading_apart
from sitrep.settings import Settings

# Small chunks, so a run crosses several and a fault lands inside one.
SETTINGS = Settings(batch_size=3)
FAULTY = Settings(batch_size=3, plugins=("faulty_reader",))
BAD = ("empty.txt", "binary.bin", "gzip-truncated.html.gz", "french.txt", "no-text.html")


def _pages(folder: Path, middle: dict[str, bytes]) -> list[str]:
    """Five good pages, then `middle`, then five more."""
    files = {f"{n:02d}-good.txt": good_text(n).encode() for n in range(5)}
    files |= {f"05-{name}": data for name, data in middle.items()}
    files |= {f"{n + 1:02d}-good.txt": good_text(n).encode() for n in range(5, 10)}
    return write_files(folder, files)


def _read_apart(paths: list[str], settings: Settings) -> list[Record]:
    with ReaderProcess(settings) as reader:
        return list(reader.read(raw_documents(paths)))


def _names(records: list[Record]) -> list[str]:
    return [Path(record.source).name for record in records]


def _names_of(paths: list[str]) -> list[str]:
    return [Path(path).name for path in paths]


def test_pages_read_apart_come_back_in_order_as_read_here(tmp_path: Path) -> None:
    hostile = hostile_inputs()
    paths = _pages(tmp_path, {name: hostile[name] for name in BAD})
    apart = _read_apart(paths, SETTINGS)
    here = [read_input(record) for record in raw_documents(paths)]
    assert [record.to_dict() for record in apart] == [record.to_dict() for record in here]
    assert _names(apart) == _names_of(paths), "input order"
    errors = {Path(r.source).name for r in apart if isinstance(r, DocumentError)}
    assert errors == {f"05-{name}" for name in BAD if name != "french.txt"}


def test_a_reader_that_fails_costs_its_page_only(tmp_path: Path) -> None:
    paths = _pages(tmp_path, {"fault.txt": b"FAULT raise"})
    records = _read_apart(paths, FAULTY)
    assert _names(records) == _names_of(paths), "one record a page, in input order"
    [error] = [record for record in records if isinstance(record, DocumentError)]
    assert Path(error.source).name == "05-fault.txt"
    assert error.code == ErrorCode.PROCESSING_FAILED
    assert error.message == "read: RuntimeError: a bug in this reader"


def test_a_page_that_kills_the_reader_costs_that_page_only(tmp_path: Path) -> None:
    """The reader process is started again and the rest of its chunk, and every chunk
    after it, is still read."""
    paths = _pages(tmp_path, {"crash.txt": b"FAULT exit"})
    records = _read_apart(paths, FAULTY)
    assert _names(records) == _names_of(paths), "one record a page, in input order"
    [error] = [record for record in records if isinstance(record, DocumentError)]
    assert Path(error.source).name == "05-crash.txt"
    assert error.code == ErrorCode.PROCESSING_FAILED
    assert error.message == "the reader process died on this document"
    assert all(isinstance(record, Article) for record in records if record is not error)


def test_the_reader_process_ends_with_its_block(tmp_path: Path) -> None:
    paths = _pages(tmp_path, {})
    with ReaderProcess(SETTINGS) as reader:
        # The consumer stops early: the rest is never asked for.
        first = next(reader.read(raw_documents(paths)))
        process = reader.process
        assert process is not None and process.poll() is None, "started for the second chunk"
    assert isinstance(first, Article)
    assert process.poll() is not None, "the reader has ended"


def test_a_run_of_one_chunk_starts_no_reader(tmp_path: Path) -> None:
    paths = _pages(tmp_path, {})[:3]
    with ReaderProcess(SETTINGS) as reader:
        records = list(reader.read(raw_documents(paths)))
        assert reader.process is None
    assert _names(records) == _names_of(paths)


@pytest.mark.slow
def test_analysing_with_a_reader_process_gives_what_analysing_here_gives(
    tmp_path: Path, nlp
) -> None:
    hostile = hostile_inputs()
    paths = _pages(tmp_path, {name: hostile[name] for name in BAD})
    apart = list(analyse_reading_apart(raw_documents(paths), settings=SETTINGS))
    here = list(analyse_safely(raw_documents(paths), nlp=nlp, settings=SETTINGS))
    assert [record.to_dict() for record in apart] == [record.to_dict() for record in here]
    assert sum(isinstance(record, Article) and bool(record.events) for record in apart) == 10

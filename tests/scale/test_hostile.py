"""Hostile input: every bad document gets one clear error record and no batch dies."""

from __future__ import annotations

from pathlib import Path

import pytest
from scale_documents import good_text, hostile_inputs, write_files

from sitrep.analysis import analyse_safely
from sitrep.errors import ErrorCode
from sitrep.pipeline import process_paths
from sitrep.records import Article, DocumentError, InputKind

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
    """A crash inside annotate or extract costs one document, not its batch."""
    import sitrep.analysis as analysis

    real_extract = analysis.extract

    def extract_failing_on_poison(article: Article, doc: object) -> Article:
        if "poison" in article.body:
            raise RecursionError("maximum recursion depth exceeded")
        return real_extract(article, doc)

    monkeypatch.setattr(analysis, "extract", extract_failing_on_poison)
    articles = [
        _article("a", [good_text(1)]),
        _article("b", ["The poison was found in the town of Hama, officials said on Monday."]),
        _article("c", [good_text(2)]),
    ]
    records = list(analyse_safely(articles, nlp=nlp))
    assert [record.source for record in records] == ["a", "b", "c"]
    assert isinstance(records[0], Article) and isinstance(records[2], Article)
    assert isinstance(records[1], DocumentError)
    assert records[1].code == ErrorCode.PROCESSING_FAILED
    assert "extract: RecursionError" in records[1].message


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
    records = list(process_paths(paths, skip=seen.__contains__))
    assert sorted(Path(r.source).name for r in records) == ["1.txt", "2.txt"]

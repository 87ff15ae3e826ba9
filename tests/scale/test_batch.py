"""A large mixed batch through the worker pool: every good one analysed, every bad one reported."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from scale_documents import good_text, hostile_inputs, write_files

from sitrep.pipeline import process_paths
from sitrep.records import Article, DocumentError

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
    records = list(process_paths(paths, workers=2, batch_size=32))
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
def test_pool_gives_the_same_records_as_in_process(tmp_path: Path) -> None:
    paths, _, _ = _mixed_batch(tmp_path)
    sample = paths[:60]
    in_process = [record.to_dict() for record in process_paths(sample, workers=1)]
    pooled = [record.to_dict() for record in process_paths(sample, workers=2, batch_size=8)]
    assert pooled == in_process

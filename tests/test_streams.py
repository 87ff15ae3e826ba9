"""Chunking streams by size and by time."""

from __future__ import annotations

import itertools

import pytest

from sitrep import streams


def test_chunked_keeps_order_and_size() -> None:
    assert list(streams.chunked(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]


def test_chunked_by_time_closes_a_chunk_when_time_is_up(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = itertools.count(step=1.0)  # each look at the clock is one second later
    monkeypatch.setattr(streams.time, "monotonic", lambda: next(clock))
    assert list(streams.chunked_by_time(range(5), size=10, seconds=1.5)) == [[0, 1], [2, 3], [4]]


def test_chunked_by_time_closes_a_full_chunk_at_once() -> None:
    assert list(streams.chunked_by_time(range(5), size=2, seconds=60)) == [[0, 1], [2, 3], [4]]


def test_chunked_by_time_closes_a_chunk_at_its_weight() -> None:
    """Huge items make short chunks: 5 + 6 reaches 10, so the first chunk closes there."""
    sizes = [5, 6, 1, 1, 20, 2]
    chunks = streams.chunked_by_time(sizes, size=10, seconds=60, weight=int, max_weight=10)
    assert list(chunks) == [[5, 6], [1, 1, 20], [2]]

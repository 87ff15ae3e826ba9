"""Helpers for handling records as streams, so no stage holds a whole batch of inputs."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")

# Documents per chunk: what an engine sends a worker at once and spaCy parses in one call.
DEFAULT_BATCH_SIZE = 16


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most `size` items, pulled lazily."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def chunked_by_time(
    items: Iterable[T],
    size: int,
    seconds: float,
    *,
    weight: Callable[[T], int] | None = None,
    max_weight: int = 0,
) -> Iterator[list[T]]:
    """Lists of at most `size` items, each closed early once `seconds` have passed since
    its first item arrived, so a slow stream is not held back waiting for a full list,
    and, given a `weight`, once the items' weights reach `max_weight` (a few huge items
    make a short list)."""
    chunk: list[T] = []
    started = 0.0
    load = 0
    for item in items:
        if not chunk:
            started = time.monotonic()
            load = 0
        chunk.append(item)
        load += weight(item) if weight is not None else 0
        full = len(chunk) >= size or (weight is not None and load >= max_weight)
        if full or time.monotonic() - started >= seconds:
            yield chunk
            chunk = []
    if chunk:
        yield chunk

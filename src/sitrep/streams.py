"""Helpers for handling records as streams, so no stage holds a whole batch of inputs."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most `size` items, pulled lazily."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def chunked_by_time(items: Iterable[T], size: int, seconds: float) -> Iterator[list[T]]:
    """Lists of at most `size` items, each closed early once `seconds` have passed since
    its first item arrived, so a slow stream is not held back waiting for a full list."""
    chunk: list[T] = []
    started = 0.0
    for item in items:
        if not chunk:
            started = time.monotonic()
        chunk.append(item)
        if len(chunk) >= size or time.monotonic() - started >= seconds:
            yield chunk
            chunk = []
    if chunk:
        yield chunk

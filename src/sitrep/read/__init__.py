"""Read stage: turn inputs (files, folders, stdin) into Articles or DocumentErrors.

Interim version: plain-text files only, no cleaning. Replaced by the full reader.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.errors import ErrorCode
from sitrep.records import Article, DocumentError, InputKind, content_hash


def read_paths(paths: Iterable[str]) -> Iterator[Article | DocumentError]:
    for name in paths:
        path = Path(name)
        if not path.exists():
            yield DocumentError(name, ErrorCode.NOT_FOUND, f"{name}: no such file or folder")
            continue
        data = path.read_bytes()
        text = data.decode("utf-8", errors="replace")
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
        yield Article(
            source=name,
            content_hash=content_hash(data),
            input_kind=InputKind.TEXT,
            paragraphs=paragraphs,
        )

"""Read stage: turn inputs (files, folders, stdin, WARC records) into Articles or DocumentErrors.

- `read_paths(paths)` streams: folders are walked lazily, one file in memory at a time, and
  each bad document becomes one `DocumentError` while the batch goes on.
- `read_bytes(data, source)` turns one document's bytes into an `Article` or raises
  `DocumentRejected`.

The input kind is sniffed from content (gzip and WARC magic, markup), not file names.
Plain-text captures go through the text-dump cleaner (`sitrep.clean`); HTML through
trafilatura with that cleaner as fallback (`sitrep.read.html`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.clean import clean_text
from sitrep.clean.language import detect_language
from sitrep.errors import DocumentRejected, ErrorCode
from sitrep.read.decode import DEFAULT_MAX_BYTES, decode, decompress, sniff_kind
from sitrep.read.html import extract_html, render_lines
from sitrep.read.warc import warc_documents
from sitrep.records import Article, DocumentError, InputKind, content_hash

STDIN = "-"

__all__ = ["DEFAULT_MAX_BYTES", "read_bytes", "read_paths"]


def read_paths(
    paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | DocumentError]:
    """Every document under `paths` (files, folders walked recursively, "-" for stdin)."""
    for name in paths:
        if name == STDIN:
            data = sys.stdin.buffer.read(max_bytes + 1)
            yield from _read_documents(data, STDIN, max_bytes)
            continue
        path = Path(name)
        if path.is_dir():
            for file_path in _walk_files(path):
                yield from _read_file(file_path, max_bytes)
        elif path.is_file():
            yield from _read_file(path, max_bytes)
        else:
            yield DocumentError(name, ErrorCode.NOT_FOUND, f"{name}: no such file or folder")


def read_bytes(data: bytes, source: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """One document's bytes as an Article (a WARC gives its first textual record)."""
    raw = data
    data = _decompress_within(data, max_bytes)
    kind = sniff_kind(data)
    if kind is InputKind.WARC:
        for uri, payload in warc_documents(data, max_bytes):
            return read_bytes(payload, uri, max_bytes=max_bytes)
        raise DocumentRejected(ErrorCode.NO_ARTICLE, "the WARC file holds no textual response")
    return _article(raw, data, source, kind)


def _walk_files(folder: Path) -> Iterator[Path]:
    """Files under `folder`, depth first in name order, without listing the whole tree."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file_name in sorted(files):
            if not file_name.startswith("."):
                yield Path(root) / file_name


def _read_file(path: Path, max_bytes: int) -> Iterator[Article | DocumentError]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield DocumentError(
                source, ErrorCode.TOO_LARGE, f"{size} bytes, over the {max_bytes}-byte limit"
            )
            return
        data = path.read_bytes()
    except OSError as error:
        yield DocumentError(source, ErrorCode.NOT_FOUND, f"cannot open: {error.strerror}")
        return
    yield from _read_documents(data, source, max_bytes)


def _read_documents(data: bytes, source: str, max_bytes: int) -> Iterator[Article | DocumentError]:
    """The documents in one input: one, or one per WARC record."""
    try:
        decompressed = _decompress_within(data, max_bytes)
        kind = sniff_kind(decompressed)
        if kind is not InputKind.WARC:
            yield _article(data, decompressed, source, kind)
            return
        for uri, payload in warc_documents(decompressed, max_bytes):
            yield _guarded(payload, uri, max_bytes)
    except DocumentRejected as rejected:
        yield DocumentError(source, rejected.code, rejected.message, content_hash(data))


def _guarded(data: bytes, source: str, max_bytes: int) -> Article | DocumentError:
    try:
        return read_bytes(data, source, max_bytes=max_bytes)
    except DocumentRejected as rejected:
        return DocumentError(source, rejected.code, rejected.message, content_hash(data))


def _decompress_within(data: bytes, max_bytes: int) -> bytes:
    data = decompress(data, max_bytes)
    if len(data) > max_bytes:
        raise DocumentRejected(ErrorCode.TOO_LARGE, f"over the {max_bytes}-byte limit")
    return data


def _article(raw: bytes, data: bytes, source: str, kind: InputKind) -> Article:
    text = decode(data)
    url = source if source.startswith(("http://", "https://")) else None
    article = Article(
        source=source, content_hash=content_hash(raw), input_kind=kind, paragraphs=[], url=url
    )
    declared_language = None
    if kind is InputKind.HTML:
        extraction = extract_html(text, url)
        article.url = extraction.url
        article.title = extraction.title
        article.authors, article.agencies = extraction.authors, extraction.agencies
        article.published = extraction.published
        article.section, article.outlet = extraction.section, extraction.outlet
        article.paragraphs = extraction.paragraphs
        article.captions, article.related_links = extraction.captions, extraction.related_links
        declared_language = extraction.language
        if not article.paragraphs:
            _fill_from_text(article, render_lines(text))
    else:
        _fill_from_text(article, text)
    if not article.paragraphs:
        raise DocumentRejected(ErrorCode.NO_ARTICLE, "no article text found on the page")
    article.language = detect_language(article.body, declared_language)
    return article


def _fill_from_text(article: Article, text: str) -> None:
    """Body and any metadata still missing, from the text-dump cleaner."""
    cleaned = clean_text(text)
    meta = cleaned.metadata
    article.paragraphs = cleaned.dump.paragraphs
    article.captions = cleaned.dump.captions
    article.related_links = cleaned.dump.related_links
    article.title = article.title or meta.title
    if not article.authors and not article.agencies:
        article.authors, article.agencies = meta.authors, meta.agencies
    article.published = article.published or meta.published
    article.section = article.section or meta.section
    article.outlet = article.outlet or meta.outlet

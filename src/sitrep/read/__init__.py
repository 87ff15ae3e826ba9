"""Read stage: turn inputs (files, folders, stdin, WARC records) into Articles or DocumentErrors.

- `read_paths(paths)` streams: folders are walked lazily, one file in memory at a time, and
  each bad document becomes one `DocumentError` while the batch goes on.
- `read_bytes(data, source)` turns one document's bytes into an `Article` or raises
  `DocumentRejected`.
- `raw_documents(paths)` is `read_paths` stopped before reading: each document's bytes as a
  `RawDocument` (WARC files split into their records), for `read_document` to read in
  another process; the ingesting process only opens files and hashes bytes.

The input kind is sniffed from content (gzip and WARC magic, markup), not file names, and
read by the reader registered for it (`sitrep.read.readers`): plain-text captures go
through the text-dump cleaner (`sitrep.clean`); HTML through trafilatura with that cleaner
as fallback (`sitrep.read.html`); a plugin may register more kinds.
"""

from __future__ import annotations

import os
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.clean.language import detect_language
from sitrep.errors import DocumentRejected, ErrorCode
from sitrep.read.decode import DEFAULT_MAX_BYTES, GZIP_MAGIC, WARC_MAGIC, decode, decompress
from sitrep.read.readers import READERS, input_kind
from sitrep.read.warc import WarcDocument, warc_documents
from sitrep.records import (
    Article,
    DocumentError,
    Input,
    InputKind,
    RawDocument,
    Record,
    content_hash,
    failure,
)

STDIN = "-"
# What is kept of a document's decoded text as its original: enough for any news page,
# bounded so one huge input cannot swell every batch the store writes.
ORIGINAL_MAX_CHARS = 2_000_000
WARC_HEAD_BYTES = 4096
GZIP_WBITS = 31  # zlib's "gzip header and trailer"
_FILE_KINDS = {
    stat.S_IFIFO: "a FIFO",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}

__all__ = [
    "DEFAULT_MAX_BYTES",
    "count_documents",
    "raw_documents",
    "read_bytes",
    "read_document",
    "read_input",
    "read_paths",
]


def read_paths(
    paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | DocumentError]:
    """Every document under `paths` (files, folders walked recursively, "-" for stdin)."""
    for document in raw_documents(paths, max_bytes=max_bytes):
        yield read_document(document) if isinstance(document, RawDocument) else document


def read_document(document: RawDocument) -> Article | DocumentError:
    """One raw document read into its Article, or its error."""
    try:
        return read_bytes(document.data, document.source, max_bytes=document.max_bytes)
    except DocumentRejected as rejected:
        return DocumentError(
            document.source, rejected.code, rejected.message, document.content_hash
        )


def read_input(record: Input) -> Record:
    """A raw document read (its Article or its error), anything else as it is: a bug in a
    reader costs this document only (`processing_failed`), never its batch."""
    if not isinstance(record, RawDocument):
        return record
    try:
        return read_document(record)
    except Exception as exc:
        return failure(record, ErrorCode.PROCESSING_FAILED, f"read: {type(exc).__name__}: {exc}")


def raw_documents(
    paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDocument | DocumentError]:
    """Every document's bytes under `paths`, unread; files that cannot be opened, and WARC
    files that cannot be split, as their errors."""
    for path in _input_files(paths):
        if path is None:
            data = sys.stdin.buffer.read(max_bytes + 1)
            yield from _read_documents(data, STDIN, max_bytes)
        else:
            yield from _read_file(path, max_bytes)


def count_documents(paths: Iterable[str]) -> int | None:
    """How many documents `paths` hold, for a progress bar: one per file; None when that
    cannot be known without reading them (stdin, or a file named as a WARC archive)."""
    count = 0
    for path in _input_files(paths):
        if path is None or ".warc" in path.suffixes:
            return None
        count += 1
    return count


def _input_files(paths: Iterable[str]) -> Iterator[Path | None]:
    """The files `paths` name, folders walked; None stands for stdin."""
    for name in paths:
        if name == STDIN:
            yield None
        elif os.path.isdir(name):
            yield from _walk_files(Path(name))
        else:
            yield Path(name)


def read_bytes(data: bytes, source: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """One document's bytes as an Article (a WARC gives its first readable textual record)."""
    decompressed, kind, cut = _unpacked(data, max_bytes)
    if kind != InputKind.WARC:
        return _article(data, decompressed, source, kind)
    for document in warc_documents(decompressed, max_bytes, cut):
        article = _warc_article(document, source, max_bytes)
        if isinstance(article, Article):
            return article
    raise DocumentRejected(ErrorCode.NO_ARTICLE, "the WARC file holds no readable textual record")


def _walk_files(folder: Path) -> Iterator[Path]:
    """Files under `folder`, depth first in name order, without listing the whole tree."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file_name in sorted(files):
            if not file_name.startswith("."):
                yield Path(root) / file_name


def _read_file(path: Path, max_bytes: int) -> Iterator[RawDocument | DocumentError]:
    source = str(path)
    try:
        data = _read_regular_file(path, max_bytes)
    except DocumentRejected as rejected:
        yield DocumentError(source, rejected.code, rejected.message)
        return
    except OSError as error:
        yield DocumentError(source, ErrorCode.NOT_FOUND, f"cannot open: {error.strerror}")
        return
    yield from _read_documents(data, source, max_bytes)


def _read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, at most `max_bytes` of them; anything but a regular file (after
    following links) is refused before it is opened, so a FIFO cannot block the run and
    `/dev/zero` cannot fill memory. The file is opened non-blocking and checked again
    (it may have been swapped since), then read up to the cap whatever its size claims."""
    _require_regular(os.stat(path).st_mode)
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(stream.fileno())
        _require_regular(status.st_mode)
        if status.st_size > max_bytes:
            raise DocumentRejected(
                ErrorCode.TOO_LARGE, f"{status.st_size} bytes, over the {max_bytes}-byte limit"
            )
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise DocumentRejected(ErrorCode.TOO_LARGE, f"over the {max_bytes}-byte limit")
    return data


def _require_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise DocumentRejected(
            ErrorCode.NOT_A_FILE,
            f"not a regular file ({_FILE_KINDS.get(stat.S_IFMT(mode), 'special file')})",
        )


def _read_documents(
    data: bytes, source: str, max_bytes: int
) -> Iterator[RawDocument | DocumentError]:
    """The documents in one input: one, or one per WARC record. Only a WARC file is
    decompressed here, to be split; any other input goes on as it came, to be read where
    the analysis runs."""
    try:
        if not _is_warc(data):
            yield RawDocument(source, data, content_hash(data), max_bytes)
            return
        decompressed, cut = decompress(data, max_bytes)
        if len(decompressed) > max_bytes:
            raise DocumentRejected(ErrorCode.TOO_LARGE, f"over the {max_bytes}-byte limit")
        for document in warc_documents(decompressed, max_bytes, cut):
            record_source = _record_source(document, source)
            if document.rejected is not None:
                rejected = document.rejected
                yield DocumentError(record_source, rejected.code, rejected.message)
                continue
            payload = document.payload
            yield RawDocument(record_source, payload, content_hash(payload), max_bytes)
    except DocumentRejected as rejected:
        yield DocumentError(source, rejected.code, rejected.message, content_hash(data))


def _is_warc(data: bytes) -> bool:
    """WARC by its magic, looking inside gzip (a .warc.gz) at the first few kilobytes only;
    a fault in the data is left for reading to report."""
    head = data[:WARC_HEAD_BYTES]
    while head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(wbits=GZIP_WBITS).decompress(data, WARC_HEAD_BYTES)
        except zlib.error:
            return False
        data = head
    return head.startswith(WARC_MAGIC)


def _unpacked(data: bytes, max_bytes: int) -> tuple[bytes, str, str | None]:
    """The decompressed bytes, their kind, and why they end early if they do. Only a WARC
    may end early: its complete records are still read."""
    decompressed, cut = decompress(data, max_bytes)
    if len(decompressed) > max_bytes:
        raise DocumentRejected(ErrorCode.TOO_LARGE, f"over the {max_bytes}-byte limit")
    kind = input_kind(decompressed)
    if cut is not None and kind != InputKind.WARC:
        raise DocumentRejected(ErrorCode.TRUNCATED, cut)
    return decompressed, kind, cut


def _record_source(document: WarcDocument, warc_source: str) -> str:
    """A record's http(s) URL, else its place in the archive: never the record's own URI,
    which may be anything, a local path included."""
    return document.url or f"{warc_source}#record-{document.number}"


def _warc_article(
    document: WarcDocument, warc_source: str, max_bytes: int
) -> Article | DocumentError:
    """One record as an Article."""
    source = _record_source(document, warc_source)
    if document.rejected is not None:
        return DocumentError(source, document.rejected.code, document.rejected.message)
    try:
        decompressed, kind, _ = _unpacked(document.payload, max_bytes)
        if kind == InputKind.WARC:
            raise DocumentRejected(ErrorCode.NO_ARTICLE, "a WARC file inside a WARC record")
        return _article(document.payload, decompressed, source, kind)
    except DocumentRejected as rejected:
        return DocumentError(
            source, rejected.code, rejected.message, content_hash(document.payload)
        )


def _article(raw: bytes, data: bytes, source: str, kind: str) -> Article:
    text = decode(data)
    url = source if source.startswith(("http://", "https://")) else None
    article = Article(
        source=source,
        content_hash=content_hash(raw),
        input_kind=kind,
        paragraphs=[],
        url=url,
        original=_original(text),
    )
    READERS.get(kind).read(text, article)
    if not article.paragraphs:
        raise DocumentRejected(ErrorCode.NO_ARTICLE, "no article text found on the page")
    # What the reader found is the page's declaration; the body has the last word.
    article.language = detect_language(article.body, article.language)
    return article


def _original(text: str) -> str:
    # PostgreSQL text cannot hold NUL.
    return text[:ORIGINAL_MAX_CHARS].replace("\x00", "\ufffd")

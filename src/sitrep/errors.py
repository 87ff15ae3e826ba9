"""Stable reason codes for documents sitrep could not process.

A bad document never stops a batch: each stage turns its failure into a
`DocumentError` carrying one of these codes and a one-line message.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    EMPTY = "empty"  # no bytes, or only whitespace
    BINARY = "binary"  # not text, HTML or WARC
    UNDECODABLE = "undecodable"  # no encoding yields readable text
    TRUNCATED = "truncated"  # a compressed or archived file that ends early
    MALFORMED = "malformed"  # an archive record whose headers or body cannot be parsed
    TOO_LARGE = "too_large"  # over the configured size limit
    NO_ARTICLE = "no_article"  # readable, but no article body found (navigation only, ...)
    NOT_FOUND = "not_found"  # the path does not exist or cannot be opened
    NOT_A_FILE = "not_a_file"  # a FIFO, device or socket: only regular files are read
    UNSUPPORTED_LANGUAGE = "unsupported_language"  # extraction needs English
    PROCESSING_FAILED = "processing_failed"  # an unexpected failure in a later stage
    INVALID_RECORD = "invalid_record"  # a JSON line that is not an analysed article


class DocumentRejected(Exception):
    """Raised inside a stage to reject one document; the batch turns it into a DocumentError."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

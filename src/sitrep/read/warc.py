"""WARC files: each HTML (or plain-text) response or resource record is one document.

Records are split here by their own `Content-Length` rather than by warcio's iterator, so
a broken record (no target URI, a bad header, a body warcio cannot parse) is one error and
the records after it are still read, and a record that runs past the end of the data (a
cut file) is reported as `truncated` instead of being read as a shorter page. warcio
parses the headers and undoes chunked and compressed HTTP transfer.

A record's `WARC-Target-URI` is whatever the file says: it is kept as a URL string (and
only when it is an http(s) URL), never used as a path.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

from warcio.recordloader import ArcWarcRecord, ArcWarcRecordLoader
from warcio.statusandheaders import StatusAndHeaders, StatusAndHeadersParser

from sitrep.errors import DocumentRejected, ErrorCode

_TEXT_TYPES = ("text/html", "application/xhtml", "text/plain")
_DOCUMENT_TYPES = ("response", "resource")
_WARC_HEADERS = StatusAndHeadersParser(ArcWarcRecordLoader.WARC_TYPES)
_HTTP_HEADERS = StatusAndHeadersParser(ArcWarcRecordLoader.HTTP_TYPES)
_RECORD_START = b"\nWARC/"
_WEB_SCHEMES = ("http://", "https://")


@dataclass(frozen=True, slots=True)
class WarcDocument:
    """One textual record's payload, or why the record could not be read."""

    number: int  # the record's position in the archive, from 1
    url: str | None  # the record's target URI when it is an http(s) URL
    payload: bytes = b""
    rejected: DocumentRejected | None = None


def warc_documents(data: bytes, max_bytes: int, cut: str | None = None) -> Iterator[WarcDocument]:
    """Every textual response or resource record of a WARC, in order; `cut` says why the
    data ends early (a cut gzip), so the archive's end is reported as truncated."""
    position = 0
    number = 0
    truncated = False
    while position < len(data):
        start = _skip_blank(data, position)
        if start >= len(data):
            break
        number += 1
        try:
            headers, block_start, length = _record_header(data, start)
        except DocumentRejected as rejected:
            yield WarcDocument(number, None, rejected=rejected)
            truncated = truncated or rejected.code is ErrorCode.TRUNCATED
            position = _next_record(data, start)
            continue
        position = block_start + length
        url = _web_url(headers.get_header("WARC-Target-URI"))
        if position > len(data):
            truncated = True
            message = f"record ends {position - len(data)} bytes past the end of the data"
            yield WarcDocument(number, url, rejected=DocumentRejected(ErrorCode.TRUNCATED, message))
            break
        if headers.get_header("WARC-Type") not in _DOCUMENT_TYPES:
            continue
        try:
            payload = _textual_payload(headers, data[block_start:position], max_bytes)
        except DocumentRejected as rejected:
            yield WarcDocument(number, url, rejected=rejected)
            continue
        # warcio is a parser of hostile bytes: whatever it raises costs this record only.
        except Exception as error:
            message = f"unreadable record ({type(error).__name__}: {error})"
            yield WarcDocument(number, url, rejected=DocumentRejected(ErrorCode.MALFORMED, message))
            continue
        if payload is not None:
            yield WarcDocument(number, url, payload)
    if cut is not None and not truncated:
        ending = DocumentRejected(ErrorCode.TRUNCATED, f"{cut} after record {number}")
        yield WarcDocument(number + 1, None, rejected=ending)


def _skip_blank(data: bytes, position: int) -> int:
    while position < len(data) and data[position] in b"\r\n":
        position += 1
    return position


def _record_header(data: bytes, start: int) -> tuple[StatusAndHeaders, int, int]:
    """The record's WARC headers, where its block starts, and the block's length."""
    stream = io.BytesIO(data)
    stream.seek(start)
    try:
        headers = _WARC_HEADERS.parse(stream)
    except Exception as error:  # warcio on hostile bytes, as above
        raise DocumentRejected(
            ErrorCode.MALFORMED, f"broken WARC record header ({error})"
        ) from None
    if stream.tell() >= len(data) and not data.endswith((b"\r\n\r\n", b"\n\n")):
        raise DocumentRejected(ErrorCode.TRUNCATED, "WARC record header cut off")
    length = headers.get_header("Content-Length", "").strip()
    if not length.isdigit():
        raise DocumentRejected(ErrorCode.MALFORMED, f"WARC record without a length ({length!r})")
    return headers, stream.tell(), int(length)


def _next_record(data: bytes, start: int) -> int:
    """Where the next record seems to start after a record whose header is broken."""
    found = data.find(_RECORD_START, start + 1)
    return len(data) if found < 0 else found + 1


def _web_url(uri: str | None) -> str | None:
    uri = (uri or "").strip().strip("<>")
    return uri if uri.lower().startswith(_WEB_SCHEMES) else None


def _textual_payload(headers: StatusAndHeaders, block: bytes, max_bytes: int) -> bytes | None:
    """The record's payload if it is HTML or text, else None."""
    content_type = headers.get_header("Content-Type", "")
    stream = io.BytesIO(block)
    http_headers = None
    if headers.get_header("WARC-Type") == "response" and content_type.lower().startswith(
        "application/http"
    ):
        http_headers = _HTTP_HEADERS.parse(stream)
        content_type = http_headers.get_header("Content-Type", "")
    if content_type and not content_type.lower().startswith(_TEXT_TYPES):
        return None
    record = ArcWarcRecord(
        "warc",
        headers.get_header("WARC-Type"),
        headers,
        stream,
        http_headers,
        content_type,
        len(block),
    )
    payload: bytes = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        raise DocumentRejected(ErrorCode.TOO_LARGE, f"record over the {max_bytes}-byte limit")
    return payload

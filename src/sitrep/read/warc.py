"""WARC files: each HTML (or plain-text) response record is one document."""

from __future__ import annotations

import io
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from sitrep.errors import DocumentRejected, ErrorCode

_TEXT_TYPES = ("text/html", "application/xhtml", "text/plain")


def warc_documents(data: bytes, max_bytes: int) -> Iterator[tuple[str, bytes]]:
    """(target URI, payload bytes) for every textual response record, in order."""
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type not in ("response", "resource"):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or "warc-record"
            content_type = (
                record.http_headers.get_header("Content-Type", "")
                if record.http_headers is not None
                else record.rec_headers.get_header("Content-Type", "")
            )
            if content_type and not content_type.lower().startswith(_TEXT_TYPES):
                continue
            payload = record.content_stream().read(max_bytes + 1)
            yield uri, payload
    except ArchiveLoadFailed as error:
        raise DocumentRejected(ErrorCode.TRUNCATED, f"broken WARC archive ({error})") from None
    except (EOFError, OSError, ValueError) as error:
        raise DocumentRejected(ErrorCode.TRUNCATED, f"WARC archive ends early ({error})") from None

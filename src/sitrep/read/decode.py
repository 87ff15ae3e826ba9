"""Bytes to text: decompression under a size limit, kind sniffing, encoding detection.

The kind of a document comes from its content (magic bytes, markup), never only from its
file name: captures are often saved as `.txt` holding HTML, or with no extension at all.
"""

from __future__ import annotations

import gzip
import io
import re
import zlib

import charset_normalizer

from sitrep.errors import DocumentRejected, ErrorCode
from sitrep.records import InputKind

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/"
_SNIFF_BYTES = 4096
_CHUNK_BYTES = 1024 * 1024
# A document is binary when more than this share of its first characters are control codes.
_MAX_CONTROL_SHARE = 0.02
_HTML_START = re.compile(rb"^\s*<(!doctype\s+html|html|head|body|meta|title|!--)", re.IGNORECASE)
_HTML_TAG = re.compile(rb"<(p|div|span|a|br|script|article|section|h[1-6])[\s>/]", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w-]+)", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decompress(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Undo gzip (also nested) without ever holding more than `max_bytes` of output."""
    while data.startswith(GZIP_MAGIC):
        out = bytearray()
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
                while chunk := stream.read(_CHUNK_BYTES):
                    out += chunk
                    if len(out) > max_bytes:
                        raise DocumentRejected(
                            ErrorCode.TOO_LARGE,
                            f"more than {max_bytes} bytes after decompression",
                        )
        except EOFError as error:
            raise DocumentRejected(ErrorCode.TRUNCATED, f"gzip data ends early ({error})") from None
        except (gzip.BadGzipFile, zlib.error) as error:
            raise DocumentRejected(ErrorCode.TRUNCATED, f"corrupt gzip data ({error})") from None
        data = bytes(out)
    return data


def sniff_kind(data: bytes) -> InputKind:
    """WARC, HTML or plain text, from the first bytes; raise if empty or binary."""
    head = data[:_SNIFF_BYTES]
    if not data.strip():
        raise DocumentRejected(ErrorCode.EMPTY, "no content")
    if head.startswith(WARC_MAGIC):
        return InputKind.WARC
    if _looks_binary(head):
        raise DocumentRejected(ErrorCode.BINARY, "binary content, not text, HTML or WARC")
    head = head.lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(head) or len(_HTML_TAG.findall(head)) >= 3:
        return InputKind.HTML
    return InputKind.TEXT


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text carries NULs
        return False
    return b"\x00" in head


def decode(data: bytes) -> str:
    """The text of `data`: UTF-8 if valid, else a declared charset, else charset-normalizer."""
    text = _decode_declared(data)
    if text is None:
        best = charset_normalizer.from_bytes(data[: 2 * _CHUNK_BYTES]).best()
        if best is None:
            raise DocumentRejected(ErrorCode.UNDECODABLE, "no text encoding fits these bytes")
        text = data.decode(best.encoding, errors="replace")
    text = text.lstrip("\ufeff")
    sample = text[:_SNIFF_BYTES]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > _MAX_CONTROL_SHARE:
        raise DocumentRejected(ErrorCode.BINARY, "decoded text is mostly control characters")
    if not text.strip():
        raise DocumentRejected(ErrorCode.EMPTY, "no visible text")
    return text


def _decode_declared(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:_SNIFF_BYTES])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            return None
    return None

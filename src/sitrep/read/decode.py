"""Bytes to text: decompression under a size limit, kind sniffing, encoding detection.

The kind of a document comes from its content (magic bytes, markup), never only from its
file name: captures are often saved as `.txt` holding HTML, or with no extension at all.
"""

from __future__ import annotations

import re
import zlib

import charset_normalizer

from sitrep.errors import DocumentRejected, ErrorCode
from sitrep.records import InputKind
from sitrep.settings import DEFAULT_MAX_BYTES

GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/"
_SNIFF_BYTES = 4096
_CHUNK_BYTES = 1024 * 1024
# zlib window bits for the gzip container (16 + the largest window).
_GZIP_WBITS = 16 + zlib.MAX_WBITS
# A document is binary when more than this share of its first characters are control codes.
_MAX_CONTROL_SHARE = 0.02
_HTML_START = re.compile(rb"^\s*<(!doctype\s+html|html|head|body|meta|title|!--)", re.IGNORECASE)
_HTML_TAG = re.compile(rb"<(p|div|span|a|br|script|article|section|h[1-6])[\s>/]", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w-]+)", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_REPLACEMENT = "\ufffd"
# Bad byte sequences per valid multi-byte character below which a page is UTF-8 with damage.
_MAX_INVALID_UTF8_SHARE = 0.05


def decompress(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, str | None]:
    """Undo gzip (also nested, also several members) without ever holding more than
    `max_bytes` of output; returns the output and, when the compressed data ends early or
    breaks, why: everything inflated before the break is kept (a cut `.warc.gz` still holds
    its complete records), and the caller decides what a cut document is worth."""
    while data.startswith(GZIP_MAGIC):
        out, cut = _gunzip(data, max_bytes)
        if cut is not None:
            return out, cut
        data = out
    return data, None


def _gunzip(data: bytes, max_bytes: int) -> tuple[bytes, str | None]:
    out = bytearray()
    rest = data
    while rest:
        inflater = zlib.decompressobj(wbits=_GZIP_WBITS)
        pending = rest
        try:
            while pending and not inflater.eof:
                out += inflater.decompress(pending, _CHUNK_BYTES)
                pending = inflater.unconsumed_tail
                _check_size(out, max_bytes)
        except zlib.error as error:
            return bytes(out), f"corrupt gzip data ({error})"
        if not inflater.eof:
            out += inflater.flush()
            _check_size(out, max_bytes)
            return bytes(out), "gzip data ends early"
        # Several members concatenated (one per WARC record is usual); zero padding ends it.
        rest = inflater.unused_data.lstrip(b"\x00")
        if rest and not rest.startswith(GZIP_MAGIC):
            return bytes(out), "data after the gzip stream is not gzip"
    return bytes(out), None


def _check_size(out: bytearray, max_bytes: int) -> None:
    if len(out) > max_bytes:
        raise DocumentRejected(
            ErrorCode.TOO_LARGE, f"more than {max_bytes} bytes after decompression"
        )


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
    if not text or text.isspace():  # (not `strip()`, which would copy the whole text)
        raise DocumentRejected(ErrorCode.EMPTY, "no visible text")
    return text


def _decode_declared(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    declared = _META_CHARSET.search(data[:_SNIFF_BYTES])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            return None
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """The text as UTF-8 with the odd bad byte replaced, when its multi-byte characters are
    overwhelmingly valid UTF-8: a stray byte in a UTF-8 page must not make the whole page
    fall to a legacy encoding ("Syria’s" read as "Syria‚Äôs"). Legacy encodings and random
    bytes rarely form valid multi-byte sequences, so they fail this test."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count(_REPLACEMENT) - data.count(_REPLACEMENT.encode())
    valid = sum(1 for _ in _NON_ASCII.finditer(text)) - text.count(_REPLACEMENT)
    return text if invalid <= valid * _MAX_INVALID_UTF8_SHARE else None

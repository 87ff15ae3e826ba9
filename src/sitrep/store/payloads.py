"""The large parts of an article (its full record as JSON, its original), stored compressed.

DuckDB rewrites a table's last row group at every checkpoint, and strings longer than
about 4 KB live in overflow blocks that the rewrite pins in memory: one row per article
holding a 150 KB page made each checkpoint cost more as articles accumulated, until
one could not pin its blocks under the memory cap and the database stopped accepting
writes (near 1,500 articles). Stored compressed, in pieces short enough to sit inside
DuckDB's string segments, the same text costs a bounded rewrite and a fifth of the space.
PostgreSQL stores these rows. DuckDB now appends the compressed text to a file of its own
instead (`sitrep.store.pack`), and keeps where it lies in `payload_spans`: the chunks,
four fifths of the store's bytes, were what made its checkpoints grow with it.
"""

from __future__ import annotations

import zlib
from typing import Any

from sitrep.store.db import Database
from sitrep.store.pack import PayloadPack

# Bytes per chunk: under the size at which DuckDB moves a value to an overflow block.
CHUNK_BYTES = 3_500
ARTICLE = "article"  # the article's record as JSON, without its original
ORIGINAL = "original"  # the text sitrep decoded from the input (docs/serve.md)
SPANS, CHUNKS = "payload_spans", "article_payloads"  # the two tables a part's rows go to
PayloadRows = tuple[str, list[dict[str, Any]]]


def payload_rows(database: Database, article_id: str, part: str, text: str) -> PayloadRows:
    """The rows that hold `text` (zlib-compressed UTF-8) and their table: one span of the
    store's pack where it has one (the bytes are appended to it), else chunks in order."""
    packed = zlib.compress(text.encode("utf-8"), 1)  # the fastest level: a fifth of the size
    if database.pack is not None:
        return SPANS, [span_row(database.pack, article_id, part, packed)]
    return CHUNKS, chunk_rows(article_id, part, packed)


def span_row(pack: PayloadPack, article_id: str, part: str, packed: bytes) -> dict[str, Any]:
    """Append a part's compressed bytes to the pack; the `payload_spans` row that finds them."""
    start, length = pack.append(packed)
    return {"article_id": article_id, "part": part, "start_offset": start, "byte_length": length}


def chunk_rows(article_id: str, part: str, packed: bytes) -> list[dict[str, Any]]:
    starts = range(0, len(packed), CHUNK_BYTES)
    return [
        {"article_id": article_id, "part": part, "seq": seq, "chunk": packed[at : at + CHUNK_BYTES]}
        for seq, at in enumerate(starts)
    ]


def read_payload(database: Database, article_id: str, part: str) -> str | None:
    packed = _packed(database, article_id, part)
    return None if packed is None else zlib.decompress(packed).decode("utf-8")


def _packed(database: Database, article_id: str, part: str) -> bytes | None:
    if database.pack is not None:
        spans = database.query(
            "SELECT start_offset, byte_length FROM payload_spans WHERE article_id = ? AND part = ?",
            (article_id, part),
        )
        if spans:
            return database.pack.read(spans[0]["start_offset"], spans[0]["byte_length"])
    # PostgreSQL, or a DuckDB store no writer has opened since the pack came (its chunks
    # are moved then).
    rows = database.query(
        "SELECT chunk FROM article_payloads WHERE article_id = ? AND part = ? ORDER BY seq",
        (article_id, part),
    )
    if not rows:
        return None
    return b"".join(bytes(row["chunk"]) for row in rows)

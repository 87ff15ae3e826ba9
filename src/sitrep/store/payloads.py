"""The large parts of an article (its full record as JSON, its original), stored in chunks.

DuckDB rewrites a table's last row group at every checkpoint, and strings longer than
about 4 KB live in overflow blocks that the rewrite pins in memory: one row per article
holding a 150 KB page made each checkpoint cost more as articles accumulated, until
one could not pin its blocks under the memory cap and the database stopped accepting
writes (near 1,500 articles). Stored compressed, in pieces short enough to sit inside
DuckDB's string segments, the same text costs a bounded rewrite and a fifth of the space.
PostgreSQL stores the same rows, so both stores read and write one way.
"""

from __future__ import annotations

import zlib
from typing import Any

from sitrep.store.db import Database

# Bytes per chunk: under the size at which DuckDB moves a value to an overflow block.
CHUNK_BYTES = 3_500
ARTICLE = "article"  # the article's record as JSON, without its original
ORIGINAL = "original"  # the text sitrep decoded from the input (docs/serve.md)


def payload_rows(article_id: str, part: str, text: str) -> list[dict[str, Any]]:
    """The `article_payloads` rows that hold `text`: zlib-compressed UTF-8, in order."""
    packed = zlib.compress(text.encode("utf-8"), 1)  # the fastest level: a fifth of the size
    starts = range(0, len(packed), CHUNK_BYTES)
    return [
        {"article_id": article_id, "part": part, "seq": seq, "chunk": packed[at : at + CHUNK_BYTES]}
        for seq, at in enumerate(starts)
    ]


def read_payload(database: Database, article_id: str, part: str) -> str | None:
    rows = database.query(
        "SELECT chunk FROM article_payloads WHERE article_id = ? AND part = ? ORDER BY seq",
        (article_id, part),
    )
    if not rows:
        return None
    return zlib.decompress(b"".join(bytes(row["chunk"]) for row in rows)).decode("utf-8")

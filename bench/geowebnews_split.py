"""The fixed document-level train/dev split of GeoWebNews' development half.

Rule (fixed before any error was read, never to be tuned): a document is TRAIN when the first
byte of sha1(its `id`, UTF-8) is even, DEV when it is odd. Rules and models are fitted on
TRAIN only; DEV is reported apart as the estimate for unseen news.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from shared_data import SHARED

GEOWEBNEWS = SHARED / "geoparsing-geowebnews" / "geowebnews.jsonl"
SPLITS = ("train", "dev")


def split_of(document_id: str) -> str:
    """ "train" or "dev" for a GeoWebNews document id."""
    return "train" if hashlib.sha1(document_id.encode("utf-8")).digest()[0] % 2 == 0 else "dev"


def records(split: str | None = None, path: Path = GEOWEBNEWS) -> Iterator[dict]:
    """The GeoWebNews records of one split (all of them when `split` is None), in file order."""
    for line in path.read_text("utf-8").splitlines():
        record = json.loads(line)
        if split is None or split_of(record["id"]) == split:
            yield record

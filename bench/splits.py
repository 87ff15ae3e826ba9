"""The fixed train/dev split of every gold set, by document.

Rule: a document is DEV when the SHA-1 of its id (UTF-8), read as a big-endian integer, is
odd; else TRAIN. Ids are the sets' own: `id` of a GeoWebNews article for events-gwn-dev and
quotes-gwn-dev, `id` of a PLOVER GSR record (each sentence is its own document), `id` of a page in
bench/gold/events_article_extraction.jsonl, and the source document of a sentence in
bench/gold/events_sentences.jsonl. Rules and models are written and fitted on TRAIN only;
DEV is for measuring. The rule was fixed before any error on these sets was read.

The place resolver's split of GeoWebNews (bench/geowebnews_split.py) is older and keeps its
own rule (the first byte of the same hash): its model was fitted on that TRAIN half.
"""

from __future__ import annotations

import hashlib
from typing import Literal

Split = Literal["train", "dev"]


def split_of(document_id: str) -> Split:
    """Which half a document belongs to."""
    digest = hashlib.sha1(document_id.encode("utf-8")).hexdigest()
    return "dev" if int(digest, 16) % 2 else "train"


def is_dev(document_id: str) -> bool:
    return split_of(document_id) == "dev"

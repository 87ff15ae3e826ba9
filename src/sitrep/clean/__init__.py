"""Clean stage: the article body and its metadata out of a whole page's text.

`clean_text(text)` runs the text-dump block classifier (`textdump`) and the layout cues for
title, byline, date and section (`metadata`); HTML goes through `sitrep.read.html`, which
falls back to the same classifier.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.clean.metadata import PageMetadata, find_metadata
from sitrep.clean.textdump import CleanedDump, clean_dump


@dataclass(slots=True)
class CleanedText:
    dump: CleanedDump
    metadata: PageMetadata


def clean_text(text: str) -> CleanedText:
    dump = clean_dump(text)
    return CleanedText(dump=dump, metadata=find_metadata(dump))


__all__ = ["CleanedText", "clean_text"]

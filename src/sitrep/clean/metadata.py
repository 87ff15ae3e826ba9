"""Title, byline, date, section and outlet of a text dump, from general layout cues.

The cues, in order: the byline block ("By" then names joined by separators) sits just
above the prose; the title is the heading-like line just above the byline (or above the
prose when there is none); the section path is the short line just above the title, its
words sometimes glued ("PoliticsMiddle East"); the dateline is the first line between the
title and the prose that parses as a date; the outlet is the holder in a "©" line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from sitrep.clean.bylines import is_name_like, is_separator, sort_names, split_names
from sitrep.clean.dates import parse_dateline
from sitrep.clean.knowledge import lowercase_set
from sitrep.clean.textdump import Block, CleanedDump

HEADER_LINES = 40  # how far above the prose the title and byline may sit
MAX_TITLE_WORDS = 30
MAX_SECTION_WORDS = 6
_BY_LINE = re.compile(r"^(?:by|written by)\b\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z])")
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[\s,]*(?P<holder>[^.|©]+?)"
    r"\s*(?:[.|]|all rights reserved|$)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class PageMetadata:
    """What a page says about its article, whichever reader found it."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    published: datetime | None = None
    section: list[str] = field(default_factory=list)
    outlet: str | None = None


def find_metadata(dump: CleanedDump) -> PageMetadata:
    # The body may open on a heading or byline line: the header ends at its first prose.
    first_prose = next((block.index for block in dump.body if block.prose), dump.start)
    header = dump.blocks[max(0, first_prose - HEADER_LINES) : first_prose]
    byline_at = next((i for i, block in enumerate(header) if _BY_LINE.match(block.text)), None)
    metadata = PageMetadata(outlet=find_outlet(dump.blocks))
    names: list[str] = []
    if byline_at is not None:
        names = _byline_names(header[byline_at:])
        title_at = _title_index(header[:byline_at])
    else:
        title_at = _title_index(header)
    metadata.authors, metadata.agencies = sort_names(names)
    if title_at is not None:
        metadata.title = header[title_at].text
        metadata.section = _section(header[title_at - 1]) if title_at > 0 else []
        metadata.published = _first_date(header[title_at + 1 :])
    return metadata


def _byline_names(blocks: list[Block]) -> list[str]:
    """Names after "By", line by line or inline, until something is neither name nor separator."""
    names: list[str] = []
    expect_name = True
    for position, block in enumerate(blocks):
        text = block.text
        by = _BY_LINE.match(text)
        if by is not None:
            text = by.group("rest")
            expect_name = True
            if not text:
                continue
            if position == 0 or len(split_names(text)) > 1:
                names.extend(name for name in split_names(text) if is_name_like(name))
                expect_name = False
                continue
        if is_separator(text):
            expect_name = True
        elif is_name_like(text) and (expect_name or (names and text == names[-1])):
            names.append(text)
            expect_name = False
        else:
            break
    return names


def _title_index(blocks: list[Block]) -> int | None:
    """The last heading-like line in `blocks` (the nearest one above what follows)."""
    for position in range(len(blocks) - 1, -1, -1):
        block = blocks[position]
        if _is_heading_like(block):
            return position
    return None


def _is_heading_like(block: Block) -> bool:
    if block.bullet or block.caption or not 3 <= block.words <= MAX_TITLE_WORDS:
        return False
    if parse_dateline(block.text) is not None or _BY_LINE.match(block.text):
        return False
    return not block.text.endswith((".", ",", ":"))


def _section(block: Block) -> list[str]:
    if block.bullet or block.words > MAX_SECTION_WORDS or block.sentence_end:
        return []
    if any(ch in block.text for ch in ",:;|") or parse_dateline(block.text) is not None:
        return []
    return [part.strip() for part in _GLUED.split(block.text) if part.strip()]


def _first_date(blocks: list[Block]) -> datetime | None:
    for block in blocks:
        if block.words <= 12:
            found = parse_dateline(block.text)
            if found is not None:
                return found
    return None


def find_outlet(blocks: list[Block]) -> str | None:
    """The copyright holder in the last "©" line, trimmed of company-form words."""
    for block in reversed(blocks):
        match = _COPYRIGHT.search(block.text)
        if match is None:
            continue
        words = match.group("holder").split()
        while words and words[-1].lower().strip(",.") in lowercase_set("legal_suffixes.txt"):
            words.pop()
        if words:
            return " ".join(words).strip(" ,")
    return None

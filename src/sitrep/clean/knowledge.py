"""The reading and cleaning stages' word lists, from `sitrep/knowledge/reading/`.

Each file opens with a "#" header (source, licence); each is read once per process. An empty
file is refused: a missing list would silently switch a cue off.
"""

from __future__ import annotations

import functools
from zoneinfo import ZoneInfo

from sitrep import lexicon


def lowercase_set(name: str) -> frozenset[str]:
    """A one-entry-per-line list, lowercased."""
    return lexicon.words(f"reading/{name}")


@functools.cache
def lowercase_list(name: str) -> tuple[str, ...]:
    """A one-entry-per-line list, lowercased, in file order."""
    return tuple(entry.lower() for entry in lexicon.entries(f"reading/{name}"))


@functools.cache
def time_zones() -> dict[str, ZoneInfo]:
    """Time-zone abbreviation (upper case) -> IANA zone."""
    return {
        abbreviation.upper(): ZoneInfo(zone)
        for abbreviation, zone in lexicon.rows("reading/timezones.tsv")
    }


def stop_words() -> frozenset[str]:
    return lowercase_set("stopwords.txt")

"""The reading and cleaning stages' word lists, from `sitrep/knowledge/<language>/reading/`.

Each file opens with a "#" header (source, licence); each is read once per process and
language. An empty file is refused: a missing list would silently switch a cue off. The
reader runs before a page's language is known, so it reads the lists of the language being
read (`sitrep.lexicon.reading`), English unless a caller chose another.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sitrep import lexicon


def lowercase_set(name: str) -> frozenset[str]:
    """A one-entry-per-line list, lowercased."""
    return lexicon.words(f"reading/{name}")


@lexicon.PerFile
def lowercase_list(name: str, language: str) -> tuple[str, ...]:
    """A one-entry-per-line list, lowercased, in file order."""
    return tuple(entry.lower() for entry in lexicon.entries(f"reading/{name}", language))


@lexicon.PerLanguage
def time_zones(language: str) -> dict[str, ZoneInfo]:
    """Time-zone abbreviation (upper case) -> IANA zone."""
    return {
        abbreviation.upper(): ZoneInfo(zone)
        for abbreviation, zone in lexicon.rows("reading/timezones.tsv", language)
    }


def stop_words() -> frozenset[str]:
    return lowercase_set("stopwords.txt")

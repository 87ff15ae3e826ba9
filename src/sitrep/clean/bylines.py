"""Byline names: people apart from agencies, each once and in order.

A name is an agency when `knowledge/reading/agencies.txt` lists it, or by shape: an
all-capitals acronym ("AFP"), or a name holding an organisation word ("... News", "Staff").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sitrep.clean.knowledge import lowercase_set

# Separators between byline names: commas, "and", "&", semicolons, "|".
_SEPARATOR = re.compile(r"\s*(?:,|;|&|\||\band\b)\s*", re.IGNORECASE)
_BY_PREFIX = re.compile(r"^\s*(?:by|written by|words by)\b[:\s]*", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.\-]*|[a-z]{1,3}|al-\w+|[A-Z]\.)$")
MAX_NAME_WORDS = 5


def is_separator(text: str) -> bool:
    return _SEPARATOR.fullmatch(text) is not None


def is_name_like(text: str) -> bool:
    """Shaped like a person's or agency's name: a few capitalised words, no digits."""
    words = text.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or any(ch.isdigit() for ch in text):
        return False
    if not words[0][0].isupper():
        return False
    return all(_NAME_WORD.match(word) for word in words)


def split_names(text: str) -> list[str]:
    """Names in one byline string: "By A, B and C" -> ["A", "B", "C"]."""
    text = _BY_PREFIX.sub("", text)
    return [part.strip(" .") for part in _SEPARATOR.split(text) if part.strip(" .")]


def is_agency(name: str) -> bool:
    if name.lower() in lowercase_set("agencies.txt"):
        return True
    if name.isupper() and 2 <= len(name) <= 6 and name.isalpha():
        return True
    words = name.lower().split()
    return any(word in lowercase_set("agency_words.txt") for word in words)


def sort_names(names: Iterable[str]) -> tuple[list[str], list[str]]:
    """(people, agencies), each deduplicated case-insensitively in first-seen order."""
    people: dict[str, str] = {}
    agencies: dict[str, str] = {}
    for name in names:
        name = " ".join(name.split())
        if not name:
            continue
        target = agencies if is_agency(name) else people
        target.setdefault(name.lower(), name)
    return list(people.values()), list(agencies.values())

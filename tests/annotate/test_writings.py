"""Where a name is written as whole words: `_whole_word_starts` finds what the regular
expression it replaced finds (`(?<![\\w-])name(?![\\w-])`), without compiling one per name."""

from __future__ import annotations

import re

import pytest

from sitrep.annotate.actors import _whole_word_starts


@pytest.mark.parametrize(
    ("text", "name", "starts"),
    [
        ("Smith said Smith's aide", "Smith", [0, 11]),  # a possessive ends the word
        ("Smithson and Goldsmith", "Smith", []),  # inside longer words
        ("Jean-Smith and Smith-Jones met Smith", "Smith", [31]),  # hyphenated words
        ("Li_Wei, Li2 and Li", "Li", [16]),  # underscore and digit are word characters
        ("AAAA AA", "AA", [5]),  # no match inside a run of the same letters
        ("Álvaro éSmith Smith", "Smith", [14]),  # accented letters are word characters
        ("", "Smith", []),
    ],
)
def test_whole_word_starts(text: str, name: str, starts: list[int]) -> None:
    assert list(_whole_word_starts(text, name)) == starts
    pattern = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
    assert [m.start() for m in re.finditer(pattern, text)] == starts

"""The one normaliser of names for matching, and the two keys built on it.

`fold` is the shared step: diacritics and case removed ("Ḩamāh" -> "hamah"). On it:
- `name_key`, how the store matches actors, places and sources across articles: words kept
  apart by one space, punctuation dropped, a leading "the" dropped ("The U.N." -> "u n").
- `spelling_key`, how the gazetteer indexes names and the annotator tells whether two
  mentions in an article write one name: stricter, so the transliterations news uses meet
  GeoNames' ("Daraa"/"Dar'a", "Deir Ezzor"/"Deir ez-Zor", "Qardaha"/"Al Qardahah").

Both keys are stored (the store's merge keys, the gazetteer's cached index), so a change to
either needs a store migration or a new gazetteer cache format.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w]+")
_LEADING_THE = re.compile(r"^the\s+")
_ARTICLE_PREFIXES = ("al", "el")
_APOSTROPHES = re.compile(r"[\u2019\u2018'`\u02bb\u02bc\u02be\u02bf]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_DOUBLED = re.compile(r"(.)\1+")
_FINAL_H = re.compile(r"([aeiou])h$")


def fold(text: str, *, casefold: bool = True) -> str:
    """The text without diacritics (NFKD, combining marks dropped), casefolded.

    `casefold=False` only lowercases, so "ß" stays one letter rather than "ss": the
    gazetteer's index keys were built that way.
    """
    if text.isascii():  # most names: NFKD leaves ASCII as it is, and none of it combines
        plain = text
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.casefold() if casefold else plain.lower()


def name_key(name: str) -> str:
    """A name as the store matches it: folded, words apart by one space, no leading 'the'."""
    return _LEADING_THE.sub("", _NOT_WORD.sub(" ", fold(name)).strip())


@functools.lru_cache(maxsize=65536)
def spelling_key(name: str) -> str:
    """A name as the gazetteer indexes it: folded, then written as one run of ASCII letters
    and digits (apostrophes, dots, hyphens and spaces gone, other scripts dropped), with a
    leading al-/el- dropped, doubled letters single and a final vowel+h cut."""
    text = _APOSTROPHES.sub("", fold(name, casefold=False)).replace(".", "")
    words = [w for w in _NON_ALNUM.split(text) if w]
    if len(words) > 1 and words[0] in _ARTICLE_PREFIXES:
        words = words[1:]
    return _FINAL_H.sub(r"\1", _DOUBLED.sub(r"\1", "".join(words)))

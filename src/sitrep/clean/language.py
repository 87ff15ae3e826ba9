"""The language of a page's text as an ISO 639-1 code, by py3langid, with the page's own
declaration (`<html lang="en-US">`) as further evidence.

py3langid (a byte n-gram naive Bayes model of 97 languages, shipped inside its wheel) is
fast (well under a millisecond per kilobyte) and sure of itself on a paragraph of text. On
a short or list-like body (a recipe, a meal plan) it can waver between close languages;
there the declaration decides when the text gives the declared language a fair chance.
"""

from __future__ import annotations

import functools
import re

from py3langid.langid import MODEL_FILE, LanguageIdentifier

MIN_LETTERS = 40  # below this the text says too little; only a declaration can answer
SAMPLE_CHARS = 1_000  # a paragraph is plenty, and the n-gram walk costs per byte
# The text alone decides when it is at least this sure; otherwise a declared language the
# text gives at least DECLARED_MIN_PROBABILITY wins.
SURE_PROBABILITY = 0.9
DECLARED_MIN_PROBABILITY = 0.05
_DECLARED = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$")


@functools.cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def declared_language(value: str | None) -> str | None:
    """The primary subtag of a BCP 47 tag ("en-US" -> "en"), or None when malformed."""
    if value is None:
        return None
    match = _DECLARED.match(value)
    return match.group(1).lower() if match else None


def same_language(code: str | None, expected: str) -> bool:
    """Whether a language code names the expected language ("en-US" and "EN" are "en");
    False when the code is unknown (None) or malformed."""
    primary = declared_language(code)
    return primary is not None and primary == declared_language(expected)


def detect_language(text: str, declared: str | None = None) -> str | None:
    """An ISO 639-1 code ("en", "fr", ...), or None when there is too little text and no
    usable declaration. `declared` is the page's own tag (any BCP 47 form)."""
    declared = declared_language(declared)
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return declared
    ranked = _identifier().rank(sample)
    best, probability = ranked[0]
    if probability >= SURE_PROBABILITY or declared is None:
        return str(best)
    declared_probability = next((p for code, p in ranked if code == declared), 0.0)
    return declared if declared_probability >= DECLARED_MIN_PROBABILITY else str(best)

"""English or not, by the share of English stop words in the text (enough for sitrep,
whose extractors need English)."""

from __future__ import annotations

import re

from sitrep.clean.knowledge import stop_words

_WORD = re.compile(r"[^\W\d_]+")
# Running English prose is 35-55% stop words; other Latin-script languages stay far below 15%.
MIN_ENGLISH_STOP_SHARE = 0.2
MIN_WORDS = 20
SAMPLE_CHARS = 20_000


def detect_language(text: str) -> str | None:
    """ "en", "und" (some other language), or None when there is too little text to say."""
    words = _WORD.findall(text[:SAMPLE_CHARS].lower())
    if len(words) < MIN_WORDS:
        return None
    share = sum(1 for word in words if word in stop_words()) / len(words)
    return "en" if share >= MIN_ENGLISH_STOP_SHARE else "und"

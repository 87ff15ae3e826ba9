"""Cheap checks that turn unfit articles into one clear error before spaCy sees them.

They run inside the pipeline's per-document wrapper for every engine, after
reading and before parsing, so a page that cannot hold an English news event
(nothing to parse, too long for the parser, another language, only
navigation) costs microseconds and is reported instead of being parsed.
"""

from __future__ import annotations

import re

from sitrep.clean.language import detect_language, same_language
from sitrep.errors import ErrorCode
from sitrep.records import Article, DocumentError

# A line of prose has several words and ends like a sentence; menus, link
# lists and bylines do not.
MIN_PROSE_LINE_WORDS = 4
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def reject_unfit(article: Article, max_length: int, language: str) -> DocumentError | None:
    """One error for an article that should not be parsed, or None if it is fit; the
    stages read `language` (an ISO 639-1 code)."""
    body = article.body
    reason = _unfit_reason(article, body, max_length, language)
    if reason is None:
        return None
    code, message = reason
    return DocumentError(article.source, code, message, article.content_hash)


def _unfit_reason(
    article: Article, body: str, max_length: int, expected: str
) -> tuple[ErrorCode, str] | None:
    if not body.strip():
        return ErrorCode.NO_ARTICLE, "no body text after cleaning"
    if len(body) > max_length:
        return (
            ErrorCode.TOO_LARGE,
            f"body has {len(body):,} characters; the parser takes at most {max_length:,}",
        )
    # The reader sets the language; articles built elsewhere are judged here.
    language = article.language or detect_language(body)
    if language and not same_language(language, expected):
        return ErrorCode.UNSUPPORTED_LANGUAGE, f"language {language}: extraction needs {expected}"
    if not any(_is_prose(line) for line in body.splitlines()):
        return ErrorCode.NO_ARTICLE, "no sentence of prose: only navigation, headings or links"
    return None


def _is_prose(line: str) -> bool:
    line = line.strip()
    return bool(SENTENCE_END.search(line)) and len(line.split()) >= MIN_PROSE_LINE_WORDS

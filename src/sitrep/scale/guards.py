"""Cheap checks that turn unfit articles into one clear error before spaCy sees them.

They run inside the pipeline's per-document wrapper for every engine, after
reading and before parsing, so a page that cannot hold an English news event
(nothing to parse, too long for the parser, another language, only
navigation) costs microseconds and is reported instead of being parsed.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from sitrep.errors import ErrorCode
from sitrep.records import Article, DocumentError

# English prose is 35-55% function words (the least in the article-extraction
# set: 24%); Latin-script European languages score under 15% against
# spaCy's English stop list, and other scripts score ~0.
MIN_ENGLISH_FUNCTION_WORD_SHARE = 0.18
# Too few words to judge the language reliably: let them through.
MIN_WORDS_TO_JUDGE_LANGUAGE = 30
# Enough of the body to judge its language without scanning a huge page.
LANGUAGE_SAMPLE_CHARS = 5000
# A line of prose has several words and ends like a sentence; menus, link
# lists and bylines do not.
MIN_PROSE_LINE_WORDS = 4
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
WORD = re.compile(r"[^\W\d_]+")


def reject_unfit(article: Article, max_length: int) -> DocumentError | None:
    """One error for an article that should not be parsed, or None if it is fit."""
    body = article.body
    reason = _unfit_reason(article, body, max_length)
    if reason is None:
        return None
    code, message = reason
    return DocumentError(article.source, code, message, article.content_hash)


def _unfit_reason(article: Article, body: str, max_length: int) -> tuple[ErrorCode, str] | None:
    if not body.strip():
        return ErrorCode.NO_ARTICLE, "no body text after cleaning"
    if len(body) > max_length:
        return (
            ErrorCode.TOO_LARGE,
            f"body has {len(body):,} characters; the parser takes at most {max_length:,}",
        )
    if article.language and not article.language.lower().startswith("en"):
        return ErrorCode.UNSUPPORTED_LANGUAGE, f"language {article.language}: extraction needs English"
    share = english_function_word_share(body)
    if share is not None and share < MIN_ENGLISH_FUNCTION_WORD_SHARE:
        return (
            ErrorCode.UNSUPPORTED_LANGUAGE,
            f"not English: {share:.0%} of words are English function words",
        )
    if not any(_is_prose(line) for line in body.splitlines()):
        return ErrorCode.NO_ARTICLE, "no sentence of prose: only navigation, headings or links"
    return None


def english_function_word_share(text: str) -> float | None:
    """Share of words that are English function words, or None if too few words to say."""
    words = WORD.findall(text[:LANGUAGE_SAMPLE_CHARS].lower())
    if len(words) < MIN_WORDS_TO_JUDGE_LANGUAGE:
        return None
    return sum(word in STOP_WORDS for word in words) / len(words)


def _is_prose(line: str) -> bool:
    line = line.strip()
    return bool(SENTENCE_END.search(line)) and len(line.split()) >= MIN_PROSE_LINE_WORDS

"""Interim placeholder; replaced by the quotes extractor."""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.records import Article, Quote


def find_quotes(article: Article, doc: Doc) -> list[Quote]:
    return []

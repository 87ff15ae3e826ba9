"""Interim placeholder; replaced by the claims extractor."""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.records import Article, Claim


def find_claims(article: Article, doc: Doc) -> list[Claim]:
    return []

"""Interim placeholder; replaced by the events extractor."""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.records import Article, Event


def find_events(article: Article, doc: Doc) -> list[Event]:
    return []

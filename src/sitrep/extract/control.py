"""Interim placeholder; replaced by the territorial-control extractor."""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.records import Article, ControlChange


def find_control_changes(article: Article, doc: Doc) -> list[ControlChange]:
    return []

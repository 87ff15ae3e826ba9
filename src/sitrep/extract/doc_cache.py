"""Results computed once per spaCy Doc and shared by the extractors that read them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc

T = TypeVar("T")


def once_per_doc(doc: Doc, key: str, compute: Callable[[], T]) -> T:
    """The value cached on the Doc under key, computed on first use."""
    if key not in doc.user_data:
        doc.user_data[key] = compute()
    value: T = doc.user_data[key]
    return value

"""Results computed once per spaCy Doc and shared by the stages that read them.

spaCy builds some of a Doc's views anew at each access: `doc.text` joins every token's
text, `doc.ents` makes a new Span per entity. The rules read them dozens of times per
article; `doc_text` and `entities` build each once. No stage changes a Doc's tokens or
entities, so a cached view stays true.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc, Span

T = TypeVar("T")


def once_per_doc(doc: Doc, key: str, compute: Callable[[], T]) -> T:
    """The value cached on the Doc under key, computed on first use."""
    if key not in doc.user_data:
        doc.user_data[key] = compute()
    value: T = doc.user_data[key]
    return value


def doc_text(doc: Doc) -> str:
    return once_per_doc(doc, "sitrep.doc.text", lambda: doc.text)


def entities(doc: Doc) -> tuple[Span, ...]:
    return once_per_doc(doc, "sitrep.doc.ents", lambda: tuple(doc.ents))

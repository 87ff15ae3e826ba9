"""Results computed once per spaCy Doc and shared by the stages that read them.

spaCy builds some of a Doc's views anew at each access: `doc.text` joins every token's
text, `doc.ents` makes a new Span per entity, and every `doc[i]` is a new Token whose
`.text` and `.lower_` are new strings decoded from the vocabulary. The rules read them
dozens of times per article; `doc_text` and `entities` build each once, and `token_texts`,
`token_lowers`, `lowercase_lemmas` and `token_deps` hold every token's words and relation by
index, for the rules that scan every token for a few words. No stage changes a Doc's
tokens or entities, so a cached view stays true.
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


def token_texts(doc: Doc) -> list[str]:
    """Each token's text, by its index."""
    return once_per_doc(doc, "sitrep.doc.texts", lambda: [token.text for token in doc])


def token_lowers(doc: Doc) -> list[str]:
    """Each token's lowercase form (`Token.lower_`), by its index."""
    return once_per_doc(doc, "sitrep.doc.lowers", lambda: [token.lower_ for token in doc])


def lowercase_lemmas(doc: Doc) -> list[str]:
    """Each token's lemma, lowercased, by its index."""
    return once_per_doc(doc, "sitrep.doc.lemmas", lambda: [t.lemma_.lower() for t in doc])


def token_deps(doc: Doc) -> list[str]:
    """Each token's dependency relation (`Token.dep_`), by its index."""
    return once_per_doc(doc, "sitrep.doc.deps", lambda: [token.dep_ for token in doc])

"""Canonical actors: mentions merged within one article (interim: NER spans by surface form)."""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.records import Actor, ActorKind, Article, Span

_KIND_BY_LABEL = {
    "PERSON": ActorKind.PERSON,
    "ORG": ActorKind.ORGANISATION,
    "NORP": ActorKind.GROUP,
}


def find_actors(article: Article, doc: Doc) -> list[Actor]:
    actors: dict[str, Actor] = {}
    for ent in doc.ents:
        kind = _KIND_BY_LABEL.get(ent.label_)
        if kind is None or "\n" in ent.text:
            continue
        actor = actors.setdefault(
            ent.text, Actor(id=f"actor-{len(actors) + 1}", name=ent.text, kind=kind)
        )
        actor.mentions.append(Span(ent.start_char, ent.end_char, ent.text))
    return list(actors.values())

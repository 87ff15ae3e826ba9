"""Places: toponyms resolved to GeoNames entries (interim: GPE/LOC spans, unresolved)."""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.records import Article, LocationPrecision, Place, Span


def find_places(article: Article, doc: Doc) -> list[Place]:
    places: dict[str, Place] = {}
    for ent in doc.ents:
        if ent.label_ not in {"GPE", "LOC"} or "\n" in ent.text:
            continue
        place = places.setdefault(
            ent.text,
            Place(
                id=f"place-{len(places) + 1}",
                name=ent.text,
                geonames_id=None,
                latitude=None,
                longitude=None,
                country=None,
                feature_class=None,
                feature_code=None,
                precision=LocationPrecision.UNRESOLVED,
            ),
        )
        place.mentions.append(Span(ent.start_char, ent.end_char, ent.text))
    return list(places.values())

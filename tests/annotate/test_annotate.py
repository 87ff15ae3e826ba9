"""Places resolved to GeoNames entries and actors merged, on the sample page and small texts."""

from __future__ import annotations

import pytest

from sitrep.annotate.gazetteer import distance_km, load_gazetteer, normalise
from sitrep.pipeline import analyse
from sitrep.read import read_paths
from sitrep.records import ActorKind, Article, InputKind, LocationPrecision


def test_gazetteer_normalise_folds_transliterations() -> None:
    assert normalise("Deir Ezzor") == normalise("Deir ez-Zor")
    assert normalise("Daraa") == normalise("Dar'a")
    assert normalise("Al-Qardaha") == normalise("Qardaha")


def test_gazetteer_lookup_prefers_populous_entry() -> None:
    [first, *_] = load_gazetteer().lookup("Damascus")
    assert first.country == "SY"
    assert first.precision is LocationPrecision.CITY


def _article(text: str) -> Article:
    return Article("t", "h", InputKind.TEXT, text.split("\n\n"))


@pytest.fixture(scope="module")
def sample(sample_path, nlp) -> Article:  # type: ignore[no-untyped-def]
    [article] = list(analyse(read_paths([str(sample_path)]), nlp=nlp, do_extract=False))
    return article


@pytest.mark.slow
@pytest.mark.parametrize(
    ("surface", "latitude", "longitude"),
    [
        ("Homs", 34.73, 36.72),
        ("Hama", 35.13, 36.75),
        ("Daraa", 32.62, 36.10),
        ("Deir Ezzor", 35.34, 40.14),
        ("Tartous", 34.89, 35.89),
        ("Al-Qardaha", 35.46, 36.06),
        ("Khmeimim", 35.40, 35.95),
        ("Doha", 25.29, 51.53),
    ],
)
def test_places_sample_resolves_within_25_km(sample, surface, latitude, longitude) -> None:  # type: ignore[no-untyped-def]
    [place] = [p for p in sample.places if any(m.text == surface for m in p.mentions)]
    [entry] = [e for e in load_gazetteer().lookup(place.name) if e.latitude == place.latitude][:1]
    assert distance_km(entry, latitude, longitude) < 25


@pytest.mark.slow
def test_places_mentions_index_body(sample) -> None:  # type: ignore[no-untyped-def]
    for record in [*sample.places, *sample.actors]:
        for mention in record.mentions:
            assert sample.body[mention.start : mention.end] == mention.text


@pytest.mark.slow
def test_places_no_person_is_a_place(sample) -> None:  # type: ignore[no-untyped-def]
    mentions = {m.text for p in sample.places for m in p.mentions}
    assert not mentions & {"Assad", "Trump", "Obama", "Orban", "Hezbollah"}


@pytest.mark.slow
def test_actors_assad_is_one_actor_distinct_from_hafez(sample) -> None:  # type: ignore[no-untyped-def]
    [bashar] = [a for a in sample.actors if a.name.startswith("Bashar")]
    texts = {m.text for m in bashar.mentions}
    assert {"Assad", "Bashar al-Assad", "Bashar Al-Assad"} <= texts
    assert bashar.kind is ActorKind.PERSON and bashar.sector == "government"
    assert any(a.name.startswith("Hafez") for a in sample.actors if a is not bashar)


@pytest.mark.slow
def test_actors_acronym_joins_expansion(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The offensive was led by Hayat Tahrir Al-Sham, or HTS, in the north. HTS said so."
    [article] = list(analyse([_article(text)], nlp=nlp, do_extract=False))
    [hts] = [a for a in article.actors if any(m.text == "HTS" for m in a.mentions)]
    assert len(hts.mentions) == 3


@pytest.mark.slow
def test_actors_country_subject_is_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Russia has launched airstrikes around Homs, and Moscow is trying to stop the advance."
    [article] = list(analyse([_article(text)], nlp=nlp, do_extract=False))
    [state] = [a for a in article.actors if a.kind is ActorKind.STATE]
    assert state.country == "RUS"
    assert {m.text for m in state.mentions} == {"Russia", "Moscow"}


@pytest.mark.slow
def test_places_never_match_inside_words(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The ambassador met the Assad family's lawyers in Paris."
    [article] = list(analyse([_article(text)], nlp=nlp, do_extract=False))
    assert [m.text for p in article.places for m in p.mentions] == ["Paris"]

"""Places resolved to GeoNames entries and actors merged, on the sample page and small texts."""

from __future__ import annotations

import pytest

from sitrep.analysis import analyse
from sitrep.annotate.gazetteer import distance_km, load_gazetteer
from sitrep.read import read_paths
from sitrep.records import ActorKind, Article, InputKind, LocationPrecision, PlaceKind
from sitrep.settings import ANNOTATE_STAGES, Settings

ANNOTATE_ONLY = Settings(stages=ANNOTATE_STAGES)


def test_gazetteer_lookup_prefers_populous_entry() -> None:
    """Candidates come most populous first; the governorate and the city both precede any
    namesake town abroad."""
    first, second, *_ = load_gazetteer().lookup("Damascus")
    assert (first.country, second.country) == ("SY", "SY")
    assert {first.feature_code, second.precision} == {"ADM1", LocationPrecision.CITY}


def test_gazetteer_city_named_in_plain_spelling_geonames_lists() -> None:
    """ "Hama", not "Ḩamāh": the record keeps its GeoNames id, the label is readable."""
    cities = {
        surface: next(
            e for e in load_gazetteer().lookup(surface) if e.precision is LocationPrecision.CITY
        )
        for surface in ("Hamah", "Tartous")
    }
    assert (cities["Hamah"].geonames_id, cities["Hamah"].name) == (170017, "Hama")
    assert (cities["Tartous"].geonames_id, cities["Tartous"].name) == (163345, "Tartus")


def _article(text: str) -> Article:
    return Article("t", "h", InputKind.TEXT, text.split("\n\n"))


@pytest.fixture(scope="module")
def sample(sample_path, nlp) -> Article:  # type: ignore[no-untyped-def]
    [article] = list(analyse(read_paths([str(sample_path)]), nlp=nlp, settings=ANNOTATE_ONLY))
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
    assert {"Assad", "Bashar Al-Assad"} <= texts  # the cleaned body spells the full name once
    assert bashar.kind is ActorKind.PERSON and bashar.sector == "government"
    assert any(a.name.startswith("Hafez") for a in sample.actors if a is not bashar)


@pytest.mark.slow
def test_actors_acronym_joins_expansion(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The offensive was led by Hayat Tahrir Al-Sham, or HTS, in the north. HTS said so."
    [article] = list(analyse([_article(text)], nlp=nlp, settings=ANNOTATE_ONLY))
    [hts] = [a for a in article.actors if any(m.text == "HTS" for m in a.mentions)]
    assert len(hts.mentions) == 3


@pytest.mark.slow
def test_actors_person_initials_join_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Leading candidate Andres Manuel Lopez Obrador (AMLO) proposed new tariffs. "
        "AMLO has led in polls for months, and he says he will win."
    )
    [article] = list(analyse([_article(text)], nlp=nlp, settings=ANNOTATE_ONLY))
    [amlo] = [a for a in article.actors if any(m.text == "AMLO" for m in a.mentions)]
    assert amlo.kind is ActorKind.PERSON
    assert amlo.name == "Andres Manuel Lopez Obrador"
    assert [m.text for m in amlo.mentions].count("AMLO") == 2


@pytest.mark.slow
def test_actors_untagged_full_name_joins_its_surname(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rakesh Kumar has a degree but works as a house painter in the small town of Kasba "
        'Bonli. "I voted for Modi last time," said Kumar, wearing a pink shirt.'
    )
    [article] = list(analyse([_article(text)], nlp=nlp, settings=ANNOTATE_ONLY))
    [kumar] = [a for a in article.actors if any(m.text == "Kumar" for m in a.mentions)]
    assert kumar.name == "Rakesh Kumar"
    assert [m.start for m in kumar.mentions] == [0, text.index("Kumar,")]


@pytest.mark.slow
def test_actors_country_subject_is_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Russia has launched airstrikes around Homs, and Moscow is trying to stop the advance."
    [article] = list(analyse([_article(text)], nlp=nlp, settings=ANNOTATE_ONLY))
    [state] = [a for a in article.actors if a.kind is ActorKind.STATE]
    assert state.country == "RUS"
    assert {m.text for m in state.mentions} == {"Russia", "Moscow"}


@pytest.mark.slow
def test_places_never_match_inside_words(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The ambassador met the Assad family's lawyers in Paris."
    [article] = list(analyse([_article(text)], nlp=nlp, settings=ANNOTATE_ONLY))
    assert [m.text for p in article.places for m in p.mentions] == ["Paris"]


def _analysed(nlp, text: str) -> Article:  # type: ignore[no-untyped-def]
    [article] = list(analyse([_article(text)], nlp=nlp, settings=ANNOTATE_ONLY))
    return article


def _place_of(article: Article, surface: str):  # type: ignore[no-untyped-def]
    return next((p for p in article.places if any(m.text == surface for m in p.mentions)), None)


def test_gazetteer_indexes_regions_without_country() -> None:
    regions = [e for e in load_gazetteer().lookup("Middle East") if e.precision.value == "region"]
    assert regions and all(not e.country for e in regions)


@pytest.mark.slow
def test_places_region_name_resolves_to_region(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _analysed(nlp, "Tensions are rising across the Middle East and Europe.")
    for surface in ("Middle East", "Europe"):
        place = _place_of(article, surface)
        assert place is not None and place.precision is LocationPrecision.REGION
        assert place.country is None


@pytest.mark.slow
def test_places_direction_word_is_not_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _analysed(nlp, "South of Damascus, rebels seized a town. West of Homs it was calm.")
    mentions = {m.text for p in article.places for m in p.mentions}
    assert not mentions & {"South", "West"}
    assert "Damascus" in mentions


@pytest.mark.slow
def test_places_organisation_word_after_in_is_not_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _analysed(nlp, "Leaders in Congress met. Subscribe to AI news from Washington.")
    mentions = {m.text for p in article.places for m in p.mentions}
    assert not mentions & {"Congress", "AI"}


@pytest.mark.slow
def test_places_country_alias_after_determiner(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _analysed(nlp, "He sent his adviser to the UAE on Saturday and later to the DRC.")
    for surface, code in (("UAE", "AE"), ("DRC", "CD")):
        place = _place_of(article, surface)
        assert place is not None and place.country == code


@pytest.mark.slow
def test_places_resolve_spans_demonym_stands_for_country(nlp) -> None:  # type: ignore[no-untyped-def]
    from sitrep.annotate.places import resolve_spans

    text = "Russian troops entered the Middle East."
    [entry, region] = resolve_spans(_article(text), nlp(text), [(0, 7), (27, 38)])
    assert entry is not None and entry.country == "RU"
    assert region is not None and region.precision is LocationPrecision.REGION


@pytest.mark.slow
def test_places_resolve_spans_demonym_before_namesake_town(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "Canadian" is Canada, not the town of Canadian, Texas; "Chinese" is China, not Macao
    (which shares the demonym); "European" is the continent."""
    from sitrep.annotate.places import resolve_spans

    text = "Canadian, Chinese and European officials met."
    spans = [(0, 8), (10, 17), (22, 30)]
    canada, china, europe = resolve_spans(_article(text), nlp(text), spans)
    assert canada is not None and (canada.country, canada.precision) == ("CA", "country")
    assert china is not None and china.country == "CN"
    assert europe is not None and (europe.name, europe.geonames_id) == ("Europe", 6255148)


@pytest.mark.slow
def test_actors_people_and_residents_are_civilians(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _analysed(nlp, "In one area people destroyed a statue and residents fled.")
    [group] = [a for a in article.actors if a.sector == "civilians"]
    assert group.kind is ActorKind.GROUP
    assert {m.text for m in group.mentions} == {"people", "residents"}


@pytest.mark.slow
def test_actors_anonymous_people_are_no_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _analysed(nlp, "The talks failed, according to people familiar with the matter.")
    assert not [a for a in article.actors if a.sector == "civilians"]


@pytest.mark.slow
def test_actors_people_reporting_are_sources_residents_reporting_are_actors(nlp) -> None:  # type: ignore[no-untyped-def]
    sourced = _analysed(nlp, "The president wants a deal to stay in power, said the people.")
    assert not [a for a in sourced.actors if a.sector == "civilians"]
    witnessed = _analysed(nlp, "Residents said the army had left the town.")
    assert [a.sector for a in witnessed.actors if a.name == "civilians"] == ["civilians"]


@pytest.mark.slow
def test_actors_demonyms_on_role_noun_are_governments(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The minister met his Iranian and Turkish counterparts in Doha."
    states = {a.country: a for a in _analysed(nlp, text).actors if a.kind is ActorKind.STATE}
    assert set(states) >= {"IRN", "TUR"}
    assert all(a.sector == "government" for a in states.values())


@pytest.mark.slow
def test_actors_role_phrase_with_country_binds_person_of_that_country(sample) -> None:  # type: ignore[no-untyped-def]
    """ "Syria's longtime ruler" teaches Assad's country; "the incoming US president" is then
    Trump, not the most mentioned president."""
    by_phrase = {r.text: sample.actor(r.actor_id) for r in sample.references}
    ruler, president = by_phrase["Syria’s longtime ruler"], by_phrase["the incoming US president"]
    assert ruler is not None and ruler.name.startswith("Bashar") and ruler.country == "SYR"
    assert president is not None and president.name == "Donald Trump"


@pytest.mark.slow
def test_actors_organisation_before_title_gives_person_its_sector(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Hezbollah leader Hassan Nasrallah said the group would keep fighting."
    [person] = [a for a in _analysed(nlp, text).actors if a.kind is ActorKind.PERSON]
    assert person.name == "Hassan Nasrallah"
    assert person.sector == "rebel" and person.country == "LBN"


@pytest.mark.slow
def test_actors_name_only_qualifying_a_noun_is_no_actor(sample) -> None:  # type: ignore[no-untyped-def]
    """ "an Alawite woman", "Syriac Orthodox Patriarch ...": no person called Alawite."""
    names = {m.text for a in sample.actors for m in a.mentions}
    assert not names & {"Alawite", "Syriac Orthodox"}


@pytest.mark.slow
def test_actors_name_after_title_found_when_the_model_misses_it(sample) -> None:  # type: ignore[no-untyped-def]
    """ "Syriac Orthodox Patriarch Ignatius Aphrem II": the model tags no person here."""
    [patriarch] = [a for a in sample.actors if a.name == "Ignatius Aphrem II"]
    assert patriarch.kind is ActorKind.PERSON and patriarch.sector == "religious"


@pytest.mark.slow
def test_places_sample_mentions_iraq_through_its_demonym(sample) -> None:  # type: ignore[no-untyped-def]
    """ "Iraqi militias ... returned to their country": Iraq is among the countries the page
    mentions, as an adjectival place, never a literal one."""
    iraq = [p for p in sample.places if p.country == "IQ"]
    assert iraq and all(p.kind is PlaceKind.ADJECTIVAL for p in iraq)

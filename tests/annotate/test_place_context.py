"""Places resolved from their context, adjectival place mentions, and what is not a place:
general hand-made sentences, one rule each."""

from __future__ import annotations

import json

import pytest

from sitrep.analysis import analyse
from sitrep.annotate.gazetteer import is_capital, load_gazetteer
from sitrep.annotate.mentions import MentionIndex
from sitrep.annotate.places import FEATURES, _weights, _written_like_a_name
from sitrep.records import ActorKind, Article, InputKind, LocationPrecision, Place, PlaceKind
from sitrep.settings import ANNOTATE_STAGES, Settings
from sitrep.store.merge import ActorIdentity

ANNOTATE_ONLY = Settings(stages=ANNOTATE_STAGES)


def _analysed(nlp, text: str) -> Article:  # type: ignore[no-untyped-def]
    article = Article("t", "h", InputKind.TEXT, text.split("\n\n"))
    [analysed] = list(analyse([article], nlp=nlp, settings=ANNOTATE_ONLY))
    return analysed


def _place(article: Article, surface: str) -> Place | None:
    return next((p for p in article.places if any(m.text == surface for m in p.mentions)), None)


def test_gazetteer_country_carries_geonames_point_and_code() -> None:
    [country] = [e for e in load_gazetteer().lookup("United States") if e.geonames_id]
    assert (country.geonames_id, country.feature_code) == (6252001, "PCLI")
    assert (country.latitude, country.longitude) == (39.76, -98.5)


def test_gazetteer_divisions_have_geonames_ids() -> None:
    state = next(e for e in load_gazetteer().lookup("California") if e.country == "US")
    assert (state.geonames_id, state.feature_code) == (5332921, "ADM1")
    county = next(e for e in load_gazetteer().lookup("Kent") if e.country == "GB")
    assert county.feature_code == "ADM2" and county.geonames_id is not None


def test_ranker_weights_match_features() -> None:
    assert len(_weights()) == len(FEATURES)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface", "country", "admin1"),
    [
        (
            "Police said the attack happened in Parkland, Florida, on Wednesday.",
            "Parkland",
            "US",
            "FL",
        ),
        ("The storm hit Baton Rouge, La., overnight.", "Baton Rouge", "US", "LA"),
        (
            "Flights to Trinidad and Tobago were cancelled on Monday.",
            "Trinidad and Tobago",
            "TT",
            None,
        ),
        ("The band played in Los Angeles and then flew home.", "Los Angeles", "US", None),
        (
            "Two people collapsed in the English city of Salisbury last week.",
            "Salisbury",
            "GB",
            None,
        ),
    ],
)
def test_places_context_picks_the_namesake(nlp, text, surface, country, admin1) -> None:  # type: ignore[no-untyped-def]
    place = _place(_analysed(nlp, text), surface)
    assert place is not None and place.country == country
    if admin1:
        entry = next(
            e for e in load_gazetteer().lookup(place.name) if e.geonames_id == place.geonames_id
        )
        assert entry.admin1 == admin1


@pytest.mark.slow
def test_places_demonym_is_adjectival_place_of_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _analysed(nlp, "Russian officials met their counterparts in Ankara on Monday.")
    russia = _place(article, "Russian")
    assert russia is not None and russia.kind is PlaceKind.ADJECTIVAL
    assert russia.country == "RU" and russia.precision is LocationPrecision.COUNTRY
    ankara = _place(article, "Ankara")
    assert ankara is not None and ankara.kind is PlaceKind.LITERAL
    # where things happen is never the adjective: the mention index leaves it out
    start = article.body.index("Russian")
    assert MentionIndex(article).place(start, start + len("Russian")) is None


@pytest.mark.slow
def test_places_organisation_named_after_a_country(nlp) -> None:  # type: ignore[no-untyped-def]
    article = _analysed(nlp, "The Zimbabwe Electoral Commission said turnout was high.")
    zimbabwe = _place(article, "Zimbabwe")
    assert zimbabwe is not None and zimbabwe.kind is PlaceKind.ADJECTIVAL
    assert zimbabwe.country == "ZW"


@pytest.mark.slow
def test_places_large_division_read_as_person_is_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "India's states are quarrelling over river water. Tamil Nadu on Saturday moved the "
        "Supreme Court against Karnataka."
    )
    place = _place(_analysed(nlp, text), "Tamil Nadu")
    assert place is not None and place.country == "IN"


@pytest.mark.slow
def test_places_acronyms_are_no_towns(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The MoD said the IISS report on London was wrong."
    article = _analysed(nlp, text)
    texts = {m.text for p in article.places for m in p.mentions}
    assert "London" in texts and not texts & {"MoD", "IISS"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("A fan of the Green Party said the vote in Berlin was close.", "Green"),
        ("Officers of the Beverly Hills Police Department said the car was parked.", "Police"),
        ("The chief executive of Orange Drugs Ltd spoke in Lagos, Nigeria.", "Orange"),
        ("Forecasters expect a neutral El Niño-Southern Oscillation this year.", "Southern"),
    ],
)
def test_places_an_organisations_ordinary_word_is_no_place(nlp, text, word) -> None:  # type: ignore[no-untyped-def]
    """Inside an organisation's name only a place's own name, of a world city or a country the
    article is about, is a place: not a variant spelling of a county ("Green" County, "Police"
    for Powiat policki), a town abroad ("Orange") or a compass word."""
    assert _place(_analysed(nlp, text), word) is None


@pytest.mark.slow
def test_places_a_country_inside_an_organisation_name(nlp) -> None:  # type: ignore[no-untyped-def]
    """A country's short form is a place even inside a name ("US Federal Reserve")."""
    us = _place(_analysed(nlp, "The US Federal Reserve raised its key rate on Wednesday."), "US")
    assert us is not None and us.country == "US" and us.kind is PlaceKind.ADJECTIVAL


@pytest.mark.parametrize(
    ("text", "name_like"),
    [("Guhdar", True), ("Sidi Bouzid", True), ("MURALS", False), ("11:11pm PDT", False)],
)
def test_an_unknown_tagged_name_must_be_written_like_one(text: str, name_like: bool) -> None:
    assert _written_like_a_name(text) is name_like


@pytest.mark.slow
def test_actors_names_without_titles_determiners_or_possessives(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The United Nations said on Monday that President Donald Trump would attend. "
        "Aung San Suu Kyi's government declined to comment."
    )
    names = {a.name for a in _analysed(nlp, text).actors}
    assert "United Nations" in names and "the United Nations" not in names
    assert not any(n.endswith("'s") or n.startswith(("The ", "President ")) for n in names)


@pytest.mark.slow
def test_actors_full_name_and_surname_articles_meet_in_the_store(nlp) -> None:  # type: ignore[no-untyped-def]
    full = _analysed(nlp, "Donald Trump said on Friday he would meet the leaders.")
    short = _analysed(nlp, "President Trump said on Friday he would meet the leaders.")
    [first] = [a for a in full.actors if a.name == "Donald Trump"]
    [second] = [a for a in short.actors if a.name == "Trump"]
    identities = [
        ActorIdentity.of(str(a.kind), a.country, a.name, a.aliases) for a in (first, second)
    ]
    assert identities[0].same_as(identities[1])


@pytest.mark.slow
def test_actors_role_phrase_teaches_no_country_without_evidence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "President Donald Trump said the talks went well. Later the Syrian president "
        "thanked his allies."
    )
    [trump] = [a for a in _analysed(nlp, text).actors if a.name == "Donald Trump"]
    assert trump.country != "SYR"


@pytest.mark.slow
def test_actors_generic_groups_keep_their_country(nlp) -> None:  # type: ignore[no-untyped-def]
    hong_kong = _analysed(nlp, "Protesters marched through Hong Kong on Sunday.")
    bolivia = _analysed(nlp, "Protesters marched through La Paz, Bolivia, on Sunday.")
    groups = [
        next(a for a in article.actors if a.name.lower() == "protesters")
        for article in (hong_kong, bolivia)
    ]
    identities = [ActorIdentity.of(str(a.kind), a.country, a.name, a.aliases) for a in groups]
    assert groups[0].country and groups[1].country
    assert not identities[0].same_as(identities[1])


@pytest.mark.slow
def test_actors_one_person_across_real_pages(nlp, shared_data) -> None:  # type: ignore[no-untyped-def]
    """The real pages of ../shared/data/article-extraction that name Donald Trump, however
    each names him ("Trump", "Donald Trump", "President Trump"): one actor in the store, of no
    country but his own."""
    pages = json.loads((shared_data / "article-extraction" / "ground-truth.json").read_text())
    bodies = [p["articleBody"] for p in pages.values() if "Trump" in p["articleBody"]]
    records = [
        actor
        for body in bodies
        for actor in _analysed(nlp, body).actors
        if actor.kind is ActorKind.PERSON and actor.name in {"Trump", "Donald Trump"}
    ]
    assert len(records) >= len(bodies) - 1
    identities = [ActorIdentity.of(str(a.kind), a.country, a.name, a.aliases) for a in records]
    full = next(i for i in identities if i.canonical_key == "donald trump")
    assert all(i.same_as(full) or full.same_as(i) for i in identities)
    assert {a.country for a in records} <= {None, "USA"}


@pytest.mark.slow
def test_actors_the_role_stands_for_the_person_named_with_it(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "The minister" is the person the page named as minister, not the most mentioned
    official of the same sector (the president who approved the funds)."""
    text = (
        "President Tom Okafor visited the troops. Defence Minister Ngozi Adeyemi said on "
        "Friday that 20,000 soldiers had been recruited under President Tom Okafor. "
        "The minister added that the funds approved by President Okafor would buy arms."
    )
    article = _analysed(nlp, text)
    [phrase] = [r for r in article.references if r.text == "The minister"]
    holder = article.actor(phrase.actor_id)
    assert holder is not None and holder.name == "Ngozi Adeyemi"


def test_a_group_of_no_known_country_is_not_a_group_of_a_country() -> None:
    unknown = ActorIdentity.of("group", None, "civilians", [])
    australian = ActorIdentity.of("group", "AUS", "civilians", [])
    assert not unknown.same_as(australian) and not australian.same_as(unknown)
    assert unknown.same_as(ActorIdentity.of("group", None, "civilians", []))
    # A person of unknown country still meets the same name of a known one.
    assert ActorIdentity.of("person", None, "Trump", []).same_as(
        ActorIdentity.of("person", "USA", "Donald Trump", ["Trump"])
    )


def _names(nlp, text: str) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    return {a.name: [m.text for m in a.mentions] for a in _analysed(nlp, text).actors}


@pytest.mark.slow
def test_writings_of_one_name_are_one_person(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _names(
        nlp,
        "Maria L. Okonkwo filed the suit. Maria Okonkwo said on Monday that Okonkwo would "
        "appeal. Christopher Hale represents her. Chris Hale declined to comment.",
    )
    assert actors["Maria L. Okonkwo"] == ["Maria L. Okonkwo", "Maria Okonkwo", "Okonkwo"]
    assert actors["Christopher Hale"] == ["Christopher Hale", "Chris Hale"]


@pytest.mark.slow
def test_father_and_son_stay_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _names(nlp, "John Carver Sr. and John Carver Jr. spoke to reporters on Monday.")
    assert {"John Carver Sr.", "John Carver Jr."} <= actors.keys()


@pytest.mark.slow
def test_name_span_drops_a_lowercase_word_before_it(nlp) -> None:  # type: ignore[no-untyped-def]
    actors = _names(nlp, "Apple said the older MacBook Pro would be recalled.")
    assert not any(name.startswith("older") for name in actors)


def test_a_capital_named_with_its_district_is_its_countrys_capital() -> None:
    """countryinfo writes "Washington D.C.", GeoNames names the city "Washington"."""
    assert is_capital("Washington", "US") and is_capital("London", "GB")
    assert not is_capital("Washington", "GB")


@pytest.mark.slow
def test_places_a_peoples_plural_stands_for_its_region(nlp) -> None:  # type: ignore[no-untyped-def]
    africans = _place(_analysed(nlp, "Scholars said Africans shared land in common."), "Africans")
    assert africans is not None and africans.kind is PlaceKind.ADJECTIVAL
    assert africans.name == "Africa"


@pytest.mark.slow
def test_places_a_dateline_after_a_byline_is_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "By <reporter>. BOSTON (Reuters) -": the model reads no place there, the dateline does."""
    text = "By Jane Doe. BOSTON (Reuters) - The owner of a restaurant was charged on Thursday."
    boston = _place(_analysed(nlp, text), "BOSTON")
    assert boston is not None and boston.country == "US"


def test_gazetteer_oceans_and_seas_carry_geonames_records() -> None:
    """GeoNames' own id, point and feature code, not a curated centroid without an id."""
    atlantic = next(e for e in load_gazetteer().lookup("Atlantic") if not e.country)
    assert (atlantic.geonames_id, atlantic.feature_code) == (3373405, "OCN")
    assert (atlantic.latitude, atlantic.longitude) == (10.0, -25.0)
    [sea] = [e for e in load_gazetteer().lookup("Red Sea") if e.feature_class == "H"]
    assert (sea.geonames_id, sea.feature_code) == (350155, "SEA")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # the state holding the town before it, not the country of the same name
        ("Residents of Athens, Georgia, said the river rose.", "Georgia", ("US", "ADM1")),
        ("He grew up in Macon, Georgia and moved away.", "Macon", ("US", None)),
        # a list of world cities is no "town, state"
        ("Leaders from Moscow, Washington and Beijing met on Monday.", "Moscow", ("RU", None)),
        # a dateline names a city
        ("NEW YORK (AP) — A man was arrested on Friday.", "NEW YORK", ("US", None)),
    ],
)
def test_places_a_town_and_its_state(nlp, text, surface, expected) -> None:  # type: ignore[no-untyped-def]
    place = _place(_analysed(nlp, text), surface)
    assert place is not None and (place.country, place.feature_code) == expected


@pytest.mark.slow
def test_actors_a_possessor_and_a_participle_are_cut_from_names(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "Jeff Bezos's Blue Origin" names Jeff Bezos; "Questioning Vindman" is Vindman."""
    text = (
        "Jeff Bezos’s Blue Origin launched a rocket, and Bezos watched. Alexander Vindman "
        "testified on Tuesday. "
        "Questioning Vindman, Republicans pressed him. Booking Holdings said profits rose."
    )
    actors = _names(nlp, text)
    assert "Jeff Bezos" in actors and not any("’s" in name for name in actors)
    assert actors["Alexander Vindman"] == ["Alexander Vindman", "Vindman"]
    assert "Booking Holdings" in actors  # a company's name keeps its -ing word


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface", "geonames_id"),
    [
        ("John Reekie, who lives in New York, owns horses.", "New York", 5128581),
        ("Protests spread across New York state on Monday.", "New York", 5128638),
    ],
)
def test_places_a_world_city_named_like_its_division(nlp, text, surface, geonames_id) -> None:  # type: ignore[no-untyped-def]
    """Written alone the name is the world city; a cue word still names the division."""
    place = _place(_analysed(nlp, text), surface)
    assert place is not None and place.geonames_id == geonames_id


@pytest.mark.slow
def test_places_the_gulf_is_the_persian_gulf(nlp) -> None:  # type: ignore[no-untyped-def]
    gulf = _place(_analysed(nlp, "A trade embargo on a fellow US ally in the Gulf, Qatar."), "Gulf")
    assert gulf is not None and gulf.name == "Persian Gulf"


def test_gazetteer_countries_without_a_countryinfo_point_are_indexed() -> None:
    """ "Palestine" was Palestine, Texas and "Kosovo" Kosovo Polje: the countries had no point."""
    for name, code, geonames_id in (("Palestine", "PS", 6254930), ("Kosovo", "XK", 831053)):
        entries = load_gazetteer().lookup(name)
        assert any(
            (e.country, e.geonames_id, e.feature_code) == (code, geonames_id, "PCLI")
            for e in entries
        )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surface", "place"),
    [
        ("The probe flew past Titan, the largest moon of Saturn.", "Titan", False),
        ("The asteroid will pass close to Earth on Friday, scientists said.", "Earth", False),
        ("Life on Mars may once have been possible.", "Mars", False),
        ("The storm hit Earth, Texas, on Monday.", "Earth", True),
        ("Police in Mars, Pennsylvania, arrested a man.", "Mars", True),
    ],
)
def test_places_a_celestial_body_is_a_town_only_when_qualified(nlp, text, surface, place) -> None:  # type: ignore[no-untyped-def]
    """A planet or moon named like a town is that town only with its state or country."""
    assert (_place(_analysed(nlp, text), surface) is not None) is place

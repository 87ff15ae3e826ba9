"""Actors across articles, on the 89 real pages of ../shared/data (samples and
article-extraction) ingested into one store: one actor per person however each page names
them, and generic groups kept per country."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from sitrep.annotate.actors import alpha3, roles
from sitrep.names import name_key
from sitrep.pipeline import ingest
from sitrep.store import open_store
from sitrep.store.api import QueryFilter

ALL = QueryFilter(limit=100_000)


@pytest.fixture(scope="module")
def stored(shared_data: Path, tmp_path_factory: pytest.TempPathFactory, nlp) -> Any:  # type: ignore[no-untyped-def]
    pages = [shared_data / "samples", shared_data / "article-extraction" / "html"]
    if not all(p.exists() for p in pages):
        pytest.skip("the real pages are not in the shared data")
    db = str(tmp_path_factory.mktemp("actors") / "pages.duckdb")
    report = ingest([str(p) for p in pages], db)
    assert report.stored >= 70  # the pages in other languages are rejected
    store = open_store(db)
    yield store
    store.close()


def _people(store: Any) -> list[dict[str, Any]]:
    return [row for row in store.actors(ALL) if row["kind"] == "person"]


def _holding(people: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    key = name_key(name)
    return [p for p in people if key in {name_key(n) for n in (p["name"], *p["aliases"])}]


@pytest.mark.slow
def test_one_actor_for_a_person_named_in_many_articles(stored) -> None:  # type: ignore[no-untyped-def]
    """ "Trump", "Donald Trump", "President Trump", "Mr. Trump" on ten pages: one actor, and
    of no country but his own (no Syrian or other country from a page's dominant place)."""
    [trump] = _holding(_people(stored), "Trump")
    assert trump["name"] == "Donald Trump" and trump["articles"] >= 7
    assert trump["country"] in {None, "USA"}


@pytest.mark.slow
def test_one_actor_for_a_name_written_with_and_without_middle_initials(stored) -> None:  # type: ignore[no-untyped-def]
    """Two pages on one court case write "Sonya A. Zoghlin" and "Sonya Zoghlin", "Patrick W.
    Carlineo Jr." and "Patrick Carlineo Jr." / "Pat Carlineo": one actor each."""
    people = _people(stored)
    for name, articles in (("Sonya Zoghlin", 2), ("Patrick Carlineo Jr.", 2)):
        [person] = _holding(people, name)
        assert person["articles"] >= articles


@pytest.mark.slow
def test_a_lone_or_shortened_name_joins_the_full_name_of_its_page(stored) -> None:  # type: ignore[no-untyped-def]
    """ "Van Der Beek" beside "James Van Der Beek", "Eriksson Ek" beside "Joel Eriksson Ek",
    "Josh Apte" beside "Joshua Apte", "B. U. Nzeribe" beside "Benjamin Nzeribe"."""
    people = _people(stored)
    for short, full in (
        ("Van Der Beek", "James Van Der Beek"),
        ("Eriksson Ek", "Joel Eriksson Ek"),
        ("Josh Apte", "Joshua Apte"),
        ("B. U. Nzeribe", "Benjamin Nzeribe"),
    ):
        assert [p["name"] for p in _holding(people, short)] == [full]


@pytest.mark.slow
def test_no_person_has_two_countries(stored) -> None:  # type: ignore[no-untyped-def]
    countries: dict[str, set[str | None]] = defaultdict(set)
    for person in _people(stored):
        countries[name_key(person["name"])].add(person["country"])
    assert {name: c for name, c in countries.items() if len(c) > 1} == {}


@pytest.mark.slow
def test_generic_groups_are_kept_per_country(stored) -> None:  # type: ignore[no-untyped-def]
    """The protesters of the Hong Kong pages and of the Bolivian page are two actors, and a
    group is never one actor across pages about different countries: every page a group of
    some country is named on names a place of that country (a place or its demonym)."""
    groups = [row for row in stored.actors(ALL) if row["kind"] == "group"]
    protesters = {row["country"] for row in groups if row["name"] == "protesters"}
    assert {"HKG", "BOL"} <= protesters
    places = stored.database.query(
        "SELECT DISTINCT m.article_id AS article, p.country AS country FROM mentions m"
        " JOIN places p ON p.id = m.entity_id WHERE m.entity = 'place'"
    )
    countries: dict[str, set[str]] = defaultdict(set)
    for row in places:
        countries[row["article"]].add(alpha3(row["country"]) or "")
    named_on = stored.database.query(
        "SELECT DISTINCT a.name AS name, a.country AS country, m.article_id AS article"
        " FROM actors a JOIN mentions m ON m.entity_id = a.id"
        " WHERE a.kind = 'group' AND a.country IS NOT NULL"
    )
    labels = {role.label for role in roles().values() if role.kind == "group"}
    merged = [
        (row["name"], row["country"])
        for row in named_on
        if any(row["name"] == label or row["name"].endswith(f" {label}") for label in labels)
        and row["country"] not in countries[row["article"]]
    ]
    assert merged == []


@pytest.mark.slow
def test_a_person_named_however_the_model_reads_the_name(stored) -> None:  # type: ignore[no-untyped-def]
    """ "Mason Rudolph" tagged an organisation beside "Rudolph" the person, "Questioning
    Vindman" and "Hosting Cook" opening a sentence beside "Alexander Vindman" and "Tim Cook":
    one person each, under the full name."""
    people = _people(stored)
    for surname, full, articles in (
        ("Rudolph", "Mason Rudolph", 2),
        ("Vindman", "Alexander Vindman", 1),
        ("Cook", "Tim Cook", 1),
    ):
        [person] = _holding(people, surname)
        assert person["name"] == full and person["articles"] >= articles


@pytest.mark.slow
def test_a_possessor_is_not_one_name_with_its_thing(stored) -> None:  # type: ignore[no-untyped-def]
    """ "Apple's MacBook" on pages that name Apple alone: the possessor is the actor; a
    possessive inside a fixed name ("People's Liberation Army") stays."""
    names = {row["name"] for row in stored.actors(ALL)}
    assert not names & {"Apple’s MacBook", "Apple's AirPods Pro"}
    assert "’s" not in names and "People’s Liberation Army" in names

"""The situation report on a hand-made week: its sections, its evidence, its escaping."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from fastapi.testclient import TestClient
from tests.brief.brief_store import (
    CLAIM,
    HAMA_FELL,
    HOSTILE_ACTOR,
    HOSTILE_TITLE,
    NEW_GROUP,
    PROPOSED,
    TAKEN,
    WEEK,
    week_articles,
)
from typer.testing import CliRunner

from sitrep.brief import Brief, build_brief, default_window, render_html, render_markdown
from sitrep.brief.markdown import md
from sitrep.brief.report import EventLine, unasserted_order
from sitrep.brief.world_map import _View, map_picture
from sitrep.cli import app
from sitrep.records import EventStatus
from sitrep.serve import create_app
from sitrep.store import open_store
from sitrep.store.sql_store import SqlStore

BASE = "http://sitrep.test:8000"
FROM, TO = (date.fromisoformat(day) for day in WEEK)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("brief") / "week.duckdb")
    store = open_store(path)
    try:
        store.write(week_articles())
    finally:
        store.close()
    return path


@pytest.fixture(scope="module")
def store(db: str) -> Iterator[SqlStore]:
    opened = open_store(db, read_only=True)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def brief(store: SqlStore) -> Brief:
    return build_brief(store, FROM, TO)


def test_default_window_is_the_week_up_to_the_latest_plausible_event(store: SqlStore) -> None:
    # An event dated 2047 (in an article of 2024-12-08) and an article published in 2047
    # would pull the window into the future; the latest plausible event is on 2024-12-07.
    assert default_window(store, today=date(2026, 1, 1)) == (FROM, TO)


def test_control_change_names_place_sides_day_and_evidence(brief: Brief) -> None:
    hama, line = brief.control
    assert (hama.place, hama.day, hama.day_end) == ("Hama", "2024-11-28", "2024-12-02")
    assert [e.text for e in hama.evidence] == [HAMA_FELL]
    assert (line.place, line.to_actor, line.day, line.sources) == (
        "Homs",
        "Syrian rebels",
        TO.isoformat(),
        1,
    )
    assert [e.text for e in line.evidence] == [TAKEN]


def test_events_by_type_and_place_count_independent_sources(brief: Brief) -> None:
    groups = dict(brief.events_by_type())
    homs = dict(groups["ASSAULT"])["Homs"]
    (attack,) = [e for e in homs if e.actor == "Syrian rebels"]
    assert (attack.sources, attack.reports) == (2, 2)
    assert {e.outlet for e in attack.evidence} == {"Wire", "Monitor"}


def test_proposed_event_is_not_listed_as_a_fact(brief: Brief) -> None:
    assert PROPOSED not in {e.text for event in brief.events for e in event.evidence}
    (proposed,) = brief.unasserted
    assert (proposed.type, proposed.status) == ("CONSULT", "proposed")
    markdown = render_markdown(brief, BASE)
    facts, _, not_facts = markdown.partition("## Only proposed, hypothetical or denied")
    assert md(PROPOSED) not in facts and md(PROPOSED) in not_facts


def test_unasserted_events_are_read_proposed_then_hypothetical_then_negated(
    brief: Brief,
) -> None:
    (proposed,) = brief.unasserted
    lines = [
        replace(proposed, status=EventStatus.NEGATED, day="2024-12-01"),
        replace(proposed, status=EventStatus.HYPOTHETICAL, type="ASSAULT"),
        replace(proposed, day="2024-12-07"),
        replace(proposed, day="2024-12-02"),
    ]
    ordered = sorted(lines, key=unasserted_order)
    assert [(line.status, line.day) for line in ordered] == [
        ("proposed", "2024-12-02"),
        ("proposed", "2024-12-07"),
        ("hypothetical", proposed.day),
        ("negated", "2024-12-01"),
    ]


def test_new_actors_are_those_first_named_in_the_window(brief: Brief) -> None:
    names = {actor.name for actor in brief.new_actors}
    assert "Hayat Tahrir al-Sham" in names
    assert "Syrian rebels" not in names  # named on 2024-11-20 already
    (hts,) = [a for a in brief.new_actors if a.name == "Hayat Tahrir al-Sham"]
    assert [e.text for e in hts.evidence] == [NEW_GROUP]


def test_claims_carry_their_source_and_outlets(brief: Brief) -> None:
    (claim,) = [c for c in brief.claims if c.text == CLAIM]
    assert (claim.source_type, claim.source_name) == (
        "anonymous",
        "a person familiar with the matter",
    )
    assert (claim.outlets, claim.sources) == (["Wire"], 1)


def test_every_evidence_link_opens_its_sentence(brief: Brief, store: SqlStore) -> None:
    markdown = render_markdown(brief, BASE)
    links = re.findall(r"\]\(<([^>]+)>\)", markdown)
    views = [link for link in links if link.startswith(BASE)]
    assert len(views) >= 6
    for link in views:
        parts = urlsplit(link)
        start, end = map(int, parse_qs(parts.query)["evidence"][0].split("-"))
        article_id = unquote(parts.fragment.removeprefix("/article/"))
        body = store.article(article_id)["body"]  # type: ignore[index]
        sentence = body[start:end]
        assert sentence.strip() and md(" ".join(sentence.split())) in markdown


def test_html_escapes_hostile_titles_names_and_links(brief: Brief) -> None:
    page = render_html(brief, BASE)
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "javascript:" not in page
    assert "&#34;&gt;&lt;img src=x" in page  # the actor's name, as text


def test_markdown_keeps_hostile_strings_literal(brief: Brief) -> None:
    markdown = render_markdown(brief, BASE)
    assert HOSTILE_TITLE not in markdown and "\\<script\\>" in markdown
    assert HOSTILE_ACTOR not in markdown and "javascript:" not in markdown


def test_html_page_has_the_map_and_every_section(brief: Brief) -> None:
    page = render_html(brief, BASE)
    for section in ("map", "control", "events", "actors", "claims", "contradictions", "unasserted"):
        assert f'<section id="{section}">' in page
    assert re.search(
        r"<svg class=\"brief-map\"[^>]*>.*<title>Homs: 1 asserted event; changed hands</title>",
        page,
        re.S,
    )
    assert "<style>" in page  # a file written by the CLI carries its stylesheet


def test_cli_writes_markdown_and_html(db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["brief", "--db", db])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Situation report, 2024-12-01 to 2024-12-07")
    target = tmp_path / "brief.html"
    result = runner.invoke(
        app, ["brief", "--db", db, "--from", "2024-12-01", "--format", "html", "-o", str(target)]
    )
    assert result.exit_code == 0
    assert "<h1>Situation report, 2024-12-01 to 2024-12-07</h1>" in target.read_text()
    inverted = runner.invoke(
        app, ["brief", "--db", db, "--from", "2024-12-07", "--to", "2024-12-01"]
    )
    assert inverted.exit_code == 2 and "before it starts" in inverted.stderr


def test_served_page_links_its_stylesheet_and_runs_no_script(store: SqlStore) -> None:
    client = TestClient(create_app(store), base_url="http://localhost")
    response = client.get("/brief", params={"from": "2024-12-01", "to": "2024-12-07"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    page = response.text
    assert '<link rel="stylesheet" href="/static/brief.css">' in page
    assert "<script" not in page and "style=" not in page and "<style" not in page
    assert 'href="/?evidence=' in page
    assert client.get("/static/brief.css").status_code == 200
    markdown = client.get("/brief", params={"format": "markdown"})
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert "# Situation report, 2024-12-01 to 2024-12-07" in markdown.text
    assert client.get("/brief", params={"from": "2024-02-30"}).status_code == 422
    assert (
        client.get("/brief", params={"from": "2024-12-07", "to": "2024-12-01"}).status_code == 422
    )


def _located(place: str, latitude: float, longitude: float, precision: str) -> EventLine:
    return EventLine(
        type="ASSAULT",
        status="asserted",
        day="2019-11-18",
        day_end=None,
        actor=None,
        target=None,
        place=place,
        precision=precision,
        latitude=latitude,
        longitude=longitude,
        sources=1,
        reports=1,
        other_statuses={},
        evidence=[],
    )


def test_map_spans_far_apart_places_without_passing_a_pole_and_draws_no_country_centroid() -> None:
    brief = Brief(
        FROM,
        TO,
        events=[
            _located("Pittsburgh", 40.44, -79.99, "city"),
            _located("Beijing", 39.91, 116.40, "city"),
            _located("China", 35.0, 105.0, "country"),
        ],
    )
    picture = map_picture(brief)
    assert picture is not None
    assert [m.name for m in picture.markers] == ["Pittsburgh", "Beijing"]
    for marker in picture.markers:
        assert 0 < marker.x < picture.width and 0 < marker.y < picture.height
    view = _View.around([(-79.99, 40.44), (116.40, 39.91)])
    assert view.north <= 90 and view.north - view.height / view.scale >= -90

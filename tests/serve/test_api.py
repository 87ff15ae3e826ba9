"""The REST API on the in-memory store: filters, paging, validation, 404s."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from fastapi.testclient import TestClient

from sitrep.records import Article, PageJudgement
from sitrep.serve import create_app
from sitrep.store import open_store
from sitrep.taxonomy import event_types


def test_api_events_filter_by_type_and_page(client: TestClient) -> None:
    body = client.get("/api/events", params={"event_type": "ASSAULT"}).json()
    assert [e["type"] for e in body["items"]] == ["ASSAULT"]
    assert body["items"][0]["place"] == "Homs"
    paged = client.get("/api/events", params={"limit": 1}).json()
    assert len(paged["items"]) == 1 and paged["next"]
    rest = client.get("/api/events", params={"limit": 1000, "after": paged["next"]}).json()
    assert paged["items"][0]["id"] not in {e["id"] for e in rest["items"]}
    assert rest["next"] is None


def test_api_events_without_evidence_keep_their_counts_and_cursor(client: TestClient) -> None:
    full = client.get("/api/events", params={"limit": 1}).json()
    bare = client.get("/api/events", params={"limit": 1, "evidence": "false"}).json()
    assert full["items"][0]["evidence"] and "evidence" not in bare["items"][0]
    kept = {k: v for k, v in full["items"][0].items() if k != "evidence"}
    assert bare["items"][0] == kept and bare["next"] == full["next"]


def test_api_claims_carry_source_type_and_certainty(client: TestClient) -> None:
    items = client.get("/api/claims", params={"source_type": "official_statement"}).json()["items"]
    assert [(c["source_type"], c["certainty"]) for c in items] == [("official_statement", "denied")]


def test_api_article_detail_and_unknown_id(client: TestClient, article) -> None:  # type: ignore[no-untyped-def]
    detail = client.get(f"/api/articles/{article.id}").json()
    assert detail["quotes"][0]["speaker"] == "Donald Trump"
    missing = client.get("/api/articles/nope")
    assert missing.status_code == 404 and "nope" in missing.json()["detail"]


def test_api_bad_parameters_are_422_with_reason(client: TestClient) -> None:
    for params in (
        {"limit": 0},
        {"limit": "many"},
        {"date_from": "yesterday"},
        {"source_type": "rumour"},
        {"after": "not a cursor"},
        {"after": "bm90IGEgY3Vyc29y"},
        {"event_type": "ASSAULT; DROP"},
        {"date_from": "2024-12-08", "date_to": "2024-12-01"},
    ):
        response = client.get("/api/events", params=params)
        assert response.status_code == 422, params
        assert response.json()["detail"], params


def test_api_control_picture_on_a_date(client: TestClient) -> None:
    before = client.get("/api/control", params={"on": "2024-12-05"}).json()
    after = client.get("/api/control", params={"on": "2024-12-07"}).json()
    assert before["items"] == []
    assert [(c["place"], c["holder"]) for c in after["items"]] == [("Homs", "rebels")]
    assert client.get("/api/control", params={"on": "2024-12-07", "limit": 0}).status_code == 422


def test_api_counts_by_day_and_type(client: TestClient) -> None:
    counts = client.get("/api/counts").json()
    assert counts["types"]["ASSAULT"] == 1
    assert sum(day["events"] for day in counts["days"]) == counts["totals"]["events"]


def test_api_contradictions_pair_denial_with_assertion(client: TestClient) -> None:
    pairs = client.get("/api/contradictions").json()["items"]
    assert len(pairs) == 1
    assert pairs[0]["contradiction"]["certainty"] == "denied"
    assert pairs[0]["claim"]["source_type"] == "unnamed_organisation"


def test_api_page_and_vendored_assets_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "sitrep" in page.text
    assert "http" not in "".join(line for line in page.text.splitlines() if "src=" in line)
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200


def test_api_oneshot_get_prints_a_response(store) -> None:  # type: ignore[no-untyped-def]
    from sitrep.serve import create_app
    from sitrep.serve.oneshot import get_once

    status, body = get_once(create_app(store), "/api/places?place=Damascus")
    assert status == 200 and '"Damascus"' in body


def test_api_claims_search_and_newest_first(client: TestClient) -> None:
    found = client.get("/api/claims", params={"q": "DENIED"}).json()["items"]
    assert [c["text"] for c in found] == ["Officials in Damascus denied that rebels entered Homs."]
    assert client.get("/api/claims", params={"q": "no such words"}).json()["items"] == []
    assert client.get("/api/claims", params={"newest_first": "true"}).status_code == 200
    assert client.get("/api/claims", params={"q": "a\x00b"}).status_code == 422


def test_api_events_newest_first(client: TestClient) -> None:
    def keys(**wanted: str) -> list[tuple[str, str]]:
        items = client.get("/api/events", params={"limit": "1000", **wanted}).json()["items"]
        return [(e["date_start"] or "", e["id"]) for e in items]

    assert len(keys()) > 1
    assert keys(newest_first="true") == sorted(keys(), reverse=True)


def test_api_taxonomy_serves_every_type_with_a_colour(client: TestClient) -> None:
    served = client.get("/api/taxonomy").json()["types"]
    assert [entry["type"] for entry in served] == list(event_types())
    for entry in served:
        assert re.fullmatch(r"#[0-9a-fA-F]{6}", entry["colour"]), entry
        assert entry["gloss"] and entry["quad_class"] in (1, 2, 3, 4), entry
    assault = next(entry for entry in served if entry["type"] == "ASSAULT")
    assert (assault["cameo_root"], assault["goldstein"], assault["acled_type"]) == (
        "18",
        -9.0,
        "Battles",
    )


def test_api_actors_most_mentioned_reaches_the_store(store) -> None:  # type: ignore[no-untyped-def]
    asked = []
    actors = store.actors
    store.actors = lambda query: asked.append(query.most_mentioned) or actors(query)
    client = TestClient(create_app(store), base_url="http://localhost")
    assert client.get("/api/actors", params={"most_mentioned": "true"}).status_code == 200
    assert client.get("/api/actors").status_code == 200
    assert client.get("/api/actors", params={"most_mentioned": "maybe"}).status_code == 422
    assert asked == [True, False]


def test_the_server_reads_every_lists_first_page_before_it_answers(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A table's columns are read from disk the first time: the server pays that when it
    # starts, not the first visitor.
    lists = ["articles", "actors", "places", "claims", "quotes", "control_changes"]
    lists += ["contradictions", "errors", "events", "counts"]
    asked: list[str] = []
    for name in lists:
        fetch = getattr(store, name)
        monkeypatch.setattr(store, name, lambda query, n=name, f=fetch: asked.append(n) or f(query))
    app = create_app(store)
    assert asked == []
    with TestClient(app, base_url="http://localhost") as client:
        assert set(asked) == set(lists)
        assert client.get("/api/events").status_code == 200


def test_api_article_carries_its_page_judgement_from_the_real_store(
    tmp_path: Path, article: Article
) -> None:
    """The article view reads the stored payload, so no column is needed: the judgement
    written at ingest comes back whole, and an article stored without one has null."""
    judged = dataclasses.replace(
        article, content_hash="c" * 64, page_judgement=PageJudgement(False, 0.123, "test.v1")
    )
    db = str(tmp_path / "judged.duckdb")
    writer = open_store(db)
    writer.write([article, judged])
    writer.close()
    reader = open_store(db, read_only=True)
    client = TestClient(create_app(reader), base_url="http://localhost")
    shown = client.get(f"/api/articles/{judged.id}").json()["page_judgement"]
    assert shown == {"news": False, "news_probability": 0.123, "judge": "test.v1"}
    assert client.get(f"/api/articles/{article.id}").json()["page_judgement"] is None
    reader.close()

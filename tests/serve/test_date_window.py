"""The page's date window ignores stray dates and lists them (`/api/counts` "window")."""

from __future__ import annotations

import copy

from fake_store import FakeStore
from fastapi.testclient import TestClient

from sitrep.records import Article
from sitrep.serve import create_app
from sitrep.serve.date_window import date_window


def _day(day: str, events: int, articles: int = 0) -> dict[str, object]:
    return {"day": day, "events": events, "articles": articles, "types": {}}


BULK = [_day(f"2024-12-{d:02d}", 3, 1) for d in range(1, 11)]


def test_window_ignores_a_far_future_date_and_lists_it() -> None:
    window = date_window([*BULK, _day("2047-12-31", 1)])
    assert (window["from"], window["to"]) == ("2024-12-01", "2024-12-10")
    assert window["outside"] == [{"day": "2047-12-31", "events": 1}]


def test_window_ignores_old_background_and_days_after_the_newest_article() -> None:
    # 2024-12-20 is within 45 days of the bulk but after every publication date.
    days = [_day("1965-05-01", 2), *BULK, _day("2024-12-20", 1)]
    window = date_window(days)
    assert (window["from"], window["to"]) == ("2024-12-01", "2024-12-10")
    assert [d["day"] for d in window["outside"]] == ["1965-05-01", "2024-12-20"]


def test_window_prefers_the_denser_span_then_the_later_one() -> None:
    early = [_day(f"2024-01-{d:02d}", 1, 1) for d in range(1, 4)]
    assert date_window([*early, *BULK])["from"] == "2024-12-01"
    lone = [_day("2024-01-01", 1, 1), _day("2024-06-01", 1, 1)]
    assert date_window(lone) == {
        "from": "2024-06-01",
        "to": "2024-06-01",
        "outside": [{"day": "2024-01-01", "events": 1}],
    }


def test_window_without_dated_events_is_empty() -> None:
    assert date_window([_day("2024-12-01", 0, 2)]) == {"from": None, "to": None, "outside": []}


def test_api_counts_window_leaves_out_an_event_dated_2047(article: Article) -> None:
    store = FakeStore()
    store.write([article])
    row = store._articles[article.id]
    stray = copy.deepcopy(row["events"][0])
    stray["date"] = {"start": "2047-12-31", "end": "2047-12-31", "precision": "day"}
    row["events"].append(stray)
    counts = TestClient(create_app(store), base_url="http://localhost").get("/api/counts").json()
    window = counts["window"]
    assert "2047-12-31" in [d["day"] for d in counts["days"]]
    assert window["to"] is not None and window["to"] < "2047-01-01"
    assert window["outside"] == [{"day": "2047-12-31", "events": 1}]

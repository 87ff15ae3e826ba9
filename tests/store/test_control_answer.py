"""Who held a place on a day has one answer: `sitrep control` and `/api/control` agree."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from store_builders import DAMASCUS, HOMS, add_actor, add_control, add_place, article
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.records import Article
from sitrep.serve import create_app
from sitrep.store import open_store
from sitrep.store.queries.control import holdings

FIRST_DAY = date(2024, 12, 3)
LAST_DAY = date(2024, 12, 10)


def report(body: str, holder: str, outlet: str, day: str, place: tuple = HOMS) -> Article:  # type: ignore[type-arg]
    item = article(body, outlet=outlet, published=day)
    side = add_actor(item, holder, mention=holder.split()[0])
    add_control(item, body.split(". ")[1], add_place(item, place), side, day)
    return item


def disputed_reports() -> list[Article]:
    """Homs: the army holds it, then two independent sources disagree on one day, then
    the rebels take it; Damascus: held by the army, never disputed."""
    return [
        report("TEST DATA. Army units hold Homs.", "Army", "State TV", "2024-12-04"),
        report("TEST DATA. Army troops hold Damascus.", "Army", "Wire", "2024-12-05", DAMASCUS),
        report("TEST DATA. Rebels captured Homs overnight.", "Rebels", "Monitor", "2024-12-06"),
        report("TEST DATA. Army units still hold Homs.", "Army", "Daily", "2024-12-06"),
        report("TEST DATA. Rebels took Homs at last.", "Rebels", "Radio", "2024-12-08"),
    ]


def answer(rows: list[dict]) -> list[tuple[object, ...]]:  # type: ignore[type-arg]
    # .get: the same comparison reads what either side answered before they were one query.
    return sorted(
        (row.get("place"), row.get("holder"), bool(row.get("contested")), row.get("since"))
        for row in rows
    )


def test_cli_and_api_give_the_same_holder_every_day(tmp_path: Path) -> None:
    db = str(tmp_path / "control.duckdb")
    store = open_store(db)
    store.write(disputed_reports())
    store.close()
    days = [FIRST_DAY + timedelta(days=n) for n in range((LAST_DAY - FIRST_DAY).days + 1)]
    runner = CliRunner()
    from_cli: dict[date, list[dict]] = {}  # type: ignore[type-arg]
    for day in days:
        from_cli[day] = []
        for place in ("Homs", "Damascus"):
            args = ["control", place, "--db", db, "--on", day.isoformat(), "--format", "json"]
            result = runner.invoke(app, args)
            assert result.exit_code == 0, result.output
            from_cli[day] += json.loads(result.stdout)
    store = open_store(db)
    try:
        client = TestClient(create_app(store), base_url="http://localhost")
        from_api = {
            day: client.get("/api/control", params={"on": day.isoformat()}).json()["items"]
            for day in days
        }
    finally:
        store.close()
    for day in days:
        assert answer(from_cli[day]) == answer(from_api[day]), day
    homs = {day: [r for r in from_api[day] if r["place"] == "Homs"] for day in days}
    assert homs[date(2024, 12, 3)] == []
    assert answer(homs[date(2024, 12, 5)]) == [("Homs", "Army", False, "2024-12-04")]
    for day in (date(2024, 12, 6), date(2024, 12, 7)):
        assert answer(homs[day]) == [("Homs", None, True, "2024-12-06")]
        assert [c["holder"] for c in homs[day][0]["claims"]] == ["Army", "Rebels"]
    assert answer(homs[LAST_DAY]) == [("Homs", "Rebels", False, "2024-12-08")]
    assert answer([r for r in from_api[LAST_DAY] if r["place"] == "Damascus"]) == [
        ("Damascus", "Army", False, "2024-12-05")
    ]


def test_an_unnamed_holder_contests_nothing_and_copies_count_once() -> None:
    def row(article_id: str, holder: str | None, cluster: str) -> dict[str, object]:
        return {
            "place_id": "p1", "place": "Homs", "date_start": "2024-12-06",
            "article_id": article_id, "cluster_id": cluster, "outlet": article_id,
            "to_actor_id": holder and f"actor-{holder}", "to_actor": holder,
        }  # fmt: skip

    (held,) = holdings([row("a", "Rebels", "c1"), row("b", "Rebels", "c1"), row("c", None, "c2")])
    assert (held["holder"], held["contested"], held["sources"], held["reports"]) == (
        "Rebels",
        False,
        2,
        3,
    )
    assert [(c["holder"], c["sources"]) for c in held["claims"]] == [("Rebels", 1), (None, 1)]
    (unnamed,) = holdings([row("c", None, "c2")])
    assert (unnamed["holder"], unnamed["contested"]) == (None, False)

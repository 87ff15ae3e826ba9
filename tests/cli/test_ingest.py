"""`sitrep ingest` end to end on the sample page and the merge fixtures (loads the model)."""

from __future__ import annotations

import html
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.pipeline import ingest
from sitrep.read import read_paths
from sitrep.records import Article
from sitrep.store import open_store
from sitrep.store.api import QueryFilter

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "merge"
ALL = QueryFilter(limit=100_000)
TABLES = (
    "articles",
    "actors",
    "actor_aliases",
    "places",
    "mentions",
    "quotes",
    "claims",
    "situation_events",
    "event_reports",
    "control_changes",
    "errors",
    "sources",
)
KILL_AFTER = 20
PAGES = 100


def row_counts(db: str) -> dict[str, int]:
    store = open_store(db)
    try:
        return {t: store.database.query(f"SELECT COUNT(*) AS n FROM {t}")[0]["n"] for t in TABLES}
    finally:
        store.close()


def test_ingest_sample_twice_stores_it_once(sample_path: Path, tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "sample.duckdb")
    first = ingest([str(sample_path)], db)
    counts = row_counts(db)
    second = ingest([str(sample_path)], db)
    assert (first.stored, second.stored, second.skipped) == (1, 0, 1)
    assert row_counts(db) == counts
    assert counts["articles"] == 1 and counts["event_reports"] > 0 and counts["claims"] > 0


def html_rendering(article: Article) -> str:
    """The same story as a plain HTML page, as a site might serve it."""
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in article.paragraphs)
    published = article.published.isoformat() if article.published else ""
    return (
        f"<html><head><title>{html.escape(article.title or '')}</title>"
        f'<meta property="article:published_time" content="{published}"></head>'
        f"<body><article><h1>{html.escape(article.title or '')}</h1>{paragraphs}"
        "</article></body></html>"
    )


def test_ingest_text_and_html_of_one_story_merge_events(
    sample_path: Path, tmp_path: Path, nlp
) -> None:  # type: ignore[no-untyped-def]
    (article,) = list(read_paths([str(sample_path)]))
    assert isinstance(article, Article)
    page = tmp_path / "story.html"
    page.write_text(html_rendering(article), encoding="utf-8")
    db = str(tmp_path / "both.duckdb")
    report = ingest([str(sample_path), str(page)], db)
    assert report.stored == 2
    store = open_store(db)
    try:
        articles = store.articles(ALL)
        events = store.events(ALL)
        reports = sum(e["reports"] for e in events)
        both = [e for e in events if e["articles"] == 2]
    finally:
        store.close()
    assert len(articles) == 2
    assert len({a["cluster_id"] for a in articles}) == 1  # one story, one independent source
    assert len(events) < reports
    assert len(both) >= len(events) * 0.6  # most events were found in both renderings
    assert all(e["sources"] == 1 for e in events)


def test_ingest_merge_fixtures_merge_actors_and_count_republication_once(
    tmp_path: Path, nlp
) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "merge.duckdb")
    report = ingest([str(p) for p in sorted(FIXTURES.glob("*.txt"))], db)
    assert report.stored == 4
    store = open_store(db)
    try:
        articles = store.articles(ALL)
        assad = store.actors(QueryFilter(actor="Bashar al-Assad"))
    finally:
        store.close()
    clusters = {a["source"].rsplit("/", 1)[-1]: a["cluster_id"] for a in articles}
    assert clusters["wire-homs.txt"] == clusters["daily-homs.txt"]
    assert len(set(clusters.values())) == 3
    assert assad and assad[0]["articles"] >= 3


def write_pages(folder: Path) -> list[Path]:
    """PAGES distinct short test pages built from the merge fixtures."""
    bodies = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    folder.mkdir()
    pages = []
    for number in range(PAGES):
        page = folder / f"page-{number:03}.txt"
        body = bodies[number % len(bodies)]
        page.write_text(body.replace("TEST DATA:", f"TEST DATA (page {number}):"), encoding="utf-8")
        pages.append(page)
    return pages


def test_ingest_killed_midway_then_rerun_stores_every_page_once(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    write_pages(tmp_path / "pages")
    db = str(tmp_path / "killed.duckdb")
    # Small write batches, so that the kill falls between commits whatever the machine's
    # speed (a default batch can hold all the pages).
    script = (
        "import sys; import sitrep.store.sql_store as s; s.WRITE_BATCH = 8; "
        "from sitrep.pipeline import ingest; "
        "ingest([sys.argv[1]], sys.argv[2], on_stored=lambda r: print('stored', flush=True))"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path / "pages"), db],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    for _ in range(KILL_AFTER):
        assert child.stdout.readline(), "the ingest ended before it could be killed"
    child.send_signal(signal.SIGKILL)
    child.wait()
    before = row_counts(db)["articles"]
    assert KILL_AFTER <= before < PAGES

    rerun = ingest([str(tmp_path / "pages")], db)
    assert (rerun.stored, rerun.skipped) == (PAGES - before, before)
    store = open_store(db)
    try:
        sources = [a["source"] for a in store.articles(ALL)]
        reports = store.database.query(
            "SELECT article_id, local_id, COUNT(*) AS n FROM event_reports"
            " GROUP BY article_id, local_id HAVING COUNT(*) > 1"
        )
    finally:
        store.close()
    assert len(sources) == len(set(sources)) == PAGES
    assert reports == []


def test_ingest_cli_reports_and_queries(sample_path: Path, tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "cli.duckdb")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(sample_path), str(tmp_path / "missing"), "--db", db])
    assert result.exit_code == 0, result.output
    assert "stored 1" in result.output and "errors 1" in result.output
    errors = runner.invoke(app, ["errors", "--db", db, "--format", "json"])
    assert "not_found" in errors.output
    events = runner.invoke(app, ["events", "--db", db, "--format", "json", "--type", "ASSAULT"])
    assert events.exit_code == 0 and '"ASSAULT"' in events.output


def test_ingest_analysed_jsonl_from_read_equals_ingesting_the_pages(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    pages = sorted(str(p) for p in FIXTURES.glob("*.txt"))
    runner = CliRunner()
    analysed = runner.invoke(app, ["read", *pages, "--extract", "--format", "jsonl"])
    assert analysed.exit_code == 0, analysed.output
    jsonl = tmp_path / "analysed.jsonl"
    jsonl.write_text(analysed.stdout, encoding="utf-8")
    from_pages = ingest(pages, str(tmp_path / "pages.duckdb"))
    from_jsonl = runner.invoke(app, ["ingest", str(jsonl), "--db", str(tmp_path / "jsonl.duckdb")])
    assert from_jsonl.exit_code == 0, from_jsonl.output
    assert f"stored {from_pages.stored}," in from_jsonl.output
    assert row_counts(str(tmp_path / "jsonl.duckdb")) == row_counts(str(tmp_path / "pages.duckdb"))
    stores = [open_store(str(tmp_path / f"{name}.duckdb")) for name in ("pages", "jsonl")]
    try:
        pictures = [
            ([e | {"evidence": None} for e in s.events(ALL)], s.claims(ALL), s.contradictions(ALL))
            for s in stores
        ]
        assert pictures[0] == pictures[1]
    finally:
        for store in stores:
            store.close()

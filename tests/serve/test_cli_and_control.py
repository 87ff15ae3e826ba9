"""`sitrep serve --get` on a real DuckDB file, and the stored original."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from small_article import build_article
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.store import open_store


def test_cli_serve_get_prints_one_response_from_duckdb(tmp_path: Path) -> None:
    db = tmp_path / "small.duckdb"
    store = open_store(str(db))
    store.write([build_article()])
    store.close()
    runner = CliRunner()
    found = runner.invoke(app, ["serve", "--db", str(db), "--get", "/api/places?place=Homs"])
    assert found.exit_code == 0, found.output
    assert [p["name"] for p in json.loads(found.output)["items"]] == ["Homs"]
    refused = runner.invoke(app, ["serve", "--db", str(db), "--get", "/api/events?limit=0"])
    assert refused.exit_code == 1 and "greater than or equal to 1" in refused.output


def test_original_is_the_stored_text_never_the_source_file(
    client: TestClient, store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    missing = client.get(f"/api/articles/{'e' * 64}/original")
    assert missing.status_code == 404 and "no article" in missing.json()["detail"]
    page = tmp_path / "page.txt"
    page.write_text("the file on disk", encoding="utf-8")
    article, unread = build_article(), build_article()
    article.source, article.content_hash = str(page), "c" * 64
    article.original = "the words sitrep read"
    unread.source, unread.content_hash, unread.original = str(page), "d" * 64, None
    store.write([article, unread])
    stored = client.get(f"/api/articles/{'c' * 64}/original")
    assert stored.text == "the words sitrep read"
    assert stored.headers["content-type"] == "text/plain; charset=utf-8"
    none = client.get(f"/api/articles/{'d' * 64}/original")
    assert none.status_code == 404 and "no original stored" in none.json()["detail"]

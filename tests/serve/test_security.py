"""The server as a hostile user meets it: every stored string and every request is an attack.

- The original of an article is what sitrep stored, never a file named by the input (a WARC
  record whose URI is /etc/passwd, or a relative path resolved in the server's folder).
- Every response carries the security headers; an unknown Host header is refused.
- /docs works with no network; the database password is never printed; `--get /` exits.
- In headless Chromium: a route taken from the URL hash, an ingested JSON-looking text file
  and a page whose canonical link points to another host never run script (`window.__pwned`).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient
from live import chromium, chromium_paths, serving
from small_article import build_article
from typer.testing import CliRunner
from warcio.warcwriter import WARCWriter

from sitrep.cli import app as cli
from sitrep.serve import create_app
from sitrep.store import open_store
from sitrep.store.api import QueryFilter, Store

SITREP = str(Path(sys.executable).parent / "sitrep")
PAGE_TEXT = (
    "The regional council voted on Tuesday to reopen the northern bridge after three weeks "
    "of repairs, officials said. Traders in the market welcomed the decision, saying the "
    "closure had cut their sales by half. The transport minister said the bridge would carry "
    "lorries again from next month, once engineers had inspected the new supports."
)
SECRET = "TOP SECRET: the server's own file"
# Record ids written into attributes: an unescaped one opens an element that runs script.
HOSTILE_ID = '"><img src=x onerror="window.__pwned=1">'


def _page(title: str, head: str = "") -> bytes:
    paragraphs = "".join(f"<p>{sentence}.</p>" for sentence in PAGE_TEXT.split(". "))
    return (
        f"<!doctype html><html><head><title>{title}</title>{head}</head>"
        f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    ).encode()


def _warc(records: list[tuple[str, bytes]]) -> bytes:
    # Resource records: a response record's HTTP headers are parsed only for http(s) URIs.
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for uri, payload in records:
        record = writer.create_warc_record(
            uri, "resource", payload=io.BytesIO(payload), warc_content_type="text/html"
        )
        writer.write_record(record)
    return out.getvalue()


def _ingest(paths: list[Path], db: Path, cwd: Path) -> None:
    subprocess.run([SITREP, "ingest", *map(str, paths), "--db", str(db)], check=True, cwd=cwd)


def _local(store: Store) -> TestClient:
    return TestClient(create_app(store), base_url="http://localhost")


# -- the original: only what the store holds -----------------------------------------------


@pytest.mark.slow
def test_original_of_a_warc_record_is_the_stored_page_never_a_local_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    pages = {"/etc/passwd": _page("Bridge to reopen"), "secret.txt": _page("Bridge reopens")}
    archive = tmp_path / "capture.warc"
    archive.write_bytes(_warc(list(pages.items())))
    db = tmp_path / "hostile.duckdb"
    # Ingest and server run where the relative record URI names a real file.
    monkeypatch.chdir(tmp_path)
    _ingest([archive], db, cwd=tmp_path)
    store = open_store(str(db), read_only=True)
    try:
        client = _local(store)
        articles = store.articles(QueryFilter())
        # A record URI that is no http(s) URL is never kept: the record is named by its place.
        by_source = {f"{archive}#record-{n}": page for n, page in enumerate(pages.values(), 1)}
        assert sorted(a["source"] for a in articles) == sorted(by_source)
        for article in articles:
            original = client.get(f"/api/articles/{article['id']}/original")
            assert original.status_code == 200
            assert original.text == by_source[article["source"]].decode()
            assert "root:" not in original.text and SECRET not in original.text
            assert original.headers["content-type"].startswith("text/plain")
            assert "sandbox" in original.headers["content-security-policy"]
    finally:
        store.close()


def test_original_is_never_a_redirect_to_the_stored_url(client: TestClient, store) -> None:  # type: ignore[no-untyped-def]
    article = build_article()
    article.content_hash, article.url = "f" * 64, "https://elsewhere.example/story.json"
    article.original = "<p>as read</p>"
    store.write([article])
    answer = client.get(f"/api/articles/{'f' * 64}/original", follow_redirects=False)
    assert answer.status_code == 200 and answer.text == "<p>as read</p>"


# -- headers and the Host check -------------------------------------------------------------

PATHS = [
    "/",
    "/docs",
    "/openapi.json",
    "/static/js/main.js",
    "/api/articles",
    f"/api/articles/{'a' * 64}",
    f"/api/articles/{'9' * 64}",  # 404
    "/api/events?limit=0",  # 422
    "/nowhere",
]


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    policy = dict(
        [*part.strip().split(" ", 1), ""][:2]
        for part in headers["content-security-policy"].split(";")
    )
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert policy["default-src"] == "'self'" and policy["connect-src"] == "'self'"
    assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"


def test_page_has_no_inline_script_or_style(client: TestClient) -> None:
    for path in ("/", "/docs"):
        html = client.get(path).text
        assert re.findall(r"<script(?![^>]*\ssrc=)", html) == [], path
        assert "<style" not in html and " style=" not in html
        assert not re.search(r"\son[a-z]+\s*=", html, re.IGNORECASE), path  # no handlers
        assert "http://" not in html and "https://" not in html, path  # nothing off-site


def test_unknown_host_is_refused_as_dns_rebinding(store) -> None:  # type: ignore[no-untyped-def]
    app = create_app(store)
    for host in ("localhost:8000", "127.0.0.1", "[::1]:8000", "LOCALHOST"):
        assert TestClient(app, base_url=f"http://{host}").get("/api/articles").status_code == 200
    for host in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil"):
        refused = TestClient(app, base_url=f"http://{host}").get("/api/articles")
        assert refused.status_code == 400, host
        assert "items" not in refused.text and refused.headers["x-frame-options"] == "DENY"


def test_bound_host_and_allow_host_are_answered(store) -> None:  # type: ignore[no-untyped-def]
    from sitrep.serve.security import allowed_hosts

    app = create_app(store, allowed_hosts=allowed_hosts("192.168.1.5", ["desk.example"]))
    for host in ("192.168.1.5:8000", "desk.example", "localhost"):
        assert TestClient(app, base_url=f"http://{host}").get("/healthz").status_code == 200
    assert TestClient(app, base_url="http://other.example").get("/healthz").status_code == 400
    ipv6 = create_app(store, allowed_hosts=allowed_hosts("fd00::5"))
    assert TestClient(ipv6, base_url="http://[fd00::5]:80").get("/healthz").status_code == 200


# -- /docs offline, credentials, --get -----------------------------------------------------


def test_docs_are_served_from_this_server(client: TestClient) -> None:
    html = client.get("/docs").text
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', html)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets)
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
    assert client.get("/openapi.json").json()["paths"]


def test_ingest_never_prints_the_database_password(monkeypatch: pytest.MonkeyPatch) -> None:
    import sitrep.cli.ingest
    import sitrep.pipeline
    from sitrep.store.api import IngestReport

    seen: list[str] = []

    def fake_ingest(paths: list[str], db: str, **_: object) -> IngestReport:
        seen.append(db)
        return IngestReport(stored=1)

    monkeypatch.setattr(sitrep.pipeline, "ingest", fake_ingest)
    # No server answers: the check that the database opens before the run stands aside too.
    monkeypatch.setattr(
        sitrep.cli.ingest, "open_for_writing", lambda db: SimpleNamespace(close=lambda: None)
    )
    url = "postgresql://analyst:hunter2-s3cret@db.example:5432/sitrep?password=hunter2-s3cret"
    result = CliRunner().invoke(cli, ["ingest", "page.html", "--db", url])
    assert result.exit_code == 0, result.output
    assert seen == [url]  # the store still gets the real URL
    assert "hunter2" not in result.output
    assert "postgresql://analyst:***@db.example:5432/sitrep" in result.output


@pytest.mark.slow
def test_get_of_a_file_response_prints_it_and_exits(tmp_path: Path) -> None:
    db = tmp_path / "small.duckdb"
    store = open_store(str(db))
    store.write([build_article()])
    store.close()
    # The timeout only guards against the old hang (a spinning loop that never returned).
    done = subprocess.run(
        [SITREP, "serve", "--db", str(db), "--get", "/"], capture_output=True, timeout=120
    )
    assert done.returncode == 0
    assert done.stdout.lower().startswith(b"<!doctype html>")


# -- in the browser -------------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(chromium_paths() is None, reason="chromium not installed")


class _OtherHost(BaseHTTPRequestHandler):
    """Another site, readable cross-origin, answering JSON shaped like an article."""

    def do_GET(self) -> None:
        body = json.dumps(_hostile_article()).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: object) -> None:
        pass


def _hostile_article() -> dict[str, object]:
    mention = {"start": 0, "end": 6, "text": "Hostile"}
    return {
        "id": HOSTILE_ID,
        "title": "Hostile",
        "actors": [{"id": HOSTILE_ID, "name": "x", "kind": "person", "mentions": [mention]}],
        "places": [{"id": HOSTILE_ID, "name": "y", "precision": "city", "mentions": [mention]}],
        "quotes": [],
        "claims": [],
        "body": PAGE_TEXT,  # last: its line ends like a sentence, so the file reads as prose
    }


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The page served on a store holding the hostile inputs; yields its URL and a workdir."""
    other = ThreadingHTTPServer(("127.0.0.1", 0), _OtherHost)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    work = tmp_path_factory.mktemp("hostile")
    inputs = work / "inputs"
    inputs.mkdir()
    (inputs / "story.json.txt").write_text(json.dumps(_hostile_article(), indent=2), "utf-8")
    canonical = f'<link rel="canonical" href="http://127.0.0.1:{other.server_port}/story.json">'
    (inputs / "canonical.html").write_bytes(_page("Bridge to reopen", canonical))
    db = work / "hostile.duckdb"
    _ingest([inputs], db, cwd=work)
    store = open_store(str(db), read_only=True)
    try:
        with serving(store) as url:
            yield url, work
    finally:
        store.close()
        other.shutdown()


@pytest.fixture(scope="module")
def browser(hostile_site: tuple[str, Path]) -> Iterator[object]:
    with chromium(hostile_site[1] / "profile", offline=True) as driver:
        # Injected by the browser itself before any page script, so it sees every violation.
        driver.execute_cdp_cmd(  # type: ignore[attr-defined]
            "Page.addScriptToEvaluateOnNewDocument",
            {
                "source": "window.__violations = []; document.addEventListener("
                "'securitypolicyviolation', (e) => window.__violations.push("
                "e.violatedDirective + ' ' + e.blockedURI));"
            },
        )
        yield driver


def _open(driver, url: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get("about:blank")
    driver.get(url)
    WebDriverWait(driver, 60).until(
        lambda d: d.execute_script("return document.body && document.body.dataset.ready") == "true"
    )


def _pwned(driver) -> object:  # type: ignore[no-untyped-def]
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    # An injected image fails to load and runs its handler a moment after the render:
    # give it that moment, then read the flag.
    with contextlib.suppress(TimeoutException):
        WebDriverWait(driver, 3).until(lambda d: d.execute_script("return window.__pwned"))
    return driver.execute_script("return window.__pwned")


def _article_ids(url: str) -> dict[str, str]:
    import urllib.request

    with urllib.request.urlopen(f"{url}/api/articles") as answer:
        return {a["source"].rsplit("/", 1)[-1]: a["id"] for a in json.load(answer)["items"]}


@pytest.mark.browser
@pytest.mark.slow
@needs_chromium
@pytest.mark.parametrize("name", ["story.json.txt", "canonical.html"])
def test_browser_hostile_article_routes_run_no_script(  # type: ignore[no-untyped-def]
    browser, hostile_site: tuple[str, Path], name: str
) -> None:
    url = hostile_site[0]
    article_id = _article_ids(url)[name]
    routes = [
        f"#/article/{article_id}/original",
        f"#/article/{article_id}",
        "#/article/..%2F..%2Fapi%2Ferrors",
        f"#/article/{HOSTILE_ID}",
    ]
    for route in routes:
        _open(browser, f"{url}/{route}")
        assert _pwned(browser) is None, route
    assert browser.execute_script("return window.__violations") == []


@pytest.mark.browser
@pytest.mark.slow
@needs_chromium
def test_browser_links_to_other_hosts_are_http_and_noopener(  # type: ignore[no-untyped-def]
    browser, hostile_site: tuple[str, Path]
) -> None:
    from selenium.webdriver.common.by import By

    url = hostile_site[0]
    _open(browser, f"{url}/#/article/{_article_ids(url)['canonical.html']}")
    links = browser.find_elements(By.CSS_SELECTOR, "#article-view a[href^='http']")
    outside = [a for a in links if not a.get_attribute("href").startswith(url)]
    assert outside, "the article's own URL is linked"
    for link in outside:
        assert set(link.get_attribute("rel").split()) >= {"noopener", "noreferrer"}
    hrefs = browser.execute_script(
        "return [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'))"
    )
    assert not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:"))]


@pytest.mark.browser
@pytest.mark.slow
@needs_chromium
def test_browser_docs_render_offline(browser, hostile_site: tuple[str, Path]) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(f"{hostile_site[0]}/docs")
    WebDriverWait(browser, 60).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#swagger-ui .opblock-summary-path")
    )
    paths = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")]
    assert any("/api/articles" in p for p in paths)
    assert browser.execute_script("return window.__violations") == []

"""The page in headless Chromium on a store with gaps and a stray date: an event with no
actor, place or date, control taken by no one named, claims without a named source, an
unresolved place, a quote without a speaker, and one event dated 2047; beside it an article
of 130 claims for the ledger's pages, search, order, URL state and export, and two outlets
naming different holders of Hama on one day."""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Iterator
from datetime import date, datetime

import pytest
from live import chromium, chromium_paths, serving
from small_article import build_article

from sitrep.records import (
    Actor,
    ActorKind,
    Article,
    Claim,
    ControlChange,
    DatePrecision,
    EventDate,
    InputKind,
    LocationPrecision,
    Place,
    Source,
    SourceType,
    Span,
)
from sitrep.store import open_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

if chromium_paths() is None:
    pytest.skip("chromium or chromedriver not installed", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.select import Select  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

STRAY = EventDate(date(2047, 12, 31), date(2047, 12, 31), DatePrecision.DAY, "2047")


def sparse_article() -> Article:
    article = build_article()
    dated, consult = article.events
    article.events = [
        dated,
        dataclasses.replace(consult, date=STRAY),
        dataclasses.replace(dated, id="event-3", actor_id=None, place_id=None, date=None),
    ]
    article.control_changes = [
        dataclasses.replace(c, from_actor_id=None, to_actor_id=None)
        for c in article.control_changes
    ]
    article.claims = [
        dataclasses.replace(c, source=dataclasses.replace(c.source, name=None, actor_id=None))
        for c in article.claims
    ]
    article.quotes = [
        dataclasses.replace(q, speaker=None, speaker_actor_id=None) for q in article.quotes
    ]
    nowhere = Place(
        "place-3", "Nowhere", None, None, None, None, None, None, LocationPrecision.UNRESOLVED
    )
    article.places = [*article.places, nowhere]
    return article


CLAIMS = 130


def wordy_article() -> Article:
    """One article of CLAIMS claims, "Claim number N was reported.", published on the
    sparse article's event day."""
    sentences = [f"Claim number {n} was reported." for n in range(CLAIMS)]
    article = Article(
        source="memory://wordy",
        content_hash="b" * 64,
        input_kind=InputKind.TEXT,
        paragraphs=[" ".join(sentences)],
        title="Many claims",
        published=datetime(2024, 12, 6, 9, 0),
        outlet="Wordy Wire",
    )
    offset = 0
    for sentence in sentences:
        source = Source(SourceType.NAMED_PERSON, "=cmd|calc")  # a formula, if a sheet ran it
        article.claims.append(Claim(sentence, offset, offset + len(sentence), source))
        offset += len(sentence) + 1
    return article


def hama_report(holder: str, outlet: str) -> Article:
    """`outlet` says `holder` holds Hama on 7 December 2024."""
    body = f"{holder} hold Hama, {outlet} said."
    article = Article(
        source=f"memory://{outlet}",
        content_hash=outlet[0].lower() * 64,
        input_kind=InputKind.TEXT,
        paragraphs=[body],
        title=f"{holder} in Hama",
        published=datetime(2024, 12, 7, 9, 0),
        outlet=outlet,
    )
    hama = body.index("Hama")
    article.actors = [
        Actor("actor-1", holder, ActorKind.GROUP, mentions=[Span(0, len(holder), holder)])
    ]
    article.places = [
        Place("place-1", "Hama", 170063, 35.13179, 36.75783, "SY", "P", "PPLA",
              LocationPrecision.CITY, [Span(hama, hama + 4, "Hama")]),
    ]  # fmt: skip
    day = EventDate(date(2024, 12, 7), date(2024, 12, 7), DatePrecision.DAY, "7 December")
    evidence = Span(0, len(body), body)
    article.control_changes = [ControlChange("place-1", None, "actor-1", day, 0.8, None, evidence)]
    return article


def _ready(driver) -> bool:  # type: ignore[no-untyped-def]
    return driver.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    workdir = tmp_path_factory.mktemp("sparse")
    store = open_store(str(workdir / "sparse.duckdb"))
    disputed = [hama_report("Army", "State TV"), hama_report("Militia", "Monitor")]
    store.write([sparse_article(), wordy_article(), *disputed])
    with serving(store) as url, chromium(workdir / "profile") as driver:
        driver.get(url)
        WebDriverWait(driver, 60).until(_ready)
        yield driver
    store.close()


def _text(driver) -> str:  # type: ignore[no-untyped-def]
    text: str = driver.execute_script("return document.body.innerText")
    return text


def test_browser_window_leaves_out_the_2047_event_and_lists_it(page) -> None:  # type: ignore[no-untyped-def]
    summary = page.find_element(By.ID, "summary").text
    # the undated event is dated by its article, published 2024-12-07
    assert "2024-12-06 to 2024-12-07" in summary
    assert "1 event dated outside the window: 2047-12-31" in summary
    assert page.find_element(By.ID, "date-label").text == "2024-12-07"
    assert "2047" not in page.find_element(By.ID, "timeline-chart").text


def test_browser_shows_no_null_or_undefined(page) -> None:  # type: ignore[no-untyped-def]
    text = _text(page)
    assert "Homs" in text  # the control table and the lists are drawn
    assert "null" not in text and "undefined" not in text
    page.find_element(By.LINK_TEXT, "Rebels enter Homs").click()
    WebDriverWait(page, 20).until(lambda d: "Nowhere" in d.find_element(By.ID, "article-view").text)
    text = _text(page)
    titles = page.execute_script(
        "return [...document.querySelectorAll('[title]')].map((n) => n.getAttribute('title'))"
        ".concat([...document.querySelectorAll('title')].map((n) => n.textContent)).join(' ')"
    )
    for shown in (text, titles):
        assert "null" not in shown and "undefined" not in shown


def test_browser_shows_a_disputed_place_as_contested(page) -> None:  # type: ignore[no-untyped-def]
    rows = [row.text for row in page.find_elements(By.CSS_SELECTOR, "#control-table tbody tr")]
    assert any(r.startswith("Hama") and "contested: Army / Militia" in r for r in rows), rows
    labels = [e.text for e in page.find_elements(By.CSS_SELECTOR, "#map .place-label")]
    assert "Hama — contested: Army / Militia" in labels


def _claims(driver) -> list[list[str]]:  # type: ignore[no-untyped-def]
    rows: list[list[str]] = driver.execute_script(
        "return [...document.querySelectorAll('#ledger .claim-row')]"
        ".map((row) => [...row.cells].map((cell) => cell.textContent))"
    )
    return rows


def _search(driver, words: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """Type `words` into the ledger's search box; the rows once fewer than 20 are shown."""
    box = driver.find_element(By.ID, "ledger-search")
    box.clear()
    box.send_keys(words)
    WebDriverWait(driver, 20).until(lambda d: 0 < len(_claims(d)) < 20)
    return _claims(driver)


def test_browser_ledger_pages_with_next(page) -> None:  # type: ignore[no-untyped-def]
    assert len(_claims(page)) == 100
    assert page.find_element(By.ID, "ledger-status").text == "100 claims shown; more below"
    page.find_element(By.ID, "ledger-more").click()
    WebDriverWait(page, 20).until(lambda d: len(_claims(d)) == CLAIMS + 2)
    assert not page.find_element(By.ID, "ledger-more").is_displayed()
    texts = [row[1] for row in _claims(page)]
    assert len(set(texts)) == len(texts)


def test_browser_ledger_search_order_and_url_state(page) -> None:  # type: ignore[no-untyped-def]
    found = _search(page, "number 7")
    assert all("number 7" in row[1] for row in found)
    assert len(found) == len([n for n in range(CLAIMS) if str(n).startswith("7")])
    Select(page.find_element(By.ID, "ledger-order")).select_by_value("newest")
    Select(page.find_element(By.ID, "filter-source")).select_by_value("named_person")
    WebDriverWait(page, 20).until(lambda d: "source=named_person" in d.current_url)
    assert "q=number+7" in page.current_url and "order=newest" in page.current_url
    page.get(page.current_url)  # reload: the view comes back from the URL
    WebDriverWait(page, 60).until(_ready)
    assert page.find_element(By.ID, "ledger-search").get_attribute("value") == "number 7"
    assert page.find_element(By.ID, "filter-source").get_attribute("value") == "named_person"
    assert sorted(_claims(page)) == sorted(found)
    box = page.find_element(By.ID, "ledger-search")
    box.clear()
    box.send_keys(" ")
    Select(page.find_element(By.ID, "filter-source")).select_by_value("")
    WebDriverWait(page, 20).until(lambda d: len(_claims(d)) == 100)
    dates = [row[0] for row in _claims(page)]
    assert dates[0] == "2024-12-07" and dates == sorted(dates, reverse=True)
    Select(page.find_element(By.ID, "ledger-order")).select_by_value("")
    WebDriverWait(page, 20).until(lambda d: _claims(d)[0][0] == "2024-12-06")


def test_browser_ledger_exports_the_claims_shown_as_csv(page) -> None:  # type: ignore[no-untyped-def]
    shown = _search(page, "number 12")
    page.execute_script(
        "window.__csv = []; const make = URL.createObjectURL;"
        "URL.createObjectURL = (blob) => { window.__csv.push(blob); return make(blob); };"
    )
    page.find_element(By.ID, "ledger-export").click()
    csv_text = page.execute_async_script(
        "const done = arguments[0]; window.__csv[0].text().then(done);"
    )
    rows = list(csv.reader(io.StringIO(csv_text)))
    assert rows[0][:3] == ["date_start", "text", "hedge"]
    assert sorted(r[1] for r in rows[1:]) == sorted(row[1].split(" ↗")[0] for row in shown)
    assert {r[3] for r in rows[1:]} == {"'=cmd|calc"}  # never a live formula

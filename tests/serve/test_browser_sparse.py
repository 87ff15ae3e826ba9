"""The page in headless Chromium on a store with gaps and a stray date: an event with no
actor, place or date, control taken by no one named, claims without a named source, an
unresolved place, a quote without a speaker, and one event dated 2047."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date

import pytest
from live import chromium, chromium_paths, serving
from small_article import build_article

from sitrep.records import Article, DatePrecision, EventDate, LocationPrecision, Place
from sitrep.store import open_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

if chromium_paths() is None:
    pytest.skip("chromium or chromedriver not installed", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
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


def _ready(driver) -> bool:  # type: ignore[no-untyped-def]
    return driver.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    workdir = tmp_path_factory.mktemp("sparse")
    store = open_store(str(workdir / "sparse.duckdb"))
    store.write([sparse_article()])
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
    page.find_element(By.CSS_SELECTOR, "#article-list a").click()
    WebDriverWait(page, 20).until(lambda d: "Nowhere" in d.find_element(By.ID, "article-view").text)
    text = _text(page)
    titles = page.execute_script(
        "return [...document.querySelectorAll('[title]')].map((n) => n.getAttribute('title'))"
        ".concat([...document.querySelectorAll('title')].map((n) => n.textContent)).join(' ')"
    )
    for shown in (text, titles):
        assert "null" not in shown and "undefined" not in shown

"""The page in headless Chromium on the ingested sample: map, timeline filter, article view."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from live import chromium, chromium_paths, sample_store, serving

from sitrep.taxonomy import event_types

pytestmark = [pytest.mark.browser, pytest.mark.slow]

if chromium_paths() is None:
    pytest.skip("chromium or chromedriver not installed", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ready  # noqa: E402
from selenium.webdriver.support.select import Select  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def page(sample_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    workdir = tmp_path_factory.mktemp("browser")
    store = sample_store(sample_path, workdir)
    with serving(store) as url, chromium(workdir / "profile") as driver:
        driver.get(url)
        WebDriverWait(driver, 60).until(
            lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true"
        )
        # What opening asked for, before any test clicks (in the driver's world, not the page's).
        driver.execute_script(
            "window.openingRequests = performance.getEntriesByType('resource')"
            ".map((entry) => new URL(entry.name).pathname)"
        )
        yield driver
    store.close()


def test_browser_map_shows_damascus_and_homs(page) -> None:  # type: ignore[no-untyped-def]
    labels = [e.text for e in page.find_elements(By.CSS_SELECTOR, "#map .place-label")]
    assert any("Damascus" in label for label in labels)
    assert any("Homs" in label for label in labels)
    assert page.find_elements(By.CSS_SELECTOR, "#map path.event-marker")


def test_browser_opening_asks_each_endpoint_once(page) -> None:  # type: ignore[no-untyped-def]
    paths = page.execute_script("return window.openingRequests")
    asked = [path for path in paths if path.startswith("/api/")]
    assert "/api/counts" in asked and "/api/events" in asked
    assert len(asked) == len(set(asked)), sorted(asked)


def _timeline_types(driver) -> list[str]:  # type: ignore[no-untyped-def]
    return driver.execute_script(
        "return [...document.querySelectorAll('#timeline-list .timeline-item')]"
        ".map((item) => item.dataset.type)"
    )


def test_browser_timeline_filters_to_assault(page) -> None:  # type: ignore[no-untyped-def]
    before = _timeline_types(page)
    Select(page.find_element(By.ID, "filter-type")).select_by_value("ASSAULT")
    WebDriverWait(page, 20).until(lambda d: set(_timeline_types(d)) == {"ASSAULT"})
    after = _timeline_types(page)
    assert 0 < len(after) < len(before)
    assert after.count("ASSAULT") == before.count("ASSAULT")


def test_browser_article_highlights_trump_quote_with_speaker(page) -> None:  # type: ignore[no-untyped-def]
    page.find_element(By.CSS_SELECTOR, "#article-list a").click()
    WebDriverWait(page, 20).until(ready.visibility_of_element_located((By.ID, "article-view")))
    quotes = page.find_elements(
        By.CSS_SELECTOR, "#article-view .hl-quote[data-speaker='Donald Trump']"
    )
    assert any("NOTHING TO DO WITH IT" in q.text for q in quotes)
    tags = [t.text for t in page.find_elements(By.CSS_SELECTOR, "#article-view .speaker-tag")]
    assert "Donald Trump" in tags
    original = page.find_element(By.LINK_TEXT, "original page").get_attribute("href")
    assert original.endswith("/original")


def test_browser_article_highlights_a_role_phrase_as_its_person(page) -> None:  # type: ignore[no-untyped-def]
    """ "Syria's longtime ruler" is a reference of Assad in the record, not a mention: the view
    still marks it as him."""
    page.get(page.find_element(By.CSS_SELECTOR, "#article-list a").get_attribute("href"))
    WebDriverWait(page, 20).until(_role_phrase_titles)
    assert any("Assad" in title for title in _role_phrase_titles(page))


def _role_phrase_titles(driver) -> list[str]:  # type: ignore[no-untyped-def]
    return driver.execute_script(
        "return [...document.querySelectorAll('#article-view .hl-actor')]"
        ".filter((a) => a.textContent.includes('longtime ruler')).map((a) => a.title)"
    )


def test_browser_legend_takes_the_taxonomys_colours_and_glosses(page) -> None:  # type: ignore[no-untyped-def]
    legend = page.execute_script(
        "return [...document.querySelectorAll('#legend li')]"
        ".map((li) => [li.textContent, li.title, li.querySelector('.swatch').style.background])"
    )
    types = event_types()
    assert legend
    for name, title, background in legend:
        colour = types[name].colour
        red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert background == f"rgb({red}, {green}, {blue})", name
        assert title == types[name].gloss


def _ready(driver) -> bool:  # type: ignore[no-untyped-def]
    return driver.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true"


def test_browser_actor_options_come_after_opening_and_the_url_restores_one(page) -> None:  # type: ignore[no-untyped-def]
    # Last in this file: it reopens the page.
    actor = page.find_element(By.ID, "filter-actor")
    WebDriverWait(page, 20).until(lambda _: actor.get_attribute("data-filled") == "true")
    names = [option.get_attribute("value") for option in Select(actor).options][1:]
    assert "Donald Trump" in names
    base = page.current_url.split("?")[0].split("#")[0]
    page.get(f"{base}?{urlencode({'actor': 'Donald Trump'})}")
    WebDriverWait(page, 60).until(_ready)
    assert Select(page.find_element(By.ID, "filter-actor")).first_selected_option.text == (
        "Donald Trump"
    )
    assert "actor=Donald+Trump" in page.current_url

"""The article view in headless Chromium says when a page was judged not news, with the
probability formatted by the page from a number and every stored string kept as text."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from fake_store import FakeStore
from live import chromium, chromium_paths, serving
from small_article import build_article

from sitrep.records import PageJudgement

pytestmark = [pytest.mark.browser, pytest.mark.slow]

if chromium_paths() is None:
    pytest.skip("chromium or chromedriver not installed", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

HOSTILE = '<img src=x onerror="window.__pwned=1">'
JUDGED = {
    "judged": PageJudgement(False, 0.123, HOSTILE),
    # A payload whose probability is text (a store written by something else): never shown.
    "text-probability": PageJudgement(False, HOSTILE, "test.v1"),  # type: ignore[arg-type]
    "news": PageJudgement(True, 0.9, "test.v1"),
    "unjudged": None,
}


def _id(name: str) -> str:
    """A content hash (64 hex digits, as the page accepts) for each article of JUDGED."""
    return str(list(JUDGED).index(name) + 1) * 64


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str]]:
    store = FakeStore()
    store.write(
        dataclasses.replace(build_article(), content_hash=_id(name), page_judgement=judgement)
        for name, judgement in JUDGED.items()
    )
    with serving(store) as url, chromium(tmp_path_factory.mktemp("judgement")) as driver:
        yield driver, url


def _note(page: tuple[Any, str], name: str) -> list[Any]:
    driver, url = page
    driver.get("about:blank")
    driver.get(f"{url}/#/article/{_id(name)}")
    WebDriverWait(driver, 60).until(
        lambda d: (
            d.execute_script("return document.body.dataset.ready") == "true"
            and d.find_element(By.ID, "article-view").is_displayed()
        )
    )
    return list(driver.find_elements(By.CSS_SELECTOR, "#article-view .page-judgement"))


def test_browser_article_judged_not_news_says_so(page: tuple[Any, str]) -> None:
    (note,) = _note(page, "judged")
    assert note.text == "judged not news (p=0.12): no events reported"
    assert note.get_attribute("title") == f"page judge: {HOSTILE}"
    assert not note.find_elements(By.TAG_NAME, "img")


def test_browser_article_probability_stored_as_text_is_never_shown(page: tuple[Any, str]) -> None:
    (note,) = _note(page, "text-probability")
    assert note.text == "judged not news (p=unknown): no events reported"
    assert page[0].execute_script("return window.__pwned") is None


@pytest.mark.parametrize("name", ["news", "unjudged"])
def test_browser_article_judged_news_or_unjudged_has_no_note(
    page: tuple[Any, str], name: str
) -> None:
    assert _note(page, name) == []

"""The brief's evidence links in headless Chromium: a link opens its article, sentence marked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.brief.brief_store import TAKEN, week_articles
from tests.serve.live import chromium, chromium_paths, sample_store, serving

from sitrep.store import open_store
from sitrep.store.sql_store import SqlStore

pytestmark = [pytest.mark.browser, pytest.mark.slow]

if chromium_paths() is None:
    pytest.skip("chromium or chromedriver not installed", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

MARKED = (
    "return [...document.querySelectorAll('#article-view mark.evidence')]"
    ".map((m) => m.textContent).join('')"
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqlStore]:
    path = str(tmp_path_factory.mktemp("brief-browser") / "week.duckdb")
    opened = open_store(path)
    opened.write(week_articles())
    yield opened
    opened.close()


def test_control_change_link_marks_its_sentence(store: SqlStore, tmp_path: Path) -> None:
    with serving(store) as url, chromium(tmp_path / "profile") as driver:
        driver.get(f"{url}/brief?from=2024-12-01&to=2024-12-07")
        link = driver.find_element(
            By.XPATH, f"//section[@id='control']//li[q = '{TAKEN}']/a[@class='view']"
        )
        fragment = link.get_attribute("href").split("#")[1]
        link.click()
        WebDriverWait(driver, 30).until(
            lambda d: d.find_element(By.ID, "article-view").get_attribute("data-evidence")
        )
        assert driver.execute_script(MARKED) == TAKEN
        # The offsets leave the address once used: the next article opened is not marked.
        assert "evidence=" not in driver.current_url
        assert driver.current_url.endswith(fragment)


def test_every_evidence_link_of_the_sample_brief_marks_its_sentence(
    sample_path: Path, tmp_path: Path
) -> None:
    store = sample_store(sample_path, tmp_path)
    checked = set()
    try:
        with serving(store) as url, chromium(tmp_path / "profile") as driver:
            driver.get(f"{url}/brief?from=2024-12-01&to=2024-12-07")
            # A claim's evidence quotes nothing: its sentence is the claim the line quotes.
            links = {
                view.get_attribute("href"): view.find_element(
                    By.XPATH, "ancestor::li[q][1]/q"
                ).get_attribute("textContent")
                for view in driver.find_elements(By.CSS_SELECTOR, "ul.evidence a.view")
            }
            for href, sentence in links.items():
                driver.get("about:blank")
                driver.get(href)
                WebDriverWait(driver, 30).until(
                    lambda d: d.find_element(By.ID, "article-view").get_attribute("data-evidence")
                )
                # The view shows paragraphs apart, so a sentence spanning two reads joined.
                marked = driver.execute_script(MARKED)
                assert "".join(marked.split()) == "".join(sentence.split()), href
                checked.add(href)
    finally:
        store.close()
    assert len(checked) >= 40

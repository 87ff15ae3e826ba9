"""Take the docs/img screenshots of the page on the ingested sample with headless Chromium.

Run: .venv/bin/python scripts/serve-screenshots.py  (needs chromium and chromedriver)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "serve"))

from live import chromium, sample_store, serving  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

SAMPLE = ROOT / "examples" / "fortune-2024-12-07-assad-under-siege.txt"
SHOTS = {"map": "#map-section", "timeline": "#timeline-section", "ledger": "#ledger-section"}


def main() -> None:
    out = ROOT / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        store = sample_store(SAMPLE, Path(work))
        with serving(store) as url, chromium(Path(work) / "profile", 1400, 1000) as driver:
            driver.get(url)
            WebDriverWait(driver, 60).until(
                lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true"
            )
            time.sleep(1)  # let Leaflet finish drawing the basemap
            for name, selector in SHOTS.items():
                section = driver.find_element(By.CSS_SELECTOR, selector)
                driver.execute_script("arguments[0].scrollIntoView()", section)
                time.sleep(0.3)
                section.screenshot(str(out / f"{name}.png"))
            driver.find_element(By.CSS_SELECTOR, "#article-list a").click()
            WebDriverWait(driver, 20).until(
                lambda d: d.find_element(By.ID, "article-view").is_displayed()
            )
            driver.execute_script(
                "document.querySelector('.speaker-tag').scrollIntoView({block: 'center'})"
            )
            driver.save_screenshot(str(out / "article.png"))
        store.close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()

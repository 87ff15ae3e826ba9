"""A live server for browser tests and screenshots: the sample ingested, served on a free port.

Uses the real store (`sitrep ingest` into DuckDB + `open_store`) when it exists, else the
in-memory fake fed by the same pipeline, so the page is exercised on the real sample either way.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from sitrep.serve import create_app
from sitrep.store.api import Store

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def sample_store(sample: Path, workdir: Path) -> Store:
    if _real_store_ready():
        from sitrep.store import open_store

        db = workdir / "sample.duckdb"
        sitrep = Path(sys.executable).parent / "sitrep"
        subprocess.run([str(sitrep), "ingest", str(sample), "--db", str(db)], check=True)
        return open_store(str(db), read_only=True)
    from fake_store import FakeStore

    from sitrep.pipeline import process_paths

    store = FakeStore()
    store.write(process_paths([str(sample)]))
    return store


def _real_store_ready() -> bool:
    """The real store is used once `sitrep ingest` exists to fill it."""
    from sitrep.cli import app

    return any(command.name == "ingest" for command in app.registered_commands)


@contextmanager
def serving(store: Store) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def chromium_paths() -> tuple[str, str] | None:
    import os

    chromium = os.environ.get("SITREP_TEST_CHROMIUM") or shutil.which("chromium")
    driver = os.environ.get("SITREP_TEST_CHROMEDRIVER") or shutil.which("chromedriver")
    return (chromium, driver) if chromium and driver else None


# No name resolves but loopback: a page that needs a CDN fails as it would offline.
OFFLINE_FLAG = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"


@contextmanager
def chromium(
    profile: Path, width: int = 1280, height: int = 900, *, offline: bool = False
) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    paths = chromium_paths()
    assert paths, "chromium and chromedriver are needed"
    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    flags = [*CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"]
    for flag in flags + [OFFLINE_FLAG] * offline:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(paths[1]), options=options)
    try:
        yield driver
    finally:
        driver.quit()

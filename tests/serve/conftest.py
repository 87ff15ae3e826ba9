"""The small article and an app on the in-memory store."""

from __future__ import annotations

from pathlib import Path

import pytest
from _pytest.mark.expression import Expression
from fake_store import FakeStore
from fastapi.testclient import TestClient
from small_article import build_article

from sitrep.records import Article
from sitrep.serve import create_app


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Leave test_schema.py out when its `slow` tests are deselected: schemathesis builds
    every generated case while collecting, seconds of work the quick run would throw away."""
    markexpr = config.getoption("markexpr")
    if collection_path.name != "test_schema.py" or not markexpr:
        return None
    selects_slow = Expression.compile(markexpr).evaluate(_only_slow)
    return True if not selects_slow else None


def _only_slow(name: str, /, **kwargs: str | int | bool | None) -> bool:
    """The marks of a test_schema.py test: `slow` alone."""
    return name == "slow"


@pytest.fixture()
def article() -> Article:
    return build_article()


@pytest.fixture()
def store(article: Article) -> FakeStore:
    fake = FakeStore()
    fake.write([article])
    return fake


@pytest.fixture()
def client(store: FakeStore) -> TestClient:
    return TestClient(create_app(store), base_url="http://localhost")

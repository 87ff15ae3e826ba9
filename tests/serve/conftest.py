"""The small article and an app on the in-memory store."""

from __future__ import annotations

import pytest
from fake_store import FakeStore
from fastapi.testclient import TestClient
from small_article import build_article

from sitrep.records import Article
from sitrep.serve import create_app


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

"""The store fixture, once on DuckDB and once on PostgreSQL (in a fresh schema per test)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from sitrep.store import open_store
from sitrep.store.sql_store import SqlStore

POSTGRES_URL = os.environ.get("SITREP_TEST_POSTGRES_URL")


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path) -> Iterator[SqlStore]:  # type: ignore[no-untyped-def]
    if request.param == "duckdb":
        opened = open_store(str(tmp_path / "test.duckdb"))
        yield opened
        opened.close()
        return
    if not POSTGRES_URL:
        pytest.skip('SITREP_TEST_POSTGRES_URL is not set (eval "$(bash scripts/services.sh)")')
    schema = f"test_{uuid.uuid4().hex[:12]}"
    opened = open_store(POSTGRES_URL, schema=schema)
    yield opened
    opened.database.execute(f"DROP SCHEMA {schema} CASCADE")
    opened.close()

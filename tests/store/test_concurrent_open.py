"""Several first-time openers of one fresh PostgreSQL schema: the migrations run once."""

from __future__ import annotations

import os
import threading
import uuid

import pytest

from sitrep.store import open_store
from sitrep.store.db import migrations

OPENERS = 6
POSTGRES_URL = os.environ.get("SITREP_TEST_POSTGRES_URL", "")


@pytest.mark.postgres
def test_concurrent_first_opens_migrate_once() -> None:
    if not POSTGRES_URL:
        pytest.skip('SITREP_TEST_POSTGRES_URL is not set (eval "$(bash scripts/services.sh)")')
    schema = f"test_{uuid.uuid4().hex[:12]}"
    start = threading.Barrier(OPENERS)
    failures: list[BaseException] = []

    def open_at_once() -> None:
        start.wait()
        try:
            open_store(POSTGRES_URL, schema=schema).close()
        except BaseException as error:  # collected for the assertion below
            failures.append(error)

    threads = [threading.Thread(target=open_at_once) for _ in range(OPENERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    store = open_store(POSTGRES_URL, schema=schema)
    try:
        versions = store.database.query("SELECT version FROM schema_migrations ORDER BY version")
    finally:
        store.database.execute(f"DROP SCHEMA {schema} CASCADE")
        store.close()
    assert failures == []
    assert [row["version"] for row in versions] == [
        version for version, _ in migrations("postgresql")
    ]

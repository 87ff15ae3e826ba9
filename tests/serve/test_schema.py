"""The API against its own OpenAPI schema, in-process: valid calls conform, invalid ones get 4xx.

Run on the in-memory fake and on the real DuckDB store, each holding the small article.
"""

from __future__ import annotations

import pytest
import schemathesis
from fake_store import FakeStore
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance
from small_article import build_article

from sitrep.serve import create_app
from sitrep.store import open_store
from sitrep.store.api import Store

# Schemathesis sends a few hundred generated requests: minutes, not the quick run.
pytestmark = pytest.mark.slow
BOUNDED = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))


def _schema(store: Store) -> schemathesis.BaseSchema:
    store.write([build_article()])
    # Schemathesis calls the app as Starlette's test client does, with Host "testserver".
    app = create_app(store, allowed_hosts=["testserver"])
    return schemathesis.openapi.from_asgi("/openapi.json", app)


fake_schema = _schema(FakeStore())
duckdb_schema = _schema(open_store(":memory:"))


def _call_and_validate(case: schemathesis.Case) -> None:
    # Checks: no 5xx, documented status codes, content types and bodies, and invalid
    # parameters rejected with 4xx. A date_from after date_to is each valid alone but is
    # refused (422, with the reason) as a pair, and an `after` cursor the server never gave
    # is well-formed but refused (422): OpenAPI can express neither.
    query = case.query or {}
    inverted = "date_to" in query and str(query.get("date_from", "")) > str(query["date_to"])
    refused = inverted or "after" in query
    case.call_and_validate(excluded_checks=[positive_data_acceptance] if refused else None)


@fake_schema.parametrize()
@BOUNDED
def test_schema_conformance_on_fake_store(case: schemathesis.Case) -> None:
    _call_and_validate(case)


@duckdb_schema.parametrize()
@BOUNDED
def test_schema_conformance_on_duckdb_store(case: schemathesis.Case) -> None:
    _call_and_validate(case)

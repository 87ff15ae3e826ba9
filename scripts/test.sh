#!/usr/bin/env bash
# Install everything (Python packages, PostgreSQL, Chromium) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
eval "$(bash scripts/services.sh)"
.venv/bin/ruff check src tests bench
.venv/bin/mypy src
.venv/bin/python -m pytest -q "$@"

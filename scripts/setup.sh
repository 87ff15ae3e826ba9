#!/usr/bin/env bash
# Create .venv and install sitrep with its pinned dependencies (idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q -e ".[dev]"

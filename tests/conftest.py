"""Shared fixtures: the sample page, the shared data folder, the loaded model."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "fortune-2024-12-07-assad-under-siege.txt"
# ../shared/data beside the checkout; SITREP_SHARED_DATA points elsewhere (a git worktree).
SHARED_DATA = Path(os.environ.get("SITREP_SHARED_DATA") or ROOT.parent / "shared" / "data")


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.skip("../shared/data is not beside the checkout")
    return SHARED_DATA


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from sitrep.annotate.nlp import load_nlp

    return load_nlp()

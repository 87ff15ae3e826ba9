"""Where the measuring data lies: `SITREP_SHARED_DATA`, else `shared/data` beside the checkout
or beside a folder above it (a git worktree sits deeper than the checkout it belongs to)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(
    os.environ.get("SITREP_SHARED_DATA")
    or next(
        (p / "shared" / "data" for p in ROOT.parents if (p / "shared" / "data").is_dir()),
        ROOT.parent / "shared" / "data",
    )
)

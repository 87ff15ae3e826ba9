"""The Ray engine in local mode gives exactly what the default engine gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from scale_documents import good_text, hostile_inputs, write_files

from sitrep.pipeline import process_paths
from sitrep.settings import Settings


@pytest.mark.slow
@pytest.mark.ray
def test_ray_engine_matches_local_engine(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    hostile = hostile_inputs()
    files = {f"{n:02d}-good.txt": good_text(n).encode() for n in range(12)}
    files |= {
        f"{n:02d}-bad-{kind}": hostile[kind] for n, kind in enumerate(["binary.bin", "french.txt"])
    }
    paths = write_files(tmp_path, files)
    local = [record.to_dict() for record in process_paths(paths, workers=1)]
    on_ray = [
        record.to_dict()
        for record in process_paths(paths, workers=2, engine="ray", settings=Settings(batch_size=4))
    ]
    assert on_ray == local
    assert sum("events" in record for record in on_ray) == 12

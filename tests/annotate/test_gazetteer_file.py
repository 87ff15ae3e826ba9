"""The gazetteer's on-disk index: order kept, absent keys empty, usable after a fork."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from sitrep.annotate.gazetteer_file import GazetteerFile

ROWS = [
    (1, "Springfield", 39.8, -89.6, "US", "P", "PPLA", 116_000, "city", "IL"),
    (2, "Springfield", 37.2, -93.3, "US", "P", "PPL", 169_000, "city", "MO"),
    (3, "Syria", 35.0, 38.0, "SY", "A", "PCLI", 22_000_000, "country", None),
]
INDEX = {"springfield": (1, 0), "syria": (2,)}


def _lookup_in_child(file: GazetteerFile, found: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    found.put(file.rows_for("syria"))


def test_gazetteer_file_keeps_index_order_and_types(tmp_path: Path) -> None:
    file = GazetteerFile.write(tmp_path / "gazetteer.sqlite", ROWS, INDEX)
    assert [row[0] for row in file.rows_for("springfield")] == [2, 1]
    assert file.rows_for("springfield")[0] == ROWS[1]
    assert file.rows_for("atlantis") == [] and not file.knows("atlantis")
    assert file.knows("syria")
    assert file.rows_of_precision("country") == [ROWS[2]]


def test_gazetteer_file_opens_its_own_connection_after_a_fork(tmp_path: Path) -> None:
    file = GazetteerFile.write(tmp_path / "gazetteer.sqlite", ROWS, INDEX)
    assert file.knows("syria")  # the parent's connection is open before the fork
    context = multiprocessing.get_context("fork")
    found: multiprocessing.Queue = context.Queue()  # type: ignore[type-arg]
    child = context.Process(target=_lookup_in_child, args=(file, found))
    child.start()
    assert found.get(timeout=30) == [ROWS[2]]
    child.join()

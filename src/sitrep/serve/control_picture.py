"""Who holds which place on a given day, from the store's control rows for that day."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from sitrep.store.api import Row


def control_picture(rows: list[Row]) -> list[dict[str, Any]]:
    """One row per place from `Store.control` (each place's latest reported day at or before
    the chosen one): its first report's holder, and how many dated reports agree with it."""
    picture = []
    for _, group in groupby(rows, key=lambda row: row["place_id"]):
        first = next(group)
        picture.append(
            {
                "place": first["place"],
                "latitude": first.get("latitude"),
                "longitude": first.get("longitude"),
                "holder": first["holder"],
                "previous_holder": first.get("from_actor"),
                "since": first["since"],
                "partial": bool(first.get("partial")),
                "reports": first["agreeing"],
            }
        )
    return picture

"""Who holds which place on a given day, from the control changes reported so far."""

from __future__ import annotations

from datetime import date
from typing import Any

from sitrep.store.api import Row


def control_picture(changes: list[Row], on: date) -> list[dict[str, Any]]:
    """The latest dated change at or before `on` for each place, with how many reports agree.

    Undated changes are left out: without a date they cannot be placed before or after `on`.
    """
    dated = [(day, c) for c in changes if c.get("place") and (day := _start(c)) and day <= on]
    latest: dict[str, tuple[date, Row]] = {}
    for day, change in dated:
        place = str(change["place"])
        if place not in latest or day > latest[place][0]:
            latest[place] = (day, change)
    picture = []
    for place, (day, change) in sorted(latest.items()):
        holder = change.get("to_actor")
        agreeing = [c for _, c in dated if c["place"] == place and c.get("to_actor") == holder]
        picture.append(
            {
                "place": place,
                "latitude": change.get("latitude"),
                "longitude": change.get("longitude"),
                "holder": holder,
                "previous_holder": change.get("from_actor"),
                "since": day.isoformat(),
                "partial": bool(change.get("partial")),
                "reports": len(agreeing),
            }
        )
    return picture


def _start(change: Row) -> date | None:
    value = change.get("date_start")
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None

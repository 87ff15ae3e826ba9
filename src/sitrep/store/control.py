"""Who held a place on a day, from the control changes reported up to that day."""

from __future__ import annotations

from datetime import date

from sitrep.store.api import Row


def holders_on(changes: list[Row], on: date) -> list[Row]:
    """For each place, the changes of its latest reported day at or before `on`.

    Every report of that day is returned with its source, so when sources
    disagree both holders appear (and `contradictions` flags them).
    """
    latest_day: dict[str, str] = {}
    dated = [c for c in changes if c["date_start"] and c["date_start"] <= on.isoformat()]
    for change in dated:
        place = change["place_id"]
        latest_day[place] = max(latest_day.get(place, ""), change["date_start"])
    return [
        change | {"holder": change["to_actor"], "since": change["date_start"]}
        for change in dated
        if change["date_start"] == latest_day[change["place_id"]]
    ]

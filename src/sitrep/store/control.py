"""Who held each place on a day: the one answer `Store.control` gives to the CLI, the
library, the API and the page.

A place's answer comes from the control reports of its latest reported day at or before
the chosen one. Reports that name two or more different holders that day make the place
`contested`, with every side listed in `claims`: no side is picked for the reader. A
report that names no holder ("Homs was captured") disagrees with nobody.
"""

from __future__ import annotations

from collections.abc import Iterable

from sitrep.store.api import Row


def holdings(reports: Iterable[Row]) -> list[Row]:
    """One row per place, in the order the places first appear, from the control reports
    (`views.CONTROL_CHANGES` rows) of each place's latest reported day."""
    by_place: dict[str, list[Row]] = {}
    for report in reports:
        by_place.setdefault(report["place_id"], []).append(report)
    return [_holding(place_reports) for place_reports in by_place.values()]


def _holding(reports: list[Row]) -> Row:
    by_holder: dict[str | None, list[Row]] = {}
    for report in reports:
        by_holder.setdefault(report.get("to_actor_id"), []).append(report)
    claims = sorted(
        (_claim(holder_id, rows) for holder_id, rows in by_holder.items()),
        key=lambda claim: (-claim["sources"], claim["holder_id"] is None, claim["holder"] or ""),
    )
    named = [claim for claim in claims if claim["holder_id"] is not None]
    contested = len(named) > 1
    chosen = None if contested else (named or claims)[0]
    first = reports[0]
    return {
        "place_id": first["place_id"],
        "place": first["place"],
        "latitude": first.get("latitude"),
        "longitude": first.get("longitude"),
        "since": first["date_start"],
        "holder": chosen["holder"] if chosen else None,
        "holder_id": chosen["holder_id"] if chosen else None,
        "contested": contested,
        "previous_holder": chosen["previous_holder"] if chosen else None,
        "partial": bool(chosen and chosen["partial"]),
        "sources": len({_source(report) for report in reports}),
        "reports": len(reports),
        "claims": claims,
    }


def _claim(holder_id: str | None, reports: list[Row]) -> Row:
    """One side of the day: its holder and the reports, sources and outlets behind it."""
    return {
        "holder": reports[0].get("to_actor"),
        "holder_id": holder_id,
        "previous_holder": next(
            (report["from_actor"] for report in reports if report.get("from_actor")), None
        ),
        "partial": all(report.get("partial") for report in reports),
        "sources": len({_source(report) for report in reports}),
        "reports": len(reports),
        "outlets": sorted({report["outlet"] for report in reports if report.get("outlet")}),
        "article_ids": list(dict.fromkeys(report["article_id"] for report in reports)),
    }


def _source(report: Row) -> str:
    # Republished copies share a source cluster and count once.
    return str(report.get("cluster_id") or report["article_id"])

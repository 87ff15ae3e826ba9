"""The span of days the situation covers, robust to a few stray dates.

Extraction misreads dates now and then ("2047", a war that began in 1965), and one such
event must not stretch the window it is drawn in. The window is the WINDOW_DAYS-long span
holding the most events (the latest such span on a tie), after dropping events dated after
the newest article's publication (nothing reported can have happened later); every event
day left outside is listed, so nothing is hidden silently.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

WINDOW_DAYS = 45


def date_window(days: list[dict[str, Any]]) -> dict[str, Any]:
    """`days` as `Store.counts` gives them (day, events, articles); returns from, to, outside."""
    published = [d["day"] for d in days if d.get("articles")]
    newest = max(published) if published else None
    dated = sorted((d["day"], int(d["events"])) for d in days if d.get("events"))
    plausible = [(day, n) for day, n in dated if newest is None or day <= newest]
    best: tuple[int, str, str] | None = None  # (events, last day, first day)
    start = 0
    total = 0
    for last, n in plausible:
        total += n
        limit = (date.fromisoformat(last) - timedelta(days=WINDOW_DAYS - 1)).isoformat()
        while plausible[start][0] < limit:
            total -= plausible[start][1]
            start += 1
        candidate = (total, last, plausible[start][0])
        if best is None or candidate[:2] >= best[:2]:
            best = candidate
    if best is None:
        return {"from": None, "to": None, "outside": [{"day": d, "events": n} for d, n in dated]}
    _, last, first = best
    return {
        "from": first,
        "to": last,
        "outside": [{"day": d, "events": n} for d, n in dated if not first <= d <= last],
    }

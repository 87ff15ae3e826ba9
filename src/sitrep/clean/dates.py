"""Publication date-times from datelines ("December 7, 2024, 4:56 PM ET") and ISO stamps.

Time-zone abbreviations map to IANA zones through `knowledge/reading/timezones.tsv`, so
daylight time follows the date. A date-time with no zone cue stays naive.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

from sitrep.clean.knowledge import time_zones

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = (
    r"(?:[,\s]+(?:at\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?:\s*(?P<ampm>[ap]\.?m\b\.?))?(?:\s+(?P<zone>[A-Z]{1,5})\b)?)?"
)
_MONTH_FIRST = re.compile(
    r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME,
    re.IGNORECASE,
)
_DAY_FIRST = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})" + _TIME,
    re.IGNORECASE,
)
_ISO = re.compile(
    r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<offset>Z|[+-]\d{2}:?\d{2})?)?"
)


MIN_PUBLICATION_YEAR = 1900


def parse_dateline(text: str) -> datetime | None:
    """The first date (with its time and zone when given) written in `text`."""
    for pattern in (_ISO, _MONTH_FIRST, _DAY_FIRST):
        for match in pattern.finditer(text):
            parsed = _from_match(match)
            if parsed is not None:
                return parsed
    return None


def _from_match(match: re.Match[str]) -> datetime | None:
    parts = match.groupdict()
    month = parts["month"]
    month_number = int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
    hour = int(parts["hour"]) if parts.get("hour") else 0
    ampm = (parts.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if int(parts["year"]) < MIN_PUBLICATION_YEAR:
        return None  # "0001-01-01": a template's empty date, not a day
    try:
        moment = datetime(
            int(parts["year"]),
            month_number,
            int(parts["day"]),
            hour,
            int(parts.get("minute") or 0),
            int(parts.get("second") or 0),
        )
    except ValueError:
        return None
    offset = parts.get("offset")
    if offset:
        return moment.replace(tzinfo=_fixed_offset(offset))
    zone = time_zones().get((parts.get("zone") or "").upper())
    return moment.replace(tzinfo=zone) if zone is not None else moment


def _fixed_offset(offset: str) -> timezone:
    if offset == "Z":
        return UTC
    sign = -1 if offset[0] == "-" else 1
    digits = offset[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))

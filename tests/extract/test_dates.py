"""Dates: relative expressions resolved against publication, with honest precision."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from sitrep.extract.dates import Tense, resolve
from sitrep.records import DatePrecision

# Saturday 7 December 2024, 4:56 PM US Eastern.
PUBLISHED = datetime(2024, 12, 7, 16, 56, tzinfo=timezone(timedelta(hours=-5)))


PAST, FUTURE = Tense.PAST, Tense.FUTURE
DAY, WEEK, MONTH, YEAR, RANGE = (
    DatePrecision.DAY,
    DatePrecision.WEEK,
    DatePrecision.MONTH,
    DatePrecision.YEAR,
    DatePrecision.RANGE,
)


@pytest.mark.parametrize(
    ("expression", "tense", "start", "end", "precision"),
    [
        # a weekday in a past sentence is the last such day; publication's own is that day
        ("Monday", PAST, date(2024, 12, 2), date(2024, 12, 2), DAY),
        ("Friday", PAST, date(2024, 12, 6), date(2024, 12, 6), DAY),
        ("Saturday", PAST, date(2024, 12, 7), date(2024, 12, 7), DAY),
        ("Tuesday", FUTURE, date(2024, 12, 10), date(2024, 12, 10), DAY),
        ("the past week", PAST, date(2024, 11, 30), date(2024, 12, 7), WEEK),
        ("2015", PAST, date(2015, 1, 1), date(2015, 12, 31), YEAR),
        ("since 2011", PAST, date(2011, 1, 1), date(2024, 12, 7), RANGE),
        # a month without a year is not in the future of a past sentence
        ("March", PAST, date(2024, 3, 1), date(2024, 3, 31), MONTH),
        ("December 20", PAST, date(2023, 12, 20), date(2023, 12, 20), DAY),
    ],
)
def test_dates_resolve_against_publication(  # type: ignore[no-untyped-def]
    expression, tense, start, end, precision
) -> None:
    resolved = resolve(expression, PUBLISHED, tense)
    assert resolved is not None
    assert (resolved.start, resolved.end, resolved.precision) == (start, end, precision)


def test_dates_recent_days_is_a_range_ending_at_publication() -> None:
    recent = resolve("recent days", PUBLISHED, Tense.PAST)
    assert recent is not None
    assert recent.precision is DatePrecision.RANGE
    assert recent.end == date(2024, 12, 7) and recent.start < recent.end


def test_dates_last_month_is_the_previous_calendar_month() -> None:
    last_month = resolve("last month", PUBLISHED, Tense.PAST)
    assert last_month is not None
    assert (last_month.start, last_month.end) == (date(2024, 11, 1), date(2024, 11, 30))


def test_dates_relative_expression_without_publication_is_not_resolved() -> None:
    assert resolve("on Monday", None, Tense.PAST) is None
    assert resolve("the past week", None, Tense.PAST) is None
    absolute = resolve("in 2015", None, Tense.PAST)
    assert absolute is not None and absolute.start == date(2015, 1, 1)


def test_dates_unknown_expression_gives_no_date() -> None:
    assert resolve("the time of the uprising", PUBLISHED, Tense.PAST) is None


def test_dates_outside_the_calendar_give_no_date() -> None:
    """A publication at the calendar's edge must not crash the events stage."""
    edge = datetime(1, 1, 3, tzinfo=UTC)
    assert resolve("the past week", edge, Tense.PAST) is None
    assert resolve("December 20", edge, Tense.PAST) is None

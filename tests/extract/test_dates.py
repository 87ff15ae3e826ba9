"""Dates: relative expressions resolved against publication, with honest precision."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from sitrep.extract.dates import Tense, resolve
from sitrep.records import DatePrecision

# Saturday 7 December 2024, 4:56 PM US Eastern.
PUBLISHED = datetime(2024, 12, 7, 16, 56, tzinfo=timezone(timedelta(hours=-5)))


def test_dates_weekday_in_past_sentence_is_the_last_such_day() -> None:
    monday = resolve("Monday", PUBLISHED, Tense.PAST)
    assert monday is not None
    assert (monday.start, monday.end, monday.precision) == (
        date(2024, 12, 2),
        date(2024, 12, 2),
        DatePrecision.DAY,
    )
    friday = resolve("Friday", PUBLISHED, Tense.PAST)
    assert friday is not None and friday.start == date(2024, 12, 6)


def test_dates_weekday_of_publication_is_that_day() -> None:
    saturday = resolve("Saturday", PUBLISHED, Tense.PAST)
    assert saturday is not None and saturday.start == date(2024, 12, 7)


def test_dates_weekday_in_future_sentence_looks_ahead() -> None:
    tuesday = resolve("Tuesday", PUBLISHED, Tense.FUTURE)
    assert tuesday is not None and tuesday.start == date(2024, 12, 10)


def test_dates_past_week_is_a_week_range() -> None:
    week = resolve("the past week", PUBLISHED, Tense.PAST)
    assert week is not None
    assert (week.start, week.end, week.precision) == (
        date(2024, 11, 30),
        date(2024, 12, 7),
        DatePrecision.WEEK,
    )


def test_dates_recent_days_is_a_range_ending_at_publication() -> None:
    recent = resolve("recent days", PUBLISHED, Tense.PAST)
    assert recent is not None
    assert recent.precision is DatePrecision.RANGE
    assert recent.end == date(2024, 12, 7) and recent.start < recent.end


def test_dates_year_and_since_year() -> None:
    year = resolve("2015", PUBLISHED, Tense.PAST)
    assert year is not None
    assert (year.start, year.end, year.precision) == (
        date(2015, 1, 1),
        date(2015, 12, 31),
        DatePrecision.YEAR,
    )
    since = resolve("since 2011", PUBLISHED, Tense.PAST)
    assert since is not None
    assert (since.start, since.end, since.precision) == (
        date(2011, 1, 1),
        date(2024, 12, 7),
        DatePrecision.RANGE,
    )


def test_dates_month_without_year_is_not_in_the_future_of_a_past_sentence() -> None:
    march = resolve("March", PUBLISHED, Tense.PAST)
    assert march is not None
    assert (march.start, march.end, march.precision) == (
        date(2024, 3, 1),
        date(2024, 3, 31),
        DatePrecision.MONTH,
    )
    december_20 = resolve("December 20", PUBLISHED, Tense.PAST)
    assert december_20 is not None and december_20.start == date(2023, 12, 20)


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

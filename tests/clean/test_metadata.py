"""Dates, bylines, language and the layout cues for a text dump's metadata."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from sitrep.clean import clean_text
from sitrep.clean.bylines import is_agency, sort_names, split_names
from sitrep.clean.dates import parse_dateline
from sitrep.clean.language import detect_language, same_language

PARAGRAPH = (
    "Officials in the northern province said on Monday that the road had been closed "
    "after heavy rain, and that repairs would take at least a week to finish."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "December 7, 2024, 4:56 PM ET",
            datetime(2024, 12, 7, 16, 56, tzinfo=ZoneInfo("America/New_York")),
        ),
        (
            "July 4, 2024 9:05 a.m. ET",
            datetime(2024, 7, 4, 9, 5, tzinfo=ZoneInfo("America/New_York")),
        ),
        ("7 Dec 2024 at 09:15 GMT", datetime(2024, 12, 7, 9, 15, tzinfo=ZoneInfo("Etc/UTC"))),
        (
            "2019-11-18T23:03:00+01:00",
            datetime(2019, 11, 18, 23, 3, tzinfo=UTC) - timedelta(hours=1),
        ),
        ("Posted Sept. 3, 2020", datetime(2020, 9, 3)),
    ],
)
def test_dates_parse_dateline(text: str, expected: datetime) -> None:
    parsed = parse_dateline(text)
    assert parsed == expected
    assert (parsed.tzinfo is None) == (expected.tzinfo is None)


def test_dates_et_follows_daylight_saving() -> None:
    winter = parse_dateline("January 5, 2024 10:00 AM ET")
    summer = parse_dateline("July 5, 2024 10:00 AM ET")
    assert winter.utcoffset() == timedelta(hours=-5)
    assert summer.utcoffset() == timedelta(hours=-4)


def test_dates_no_date_gives_none() -> None:
    assert parse_dateline("Home News Sport") is None


def test_bylines_split_and_sort() -> None:
    names = split_names("By Jane Roe, John Doe and The Associated Press")
    assert names == ["Jane Roe", "John Doe", "The Associated Press"]
    people, agencies = sort_names([*names, "Jane Roe"])
    assert people == ["Jane Roe", "John Doe"]
    assert agencies == ["The Associated Press"]


@pytest.mark.parametrize(
    ("name", "agency"),
    [
        ("Reuters", True),
        ("AFP", True),
        ("Yonhap News", True),
        ("Staff Reporter", True),
        ("Jane Roe", False),
        ("Mary-Kate O’Neil", False),
    ],
)
def test_bylines_is_agency(name: str, agency: bool) -> None:
    assert is_agency(name) is agency


@pytest.mark.parametrize(
    ("text", "declared", "expected"),
    [
        (PARAGRAPH * 2, None, "en"),
        (
            "Le conseil municipal a voté mardi soir un budget en hausse pour les écoles. " * 3,
            None,
            "fr",
        ),
        (
            "Der Stadtrat hat am Dienstag einen höheren Haushalt für die Schulen beschlossen. " * 3,
            "en",
            "de",
        ),
        ("Городской совет во вторник утвердил новый бюджет для школ города. " * 3, None, "ru"),
        ("Too short", None, None),
        ("Too short", "en-US", "en"),
        ("Too short", "not a language tag!", None),
    ],
)
def test_language_iso_code_from_text_with_declaration_as_evidence(
    text: str, declared: str | None, expected: str | None
) -> None:
    """A sure text outweighs a wrong declaration; a short text leaves it to the declaration."""
    assert detect_language(text, declared) == expected


def test_language_list_like_english_body_with_english_declaration() -> None:
    """A meal plan of short list lines (few stop words) on a page declaring en-US."""
    plan = "\n".join(
        [
            "Breakfast: oatmeal with berries",
            "Snack: Greek yogurt, almonds",
            "Lunch: grilled chicken salad, quinoa",
            "Snack: apple slices, peanut butter",
            "Dinner: baked salmon, roasted vegetables, brown rice",
        ]
    )
    assert detect_language(plan, "en-US") == "en"


@pytest.mark.parametrize(
    ("code", "same"),
    [("en", True), ("en-US", True), ("EN_gb", True), ("fr", False), ("eng", False), (None, False)],
)
def test_language_same_language_compares_primary_subtags(code: str | None, same: bool) -> None:
    """The one check that a page is in the language the stages read."""
    assert same_language(code, "en") is same


def test_metadata_from_layout_cues() -> None:
    page = "\n".join(
        [
            "• Home",
            "• World",
            "WorldEurope",
            "",
            "Road closed after heavy rain in the north",
            "",
            "By",
            "Jane Roe",
            "Jane Roe",
            ",",
            "John Doe",
            "and",
            "Reuters",
            "Share Icon",
            "March 4, 2024, 8:15 AM GMT",
            "",
            PARAGRAPH,
            "",
            PARAGRAPH.replace("Monday", "Tuesday"),
            "",
            "© 2024 Northern Daily News Ltd. All rights reserved.",
        ]
    )
    meta = clean_text(page).metadata
    assert meta.title == "Road closed after heavy rain in the north"
    assert meta.section == ["World", "Europe"]
    assert meta.authors == ["Jane Roe", "John Doe"]
    assert meta.agencies == ["Reuters"]
    assert meta.published == datetime(2024, 3, 4, 8, 15, tzinfo=ZoneInfo("Etc/UTC"))
    assert meta.outlet == "Northern Daily News"


def test_metadata_title_without_byline_is_heading_above_prose() -> None:
    page = "\n".join(
        [
            "• Home",
            "• News",
            "Road closed after heavy rain",
            "",
            PARAGRAPH,
            PARAGRAPH.replace("Monday", "Friday"),
        ]
    )
    meta = clean_text(page).metadata
    assert meta.title == "Road closed after heavy rain"
    assert meta.authors == []


def test_dates_template_zero_date_is_no_date() -> None:
    """JSON-LD "dateModified": "0001-01-01T00:00:00Z" is an empty field, not a publication."""
    assert parse_dateline("0001-01-01T00:00:00Z") is None
    assert parse_dateline("0001-01-01T00:00:00Z, then 2019-11-19T10:00:00Z") == datetime(
        2019, 11, 19, 10, 0, tzinfo=UTC
    )

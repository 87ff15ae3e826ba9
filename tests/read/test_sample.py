"""The canonical sample page: metadata and a clean body."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sitrep.read import read_bytes
from sitrep.records import Article


@pytest.fixture(scope="module")
def sample(sample_path: Path) -> Article:
    return read_bytes(sample_path.read_bytes(), str(sample_path))


def test_sample_title_and_section(sample: Article) -> None:
    assert sample.title == "Syria’s Assad is under siege and is making overtures to US"
    assert sample.section == ["Politics", "Middle East"]


def test_sample_authors_apart_from_agency(sample: Article) -> None:
    assert sample.authors == ["Sam Dagher", "Henry Meyer", "Peter Martin", "Fiona MacDonald"]
    assert sample.agencies == ["Bloomberg"]


def test_sample_published_in_new_york_time(sample: Article) -> None:
    expected = datetime(2024, 12, 7, 16, 56, tzinfo=ZoneInfo("America/New_York"))
    assert sample.published == expected
    assert sample.published.utcoffset().total_seconds() == -5 * 3600


def test_sample_body_bounds(sample: Article) -> None:
    assert sample.paragraphs[0].startswith("With Syrian rebels edging ever-closer to the capital")
    assert sample.paragraphs[-1].endswith("for reasons of safety.")


@pytest.mark.parametrize(
    "chrome",
    [
        "Recommended Video",
        "Read More",
        "Down Arrow Button Icon",
        "Brainstorm AI",
        "See full bio",
        "Latest in Politics",
        "Most Popular",
        "All Rights Reserved",
        "Getty Images",
        "Fortune 500",
    ],
)
def test_sample_body_has_no_chrome(sample: Article, chrome: str) -> None:
    assert chrome not in sample.body


def test_sample_caption_and_related_links(sample: Article) -> None:
    assert len(sample.captions) == 1
    assert sample.captions[0].text.startswith("Syrian President Bashar al-Assad")
    assert sample.captions[0].credit == "Joseph Eid—AFP via Getty Images"
    assert [link.title for link in sample.related_links] == [
        "Syrian Rebels Eye Next Prize With Assad Lacking Russian Help",
        "Who’s Fighting and Why in the Revived Syrian War: QuickTake",
        "Trump Says Pullout From Syria Might Be ‘Best Thing’ for Russia",
    ]


def test_sample_outlet_and_language(sample: Article) -> None:
    assert sample.outlet == "Fortune Media"
    assert sample.language == "en"

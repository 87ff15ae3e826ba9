"""`sitrep read` text output says when the events stage judged a page not news."""

from __future__ import annotations

import pytest

from sitrep.cli.read import OutputFormat, _print_article
from sitrep.records import Article, InputKind, PageJudgement


def _page(judgement: PageJudgement | None) -> Article:
    return Article(
        source="memory://derby",
        content_hash="b" * 64,
        input_kind=InputKind.TEXT,
        paragraphs=["Northfield Rovers beat Eastbrook 3-1 in the county derby on Saturday."],
        title="Rovers win the derby",
        page_judgement=judgement,
    )


def test_read_text_says_a_page_judged_not_news_has_no_events(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _print_article(_page(PageJudgement(False, 0.123, "test.pages.v1")), OutputFormat.TEXT)
    lines = capsys.readouterr().out.splitlines()
    assert "judged not news (p=0.12): no events reported" in lines
    assert lines.index("judged not news (p=0.12): no events reported") < lines.index("")


@pytest.mark.parametrize("judgement", [None, PageJudgement(True, 0.91, "test.pages.v1")])
def test_read_text_says_nothing_of_a_news_page_or_an_unjudged_one(
    capsys: pytest.CaptureFixture[str], judgement: PageJudgement | None
) -> None:
    _print_article(_page(judgement), OutputFormat.TEXT)
    assert "judged" not in capsys.readouterr().out

"""Reading every input kind, and one clear error per bad document."""

from __future__ import annotations

import gzip
import io
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.cli import app
from sitrep.errors import DocumentRejected, ErrorCode
from sitrep.read import raw_documents, read_bytes, read_document, read_paths
from sitrep.records import Article, DocumentError, InputKind, RawDocument, content_hash

PROSE = (
    "The council met on Tuesday to discuss the new budget for the coming year, and members "
    "said that the plan would be put to a vote before the end of the month."
)
HTML_PAGE = f"""<!DOCTYPE html><html><head><title>Council weighs budget</title>
<meta property="article:published_time" content="2024-03-05T10:30:00+01:00"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Council weighs budget</h1>
<p>{PROSE}</p><p>{PROSE.replace("Tuesday", "Wednesday")}</p>
<p>{PROSE.replace("council", "committee")}</p></article>
<footer>© 2024 Example Media Ltd. All rights reserved.</footer></body></html>"""


_RANDOM_HIGH_BYTES = bytes(random.Random(1).choices(range(128, 256), k=3000))


def _text_page() -> str:
    menu = "\n".join(f"  • Item {n}" for n in range(8))
    body = "\n\n".join(PROSE.replace("year", f"year {n}") for n in range(4))
    return f"{menu}\n\nCouncil weighs the budget plan\n\nMarch 5, 2024, 9:00 AM ET\n\n{body}\n"


def _warc(records: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for uri, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(payload), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


def _only(items: list[Article | DocumentError]) -> Article | DocumentError:
    assert len(items) == 1
    return items[0]


def test_read_plain_text_dump(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(_text_page(), "utf-8")
    article = _only(list(read_paths([str(path)])))
    assert isinstance(article, Article)
    assert article.input_kind is InputKind.TEXT
    assert len(article.paragraphs) == 4
    assert "Item 3" not in article.body
    assert article.title == "Council weighs the budget plan"
    assert article.language == "en"


def test_read_html_detected_by_content_not_extension(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"  # HTML saved under a misleading name
    path.write_text(HTML_PAGE, "utf-8")
    article = _only(list(read_paths([str(path)])))
    assert isinstance(article, Article)
    assert article.input_kind is InputKind.HTML
    assert "discuss the new budget" in article.body
    assert "Home" not in article.body
    assert article.published is not None and article.published.utcoffset() is not None


def test_read_gzipped_html(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(HTML_PAGE.encode()))
    article = _only(list(read_paths([str(path)])))
    assert isinstance(article, Article)
    assert article.input_kind is InputKind.HTML


def test_read_gzipped_text(tmp_path: Path) -> None:
    path = tmp_path / "page.gz"
    path.write_bytes(gzip.compress(_text_page().encode()))
    article = _only(list(read_paths([str(path)])))
    assert isinstance(article, Article) and article.input_kind is InputKind.TEXT


def test_read_legacy_encoding_detected(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(_text_page().replace("council", "conseil élu").encode("cp1252"))
    article = _only(list(read_paths([str(path)])))
    assert isinstance(article, Article)
    assert "conseil élu" in article.body


def test_read_warc_yields_each_response(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    second = HTML_PAGE.replace("Council weighs budget", "Mayor resigns")
    path.write_bytes(
        _warc(
            [("https://a.example/1", HTML_PAGE.encode()), ("https://b.example/2", second.encode())]
        )
    )
    articles = list(read_paths([str(path)]))
    assert [a.source for a in articles] == ["https://a.example/1", "https://b.example/2"]
    assert all(isinstance(a, Article) and a.url == a.source for a in articles)


def test_read_folder_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(_text_page(), "utf-8")
    (tmp_path / "b" / "c.html").write_text(HTML_PAGE, "utf-8")
    (tmp_path / ".hidden").write_text("ignored", "utf-8")
    sources = [item.source for item in read_paths([str(tmp_path)])]
    assert sources == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c.html")]


def test_read_paths_is_lazy(tmp_path: Path) -> None:
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(_text_page(), "utf-8")
    items = read_paths([str(tmp_path)])
    first = next(items)
    (tmp_path / "2.txt").write_bytes(b"")  # changed after the first was read
    rest = list(items)
    assert isinstance(first, Article)
    assert isinstance(rest[-1], DocumentError) and rest[-1].code == ErrorCode.EMPTY


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", ErrorCode.EMPTY),
        (b"   \n\t  \n", ErrorCode.EMPTY),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), ErrorCode.BINARY),
        (gzip.compress(PROSE.encode() * 50)[:60], ErrorCode.TRUNCATED),
        (_RANDOM_HIGH_BYTES, ErrorCode.UNDECODABLE),
        (b"\n".join([b"Home", b"News", b"Sport"] * 20), ErrorCode.NO_ARTICLE),
    ],
    ids=["empty", "whitespace", "binary", "truncated-gzip", "undecodable", "navigation-only"],
)
def test_read_bytes_rejects_bad_input(data: bytes, code: ErrorCode) -> None:
    with pytest.raises(DocumentRejected) as rejected:
        read_bytes(data, "bad")
    assert rejected.value.code == code


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers opened fire on the crowd outside the ministry.",
        "The two leaders met in the capital.\nThey agreed to reopen the border crossing.",
    ],
    ids=["one-sentence", "two-sentences"],
)
def test_a_text_of_a_few_sentences_is_its_own_article(text: str) -> None:
    article = read_bytes(text.encode(), "short.txt")
    assert article.paragraphs == text.splitlines()


def test_a_few_short_lines_without_sentences_are_still_no_article() -> None:
    with pytest.raises(DocumentRejected) as rejected:
        read_bytes(b"Home\nNews\nSport\nContact us", "menu.txt")
    assert rejected.value.code == ErrorCode.NO_ARTICLE


def test_read_paths_size_limit_on_disk_and_after_decompression(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 3000)
    bomb = tmp_path / "bomb.gz"
    bomb.write_bytes(gzip.compress(b"word " * 3000))
    errors = list(read_paths([str(big), str(bomb)], max_bytes=10_000))
    assert [e.code for e in errors if isinstance(e, DocumentError)] == [
        ErrorCode.TOO_LARGE,
        ErrorCode.TOO_LARGE,
    ]


def test_read_batch_goes_on_after_errors(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(_text_page(), "utf-8")
    items = list(read_paths([str(tmp_path / "missing.txt"), str(good)]))
    assert isinstance(items[0], DocumentError) and items[0].code == ErrorCode.NOT_FOUND
    assert isinstance(items[1], Article)


def test_cli_read_stdin_and_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["read", "-", "--format", "json"], input=_text_page())
    assert result.exit_code == 0
    assert '"input_kind": "text"' in result.stdout
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    failed = runner.invoke(app, ["read", str(empty)])
    assert failed.exit_code == 1
    assert "[empty]" in failed.stderr
    mixed = runner.invoke(app, ["read", str(empty), "-"], input=_text_page())
    assert mixed.exit_code == 0
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 300_000)
    too_large = runner.invoke(app, ["read", str(big), "--max-mb", "1"])
    assert too_large.exit_code == 1 and "[too_large]" in too_large.stderr


def test_read_html_captions_and_related_links_kept_out_of_body() -> None:
    paragraph = (
        "Officials in the northern province said on Monday that the road had been closed "
        "after heavy rain, and that repairs would take at least a week to finish, {n}."
    )
    body = "".join(f"<p>{paragraph.format(n=n)}</p>" for n in range(6))
    html = (
        "<html><head><title>Road closed</title></head><body><article><h1>Road closed</h1>"
        f"{body}<figure><img src='a.jpg' alt='road'><figcaption>A flooded road near the "
        "capital.Credit...Jane Roe/Agency</figcaption></figure>"
        "<aside><h3>Related</h3><ul><li><a href='/a'>Floods hit three provinces again</a></li>"
        "<li><a href='/b'>Rivers rise across the north</a></li></ul></aside>"
        "</article></body></html>"
    )
    article = read_bytes(html.encode(), "page.html")
    assert [(c.text, c.credit) for c in article.captions] == [
        ("A flooded road near the capital.", "Jane Roe/Agency")
    ]
    assert [(link.title, link.url) for link in article.related_links] == [
        ("Floods hit three provinces again", "/a"),
        ("Rivers rise across the north", "/b"),
    ]
    assert "Floods hit" not in article.body and "Credit" not in article.body


def test_read_html_read_more_line_inside_the_body_is_a_related_link() -> None:
    """A paragraph of the article's own column that is a label and a link ("Read more:
    <headline>", as CityAM writes it) is a related link, not the outlet's claim; a label
    opening real prose is kept."""
    paragraph = (
        "Officials in the northern province said on Monday that the road had been closed "
        "after heavy rain, and that repairs would take at least a week to finish, {n}."
    )
    prose = "Related talks between the two ministries went on late into the night on Monday."
    body = "".join(f"<p>{paragraph.format(n=n)}</p>" for n in range(6))
    html = (
        "<html><head><title>Road closed</title></head><body><article><h1>Road closed</h1>"
        f"{body}<p><strong>Read more:</strong> <a href='/a'>Floods hit three provinces "
        f"again</a></p><p>{prose}</p></article></body></html>"
    )
    article = read_bytes(html.encode(), "page.html")
    assert [(link.title, link.url) for link in article.related_links] == [
        ("Floods hit three provinces again", "/a")
    ]
    assert "Floods hit" not in article.body and "Read more" not in article.body
    assert prose in article.body


def test_read_html_declared_english_list_page_is_english() -> None:
    """A meal plan of short list lines (few stop words) on a page declaring lang="en-US"."""
    items = "".join(
        f"<li>{meal}</li>"
        for meal in (
            "Breakfast: oatmeal with berries and a spoon of honey",
            "Snack: Greek yogurt with almonds and sliced peaches",
            "Lunch: grilled chicken salad with quinoa and lemon",
            "Dinner: baked salmon, roasted vegetables and brown rice",
        )
    )
    page = f"""<html lang="en-US"><body><article><h1>Meal prep for a busy week</h1>
<p>Plan your meals on Sunday and cook in one batch to save time during the week.</p>
<ul>{items}</ul></article></body></html>"""
    article = read_bytes(page.encode(), "meal-prep.html")
    assert article.language == "en"


def test_read_non_english_page_reports_its_language() -> None:
    text = "Le conseil municipal a voté mardi soir un budget en hausse pour les écoles. " * 4
    assert read_bytes(text.encode(), "conseil.txt").language == "fr"


@pytest.mark.parametrize(
    "depth",
    [300, pytest.param(1_000, marks=pytest.mark.slow), pytest.param(5_000, marks=pytest.mark.slow)],
)
def test_read_html_prose_nested_deep_is_read(depth: int) -> None:
    """libxml2 stops at 256 levels unless told otherwise and drops text past ~2,000 even
    then: deep prose is still the article, never a silent no_article."""
    paragraphs = "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(4))
    page = f"<html><body>{'<div>' * depth}{paragraphs}{'</div>' * depth}</body></html>"
    article = read_bytes(page.encode(), "deep.html")
    assert "Part 3." in article.body
    assert article.body.count("The council met on Tuesday") == 4


@pytest.mark.slow
def test_read_html_single_text_node_over_ten_megabytes_is_read() -> None:
    """One text node past libxml2's 10 MB default limit (a page written on one line)."""
    repeats = 10_500_000 // len(PROSE) + 1
    page = f"<html><body><p>{(PROSE + ' ') * repeats}</p></body></html>"
    article = read_bytes(page.encode(), "one-line.html", max_bytes=30_000_000)
    assert len(article.body) > 10_000_000


def test_raw_documents_leave_reading_to_read_document(tmp_path: Path) -> None:
    """The ingesting process only opens files, splits WARC files and hashes bytes; a file
    goes on compressed as it came, and its Article carries the same hash."""
    page = gzip.compress(HTML_PAGE.encode())
    (tmp_path / "a.html.gz").write_bytes(page)
    second = HTML_PAGE.replace("Council weighs budget", "Mayor resigns").encode()
    crawl = gzip.compress(
        _warc([("https://a.example/1", HTML_PAGE.encode()), ("https://b.example/2", second)])
    )
    (tmp_path / "b.warc.gz").write_bytes(crawl)
    (tmp_path / "c.txt").write_bytes(b"")
    raw = list(raw_documents([str(tmp_path)]))
    assert all(isinstance(document, RawDocument) for document in raw)
    first, *records, _empty = [document for document in raw if isinstance(document, RawDocument)]
    assert (first.data, first.content_hash) == (page, content_hash(page))
    assert [record.source for record in records] == ["https://a.example/1", "https://b.example/2"]
    assert records[1].data == second
    read = [read_document(document) for document in raw if isinstance(document, RawDocument)]
    assert isinstance(read[0], Article) and read[0].content_hash == first.content_hash
    assert isinstance(read[2], Article) and read[2].content_hash == content_hash(second)
    assert isinstance(read[3], DocumentError) and read[3].code is ErrorCode.EMPTY

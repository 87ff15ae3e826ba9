"""Hostile files and archives: one bad record or file is one error, everything good is kept."""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.clean import textdump
from sitrep.errors import DocumentRejected, ErrorCode
from sitrep.read import html, read_bytes, read_paths
from sitrep.read.decode import decode
from sitrep.records import Article, DocumentError

PROSE = (
    "The council met on Tuesday to discuss the new budget for the coming year, and members "
    "said that the plan would be put to a vote before the end of the month."
)


def page(title: str) -> bytes:
    paragraphs = "".join(
        f"<p>{PROSE.replace('council', f'{title} council')} {n}.</p>" for n in range(3)
    )
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{paragraphs}</article></body></html>"
    ).encode()


def warc_record(uri: str | None, payload: bytes, *, compress: bool = False) -> bytes:
    """One response record; `uri=None` leaves out WARC-Target-URI."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri or "http://placeholder.example/",
        "response",
        payload=io.BytesIO(payload),
        http_headers=headers,
    )
    if uri is None:
        record.rec_headers.remove_header("WARC-Target-URI")
    writer.write_record(record)
    return buffer.getvalue()


def titles(records: list[Article | DocumentError]) -> list[str | None]:
    return [r.title if isinstance(r, Article) else f"error:{r.code}" for r in records]


def test_warc_record_without_target_uri_costs_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(
        warc_record("https://a.example/1", page("First"))
        + warc_record(None, page("Second"))
        + warc_record("https://c.example/3", page("Third"))
    )
    records = list(read_paths([str(path)]))
    assert titles(records) == ["First", "Second", "Third"]
    assert records[1].source == f"{path}#record-2"
    assert isinstance(records[1], Article) and records[1].url is None


def test_warc_target_uri_is_never_a_path(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_record("/etc/passwd", page("Passwd")))
    (record,) = read_paths([str(path)])
    assert isinstance(record, Article)
    assert (record.source, record.url) == (f"{path}#record-1", None)


def test_broken_warc_record_is_one_error_and_the_next_is_read(tmp_path: Path) -> None:
    broken = (
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"
    )
    path = tmp_path / "crawl.warc"
    path.write_bytes(
        warc_record("https://a.example/1", page("First"))
        + broken
        + warc_record("https://c.example/3", page("Third"))
    )
    assert titles(list(read_paths([str(path)]))) == ["First", "error:malformed", "Third"]


def test_plain_warc_cut_mid_record_keeps_complete_records_and_reports_the_cut(
    tmp_path: Path,
) -> None:
    whole = b"".join(warc_record(f"https://x.example/{n}", page(f"Page{n}")) for n in range(3))
    path = tmp_path / "cut.warc"
    path.write_bytes(whole[: len(whole) - 200])
    records = list(read_paths([str(path)]))
    assert titles(records) == ["Page0", "Page1", "error:truncated"]
    assert records[2].source == "https://x.example/2"


@pytest.mark.parametrize("share", [0.3, 0.6, 0.9, 1.0])
def test_warc_gz_cut_keeps_every_complete_record(tmp_path: Path, share: float) -> None:
    # One gzip member per record, as crawlers write them.
    members = [
        warc_record(f"https://x.example/{n}", page(f"Page{n}"), compress=True) for n in range(3)
    ]
    whole = b"".join(members)
    end = int(len(whole) * share)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(whole[:end])
    complete = sum(1 for n in range(1, 4) if len(b"".join(members[:n])) <= end)
    expected = [f"Page{n}" for n in range(complete)]
    found = titles(list(read_paths([str(path)])))
    assert found == (expected if share == 1.0 else [*expected, "error:truncated"])


def test_one_bad_byte_keeps_a_utf8_page_utf8() -> None:
    text = "".join(f"<p>Syria’s rebels “took” town {n} — officials said.</p>" for n in range(30))
    data = f"<html><body>{text}".encode() + b"\xff" + "<p>The café reopened.</p>".encode()
    decoded = decode(data)
    assert "Syria’s" in decoded and "café" in decoded and "‚Äô" not in decoded


def test_legacy_and_mixed_encodings_are_not_taken_for_damaged_utf8() -> None:
    assert "élu" in decode(("Le conseil élu a voté. " * 20).encode("cp1252"))
    mixed = "Déjà vu. ".encode() * 3 + "Garçon façade. ".encode("cp1252") * 10
    with pytest.raises(DocumentRejected) as rejected:
        decode(mixed)
    assert rejected.value.code == ErrorCode.UNDECODABLE


def read_in_child(folder: Path) -> subprocess.CompletedProcess[str]:
    """Read `folder` in a child process with capped memory and time, so a reader that
    blocks on a FIFO or reads /dev/zero fails the test instead of the machine."""
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
        "from sitrep.read import read_paths\n"
        "for r in read_paths([sys.argv[1]], max_bytes=1 << 20):\n"
        "    print(r.source.rsplit('/', 1)[-1], getattr(r, 'code', 'article'))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script, str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ | {"PYTHONPATH": os.pathsep.join(sys.path)},
    )


@pytest.mark.slow  # reads the folder in a child Python, so a blocking open cannot hang pytest
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero and FIFOs")
def test_special_files_are_refused_without_blocking_or_filling_memory(tmp_path: Path) -> None:
    (tmp_path / "a-good.html").write_bytes(page("Good"))
    (tmp_path / "b-zero.html").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "c-fifo.html")
    (tmp_path / "d-dangling.html").symlink_to(tmp_path / "missing")
    (tmp_path / "e-link.html").symlink_to(tmp_path / "a-good.html")
    result = read_in_child(tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.splitlines() == [
        "a-good.html article",
        "b-zero.html not_a_file",
        "c-fifo.html not_a_file",
        "d-dangling.html not_found",
        "e-link.html article",
    ]


def test_special_file_named_directly_is_refused() -> None:
    (error,) = read_paths(["/dev/null"])
    assert isinstance(error, DocumentError) and error.code == ErrorCode.NOT_A_FILE


@pytest.mark.slow  # reads a page of many megabytes
def test_huge_html_page_is_read_without_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    """trafilatura holds about 19 times a page: a page over the limit goes to the cleaner."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("trafilatura was given a page over the limit")

    monkeypatch.setattr(html.trafilatura, "bare_extraction", refuse)
    paragraphs = "".join(
        f"<p>{PROSE.replace('council', f'council {n}')}</p>"
        for n in range(html.TRAFILATURA_MAX_CHARS // len(PROSE) + 1)
    )
    page = f"<html><head><title>Budget</title></head><body>{paragraphs}</body></html>"
    article = read_bytes(page.encode(), "huge.html", max_bytes=len(page) * 2)
    assert "discuss the new budget" in article.body


@pytest.mark.parametrize("seed", range(20))
def test_space_runs_collapse_slice_by_slice_as_in_one_go(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice("ab  \t\n.,_x’") for _ in range(rng.randint(0, 300_000)))
    for run in (textdump._SPACE_RUN, textdump._NON_LETTER):
        assert textdump._collapsed(text, run) == run.sub(" ", text)

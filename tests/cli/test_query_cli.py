"""The query commands and the library API on a small stored article (no model needed)."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from tests.serve.small_article import build_article
from tests.store.store_builders import (
    DAMASCUS,
    HOMS,
    WIRE_STORY,
    add_actor,
    add_control,
    add_place,
    article,
    contradiction_fixture,
    homs_attack,
    undated_protest,
)
from typer.testing import CliRunner

import sitrep
from sitrep.cli import app
from sitrep.cli.options import event_types
from sitrep.cli.output import Output, write_rows
from sitrep.records import SourceType
from sitrep.store import open_store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "small.duckdb")
    store = open_store(path)
    try:
        store.write([build_article()])
    finally:
        store.close()
    return path


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_every_query_format_parses_back(db: str) -> None:
    code, out, _ = invoke("events", "--db", db, "--format", "json")
    assert code == 0
    events = json.loads(out)
    assert events and all(isinstance(row, dict) for row in events)
    code, out, _ = invoke("events", "--db", db, "--format", "jsonl")
    assert [json.loads(line)["id"] for line in out.splitlines()] == [row["id"] for row in events]
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        code, out, _ = invoke("events", "--db", db, "--format", fmt)
        rows = list(csv.DictReader(io.StringIO(out), delimiter=delimiter))
        assert code == 0 and len(rows) == len(events)
        assert rows[0]["type"] == events[0]["type"]


def test_piped_table_is_not_cut_to_the_terminal_width() -> None:
    long_text = "Officials in Damascus denied that rebels entered Homs " * 4
    stream = io.StringIO()
    write_rows(
        [{"text": long_text.strip(), "date_start": "2024-12-06"}],
        ("date_start", "text"),
        Output.TABLE,
        title="1 claims",
        stream=stream,
    )
    assert long_text.strip() in stream.getvalue()
    assert "2024-12-06" in stream.getvalue() and "…" not in stream.getvalue()


def test_limit_says_when_rows_were_left_out(db: str) -> None:
    _, every, _ = invoke("claims", "--db", db, "--format", "jsonl", "--all")
    total = len(every.splitlines())
    assert total >= 2
    code, out, err = invoke("claims", "--db", db, "--format", "jsonl", "--limit", "1")
    assert code == 0 and len(out.splitlines()) == 1
    assert f"showing 1 of {total} claims" in err
    # A page that holds every match says nothing more.
    code, out, err = invoke("claims", "--db", db, "--format", "jsonl", "--limit", str(total))
    assert code == 0 and len(out.splitlines()) == total and "showing" not in err
    # Every kind says how many match in all ("showing 100 of 616").
    events = len(invoke("events", "--db", db, "--format", "jsonl", "--all")[1].splitlines())
    assert events >= 2
    code, out, err = invoke("events", "--db", db, "--limit", "1")
    assert code == 0 and f"1 of {events} events" in out and f"showing 1 of {events} events" in err


def test_newest_lists_the_latest_day_first(tmp_path: Path) -> None:
    path = str(tmp_path / "days.duckdb")
    later = homs_attack(WIRE_STORY, outlet="Wire")
    later.published = datetime(2024, 12, 9)  # claims are dated by their article
    store = open_store(path)
    try:
        store.write([build_article(), later])
    finally:
        store.close()
    for command in ("events", "claims"):
        _, oldest, _ = invoke(command, "--db", path, "--format", "jsonl", "--all")
        code, newest, _ = invoke(command, "--db", path, "--format", "jsonl", "--all", "--newest")
        assert code == 0 and len(newest.splitlines()) == len(oldest.splitlines())
        days = [json.loads(line)["date_start"] or "" for line in oldest.splitlines()]
        latest = [json.loads(line)["date_start"] or "" for line in newest.splitlines()]
        assert days == sorted(days) and latest == sorted(latest, reverse=True)
        assert len(set(days)) >= 2, command  # the article must give more than one day


def test_misspelt_choices_are_refused_with_the_valid_values(db: str) -> None:
    code, _, err = invoke("events", "--db", db, "--type", "ASSUALT")
    assert code == 2 and "ASSAULT" in err and "THREATEN" in err
    code, _, err = invoke("claims", "--db", db, "--source-type", "anonymus")
    assert code == 2 and "anonymous" in err
    code, _, day_err = invoke("events", "--db", db, "--from", "2024-13-01")
    assert code == 2 and "'2024-13-01' is not a day; write YYYY-MM-DD" in day_err
    # In the user's terms, not Python's.
    assert not re.search(r"%Y|Value error", err + day_err), err + day_err
    code, out, _ = invoke("events", "--db", db, "--type", "assault", "--format", "jsonl")
    assert code == 0 and all(json.loads(line)["type"] == "ASSAULT" for line in out.splitlines())


@pytest.mark.parametrize(
    ("command", "valid"),
    [
        (("events",), "table, csv, tsv, json, jsonl"),
        (("claims",), "table, csv, tsv, json, jsonl"),
        (("brief",), "html, markdown"),
        (("read", "examples/"), "json, jsonl, text"),
        (("export",), "csv-acled, csv-gdelt, geojson, jsonl, tsv-gdelt"),
    ],
)
def test_a_wrong_format_is_refused_with_the_valid_ones(
    db: str, command: tuple[str, ...], valid: str
) -> None:
    """Typer's own answer to a wrong enumerated value reads `Value error, 'xml' is not one
    of 'table', ...`: Python's terms."""
    args = [*command] if command[0] == "read" else [*command, "--db", db]
    code, _, err = invoke(*args, "--format", "xml")
    assert code == 2 and valid in err and "Value error" not in err, err
    if command[0] != "export":
        assert invoke(*args, "--format", valid.split(", ")[-1].upper())[0] == 0


def test_missing_database_is_one_line_and_an_error(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.duckdb")
    code, out, err = invoke("events", "--db", missing)
    assert code == 2 and out == ""
    assert err.strip().count("\n") == 0 and "no database" in err
    assert not Path(missing).exists()


def test_unreachable_postgres_hides_the_password() -> None:
    code, _, err = invoke("events", "--db", "postgresql://analyst:s3cret@127.0.0.1:9/none")
    assert code == 2
    assert "s3cret" not in err and "analyst:***@127.0.0.1:9" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("command", [("serve", "--get", "/api/counts"), ("ingest", "examples/")])
def test_serve_and_ingest_without_their_database_are_one_line(
    command: tuple[str, ...], tmp_path: Path
) -> None:
    """Serve on a missing file, and either on a server that cannot be reached: one line
    naming the database (password masked) and exit status 2, as the queries do."""
    missing = str(tmp_path / "nope.duckdb")
    unreachable = "postgresql://analyst:s3cret@127.0.0.1:9/none"
    for db in [missing, unreachable] if command[0] == "serve" else [unreachable]:
        code, out, err = invoke(*command, "--db", db)
        assert code == 2 and out == "", (db, out)
        assert err.strip().count("\n") == 0 and "Traceback" not in err, err
        assert "s3cret" not in err and err.startswith("error: ")
    assert not Path(missing).exists()


def test_database_from_the_environment(db: str) -> None:
    result = runner.invoke(app, ["events", "--format", "jsonl"], env={"SITREP_DB": db})
    assert result.exit_code == 0 and result.stdout.strip()


@pytest.mark.parametrize(
    "command",
    [
        ("serve", "--get", "/api/counts"),
        ("export", "--format", "jsonl"),
        ("brief", "--from", "2024-12-01", "--to", "2024-12-07"),
        ("control", "Homs", "--on", "2024-12-07"),
        ("claims",),
        ("actors",),
        ("places",),
        ("contradictions",),
        ("errors",),
    ],
)
def test_every_command_reads_the_database_from_the_environment(
    db: str, command: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`sitrep serve` once ignored SITREP_DB. Run from an empty folder, a command that fell
    back to ./sitrep.duckdb would find no database and exit 2."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, list(command), env={"SITREP_DB": db})
    assert result.exit_code == 0 and result.stdout.strip(), (command, result.output)


def test_control_of_an_unknown_place_is_an_error(db: str) -> None:
    code, _, err = invoke("control", "Kyiv", "--db", db, "--on", "2024-12-07")
    assert code == 1 and "Kyiv" in err
    code, out, _ = invoke("control", "Homs", "--db", db, "--on", "2024-12-07", "--format", "json")
    assert code == 0 and json.loads(out)


def test_version_and_plain_help() -> None:
    code, out, _ = invoke("--version")
    assert code == 0 and out.strip() == f"sitrep {sitrep.__version__}"
    for command in ("events", "claims", "ingest", "read", "control", "export", "serve"):
        code, out, _ = invoke(command, "--help")
        assert code == 0 and "Example:" in out, command
        assert "{paths}" not in out and "%Y" not in out, command


def test_help_lists_the_plover_types_and_the_source_types() -> None:
    """The valid values are in the help, not only in the answer to a wrong one."""
    for command in ("events", "export", "claims"):
        code, out, _ = invoke(command, "--help")
        flat = " ".join(out.split())
        assert code == 0 and all(kind.value in flat for kind in SourceType), command
        if command != "claims":
            assert all(kind in flat for kind in event_types()), command


def test_every_commands_help_shows_plain_metavars_not_python_types() -> None:
    """`PATH...` and `--workers N`, as shell tools write them, not `{PATH}...`,
    `PATH <list[str]>` or `--workers <int>`."""
    commands = [command.name for command in app.registered_commands]
    assert {"ingest", "read", "control", "serve", "export"} <= set(commands)
    for command in commands:
        code, out, _ = invoke(str(command), "--help")
        assert code == 0, command
        assert not re.findall(r"<[a-z][^>]*>|\{[A-Za-z_]+\}", out), (command, out)
    assert "Usage: sitrep ingest [OPTIONS] PATH..." in invoke("ingest", "--help")[1]
    assert "Usage: sitrep control [OPTIONS] PLACE" in invoke("control", "--help")[1]


def test_library_queries_return_dataframes(db: str) -> None:
    events = sitrep.events(db)
    assert len(events) >= 1 and {"type", "date_start", "place"} <= set(events.columns)
    assert set(sitrep.events(db, event_type="ASSAULT")["type"]) == {"ASSAULT"}
    assert len(sitrep.claims(db, limit=1)) == 1
    assert len(sitrep.claims(db)) == len(
        json.loads(invoke("claims", "--db", db, "--all", "--format", "json")[1])
    )
    assert not sitrep.control("Homs", db=db).empty
    with pytest.raises(AttributeError):
        _ = sitrep.no_such_function  # type: ignore[attr-defined]
    # The lazily loaded API is listed, as a notebook's completion asks for it; the module's
    # own imports are not offered as API.
    public = {name for name in dir(sitrep) if not name.startswith("_")}
    assert {"events", "claims", "control", "ingest", "Settings"} <= public
    assert public == set(sitrep.__all__) - {"__version__"}


def test_library_dates_are_pandas_datetimes(db: str) -> None:
    events = sitrep.events(db)
    assert events["date_start"].dtype.kind == events["date_end"].dtype.kind == "M"
    records = json.loads(invoke("events", "--db", db, "--all", "--format", "json")[1])
    assert sorted(str(day.date()) for day in events["date_start"].dropna()) == sorted(
        r["date_start"] for r in records if r["date_start"]
    )
    published = sitrep.articles(db)["published"]
    assert published.dtype.kind == "M" and str(published.dt.tz) == "UTC"
    assert sitrep.control("Homs", db=db)["since"].dtype.kind == "M"


@pytest.fixture
def conflicts(tmp_path: Path) -> str:
    """A store of `contradiction_fixture`: Homs' control disputed, claims contradicted."""
    db = str(tmp_path / "conflicts.duckdb")
    store = open_store(db)
    try:
        store.write(contradiction_fixture())
    finally:
        store.close()
    return db


def test_contradictions_read_as_text_in_tables_and_csv(conflicts: str) -> None:
    """Each side of a contradiction is its own columns (status, text, source, outlet), as
    pandas' json_normalize names them, not a JSON record inside one cell."""
    db = conflicts
    records = json.loads(invoke("contradictions", "--db", db, "--all", "--format", "json")[1])
    code, out, _ = invoke("contradictions", "--db", db, "--all", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == len(records) >= 2
    assert [(r["claim.text"], r["contradiction.outlet"]) for r in rows] == [
        (c["claim"]["text"], c["contradiction"]["outlet"]) for c in records
    ]
    assert not any(cell.startswith(("{", "[")) for row in rows for cell in row.values())
    table = invoke("contradictions", "--db", db, "--all")[1]
    assert records[0]["claim"]["text"] in table and '"article_id"' not in table


def test_control_sides_read_as_text_in_tables_and_csv(conflicts: str) -> None:
    """A contested place's sides are one line of text ("Rebels: Wire; Army: ..."), not the
    claim records as JSON in a cell; json keeps the records."""
    ask = ("control", "Homs", "--db", conflicts, "--on", "2024-12-07")
    (record,) = json.loads(invoke(*ask, "--format", "json")[1])
    code, out, _ = invoke(*ask, "--format", "csv")
    (row,) = csv.DictReader(io.StringIO(out))
    sides = [
        f"{claim['holder'] or 'no holder named'}: {', '.join(claim['outlets'])}"
        for claim in record["claims"]
    ]
    assert code == 0 and record["contested"] and len(sides) >= 2
    assert row["claimed_by"] == "; ".join(sides) and "claims" not in row
    assert not any(cell.startswith(("{", "[")) for cell in row.values())
    table = invoke(*ask)[1]
    assert record["claims"][0]["outlets"][0] in table and '"outlets"' not in table


@pytest.fixture
def with_undated(tmp_path: Path) -> str:
    """A DuckDB file holding an attack on Homs and an undated protest."""
    db = str(tmp_path / "undated.duckdb")
    store = open_store(db)
    try:
        store.write([homs_attack(WIRE_STORY, outlet="Wire"), undated_protest()])
    finally:
        store.close()
    return db


def test_export_says_how_many_undated_events_it_left_out(with_undated: str) -> None:
    db = with_undated
    code, out, err = invoke("export", "--db", db, "--format", "csv-acled")
    assert code == 0 and len(list(csv.DictReader(io.StringIO(out)))) == 1
    assert "left out 1 undated events" in err and "exported 1 events" in err
    code, out, err = invoke("export", "--db", db, "--format", "jsonl")
    assert len(out.splitlines()) == 2 and "left out" not in err


def test_quiet_prints_the_output_and_errors_only(with_undated: str, tmp_path: Path) -> None:
    db = with_undated
    events = ("events", "--db", db, "--limit", "1", "--format", "csv")
    assert "showing 1 of 2 events" in invoke(*events)[2]
    for args in (events, ("export", "--db", db, "--format", "csv-acled")):
        code, out, err = invoke("-q", *args)
        assert code == 0 and len(list(csv.DictReader(io.StringIO(out)))) == 1 and err == ""
    code, _, err = invoke("-q", "events", "--db", str(tmp_path / "nope.duckdb"))
    assert code == 2 and err.startswith("error: no database at")


def test_control_of_a_country_says_when_more_places_match_and_takes_all(tmp_path: Path) -> None:
    """`control Syria` lists the places inside Syria, a page at a time like every query:
    no silent cut at --limit, and --all gives every place."""
    db = str(tmp_path / "held.duckdb")
    body = "TEST DATA. Rebels took Homs on Saturday. Rebels took Damascus on Sunday."
    item = article(body, outlet="Wire")
    rebels = add_actor(item, "Syrian rebels", mention="Rebels")
    for row, sentence in (
        (HOMS, "Rebels took Homs on Saturday."),
        (DAMASCUS, "Rebels took Damascus on Sunday."),
    ):
        add_control(item, sentence, add_place(item, row), rebels, "2024-12-07")
    store = open_store(db)
    try:
        store.write([item])
    finally:
        store.close()
    ask = ("control", "Syria", "--db", db, "--on", "2024-12-08", "--format", "csv")
    code, out, err = invoke(*ask, "--limit", "1")
    assert code == 0 and len(list(csv.DictReader(io.StringIO(out)))) == 1
    assert "raise --limit or use --all" in err
    code, out, err = invoke(*ask, "--limit", "1", "--all")
    places = [row["place"] for row in csv.DictReader(io.StringIO(out))]
    assert code == 0 and sorted(places) == ["Damascus", "Homs"] and not err


def test_control_answers_any_spelling_of_the_place(tmp_path: Path) -> None:
    """The sample page writes "Deir Ezzor"; GeoNames names it "Deir ez-Zor". Asked either
    way, or as "Dayr az Zawr", `control` answers for the one place; only an unknown name is
    an error."""
    db = str(tmp_path / "held.duckdb")
    body = "TEST DATA. Kurdish fighters took Deir Ezzor on Saturday."
    item = article(body, outlet="Wire")
    fighters = add_actor(item, "Kurdish fighters")
    deir = add_place(item, (170794, "Deir ez-Zor", 35.33588, 40.14084, "SY", "PPLA"))
    add_control(item, "Kurdish fighters took Deir Ezzor on Saturday.", deir, fighters, "2024-12-07")
    store = open_store(db)
    try:
        store.write([item])
    finally:
        store.close()
    for name in ("Deir Ezzor", "Deir ez-Zor", "Dayr az Zawr", "deir ezzor"):
        code, out, _ = invoke("control", name, "--db", db, "--on", "2024-12-08", "--format", "csv")
        rows = list(csv.DictReader(io.StringIO(out)))
        assert code == 0 and [(r["place"], r["holder"]) for r in rows] == [
            ("Deir ez-Zor", "Kurdish fighters")
        ], name


def test_library_integer_columns_with_gaps_stay_integers(tmp_path: Path) -> None:
    """A count known for one event and not another is pandas' nullable Int64 (12 and <NA>),
    not floats (12.0 and NaN), as a GeoNames id missing for an unresolved place is."""
    db = str(tmp_path / "counts.duckdb")
    counted = homs_attack(WIRE_STORY, outlet="Wire")
    counted.events[0].fatalities = 12
    store = open_store(db)
    try:
        store.write([counted, undated_protest()])
    finally:
        store.close()
    events = sitrep.events(db)
    assert len(events) == 2 and events["fatalities"].isna().sum() == 1
    assert str(events["fatalities"].dtype) == "Int64" and 12 in set(events["fatalities"].dropna())
    assert str(events["geonames_id"].dtype) == "Int64"
    assert events["reports"].dtype.kind == "i"


def test_library_control_returns_every_place_inside_a_country(tmp_path: Path) -> None:
    """No silent page: more places than one page of a query are all returned."""
    db = str(tmp_path / "many.duckdb")
    towns = [
        (9_000_000 + i, f"Testtown{i}", 34.0 + i / 1000, 36.0, "SY", "PPL") for i in range(105)
    ]
    body = "TEST DATA. " + " ".join(f"Rebels took {row[1]}." for row in towns)
    item = article(body, outlet="Wire")
    rebels = add_actor(item, "Syrian rebels", mention="Rebels")
    for row in towns:
        add_control(item, f"Rebels took {row[1]}.", add_place(item, row), rebels, "2024-12-07")
    store = open_store(db)
    try:
        store.write([item])
    finally:
        store.close()
    held = sitrep.control("Syria", on=date(2024, 12, 8), db=db)
    assert len(held) == len(towns)

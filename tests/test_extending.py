"""Extending sitrep as docs/extending.md says: the worked example (tests/sitrep_acme.py, an
event classifier, an export format and an input kind in one module) works through the CLI,
in the pool's worker processes and on Ray, registered in code (`--plugin`) or as an
installed package's entry points; and the registries and the stage order check on their own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest
from typer.testing import CliRunner

import sitrep.registry
from sitrep.cli import app as cli
from sitrep.registry import Registry, UnknownComponent
from sitrep.settings import Settings

TESTS = Path(__file__).resolve().parent
SRC = TESTS.parent / "src"
PLUGIN = "sitrep_acme"
CLASSIFIER = "acme.events.gatherings.v1"
GATHERING = (
    "Hundreds of people gathered in Damascus on Friday to demand the release of prisoners,"
    " witnesses said.\n\nThe crowd later marched to the central square, a local reporter said."
)
# The entry points an installed package would declare for the example.
ENTRY_POINTS = f"""\
[sitrep.classifiers]
{CLASSIFIER} = sitrep_acme:GatheringClassifier

[sitrep.exporters]
acme-brief-tsv = sitrep_acme:export_brief_tsv

[sitrep.readers]
acme-json = sitrep_acme:JSON_ARTICLE_READER
"""


@pytest.fixture(autouse=True)
def isolated_registries(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """What a test registers (importing the example registers three components) is gone
    after it, and the example registers again when next imported."""
    from sitrep.extract.event_classifier import CLASSIFIERS, forget_classifiers
    from sitrep.read.readers import READERS
    from sitrep.stages import STAGES
    from sitrep.store.export import EXPORTERS

    for registry in (CLASSIFIERS, READERS, STAGES, EXPORTERS):
        registry.names()  # built-ins and installed entry points first
        monkeypatch.setattr(registry, "_components", dict(registry._components))
    monkeypatch.delitem(sys.modules, PLUGIN, raising=False)
    yield
    forget_classifiers()


def write_pages(folder: Path) -> list[str]:
    """The report as a plain-text page and as the example's JSON input kind."""
    folder.mkdir(parents=True, exist_ok=True)
    text = folder / "gathering.txt"
    text.write_text(GATHERING, encoding="utf-8")
    document = folder / "gathering.json"
    document.write_text(json.dumps({"title": "A gathering", "body": GATHERING}), encoding="utf-8")
    return [str(text), str(document)]


def run_cli(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


# The registry and the stage order, on their own.


def test_a_registry_finds_what_is_registered_and_names_what_is_known() -> None:
    things: Registry[int] = Registry("thing", "sitrep.test-things")
    things.register("one", 1)

    @things.register("double")
    def double(value: int) -> int:
        return 2 * value

    assert things.get("one") == 1 and things.get("double") is double
    assert things.names() == ["double", "one"] and "one" in things
    with pytest.raises(UnknownComponent, match="no thing named 'two'; known: double, one"):
        things.get("two")


def test_installed_entry_points_register_and_cannot_replace_a_built_in(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    declared = [
        metadata.EntryPoint("acme-json", "sitrep_acme:JSON_ARTICLE_READER", "sitrep.readers"),
        metadata.EntryPoint("html", "sitrep_acme:JSON_ARTICLE_READER", "sitrep.readers"),
    ]

    def entry_points(*, group: str) -> list[metadata.EntryPoint]:
        return [point for point in declared if point.group == group]

    monkeypatch.setattr(sitrep.registry.metadata, "entry_points", entry_points)
    readers: Registry[object] = Registry("input kind", "sitrep.readers")
    readers.register("html", "built-in")
    assert readers.names() == ["acme-json", "html"]
    assert type(readers.get("acme-json")).__name__ == "JsonArticleReader"
    assert readers.get("html") == "built-in"


def test_the_pipeline_is_checked_when_built() -> None:
    from sitrep.stages import PipelineOrderError, build_pipeline

    default = build_pipeline(Settings())
    assert [stage.name for stage in default.stages] == list(Settings().stages)
    with pytest.raises(PipelineOrderError, match=r"'actors' needs 'places'.*runs after it"):
        build_pipeline(Settings(stages=("sentences", "actors", "places")))
    with pytest.raises(PipelineOrderError, match=r"'events' needs .*'claims' is filled by claims"):
        build_pipeline(Settings(stages=("sentences", "places", "actors", "events")))
    with pytest.raises(UnknownComponent, match="no stage named 'nope'"):
        build_pipeline(Settings(stages=("sentences", "nope")))


def test_settings_pickle_and_the_cli_answers_a_wrong_name_with_the_known_ones(
    tmp_path: Path,
) -> None:
    import pickle

    settings = Settings(classifier=CLASSIFIER, plugins=(PLUGIN,))
    assert pickle.loads(pickle.dumps(settings)) == settings
    [page, _] = write_pages(tmp_path)
    result = CliRunner().invoke(cli, ["read", page, "--extract", "--classifier", "nope.v1"])
    assert result.exit_code == 2
    assert "no event classifier named 'nope.v1'" in result.output
    assert "sitrep.events.lexicon.v1" in result.output
    result = CliRunner().invoke(cli, ["read", page, "--stages", "actors,places"])
    assert result.exit_code == 2 and "'actors' needs 'places'" in result.output
    result = CliRunner().invoke(
        cli, ["ingest", page, "--db", str(tmp_path / "x.duckdb"), "--model", "xx_nope"]
    )
    assert result.exit_code == 2 and "no spaCy model 'xx_nope'" in result.output


# The worked example through the CLI.


def test_the_cli_lists_the_components_a_plugin_adds() -> None:
    listed = run_cli("components").splitlines()
    assert "  actors: places -> actors, references" in listed and "  csv-acled" in listed
    assert "  acme-json" not in listed
    listed = run_cli("components", "--plugin", PLUGIN).splitlines()
    assert {f"  {CLASSIFIER}", "  acme-brief-tsv", "  acme-json"} <= set(listed)


def test_the_example_input_kind_reads_through_the_cli(tmp_path: Path) -> None:
    text, document = write_pages(tmp_path)
    lines = run_cli("read", text, document, "--format", "jsonl")
    plain = [json.loads(line) for line in lines.splitlines()]
    assert [article["input_kind"] for article in plain] == ["text", "text"]
    assert '"body"' in plain[1]["body"], "without the plugin, the JSON is read as text"
    lines = run_cli("read", text, document, "--format", "jsonl", "--plugin", PLUGIN)
    read = [json.loads(line) for line in lines.splitlines()]
    assert [article["input_kind"] for article in read] == ["text", "acme-json"]
    assert read[1]["title"] == "A gathering"
    assert read[1]["body"] == GATHERING


def test_the_example_export_format_writes_through_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(TESTS / "serve"))
    from small_article import build_article

    from sitrep.store import open_store

    db = str(tmp_path / "events.duckdb")
    store = open_store(db)
    store.write([build_article()])
    store.close()
    lines = run_cli("export", "--format", "acme-brief-tsv", "--plugin", PLUGIN, "--db", db)
    rows = [line.split("\t") for line in lines.splitlines()]
    assert rows and all(len(row) == 3 for row in rows)
    assert ["ASSAULT", "Homs"] in [row[1:] for row in rows]


@pytest.mark.slow
def test_the_example_classifier_replaces_the_lexicon_through_the_cli(tmp_path: Path) -> None:
    [page, _] = write_pages(tmp_path)

    def triggers(*options: str) -> list[str]:
        [article] = run_cli("read", page, "--extract", "--format", "jsonl", *options).splitlines()
        return [event["trigger"] for event in json.loads(article)["events"]]

    assert triggers("--classifier", CLASSIFIER, "--plugin", PLUGIN) == ["gathered", "marched"]
    assert triggers() != ["gathered", "marched"]


def exported_after_ingest(tmp_path: Path, *options: str) -> list[list[str]]:
    """Ingest both pages with the example classifier, then export with the example format."""
    db = str(tmp_path / "gatherings.duckdb")
    pages = write_pages(tmp_path / "pages")
    plugin = ["--plugin", PLUGIN]
    run_cli("ingest", *pages, "--db", db, "--classifier", CLASSIFIER, *plugin, *options)
    lines = run_cli("export", "--format", "acme-brief-tsv", *plugin, "--db", db)
    return sorted(line.split("\t")[1:] for line in lines.splitlines())


def stored_kinds(db: Path) -> list[str]:
    import sitrep

    return sorted(sitrep.articles(db=str(db))["input_kind"])


@pytest.mark.slow
def test_the_example_reaches_the_pool_workers_through_the_cli(tmp_path: Path) -> None:
    rows = exported_after_ingest(tmp_path, "--workers", "2", "--batch-size", "1")
    assert [row[0] for row in rows] == ["PROTEST"] * len(rows) and rows
    assert stored_kinds(tmp_path / "gatherings.duckdb") == ["acme-json", "text"]


@pytest.mark.slow
@pytest.mark.ray
def test_the_example_reaches_the_ray_actors_through_the_cli(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    on_ray = exported_after_ingest(tmp_path / "ray", "--engine", "ray", "--workers", "2")
    in_process = exported_after_ingest(tmp_path / "local")
    assert on_ray == in_process and [row[0] for row in on_ray] == ["PROTEST"] * len(on_ray)
    assert stored_kinds(tmp_path / "ray" / "gatherings.duckdb") == ["acme-json", "text"]


@pytest.mark.slow
def test_the_example_installed_as_entry_points_needs_no_flag(tmp_path: Path) -> None:
    """A package declaring the three entry points, installed (a dist-info folder on the
    path), in a fresh process whose pool workers find them too."""
    dist_info = tmp_path / "site" / "sitrep_acme-0.1.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: sitrep-acme\nVersion: 0.1\n")
    (dist_info / "entry_points.txt").write_text(ENTRY_POINTS)
    pages = write_pages(tmp_path / "pages")
    db = str(tmp_path / "installed.duckdb")
    path = os.pathsep.join([str(tmp_path / "site"), str(TESTS), str(SRC)])
    environment = os.environ | {"PYTHONPATH": path}

    def sitrep_cli(*args: str) -> str:
        command = [sys.executable, "-c", "from sitrep.cli import main; main()", *args]
        done = subprocess.run(command, env=environment, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout

    sitrep_cli("ingest", *pages, "--db", db, "--workers", "2", "--classifier", CLASSIFIER)
    lines = sitrep_cli("export", "--format", "acme-brief-tsv", "--db", db).splitlines()
    assert lines and all(line.split("\t")[1] == "PROTEST" for line in lines)
    assert stored_kinds(Path(db)) == ["acme-json", "text"]

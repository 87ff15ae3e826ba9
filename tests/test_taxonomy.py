"""The event taxonomy: every file that names a type is checked against it when read."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep import lexicon, taxonomy
from sitrep.extract import event_lexicon
from sitrep.extract.event_model import NONE, event_models

# The 16 event types of PLOVER 2.0 (Open Event Data Alliance codebook).
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
COPIED = (
    "events/taxonomy.tsv",
    "events/acled.tsv",
    "events/cameo.tsv",
    "en/events/triggers.tsv",
    "en/events/reversals.tsv",
    "store/acled_disorder.tsv",
)
CACHED = (
    lexicon.words,
    lexicon.rows,
    lexicon.mapping,
    lexicon.table,
    lexicon.numbered_table,
    taxonomy.event_types,
    taxonomy.disorder_types,
    taxonomy.acled_entries,
    taxonomy.cameo_codes,
    event_lexicon.triggers,
    event_lexicon.reversals,
)


def _clear() -> None:
    for loader in CACHED:
        loader.cache_clear()


@pytest.fixture
def knowledge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the shipped files that name types, read instead of the real ones."""
    for relative in COPIED:
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(lexicon.KNOWLEDGE_DIR / relative, tmp_path / relative)
    monkeypatch.setattr("sitrep.lexicon.KNOWLEDGE_DIR", tmp_path)
    _clear()
    yield tmp_path
    _clear()


def _replace(path: Path, old: str, new: str) -> int:
    """Replaces the first line starting with `old`'s text; returns that line's number."""
    lines = path.read_text().splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith(old))
    lines[number] = lines[number].replace(old, new, 1)
    path.write_text("\n".join(lines) + "\n")
    return number + 1


def test_taxonomy_holds_the_plover_types_with_their_codes() -> None:
    types = taxonomy.event_types()
    assert set(types) == PLOVER_TYPES
    assert types["ASSAULT"].quad_class == 4 and types["ASSAULT"].cameo_root == "18"
    assert types["AGREE"].goldstein == 4.0
    assert (types["PROTEST"].acled_type, types["PROTEST"].acled_subtype) == (
        "Protests",
        "Peaceful protest",
    )
    assert types["ACCUSE"].acled_type is None


def test_taxonomy_every_type_named_elsewhere_exists() -> None:
    known = set(taxonomy.event_types())
    trigger_types = {entry.type for rows in event_lexicon.triggers().values() for entry in rows}
    assert trigger_types - {event_lexicon.NO_EVENT} <= known
    assert len(trigger_types) > 10  # the check above ran over the real lexicon
    for stops in event_lexicon.reversals().values():
        assert set(stops.values()) <= known
        assert set(stops) <= known | {event_lexicon.ANY}
    assert {entry.type for entry in taxonomy.acled_entries()} <= known
    assert set(event_models().typer.classes) - {NONE} <= known


def test_taxonomy_acled_mapping_falls_back_to_the_types_own_codes() -> None:
    assert taxonomy.acled_mapping("ASSAULT", "aerial", None) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert taxonomy.acled_mapping("ASSAULT", "territory", "police") == ("Battles", "Armed clash")
    assert taxonomy.acled_mapping("RETREAT", None, None) == (None, None)
    assert taxonomy.acled_mapping("NOT_A_TYPE", None, None) == (None, None)


def test_taxonomy_unknown_trigger_type_names_file_and_line(knowledge: Path) -> None:
    line = _replace(
        knowledge / "en/events/triggers.tsv", "truce\tNOUN\t\t\tAGREE", "truce\tNOUN\t\t\tAGRE"
    )
    with pytest.raises(
        taxonomy.TaxonomyError, match=rf"knowledge/en/events/triggers\.tsv line {line}: .*'AGRE'"
    ):
        event_lexicon.triggers()


def test_taxonomy_unknown_reversal_type_names_file_and_line(knowledge: Path) -> None:
    line = _replace(knowledge / "en/events/reversals.tsv", "halt\t\tAID\t", "halt\t\tAIDS\t")
    with pytest.raises(
        taxonomy.TaxonomyError, match=rf"knowledge/en/events/reversals\.tsv line {line}: .*'AIDS'"
    ):
        event_lexicon.reversals()


def test_taxonomy_unknown_acled_type_names_file_and_line(knowledge: Path) -> None:
    line = _replace(knowledge / "events/acled.tsv", "PROTEST\triot", "PROTESTS\triot")
    with pytest.raises(
        taxonomy.TaxonomyError, match=rf"events/acled\.tsv line {line}: .*'PROTESTS'"
    ):
        taxonomy.acled_entries()


def test_taxonomy_refuses_a_second_copy_of_a_types_acled_codes(knowledge: Path) -> None:
    with (knowledge / "events/acled.tsv").open("a") as table:
        table.write("AGREE\t*\t*\tStrategic developments\tAgreement\n")
    with pytest.raises(taxonomy.TaxonomyError, match=r"acled\.tsv line \d+: .*taxonomy\.tsv"):
        taxonomy.acled_entries()


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ("#be0032", "red", "not written #rrggbb"),
        ("#be0032", "#be003", "not written #rrggbb"),
        ("#be0032", "#2ca02c", "AGREE's colour"),
        ("\t4\t18\t", "\t5\t18\t", "quad_class"),
        ("\t18\t-9.0\t", "\t18\t-90\t", "goldstein"),
        ("\tBattles\t", "\tBattle\t", "'Battle' is not in knowledge/store/acled_disorder.tsv"),
        ("ASSAULT\t", "AGREE\t", "listed twice"),
    ],
)
def test_taxonomy_refuses_a_malformed_row(knowledge: Path, old: str, new: str, reason: str) -> None:
    path = knowledge / "events/taxonomy.tsv"
    lines = path.read_text().splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("ASSAULT\t"))
    lines[number] = lines[number].replace(old, new, 1)
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(
        taxonomy.TaxonomyError, match=rf"taxonomy\.tsv line {number + 1}: .*{reason}"
    ):
        taxonomy.event_types()


def _cameo(event_type: str, mode: str | None) -> taxonomy.CameoCode:
    found = taxonomy.cameo_code(event_type, mode)
    assert found is not None
    return found


def test_taxonomy_cameo_code_comes_from_type_and_mode() -> None:
    torture = taxonomy.cameo_code("ASSAULT", "torture")
    assert torture == taxonomy.CameoCode("1822", "182", "18", 4, True)
    # the mode moves the code, even under another root than the type's
    assert _cameo("ASSAULT", "firearms").root_code == "19"
    assert _cameo("CONSULT", "phone").code == "041"
    assert _cameo("CONSULT", "visit").code == "042"
    assert _cameo("ACCUSE", "investigate").quad_class == 2
    # no mode, or one with no row: the type's root code, marked as not the mode's
    assert taxonomy.cameo_code("CONSULT", None) == taxonomy.CameoCode("040", "040", "04", 1, False)
    assert _cameo("ASSAULT", "execute").code == "180"
    assert taxonomy.cameo_code("NOT_A_TYPE", "visit") is None


def test_taxonomy_every_mode_the_lexicon_gives_has_a_cameo_code() -> None:
    modes = {
        (entry.type, entry.mode)
        for rows in event_lexicon.triggers().values()
        for entry in rows
        if entry.mode
    }
    assert len(modes) > 20
    assert modes <= set(taxonomy.cameo_codes())


def test_taxonomy_quad_class_of_a_root_agrees_with_every_type_row() -> None:
    for entry in taxonomy.event_types().values():
        assert taxonomy.quad_class(entry.cameo_root) == entry.quad_class


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ("ASSAULT\ttorture\t1822", "ASSAULT\ttorture\t21", "not a CAMEO code"),
        ("ASSAULT\ttorture\t1822", "ASSAULT\ttorture\t2122", "not a CAMEO code"),
        ("ASSAULT\ttorture", "ASSAULT\tbeat", "listed twice"),
        ("ASSAULT\ttorture", "ASSAULT\t", "for no mode"),
        ("ASSAULT\ttorture", "ASSAULTS\ttorture", "'ASSAULTS'"),
    ],
)
def test_taxonomy_refuses_a_malformed_cameo_row(
    knowledge: Path, old: str, new: str, reason: str
) -> None:
    line = _replace(knowledge / "events/cameo.tsv", old, new)
    with pytest.raises(taxonomy.TaxonomyError, match=rf"cameo\.tsv line {line}: .*{reason}"):
        taxonomy.cameo_codes()

"""Exports open in pandas with their published columns; the GeoJSON is structurally valid."""

from __future__ import annotations

import io
import json
from typing import Any

import pandas as pd
import pytest
from store_builders import (
    DAMASCUS,
    OTHER_STORY,
    WIRE_STORY,
    add_actor,
    add_event,
    add_place,
    article,
    homs_attack,
    undated_protest,
)

from sitrep.annotate.gazetteer import load_gazetteer
from sitrep.records import Article, EventStatus
from sitrep.store.api import QueryFilter
from sitrep.store.export import (
    ACLED_COLUMNS,
    GDELT_COLUMNS,
    READ_DTYPES,
    STATUS_COLUMN,
    ExportFormat,
    acled_region,
    acled_row,
    export,
    source_scale,
)
from sitrep.store.sql_store import SqlStore


@pytest.fixture
def filled(store: SqlStore) -> SqlStore:
    unplaced = homs_attack(OTHER_STORY + " Unplaced.", outlet="Elsewhere")
    unplaced.events[0].place_id = None
    store.write(
        [
            homs_attack(WIRE_STORY, outlet="Wire"),
            homs_attack(OTHER_STORY, outlet="Monitor"),
            unplaced,
        ]
    )
    return store


def exported(store: SqlStore, export_format: ExportFormat, *, everything: bool = False) -> str:
    output = io.StringIO()
    export(store, export_format, output, QueryFilter(), include_unasserted=everything)
    return output.getvalue()


@pytest.fixture
def with_proposal(filled: SqlStore) -> SqlStore:
    proposed = homs_attack(
        "TEST DATA. The envoy proposed that both sides stop fighting in Aleppo next week.",
        outlet="Envoy",
    )
    proposed.events[0].status = EventStatus.PROPOSED
    proposed.events[0].type = "REQUEST"
    filled.write([proposed])
    return filled


def test_export_gdelt_csv_has_published_columns(filled: SqlStore) -> None:
    frame = pd.read_csv(io.StringIO(exported(filled, ExportFormat.CSV_GDELT)))
    assert list(frame.columns) == [*GDELT_COLUMNS, STATUS_COLUMN] and len(GDELT_COLUMNS) == 61
    placed = frame[frame["ActionGeo_FullName"] == "Homs"].iloc[0]
    assert (placed["NumArticles"], placed["NumSources"], placed["QuadClass"]) == (2, 2, 4)
    assert placed["Day"] == 20241207 and placed["ActionGeo_CountryCode"] == "SY"
    assert placed["ActionGeo_Lat"] == pytest.approx(34.72682)
    # No mode: the type's root code.
    assert (placed["EventRootCode"], placed["EventCode"], placed["GoldsteinScale"]) == (18, 180, -9)
    assert placed[STATUS_COLUMN] == "asserted" and placed["Actor1Name"] == "SYRIAN REBELS"
    assert frame["GlobalEventID"].dtype.kind == "i" and frame["IsRootEvent"].dtype.kind == "i"
    # Homs is in the governorate GeoNames codes 11 (FIPS SY11, GDELT's code for Hims).
    assert placed["ActionGeo_ADM1Code"] == "SY11"
    # GDELT's FeatureID is text (a feature id, or a country's or division's code): the
    # file holds the id as written, never a float's "169577.0".
    text = pd.read_csv(io.StringIO(exported(filled, ExportFormat.CSV_GDELT)), dtype=str)
    assert set(text["ActionGeo_FeatureID"].dropna()) == {"169577"}


def test_gdelt_actor_codes_from_the_actors_country_and_sector(store: SqlStore) -> None:
    """An actor's country is stored as ISO alpha-3, which is CAMEO's country code: read as
    alpha-2 it was looked up in vain and every actor's country code came out blank."""
    item = homs_attack(WIRE_STORY, outlet="Wire")
    item.actors[0].country, item.actors[0].sector = "SYR", "rebel"
    store.write([item])
    for export_format, read in (
        (ExportFormat.CSV_GDELT, {}),
        (ExportFormat.TSV_GDELT, {"sep": "\t", "header": None, "names": GDELT_COLUMNS}),
    ):
        frame = pd.read_csv(
            io.StringIO(exported(store, export_format)), dtype=READ_DTYPES[export_format], **read
        )
        row = frame.iloc[0]
        assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == (
            "SYRREB",
            "SYR",
            "REB",
        )
        # Located at its country, as GDELT locates an actor it ties to no finer place.
        assert (row["Actor1Geo_Type"], row["Actor1Geo_FullName"]) == (1, "Syria")
        assert row["Actor1Geo_CountryCode"] == row["Actor1Geo_FeatureID"] == "SY"
        assert row["Actor1Geo_Lat"] == pytest.approx(35.0, abs=1.5)
        assert row["Actor1Geo_Long"] == pytest.approx(38.0, abs=1.5)
        assert row["Actor2Geo_Type"] == 0  # no target


@pytest.mark.parametrize(
    ("outlet", "url", "scale"),
    [
        ("Reuters", "https://www.reuters.com/world/", "International"),
        ("SANA", "https://sana.sy/en/?p=1", "National"),
        ("BBC", "https://www.bbc.co.uk/news/1", "International"),
        ("Fortune", "https://fortune.com/2024/12/07/", "International"),
        ("CNN", "https://edition.cnn.com/2024/12/07/", "International"),
        ("Startup", "https://news.example.io/a", ""),
        ("A blog", "https://someone.com/a", ""),
        ("A file", None, ""),
    ],
)
def test_acled_source_scale_from_the_outlets_reach(outlet: str, url: str, scale: str) -> None:
    assert source_scale([{"outlet": outlet, "url": url}], "SY") == scale


def test_acled_source_scale_of_an_outlet_at_home_is_national() -> None:
    assert source_scale([{"url": "https://www.nytimes.com/2024/a"}], "US") == "National"
    assert source_scale([{"url": "https://apnews.com/article/a"}], "US") == "International"


def test_acled_source_scale_joins_scales_in_acled_order() -> None:
    reports = [{"outlet": "BBC", "url": "https://bbc.co.uk/a"}, {"url": "http://sana.sy/b"}]
    assert source_scale(reports, "SY") == "National-International"
    assert source_scale(reports, None) == "International"


def test_export_raw_gdelt_is_61_tab_separated_columns_without_header(filled: SqlStore) -> None:
    text = exported(filled, ExportFormat.TSV_GDELT)
    assert all(line.count("\t") == 60 for line in text.splitlines())
    frame = pd.read_csv(io.StringIO(text), sep="\t", header=None, names=GDELT_COLUMNS)
    assert len(frame) == 2 and set(frame["EventRootCode"]) == {18}
    assert not str(frame.iloc[0]["GlobalEventID"]).startswith("Global")


def test_default_exports_hold_asserted_events_only(with_proposal: SqlStore) -> None:
    for export_format in (ExportFormat.JSONL, ExportFormat.CSV_GDELT, ExportFormat.CSV_ACLED):
        assert "Aleppo" not in exported(with_proposal, export_format), export_format
    everything = [
        json.loads(line)
        for line in exported(with_proposal, ExportFormat.JSONL, everything=True).splitlines()
    ]
    assert {event["status"] for event in everything} == {"asserted", "proposed"}
    acled = pd.read_csv(
        io.StringIO(exported(with_proposal, ExportFormat.CSV_ACLED, everything=True))
    )
    assert {tag.split(";")[0] for tag in acled["tags"]} == {
        "sitrep status: asserted",
        "sitrep status: proposed",
    }


def test_export_acled_csv_has_published_columns(filled: SqlStore) -> None:
    frame = pd.read_csv(io.StringIO(exported(filled, ExportFormat.CSV_ACLED)))
    assert list(frame.columns) == ACLED_COLUMNS
    placed = frame[frame["location"] == "Homs"].iloc[0]
    assert placed["event_date"] == "2024-12-07" and placed["country"] == "Syria"
    assert placed["disorder_type"] == "Political violence" and placed["iso"] == 760
    assert set(placed["source"].split("; ")) == {"Wire", "Monitor"}
    assert placed["event_id_cnty"].startswith("SYR") and placed["region"] == "Middle East"
    assert frame["fatalities"].dtype.kind == "i" and placed["time_precision"] == 1
    assert frame["event_id_cnty"].str.match(r"^[A-Z]{3}\d+$").all()
    governorate = next(e for e in load_gazetteer().lookup("Homs") if e.feature_code == "ADM1")
    assert placed["admin1"] == governorate.name  # the town's first-level division


def test_export_acled_fatalities_are_the_most_conservative_count(store: SqlStore) -> None:
    wire, monitor = homs_attack(WIRE_STORY, outlet="Wire"), homs_attack(OTHER_STORY, outlet="M")
    wire.events[0].fatalities, wire.events[0].injured = 12, None
    monitor.events[0].fatalities, monitor.events[0].injured = 9, 30
    store.write([wire])
    store.write([monitor])  # a stored event takes the later report's lower and new counts
    store.write([shelled_damascus()])
    frame = pd.read_csv(io.StringIO(exported(store, ExportFormat.CSV_ACLED)))
    placed = frame[frame["location"] == "Homs"].iloc[0]
    uncounted = frame[frame["location"] == "Damascus"].iloc[0]
    assert (placed["fatalities"], frame["fatalities"].dtype.kind) == (9, "i")
    assert "fatalities not reported" not in placed["tags"]
    assert uncounted["fatalities"] == 0 and "fatalities not reported" in uncounted["tags"]
    rows = [json.loads(line) for line in exported(store, ExportFormat.JSONL).splitlines()]
    assert sorted((r["fatalities"], r["injured"]) for r in rows if r["place"] == "Homs") == [
        (9, 30)
    ]


def shelled_damascus(event_type: str = "ASSAULT", actor: str | None = None) -> Article:
    """One event in Damascus on 7 December 2024, with no count of the dead, by `actor`."""
    sentence = "Shelling hit Damascus overnight."
    item = article(f"TEST DATA. {sentence}", outlet="Elsewhere")
    actor_id = add_actor(item, actor, mention=actor) if actor else None
    place = add_place(item, DAMASCUS)
    add_event(item, sentence, event_type, actor_id=actor_id, place_id=place, day="2024-12-07")
    return item


def test_acled_regions_cover_the_split_continents() -> None:
    assert acled_region("NG") == "Western Africa" and acled_region("SD") == "Northern Africa"
    assert acled_region("FR") == "Europe" and acled_region("FJ") == "Oceania"
    assert acled_region("MX") == "Central America" and acled_region(None) == ""


def test_export_jsonl_has_one_event_per_line(filled: SqlStore) -> None:
    lines = exported(filled, ExportFormat.JSONL).splitlines()
    events = [json.loads(line) for line in lines]
    assert len(events) == 2 and all(event["evidence"] for event in events)


def check_geojson(document: dict[str, Any]) -> list[str]:
    """Structural problems in a GeoJSON FeatureCollection of points (RFC 7946), if any."""
    problems = []
    if document.get("type") != "FeatureCollection" or not isinstance(
        document.get("features"), list
    ):
        return ["not a FeatureCollection with a features list"]
    for index, feature in enumerate(document["features"]):
        geometry = feature.get("geometry") or {}
        coordinates = geometry.get("coordinates")
        if feature.get("type") != "Feature" or not isinstance(feature.get("properties"), dict):
            problems.append(f"{index}: not a Feature with properties")
        if (
            geometry.get("type") != "Point"
            or not isinstance(coordinates, list)
            or len(coordinates) != 2
        ):
            problems.append(f"{index}: geometry is not a Point")
            continue
        longitude, latitude = coordinates
        if not (-180 <= longitude <= 180 and -90 <= latitude <= 90):
            problems.append(f"{index}: coordinates out of range")
    return problems


def test_export_geojson_is_valid_and_never_invents_a_place(filled: SqlStore) -> None:
    document = json.loads(exported(filled, ExportFormat.GEOJSON))
    assert check_geojson(document) == []
    (feature,) = document["features"]  # the unplaced event has no point
    assert feature["geometry"]["coordinates"] == [pytest.approx(36.72339), pytest.approx(34.72682)]
    assert feature["properties"]["place"] == "Homs"


def test_export_geojson_check_catches_broken_documents() -> None:
    broken = {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": None}]}
    assert check_geojson(broken) and check_geojson({"type": "Feature"})


def test_export_acled_admin2_is_the_division_a_town_lies_in() -> None:
    def town(geonames_id: int, name: str, country: str) -> dict[str, Any]:
        return {
            "id": "ab" * 12,
            "date_start": "2024-12-07",
            "evidence": [],
            "geonames_id": geonames_id,
            "place": name,
            "place_country": country,
            "location_precision": "city",
        }

    lyon = acled_row(town(2996944, "Lyon", "FR"))
    assert (lyon["admin1"], lyon["admin2"]) == ("Auvergne-Rhône-Alpes", "Rhône")
    # Where the gazetteer places a town in no second-level division, admin2 stays empty,
    # and admin3 always does (no shipped table places a town in a third-level one).
    homs = acled_row(town(169577, "Homs", "SY"))
    assert homs["admin1"] and homs["admin2"] == ""
    assert not lyon.get("admin3") and not homs.get("admin3")


@pytest.fixture
def coded(store: SqlStore) -> SqlStore:
    """An ASSAULT by small arms (CAMEO 193, under root 19, not ASSAULT's 18) and a phone
    call (CAMEO 041: a code with a leading zero)."""
    fight = homs_attack(WIRE_STORY, outlet="Wire")
    fight.events[0].mode = "firearms"
    call = homs_attack(OTHER_STORY, outlet="Monitor")
    call.events[0].type, call.events[0].mode = "CONSULT", "phone"
    store.write([fight, call])
    return store


def test_gdelt_cameo_codes_come_from_the_type_and_mode(coded: SqlStore) -> None:
    frame = pd.read_csv(
        io.StringIO(exported(coded, ExportFormat.CSV_GDELT)),
        dtype=READ_DTYPES[ExportFormat.CSV_GDELT],
    )
    codes = {
        (row.EventCode, row.EventBaseCode, row.EventRootCode, row.QuadClass, row.GoldsteinScale)
        for row in frame.itertuples()
    }
    assert codes == {("193", "193", "19", 4, -9.0), ("041", "041", "04", 1, 1.0)}
    raw = pd.read_csv(
        io.StringIO(exported(coded, ExportFormat.TSV_GDELT)),
        sep="\t",
        header=None,
        names=GDELT_COLUMNS,
        dtype=READ_DTYPES[ExportFormat.TSV_GDELT],
    )
    assert set(raw["EventRootCode"]) == {"19", "04"}
    rows = [json.loads(line) for line in exported(coded, ExportFormat.JSONL).splitlines()]
    assert {(r["cameo_code"], r["cameo_root"], r["codes_derived_from"]) for r in rows} == {
        ("193", "19", "plover_type_mode"),
        ("041", "04", "plover_type_mode"),
    }


@pytest.fixture
def with_undated(filled: SqlStore) -> SqlStore:
    """`filled` (one event placed in Homs, one unplaced) and an undated event."""
    filled.write([undated_protest()])
    return filled


def test_tabular_exports_leave_undated_events_out_and_say_so(
    with_undated: SqlStore, caplog: pytest.LogCaptureFixture
) -> None:
    rows = [json.loads(line) for line in exported(with_undated, ExportFormat.JSONL).splitlines()]
    assert sorted(str(r["date_start"]) for r in rows) == ["2024-12-07", "2024-12-07", "None"]
    # ACLED leaves out the unplaced event too (a row needs its country).
    for export_format, rows in ((ExportFormat.CSV_ACLED, 1), (ExportFormat.CSV_GDELT, 2)):
        caplog.clear()
        # A plain read: with every row dated, the year is an integer column.
        frame = pd.read_csv(io.StringIO(exported(with_undated, export_format)))
        year = "year" if export_format is ExportFormat.CSV_ACLED else "Year"
        assert len(frame) == rows and frame[year].dtype.kind == "i"
        assert "left out 1 undated events" in caplog.text


def test_acled_export_reads_with_the_published_types(with_undated: SqlStore) -> None:
    frame = pd.read_csv(
        io.StringIO(exported(with_undated, ExportFormat.CSV_ACLED)),
        dtype=READ_DTYPES[ExportFormat.CSV_ACLED],
    )
    assert frame["event_date"].notna().all()
    integers = ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "fatalities")
    assert {column: frame[column].dtype.kind for column in integers} == dict.fromkeys(integers, "i")
    assert set(frame["iso"]) == {760}
    # No second actor: ACLED's inter2 0, and the actor's type alone as the interaction.
    assert set(frame["inter2"]) == {0}
    assert (frame["interaction"] == frame["inter1"] * 10).all()


def test_gdelt_export_reads_with_the_published_types(with_undated: SqlStore) -> None:
    frame = pd.read_csv(
        io.StringIO(exported(with_undated, ExportFormat.CSV_GDELT)),
        dtype=READ_DTYPES[ExportFormat.CSV_GDELT],
    )
    kinds = {column: frame[column].dtype.kind for column in frame.columns}
    integers = ("GlobalEventID", "Day", "Year", "QuadClass", "NumMentions", "Actor1Geo_Type")
    assert {column: kinds[column] for column in integers} == dict.fromkeys(integers, "i")
    assert kinds["GoldsteinScale"] == kinds["ActionGeo_Lat"] == "f"
    assert kinds["EventCode"] == kinds["ActionGeo_FeatureID"] == "O"
    assert set(frame["EventCode"]) == {"180"}
    # Plain reads too: the unplaced event's geo type is GDELT's 0, not a blank.
    plain = pd.read_csv(io.StringIO(exported(with_undated, ExportFormat.CSV_GDELT)))
    assert plain["ActionGeo_Type"].dtype.kind == "i" and set(plain["ActionGeo_Type"]) == {0, 4}


def test_acled_export_leaves_out_types_acled_codes_no_event_for(
    filled: SqlStore, caplog: pytest.LogCaptureFixture
) -> None:
    request = homs_attack(
        "TEST DATA. The envoy urged both sides in Homs to stop the fighting at once.",
        outlet="Envoy",
    )
    request.events[0].type = "REQUEST"
    request.events[0].acled_type = request.events[0].acled_subtype = None
    filled.write([request])
    frame = pd.read_csv(
        io.StringIO(exported(filled, ExportFormat.CSV_ACLED)),
        dtype=READ_DTYPES[ExportFormat.CSV_ACLED],
    )
    # Every row is an event ACLED codes: none without an event type or disorder type.
    assert frame["event_type"].notna().all() and frame["disorder_type"].notna().all()
    assert "left out 1 events of types ACLED codes no event for (REQUEST 1)" in caplog.text
    assert "urged" not in " ".join(frame["notes"])
    # The GDELT shape codes every type (CAMEO 010-200) and keeps it.
    gdelt = pd.read_csv(io.StringIO(exported(filled, ExportFormat.CSV_GDELT)))
    assert len(gdelt) == len(frame) + 2  # the request, and the event placed in no country


def test_acled_export_leaves_out_events_placed_in_no_country(
    filled: SqlStore, caplog: pytest.LogCaptureFixture
) -> None:
    text = exported(filled, ExportFormat.CSV_ACLED)
    assert "left out 1 events placed in no country" in caplog.text
    # A plain read: every row has its country, so the columns ACLED always fills are integers.
    frame = pd.read_csv(io.StringIO(text))
    assert list(frame["location"]) == ["Homs"] and frame["country"].notna().all()
    assert {c: frame[c].dtype.kind for c in ("iso", "geo_precision")} == {
        "iso": "i",
        "geo_precision": "i",
    }
    assert frame["event_id_cnty"].str.startswith("SYR").all()
    # The GDELT shape and JSON lines keep it.
    assert len(pd.read_csv(io.StringIO(exported(filled, ExportFormat.CSV_GDELT)))) == 2


@pytest.mark.parametrize(
    ("acled_type", "actor1", "inter1"),
    [("Protests", "Protesters (Syria)", 6), ("Riots", "Rioters (Syria)", 5)],
)
def test_acled_demonstrators_are_actor1_with_the_group_associated(
    store: SqlStore, acled_type: str, actor1: str, inter1: int
) -> None:
    item = shelled_damascus("PROTEST", actor="students")
    item.actors[0].sector = "civilians"  # ACLED's 7 as a group; as demonstrators they are 6
    item.events[0].acled_type, item.events[0].acled_subtype = acled_type, "Peaceful protest"
    store.write([item])
    row = pd.read_csv(io.StringIO(exported(store, ExportFormat.CSV_ACLED))).iloc[0]
    assert (row["actor1"], row["assoc_actor_1"], row["inter1"]) == (actor1, "students", inter1)
    assert (row["inter2"], row["interaction"]) == (0, inter1 * 10)


@pytest.mark.parametrize(
    ("export_format", "columns"),
    [(ExportFormat.CSV_ACLED, ACLED_COLUMNS), (ExportFormat.CSV_GDELT, GDELT_COLUMNS)],
)
def test_every_exported_column_has_a_read_type_and_blank_text_stays_text(
    filled: SqlStore, export_format: ExportFormat, columns: list[str]
) -> None:
    assert set(columns) <= set(READ_DTYPES[export_format])
    frame = pd.read_csv(
        io.StringIO(exported(filled, export_format)), dtype=READ_DTYPES[export_format]
    )
    # Columns sitrep leaves blank (ACLED assoc_actor_1, civilian_targeting, admin3; GDELT's
    # ethnic and religion codes) are text columns, never floats of NaN.
    floats = {c for c in frame.columns if frame[c].dtype.kind == "f"}
    assert floats <= {
        "latitude", "longitude", "FractionDate", "GoldsteinScale", "AvgTone",
        "Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat", "Actor2Geo_Long",
        "ActionGeo_Lat", "ActionGeo_Long",
    }  # fmt: skip
    assert (
        frame["assoc_actor_1" if export_format is ExportFormat.CSV_ACLED else "Actor1EthnicCode"]
        .isna()
        .all()
    )

"""Merge rules: poorer modes never erase, present keys overwrite, older objects are skipped."""

import copy
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from ingest.files import ingest_file
from store.tables import metadata
from tests.conftest import SAMPLES
from tests.ingest.helpers import seed, write_page
from tests.schema.helpers import load_json

DETAILED_ONLY_FLIGHT_KEYS = ("launch_crew", "onboard_crew", "landing_crew", "docking_events")
DETAILED_ONLY_CONFIG_KEYS = ("capability", "history", "details", "maiden_flight", "wiki_link")


async def column(engine: AsyncEngine, table: str, name: str, key: object) -> object:
    t = metadata.tables[table]
    async with engine.connect() as conn:
        return await conn.scalar(select(t.c[name]).where(t.c.id == key))


def normal_mode(flight: dict) -> dict:
    """The seed as LL2's normal mode would give it: detailed-only keys dropped."""
    poorer = copy.deepcopy(flight)
    for key in DETAILED_ONLY_FLIGHT_KEYS:
        del poorer[key]
    config = poorer["spacecraft"]["spacecraft_config"]
    for key in DETAILED_ONLY_CONFIG_KEYS:
        del config[key]
    config["response_mode"] = "normal"
    poorer["response_mode"] = "normal"
    return poorer


async def test_a_normal_object_after_a_detailed_one_keeps_the_detailed_values(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    detailed = seed()
    assert (await ingest_file(engine, write_page(tmp_path / "a.json", [detailed]))).ok
    poorer = normal_mode(detailed)
    poorer["destination"] = "Geostationary Orbit"
    assert (await ingest_file(engine, write_page(tmp_path / "b.json", [poorer]))).ok

    assert await column(engine, "spacecraft_flights", "destination", 859) == "Geostationary Orbit"
    config = detailed["spacecraft"]["spacecraft_config"]
    for key in ("capability", "history", "details", "wiki_link"):
        assert await column(engine, "spacecraft_configurations", key, 31) == config[key]


async def test_a_present_null_overwrites(engine: AsyncEngine, tmp_path: Path) -> None:
    flight = seed()
    assert (await ingest_file(engine, write_page(tmp_path / "a.json", [flight]))).ok
    flight["destination"] = None
    flight["spacecraft"]["spacecraft_config"]["capability"] = None
    assert (await ingest_file(engine, write_page(tmp_path / "b.json", [flight]))).ok
    assert await column(engine, "spacecraft_flights", "destination", 859) is None
    assert await column(engine, "spacecraft_configurations", "capability", 31) is None


async def test_an_older_launch_is_skipped_and_a_newer_one_applied(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    flight = seed()
    launch_id = flight["launch"]["id"]
    assert (await ingest_file(engine, write_page(tmp_path / "a.json", [flight]))).ok

    older = copy.deepcopy(flight)
    older["launch"]["last_updated"] = "2023-01-01T00:00:00Z"
    older["launch"]["name"] = "stale name"
    result = await ingest_file(engine, write_page(tmp_path / "b.json", [older]))
    assert result.ok
    assert result.counts["launches"]["skipped"] == 1
    assert await column(engine, "launches", "name", launch_id) == flight["launch"]["name"]

    newer = copy.deepcopy(flight)
    newer["launch"]["last_updated"] = "2024-06-01T00:00:00Z"
    newer["launch"]["name"] = "fresh name"
    result = await ingest_file(engine, write_page(tmp_path / "c.json", [newer]))
    assert result.counts["launches"]["updated"] == 1
    assert await column(engine, "launches", "name", launch_id) == "fresh name"


async def test_crew_seats_no_longer_listed_are_removed(engine: AsyncEngine, tmp_path: Path) -> None:
    flight = seed()
    seat = {
        "id": 77001,
        "role": {"id": 1, "role": "Commander", "priority": 0},
        "astronaut": {
            "id": 88001,
            "url": "https://ll.thespacedevs.com/2.3.0/astronauts/88001/",
            "name": "Zhāng Wěi",
            "status": {"id": 1, "name": "Active"},
            "agency": None,
            "image": None,
        },
    }
    flight["launch_crew"] = [seat, {**seat, "id": 77002}]
    assert (await ingest_file(engine, write_page(tmp_path / "a.json", [flight]))).ok
    flight["launch_crew"] = [{**seat, "id": 77002}]
    assert (await ingest_file(engine, write_page(tmp_path / "b.json", [flight]))).ok

    seats = metadata.tables["astronaut_flights"]
    async with engine.connect() as conn:
        rows = (await conn.execute(select(seats.c.id, seats.c.crew, seats.c.flight_id))).all()
    assert [tuple(r) for r in rows] == [(77002, "launch", 859)]
    assert await column(engine, "astronauts", "name", 88001) == "Zhāng Wěi"


async def test_changes_name_inserted_and_updated_rows_by_table(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    heard: list[dict] = []

    async def notify(changes: dict) -> None:
        heard.append(changes)

    flight = seed()
    assert (await ingest_file(engine, write_page(tmp_path / "a.json", [flight]), notify=notify)).ok
    assert heard[0]["spacecraft_flights"] == [859]
    assert flight["launch"]["id"] in heard[0]["launches"]
    assert all(type(table) is str for table in heard[0])  # JSON-encodable keys

    flight["destination"] = "Mars"
    assert (await ingest_file(engine, write_page(tmp_path / "b.json", [flight]), notify=notify)).ok
    assert heard[1] == {"spacecraft_flights": [859]}


def as_2_2_0(agency: dict) -> dict:
    """The agency as an older API's capture: a 2.2.0 URL, some values of its own."""
    older = {k: v for k, v in agency.items() if k not in ("launcher_list", "spacecraft_list")}
    older["url"] = older["url"].replace("/2.3.0/", "/2.2.0/")
    older["administrator"] = "Administrator: an older one"
    older["total_launch_count"] = 1
    older["founding_year"] = "1958"  # 2.2.0 gave it as text
    return older


@pytest.mark.parametrize("older_first", [True, False], ids=["2.2.0 first", "2.3.0 first"])
async def test_an_older_api_versions_capture_never_overwrites_a_newer_ones(
    engine: AsyncEngine, tmp_path: Path, older_first: bool
) -> None:
    """Agencies have no ``last_updated``: the API version decides, in either order."""
    newer = load_json(SAMPLES / "agencies" / "2.3.0_detailed_single_agency44-NASA_spacenerd.json")
    older = as_2_2_0(newer)
    pages = [write_page(tmp_path / "new.json", [newer]), write_page(tmp_path / "old.json", [older])]
    results = [await ingest_file(engine, page) for page in (pages[::-1] if older_first else pages)]
    assert all(result.ok for result in results)
    assert await column(engine, "agencies", "administrator", 44) == newer["administrator"]
    assert (
        await column(engine, "agencies", "total_launch_count", 44) == (newer["total_launch_count"])
    )
    assert await column(engine, "agencies", "api_version", 44) == 20300
    if not older_first:
        assert results[1].counts["agencies"]["skipped"] == 1


async def test_within_one_api_version_the_later_capture_wins(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    newer = load_json(SAMPLES / "agencies" / "2.3.0_detailed_single_agency44-NASA_spacenerd.json")
    changed = {**newer, "administrator": "Administrator: a later one"}
    for name, capture in (("a.json", newer), ("b.json", changed)):
        assert (await ingest_file(engine, write_page(tmp_path / name, [capture]))).ok
    assert await column(engine, "agencies", "administrator", 44) == "Administrator: a later one"


async def test_an_older_capture_still_fills_an_object_it_alone_has(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    newer = load_json(SAMPLES / "agencies" / "2.3.0_detailed_single_agency44-NASA_spacenerd.json")
    older = {
        **as_2_2_0(newer),
        "id": 999_044,
        "url": "https://ll.thespacedevs.com/2.2.0/agencies/999044/",
    }
    assert (await ingest_file(engine, write_page(tmp_path / "old.json", [older]))).ok
    assert await column(engine, "agencies", "founding_year", 999_044) == 1958  # converted
    assert await column(engine, "agencies", "api_version", 999_044) == 20200

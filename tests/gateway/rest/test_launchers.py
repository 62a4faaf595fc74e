"""LL2's boosters (``/2.3.0/launchers/``): a detailed booster and a launch that flew it
(built on real LL2 samples), read back leaf for leaf over REST in every mode (valid against
LL2's OpenAPI) and over GraphQL with the launches it flew, on both databases."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import SAMPLES, shared_file
from tests.gateway.rest.helpers import differences, rest_client, url_paths
from tests.gateway.rest.spec import violations
from tests.gateway.rest.test_events import project
from tests.schema.helpers import ingest, load_json, run

API = "https://ll.thespacedevs.com/2.3.0"
NASA = SAMPLES / "agencies" / "2.3.0_detailed_single_agency44-NASA_spacenerd.json"
SPUTNIK = SAMPLES / "launches" / "2.3.0_detailed_single_sputnik1_spacenerd.json"


def boosters() -> list[dict[str, Any]]:
    nasa, sputnik = load_json(shared_file(NASA)), load_json(shared_file(SPUTNIK))
    config = {**project(nasa["launcher_list"][0], "LauncherConfigList"), "response_mode": "list"}
    flown = {
        "response_mode": "detailed",
        "id": 900_100,
        "url": f"{API}/launchers/900100/",
        "flight_proven": True,
        "serial_number": "B1062<é>",
        "is_placeholder": False,
        "status": {"id": 1, "name": "Active"},
        "image": sputnik["image"],
        "details": "Flew 7 times <i>“Ünïcode”</i>; '); DROP TABLE launchers;--",
        "successful_landings": 5,
        "attempted_landings": 6,
        "flights": 7,
        "last_launch_date": "2024-02-03T04:05:06Z",
        "first_launch_date": "2020-11-05T23:24:23Z",
        "fastest_turnaround": "P27DT9H",
        "launcher_config": config,
    }
    spare = {
        **copy.deepcopy(flown),
        "id": 900_101,
        "url": f"{API}/launchers/900101/",
        "flight_proven": False,
        "serial_number": "B2000",
        "status": {"id": 3, "name": "Expended"},
        "details": None,
        "successful_landings": 0,
        "attempted_landings": 0,
        "flights": 1,
        "fastest_turnaround": None,
        "launcher_config": None,
    }
    return [flown, spare]


def launch_with_stage(booster: dict[str, Any]) -> dict[str, Any]:
    """The Sputnik launch, as if it had flown ``booster`` (LL2's FirstStageNormal)."""
    launch = load_json(shared_file(SPUTNIK))
    launch["rocket"]["launcher_stage"] = [
        {
            "id": 900_200,
            "type": "Core",
            "reused": True,
            "launcher_flight_number": 7,
            "launcher": {**project(booster, "LauncherNormal"), "response_mode": "normal"},
            "previous_flight_date": "2024-01-01T00:00:00Z",
            "turn_around_time": "P33DT4H5M6S",
            "landing": None,
            "previous_flight": None,
        }
    ]
    return launch


def write(path: Path, results: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps({"count": len(results), "next": None, "previous": None,
                                "results": results}))  # fmt: skip
    return path


@pytest.fixture
async def stored(engine: AsyncEngine, tmp_path: Path) -> list[dict[str, Any]]:
    given = boosters()
    await ingest(engine, [shared_file(NASA)])
    await ingest(engine, [write(tmp_path / "launch.json", [launch_with_stage(given[0])])])
    await ingest(engine, [write(tmp_path / "launchers.json", given)])
    return given


def assert_same(want: Any, got: Any) -> None:
    found = differences(url_paths(want), url_paths(got))
    assert not found, "\n".join(found[:40])


async def test_a_booster_comes_back_as_ll2_gave_it_in_every_mode(
    engine: AsyncEngine, stored: list[dict[str, Any]]
) -> None:
    async with rest_client(engine) as client:
        detail = (await client.get("/2.3.0/launchers/900100/")).json()
        assert_same(stored[0], detail)
        assert list(detail) == list(stored[0])
        assert violations("LauncherDetailed", detail) == []
        for mode, shape in (
            ("list", "LauncherMini"),
            ("normal", "LauncherNormal"),
            ("detailed", "LauncherDetailed"),
        ):
            body = (await client.get("/2.3.0/launchers/", params={"mode": mode})).json()
            assert body["count"] == 2
            for given, got in zip(stored, body["results"], strict=True):
                assert_same({**project(given, shape), "response_mode": mode}, got)
                assert violations(shape, got) == []


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("serial_number__contains=b106", [900_100]),
        ("flights__gte=2", [900_100]),
        ("flight_proven=false", [900_101]),
        ("status=3", [900_101]),
        ("search=expended", [900_101]),
        ("ordering=-flights", [900_100, 900_101]),
        ("ordering=flights", [900_101, 900_100]),
    ],
)
async def test_ll2s_booster_filters(
    engine: AsyncEngine, stored: list[dict[str, Any]], query: str, ids: list[int]
) -> None:
    async with rest_client(engine) as client:
        body = (await client.get(f"/2.3.0/launchers/?{query}")).json()
    assert [r["id"] for r in body["results"]] == ids


async def test_a_booster_over_graphql_with_the_launches_it_flew(
    engine: AsyncEngine, stored: list[dict[str, Any]]
) -> None:
    config_id = stored[0]["launcher_config"]["id"]
    data = await run(
        engine,
        """query($config: Int) {
          launcher(ll2Id: 900100) { serialNumber flights launcherConfig { ll2Id }
            stages { ll2Id launcherFlightNumber turnAroundTime launch { name } } }
          byConfig: launchers(filter: { launcherConfigWhere: { ll2Id: { eq: $config } } }) {
            nodes { ll2Id } }
          active: launchers(filter: { statusWhere: { name: { eq: "Active" } } }) {
            nodes { ll2Id } }
        }""",
        config=config_id,
    )
    launcher = data["launcher"]
    assert launcher["serialNumber"] == stored[0]["serial_number"]
    assert launcher["launcherConfig"] == {"ll2Id": config_id}
    assert launcher["stages"] == [
        {
            "ll2Id": 900_200,
            "launcherFlightNumber": 7,
            "turnAroundTime": "P33DT4H5M6S",
            "launch": {"name": load_json(shared_file(SPUTNIK))["name"]},
        }
    ]
    assert data["byConfig"]["nodes"] == [{"ll2Id": 900_100}]
    assert data["active"]["nodes"] == [{"ll2Id": 900_100}]

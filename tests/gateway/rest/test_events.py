"""LL2's events (``/2.3.0/events/``, ``upcoming``, ``previous``): ingested in the detailed
shape LL2's OpenAPI gives them, with nested agencies, launches, expeditions, stations,
programs and astronauts taken from real LL2 samples, and read back leaf for leaf over REST
(every mode, valid against the spec) and over GraphQL, on both databases."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import SAMPLES, SEED_FLIGHT, shared_file
from tests.gateway.rest.helpers import differences, rest_client, url_paths
from tests.gateway.rest.spec import spec, violations
from tests.schema.helpers import ingest, load_json, run

API = "https://ll.thespacedevs.com/2.3.0"
NASA = SAMPLES / "agencies" / "2.3.0_detailed_single_agency44-NASA_spacenerd.json"
ISS = SAMPLES / "space_stations" / "2.3.0_detailed_single_iss4_spacenerd.json"
SPUTNIK = SAMPLES / "launches" / "2.3.0_detailed_single_sputnik1_spacenerd.json"
NOW = datetime(2026, 6, 1, tzinfo=UTC)
# What LL2 writes as `response_mode` in the nested shapes (as its own samples show).
MODES = {"AgencyMini": "list", "LaunchBasic": "list"}


def project(value: Any, schema_name: str) -> Any:
    """``value`` cut down to LL2's ``schema_name`` (recursively): what LL2 nests where that
    shape is asked for."""
    schema = spec()["components"]["schemas"][schema_name]
    out: dict[str, Any] = {}
    for key, prop in schema["properties"].items():
        item = value.get(key)
        refs = [prop, *prop.get("allOf", []), *prop.get("oneOf", [])]
        ref = next((r["$ref"] for r in refs if "$ref" in r), None)
        inner = prop.get("items", {}).get("$ref")
        if ref and isinstance(item, dict):
            item = project(item, ref.rsplit("/", 1)[1])
        elif inner and isinstance(item, list):
            item = [project(i, inner.rsplit("/", 1)[1]) for i in item]
        out[key] = item
    if "response_mode" in out and schema_name in MODES:
        out["response_mode"] = MODES[schema_name]
    return out


def astronaut(nasa: dict[str, Any], image: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": 900_001,
        "url": f"{API}/astronauts/900001/",
        "name": "Zoë O'Brien-Łukasiewicz",
        "status": {"id": 1, "name": "Active"},
        "agency": project(nasa, "AgencyMini"),
        "image": image,
    }


def events() -> list[dict[str, Any]]:
    """Two detailed events: one to come, one past; odd text on purpose."""
    nasa, iss, sputnik = (load_json(shared_file(p)) for p in (NASA, ISS, SPUTNIK))
    seed_launch = load_json(shared_file(SEED_FLIGHT))["launch"]
    program = nasa["launcher_list"][1]["program"][0]
    station = project(iss, "SpaceStationNormal")
    expedition = {
        **iss["active_expeditions"][0],
        "response_mode": "normal",
        "spacestation": station,
        "mission_patches": [],
        "spacewalks": [],
    }
    video = sputnik["vid_urls"][0]
    info = {k: video[k] for k in ("priority", "source", "title", "description", "feature_image")}
    info |= {"url": "https://example.org/a?b=1&c=<2>", "type": None, "language": video["language"]}
    base = {
        "id": 700_001,
        "url": f"{API}/events/700001/",
        "name": "Spacewalk <b>US EVA 99</b>; DROP TABLE events;--",
        "info_urls": [info],
        "vid_urls": [video],
        "image": sputnik["image"],
        "date": "2030-01-02T03:04:05Z",
        "slug": "spacewalk-us-eva-99",
        "type": {"id": 2, "name": "Spacewalk"},
        "description": "Ünïcode — «quoted» and\nmultiline.",
        "webcast_live": False,
        "location": "International Space Station",
        "date_precision": sputnik["net_precision"],
        "response_mode": "detailed",
        "duration": "PT6H30M",
        "updates": [
            {
                "id": 800_002,
                "profile_image": None,
                "comment": "Second, listed first.",
                "info_url": None,
                "created_by": "ll2",
                "created_on": "2029-12-01T00:00:00Z",
            },
            {
                "id": 800_001,
                "profile_image": "https://example.org/p.png",
                "comment": "First.",
                "info_url": "https://example.org/u",
                "created_by": "ll2",
                "created_on": "2029-11-01T00:00:00Z",
            },
        ],
        "last_updated": "2029-12-01T12:00:00Z",
        "agencies": [project(nasa, "AgencyMini")],
        "launches": [project(sputnik, "LaunchBasic"), project(seed_launch, "LaunchBasic")],
        "expeditions": [expedition],
        "spacestations": [station],
        "program": [program],
        "astronauts": [astronaut(nasa, sputnik["image"])],
    }
    past = {
        **copy.deepcopy(base),
        "id": 700_002,
        "url": f"{API}/events/700002/",
        "name": "Press conference",
        "slug": "press-conference",
        "type": {"id": 8, "name": "Press Event"},
        "date": "2020-05-05T05:05:05Z",
        "duration": None,
        "date_precision": None,
        "image": None,
        "info_urls": [],
        "vid_urls": [],
        "updates": [],
        "agencies": [],
        "launches": [],
        "expeditions": [],
        "spacestations": [],
        "program": [],
        "astronauts": [],
    }
    return [base, past]


def write(path: Path, results: list[dict[str, Any]]) -> Path:
    page = {"count": len(results), "next": None, "previous": None, "results": results}
    path.write_text(json.dumps(page))
    return path


@pytest.fixture
async def stored(engine: AsyncEngine, tmp_path: Path) -> list[dict[str, Any]]:
    given = events()
    await ingest(engine, [shared_file(p) for p in (NASA, ISS, SPUTNIK, SEED_FLIGHT)])
    await ingest(engine, [write(tmp_path / "events.json", given)])
    return given


def assert_same(want: Any, got: Any) -> None:
    found = differences(url_paths(want), url_paths(got))
    assert not found, "\n".join(found[:40])


async def test_an_event_comes_back_as_ll2_gave_it_in_every_mode(
    engine: AsyncEngine, stored: list[dict[str, Any]]
) -> None:
    future, past = stored
    async with rest_client(engine, now=NOW) as client:
        detail = (await client.get("/2.3.0/events/700001/")).json()
        assert_same(future, detail)
        assert list(detail) == list(future)  # LL2's key order
        assert violations("EventEndpointDetailed", detail) == []
        for mode, shape in (
            ("list", "EventEndpointList"),
            ("normal", "EventEndpointNormal"),
            ("detailed", "EventEndpointDetailed"),
        ):
            body = (await client.get("/2.3.0/events/", params={"mode": mode})).json()
            assert body["count"] == 2
            by_id = {r["id"]: r for r in body["results"]}
            for given in (future, past):
                want = {**project(given, shape), "response_mode": mode}
                assert_same(want, by_id[given["id"]])
                assert violations(shape, by_id[given["id"]]) == []


async def test_upcoming_and_previous_split_on_the_date(
    engine: AsyncEngine, stored: list[dict[str, Any]]
) -> None:
    async with rest_client(engine, now=NOW) as client:
        upcoming = (await client.get("/2.3.0/events/upcoming/")).json()
        previous = (await client.get("/2.3.0/events/previous/")).json()
        assert [r["id"] for r in upcoming["results"]] == [700_001]
        assert [r["id"] for r in previous["results"]] == [700_002]
        assert (await client.get("/2.3.0/events/upcoming/700002/")).status_code == 404
        one = await client.get("/2.3.0/events/previous/700002/")
        assert one.status_code == 200 and one.json()["name"] == "Press conference"


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("type__ids=2,3", [700_001]),
        ("type=8", [700_002]),
        ("agency__ids=44", [700_001]),
        ("program=2", [700_001]),
        ("year=2020", [700_002]),
        ("date__gte=2025-01-01T00:00:00Z", [700_001]),
        ("search=drop+table", [700_001]),
        ("slug=press-conference", [700_002]),
        ("ordering=-date", [700_001, 700_002]),
        ("ordering=date", [700_002, 700_001]),
    ],
)
async def test_ll2s_event_filters(
    engine: AsyncEngine, stored: list[dict[str, Any]], query: str, ids: list[int]
) -> None:
    async with rest_client(engine, now=NOW) as client:
        body = (await client.get(f"/2.3.0/events/?{query}")).json()
    assert [r["id"] for r in body["results"]] == ids


async def test_an_event_over_graphql_with_its_links_both_ways(
    engine: AsyncEngine, stored: list[dict[str, Any]]
) -> None:
    future = stored[0]
    data = await run(
        engine,
        """query($launch: UUID) {
          event(ll2Id: 700001) { name type { name } date duration
            updates { ll2Id comment } launches { ll2Id } agencies { abbrev }
            spacestations { name } expeditions { name spacestation { name } }
            program { name } astronauts { name agency { abbrev } } infoUrls { url } }
          byLaunch: events(filter: { launch: { eq: $launch } }) { nodes { ll2Id } }
          byType: events(filter: { typeWhere: { name: { eq: "Press Event" } } }) {
            nodes { ll2Id } }
          eventTypes(orderBy: ID_ASC) { nodes { ll2Id name } }
        }""",
        launch=future["launches"][0]["id"],
    )
    event = data["event"]
    assert event["name"] == future["name"]
    assert event["type"] == {"name": "Spacewalk"}
    assert event["duration"] == "PT6H30M"
    assert [u["ll2Id"] for u in event["updates"]] == [800_002, 800_001]  # LL2's order
    assert [x["ll2Id"] for x in event["launches"]] == [x["id"] for x in future["launches"]]
    assert event["agencies"] == [{"abbrev": "NASA"}]
    assert event["expeditions"][0]["spacestation"]["name"] == future["spacestations"][0]["name"]
    assert event["program"] == [{"name": "Mercury"}]
    assert event["astronauts"][0]["name"] == "Zoë O'Brien-Łukasiewicz"
    assert event["infoUrls"] == [{"url": "https://example.org/a?b=1&c=<2>"}]
    assert data["byLaunch"]["nodes"] == [{"ll2Id": 700_001}]
    assert data["byType"]["nodes"] == [{"ll2Id": 700_002}]
    assert data["eventTypes"]["nodes"] == [
        {"ll2Id": 2, "name": "Spacewalk"},
        {"ll2Id": 8, "name": "Press Event"},
    ]


async def test_an_events_updates_follow_its_newest_capture(
    engine: AsyncEngine, stored: list[dict[str, Any]], tmp_path: Path
) -> None:
    """Updates are the event's own list: one no longer listed is gone, the order is LL2's."""
    changed = copy.deepcopy(stored[0])
    changed["updates"] = [
        *changed["updates"][1:],
        {**changed["updates"][0], "id": 800003, "comment": "Third."},
    ]
    changed["last_updated"] = "2029-12-02T00:00:00Z"
    await ingest(engine, [write(tmp_path / "again.json", [changed])])
    async with rest_client(engine, now=NOW) as client:
        detail = (await client.get("/2.3.0/events/700001/")).json()
    assert [u["id"] for u in detail["updates"]] == [800_001, 800_003]
    assert_same(changed, detail)

"""Each 2.3.0 LL2 sample, ingested alone into a fresh database, comes back at its own
endpoint and mode as the same JSON (urls on this server)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import SAMPLES, SEED_FLIGHT, shared_file
from tests.gateway.rest.helpers import (
    BASE,
    differences,
    hosts_as,
    page_json,
    rest_client,
    url_paths,
)
from tests.schema.helpers import ingest, load_json, run

SEED_URL = "/2.3.0/spacecraft_flights/859/"


def assert_same(want: Any, got: Any) -> None:
    found = differences(url_paths(want), url_paths(got))
    assert not found, "\n".join(found[:40])


async def test_the_seed_flight_comes_back_as_ll2_gave_it(engine: AsyncEngine) -> None:
    seed = load_json(shared_file(SEED_FLIGHT))
    await ingest(engine, [SEED_FLIGHT])
    async with rest_client(engine) as client:
        response = await client.get(SEED_URL, params={"format": "json"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    got = response.json()
    assert_same(seed, got)
    assert list(got) == list(seed)  # LL2's key order too
    assert got["url"] == f"{BASE}{SEED_URL}?format=json"
    assert got["launch"]["pad"]["wiki_url"] == seed["launch"]["pad"]["wiki_url"]  # not ours


async def test_integers_beyond_32_bits_come_back_over_rest_and_graphql(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    """LL2's spec bounds these at 32 bits, the store at 64: what was given is served back."""
    seed = load_json(shared_file(SEED_FLIGHT))
    config = seed["spacecraft"]["spacecraft_config"]
    config["payload_capacity"], config["payload_return_capacity"] = 2**40, -(2**33)
    changed = tmp_path / "flight.json"
    changed.write_text(json.dumps(seed))
    await ingest(engine, [changed])
    async with rest_client(engine) as client:
        response = await client.get(SEED_URL, params={"format": "json"})
        assert_same(seed, response.json())
    data = await run(
        engine,
        "{ flight(ll2Id: 859) { spacecraft { spacecraftConfig {"
        " payloadCapacity payloadReturnCapacity } } } }",
    )
    assert data["flight"]["spacecraft"]["spacecraftConfig"] == {
        "payloadCapacity": 2**40,
        "payloadReturnCapacity": -(2**33),
    }


async def test_the_seed_page_shows_the_seed_json(engine: AsyncEngine) -> None:
    """The browsable page (``format=api``) holds the seed, urls and all, on this host."""
    seed = load_json(shared_file(SEED_FLIGHT))
    await ingest(engine, [SEED_FLIGHT])
    async with rest_client(engine) as client:
        response = await client.get(SEED_URL, params={"format": "api"})
    assert response.status_code == 200
    got = page_json(response.text)
    found = differences(hosts_as(seed, BASE), got)
    assert not found, "\n".join(found[:40])


def as_one_store(record: dict[str, Any]) -> dict[str, Any]:
    """The sample as one normalised store can give it back: where it nests a copy of its root
    object that disagrees with the root (the NASA sample's nested agencies carry the full
    description, its root a placeholder), the root's values hold everywhere."""
    root = {
        k: v for k, v in record.items() if not isinstance(v, dict | list) and k != "response_mode"
    }

    def fix(value: Any) -> Any:
        if isinstance(value, list):
            return [fix(v) for v in value]
        if not isinstance(value, dict):
            return value
        fixed = {k: fix(v) for k, v in value.items()}
        if value.get("url") is not None and value.get("url") == record.get("url"):
            fixed |= {k: v for k, v in root.items() if k in fixed}
        return fixed

    return {k: fix(v) for k, v in record.items()}


DETAILS = [
    ("spacecraft_flights/2.3.0_detailed_single_flight859_seed.json", "spacecraft_flights"),
    ("launches/2.3.0_detailed_single_sputnik1_spacenerd.json", "launches"),
    ("agencies/2.3.0_detailed_single_agency44-NASA_spacenerd.json", "agencies"),
    ("space_stations/2.3.0_detailed_single_iss4_spacenerd.json", "space_stations"),
]


@pytest.mark.parametrize(("sample", "endpoint"), DETAILS)
async def test_a_detailed_sample_at_its_detail_view(
    engine: AsyncEngine, sample: str, endpoint: str
) -> None:
    path = shared_file(SAMPLES / sample)
    record = load_json(path)
    await ingest(engine, [path])
    async with rest_client(engine) as client:
        response = await client.get(f"/2.3.0/{endpoint}/{record['id']}/")
    assert response.status_code == 200, response.text
    assert_same(as_one_store(record), response.json())


LIST_ITEMS = [
    ("launches/2.3.0_list_single_last_launch_nosudrum.json", "/2.3.0/launches/?mode=list"),
    ("space_stations/2.3.0_normal_single_iss4_spacenerd.json", "/2.3.0/space_stations/"),
    ("space_stations/2.3.0_normal_single_tiangong18_spacenerd.json", "/2.3.0/space_stations/"),
]


@pytest.mark.parametrize(("sample", "url"), LIST_ITEMS)
async def test_a_list_item_sample_at_its_list(engine: AsyncEngine, sample: str, url: str) -> None:
    path = shared_file(SAMPLES / sample)
    await ingest(engine, [path])
    async with rest_client(engine) as client:
        body = (await client.get(url)).json()
    assert body["count"] == 1
    assert_same(load_json(path), body["results"][0])


PAGES = [
    # LL2 counted 7,572 launches; this database holds the page's two.
    ("launches/2.3.0_normal_page-limit2_spacenerd.json", "/2.3.0/launches/?limit=2"),
    (
        "space_stations/2.3.0_page_count2_space_stations_success_spacenerd.json",
        "/2.3.0/space_stations/",
    ),
]


@pytest.mark.parametrize(("sample", "url"), PAGES)
async def test_a_page_sample_at_its_list(engine: AsyncEngine, sample: str, url: str) -> None:
    path = shared_file(SAMPLES / sample)
    page = load_json(path)
    await ingest(engine, [path])
    async with rest_client(engine) as client:
        body = (await client.get(url)).json()
    assert list(body) == ["count", "next", "previous", "results"]
    assert body["count"] == len(page["results"])
    assert body["previous"] is None
    assert_same(page["results"], body["results"])


async def test_the_upcoming_sample_at_upcoming(engine: AsyncEngine) -> None:
    """Captured on 2024-09-30: the clock is set to then. Four launches share a NET (LL2 put
    them in name order); ties are compared in id order."""
    path = shared_file(SAMPLES / "launches/2.3.0_normal_upcoming-results-array_10_astroshare.json")
    launches = load_json(path)
    await ingest(engine, [path])
    then = datetime(2024, 9, 30, 18, 0, tzinfo=UTC)
    async with rest_client(engine, now=then) as client:
        body = (await client.get("/2.3.0/launches/upcoming/")).json()
        later = (await client.get("/2.3.0/launches/upcoming/", params={"limit": 100})).json()

    def by_net(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return sorted(items, key=lambda launch: (launch["net"], launch["id"]))

    assert body["count"] == later["count"] == len(launches) == 10
    assert_same(by_net(launches), by_net(body["results"]))

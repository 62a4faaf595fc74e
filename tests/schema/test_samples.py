"""Every leaf of LL2's own detailed samples comes back from the node that holds it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import SAMPLES, shared_file
from tests.ingest.readback import leaves
from tests.schema.helpers import as_graphql, ingest, load_json, run, selection_for

# LL2 lists of unbounded length are connections here: (LL2 key, connection field).
AS_CONNECTION = {"launcher_list": "launcherConfigs", "spacecraft_list": "spacecraftConfigs"}
# Keys LL2 gives that the store has no column for yet (kept in `extra`, not served).

SAMPLE_NODES = [
    ("launches/2.3.0_detailed_single_sputnik1_spacenerd.json", "launch", "Launch", '"{id}"'),
    ("agencies/2.3.0_detailed_single_agency44-NASA_spacenerd.json", "agency", "Agency", "{id}"),
    (
        "space_stations/2.3.0_detailed_single_iss4_spacenerd.json",
        "spaceStation",
        "SpaceStation",
        "{id}",
    ),
]


@pytest.mark.parametrize(("sample", "field", "type_name", "key"), SAMPLE_NODES)
async def test_every_leaf_of_a_detailed_sample(
    engine: AsyncEngine, sample: str, field: str, type_name: str, key: str
) -> None:
    path: Path = shared_file(SAMPLES / sample)
    record = as_stored(load_json(path))
    await ingest(engine, [path])

    plain = {k: v for k, v in record.items() if k not in AS_CONNECTION}
    selection = selection_for(plain, type_name)[:-1]
    for ll2_key, connection in AS_CONNECTION.items():
        if ll2_key in record:
            item_type = connection[0].upper() + connection[1:-1]
            inner = selection_for(_merged(record[ll2_key]), item_type)
            selection += f" {connection}(first: 100) {{ nodes {inner} }}"
    query = f"{{ {field}(ll2Id: {key.format(id=record['id'])}) {selection} }} }}"
    data = (await run(engine, query))[field]

    expected = as_graphql(plain)
    got = {k: v for k, v in data.items() if k not in AS_CONNECTION.values()}
    for ll2_key, connection in AS_CONNECTION.items():
        if ll2_key in record:
            expected[connection] = _by_id(as_graphql(record[ll2_key]))
            got[connection] = _by_id(data[connection]["nodes"])
    want, have = leaves(expected), leaves(got)
    mismatches = {p: (v, have.get(p, "<missing>")) for p, v in want.items() if have.get(p) != v}
    assert not mismatches, "\n".join(
        f"{p}: {w!r:.60} != {h!r:.60}" for p, (w, h) in mismatches.items()
    )
    assert len(want) > 40


def as_stored(record: dict[str, Any]) -> dict[str, Any]:
    """The record as a normalised store can hold it.

    * one value per object: where a sample nests a copy of its root object that disagrees
      with the root (the NASA sample's nested agencies), the root's values are the ones kept;
    """
    root = {k: v for k, v in record.items() if not isinstance(v, dict | list)}

    def fix(value: Any, owner: str = "") -> Any:
        if isinstance(value, list):
            return [fix(v, owner) for v in value]
        if not isinstance(value, dict):
            return value
        same = value.get("url") is not None and value.get("url") == record.get("url")
        fixed = {k: fix(v, k) for k, v in value.items()}
        if same:
            fixed |= {k: v for k, v in root.items() if k in fixed}
        return fixed

    return {k: fix(v, k) for k, v in record.items()}


def _by_id(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(items, key=lambda item: item["ll2Id"])


def _merged(items: list[dict[str, Any]]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for item in items:
        for k, v in item.items():
            if merged.get(k) in (None, [], {}):
                merged[k] = v
    return merged


async def test_a_port_shows_what_is_docked_at_it_now(engine: AsyncEngine) -> None:
    path = shared_file(SAMPLES / "space_stations/2.3.0_detailed_single_iss4_spacenerd.json")
    record = load_json(path)
    await ingest(engine, [path])
    docked = {
        port["id"]: port["currently_docked"]["id"]
        for port in record["docking_location"]
        if port["currently_docked"]
    }
    data = await run(
        engine, "{ spaceStation(ll2Id: 4) { dockingLocation { ll2Id currentlyDocked { ll2Id } } } }"
    )
    ports = data["spaceStation"]["dockingLocation"]
    assert docked
    current = {p["ll2Id"]: p["currentlyDocked"]["ll2Id"] for p in ports if p["currentlyDocked"]}
    assert current == docked

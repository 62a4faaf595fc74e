"""Reverse edges as connections, batched across parents, checked against the raw JSON."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import SAMPLES, StatementCounter, shared_file
from tests.databases import Template, Templates
from tests.schema.helpers import load_json, run, statements

NASA = SAMPLES / "agencies" / "2.3.0_detailed_single_agency44-NASA_spacenerd.json"

Pairs = Callable[[list[dict[str, Any]], dict[str, Any]], Iterator[tuple[Any, Any]]]


def _spacecraft(flights: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for flight in flights:
        yield flight["spacecraft"]


def _pads(flights: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for flight in flights:
        if flight["launch"]["pad"]:
            yield flight["launch"]["pad"]


# (root connection, its node's edge, (parent id, child id) pairs from the JSON)
EDGES: dict[str, tuple[str, str, Pairs]] = {
    "Spacecraft.flights": (
        "spacecraftList",
        "flights",
        lambda flights, nasa: ((f["spacecraft"]["id"], f["id"]) for f in flights),
    ),
    "SpacecraftConfig.spacecraft": (
        "spacecraftConfigs",
        "spacecraft",
        lambda flights, nasa: (
            (s["spacecraft_config"]["id"], s["id"]) for s in _spacecraft(flights)
        ),
    ),
    "Agency.launches": (
        "agencies",
        "launches",
        lambda flights, nasa: (
            (f["launch"]["launch_service_provider"]["id"], f["launch"]["id"])
            for f in flights
            if f["launch"]["launch_service_provider"]
        ),
    ),
    "Agency.spacecraftConfigs": (
        "agencies",
        "spacecraftConfigs",
        lambda flights, nasa: [
            *(
                (s["spacecraft_config"]["agency"]["id"], s["spacecraft_config"]["id"])
                for s in _spacecraft(flights)
            ),
            *((nasa["id"], c["id"]) for c in nasa["spacecraft_list"]),
        ],
    ),
    "Agency.launcherConfigs": (
        "agencies",
        "launcherConfigs",
        lambda flights, nasa: ((nasa["id"], c["id"]) for c in nasa["launcher_list"]),
    ),
    "Pad.launches": (
        "pads",
        "launches",
        lambda flights, nasa: ((f["launch"]["pad"]["id"], f["launch"]["id"]) for f in flights),
    ),
    "Location.pads": (
        "locations",
        "pads",
        lambda flights, nasa: ((p["location"]["id"], p["id"]) for p in _pads(flights)),
    ),
    "CelestialBody.locations": (
        "celestialBodies",
        "locations",
        lambda flights, nasa: (
            (p["location"]["celestial_body"]["id"], p["location"]["id"]) for p in _pads(flights)
        ),
    ),
    "Launch.flights": (
        "launches",
        "flights",
        lambda flights, nasa: ((f["launch"]["id"], f["id"]) for f in flights),
    ),
    "LandingLocation.landings": (
        "landingLocations",
        "landings",
        lambda flights, nasa: (
            (f["landing"]["landing_location"]["id"], f["landing"]["id"])
            for f in flights
            if f["landing"] and f["landing"]["landing_location"]
        ),
    ),
}


@pytest.fixture
def template(backend: str, templates: Templates, demo_files: list[Path]) -> Template:
    """The demo flights and then the NASA sample (a session template, copied per test)."""
    return templates.get(backend, "demo-nasa", [*demo_files, shared_file(NASA)])


@pytest.fixture(scope="module")
def graph(demo_files: list[Path]) -> dict[str, Any]:
    """What the database holds, as LL2 JSON (read once: the tests only read it)."""
    flights = [f for path in demo_files for f in load_json(path)["results"]]
    return {"flights": flights, "nasa": load_json(shared_file(NASA))}


@pytest.mark.parametrize("edge", sorted(EDGES))
async def test_edge_pages_every_parent_in_one_statement(
    demo_engine: AsyncEngine,
    graph: dict[str, Any],
    count_statements: StatementCounter,
    edge: str,
) -> None:
    root, child, pairs = EDGES[edge]
    expected: dict[Any, set[Any]] = defaultdict(set)
    for parent, kid in pairs(graph["flights"], graph["nasa"]):
        expected[parent].add(kid)
    assert expected, f"{edge}: the data set has no such edges to check"

    count_statements.reset()
    data = await run(
        demo_engine,
        f"""{{ {root}(first: 100) {{ totalCount nodes {{ ll2Id
               {child}(first: 100) {{ totalCount nodes {{ ll2Id }} }} }} }} }}""",
    )
    # parent page, parent count, every parent's child page, every parent's child count
    assert count_statements.count == statements(4), count_statements.statements

    parents = data[root]["nodes"]
    assert len(parents) == min(100, data[root]["totalCount"])
    checked = 0
    for parent in parents:
        want = expected.get(parent["ll2Id"], set())
        page = parent[child]
        got = [n["ll2Id"] for n in page["nodes"]]
        assert page["totalCount"] == len(want), (edge, parent["ll2Id"])
        assert len(got) == len(set(got)) == min(100, len(want))
        assert set(got) <= want
        checked += bool(want)
    assert checked, f"{edge}: no parent on the first page has children"

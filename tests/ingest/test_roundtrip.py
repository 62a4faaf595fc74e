"""Every value of an ingested LL2 object can be read back from the store unchanged."""

import json

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from ingest.files import ingest_file
from tests.conftest import SAMPLES, SEED_FLIGHT, shared_file
from tests.ingest.readback import leaves, read_back, without_presentation


async def test_every_leaf_of_the_seed_flight_reads_back_unchanged(engine: AsyncEngine) -> None:
    seed = json.loads(shared_file(SEED_FLIGHT).read_bytes())
    result = await ingest_file(engine, SEED_FLIGHT)
    assert result.ok, result.error

    async with engine.connect() as conn:
        rebuilt = await read_back(conn, "spacecraft_flights", seed["id"], seed)

    expected = leaves(without_presentation(seed))
    assert len(expected) >= 300  # the detailed shape really was walked
    actual = leaves(rebuilt)
    mismatched = {
        p: (v, actual.get(p, "<absent>"))
        for p, v in expected.items()
        if actual.get(p, "<absent>") != v
    }
    assert mismatched == {}
    assert set(actual) == set(expected)


@pytest.mark.parametrize(
    ("sample", "table"),
    [
        ("launches/2.3.0_detailed_single_sputnik1_spacenerd.json", "launches"),
        ("agencies/2.3.0_detailed_single_agency44-NASA_spacenerd.json", "agencies"),
        ("space_stations/2.3.0_detailed_single_iss4_spacenerd.json", "space_stations"),
    ],
)
async def test_detailed_samples_read_back_unchanged(
    engine: AsyncEngine, sample: str, table: str
) -> None:
    path = shared_file(SAMPLES / sample)
    original = json.loads(path.read_bytes())
    assert (await ingest_file(engine, path)).ok
    async with engine.connect() as conn:
        rebuilt = await read_back(conn, table, original["id"], original)
    expected = leaves(without_presentation(original))
    actual = leaves(rebuilt)
    mismatched = {p for p, v in expected.items() if actual.get(p, "<absent>") != v}
    assert mismatched == _copies_of_the_root_that_disagree_with_it(original)


def _copies_of_the_root_that_disagree_with_it(root: dict) -> set[str]:
    """Paths inside nested copies of the root object whose value differs from the root's.

    Real LL2 files can disagree with themselves (the NASA sample's root says
    "nasaDescription", its nested copies the real text). Within one object, the outermost
    occurrence wins: the root was asked for in the richest mode.
    """
    found: set[str] = set()

    def walk(value: object, path: str) -> None:
        if isinstance(value, dict):
            if path and value.get("url") == root.get("url"):
                for key, item in value.items():
                    scalar = not isinstance(item, (dict, list))
                    if scalar and key != "response_mode" and key in root and root[key] != item:
                        found.add(f"{path}.{key}")
            for key, item in value.items():
                walk(item, f"{path}.{key}" if path else key)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")

    walk(root, "")
    return found

"""Every real LL2 sample ingests; counts match the raw JSON; a second pass changes nothing."""

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from ingest.files import expand_paths, ingest_file
from store.tables import metadata
from tests.conftest import SAMPLES, shared_file
from tests.ingest.helpers import dump
from tests.schema.helpers import run

URL = re.compile(r"/2\.3\.0/([a-z_]+)/([0-9a-f-]+)/")
COUNTED = {
    "agencies": "agencies",
    "launches": "launches",
    "pads": "pads",
    "locations": "locations",
    "spacecraft_flights": "spacecraft_flights",
    "spacecraft": "spacecraft",
    "spacecraft_configurations": "spacecraft_configurations",
    "launcher_configurations": "launcher_configurations",
    "space_stations": "space_stations",
    "docking_events": "docking_events",
    "landings": "landings",
    "programs": "programs",
}


def sample_files(version: str) -> list[Path]:
    files = [p for p in expand_paths([shared_file(SAMPLES)]) if "_legacy" not in str(p)]
    return [p for p in files if p.name.startswith(version)]


def ids_by_endpoint(value: Any, found: dict[str, set[str]]) -> None:
    if isinstance(value, dict):
        match = URL.search(str(value.get("url", "")))
        if match and str(value.get("id")) == match.group(2):
            found[match.group(1)].add(match.group(2))
        for item in value.values():
            ids_by_endpoint(item, found)
    elif isinstance(value, list):
        for item in value:
            ids_by_endpoint(item, found)


async def test_every_2_3_0_sample_ingests_with_the_counts_the_json_implies(
    engine: AsyncEngine,
) -> None:
    files = sample_files("2.3.0")
    assert len(files) >= 9
    expected: dict[str, set[str]] = defaultdict(set)
    for path in files:
        result = await ingest_file(engine, path)
        assert result.ok, f"{path.name}: {result.error}"
        ids_by_endpoint(json.loads(path.read_bytes()), expected)

    async with engine.connect() as conn:
        for endpoint, table in COUNTED.items():
            stored = await conn.scalar(select(func.count()).select_from(metadata.tables[table]))
            assert stored == len(expected[endpoint]), endpoint
    assert len(expected["launches"]) >= 15 and len(expected["agencies"]) >= 20


async def test_2_2_0_samples_ingest_too(engine: AsyncEngine) -> None:
    files = sample_files("2.2.0")
    assert files
    for path in files:
        result = await ingest_file(engine, path)
        assert result.ok, f"{path.name}: {result.error}"
    async with engine.connect() as conn:
        launches = metadata.tables["launches"]
        info = await conn.scalar(
            select(launches.c.info_urls).where(launches.c.info_urls.is_not(None)).limit(1)
        )
    assert info is not None  # 2.2.0 infoURLs were mapped to info_urls


async def test_ingesting_everything_twice_changes_nothing(engine: AsyncEngine) -> None:
    files = sample_files("2.3.0") + sample_files("2.2.0")
    for path in files:
        assert (await ingest_file(engine, path)).ok
    before = await dump(engine)
    for path in files:
        result = await ingest_file(engine, path)
        assert result.ok
        # Real files disagree with each other (snapshots taken years apart), so a value may
        # flip while the pass is under way; no row is ever added, and the end state is equal.
        assert not any(counts["inserted"] for counts in result.counts.values()), path.name
    assert await dump(engine) == before


async def test_ingesting_the_same_file_again_reports_everything_unchanged(
    engine: AsyncEngine,
) -> None:
    for path in sample_files("2.3.0"):
        assert (await ingest_file(engine, path)).ok
        again = await ingest_file(engine, path)
        outcomes = {outcome for counts in again.counts.values() for outcome in counts}
        assert outcomes == {"unchanged"}, path.name


async def test_pre_2_3_0_values_whose_type_changed_are_served_as_2_3_0_gives_them(
    engine: AsyncEngine,
) -> None:
    """The changelog's type changes: numeric strings become numbers, an agency's type string
    its {id, name}; read back over GraphQL, not left in ``extra``."""
    agency = SAMPLES / "agencies" / "2.2.0_single_agency178_lldev_joebocock_Get.json"
    pads = SAMPLES / "_legacy_2.1.0" / "2.1.0_pads_colbad2.json"
    for path in (shared_file(agency), shared_file(pads)):
        result = await ingest_file(engine, path)
        assert result.ok, f"{path.name}: {result.error}"
    raw_pads = json.loads(pads.read_bytes())["results"]
    query = """{
      agency(ll2Id: 178) { foundingYear type { ll2Id name } }
      pads(first: 100, orderBy: ID_ASC) { nodes { ll2Id latitude longitude } }
    }"""
    answer = await run(engine, query)
    assert answer["agency"] == {"foundingYear": 2014, "type": {"ll2Id": 2, "name": "Multinational"}}
    served = {p["ll2Id"]: (p["latitude"], p["longitude"]) for p in answer["pads"]["nodes"]}
    given = {p["id"]: (p["latitude"], p["longitude"]) for p in raw_pads}
    numeric = [key for key in sorted(given)[:100] if all(v not in (None, "") for v in given[key])]
    assert len(numeric) > 50
    for key in numeric:
        assert served[key] == (float(given[key][0]), float(given[key][1])), key

"""Every response of every endpoint and mode is what LL2's OpenAPI says it is (object
references nullable): demo flights plus the 2.3.0 samples, list and detail views."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.rest.documents import endpoint_data
from gateway.rest.endpoints import ENDPOINTS
from tests.conftest import SAMPLES, shared_file
from tests.gateway.rest.helpers import rest_client
from tests.gateway.rest.spec import spec, violations
from tests.schema.helpers import ingest

SAMPLE_FILES = [
    "launches/2.3.0_detailed_single_sputnik1_spacenerd.json",
    "agencies/2.3.0_detailed_single_agency44-NASA_spacenerd.json",
    "space_stations/2.3.0_detailed_single_iss4_spacenerd.json",
]
PAGE = 25  # items per list page (every item of the page is validated)


def in_graph(root_field: str) -> bool:
    from schema import schema

    query = schema._schema.query_type
    return query is not None and root_field in query.fields


def test_every_endpoint_is_in_the_graph() -> None:
    assert [name for name, e in ENDPOINTS.items() if not in_graph(e.many)] == []


@pytest.fixture
async def full_engine(demo_engine: AsyncEngine) -> AsyncEngine:
    await ingest(demo_engine, [shared_file(SAMPLES / f) for f in SAMPLE_FILES])
    return demo_engine


async def test_every_endpoint_and_mode_answers_as_ll2_describes(full_engine: AsyncEngine) -> None:
    data = endpoint_data()
    problems: list[str] = []
    checked = 0
    async with rest_client(full_engine) as client:
        for name, endpoint in ENDPOINTS.items():
            path = f"/2.3.0/{name}/"
            listed = spec()["paths"][path]["get"]["responses"]["200"]["content"]
            if not in_graph(endpoint.many):
                continue  # see test_every_endpoint_is_in_the_graph
            if (await client.get(path)).status_code == 404:
                problems.append(f"{path}: not served")
                continue
            ids = set()
            for mode, schema_name in data[name]["modes"].items():
                response = await client.get(path, params={"mode": mode, "limit": PAGE})
                body = response.json()
                assert response.status_code == 200, (path, mode, body)
                envelope = {k: v for k, v in body.items() if k != "results"} | {"results": []}
                page_schema = listed["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
                problems += [f"{path} envelope {p}" for p in violations(page_schema, envelope)]
                for item in body["results"]:
                    problems += [
                        f"{path}?mode={mode} {item['id']}: {p}"
                        for p in violations(schema_name, item)
                    ]
                    ids.add(item["id"])
                    checked += 1
            for key in sorted(ids, key=str)[:5]:
                response = await client.get(f"{path}{key}/")
                assert response.status_code == 200, (path, key)
                problems += [
                    f"{path}{key}/: {p}" for p in violations(data[name]["detail"], response.json())
                ]
                checked += 1
    assert not problems, f"{len(problems)} violations:\n" + "\n".join(problems[:40])
    assert checked > 300


@pytest.mark.parametrize(
    ("sample", "schema_name"),
    [
        (
            "spacecraft_flights/2.3.0_detailed_single_flight859_seed.json",
            "SpacecraftFlightDetailed",
        ),
        ("launches/2.3.0_detailed_single_sputnik1_spacenerd.json", "LaunchDetailed"),
        ("launches/2.3.0_list_single_last_launch_nosudrum.json", "LaunchBasic"),
        ("agencies/2.3.0_detailed_single_agency44-NASA_spacenerd.json", "AgencyEndpointDetailed"),
        (
            "space_stations/2.3.0_detailed_single_iss4_spacenerd.json",
            "SpaceStationDetailedEndpoint",
        ),
        ("space_stations/2.3.0_normal_single_iss4_spacenerd.json", "SpaceStationEndpoint"),
    ],
)
def test_the_validator_passes_ll2s_own_answers(sample: str, schema_name: str) -> None:
    """LL2's own responses pass; a key too many or a wrong type does not."""
    from tests.schema.helpers import load_json

    record = load_json(shared_file(SAMPLES / sample))
    assert violations(schema_name, record) == []
    assert violations(schema_name, {**record, "surplus": 1}) != []
    assert violations(schema_name, {**record, "id": [record["id"]]}) != []

"""The subgraph side of Apollo Federation: entities by either key, in batches, in order."""

from __future__ import annotations

import random
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.context import Context
from schema import build_schema, schema
from schema.node import to_global_id
from store.tables import metadata
from tests.conftest import StatementCounter
from tests.schema.helpers import run, run_raw

ROOT = Path(__file__).resolve().parents[2]

ENTITIES = """
query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Flight { ll2Id destination }
    ... on Launch { uuid: ll2Id name }
    ... on Pad { ll2Id name }
    ... on Agency { ll2Id abbrev }
  }
}
"""


async def ids(engine: AsyncEngine, table: str) -> list:
    t = metadata.tables[table]
    async with engine.connect() as conn:
        return list((await conn.execute(select(t.c.id).order_by(t.c.id))).scalars())


async def test_500_mixed_representations_cost_one_statement_per_type_in_order(
    demo_engine: AsyncEngine, count_statements: StatementCounter
) -> None:
    pools = {
        "Flight": ("spacecraft_flights", await ids(demo_engine, "spacecraft_flights")),
        "Launch": ("launches", await ids(demo_engine, "launches")),
        "Pad": ("pads", await ids(demo_engine, "pads")),
        "Agency": ("agencies", await ids(demo_engine, "agencies")),
    }
    rng = random.Random(5)
    wanted = []
    for index in range(500):
        name = rng.choice(sorted(pools))
        key = rng.choice(pools[name][1])
        by_global = index % 2 == 0
        representation = (
            {"__typename": name, "id": to_global_id(name, key)}
            if by_global
            else {"__typename": name, "ll2Id": key}
        )
        wanted.append((name, key, representation))

    count_statements.reset()
    data = await run(demo_engine, ENTITIES, representations=[w[2] for w in wanted])

    assert [(e["__typename"], e.get("ll2Id", e.get("uuid"))) for e in data["_entities"]] == [
        (name, key) for name, key, _ in wanted
    ]
    assert count_statements.count == len(pools)


async def test_an_unknown_reference_resolves_to_null(demo_engine: AsyncEngine) -> None:
    (flight,) = (await ids(demo_engine, "spacecraft_flights"))[:1]
    representations = [
        {"__typename": "Flight", "ll2Id": 987654321},
        {"__typename": "Flight", "ll2Id": flight},
        {
            "__typename": "Launch",
            "id": to_global_id("Launch", "00000000-0000-4000-8000-000000000000"),
        },
    ]
    data = await run(demo_engine, ENTITIES, representations=representations)
    assert data["_entities"][0] is None and data["_entities"][2] is None
    assert data["_entities"][1]["ll2Id"] == flight


async def test_a_mismatched_global_id_is_an_error_at_its_index(demo_engine: AsyncEngine) -> None:
    (flight,) = (await ids(demo_engine, "spacecraft_flights"))[:1]
    result = await run_raw(
        demo_engine,
        ENTITIES,
        representations=[
            {"__typename": "Launch", "id": to_global_id("Flight", flight)},
            {"__typename": "Flight", "ll2Id": flight},
        ],
    )
    assert result.data["_entities"][0] is None
    assert result.data["_entities"][1]["ll2Id"] == flight
    (error,) = result.errors
    assert error.path == ["_entities", 0] and "is a Flight id" in error.message


async def test_service_sdl_is_the_committed_schema_file(engine: AsyncEngine) -> None:
    data = await run(engine, "{ _service { sdl } }")
    committed = (ROOT / "schema.graphql").read_text()
    assert data["_service"]["sdl"].strip() == committed.strip()
    assert '@link(url: "https://specs.apollo.dev/federation/v2.3"' in committed
    assert 'type Launch implements Node @key(fields: "id"' in committed
    assert '@key(fields: "ll2Id"' in committed


async def test_without_introspection_the_gateway_still_gets_the_sdl(engine: AsyncEngine) -> None:
    closed = build_schema(introspection=False)
    refused = await closed.execute("{ __schema { types { name } } }", context_value=Context(engine))
    assert refused.errors and "introspection" in refused.errors[0].message.lower()
    served = await closed.execute("{ _service { sdl } }", context_value=Context(engine))
    assert served.errors is None
    assert (
        served.data["_service"]["sdl"]
        == (await schema.execute("{ _service { sdl } }", context_value=Context(engine))).data[
            "_service"
        ]["sdl"]
    )

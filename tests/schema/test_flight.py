"""The ``Flight`` node: every leaf of LL2's detailed shape, by ll2Id, global id and node()."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import SEED_FLIGHT, shared_file
from tests.ingest.readback import leaves
from tests.schema.helpers import as_graphql, ingest, load_json, run, selection_for


async def test_flight_859_returns_every_leaf_of_the_seed(engine: AsyncEngine) -> None:
    seed_path = shared_file(SEED_FLIGHT)
    seed = load_json(seed_path)
    await ingest(engine, [seed_path])

    query = f"{{ flight(ll2Id: {seed['id']}) {selection_for(seed, 'Flight')} }}"
    data = await run(engine, query)

    expected = leaves(as_graphql(seed))
    got = leaves(data["flight"])
    mismatches = {
        path: (want, got.get(path, "<missing>"))
        for path, want in expected.items()
        if got.get(path, "<missing>") != want
    }
    assert mismatches == {}
    assert len(expected) > 250  # the seed really was walked, not an empty shape


async def test_flight_by_global_id_and_node_agree(engine: AsyncEngine) -> None:
    await ingest(engine, [shared_file(SEED_FLIGHT)])
    data = await run(engine, "{ flight(ll2Id: 859) { id ll2Id destination } }")
    global_id = data["flight"]["id"]

    by_id = await run(engine, "query($id: ID!) { flight(id: $id) { ll2Id } }", id=global_id)
    assert by_id["flight"] == {"ll2Id": 859}

    node = await run(
        engine,
        "query($id: ID!) { node(id: $id) { id __typename ... on Flight { destination } } }",
        id=global_id,
    )
    assert node["node"] == {
        "id": global_id,
        "__typename": "Flight",
        "destination": "Low Earth Orbit",
    }

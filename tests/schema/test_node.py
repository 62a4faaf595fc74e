"""Relay object identification: ``node``, ``nodes``, global ids, unknown and malformed ids."""

from __future__ import annotations

import base64

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import SEED_FLIGHT, StatementCounter, shared_file
from tests.schema.helpers import ingest, run, run_raw


def gid(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


LAUNCH = "ea4825db-6866-40dd-932d-bacdb1c705ab"


async def test_every_node_refetches_by_its_global_id(engine: AsyncEngine) -> None:
    await ingest(engine, [shared_file(SEED_FLIGHT)])
    data = await run(
        engine,
        """{ flight(ll2Id: 859) { id
             launch { id ll2Id pad { id location { id celestialBody { id } } }
               status { id } rocket { id configuration { id families { id } } } }
             spacecraft { id spacecraftConfig { id
               agency { id country { id } logo { id } } } } } }""",
    )
    found: list[str] = []

    def collect(value: object) -> None:
        if isinstance(value, dict):
            if "id" in value:
                found.append(value["id"])
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(data)
    assert len(found) == 15
    nodes = await run(engine, "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", ids=found)
    assert [n["id"] for n in nodes["nodes"]] == found


async def test_launch_global_id_holds_its_uuid(engine: AsyncEngine) -> None:
    await ingest(engine, [shared_file(SEED_FLIGHT)])
    data = await run(engine, f'{{ launch(ll2Id: "{LAUNCH}") {{ id ll2Id name }} }}')
    assert data["launch"]["id"] == gid(f"Launch:{LAUNCH}")
    assert data["launch"]["ll2Id"] == LAUNCH


async def test_unknown_ids_give_null(engine: AsyncEngine) -> None:
    await ingest(engine, [shared_file(SEED_FLIGHT)])
    data = await run(
        engine,
        "query($a: ID!, $b: ID!) { flight(ll2Id: 1) { id } byId: flight(id: $a) { id }"
        " node(id: $b) { id } nodes(ids: [$a, $b]) { id } }",
        a=gid("Flight:424242"),
        b=gid("Launch:00000000-0000-0000-0000-000000000000"),
    )
    assert data == {"flight": None, "byId": None, "node": None, "nodes": [None, None]}


async def test_a_malformed_id_in_nodes_nulls_only_its_entry(
    engine: AsyncEngine, count_statements: StatementCounter
) -> None:
    """The other ids are answered (in one batch), the rest of the operation too; the error
    carries the entry's path."""
    await ingest(engine, [shared_file(SEED_FLIGHT)])
    ids = [
        gid("Flight:859"),
        "garbage",
        gid("Flight:424242"),
        gid("Flight:abc"),
        gid("Rocket:8144"),
    ]
    query = (
        "query($ids: [ID!]!) { nodes(ids: $ids) { ... on Flight { ll2Id } ... on Rocket { ll2Id } }"
        " flight(ll2Id: 859) { ll2Id } }"
    )
    count_statements.statements.clear()
    result = await run_raw(engine, query, ids=ids)
    assert result.data == {
        "nodes": [{"ll2Id": 859}, None, None, None, {"ll2Id": 8144}],
        "flight": {"ll2Id": 859},
    }
    assert [(e.path, e.extensions["code"]) for e in result.errors] == [
        (["nodes", 1], "BAD_USER_INPUT"),
        (["nodes", 3], "BAD_USER_INPUT"),
    ]
    assert "malformed global id 'garbage'" in result.errors[0].message
    # Flights (the root flight in the same batch) and rockets: one statement each on the
    # standard executor; the compiled executor has loaded the flights once before it hands
    # an operation with an item error over to it (an error path: not worth a second copy of
    # graphql-core's error building).
    statements = [s.split("\n")[0][:40] for s in count_statements.statements]
    assert len(statements) <= 3, statements
    assert sum("FROM rockets" in s for s in count_statements.statements) == 1


@pytest.mark.parametrize(
    ("global_id", "message"),
    [
        ("not base64!", "not base64"),
        (gid("Flight"), "expected base64 of '<Type>:<id>'"),
        (gid("Starship:1"), "expected base64 of '<Type>:<id>'"),
        (gid("Flight:abc"), "'abc' is not a valid Flight id"),
        (gid("Launch:123"), "'123' is not a valid Launch id"),
        # Beyond the store's 64-bit ids: refused before any SQL.
        (gid("Flight:9223372036854775808"), "is not a valid Flight id"),
        (gid("Flight:100000000000000000000"), "is not a valid Flight id"),
    ],
)
async def test_malformed_global_id_is_a_clear_user_error(
    engine: AsyncEngine, global_id: str, message: str
) -> None:
    result = await run_raw(engine, "query($id: ID!) { node(id: $id) { id } }", id=global_id)
    assert result.data == {"node": None}
    (error,) = result.errors
    assert "malformed global id" in error.message
    assert message in error.message
    assert error.extensions == {"code": "BAD_USER_INPUT"}


async def test_a_global_id_of_another_type_is_refused(engine: AsyncEngine) -> None:
    result = await run_raw(
        engine, "query($id: ID!) { flight(id: $id) { id } }", id=gid(f"Launch:{LAUNCH}")
    )
    (error,) = result.errors
    assert "is a Launch id" in error.message
    assert error.extensions == {"code": "BAD_USER_INPUT"}


@pytest.mark.parametrize("arguments", ["", f'(id: "{gid("Flight:1")}", ll2Id: 1)'])
async def test_root_field_takes_exactly_one_of_id_and_ll2_id(
    engine: AsyncEngine, arguments: str
) -> None:
    result = await run_raw(engine, f"{{ flight{arguments} {{ id }} }}")
    (error,) = result.errors
    assert "exactly one of `id` and `ll2Id`" in error.message
    assert error.extensions == {"code": "BAD_USER_INPUT"}


async def test_a_rocket_refetched_alone_still_finds_its_stages(engine: AsyncEngine) -> None:
    await ingest(engine, [shared_file(SEED_FLIGHT)])
    data = await run(
        engine,
        "query($id: ID!) { node(id: $id) { ... on Rocket { ll2Id spacecraftStage { ll2Id } } } }",
        id=gid("Rocket:8144"),
    )
    assert data["node"] == {"ll2Id": 8144, "spacecraftStage": [{"ll2Id": 859}]}


async def test_nodes_takes_at_most_a_page_of_ids(engine: AsyncEngine) -> None:
    result = await run_raw(
        engine, "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", ids=[gid("Flight:1")] * 101
    )
    (error,) = result.errors
    assert "at most 100 ids (got 101)" in error.message
    assert error.extensions == {"code": "BAD_USER_INPUT"}

"""Compiled execution answers exactly as the standard executor, on both backends.

Each case runs on ``build_schema(compiled=False)`` and ``build_schema(compiled=True)`` and
compares what a client sees (the JSON bytes, so key order counts, and the formatted errors);
it also checks which path answered, from the fallback the compiled executor logs.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import orjson
import pytest
from graphql import ExecutionResult
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.context import Context
from schema import build_schema
from store.engine import create_engine
from store.tables import metadata
from tests.conftest import SEED_FLIGHT, StatementCounter, shared_file
from tests.schema.helpers import ingest

FAST = build_schema(compiled=True)
STANDARD = build_schema(compiled=False)
FALLBACK = "fell back"


def seen(result: ExecutionResult) -> tuple[bytes, list[dict[str, Any]]]:
    return orjson.dumps(result.data), [dict(e.formatted) for e in result.errors or []]


async def both(
    engine: AsyncEngine, caplog: pytest.LogCaptureFixture, query: str, **variables: Any
) -> tuple[ExecutionResult, bool]:
    """The standard result, asserting the compiled one is the same; and whether the compiled
    executor fell back to the standard one."""
    standard = await STANDARD.execute(
        query, variable_values=variables, context_value=Context(engine)
    )
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="schema.compiled.context"):
        fast = await FAST.execute(query, variable_values=variables, context_value=Context(engine))
    assert seen(fast) == seen(standard)
    return standard, any(FALLBACK in r.getMessage() for r in caplog.records)


SHAPES = """
query($withCrew: Boolean!, $noUrl: Boolean!) {
  flight(ll2Id: 859) {
    __typename
    id
    theId: ll2Id
    ...Details
    ... on Node { id }
    ... on Flight @include(if: $withCrew) { launchCrew { role { role } astronaut { name } } }
    url @skip(if: $noUrl)
  }
}
fragment Details on Flight {
  missionEnd duration
  spacecraft { name ...Config }
  spacecraft { serialNumber }
  launch { ll2Id net netPrecision { name }
           rocket { configuration { fullName } spacecraftStage { ll2Id } }
           mission { infoUrls { url type { name } } orbit { name } }
           pad { latitude location { name } } }
}
fragment Config on Spacecraft { spacecraftConfig { name agency { name country { alpha2Code } } } }
"""


@pytest.mark.parametrize(("with_crew", "no_url"), [(True, False), (False, True)])
async def test_fragments_aliases_directives_and_typename_answer_alike(
    engine: AsyncEngine, caplog: pytest.LogCaptureFixture, with_crew: bool, no_url: bool
) -> None:
    await ingest(engine, [shared_file(SEED_FLIGHT)])
    result, fell_back = await both(engine, caplog, SHAPES, withCrew=with_crew, noUrl=no_url)
    assert not fell_back and result.errors is None
    flight = result.data["flight"]  # type: ignore[index]
    assert list(flight)[:3] == ["__typename", "id", "theId"]
    assert ("launchCrew" in flight) is with_crew and ("url" in flight) is not no_url
    assert flight["launch"]["rocket"]["spacecraftStage"] == [{"ll2Id": 859}]


async def test_node_and_nodes_resolve_each_runtime_type(
    engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    await ingest(engine, [shared_file(SEED_FLIGHT)])
    query = """query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
                 ... on Flight { ll2Id } ... on Launch { name } } }"""
    found = await both(engine, caplog, "{ flight(ll2Id: 859) { id launch { id } } }")
    ids = [found[0].data["flight"]["id"], "RmxpZ2h0OjE", found[0].data["flight"]["launch"]["id"]]  # type: ignore[index]
    result, fell_back = await both(engine, caplog, query, ids=ids)
    assert not fell_back
    assert [n and n["__typename"] for n in result.data["nodes"]] == ["Flight", None, "Launch"]  # type: ignore[index]


async def test_a_null_in_a_non_null_field_propagates_as_graphql_core_does(
    engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    await ingest(engine, [shared_file(SEED_FLIGHT)])
    # A country whose id does not fit GraphQL's Int: its non-null ll2Id fails, nulling the
    # item, then the non-null list, then the agency that holds it.
    async with engine.begin() as conn:
        agency = (await conn.execute(select(metadata.tables["agencies"].c.id))).scalars().first()
        await conn.execute(insert(metadata.tables["countries"]).values(id=2**32, name="Far"))
        await conn.execute(
            insert(metadata.tables["agencies_country"]).values(
                owner_id=agency, target_id=2**32, position=99
            )
        )
    query = f"{{ agency(ll2Id: {agency}) {{ name country {{ name ll2Id }} }} }}"
    result, fell_back = await both(engine, caplog, query)
    assert fell_back
    assert result.data == {"agency": None}
    assert result.errors and result.errors[0].path == ["agency", "country", 1, "ll2Id"]
    assert result.errors[0].locations and result.errors[0].locations[0].line == 1


async def test_user_errors_keep_their_paths_and_locations(
    engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    query = """{ ok: flights(first: 1) { totalCount }
  bad: flights(first: 500) { totalCount } node(id: "x") { id } }"""
    result, fell_back = await both(engine, caplog, query)
    assert fell_back
    # (in graphql-core's order, which `both` checked: the order errors happened in)
    assert sorted(e.path for e in result.errors or []) == [["bad"], ["node"]]
    assert result.data is None  # `flights` is non-null: its error nulls the whole response


async def test_a_database_error_reruns_on_the_standard_executor(tmp_path: Path) -> None:
    broken = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'never-migrated.db'}")
    query = "{ flights(first: 2) { nodes { ll2Id } } }"
    try:
        standard = await STANDARD.execute(query, context_value=Context(broken))
        result = await FAST.execute(query, context_value=Context(broken))
    finally:
        await broken.dispose()
    assert result.data is None and result.errors and "no such table" in result.errors[0].message

    # The same errors but for the SQL quoted in the message: the one statement that failed
    # is the compiled one (clients see neither: the HTTP layer masks database errors).
    def unquoted(errors: Any) -> list[dict[str, Any]]:
        out = [dict(e.formatted) for e in errors]
        for error in out:
            error["message"] = error["message"].split("\n[SQL:")[0]
        return out

    assert unquoted(result.errors) == unquoted(standard.errors)


async def test_the_rerun_does_not_wait_on_a_failing_database_twice(tmp_path: Path) -> None:
    from sqlalchemy import event

    broken = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'never-migrated.db'}")
    sent: list[str] = []
    event.listen(broken.sync_engine, "before_cursor_execute", lambda *a: sent.append(a[2]))
    query = "{ flights(first: 2) { nodes { ll2Id } } }"
    try:
        await STANDARD.execute(query, context_value=Context(broken))
        standard = len(sent)
        sent.clear()
        await FAST.execute(query, context_value=Context(broken))
    finally:
        await broken.dispose()
    # The failed batch is kept for the standard rerun: it is not sent a second time.
    assert standard == len(sent) == 1


NESTED_PAGES = """{ agencies(first: 20) { nodes { ll2Id
  launches(first: 3, orderBy: NET_DESC) { totalCount edges { cursor node { name
    pad { name } status { abbrev } } } pageInfo { hasNextPage startCursor } } } } }"""


async def test_nested_connections_answer_alike_with_as_few_statements(
    demo_engine: AsyncEngine, caplog: pytest.LogCaptureFixture, count_statements: StatementCounter
) -> None:
    count_statements.reset()
    standard = await STANDARD.execute(NESTED_PAGES, context_value=Context(demo_engine))
    standard_statements = count_statements.count
    count_statements.reset()
    result, fell_back = await both(demo_engine, caplog, NESTED_PAGES)
    assert not fell_back and result.errors is None
    fast_statements = count_statements.count - standard_statements  # `both` runs each once
    # standard: page, launches (one per level for all 20 agencies), counts, pads, statuses;
    # compiled: one statement renders it all
    assert standard_statements == 5
    assert fast_statements == 1
    assert seen(standard) == seen(result)
    agencies = result.data["agencies"]["nodes"]  # type: ignore[index]
    assert sum(a["launches"]["totalCount"] > 0 for a in agencies) >= 2


async def test_an_extension_resolving_each_field_sees_every_field(engine: AsyncEngine) -> None:
    from strawberry.extensions import SchemaExtension

    seen_fields: list[str] = []

    class EveryField(SchemaExtension):
        def resolve(self, _next: Any, root: Any, info: Any, *args: Any, **kwargs: Any) -> Any:
            seen_fields.append(info.field_name)
            return _next(root, info, *args, **kwargs)

    await ingest(engine, [shared_file(SEED_FLIGHT)])
    watched = build_schema(compiled=True, extensions=[EveryField])
    query = "{ flight(ll2Id: 859) { ll2Id spacecraft { name } } }"
    result = await watched.execute(query, context_value=Context(engine))
    assert result.data == {
        "flight": {"ll2Id": 859, "spacecraft": {"name": "Chinese reusable experimental spacecraft"}}
    }
    assert sorted(seen_fields) == ["flight", "ll2Id", "name", "spacecraft"]

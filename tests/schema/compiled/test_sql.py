"""The compiled SQL path: one statement per operation, the standard executor's answer.

Each case runs on the standard executor and on the compiled one, compares the JSON bytes (key
order counts) and the errors, and counts the SQL statements the compiled run sent.
"""

from __future__ import annotations

import logging
from typing import Any

import orjson
import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.queries import Q2, Q3, Q4, Q5, UPCOMING_FROM, q1_variables
from gateway.context import Context
from gateway.rest import execute as rest_execute
from gateway.rest.documents import mode_document
from schema import build_schema
from store.engine import create_engine
from store.tables import metadata
from tests.conftest import StatementCounter

FAST = build_schema(compiled=True)
STANDARD = build_schema(compiled=False)
SQL_FELL_BACK = "compiled SQL fell back"


async def compare(
    engine: AsyncEngine,
    counter: StatementCounter,
    caplog: pytest.LogCaptureFixture,
    query: str,
    **variables: Any,
) -> tuple[Any, int, bool]:
    """The standard data; the compiled run's statement count and whether its SQL fell back."""
    standard = await STANDARD.execute(
        query, variable_values=variables, context_value=Context(engine)
    )
    counter.reset()
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="schema.compiled.context"):
        fast = await FAST.execute(query, variable_values=variables, context_value=Context(engine))
    assert orjson.dumps(fast.data) == orjson.dumps(standard.data)
    assert [e.formatted for e in fast.errors or []] == [e.formatted for e in standard.errors or []]
    fell_back = any(SQL_FELL_BACK in r.getMessage() for r in caplog.records)
    return standard.data, counter.count, fell_back


async def _targets(engine: AsyncEngine) -> dict[str, Any]:
    found = await STANDARD.execute(
        """{ agencies(first: 1, orderBy: ID_ASC) { nodes { ll2Id } }
             flights(first: 3, offset: 40) { edges { cursor node { ll2Id } } } }""",
        context_value=Context(engine),
    )
    assert found.data is not None
    edges = found.data["flights"]["edges"]
    return {
        "agency": found.data["agencies"]["nodes"][0]["ll2Id"],
        "flight": edges[0]["node"]["ll2Id"],
        "after": edges[2]["cursor"],
    }


async def test_benchmark_queries_take_one_statement_each(
    demo_engine: AsyncEngine, count_statements: StatementCounter, caplog: pytest.LogCaptureFixture
) -> None:
    targets = await _targets(demo_engine)
    cases = [
        (Q2, {"from": UPCOMING_FROM}),
        (Q3, {"agency": targets["agency"]}),
        (Q4, {"flight": targets["flight"]}),
        (Q5, {"after": targets["after"]}),
    ]
    for query, variables in cases:
        data, statements, fell_back = await compare(
            demo_engine, count_statements, caplog, query, **variables
        )
        assert data is not None and all(value is not None for value in data.values())
        assert not fell_back
        assert statements == 1


@pytest.mark.parametrize("backend", ["postgres"])
async def test_what_sqlite_refuses_postgres_still_runs_in_one_statement(
    demo_engine: AsyncEngine, count_statements: StatementCounter
) -> None:
    """A plan is shared by every engine of the process (the REST layer's documents are parsed
    once): LL2's detailed flight document is too deep for SQLite's parser, and that verdict must
    not send PostgreSQL breadth-first too (the benchmark's REST Q1 ran 58 statements on
    PostgreSQL after its SQLite run)."""
    document = mode_document("spacecraft_flights.detailed")
    variables = q1_variables(first=5)
    sqlite = create_engine("sqlite+aiosqlite://")  # no tables: its parser refuses first
    try:
        with pytest.raises(rest_execute.Unavailable):  # then breadth-first finds no tables
            await rest_execute.run(document, variables, Context(sqlite))
    finally:
        await sqlite.dispose()
    count_statements.reset()
    data = await rest_execute.run(document, variables, Context(demo_engine))
    assert len(data["page"]["results"]) == 5
    assert count_statements.count == 1


async def test_a_cached_statement_binds_each_requests_values(
    demo_engine: AsyncEngine, count_statements: StatementCounter, caplog: pytest.LogCaptureFixture
) -> None:
    found = await STANDARD.execute(
        "{ flights(first: 4, offset: 10) { edges { cursor node { ll2Id } } } }",
        context_value=Context(demo_engine),
    )
    assert found.data is not None
    edges = found.data["flights"]["edges"]
    query = """query($f: Int!, $after: String!, $t: String!) {
      flight(ll2Id: $f) { ll2Id launch { name } }
      flights(first: 2, after: $after, filter: {destination: {contains: $t}}) {
        nodes { ll2Id } pageInfo { endCursor } }
    }"""
    answers = []
    for edge, text in zip(edges, ["", "Orbit", "o", "Low"], strict=True):
        data, statements, fell_back = await compare(
            demo_engine,
            count_statements,
            caplog,
            query,
            f=edge["node"]["ll2Id"],
            after=edge["cursor"],
            t=text,
        )
        assert not fell_back and statements == 1
        answers.append(data)
    # Each request got its own values' answer, not the first one's.
    assert len({orjson.dumps(answer) for answer in answers}) == len(answers)


@pytest.mark.parametrize("first", [1, 7, 100])
async def test_statement_count_is_flat_in_the_page_size(
    demo_engine: AsyncEngine,
    count_statements: StatementCounter,
    caplog: pytest.LogCaptureFixture,
    first: int,
) -> None:
    query = """query($first: Int!) {
      launches(first: $first, orderBy: NET_DESC) {
        totalCount
        edges { cursor node { id ll2Id name net pad { name location { name } }
                              launchServiceProvider { name launches(first: 2) { totalCount } } } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
      again: launches(last: $first, before: "eyJvIjoibmV0IiwidiI6W251bGwsbnVsbF19") {
        nodes { ll2Id }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }"""
    _, statements, fell_back = await compare(
        demo_engine, count_statements, caplog, query, first=first
    )
    assert not fell_back
    assert statements == 1


async def test_several_root_fields_and_typename_share_the_statement(
    demo_engine: AsyncEngine, count_statements: StatementCounter, caplog: pytest.LogCaptureFixture
) -> None:
    targets = await _targets(demo_engine)
    query = """query($f: Int!) {
      __typename
      a: flight(ll2Id: $f) { __typename id ll2Id launch { id name } }
      missing: flight(ll2Id: -5) { ll2Id }
      agencies(first: 3, filter: {name: {contains: "a"}}) { totalCount nodes { name } }
    }"""
    data, statements, fell_back = await compare(
        demo_engine, count_statements, caplog, query, f=targets["flight"]
    )
    assert data["missing"] is None and data["__typename"] == "Query"
    assert not fell_back
    assert statements == 1


async def test_bad_arguments_answer_the_standard_error(
    demo_engine: AsyncEngine, count_statements: StatementCounter, caplog: pytest.LogCaptureFixture
) -> None:
    for query in (
        "{ flights(first: 1000) { totalCount } }",
        '{ flights(after: "not a cursor") { totalCount } }',
        '{ flight(id: "RmxpZ2h0Ong=") { ll2Id } }',
    ):
        data, _, _ = await compare(demo_engine, count_statements, caplog, query)
        assert data is None or set(data.values()) == {None}


async def test_an_int_beyond_32_bits_fails_the_statement_and_answers_the_standard_error(
    demo_engine: AsyncEngine, count_statements: StatementCounter, caplog: pytest.LogCaptureFixture
) -> None:
    agencies = metadata.tables["agencies"]
    async with demo_engine.begin() as connection:
        first = (await connection.execute(agencies.select().order_by(agencies.c.id))).first()
        assert first is not None
        statement = update(agencies).where(agencies.c.id == first.id)
        await connection.execute(statement.values(total_launch_count=2**40))
    query = "{ agencies(first: 2, orderBy: ID_ASC) { nodes { name totalLaunchCount } } }"
    data, _, fell_back = await compare(demo_engine, count_statements, caplog, query)
    assert fell_back
    assert data["agencies"] is None or data["agencies"]["nodes"][0]["totalLaunchCount"] is None


async def test_hostile_text_in_filters_and_keys_is_data(
    demo_engine: AsyncEngine, count_statements: StatementCounter, caplog: pytest.LogCaptureFixture
) -> None:
    texts = [
        "'); DROP TABLE launches;--",
        '"}]}',
        "%_\\",
        "é\u2028\n\t\x01",
        "a" * 200,
    ]  # 200: the longest filter text taken
    for text in texts:
        query = """query($t: String!) { agencies(filter: {name: {contains: $t}}, first: 5) {
          totalCount hostile_key_name: nodes { name }
          pageInfo { endCursor } } }"""
        _, statements, fell_back = await compare(
            demo_engine, count_statements, caplog, query, t=text
        )
        assert not fell_back and statements == 1

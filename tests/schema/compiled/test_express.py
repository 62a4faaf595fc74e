"""The express lane: an operation the SQL path answered is answered again without Strawberry's
execute — the same bytes, one statement — and anything but a clean answer takes the full path,
whose errors are exactly those of an app that never learned the operation."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from graphql import parse
from sqlalchemy.ext.asyncio import AsyncEngine
from strawberry.schema.schema import Schema as StrawberrySchema

from gateway.app import create_app
from gateway.settings import Settings
from schema.compiled import sql_run
from schema.compiled.express import Answered, ExpressLane, _Watch
from tests.conftest import SEED_FLIGHT, StatementCounter, shared_file
from tests.gateway.helpers import client_for
from tests.gateway.http.conftest import close_views
from tests.schema.helpers import ingest

FLIGHT = """query Flight($id: Int!) {
  flight(ll2Id: $id) { ll2Id destination launch { name net pad { name } } }
}"""
FLIGHTS = """query Page($first: Int, $filter: FlightFilter) {
  flights(first: $first, filter: $filter) { totalCount nodes { ll2Id } }
}"""


@pytest.fixture
async def seeded(engine: AsyncEngine) -> AsyncEngine:
    await ingest(engine, [shared_file(SEED_FLIGHT)])
    return engine


@pytest.fixture
def full_path_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents Strawberry's ``Schema.execute`` (the full path) ran."""
    ran: list[str] = []
    execute = StrawberrySchema.execute

    async def counted(self: Any, query: str | None, *args: Any, **kwargs: Any) -> Any:
        ran.append(query or "")
        return await execute(self, query, *args, **kwargs)

    monkeypatch.setattr(StrawberrySchema, "execute", counted)
    return ran


@contextlib.asynccontextmanager
async def served(engine: AsyncEngine, **settings: Any) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(Settings(**settings), engine=engine)
    try:
        async with client_for(app) as http:
            yield http
    finally:
        await close_views(app)


async def test_a_repeated_query_skips_the_full_path_and_answers_the_same_bytes(
    seeded: AsyncEngine, full_path_runs: list[str], count_statements: StatementCounter
) -> None:
    async with served(seeded) as http:
        first = await http.post("/graphql", json={"query": FLIGHT, "variables": {"id": 859}})
        count_statements.reset()
        again = await http.post("/graphql", json={"query": FLIGHT, "variables": {"id": 859}})
        assert count_statements.count == 1
        other = await http.get("/graphql", params={"query": FLIGHT, "variables": '{"id": 1}'})
    assert full_path_runs == [FLIGHT]
    assert first.status_code == again.status_code == other.status_code == 200
    assert first.json()["data"]["flight"]["launch"]["pad"]["name"]
    assert again.content == first.content
    assert other.json() == {"data": {"flight": None}}


@pytest.mark.parametrize(
    ("variables", "settings"),
    [
        ({"id": "859"}, {}),  # does not coerce to Int
        ({"id": None}, {}),  # null for a non-null variable
        ({}, {}),  # missing
        ({"id": 2**40}, {}),  # beyond Int
    ],
)
async def test_variables_the_lane_cannot_take_get_the_full_paths_errors(
    seeded: AsyncEngine, variables: dict[str, Any], settings: dict[str, Any]
) -> None:
    body = {"query": FLIGHT, "variables": variables}
    async with served(seeded, **settings) as fresh:
        expected = await fresh.post("/graphql", json=body)
    async with served(seeded, **settings) as http:
        await http.post("/graphql", json={"query": FLIGHT, "variables": {"id": 859}})
        answer = await http.post("/graphql", json=body)
    assert answer.status_code == expected.status_code
    assert answer.json() == expected.json()
    assert answer.json()["errors"][0]["extensions"]["code"]


async def test_a_cost_over_the_limit_with_these_variables_is_refused_as_before(
    seeded: AsyncEngine, full_path_runs: list[str]
) -> None:
    async with served(seeded, max_cost=60) as http:
        cheap = await http.post("/graphql", json={"query": FLIGHTS, "variables": {"first": 2}})
        dear = await http.post("/graphql", json={"query": FLIGHTS, "variables": {"first": 100}})
        priced = {"first": 2, "filter": {"or": [{"destination": {"contains": "x"}}] * 3}}
        searched = await http.post("/graphql", json={"query": FLIGHTS, "variables": priced})
        too_big = await http.post("/graphql", json={"query": FLIGHTS, "variables": {"first": 101}})
    assert cheap.json()["data"]["flights"]["totalCount"] == 1
    assert dear.json()["errors"][0]["extensions"]["code"] == "COST_LIMIT_EXCEEDED"
    assert searched.json()["errors"][0]["extensions"]["code"] == "COST_LIMIT_EXCEEDED"
    assert too_big.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert len(full_path_runs) == 4  # the first learned it; each refusal took the full path


async def test_operations_that_plan_by_their_variables_or_fail_are_not_learned(
    seeded: AsyncEngine, full_path_runs: list[str]
) -> None:
    directed = (
        "query($more: Boolean!) { flight(ll2Id: 859) { ll2Id destination @include(if: $more) } }"
    )
    failing = '{ flight(ll2Id: 859) { ll2Id } nodes(ids: ["garbage"]) { id } }'
    async with served(seeded) as http:
        for more in (True, False, True):
            body = {"query": directed, "variables": {"more": more}}
            answer = await http.post("/graphql", json=body)
            assert ("destination" in answer.json()["data"]["flight"]) is more
        for _ in range(2):
            assert (await http.post("/graphql", json={"query": failing})).json()["errors"]
    assert full_path_runs == [directed] * 3 + [failing] * 2


async def test_operations_of_one_document_are_learned_by_name(
    seeded: AsyncEngine, full_path_runs: list[str]
) -> None:
    document = (
        "query A { flight(ll2Id: 859) { ll2Id } } query B { flights(first: 1) { totalCount } }"
    )
    async with served(seeded) as http:
        answers = [
            await http.post("/graphql", json={"query": document, "operationName": name})
            for name in ("A", "B", "A", "B")
        ]
        unnamed = await http.post("/graphql", json={"query": document})
    assert answers[2].json() == {"data": {"flight": {"ll2Id": 859}}}
    assert answers[3].json() == {"data": {"flights": {"totalCount": 1}}}
    # Strawberry runs a document's first operation when none is named: learned apart.
    assert unnamed.json() == answers[0].json()
    assert full_path_runs == [document] * 3  # A, B, then the unnamed request


async def test_a_database_failure_in_the_lane_answers_503_as_the_full_path_does(
    seeded: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = {"query": FLIGHT, "variables": {"id": 859}}
    async with served(seeded) as http:
        assert (await http.post("/graphql", json=body)).status_code == 200

        async def unreachable(*_: Any) -> Any:
            raise OSError("connection refused")

        monkeypatch.setattr(sql_run.Prepared, "run", unreachable)
        monkeypatch.setattr(sql_run.Prepared, "run_direct", unreachable)  # PostgreSQL's
        answer = await http.post("/graphql", json=body)
    assert answer.status_code == 503
    assert answer.json()["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"


def test_the_lane_keeps_a_bounded_number_of_operations() -> None:
    lane = ExpressLane(schema=None, guards=None, size=2)  # type: ignore[arg-type]
    for index in range(3):
        query = f"{{ flight(ll2Id: {index}) {{ ll2Id }} }}"
        document = parse(query)
        watch = _Watch()
        watch.answered.append(Answered(document, document.definitions[0], plan=None))  # type: ignore[arg-type]
        lane.learn(query, None, watch)
    assert len(lane.known) == 2
    assert ("{ flight(ll2Id: 0) { ll2Id } }", None) not in lane.known


async def test_search_terms_too_short_for_trigrams_get_their_own_statement(
    demo_engine: AsyncEngine,
) -> None:
    """Whether a term can use the trigram index changes the SQL on SQLite (a short one scans):
    an operation learned with one kind of term answers the other kind as a fresh app does."""
    terms = ["Aurora", "Au", "Aurora-D", "_r%", "%ra", "n 2", "SN1", "a", "Aurora"]
    bodies = [
        {"query": FLIGHTS, "variables": {"first": 50, "filter": {"search": term}}} for term in terms
    ]
    expected = []
    for body in bodies:
        async with served(demo_engine) as fresh:
            expected.append((await fresh.post("/graphql", json=body)).json())
    async with served(demo_engine) as http:
        answers = [(await http.post("/graphql", json=body)).json() for body in bodies]
    assert answers == expected
    totals = [answer["data"]["flights"]["totalCount"] for answer in answers]
    assert totals[0] > 0 and len(set(totals)) > 2, totals


async def test_variables_seen_before_are_not_coerced_costed_or_bound_again(
    seeded: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    from schema.compiled import express

    bound: list[Any] = []
    bind_plan = express.bind_plan

    def counted(run: Any, plan: Any) -> Any:
        bound.append(run.executor.variable_values)
        return bind_plan(run, plan)

    monkeypatch.setattr(express, "bind_plan", counted)
    async with served(seeded) as http:
        answers = [
            await http.post("/graphql", json={"query": FLIGHT, "variables": {"id": key}})
            for key in (859, 859, 859, 1, 859, 1)
        ]
    # The first request takes the full path and teaches the lane; then 859 and 1 once each.
    assert len(bound) == 2
    assert [a.content for a in answers[1:3]] == [answers[0].content] * 2
    assert answers[4].content == answers[0].content
    assert answers[3].json() == answers[5].json() == {"data": {"flight": None}}

"""/metrics after known traffic: each family's samples are exactly what that traffic caused."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.gateway.http.conftest import Client
from tests.gateway.observe.scrape import scrape, series, value

FLIGHT = "query Flight { flight(ll2Id: 859) { ll2Id } }"
OPERATIONS = "flightgraph_graphql_operations_total"


async def test_graphql_operations_are_counted_by_name_outcome_and_code(client: Client) -> None:
    async with client() as http:
        for _ in range(2):
            assert (await http.post("/graphql", json={"query": FLIGHT})).status_code == 200
        await http.post("/graphql", json={"query": "query Broken { nope }"})
        await http.post("/graphql", json={"query": "{ __typename }"})
        bad_json = await http.post(
            "/graphql", content=b"{", headers={"content-type": "application/json"}
        )
        assert bad_json.status_code == 400
        samples = await scrape(http)
    ok = {"outcome": "ok", "code": "none"}
    assert value(samples, OPERATIONS, operation="Flight", **ok) == 2
    assert value(samples, OPERATIONS, operation="anonymous", **ok) == 1
    failed = {"operation": "Broken", "outcome": "error", "code": "GRAPHQL_VALIDATION_FAILED"}
    assert value(samples, OPERATIONS, **failed) == 1
    unread = {"operation": "anonymous", "outcome": "error", "code": "BAD_REQUEST"}
    assert value(samples, OPERATIONS, **unread) == 1
    assert sum(v for (name, _), v in samples.items() if name == OPERATIONS) == 5


async def test_each_operation_of_a_batch_counts(client: Client) -> None:
    async with client() as http:
        batch = [{"query": FLIGHT}, {"query": "query Other { __typename }"}]
        assert (await http.post("/graphql", json=batch)).status_code == 200
        samples = await scrape(http)
    assert value(samples, OPERATIONS, operation="Flight", outcome="ok", code="none") == 1
    assert value(samples, OPERATIONS, operation="Other", outcome="ok", code="none") == 1
    assert value(samples, "flightgraph_request_duration_seconds_count", surface="graphql") == 1


async def test_rest_requests_are_counted_by_route_template(client: Client) -> None:
    async with client() as http:
        assert (await http.get("/2.3.0/spacecraft_flights/859/")).status_code == 200
        assert (await http.get("/2.3.0/spacecraft_flights/1/")).status_code == 404
        assert (await http.get("/2.3.0/spacecraft_flights/")).status_code == 200
        assert (await http.get("/2.3.0/nothing-here/")).status_code == 404
        samples = await scrape(http)
    name = "flightgraph_rest_requests_total"
    detail = "/2.3.0/spacecraft_flights/{id}/"
    assert value(samples, name, route=detail, status="200") == 1
    assert value(samples, name, route=detail, status="404") == 1
    assert value(samples, name, route="/2.3.0/spacecraft_flights/", status="200") == 1
    assert value(samples, name, route="unmatched", status="404") == 1
    assert len(series(samples, name)) == 4  # no raw path became a label


async def test_latency_is_a_histogram_per_surface(client: Client) -> None:
    async with client() as http:
        for _ in range(3):
            await http.post("/graphql", json={"query": FLIGHT})
        await http.get("/2.3.0/spacecraft_flights/859/")
        await http.get("/healthz")  # no surface: not timed
        samples = await scrape(http)
    name = "flightgraph_request_duration_seconds"
    assert value(samples, name + "_count", surface="graphql") == 3
    assert value(samples, name + "_bucket", surface="graphql", le="+Inf") == 3
    assert value(samples, name + "_count", surface="rest") == 1
    assert 0 < value(samples, name + "_sum", surface="rest") < 10
    assert {labels["surface"] for labels in series(samples, name + "_count")} == {"graphql", "rest"}


async def test_sql_statements_and_time_are_attributed_to_each_request(
    client: Client, seeded: AsyncEngine
) -> None:
    statements: list[str] = []

    def counted(*args: Any) -> None:
        statements.append(args[2])

    event.listen(seeded.sync_engine, "before_cursor_execute", counted)
    try:
        async with client() as http:
            await http.post("/graphql", json={"query": FLIGHT})
            graphql = len(statements)
            await http.get("/2.3.0/spacecraft_flights/859/")
            rest = len(statements) - graphql
            samples = await scrape(http)  # reads the sync lag: one statement of no request
    finally:
        event.remove(seeded.sync_engine, "before_cursor_execute", counted)
    assert graphql == 1  # the compiled path: one statement
    assert rest >= 1
    name = "flightgraph_request_sql_statements"
    assert value(samples, name + "_count", surface="graphql") == 1
    assert value(samples, name + "_sum", surface="graphql") == graphql
    assert value(samples, name + "_bucket", surface="graphql", le="0.0") == 0
    assert value(samples, name + "_bucket", surface="graphql", le="1.0") == 1
    assert value(samples, name + "_sum", surface="rest") == rest
    assert 0 < value(samples, "flightgraph_sql_seconds_total", surface="graphql") < 5
    assert len(statements) == graphql + rest + 1


async def test_executions_are_counted_by_executor_path(client: Client) -> None:
    # Compiled explicitly: `make test-standard` turns it off for the environment.
    async with client(compiled_execution=True) as http:
        await http.post("/graphql", json={"query": FLIGHT})  # planned: one SQL statement
        await http.post("/graphql", json={"query": FLIGHT})  # learned: the express lane
        await http.post("/graphql", json={"query": "{ _service { sdl } }"})  # not planned
        await http.post("/graphql", json={"query": "{ nope }"})  # refused: never executed
        samples = await scrape(http)
    name = "flightgraph_executions_total"
    assert value(samples, name, path="sql", reason="none") == 1
    assert value(samples, name, path="express", reason="none") == 1
    assert value(samples, name, path="standard", reason="untaught") == 1
    assert sum(v for (n, _), v in samples.items() if n == name) == 3


async def test_executions_without_the_compiled_executor(client: Client) -> None:
    async with client(compiled_execution=False) as http:
        await http.post("/graphql", json={"query": FLIGHT})
        await http.get("/2.3.0/spacecraft_flights/859/")
        samples = await scrape(http)
    name = "flightgraph_executions_total"
    assert value(samples, name, path="standard", reason="compiled_off") == 2
    assert len(series(samples, name)) == 1


async def test_persisted_queries_hits_misses_and_registrations(client: Client) -> None:
    sha = hashlib.sha256(FLIGHT.encode()).hexdigest()
    extensions = {"persistedQuery": {"version": 1, "sha256Hash": sha}}
    async with client() as http:
        missed = await http.post("/graphql", json={"extensions": extensions})
        assert missed.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
        await http.post("/graphql", json={"query": FLIGHT, "extensions": extensions})
        for _ in range(2):
            hit = await http.post("/graphql", json={"extensions": extensions})
            assert hit.json() == {"data": {"flight": {"ll2Id": 859}}}
        samples = await scrape(http)
    name = "flightgraph_persisted_queries_total"
    assert value(samples, name, result="miss") == 1
    assert value(samples, name, result="registered") == 1
    assert value(samples, name, result="hit") == 2
    code = {"outcome": "error", "code": "PERSISTED_QUERY_NOT_FOUND"}
    assert value(samples, OPERATIONS, operation="anonymous", **code) == 1


async def test_rate_limit_refusals_are_counted(client: Client) -> None:
    async with client(rate_limit=0.001, rate_limit_burst=2) as http:
        statuses = [
            (await http.post("/graphql", json={"query": FLIGHT})).status_code for _ in range(3)
        ]
        statuses.append((await http.get("/2.3.0/spacecraft_flights/859/")).status_code)
        samples = await scrape(http)  # /metrics is exempt: it takes no token
    assert statuses == [200, 200, 429, 429]
    name = "flightgraph_rate_limited_total"
    assert value(samples, name, surface="graphql") == 1
    assert value(samples, name, surface="rest") == 1
    refused = {"operation": "none", "outcome": "error", "code": "RATE_LIMITED"}
    assert value(samples, OPERATIONS, **refused) == 1
    routes = "flightgraph_rest_requests_total"
    assert value(samples, routes, route="unmatched", status="429") == 1


async def test_pool_connections_are_read_when_scraped(client: Client, seeded: AsyncEngine) -> None:
    name = "flightgraph_db_pool_checked_out"
    async with client() as http:
        await http.post("/graphql", json={"query": FLIGHT})
        assert value(await scrape(http), name) == 0
        async with seeded.connect(), seeded.connect():
            assert value(await scrape(http), name) == 2
        assert value(await scrape(http), name) == 0


@pytest.mark.slow
async def test_ten_thousand_operation_names_stay_a_hundred_series(client: Client) -> None:
    # Batches of 100: a batch's operations run at once, each within the execution timeout.
    async with client(batch_max=100, execution_timeout=60) as http:
        for start in range(0, 10_000, 100):
            batch = [
                {"query": f"query Op{i} {{ __typename }}", "operationName": f"Op{i}"}
                for i in range(start, start + 100)
            ]
            assert (await http.post("/graphql", json=batch)).status_code == 200
        hostile = {"query": "{ __typename }", "operationName": 'x"} 1\n'}
        await http.post("/graphql", json=hostile)
        samples = await scrape(http)
    labelled = series(samples, OPERATIONS)
    # The first 100 names, `other` for the rest, and `other` refused (the hostile name).
    assert len(labelled) == 102
    kept = [labels for labels in labelled if labels["operation"].startswith("Op")]
    assert len(kept) == 100  # (a batch's operations are noted as they finish)
    assert all(value(samples, OPERATIONS, **labels) == 1 for labels in kept)
    other = {"operation": "other", "outcome": "ok", "code": "none"}
    assert value(samples, OPERATIONS, **other) == 9_900
    unknown = {"operation": "other", "outcome": "error", "code": "BAD_REQUEST"}
    assert value(samples, OPERATIONS, **unknown) == 1  # the hostile name, refused


async def test_the_operation_name_limit_is_a_setting(client: Client) -> None:
    async with client(metrics_operation_names=2) as http:
        for name in ("A", "B", "C", "D"):
            await http.post("/graphql", json={"query": f"query {name} {{ __typename }}"})
        samples = await scrape(http)
    names = {labels["operation"] for labels in series(samples, OPERATIONS)}
    assert names == {"A", "B", "other"}

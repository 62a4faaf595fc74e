"""Error masking, field suggestions and introspection switches, the execution timeout."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.app import create_app
from gateway.settings import Settings
from tests.gateway.helpers import client_for
from tests.gateway.http.conftest import Client, close_views

FLIGHT = {"query": "{ flight(ll2Id: 859) { ll2Id } }"}


class BrokenEngine:
    """An engine whose connections fail with ``error``: a bug, or the database gone."""

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def connect(self) -> Any:
        raise self.error


@contextlib.asynccontextmanager
async def broken(error: BaseException) -> AsyncIterator[Any]:
    app = create_app(Settings(), engine=BrokenEngine(error))  # type: ignore[arg-type]
    try:
        async with client_for(app) as http:
            yield http
    finally:
        await close_views(app)


async def test_unexpected_errors_are_masked_with_an_id_that_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    secret = RuntimeError("password=hunter2 in the DSN")
    with caplog.at_level(logging.ERROR, logger="flightgraph.errors"):
        async with broken(secret) as http:
            response = await http.post("/graphql", json=FLIGHT)
    assert response.status_code == 200
    (error,) = response.json()["errors"]
    assert "hunter2" not in response.text
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    error_id = error["extensions"]["errorId"]
    assert error_id in error["message"]
    assert error["path"] == ["flight"]
    (record,) = [r for r in caplog.records if error_id in r.getMessage()]
    assert record.exc_info is not None and record.exc_info[1] is secret


async def test_an_unreachable_database_is_a_503_with_a_code() -> None:
    async with broken(ConnectionRefusedError(111, "Connection refused")) as http:
        response = await http.post("/graphql", json=FLIGHT)
        batch = await http.post("/graphql", json=[FLIGHT, FLIGHT])
    assert response.status_code == 503
    assert response.headers["retry-after"]
    (error,) = response.json()["errors"]
    assert error["extensions"] == {"code": "SERVICE_UNAVAILABLE"}
    assert "Connection refused" not in response.text
    assert batch.status_code == 503


async def test_validation_errors_stay_readable(client: Client) -> None:
    async with client() as http:
        response = await http.post("/graphql", json={"query": "{ flight(ll2Id: 859) { ll2d } }"})
    (error,) = response.json()["errors"]
    assert error["message"].startswith("Cannot query field 'll2d' on type 'Flight'.")
    assert "Did you mean" in error["message"]
    assert error["locations"]


async def test_a_bad_scalar_literal_is_a_readable_validation_error(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    query = '{ launches(filter: { net: { gte: "2020-01-01T00:00:00" } }) { totalCount } }'
    with caplog.at_level(logging.ERROR, logger="flightgraph"):
        async with client() as http:
            response = await http.post("/graphql", json={"query": query})
    (error,) = response.json()["errors"]
    assert "has no timezone" in error["message"]
    assert error["extensions"] == {"code": "GRAPHQL_VALIDATION_FAILED"}
    assert not caplog.records  # the client's mistake: nothing logged as unexpected


async def test_a_bad_variable_value_has_a_code(client: Client) -> None:
    query = "query($d: DateTime!) { launches(filter: { net: { gte: $d } }) { totalCount } }"
    async with client() as http:
        body = {"query": query, "variables": {"d": "2020-01-01T00:00:00"}}
        response = await http.post("/graphql", json=body)
    (error,) = response.json()["errors"]
    assert error["message"].startswith("Variable '$d' has invalid value")
    assert error["extensions"] == {"code": "BAD_USER_INPUT"}


async def test_field_suggestions_can_be_switched_off(client: Client) -> None:
    query = {"query": "{ flight(ll2Id: 859) { ll2d } }"}
    async with client(field_suggestions=False) as http:
        off = await http.post("/graphql", json=query)
    async with client(profile="production") as http:
        production = await http.post("/graphql", json=query)
    for response in (off, production):
        (error,) = response.json()["errors"]
        assert error["message"] == "Cannot query field 'll2d' on type 'Flight'."


@pytest.mark.parametrize(
    ("query", "variables", "named", "hint"),
    [
        (
            "query($o: FlightOrder!) { flights(orderBy: $o) { totalCount } }",
            {"o": "ID_AS"},
            "FlightOrder",
            "ID_ASC",
        ),
        # An input field's hint is followed by more text ("… Did you mean 'x'? Found: …").
        (
            "query($f: FlightFilter) { flights(filter: $f) { totalCount } }",
            {"f": {"destinaton": {"eq": "Mars"}}},
            "destinaton",
            "'destination'",
        ),
    ],
)
async def test_no_suggestions_for_variables_either(
    client: Client, query: str, variables: dict, named: str, hint: str
) -> None:
    payload = {"query": query, "variables": variables}
    async with client() as http:
        on = await http.post("/graphql", json=payload)
    async with client(field_suggestions=False) as http:
        off = await http.post("/graphql", json=payload)
    assert "Did you mean" in on.json()["errors"][0]["message"]
    message = off.json()["errors"][0]["message"]
    assert named in message
    assert "Did you mean" not in message and hint not in message


async def test_introspection_off_in_production(client: Client) -> None:
    query = {"query": "{ __schema { queryType { name } } }"}
    async with client(profile="production") as http:
        closed = await http.post("/graphql", json=query)
        sdl = await http.post("/graphql", json={"query": "{ _service { sdl } }"})
    async with client() as http:
        open_ = await http.post("/graphql", json=query)
    assert closed.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert sdl.json()["data"]["_service"]["sdl"]
    assert open_.json() == {"data": {"__schema": {"queryType": {"name": "Query"}}}}


async def test_a_request_past_its_time_is_cut_short(client: Client, seeded: AsyncEngine) -> None:
    async with client(execution_timeout=1e-9) as http:
        response = await http.post("/graphql", json=FLIGHT)
    async with client() as http:
        after = await http.post("/graphql", json=FLIGHT)
    assert response.status_code == 504
    assert response.json()["errors"][0]["extensions"]["code"] == "TIMEOUT"
    assert after.json() == {"data": {"flight": {"ll2Id": 859}}}

"""A database that refuses a value or a statement size built from the request is the client's
mistake (``BAD_USER_INPUT``, REST 400, no SQL text), not an outage (503) nor a server error;
outages and timeouts keep their own codes."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from graphql import GraphQLError
from sqlalchemy import exc as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from gateway.app import create_app
from gateway.settings import Settings
from schema.guards import mask_errors, refused_input
from store import direct_read
from tests.conftest import SEED_FLIGHT, shared_file
from tests.gateway.helpers import client_for
from tests.gateway.http.conftest import close_views
from tests.schema.helpers import ingest


class DriverError(Exception):
    """A driver's exception carrying a SQLSTATE, as asyncpg's do."""

    def __init__(self, message: str, sqlstate: str) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


def wrapped(kind: type[sa.DBAPIError], driver: Exception) -> sa.DBAPIError:
    return kind("SELECT secret FROM launches WHERE id = $1", {"p": 1}, driver)


REFUSED = [
    wrapped(sa.DataError, DriverError('value "9e99" is out of range for type integer', "22003")),
    wrapped(sa.ProgrammingError, DriverError("unsupported Unicode escape sequence", "22P05")),
    wrapped(sa.OperationalError, DriverError("stack depth limit exceeded", "54001")),
    wrapped(sa.OperationalError, sqlite3.OperationalError("LIKE or GLOB pattern too complex")),
    wrapped(sa.OperationalError, sqlite3.OperationalError("too many SQL variables")),
]
NOT_REFUSED = [
    wrapped(sa.OperationalError, sqlite3.OperationalError("database is locked")),
    wrapped(sa.OperationalError, DriverError("connection refused", "08001")),
    wrapped(sa.OperationalError, DriverError("canceling statement due to timeout", "57014")),
    wrapped(sa.ProgrammingError, DriverError('column "x" does not exist', "42703")),
]


def masked(error: Exception) -> dict[str, Any]:
    (result,) = mask_errors([GraphQLError("boom", original_error=error, path=["flights"])])
    return result.formatted


@pytest.mark.parametrize("error", REFUSED)
def test_a_refused_input_is_the_clients_mistake_without_sql(error: Exception) -> None:
    assert refused_input(error)
    answer = masked(error)
    assert answer["extensions"] == {"code": "BAD_USER_INPUT"}
    assert answer["message"].startswith("The database refused this request's input: ")
    assert "SELECT" not in answer["message"] and "secret" not in answer["message"]


@pytest.mark.parametrize("error", NOT_REFUSED)
def test_outages_timeouts_and_bugs_are_not_the_clients(error: Exception) -> None:
    assert refused_input(error) is None
    assert masked(error)["extensions"]["code"] != "BAD_USER_INPUT"


def refuse_every_statement(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every statement is refused for its data: those sent through SQLAlchemy's async
    connection, and PostgreSQL's direct reads (``store.direct_read``)."""

    async def refuse(*_: Any, **__: Any) -> Any:
        raise REFUSED[0]

    monkeypatch.setattr(AsyncConnection, "execute", refuse)
    monkeypatch.setattr(AsyncConnection, "exec_driver_sql", refuse)
    monkeypatch.setattr(AsyncConnection, "stream", refuse)
    monkeypatch.setattr(direct_read, "fetch_row", refuse)


async def test_graphql_and_rest_answer_a_refused_input_as_bad_input(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    await ingest(engine, [shared_file(SEED_FLIGHT)])
    refuse_every_statement(monkeypatch)
    app = create_app(Settings(), engine=engine)
    try:
        async with client_for(app) as http:
            graphql = await http.post(
                "/graphql",
                json={"query": "{ flights(first: 1) { nodes { ll2Id } } }"},
                headers={"accept": "application/graphql-response+json"},
            )
            rest = await http.get("/2.3.0/spacecraft_flights/?limit=1")
    finally:
        await close_views(app)
    assert graphql.status_code == 200, graphql.text
    (error,) = graphql.json()["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "out of range" in error["message"] and "SELECT" not in error["message"]
    assert rest.status_code == 400, rest.text
    assert "out of range" in rest.text and "SELECT" not in rest.text

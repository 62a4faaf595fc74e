"""A query sent over graphql-transport-ws gets HTTP's ``execution_timeout``: past it the client
gets an ``error`` (TIMEOUT) and the operation is cancelled. The slow query is one the database
makes wait: the table it reads is locked (PostgreSQL: LOCK TABLE; SQLite: an exclusive lock
on the file, taken before the server opens it)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import sqlite3
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from websockets.asyncio.client import ClientConnection, connect

from gateway.app import create_app
from gateway.http.database import engine_options
from gateway.settings import Settings
from store.engine import create_engine
from tests.conftest import SEED_FLIGHT, Database, shared_file
from tests.databases import POSTGRES_URL, Template, Templates
from tests.gateway.http.live import serve
from tests.gateway.http.test_database_faults import DisposeOnShutdown

FLIGHT = "{ flight(ll2Id: 859) { ll2Id } }"  # reads spacecraft_flights
TIMEOUT = 0.5  # seconds: execution_timeout of these tests


@pytest.fixture
def template(backend: str, templates: Templates) -> Template:
    """The seed flight, on each backend."""
    return templates.get(backend, "seed", [shared_file(SEED_FLIGHT)])


def serving_engine(database: Database, settings: Settings) -> AsyncEngine:
    """The engine ``flightgraph serve`` would open, on the test's copy (PostgreSQL: in the
    copy's schema)."""
    options = engine_options(settings)
    if database.backend == "postgres":
        connect_args = options["connect_args"]
        server = {**connect_args["server_settings"], "search_path": database.schema}
        options["connect_args"] = {**connect_args, "server_settings": server}
    return create_engine(database.url, **options)


@contextlib.asynccontextmanager
async def table_locked(database: Database) -> AsyncIterator[None]:
    """No statement of the server's reads spacecraft_flights until the block ends."""
    if database.backend == "postgres":
        engine = database.engine()
        try:
            async with engine.connect() as conn:
                await conn.execute(text("LOCK TABLE spacecraft_flights IN ACCESS EXCLUSIVE MODE"))
                yield
                await conn.rollback()
        finally:
            await engine.dispose()
        return
    holder = sqlite3.connect(database.path, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("CREATE TABLE IF NOT EXISTS lock_holder (x)")
        yield
        holder.execute("ROLLBACK")
    finally:
        holder.close()  # in exclusive locking mode the lock lasts until the connection ends


async def waiting_statements(database: Database) -> int:
    """The server's statements still running on PostgreSQL (waiting on the lock)."""
    engine = create_engine(POSTGRES_URL)
    try:
        async with engine.connect() as conn:
            found = await conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = :name"
                    " AND application_name = 'flightgraph' AND state = 'active'"
                ),
                {"name": database.name},
            )
            return int(found.scalar_one())
    finally:
        await engine.dispose()


async def subscribe(ws: ClientConnection, ident: str, query: str) -> None:
    await ws.send(json.dumps({"id": ident, "type": "subscribe", "payload": {"query": query}}))


async def received(ws: ClientConnection, timeout: float = 5) -> dict[str, Any]:
    return json.loads(await asyncio.wait_for(ws.recv(), timeout))


INTROSPECTION = "{ __schema { queryType { name } } }"  # reads no table, on either executor
TIMED_OUT = {
    "id": "1",
    "type": "error",
    "payload": [
        {
            "message": f"the operation took longer than {TIMEOUT:g}s",
            "extensions": {"code": "TIMEOUT"},
        }
    ],
}


@pytest.fixture
async def socket(database: Database) -> AsyncIterator[ClientConnection]:
    """An acknowledged graphql-transport-ws socket to a live server of ``database``, whose
    execution_timeout is ``TIMEOUT``."""
    settings = Settings(database_url=database.url, execution_timeout=TIMEOUT)
    engine = serving_engine(database, settings)
    with serve(DisposeOnShutdown(create_app(settings, engine=engine), engine)) as base:
        url = base.replace("http", "ws", 1) + "/graphql"
        async with connect(url, subprotocols=["graphql-transport-ws"], open_timeout=5) as ws:
            await ws.send(json.dumps({"type": "connection_init"}))
            assert await received(ws) == {"type": "connection_ack"}
            yield ws


async def answered(ws: ClientConnection, ident: str, query: str) -> dict[str, Any]:
    await subscribe(ws, ident, query)
    answer = await received(ws, timeout=10)
    assert answer["id"] == ident, answer
    assert answer["type"] == "next", answer
    assert await received(ws) == {"id": ident, "type": "complete"}
    return answer["payload"]


async def test_a_query_past_the_execution_timeout_gets_timeout_and_is_cancelled(
    database: Database, socket: ClientConnection
) -> None:
    async with table_locked(database):
        started = time.monotonic()
        await subscribe(socket, "1", FLIGHT)
        assert await received(socket) == TIMED_OUT
        took = time.monotonic() - started
        assert TIMEOUT <= took < TIMEOUT + 2.5, took
        if database.backend == "postgres" and Settings().compiled_execution:
            # The compiled executor runs its statement in the operation's task: cancelled
            # with it. (graphql-core's runs loader batches in tasks of their own, over HTTP
            # too; the database's statement timeout ends those.)
            deadline = time.monotonic() + 3
            while await waiting_statements(database):
                assert time.monotonic() < deadline, "the statement still waits"
                await asyncio.sleep(0.05)
        schema = {"data": {"__schema": {"queryType": {"name": "Query"}}}}
        assert await answered(socket, "2", INTROSPECTION) == schema  # the socket serves on
    await asyncio.sleep(0.5)  # the table is free: an operation still running would end now
    assert await answered(socket, "3", INTROSPECTION) == schema  # …and nothing came for "1"


async def test_after_a_timeout_the_same_query_is_answered_on_the_same_socket(
    database: Database, socket: ClientConnection
) -> None:
    # Each operation has loaders of its own (ContextPerOperation): the timed-out one's
    # pending load of flight 859 is not what the next one awaits.
    async with table_locked(database):
        await subscribe(socket, "1", FLIGHT)
        assert await received(socket) == TIMED_OUT
    flight = {"data": {"flight": {"ll2Id": 859}}}
    assert await answered(socket, "1", FLIGHT) == flight  # the id is free again

"""The serving path never writes: the whole HTTP face works on a read-only connection
(PostgreSQL: default_transaction_read_only; SQLite: PRAGMA query_only)."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.app import create_app
from gateway.settings import Settings
from store.engine import create_engine
from tests.conftest import SEED_FLIGHT, Database, shared_file
from tests.gateway.helpers import client_for
from tests.gateway.http.conftest import close_views
from tests.schema.helpers import ingest


def read_only(database: Database) -> AsyncEngine:
    if database.backend == "postgres":
        settings = {"search_path": database.schema, "default_transaction_read_only": "on"}
        return create_engine(database.url, connect_args={"server_settings": settings})
    engine = create_engine(database.url)

    @event.listens_for(engine.sync_engine, "connect")
    def _query_only(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA query_only=ON")
        cursor.close()

    return engine


async def test_every_kind_of_request_runs_on_a_read_only_connection(
    engine: AsyncEngine, database: Database
) -> None:
    await ingest(engine, [shared_file(SEED_FLIGHT)])
    reader = read_only(database)
    query = "{ flight(ll2Id: 859) { ll2Id launch { name pad { name agencies { name } } } } }"
    sha256 = hashlib.sha256(query.encode()).hexdigest()
    persisted = {"persistedQuery": {"version": 1, "sha256Hash": sha256}}
    app = create_app(Settings(rate_limit=100), engine=reader)
    try:
        async with client_for(app) as http:
            answers = [
                await http.post("/graphql", json={"query": query}),
                await http.get("/graphql", params={"query": query}),
                await http.post("/graphql", json={"query": query, "extensions": persisted}),
                await http.post("/graphql", json={"extensions": persisted}),
                await http.post("/graphql", json=[{"query": query}, {"query": query}]),
                await http.post("/graphql", json={"query": "{ flights(first: 5) { totalCount } }"}),
                await http.get("/readyz"),
            ]
        # …and the connection really refuses writes.
        with pytest.raises(DBAPIError, match=r"read-only|readonly"):
            async with reader.connect() as conn:
                await conn.exec_driver_sql("CREATE TABLE written (x integer)")
    finally:
        await close_views(app)
        await reader.dispose()
    assert all(answer.status_code == 200 for answer in answers)
    assert all("errors" not in answer.text for answer in answers[:-1])
    assert answers[0].json()["data"]["flight"]["launch"]["pad"]["name"]

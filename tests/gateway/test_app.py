"""``create_app``: /graphql with GraphiQL, /healthz, /readyz, one context per request."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.app import create_app
from gateway.settings import Settings
from store.migrate import upgrade
from store.tables.flights import spacecraft_flights
from tests.conftest import SEED_FLIGHT, Database, shared_file
from tests.gateway.helpers import client_for
from tests.schema.helpers import ingest

FLIGHT = "{ flight(ll2Id: 859) { ll2Id destination launch { name } } }"


async def test_graphql_answers_a_query(engine: AsyncEngine) -> None:
    await ingest(engine, [shared_file(SEED_FLIGHT)])
    async with client_for(create_app(Settings(), engine=engine)) as client:
        response = await client.post("/graphql", json={"query": FLIGHT})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == {
        "data": {
            "flight": {
                "ll2Id": 859,
                "destination": "Low Earth Orbit",
                "launch": {"name": "Long March 2F/G | Chinese Reusable Space Vehicle"},
            }
        }
    }


async def test_graphql_over_get_and_graphiql(engine: AsyncEngine) -> None:
    async with client_for(create_app(Settings(), engine=engine)) as client:
        ide = await client.get("/graphql", headers={"accept": "text/html"})
        query = await client.get("/graphql", params={"query": "{ flight(ll2Id: 1) { id } }"})
        home = await client.get("/")
    assert ide.status_code == 200
    assert "graphiql" in ide.text.lower()
    assert query.json() == {"data": {"flight": None}}
    assert home.status_code in (302, 307)
    assert home.headers["location"] == "/graphql"


async def test_user_errors_carry_a_code(engine: AsyncEngine) -> None:
    async with client_for(create_app(Settings(), engine=engine)) as client:
        response = await client.post(
            "/graphql", json={"query": "{ flights(first: 101) { totalCount } }"}
        )
    body = response.json()
    assert body["data"] is None
    (error,) = body["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT"}
    assert "`first` must be between 0 and 100 (got 101)" in error["message"]


async def test_each_request_gets_fresh_loaders(engine: AsyncEngine) -> None:
    await ingest(engine, [shared_file(SEED_FLIGHT)])
    async with client_for(create_app(Settings(), engine=engine)) as client:
        first = await client.post("/graphql", json={"query": FLIGHT})
        async with engine.begin() as conn:
            await conn.execute(
                update(spacecraft_flights)
                .where(spacecraft_flights.c.id == 859)
                .values(destination="Moon")
            )
        second = await client.post("/graphql", json={"query": FLIGHT})
    assert first.json()["data"]["flight"]["destination"] == "Low Earth Orbit"
    assert second.json()["data"]["flight"]["destination"] == "Moon"


async def test_health_and_readiness(engine: AsyncEngine) -> None:
    async with client_for(create_app(Settings(), engine=engine)) as client:
        health = await client.get("/healthz")
        ready = await client.get("/readyz")
    assert (health.status_code, health.json()) == (200, {"status": "ok"})
    assert (ready.status_code, ready.json()) == (200, {"status": "ready", "database": "ok"})


async def test_not_ready_when_the_database_is_unreachable() -> None:
    unreachable = Settings(database_url="postgresql+asyncpg://nobody@127.0.0.1:1/none")
    async with client_for(create_app(unreachable)) as client:
        health = await client.get("/healthz")
        ready = await client.get("/readyz")
    assert health.status_code == 200
    assert ready.status_code == 503
    assert ready.json()["status"] == "unavailable"
    assert ready.json()["database"]


async def test_not_ready_names_a_missing_schema_without_sql(tmp_path: Path) -> None:
    empty = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}")
    async with client_for(create_app(empty)) as client:
        ready = await client.get("/readyz")
    assert ready.status_code == 503
    reason = ready.json()["database"]
    assert "flightgraph db upgrade" in reason
    assert "SELECT" not in reason and "sqlalche.me" not in reason


async def test_the_app_creates_its_engine_from_settings(tmp_path: Path) -> None:
    database = Database("sqlite", tmp_path)
    engine = database.engine()
    await upgrade(engine)
    await ingest(engine, [shared_file(SEED_FLIGHT)])
    await engine.dispose()
    async with client_for(create_app(Settings(database_url=database.url))) as client:
        response = await client.post("/graphql", json={"query": FLIGHT})
        ready = await client.get("/readyz")
    assert response.json()["data"]["flight"]["ll2Id"] == 859
    assert ready.status_code == 200


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
async def test_probes_only_answer_get(engine: AsyncEngine, path: str) -> None:
    async with client_for(create_app(Settings(), engine=engine)) as client:
        response = await client.post(path)
    assert response.status_code == 405


def test_create_app_reads_settings_when_none_given() -> None:
    assert create_app().router.routes

"""In-process measurements: each app called through ASGI (httpx, no sockets), its engine
counting SQL statements (``before_cursor_execute``, as tests/conftest.py does).

Also where the data-dependent variables (``Targets``) and flightgraph's reference answers
come from, before anything is timed.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import orjson
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bench import queries
from bench.floor import create_app as create_floor_app
from bench.floor_json import create_app as create_floor_json_app
from gateway.app import create_app
from gateway.http.database import engine_options
from gateway.settings import Settings
from store.engine import create_engine

# As bench/servers.py sets them for the servers.
LIFTED = {
    "max_depth": 64,
    "max_aliases": 10_000,
    "max_tokens": 100_000,
    "max_cost": 10**9,
    "execution_timeout": 300.0,
}


@dataclass
class Counted:
    """An app on an engine whose statements are counted."""

    client: httpx.AsyncClient
    engine: AsyncEngine
    statements: list[str] = field(default_factory=list)

    async def post(self, body: dict[str, Any]) -> bytes:
        response = await self.client.post("/graphql", json=body)
        if response.status_code != 200:
            raise RuntimeError(f"{response.status_code}: {response.text[:500]}")
        return response.content

    async def get(self, path: str) -> bytes:
        response = await self.client.get(path)
        response.raise_for_status()
        return response.content

    async def count(self, body: dict[str, Any]) -> int:
        self.statements.clear()
        await self.post(body)
        return len(self.statements)


def settings_for(url: str, variant: str) -> Settings:
    # The setting FLIGHTGRAPH_COMPILED_EXECUTION feeds (an unknown one is ignored by
    # Settings, extra="ignore", so this also runs on a tree without the compiled executor).
    compiled = variant == "compiled"
    return Settings(database_url=url, profile="development", compiled_execution=compiled, **LIFTED)


@asynccontextmanager
async def app_client(variant: str, url: str) -> AsyncIterator[Counted]:
    """flightgraph ("compiled"/"standard") or a floor ("floor", "floor-json"), in process,
    counting statements."""
    settings = settings_for(url, variant)
    engine = create_engine(url, **engine_options(settings))
    counted = Counted(httpx.AsyncClient(), engine)

    def count(_conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        counted.statements.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    floors = {"floor": create_floor_app, "floor-json": create_floor_json_app}
    app = (
        floors[variant](engine=engine) if variant in floors else create_app(settings, engine=engine)
    )
    try:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            # No Accept-Encoding, as the load generator: gzip is not what is measured.
            headers = {"accept-encoding": "identity"}
            async with httpx.AsyncClient(
                transport=transport, base_url="http://bench", headers=headers
            ) as client:
                counted.client = client
                yield counted
    finally:
        await engine.dispose()


async def find_targets(fg: Counted) -> queries.Targets:
    """Q1's window (the first 100 flights: every flight must be answered, the checks compare
    them with the floor's), Q3's agency (most launches), Q4's flight (the middle id), Q5's cursor
    (90% deep)."""
    async with fg.engine.connect() as conn:
        agency = (
            await conn.execute(
                text(
                    "SELECT launch_service_provider_id FROM launches"
                    " WHERE launch_service_provider_id IS NOT NULL"
                    " GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"
                )
            )
        ).scalar_one()
        ids = [
            int(r[0])
            for r in await conn.execute(text("SELECT id FROM spacecraft_flights ORDER BY id"))
        ]
    offset = int(len(ids) * 0.9)
    body = orjson.loads(
        await fg.post({"query": queries.CURSOR_AT, "variables": {"offset": offset}})
    )
    edge = body["data"]["flights"]["edges"][0]
    return queries.Targets(
        q1_offset=0,
        agency=int(agency),
        flight=ids[len(ids) // 2],
        q5_offset=offset,
        q5_after=edge["cursor"],
        q5_after_id=int(edge["node"]["ll2Id"]),
    )

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
from sqlalchemy import BigInteger, event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bench import queries
from bench.floor import create_app as create_floor_app
from gateway.app import create_app
from gateway.http.database import engine_options
from gateway.settings import Settings
from store.engine import create_engine
from store.tables import metadata

# As bench/servers.py sets them for the servers.
INT32_MAX = 2**31 - 1
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
    """flightgraph ("compiled"/"standard") or the floor, in process, counting statements."""
    settings = settings_for(url, variant)
    engine = create_engine(url, **engine_options(settings))
    counted = Counted(httpx.AsyncClient(), engine)

    def count(_conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        counted.statements.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    app = (
        create_floor_app(engine=engine)
        if variant == "floor"
        else create_app(settings, engine=engine)
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


async def _flights_graphql_cannot_serialize(conn: Any) -> set[int]:
    """Flights whose spacecraft configuration holds an integer beyond GraphQL's 32-bit Int:
    the generator writes some (payload_capacity = 2**32) and flightgraph's Q1 then answers
    with field errors for them (a flightgraph limitation, reported by the run)."""
    configs = metadata.tables["spacecraft_configurations"]
    wide = [
        c.name for c in configs.columns if isinstance(c.type, BigInteger) and not c.foreign_keys
    ]
    wide = [name for name in wide if name != "id"]
    out_of_range = " OR ".join(f"abs(c.{name}) > {INT32_MAX}" for name in wide) or "false"
    rows = await conn.execute(
        text(
            "SELECT f.id FROM spacecraft_flights f"
            " JOIN spacecraft s ON s.id = f.spacecraft_id"
            " JOIN spacecraft_configurations c ON c.id = s.spacecraft_config_id"
            f" WHERE {out_of_range}"
        )
    )
    return {int(row[0]) for row in rows}


async def _q1_offset(fg: Counted, ids: list[int], skip: set[int]) -> int:
    """The first offset whose 100 flights flightgraph answers without errors."""
    offset = 0
    while offset < len(ids):
        window = ids[offset : offset + 100]
        bad = [i for i, flight in enumerate(window) if flight in skip]
        if bad:
            offset += bad[-1] + 1
            continue
        body = orjson.loads(await fg.post(queries.graphql_body("Q1", _probe(offset))))
        errors = body.get("errors") or []
        if not errors:
            return offset
        # Another field flightgraph cannot serialize: skip past the flights it is in.
        skip |= {window[e["path"][2]] for e in errors if len(e.get("path", [])) > 2}
        if not any(len(e.get("path", [])) > 2 for e in errors):
            raise RuntimeError(f"Q1 fails at offset {offset}: {errors[:3]}")
    raise RuntimeError("no 100 consecutive flights that flightgraph answers without errors")


def _probe(q1_offset: int) -> queries.Targets:
    return queries.Targets(q1_offset, agency=0, flight=0, q5_offset=0, q5_after="", q5_after_id=0)


async def find_targets(fg: Counted) -> queries.Targets:
    """Q1's window, Q3's agency (most launches), Q4's flight (the middle id), Q5's cursor
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
        skip = await _flights_graphql_cannot_serialize(conn)
    offset = int(len(ids) * 0.9)
    body = orjson.loads(
        await fg.post({"query": queries.CURSOR_AT, "variables": {"offset": offset}})
    )
    edge = body["data"]["flights"]["edges"][0]
    return queries.Targets(
        q1_offset=await _q1_offset(fg, ids, skip),
        agency=int(agency),
        flight=ids[len(ids) // 2],
        q5_offset=offset,
        q5_after=edge["cursor"],
        q5_after_id=int(edge["node"]["ll2Id"]),
    )

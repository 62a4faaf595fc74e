"""The floor's ASGI app: ``POST /graphql`` answers the benchmark's documents (matched by their
exact text) with hand-written SQL and orjson, byte for byte what flightgraph answers.

    FLOOR_DATABASE_URL=sqlite+aiosqlite:///bench.db uvicorn --factory bench.floor:create_app

No parsing, validation or resolvers: the lower bound of what this stack can do per request.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator
from typing import Any

import orjson
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bench.floor.handlers import HANDLERS
from gateway.collector import tune_for_serving
from gateway.http.database import engine_options
from gateway.settings import Settings
from store.engine import create_engine

JSON = "application/json"


def floor_lifespan(database_url: str | None, engine: AsyncEngine | None) -> Any:
    """A floor app's lifespan: its engine on ``database_url`` (default:
    ``$FLOOR_DATABASE_URL``) or ``engine``, as ``app.state.engine``."""
    url = database_url or os.environ.get("FLOOR_DATABASE_URL", "")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        tune_for_serving()  # as flightgraph's app does (FLIGHTGRAPH_TUNE_GC, on by default)
        # The same engine options as flightgraph's serving engine (pool, NullPool on SQLite).
        app.state.engine = engine or create_engine(
            url, **engine_options(Settings(database_url=url))
        )
        try:
            yield
        finally:
            if engine is None:
                await app.state.engine.dispose()

    return lifespan


def create_app(database_url: str | None = None, *, engine: AsyncEngine | None = None) -> Starlette:
    """The floor on ``database_url`` (default: ``$FLOOR_DATABASE_URL``), or on ``engine``."""
    lifespan = floor_lifespan(database_url, engine)

    async def graphql(request: Request) -> Response:
        body = orjson.loads(await request.body())
        handler = HANDLERS.get(body.get("query"))
        if handler is None:
            return Response(b'{"errors":[{"message":"unknown document"}]}', 400, media_type=JSON)
        async with request.app.state.engine.connect() as conn:
            data = await handler(conn, body.get("variables") or {})
        return Response(orjson.dumps({"data": data}), media_type=JSON)

    async def readyz(_: Request) -> Response:
        return Response(b'{"status":"ok"}', media_type=JSON)

    routes = [Route("/graphql", graphql, methods=["POST"]), Route("/readyz", readyz)]
    return Starlette(routes=routes, lifespan=lifespan)

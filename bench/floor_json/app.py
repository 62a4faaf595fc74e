"""The JSON-in-SQL floor's ASGI app: ``POST /graphql`` answers the benchmark's Q2-Q5
documents (matched by exact text) with one statement each that renders the response's
``data`` in the database; the handler wraps that text as ``{"data": …}`` without parsing it.

    FLOOR_DATABASE_URL=sqlite+aiosqlite:///bench.db uvicorn --factory bench.floor_json:create_app

The same structure, engine options and stack as the rows floor (bench/floor/app.py): what
differs is only where the JSON is built.
"""

from __future__ import annotations

import orjson
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bench import queries
from bench.floor.app import floor_lifespan
from bench.floor_json.handlers import handlers

JSON = "application/json"
NOT_SERVED = b'{"errors":[{"message":"not served: the JSON-in-SQL floor answers Q2-Q5 only"}]}'
UNKNOWN = b'{"errors":[{"message":"unknown document"}]}'


def create_app(database_url: str | None = None, *, engine: AsyncEngine | None = None) -> Starlette:
    """The floor on ``database_url`` (default: ``$FLOOR_DATABASE_URL``), or on ``engine``."""
    served = handlers()
    q1 = queries.q1_document()
    lifespan = floor_lifespan(database_url, engine)

    async def graphql(request: Request) -> Response:
        body = orjson.loads(await request.body())
        document = body.get("query")
        handler = served.get(document)
        if handler is None:
            return Response(NOT_SERVED if document == q1 else UNKNOWN, 400, media_type=JSON)
        async with request.app.state.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                # A read: no BEGIN/ROLLBACK round trips (as flightgraph's SQL path).
                await conn.execution_options(isolation_level="AUTOCOMMIT")
            data = await handler(conn, body.get("variables") or {})
        return Response(b'{"data":' + data + b"}", media_type=JSON)

    async def readyz(_: Request) -> Response:
        return Response(b'{"status":"ok"}', media_type=JSON)

    routes = [Route("/graphql", graphql, methods=["POST"]), Route("/readyz", readyz)]
    return Starlette(routes=routes, lifespan=lifespan)

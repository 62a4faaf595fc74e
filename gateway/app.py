"""The ASGI application: ``/graphql`` (with GraphiQL), ``/healthz`` and ``/readyz``."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import orjson
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from gateway.context import Context
from gateway.settings import Settings
from schema import build_schema, schema

READY_TIMEOUT_SECONDS = 2.0


class GraphQLApp(GraphQL[Context, None]):
    """Strawberry's ASGI view with our per-request ``Context`` and orjson encoding."""

    def __init__(self, settings: Settings) -> None:
        served = schema if settings.introspection else build_schema(introspection=False)
        super().__init__(served, graphql_ide="graphiql" if settings.graphiql else None)
        self.settings = settings

    async def get_context(self, request: Request | WebSocket, response: Any) -> Context:
        engine: AsyncEngine = request.app.state.engine
        return Context(engine=engine, settings=self.settings, request=request, response=response)

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)


def create_app(settings: Settings | None = None, *, engine: AsyncEngine | None = None) -> Starlette:
    """The application for ``settings`` (read from the environment when not given).

    The engine is created when the app starts and disposed when it stops; pass ``engine`` to
    serve one you own instead (it is then left open).
    """
    settings = settings or Settings()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        from store.engine import create_engine

        app.state.engine = engine or create_engine(settings.database_url)
        try:
            yield
        finally:
            if engine is None:
                await app.state.engine.dispose()

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> Response:
        try:
            async with asyncio.timeout(READY_TIMEOUT_SECONDS):
                async with request.app.state.engine.connect() as conn:
                    await conn.execute(text("SELECT 1"))
        except Exception as error:  # any failure to reach the database means "not ready"
            reason = f"{type(error).__name__}: {error}".strip()
            return JSONResponse({"status": "unavailable", "database": reason}, status_code=503)
        return JSONResponse({"status": "ready", "database": "ok"})

    async def home(request: Request) -> Response:
        return RedirectResponse("/graphql")

    graphql = GraphQLApp(settings)
    return Starlette(
        routes=[
            Route("/graphql", graphql),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/readyz", readyz, methods=["GET"]),
            Route("/", home, methods=["GET"]),
        ],
        lifespan=lifespan,
    )

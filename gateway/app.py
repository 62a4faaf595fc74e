"""The ASGI application: ``/graphql`` (with GraphiQL), ``/healthz`` and ``/readyz``."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route, WebSocketRoute

from gateway.http import graphql_app, http_middleware
from gateway.settings import Settings

READY_TIMEOUT_SECONDS = 2.0


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

    graphql = graphql_app(settings)
    return Starlette(
        routes=[
            Route("/graphql", graphql),
            WebSocketRoute("/graphql", graphql),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/readyz", readyz, methods=["GET"]),
            Route("/", home, methods=["GET"]),
        ],
        middleware=http_middleware(settings),
        lifespan=lifespan,
    )

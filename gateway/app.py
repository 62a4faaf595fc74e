"""The ASGI application: ``/graphql`` (with GraphiQL), ``/healthz``, ``/readyz`` and
``/metrics``."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.types import ASGIApp, Scope

from gateway.background import sync_forever
from gateway.collector import tune_for_serving
from gateway.http import close_http, graphql_app, http_middleware
from gateway.http.database import engine_options
from gateway.http.identity import client_address, client_identity
from gateway.http.ratelimit import RateLimit
from gateway.http.websocket import TextFrames, WebSocketGuard, WebSocketLimits
from gateway.observe import Metrics, MetricsEndpoint, ObserveRequests, count_statements
from gateway.observe.logs import JSON
from gateway.rest import rest_routes
from gateway.settings import Settings
from store.changes import create_broker

READY_TIMEOUT_SECONDS = 2.0


def create_app(settings: Settings | None = None, *, engine: AsyncEngine | None = None) -> Starlette:
    """The application for ``settings`` (read from the environment when not given).

    The engine is created when the app starts and disposed when it stops; pass ``engine`` to
    serve one you own instead (it is then left open).
    """
    settings = settings or Settings()
    metrics = (
        Metrics(settings.metrics_operation_names, settings.metrics_multiprocess_dir)
        if settings.metrics_enabled
        else None
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        from store.engine import create_engine

        # Serving reads through a read-only, bounded engine; background sync writes, so it
        # gets an engine of its own on the same URL.
        app.state.engine = engine or create_engine(
            settings.database_url, **engine_options(settings)
        )
        app.state.broker = create_broker(settings.redis_url)
        count_statements(app.state.engine)
        if metrics is not None:
            metrics.watch_pool(app.state.engine)
        writer = syncing = None
        if settings.tune_gc:
            tune_for_serving()
        if settings.sync_every:
            writer = create_engine(settings.database_url)
            syncing = asyncio.create_task(sync_forever(writer, settings, app.state.broker))
        try:
            yield
        finally:
            if syncing is not None:
                syncing.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await syncing
            if writer is not None:
                await writer.dispose()
            await close_http(app)
            await app.state.broker.close()
            if engine is None:
                await app.state.engine.dispose()
            if metrics is not None:
                metrics.process_ended()

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> Response:
        try:
            async with asyncio.timeout(READY_TIMEOUT_SECONDS):
                async with request.app.state.engine.connect() as conn:
                    # The migration table, not SELECT 1: SQLite "opens" a missing file empty.
                    await conn.execute(text("SELECT version_num FROM alembic_version"))
        except Exception as error:  # any failure to reach the database means "not ready"
            return JSONResponse(
                {"status": "unavailable", "database": _not_ready(error)}, status_code=503
            )
        return JSONResponse({"status": "ready", "database": "ok"})

    def _not_ready(error: Exception) -> str:
        """What is wrong, without SQL text or library help links: the driver's own first
        line (SQLAlchemy's wrapper adds the statement and a URL)."""
        if isinstance(error, TimeoutError):
            return f"no answer within {READY_TIMEOUT_SECONDS:g} s"
        cause = getattr(error, "orig", None) or error
        lines = str(cause).strip().splitlines()
        first = lines[0] if lines else ""
        if "alembic_version" in first:
            return "the database holds no flightgraph schema (run `flightgraph db upgrade`)"
        return f"{type(cause).__name__}: {first}"[:300]

    async def home(request: Request) -> Response:
        return RedirectResponse("/graphql")

    graphql = graphql_app(settings)
    middleware = http_middleware(settings)
    # Outermost: it times and ids every request, rate-limit refusals included.
    observing = Middleware(ObserveRequests, metrics=metrics, access_log=settings.log_format == JSON)
    extra: list[Route] = []
    if metrics is not None:
        endpoint = MetricsEndpoint(metrics, settings.metrics_token or None)
        extra.append(Route("/metrics", endpoint.serve, methods=["GET"]))
    return Starlette(
        routes=[
            *extra,
            Route("/graphql", graphql),
            WebSocketRoute("/graphql", _websocket(graphql, settings, middleware)),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/readyz", readyz, methods=["GET"]),
            Route("/", home, methods=["GET"]),
            *rest_routes(settings),
        ],
        middleware=[observing, *middleware],
        lifespan=lifespan,
    )


def _websocket(graphql: ASGIApp, settings: Settings, middleware: list[Middleware]) -> ASGIApp:
    """/graphql over WebSockets, guarded; counted by the rate-limit middleware's own buckets
    and client identities, so a client's sockets and requests draw on one bucket."""
    limiter = next((m for m in middleware if m.cls is RateLimit), None)
    options = limiter.kwargs if limiter else {}
    keys = options.get("keys")

    def identify(scope: Scope) -> str:
        # None is an API key that was not issued, which the middleware refuses before this.
        return client_identity(scope, keys) or "ip:" + client_address(scope)

    return WebSocketGuard(
        TextFrames(graphql),
        WebSocketLimits.from_settings(settings),
        identify,
        buckets=options.get("buckets"),
    )

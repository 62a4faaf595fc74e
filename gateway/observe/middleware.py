"""ASGI middleware: each HTTP request gets an id (``X-Request-Id``, echoed), a record the
serving code notes into, and — when it ends — its metrics and, in JSON log format, one
access log line.

The line holds the request id, method, route (a REST URL's template, never the query
string), surface, operation names (GraphQL names only), status, duration and SQL
statements: never variable values or document text.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway.observe import record as records
from gateway.observe.families import GRAPHQL, REST, UNMATCHED, WEBSOCKET, Metrics
from gateway.observe.labels import graphql_name
from schema.compiled import paths

access_log = logging.getLogger("flightgraph.access")

REQUEST_ID = "x-request-id"
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
REST_PREFIX = "/2.3.0/"


def request_id(scope: Scope) -> str:
    """The client's ``X-Request-Id`` if it is short and plain, else a new one."""
    given = Headers(scope=scope).get(REQUEST_ID)
    if given is not None and SANE_REQUEST_ID.fullmatch(given):
        return given
    return uuid.uuid4().hex


def surface_of(path: str) -> str | None:
    if path == "/graphql":
        return GRAPHQL
    if path.startswith(REST_PREFIX):
        return REST
    return None


def route_of(scope: Scope) -> str:
    """The template of the route that took the request (set by Starlette's router)."""
    route = scope.get("route")
    return getattr(route, "path", None) or UNMATCHED


class ObserveRequests:
    """Outermost middleware: ``metrics`` None counts nothing; ``access_log`` writes one
    ``flightgraph.access`` record per HTTP request."""

    def __init__(self, app: ASGIApp, metrics: Metrics | None = None, access_log: bool = False):
        self.app = app
        self.metrics = metrics
        self.access_log = access_log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            await self._socket(scope, receive, send)
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        ident = request_id(scope)
        record = records.RequestRecord(ident, surface_of(scope["path"]))
        status = 500  # the app failed before it answered (the server answers 500)

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[REQUEST_ID] = ident
            await send(message)

        token = records.start(record)
        started = time.perf_counter()
        try:
            with paths.listening(record.execution):
                await self.app(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            records.stop(token)
            route = route_of(scope) if record.surface == REST else scope["path"]
            if self.metrics is not None:
                self.metrics.observe(record, status, seconds, route)
            if self.access_log:
                access_log.info(
                    "%s %s %d",
                    scope["method"],
                    route,
                    status,
                    extra={"access": _line(record, scope["method"], route, status, seconds)},
                )

    async def _socket(self, scope: Scope, receive: Receive, send: Send) -> None:
        record = records.RequestRecord(request_id(scope), WEBSOCKET, live=self.metrics)
        token = records.start(record)
        try:
            await self.app(scope, receive, send)
        finally:
            records.stop(token)


def _line(
    record: records.RequestRecord, method: str, route: str, status: int, seconds: float
) -> dict[str, Any]:
    return {
        "request_id": record.request_id,
        "method": method,
        "route": route,
        "surface": record.surface,
        "operations": [graphql_name(note.name) for note in record.operations],
        "status": status,
        "duration_ms": round(seconds * 1000, 3),
        "sql_statements": record.sql_statements,
    }

"""Per-client rate limiting: a token bucket per issued API key or client address.

Each client may burst ``burst`` requests, refilled at ``rate`` a second; past that it gets
429 with ``Retry-After``. With Redis the buckets are shared by every replica (one atomic
script per request, on Redis's clock); without it, each process keeps its own. If Redis
fails, requests are let through: an outage of the limiter must not become one of the API.

Who a client is comes from :func:`gateway.http.identity.client_identity`: with a keys file,
an ``X-API-Key`` that was not issued is refused (401, also for WebSockets) instead of being
given a bucket of its own; without one, ``X-API-Key`` is ignored and the address counts.
"""

from __future__ import annotations

import functools
import logging
import math
import time
from collections import OrderedDict
from typing import Any

import orjson
from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from gateway.http.apikeys import ApiKeys
from gateway.http.identity import client_identity
from gateway.observe import record

log = logging.getLogger("flightgraph.ratelimit")

EXEMPT = ("/healthz", "/readyz", "/metrics")
CHARGE = "rate_limit_charge"  # in the request's state: takes more tokens from its bucket
MAX_CLIENTS = 100_000  # in-memory buckets kept; the least recently seen go first

# KEYS[1]: the bucket; ARGV: rate, burst, tokens taken. Returns {allowed, seconds to wait}.
BUCKET_SCRIPT = """
local rate, burst = tonumber(ARGV[1]), tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
local count = tonumber(ARGV[3]) or 1
local allowed, wait = 0, 0
if tokens >= count then tokens = tokens - count; allowed = 1 else wait = (count - tokens) / rate end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return {allowed, tostring(wait)}
"""


class MemoryBuckets:
    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self.buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    async def take(self, client: str, count: int = 1) -> float:
        """0 when ``count`` requests may go now, else the seconds until they may."""
        now = time.monotonic()
        tokens, at = self.buckets.get(client, (float(self.burst), now))
        tokens = min(self.burst, tokens + (now - at) * self.rate)
        wait = 0.0
        if tokens >= count:
            tokens -= count
        else:
            wait = (count - tokens) / self.rate
        self.buckets[client] = (tokens, now)
        self.buckets.move_to_end(client)
        while len(self.buckets) > MAX_CLIENTS:
            self.buckets.popitem(last=False)
        return wait

    async def aclose(self) -> None:
        pass


class RedisBuckets:
    PREFIX = "flightgraph:rate:"

    def __init__(self, url: str, rate: float, burst: int) -> None:
        import redis.asyncio as redis

        self.client = redis.Redis.from_url(url)
        self.script = self.client.register_script(BUCKET_SCRIPT)
        self.rate, self.burst = rate, burst

    async def take(self, client: str, count: int = 1) -> float:
        try:
            allowed, wait = await self.script(
                keys=[self.PREFIX + client], args=[self.rate, self.burst, count]
            )
        except Exception as error:  # any Redis failure: let the request through
            log.warning("rate limiter unavailable, not limiting: %s", error)
            return 0.0
        return 0.0 if int(allowed) else float(wait)

    async def aclose(self) -> None:
        await self.client.aclose()


class RateLimit:
    """ASGI middleware: 401 for an API key that was not issued (HTTP and WebSocket), then
    429 + Retry-After once a client's bucket is empty (HTTP only: WebSockets are limited
    where they are served, by the same :func:`client_identity`).

    ``buckets=None`` checks keys without limiting; ``keys=None`` (no keys file) ignores
    ``X-API-Key`` and limits by address.
    """

    def __init__(
        self,
        app: ASGIApp,
        buckets: MemoryBuckets | RedisBuckets | None = None,
        keys: ApiKeys | None = None,
    ) -> None:
        self.app = app
        self.buckets = buckets
        self.keys = keys

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or scope["path"] in EXEMPT:
            await self.app(scope, receive, send)
            return
        identity = client_identity(scope, self.keys)
        if identity is None:
            await refuse_unknown_key(scope, receive, send)
            return
        if scope["type"] != "http" or self.buckets is None:
            await self.app(scope, receive, send)
            return
        wait = await self.buckets.take(identity)
        if wait <= 0:
            # A batched POST runs several operations: the view charges the rest of them.
            scope.setdefault("state", {})[CHARGE] = functools.partial(self.buckets.take, identity)
            await self.app(scope, receive, send)
            return
        await too_many(wait, scope)(scope, receive, send)


def too_many(wait: float, scope: Scope) -> Response:
    """429 with ``Retry-After`` for a client that must wait ``wait`` seconds."""
    seconds = max(1, math.ceil(wait))
    message = f"Too many requests: retry in {seconds} s."
    record.note_rate_limited("RATE_LIMITED")
    extensions = {"code": "RATE_LIMITED", "retryAfter": seconds}
    return json_error(429, message, extensions, {"Retry-After": str(seconds), **closing(scope)})


def closing(scope: Scope) -> dict[str, str]:
    """``Connection: close`` for a refused request that still has a body on the way: the
    server stops reading it (a client sending 1 MB bodies flat out would otherwise have
    them all read, and the next request wait behind them)."""
    headers = Headers(scope=scope)
    length = headers.get("content-length", "0")
    has_body = "transfer-encoding" in headers or (length.isdigit() and int(length) > 0)
    return {"Connection": "close"} if has_body else {}


async def refuse_unknown_key(scope: Scope, receive: Receive, send: Send) -> None:
    """401 with a GraphQL-shaped body. A WebSocket is refused before it is accepted: with
    the server's denial-response extension (uvicorn has it) as that same 401, else by
    closing with 1008 (policy violation), which the client sees as a 403."""
    response = json_error(
        401,
        "Unknown API key: send an issued key in X-API-Key, or none.",
        {"code": "UNAUTHENTICATED"},
        {"WWW-Authenticate": 'ApiKey realm="flightgraph"', **closing(scope)},
    )
    if scope["type"] == "websocket":
        if (await receive())["type"] != "websocket.connect":  # the client went away first
            return
        if "websocket.http.response" not in scope.get("extensions", {}):
            await send({"type": "websocket.close", "code": 1008, "reason": "unknown API key"})
            return
    await response(scope, receive, send)  # Starlette sends it as a denial on a WebSocket


def json_error(
    status: int, message: str, extensions: dict[str, Any], headers: dict[str, str]
) -> Response:
    body = {"errors": [{"message": message, "extensions": extensions}]}
    return Response(
        orjson.dumps(body),
        status_code=status,
        media_type="application/json",
        headers={**headers, "Cache-Control": "no-store"},
    )

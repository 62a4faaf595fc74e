"""Per-client rate limiting: a token bucket per API key (``X-API-Key``) or client IP.

Each client may burst ``burst`` requests, refilled at ``rate`` a second; past that it gets
429 with ``Retry-After``. With Redis the buckets are shared by every replica (one atomic
script per request, on Redis's clock); without it, each process keeps its own. If Redis
fails, requests are let through: an outage of the limiter must not become one of the API.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time
from collections import OrderedDict

import orjson
from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

log = logging.getLogger("flightgraph.ratelimit")

EXEMPT = ("/healthz", "/readyz", "/metrics")
MAX_CLIENTS = 100_000  # in-memory buckets kept; the least recently seen go first

# KEYS[1]: the bucket; ARGV: rate, burst. Returns {allowed, seconds to wait}.
BUCKET_SCRIPT = """
local rate, burst = tonumber(ARGV[1]), tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
local allowed, wait = 0, 0
if tokens >= 1 then tokens = tokens - 1; allowed = 1 else wait = (1 - tokens) / rate end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return {allowed, tostring(wait)}
"""


class MemoryBuckets:
    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self.buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    async def take(self, client: str) -> float:
        """0 when a request may go now, else the seconds until it may."""
        now = time.monotonic()
        tokens, at = self.buckets.get(client, (float(self.burst), now))
        tokens = min(self.burst, tokens + (now - at) * self.rate)
        wait = 0.0
        if tokens >= 1:
            tokens -= 1
        else:
            wait = (1 - tokens) / self.rate
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

    async def take(self, client: str) -> float:
        try:
            allowed, wait = await self.script(
                keys=[self.PREFIX + client], args=[self.rate, self.burst]
            )
        except Exception as error:  # any Redis failure: let the request through
            log.warning("rate limiter unavailable, not limiting: %s", error)
            return 0.0
        return 0.0 if int(allowed) else float(wait)

    async def aclose(self) -> None:
        await self.client.aclose()


def client_key(scope: Scope) -> str:
    api_key = Headers(scope=scope).get("x-api-key")
    if api_key:
        return "key:" + hashlib.sha256(api_key.encode()).hexdigest()[:32]
    client = scope.get("client")
    return "ip:" + (client[0] if client else "unknown")


class RateLimit:
    """ASGI middleware: 429 + Retry-After once a client's bucket is empty."""

    def __init__(self, app: ASGIApp, buckets: MemoryBuckets | RedisBuckets) -> None:
        self.app = app
        self.buckets = buckets

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in EXEMPT:
            await self.app(scope, receive, send)
            return
        wait = await self.buckets.take(client_key(scope))
        if wait <= 0:
            await self.app(scope, receive, send)
            return
        seconds = max(1, math.ceil(wait))
        body = {
            "errors": [
                {
                    "message": f"Too many requests: retry in {seconds} s.",
                    "extensions": {"code": "RATE_LIMITED", "retryAfter": seconds},
                }
            ]
        }
        response = Response(
            orjson.dumps(body),
            status_code=429,
            media_type="application/json",
            headers={"Retry-After": str(seconds), "Cache-Control": "no-store"},
        )
        await response(scope, receive, send)

"""A fake LL2 server for sync tests: LL2's envelope, throttle endpoint, and failures on cue.

Served over real HTTP on loopback (uvicorn in a thread), so timeouts, dropped requests and
a killed client behave as they would against LL2.
"""

from __future__ import annotations

import asyncio
import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.processes import free_port


class FakeClock:
    """Time for the throttle on both sides: tests sleep through it instantly."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


@dataclass
class FakeLL2:
    data: dict[str, list[dict[str, Any]]]
    limit: int = 10_000
    window: float = 3600.0
    clock: FakeClock = field(default_factory=FakeClock)
    requests: list[tuple[str, int]] = field(default_factory=list)  # (endpoint, offset)
    query_strings: list[str] = field(default_factory=list)
    served_429: int = 0
    fail: dict[tuple[str, int], int] = field(default_factory=dict)  # times to answer 503
    throttle_once: dict[tuple[str, int], dict[str, str]] = field(default_factory=dict)
    malformed: set[tuple[str, int]] = field(default_factory=set)
    slow: dict[tuple[str, int], float] = field(default_factory=dict)  # first answer delayed
    hold: dict[tuple[str, int], threading.Event] = field(default_factory=dict)
    reached: threading.Event = field(default_factory=threading.Event)
    random_5xx: float = 0.0
    rng: random.Random = field(default_factory=lambda: random.Random(7))
    base_url: str = ""
    _stamps: list[float] = field(default_factory=list)

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/2.3.0/api-throttle/", self.throttle),
                Route("/2.3.0/{endpoint}/", self.page),
            ]
        )

    async def throttle(self, request: Request) -> Response:
        used = self._used()
        wait = 0 if used < self.limit else self._stamps[-self.limit] + self.window - self.clock()
        return JSONResponse(
            {
                "your_request_limit": self.limit,
                "limit_frequency_secs": int(self.window),
                "current_use": used,
                "next_use_secs": max(0, int(wait)),
                "ident": "127.0.0.1",
            }
        )

    def _used(self) -> int:
        now = self.clock()
        self._stamps = [t for t in self._stamps if t > now - self.window]
        return len(self._stamps)

    async def page(self, request: Request) -> Response:
        endpoint = request.path_params["endpoint"]
        query = dict(request.query_params)
        offset = int(query.get("offset", 0))
        key = (endpoint, offset)
        self.requests.append(key)
        self.query_strings.append(str(request.url.query))
        if self._used() >= self.limit:
            self.served_429 += 1
            return JSONResponse({"detail": "Request was throttled."}, 429, {"Retry-After": "60"})
        self._stamps.append(self.clock())
        if key in self.throttle_once:
            headers = self.throttle_once.pop(key)
            self.served_429 += 1
            detail = headers.pop("detail", "Request was throttled.")
            return JSONResponse({"detail": detail}, 429, headers)
        if key in self.hold:
            self.reached.set()
            await asyncio.to_thread(self.hold[key].wait, 60)
        if self.fail.get(key, 0) > 0:
            self.fail[key] -= 1
            return Response("upstream hiccup", 503)
        if self.random_5xx and self.rng.random() < self.random_5xx:
            return Response("random failure", 502)
        if key in self.slow:
            await asyncio.sleep(self.slow.pop(key))
        if key in self.malformed:
            return Response(b'{"count": 3, "results": [{"id": 1,', media_type="application/json")
        return JSONResponse(self._envelope(endpoint, query, offset))

    def _envelope(self, endpoint: str, query: dict[str, str], offset: int) -> dict[str, Any]:
        items = list(self.data.get(endpoint, []))
        if "last_updated__gte" in query:
            since = datetime.fromisoformat(query["last_updated__gte"])
            items = [i for i in items if datetime.fromisoformat(i["last_updated"]) >= since]
        order = query.get("ordering", "id")
        field_name = order.lstrip("-")
        items.sort(key=lambda i: (str(i.get(field_name)), str(i["id"])), reverse=order[0] == "-")
        limit = min(int(query.get("limit", 10)), 100)
        page = items[offset : offset + limit]

        def link(at: int) -> str:
            return f"{self.base_url}/2.3.0/{endpoint}/?{urlencode({**query, 'offset': at})}"

        return {
            "count": len(items),
            "next": link(offset + limit) if offset + limit < len(items) else None,
            "previous": link(max(0, offset - limit)) if offset else None,
            "results": page,
        }


@contextmanager
def serve(fake: FakeLL2) -> Iterator[str]:
    """Serve ``fake`` on a free loopback port; yields its API root URL (…/2.3.0)."""
    port = free_port()
    fake.base_url = f"http://127.0.0.1:{port}"
    config = uvicorn.Config(fake.app(), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.01)
    try:
        yield f"{fake.base_url}/2.3.0"
    finally:
        for event in fake.hold.values():
            event.set()
        server.should_exit = True
        thread.join(10)

"""Rate limiting per client (issued API key or address): a token bucket, in memory or in
Redis; API keys that were not issued are refused, not given a bucket."""

from __future__ import annotations

import contextlib
import ipaddress
import json
import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route, WebSocketRoute
from starlette.types import ASGIApp, Message
from starlette.websockets import WebSocket
from websockets.exceptions import InvalidStatus
from websockets.sync import client as websockets

from gateway.app import create_app
from gateway.http.apikeys import ApiKeys, add_key
from gateway.http.ratelimit import MemoryBuckets, RateLimit, RedisBuckets
from gateway.settings import Settings
from tests.gateway.http.conftest import Client, close_views
from tests.gateway.http.served import uvicorn_serving
from tests.gateway.http.test_persisted import REDIS_URL, require_redis

FLIGHT = {"query": "{ flight(ll2Id: 859) { ll2Id } }"}
# A bucket of 3 that refills one request every 100 s: the 4th request in a row is refused.
LIMITED = {"rate_limit": 0.01, "rate_limit_burst": 3}

Buckets = Callable[[int], MemoryBuckets | RedisBuckets]


def new_address() -> str:
    """An IPv6 address in a /64 no other test or run has used: buckets in Redis outlive a
    run (until they would be full again), so each test needs clients of its own."""
    return str(ipaddress.IPv6Address(uuid.uuid4().int))


def made_up_key() -> dict[str, str]:
    return {"x-api-key": uuid.uuid4().hex}


@contextlib.asynccontextmanager
async def http_from(app: ASGIApp, address: str) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=(address, 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http


@pytest.fixture(params=["memory", "redis"])
def store(request: pytest.FixtureRequest) -> dict:
    if request.param == "memory":
        return {}
    require_redis()
    return {"redis_url": REDIS_URL}


@pytest.fixture(params=["memory", "redis"])
def buckets(request: pytest.FixtureRequest) -> Buckets:
    """Buckets of a given size, refilled one request every 100 s."""
    if request.param == "memory":
        return lambda burst: MemoryBuckets(0.01, burst)
    require_redis()
    return lambda burst: RedisBuckets(REDIS_URL, 0.01, burst)


@pytest.fixture
def app_from(seeded: AsyncEngine) -> Callable[..., contextlib.AbstractAsyncContextManager]:
    """``async with app_from(address, **settings) as http:`` — the whole app, with requests
    coming from ``address``."""

    @contextlib.asynccontextmanager
    async def make(address: str, **settings: Any) -> AsyncIterator[httpx.AsyncClient]:
        app = create_app(Settings(**settings), engine=seeded)
        try:
            async with app.router.lifespan_context(app), http_from(app, address) as http:
                yield http
        finally:
            await close_views(app)

    return make


def small_app() -> Starlette:
    """Something to limit: the limiter does not care what it guards."""

    async def ok(request: Request) -> PlainTextResponse:
        return PlainTextResponse("ok")

    async def hello(websocket: WebSocket) -> None:
        await websocket.accept()
        await websocket.send_text("hello")
        await websocket.close()

    return Starlette(
        routes=[
            Route("/graphql", ok, methods=["GET", "POST"]),
            Route("/healthz", ok),
            WebSocketRoute("/graphql", hello),
        ]
    )


@pytest.fixture
def issued(tmp_path: Path) -> tuple[ApiKeys, dict[str, str], dict[str, str]]:
    """A keys file with two keys (names no other run has used, for Redis' sake): the
    verifier and each key's header."""
    path = tmp_path / "keys"
    one = add_key(path, f"one-{uuid.uuid4().hex[:12]}")
    two = add_key(path, f"two-{uuid.uuid4().hex[:12]}")
    return ApiKeys(path), {"x-api-key": one}, {"x-api-key": two}


async def statuses(http: httpx.AsyncClient, count: int, headers: Any = dict) -> list[int]:
    return [(await http.get("/graphql", headers=headers())).status_code for _ in range(count)]


# --- The app as wired today (no keys file): X-API-Key buys nothing


async def test_a_client_past_its_burst_gets_429_with_retry_after(
    app_from: Any, store: dict
) -> None:
    address = new_address()
    async with app_from(address, **LIMITED, **store) as http:
        allowed = [await http.post("/graphql", json=FLIGHT) for _ in range(3)]
        refused = await http.post("/graphql", json=FLIGHT)
        with_a_key = await http.post("/graphql", json=FLIGHT, headers=made_up_key())
        probe = await http.get("/readyz")
    async with app_from(new_address(), **LIMITED, **store) as http:
        someone_else = await http.post("/graphql", json=FLIGHT)
    assert [r.status_code for r in allowed] == [200, 200, 200]
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["retry-after"]) <= 100
    assert refused.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert with_a_key.status_code == 429  # a made-up key is not a new client
    assert someone_else.status_code == 200
    assert probe.status_code == 200  # health probes are never limited


async def test_fifty_made_up_keys_get_no_more_than_the_burst(app_from: Any, store: dict) -> None:
    async with app_from(new_address(), rate_limit=0.01, rate_limit_burst=5, **store) as http:
        answers = [
            (await http.post("/graphql", json=FLIGHT, headers=made_up_key())).status_code
            for _ in range(50)
        ]
    assert answers == [200] * 5 + [429] * 45


async def test_each_operation_of_a_batch_takes_a_token(app_from: Any, store: dict) -> None:
    """One POST of 4 operations is 4 requests' worth; a batch the bucket cannot pay for is
    refused, and takes nothing beyond the request's own token."""
    async with app_from(new_address(), rate_limit=0.01, rate_limit_burst=6, **store) as http:
        four = await http.post("/graphql", json=[FLIGHT] * 4)  # 2 tokens left
        three = await http.post("/graphql", json=[FLIGHT] * 3)  # 1 taken, 2 more wanted
        one = await http.post("/graphql", json=FLIGHT)  # the last token
        after = await http.post("/graphql", json=FLIGHT)
    assert four.status_code == 200 and len(four.json()) == 4
    assert three.status_code == 429
    assert three.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert one.status_code == 200
    assert after.status_code == 429


async def test_replicas_share_buckets_through_redis(app_from: Any) -> None:
    require_redis()
    address = new_address()
    settings = {**LIMITED, "redis_url": REDIS_URL}
    async with app_from(address, **settings) as one, app_from(address, **settings) as two:
        answers = [
            (await http.post("/graphql", json=FLIGHT)).status_code for http in (one, two, one, two)
        ]
    assert answers == [200, 200, 200, 429]


async def test_clients_are_told_apart_by_ip_without_a_key(client: Client) -> None:
    async with client(**LIMITED) as http:
        answers = [(await http.post("/graphql", json=FLIGHT)).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]


async def test_off_by_default_in_development(client: Client) -> None:
    async with client() as http:
        answers = {(await http.post("/graphql", json=FLIGHT)).status_code for _ in range(120)}
    assert answers == {200}


async def test_the_app_refuses_keys_not_in_its_keys_file(app_from: Any, tmp_path: Path) -> None:
    path = tmp_path / "keys"
    key = add_key(path, "partner")
    async with app_from(new_address(), api_keys_file=path, rate_limit=0.01) as http:
        made_up = await http.post("/graphql", json=FLIGHT, headers=made_up_key())
        known = await http.post("/graphql", json=FLIGHT, headers={"x-api-key": key})
    assert (made_up.status_code, known.status_code) == (401, 200)


# --- With a keys file


async def test_unknown_keys_are_refused_with_401_and_use_no_bucket(issued: Any) -> None:
    keys, _, _ = issued
    app = RateLimit(small_app(), MemoryBuckets(0.01, 5), keys)
    async with http_from(app, new_address()) as http:
        refused = [await http.get("/graphql", headers=made_up_key()) for _ in range(50)]
        keyless = await statuses(http, 6)
    assert {r.status_code for r in refused} == {401}
    assert refused[0].json() == {
        "errors": [
            {
                "message": "Unknown API key: send an issued key in X-API-Key, or none.",
                "extensions": {"code": "UNAUTHENTICATED"},
            }
        ]
    }
    assert refused[0].headers["www-authenticate"].startswith("ApiKey")
    assert refused[0].headers["content-type"] == "application/json"
    assert keyless == [200] * 5 + [429]  # the refusals took nothing from the address


async def test_an_issued_key_has_a_bucket_of_its_own(issued: Any, buckets: Buckets) -> None:
    keys, one, two = issued
    limit = buckets(3)
    app = RateLimit(small_app(), limit, keys)
    address = new_address()
    try:
        async with http_from(app, address) as http:
            first = await statuses(http, 4, lambda: one)
            second = await statuses(http, 1, lambda: two)
            keyless = await statuses(http, 1)
        async with http_from(app, new_address()) as elsewhere:
            first_elsewhere = await statuses(elsewhere, 1, lambda: one)
    finally:
        await limit.aclose()
    assert first == [200, 200, 200, 429]
    assert second == [200]
    assert keyless == [200]  # the address's own bucket is untouched
    assert first_elsewhere == [429]  # a key is one client wherever it calls from


async def test_keys_are_checked_even_without_a_rate_limit(issued: Any) -> None:
    keys, one, _ = issued
    async with http_from(RateLimit(small_app(), None, keys), new_address()) as http:
        assert await statuses(http, 1, made_up_key) == [401]
        assert await statuses(http, 20, lambda: one) == [200] * 20
        assert await statuses(http, 20) == [200] * 20


async def test_probes_need_no_key(issued: Any) -> None:
    keys, _, _ = issued
    async with http_from(RateLimit(small_app(), None, keys), new_address()) as http:
        assert (await http.get("/healthz", headers=made_up_key())).status_code == 200


def test_a_websocket_with_an_unknown_key_is_refused_before_it_opens(issued: Any) -> None:
    keys, one, _ = issued
    with uvicorn_serving(RateLimit(small_app(), MemoryBuckets(0.01, 1), keys)) as port:
        url = f"ws://127.0.0.1:{port}/graphql"
        with pytest.raises(InvalidStatus) as refused:
            websockets.connect(url, additional_headers=made_up_key(), open_timeout=5)
        for headers in (one, {}, {}):  # WebSockets are not rate-limited here
            with websockets.connect(url, additional_headers=headers, open_timeout=5) as ws:
                assert ws.recv(5) == "hello"
    assert refused.value.response.status_code == 401
    body = json.loads(refused.value.response.body or b"{}")
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_without_the_denial_extension_a_websocket_is_closed_with_1008(
    issued: Any,
) -> None:
    keys, _, _ = issued
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "websocket.connect"}

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {
        "type": "websocket",
        "path": "/graphql",
        "headers": [(b"x-api-key", b"made-up")],
        "client": ("203.0.113.9", 50000),
    }
    await RateLimit(small_app(), None, keys)(scope, receive, send)
    assert [(m["type"], m.get("code")) for m in sent] == [("websocket.close", 1008)]

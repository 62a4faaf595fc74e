"""The change feed: in-process fan-out, and Redis pub/sub shared between brokers."""

from __future__ import annotations

import asyncio
import contextlib
import os
import uuid
from typing import Any

import pytest

from store.changes import QUEUE_LIMIT, LocalBroker, RedisBroker
from tests.conftest import require_service

REDIS_URL = os.environ.get("FLIGHTGRAPH_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


async def first(stream, timeout: float = 5.0):
    return await asyncio.wait_for(anext(stream), timeout)


async def test_local_subscribers_hear_their_table_only() -> None:
    broker = LocalBroker()
    launches, flights = broker.listen("launches"), broker.listen("spacecraft_flights")
    heard = asyncio.ensure_future(first(launches))
    silent = asyncio.ensure_future(first(flights, timeout=30))
    await asyncio.sleep(0.05)  # the listeners are registered
    await broker.publish({"launches": ["a", "b"], "pads": [1]})
    assert await heard == ["a", "b"]
    await asyncio.sleep(0.05)
    assert not silent.done()
    silent.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await silent
    await launches.aclose()


async def test_a_change_published_by_one_redis_broker_reaches_another() -> None:
    import redis.asyncio as redis

    probe = redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        await probe.ping()
    except (redis.RedisError, OSError) as error:
        require_service("Redis", f"{REDIS_URL}: {error}")
    finally:
        await probe.aclose()
    publisher, subscriber = RedisBroker(REDIS_URL), RedisBroker(REDIS_URL)
    # The channel is shared by every broker on this Redis (other tests' gateways, parallel
    # test runs): look for this test's own change among whatever else goes by.
    change = str(uuid.uuid4())

    async def heard_ours() -> list[Any]:
        while (batch := await first(stream)) != [change]:
            pass
        return batch

    try:
        stream = subscriber.listen("launches")
        heard = asyncio.ensure_future(asyncio.wait_for(heard_ours(), 5.0))
        await asyncio.sleep(0.2)  # the subscriber's reader has subscribed
        await publisher.publish({"launches": [change]})
        assert await heard == [change]
    finally:
        await publisher.close()
        await subscriber.close()


@pytest.mark.parametrize("size", [1, 5000])
async def test_a_slow_subscriber_drops_the_oldest_not_the_server(size: int) -> None:
    broker = LocalBroker()
    stream = broker.listen("launches")
    waiting = asyncio.ensure_future(first(stream))
    await asyncio.sleep(0.05)  # the listeners are registered
    for index in range(size):
        await broker.publish({"launches": [index]})
    # A burst larger than the queue keeps the newest QUEUE_LIMIT events, in order.
    kept = min(size, QUEUE_LIMIT)
    received = [await waiting] + [await first(stream) for _ in range(kept - 1)]
    assert received == [[index] for index in range(size - kept, size)]
    await stream.aclose()

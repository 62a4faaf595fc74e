"""A change feed: which rows of which tables a committed write changed.

Ingest and sync publish after each commit; GraphQL subscriptions listen. In one process the
in-memory broker is enough; with ``REDIS_URL`` every gateway replica (and a CLI ingest or
sync running elsewhere) shares one feed through Redis pub/sub.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterable, Mapping
from typing import Any, Protocol

import orjson

Changes = Mapping[str, Iterable[Any]]  # table -> ids inserted or updated
CHANNEL = "flightgraph:changes"
QUEUE_LIMIT = 1000  # a subscriber this far behind drops the oldest events, not the server


class ChangeBroker(Protocol):
    async def publish(self, changes: Changes) -> None: ...

    def listen(self, table: str) -> AsyncIterator[list[Any]]: ...

    async def close(self) -> None: ...


class LocalBroker:
    """Fan-out to the subscribers of this process."""

    def __init__(self) -> None:
        self._queues: dict[str, set[asyncio.Queue[list[Any]]]] = {}

    async def publish(self, changes: Changes) -> None:
        self.deliver(changes)

    def deliver(self, changes: Changes) -> None:
        for table, ids in changes.items():
            batch = list(ids)
            if not batch:
                continue
            for queue in self._queues.get(table, ()):
                if queue.full():
                    queue.get_nowait()
                queue.put_nowait(batch)

    async def listen(self, table: str) -> AsyncIterator[list[Any]]:
        queue: asyncio.Queue[list[Any]] = asyncio.Queue(QUEUE_LIMIT)
        self._queues.setdefault(table, set()).add(queue)
        try:
            while True:
                yield await queue.get()
        finally:
            self._queues[table].discard(queue)

    async def close(self) -> None:
        self._queues.clear()


class RedisBroker:
    """Publishes to Redis; one reader task per process fans messages out locally."""

    def __init__(self, url: str) -> None:
        import redis.asyncio as redis

        self._redis = redis.from_url(url)
        self._local = LocalBroker()
        self._reader: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()

    async def publish(self, changes: Changes) -> None:
        payload = {table: list(ids) for table, ids in changes.items() if ids}
        if payload:
            await self._redis.publish(CHANNEL, orjson.dumps(payload))

    async def listen(self, table: str) -> AsyncIterator[list[Any]]:
        if self._reader is None:
            self._reader = asyncio.create_task(self._read())
        await self._ready.wait()
        async for ids in self._local.listen(table):
            yield ids

    async def _read(self) -> None:
        pubsub = self._redis.pubsub()
        await pubsub.subscribe(CHANNEL)
        self._ready.set()
        try:
            async for message in pubsub.listen():
                if message.get("type") == "message":
                    self._local.deliver(orjson.loads(message["data"]))
        finally:
            await pubsub.aclose()

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
        await self._local.close()
        await self._redis.aclose()


def create_broker(redis_url: str | None) -> LocalBroker | RedisBroker:
    return RedisBroker(redis_url) if redis_url else LocalBroker()

"""The one batch contract every loader follows (ARCHITECTURE.md §3).

A loader collects the keys asked for during one tick of the event loop, takes a connection
(never shared with a concurrent batch; see ``loaders.connections``), runs one
``SELECT … WHERE key IN (…)`` per chunk of keys, builds a dict by key and answers
``[by_key.get(k) for k in keys]``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Hashable, Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar

from aiodataloader import DataLoader, Loader
from sqlalchemy.ext.asyncio import AsyncConnection

from loaders.connections import Connections

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# Under SQLite's (999 on old builds) and asyncpg's (32767) bound-parameter limits.
CHUNK = 900
# Ticks a batch waits for more keys before dispatching. graphql-core resolves sibling list
# items through nested gathers, so the last sibling of a level may ask a tick or two after the
# first: waiting until the queue stops growing keeps one statement per level.
SETTLE_TICKS = 8


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class BatchLoader(DataLoader[K, V], Generic[K, V]):
    """A DataLoader that runs :meth:`fetch` on a connection of the request for each batch."""

    def __init__(self, connections: Connections) -> None:
        super().__init__(loop=asyncio.get_running_loop())
        self.connections = connections
        self._dispatches: set[asyncio.Task[None]] = set()

    def do_resolve_reject(self, key: K, future: asyncio.Future[V]) -> None:
        self._queue.append(Loader(key=key, future=future))
        if len(self._queue) == 1:
            task = self.loop.create_task(self._dispatch_when_settled())
            self._dispatches.add(task)  # the loop only holds weak references to tasks
            task.add_done_callback(self._dispatches.discard)

    async def _dispatch_when_settled(self) -> None:
        seen = -1
        for _ in range(SETTLE_TICKS):
            if len(self._queue) == seen:
                break
            seen = len(self._queue)
            await asyncio.sleep(0)
        queue: list[Loader] = []
        try:
            async with self.connections.connect() as conn:
                # Keys asked for while this batch waited for its connection (a request's
                # batches may take turns on one) join it: fewer, larger statements.
                queue, self._queue = self._queue, []
                by_key = await self.fetch(conn, [item.key for item in queue])
        except asyncio.CancelledError:  # cancel_dispatches: the waiters are given up too
            if not queue:  # cancelled while waiting for its connection
                queue, self._queue = self._queue, []
            for item in queue:
                self.clear(item.key)
                item.future.cancel()
            raise
        except Exception as error:  # every waiter must hear about it, none may hang
            if not queue:  # no connection: the batch was never taken
                queue, self._queue = self._queue, []
            for item in queue:
                self.clear(item.key)
                if not item.future.done():
                    item.future.set_exception(error)
            return
        for item in queue:
            if not item.future.done():
                item.future.set_result(by_key.get(item.key, self.missing(item.key)))

    def cancel_dispatches(self) -> None:
        """Cancel the batches in flight; their waiters get ``CancelledError``."""
        for task in list(self._dispatches):
            task.cancel()

    async def batch_load_fn(self, keys: list[K]) -> list[V]:  # type: ignore[override]
        """One batch, as DataLoader's contract has it (the dispatch above calls ``fetch``)."""
        async with self.connections.connect() as conn:
            by_key = await self.fetch(conn, keys)
        return [by_key.get(key, self.missing(key)) for key in keys]

    async def fetch(self, conn: AsyncConnection, keys: list[K]) -> Mapping[K, V]:
        raise NotImplementedError

    def missing(self, key: K) -> Any:
        """The answer for a key the database has nothing for."""
        return None

"""Where a request's batches get their database connection.

By default each batch checks one out of the pool for itself (ARCHITECTURE.md §3). While
:meth:`Connections.shared` is active — the compiled executor runs a whole operation so — the
batches take turns on one connection of the request instead: a batch is never concurrent
with another on it, but the request pays one checkout (and, on PostgreSQL, one reset
round trip at checkin) instead of one per batch. A batch that fails gives its connection
up (a failed PostgreSQL transaction refuses every later statement); the next one opens
another.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine


class _Share:
    """One request's connection, lent to one batch at a time until closed."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.lock = asyncio.Lock()
        self.connection: AsyncConnection | None = None
        self.closed = False

    @contextlib.asynccontextmanager
    async def lend(self) -> AsyncIterator[AsyncConnection]:
        async with self.lock:
            if self.closed:  # a batch that outlived its operation: a connection of its own
                async with self.engine.connect() as own:
                    yield own
                return
            if self.connection is None:
                self.connection = await self.engine.connect()
            try:
                yield self.connection
            except BaseException:
                await self._give_up()
                raise

    async def close(self) -> None:
        async with self.lock:
            self.closed = True
            await self._give_up()

    async def _give_up(self) -> None:
        connection, self.connection = self.connection, None
        if connection is not None:
            await connection.close()


@contextlib.asynccontextmanager
async def _refuse(error: BaseException) -> AsyncIterator[AsyncConnection]:
    raise error
    yield  # an async generator, for asynccontextmanager


class Connections:
    """A request's source of connections for its loaders."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._share: _Share | None = None
        self._refused: BaseException | None = None

    def connect(self) -> AbstractAsyncContextManager[AsyncConnection]:
        if self._refused is not None:
            return _refuse(self._refused)
        share = self._share
        return self.engine.connect() if share is None else share.lend()

    def check(self) -> None:
        """Raise the error the database failed this request with already, if any."""
        if self._refused is not None:
            raise self._refused

    def refuse(self, error: BaseException) -> None:
        """The database failed this request already: every later batch fails with ``error``
        at once, instead of waiting on a locked or unreachable database again."""
        self._refused = error

    @contextlib.asynccontextmanager
    async def shared(self) -> AsyncIterator[None]:
        """Within: every batch runs on the request's one connection, one at a time."""
        if self._share is not None:  # already sharing (nested)
            yield
            return
        share = self._share = _Share(self.engine)
        try:
            yield
        finally:
            self._share = None
            await share.close()

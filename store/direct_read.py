"""One read statement on PostgreSQL, sent straight to asyncpg on a connection of the pool.

A compiled query is one statement that returns its JSON (``schema.compiled.sql_run``). Sent
through SQLAlchemy's ``Connection``, the statement's own cost is the smaller part of the
request: a checkout builds a ``Connection``, sets and resets its isolation level, begins and
ends its transaction bookkeeping, and wraps the driver's cursor and result — about a third
of the server's CPU per request on a one-row query. Here the same pooled connection
(``AsyncEngine.raw_connection``: the engine's pool, its connect arguments — search path,
``statement_timeout``, ``jit`` — and its limits) runs the statement with asyncpg's
``fetchrow``, outside any transaction, as autocommit would.

What SQLAlchemy's path gives and this one must keep:

- the engine's ``before_cursor_execute``/``after_cursor_execute`` listeners hear the
  statement (statement counts in tests, SQL metrics): they are dispatched here, with a
  stand-in for the connection that carries the pooled connection's ``info``;
- a failed statement raises :class:`sqlalchemy.exc.DBAPIError` around the driver's error
  (its ``sqlstate`` and message kept), as every caller expects;
- a connection that broke, or whose statement was cancelled mid-way, is invalidated, not
  returned to the pool.

asyncpg keeps the prepared statements of texts up to 15 KiB (its
``max_cacheable_statement_size``); a larger one — the compiled statement of a deep document
such as LL2's detailed flight list, 290 KB — was parsed and planned again on every request
(80 ms of its 110 ms). Those are prepared once per connection here and kept by size: PostgreSQL
holds about 45 times a statement's text in plan memory (13 MB per backend for that one), so a
connection keeps at most :data:`LARGE_STATEMENTS_BYTES` of such texts, the least recently used
going first (asyncpg closes a statement on the server once nothing refers to it).
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from typing import Any

import asyncpg
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.util import greenlet_spawn

# SQLSTATE classes after which the session cannot be trusted: connection exceptions and
# operator intervention other than a cancelled statement (shutdown, crash, terminate).
_BROKEN_STATES = ("08", "57P")
# asyncpg's own cache holds statements up to this size (its default).
CACHED_BY_DRIVER = 15 * 1024
# The texts of larger statements one connection keeps prepared (~45x this in server memory).
LARGE_STATEMENTS_BYTES = 512 * 1024


class _LargeStatements:
    """One connection's prepared statements beyond the driver's cache, least recent first."""

    def __init__(self) -> None:
        self.kept: OrderedDict[str, Any] = OrderedDict()
        self.size = 0

    async def prepared(self, connection: asyncpg.Connection, statement: str) -> Any:
        found = self.kept.get(statement)
        if found is not None:
            self.kept.move_to_end(statement)
            return found
        prepared = await connection.prepare(statement)
        if len(statement) <= LARGE_STATEMENTS_BYTES:
            self.kept[statement] = prepared
            self.size += len(statement)
            while self.size > LARGE_STATEMENTS_BYTES:
                dropped, _ = self.kept.popitem(last=False)
                self.size -= len(dropped)
        return prepared


_large: weakref.WeakKeyDictionary[Any, _LargeStatements] = weakref.WeakKeyDictionary()


async def _fetch(connection: asyncpg.Connection, statement: str, values: tuple[Any, ...]) -> Any:
    if len(statement) <= CACHED_BY_DRIVER:
        return await connection.fetchrow(statement, *values)
    kept = _large.get(connection)
    if kept is None:
        kept = _large[connection] = _LargeStatements()
    prepared = await kept.prepared(connection, statement)
    return await prepared.fetchrow(*values)


class _Listened:
    """What the engine's cursor listeners read of a connection: ``info`` (per connection,
    kept with the pooled connection) and ``connection`` (the pooled connection)."""

    def __init__(self, pooled: Any) -> None:
        self.connection = pooled
        self.info = pooled.info


def accepts(engine: AsyncEngine) -> bool:
    """Whether ``engine``'s statements can be sent this way (PostgreSQL over asyncpg)."""
    return engine.dialect.name == "postgresql" and engine.dialect.driver == "asyncpg"


async def fetch_row(engine: AsyncEngine, statement: str, values: tuple[Any, ...]) -> Any:
    """The first row of ``statement`` (asyncpg's ``$n`` placeholders) with ``values``."""
    pooled = await engine.raw_connection()
    dispatch = engine.sync_engine.dispatch
    listened = _Listened(pooled)
    broken = True  # until the statement has answered or failed cleanly
    try:
        if dispatch.before_cursor_execute:
            dispatch.before_cursor_execute(listened, None, statement, values, None, False)
        try:
            row = await _fetch(pooled.driver_connection, statement, values)
        except asyncpg.PostgresError as error:
            state = getattr(error, "sqlstate", None) or ""
            broken = state.startswith(_BROKEN_STATES)
            raise DBAPIError(statement, None, error, connection_invalidated=broken) from error
        except (asyncpg.InterfaceError, OSError) as error:
            raise DBAPIError(statement, None, error, connection_invalidated=True) from error
        broken = False
        if dispatch.after_cursor_execute:
            dispatch.after_cursor_execute(listened, None, statement, values, None, False)
        return row
    finally:
        # Checkin (or invalidation) runs the pool's reset, which awaits the driver: in a
        # greenlet, as SQLAlchemy's own path does.
        await greenlet_spawn(pooled.invalidate if broken else pooled.close)


__all__ = ["accepts", "fetch_row"]

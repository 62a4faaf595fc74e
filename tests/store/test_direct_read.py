"""One read straight through asyncpg on a pooled connection (PostgreSQL): the engine's
listeners hear it, failures are SQLAlchemy's ``DBAPIError``, and a statement cancelled
mid-way leaves neither a checked-out connection nor a running backend behind."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from schema.guards.masking import is_statement_timeout
from store import direct_read
from store.engine import create_engine
from tests.databases import POSTGRES_URL

on_postgres = pytest.mark.parametrize("backend", ["postgres"])


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_only_asyncpg_engines_are_accepted(engine: AsyncEngine, backend: str) -> None:
    assert direct_read.accepts(engine) is (backend == "postgres")


@on_postgres
async def test_a_row_and_the_listeners_hear_the_statement(engine: AsyncEngine) -> None:
    heard: list[tuple[str, str]] = []

    def before(conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        conn.info["seen"] = True
        heard.append(("before", statement))

    def after(conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        assert conn.info.pop("seen")
        heard.append(("after", statement))

    event.listen(engine.sync_engine, "before_cursor_execute", before)
    event.listen(engine.sync_engine, "after_cursor_execute", after)
    try:
        row = await direct_read.fetch_row(engine, "SELECT $1::int + 1, 'x'", (41,))
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", before)
        event.remove(engine.sync_engine, "after_cursor_execute", after)
    assert tuple(row) == (42, "x")
    statement = "SELECT $1::int + 1, 'x'"
    assert heard == [("before", statement), ("after", statement)]
    assert engine.pool.checkedout() == 0


@on_postgres
async def test_a_failed_statement_is_a_dbapi_error_and_the_connection_goes_back(
    engine: AsyncEngine,
) -> None:
    with pytest.raises(DBAPIError) as failed:
        await direct_read.fetch_row(engine, "SELECT 1 / $1::int", (0,))
    assert failed.value.orig.sqlstate == "22012"  # division by zero
    assert not failed.value.connection_invalidated
    assert engine.pool.checkedout() == 0
    assert tuple(await direct_read.fetch_row(engine, "SELECT 1", ())) == (1,)


@on_postgres
async def test_the_statement_timeout_holds(engine: AsyncEngine) -> None:
    """The session settings of the engine's connections (here ``statement_timeout``) hold."""
    timed = create_engine(
        POSTGRES_URL, connect_args={"server_settings": {"statement_timeout": "100"}}
    )
    try:
        with pytest.raises(DBAPIError) as stopped:
            await direct_read.fetch_row(timed, "SELECT pg_sleep(5)", ())
        assert is_statement_timeout(stopped.value)
        assert timed.pool.checkedout() == 0
    finally:
        await timed.dispose()


@on_postgres
async def test_a_cancelled_statement_leaves_no_backend_running(engine: AsyncEngine) -> None:
    marker = "direct_read_cancel_probe"
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(
            direct_read.fetch_row(engine, f"SELECT pg_sleep(30), '{marker}'", ()), 0.3
        )
    assert engine.pool.checkedout() == 0
    watcher = create_engine(POSTGRES_URL)
    try:
        running = 1
        for _ in range(50):  # the backend ends as its connection closes
            async with watcher.connect() as conn:
                running = await conn.scalar(
                    text(
                        "SELECT count(*) FROM pg_stat_activity"
                        " WHERE query LIKE :probe AND pid <> pg_backend_pid()"
                    ),
                    {"probe": f"%{marker}%"},
                )
            if running == 0:
                break
            await asyncio.sleep(0.1)
        assert running == 0
    finally:
        await watcher.dispose()


def _large(marker: str) -> str:
    """A statement beyond the driver's own cache (its text padded by a comment)."""
    padding = "x" * (direct_read.CACHED_BY_DRIVER + 1)
    return f"SELECT $1::int + 1, '{marker}' /* {padding} */"


PREPARED = "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE $1"


@on_postgres
async def test_a_large_statement_is_prepared_once_per_connection(database: Any) -> None:
    """A deep document's statement is parsed and planned once, not on every request (asyncpg
    itself keeps only statements up to 15 KiB)."""
    single = create_engine(database.url, pool_size=1, max_overflow=0, **database.options)
    try:
        statement = _large("prepared_once_probe")
        for _ in range(3):
            row = await direct_read.fetch_row(single, statement, (41,))
            assert row[0] == 42
        kept = await direct_read.fetch_row(single, PREPARED, ("%prepared_once_probe%",))
        assert kept[0] == 1
    finally:
        await single.dispose()


@on_postgres
async def test_large_statements_kept_are_bounded_by_size(
    database: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each kept statement costs the server ~45x its text in plan memory: a connection keeps
    at most ``LARGE_STATEMENTS_BYTES`` of them, the least recently used going first."""
    monkeypatch.setattr(direct_read, "LARGE_STATEMENTS_BYTES", direct_read.CACHED_BY_DRIVER * 3)
    single = create_engine(database.url, pool_size=1, max_overflow=0, **database.options)
    try:
        for number in range(6):
            await direct_read.fetch_row(single, _large(f"bounded_probe_{number}"), (1,))
        await direct_read.fetch_row(single, "SELECT 1", ())  # asyncpg closes dropped ones
        kept = await direct_read.fetch_row(single, PREPARED, ("%bounded_probe_%",))
        assert 1 <= kept[0] <= 2
        again = await direct_read.fetch_row(single, PREPARED, ("%bounded_probe_5%",))
        assert again[0] == 1  # the most recent one is kept
    finally:
        await single.dispose()

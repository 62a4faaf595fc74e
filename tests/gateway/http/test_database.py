"""The serving engine's options: a bounded pool and a server-side statement timeout on
PostgreSQL; a pool on SQLite whose checkouts still see the file as it is now."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import exc, text

import store.engine
from gateway.http.database import engine_options
from gateway.settings import Settings
from schema.guards.masking import is_statement_timeout, is_unavailable
from store.engine import create_engine
from tests.conftest import POSTGRES_URL, _postgres_problem, require_service


@pytest.fixture
def postgres() -> str:
    if problem := _postgres_problem():
        require_service("PostgreSQL", f"{POSTGRES_URL}: {problem}")
    return POSTGRES_URL


async def test_postgres_gets_a_bounded_pool_and_a_statement_timeout(postgres: str) -> None:
    settings = Settings(
        database_url=POSTGRES_URL, db_pool_size=3, db_max_overflow=1, db_statement_timeout_ms=50
    )
    engine = create_engine(POSTGRES_URL, **engine_options(settings))
    try:
        assert engine.pool.size() == 3
        async with engine.connect() as conn:
            timeout = (await conn.execute(text("SHOW statement_timeout"))).scalar()
            assert timeout == "50ms"
            with pytest.raises(exc.DBAPIError, match="statement timeout") as stopped:
                await conn.execute(text("SELECT pg_sleep(5)"))
    finally:
        await engine.dispose()
    # A statement stopped by its timeout is the query's fault, not an outage.
    assert not stopped.value.connection_invalidated
    assert not is_unavailable(stopped.value)
    assert is_statement_timeout(stopped.value)


async def test_postgres_serving_sessions_never_jit_and_plan_once(postgres: str) -> None:
    """A statement in LLVM JIT compilation sees neither statement_timeout nor a cancel; a
    prepared statement keeps its generic plan (re-planning a compiled listing each time cost
    more than running it)."""
    engine = create_engine(POSTGRES_URL, **engine_options(Settings(database_url=POSTGRES_URL)))
    try:
        async with engine.connect() as conn:
            assert (await conn.execute(text("SHOW jit"))).scalar() == "off"
            mode = (await conn.execute(text("SHOW plan_cache_mode"))).scalar()
            assert mode == "force_generic_plan"
    finally:
        await engine.dispose()


RUNAWAY = text(
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
)


async def test_sqlite_statements_are_interrupted_at_their_deadline(tmp_path: Path) -> None:
    """SQLite has no statement_timeout: the serving engine interrupts a statement that runs
    past ``db_statement_timeout_ms``, and the connection serves the next one (and commits
    long after that are not interrupted)."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'served.db'}"
    settings = Settings(database_url=url, db_pool_size=1, db_statement_timeout_ms=200)
    engine = create_engine(url, **engine_options(settings))
    try:
        async with engine.connect() as conn:
            started = time.monotonic()
            with pytest.raises(exc.OperationalError, match="interrupted") as stopped:
                await conn.execute(RUNAWAY)  # never ends by itself
            assert time.monotonic() - started < 5  # a bound, not a measurement
            assert (await conn.execute(text("SELECT 1"))).scalar() == 1
        assert is_statement_timeout(stopped.value)
        assert not is_unavailable(stopped.value.orig)
        async with engine.begin() as conn:
            await conn.execute(text("CREATE TABLE t (x INTEGER)"))
            await asyncio.sleep(0.4)  # past the last statement's deadline: COMMIT still runs
        async with engine.connect() as conn:
            assert (await conn.execute(text("SELECT count(*) FROM t"))).scalar() == 0
    finally:
        await engine.dispose()


async def test_engines_without_a_deadline_run_statements_to_the_end(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'ingest.db'}"
    engine = create_engine(url)  # ingest and sync: no deadline
    bounded = text(
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000) "
        "SELECT count(*) FROM c"
    )
    try:
        async with engine.connect() as conn:
            assert (await conn.execute(bounded)).scalar() == 300_000
    finally:
        await engine.dispose()


def _file_with(path: Path, value: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE marker (value TEXT)")
        conn.execute("INSERT INTO marker VALUES (?)", (value,))
    conn.close()


async def test_sqlite_pool_reopens_a_replaced_or_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "served.db"
    _file_with(path, "first")
    url = f"sqlite+aiosqlite:///{path}"
    engine = create_engine(url, **engine_options(Settings(database_url=url, db_pool_size=2)))
    marker = text("SELECT value FROM marker")
    try:
        async with engine.connect() as conn:
            assert (await conn.execute(marker)).scalar() == "first"
        assert engine.pool.checkedin() == 1  # pooled: kept open between checkouts
        path.rename(tmp_path / "aside.db")
        _file_with(path, "second")
        async with engine.connect() as conn:
            assert (await conn.execute(marker)).scalar() == "second"
        path.unlink()
        async with engine.connect() as conn:  # opened as it is now: a new, empty file
            with pytest.raises(exc.OperationalError, match="no such table"):
                await conn.execute(marker)
    finally:
        await engine.dispose()


async def test_a_file_moved_back_while_a_connection_opens_is_not_taken_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race of a database moved back into place: SQLite has opened the file at the path
    (here a stand-in) and set it up, and the real one is renamed over it before the engine
    looks at the path. The connection holds the stand-in: it must be opened again, not kept
    as the real file's."""
    path, real = tmp_path / "served.db", tmp_path / "real.db"
    _file_with(real, "real")
    _file_with(path, "stand-in")
    moves = [lambda: real.rename(path)]
    set_up = store.engine._sqlite_functions

    def set_up_then_move_back(dbapi_connection, record):  # type: ignore[no-untyped-def]
        set_up(dbapi_connection, record)
        while moves:
            moves.pop()()

    monkeypatch.setattr(store.engine, "_sqlite_functions", set_up_then_move_back)
    url = f"sqlite+aiosqlite:///{path}"
    engine = create_engine(url, **engine_options(Settings(database_url=url, db_pool_size=2)))
    try:
        for _ in range(2):
            async with engine.connect() as conn:
                value = (await conn.execute(text("SELECT value FROM marker"))).scalar()
                assert value == "real"
    finally:
        await engine.dispose()


@pytest.mark.parametrize(
    ("error", "unavailable"),
    [
        (ConnectionRefusedError(111, "refused"), True),
        (exc.OperationalError("SELECT 1", {}, Exception("database is locked")), True),
        (exc.TimeoutError("QueuePool limit reached"), True),
        (ValueError("a bug"), False),
        (KeyError("a bug"), False),
    ],
)
def test_what_counts_as_the_database_being_unavailable(
    error: BaseException, unavailable: bool
) -> None:
    assert is_unavailable(error) is unavailable


async def test_a_cancelled_sqlite_statement_is_interrupted_at_once(tmp_path: Path) -> None:
    """A request that times out (or whose client leaves) cancels its task: the statement in
    the driver's thread must stop then, not run on to its own deadline holding the
    connection."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'served.db'}"
    settings = Settings(database_url=url, db_pool_size=1, db_statement_timeout_ms=30_000)
    engine = create_engine(url, **engine_options(settings))
    try:
        started = time.monotonic()
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(0.3), engine.connect() as conn:
                await conn.execute(RUNAWAY)
        assert time.monotonic() - started < 5  # not the 30 s deadline (a bound)
        async with engine.connect() as conn:  # the pool's one connection serves again
            assert (await conn.execute(text("SELECT 1"))).scalar() == 1
        assert time.monotonic() - started < 5
    finally:
        await engine.dispose()

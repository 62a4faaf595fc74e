"""Where batches get their connection: one each from the pool, or — while shared — the
request's one connection, one batch at a time, given up after a failure."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import event, insert, text
from sqlalchemy.ext.asyncio import AsyncEngine

from loaders import Loaders
from store.tables.common import countries


@pytest.fixture
def checkouts(engine: AsyncEngine) -> list[int]:
    """The id of the DBAPI connection of every pool checkout."""
    seen: list[int] = []

    def checkout(dbapi_connection, _record, _proxy) -> None:  # type: ignore[no-untyped-def]
        seen.append(id(dbapi_connection))

    event.listen(engine.sync_engine, "checkout", checkout)
    yield seen
    event.remove(engine.sync_engine, "checkout", checkout)


async def _countries(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await conn.execute(insert(countries), [{"id": i, "name": f"C{i}"} for i in range(1, 6)])


async def _three_batches(loaders: Loaders) -> list[str]:
    by_id = loaders.rows_by_id("countries")
    by_name = loaders.rows_by_column("countries", "name")
    first, named = await asyncio.gather(by_id.load(1), by_name.load("C2"))
    third = await by_id.load(3)  # a later batch, after the first two are done
    return [first["name"], named[0]["name"], third["name"]]


async def test_batches_check_out_a_connection_each_by_default(
    engine: AsyncEngine, checkouts: list[int]
) -> None:
    await _countries(engine)
    checkouts.clear()
    assert await _three_batches(Loaders(engine)) == ["C1", "C2", "C3"]
    assert len(checkouts) == 3


async def test_shared_batches_take_turns_on_one_connection(
    engine: AsyncEngine, checkouts: list[int]
) -> None:
    await _countries(engine)
    checkouts.clear()
    loaders = Loaders(engine)
    async with loaders.connections.shared():
        assert await _three_batches(loaders) == ["C1", "C2", "C3"]
        assert len(checkouts) == 1
    assert engine.pool.checkedout() == 0  # returned when the sharing ends
    # After it, batches are on their own again.
    assert (await loaders.rows_by_id("countries").load(4))["name"] == "C4"
    assert len(checkouts) == 2


async def test_a_failed_batch_gives_the_shared_connection_up(
    engine: AsyncEngine, checkouts: list[int]
) -> None:
    await _countries(engine)
    checkouts.clear()
    loaders = Loaders(engine)
    connections = loaders.connections
    async with connections.shared():
        with pytest.raises(Exception, match="no_such_table"):
            async with connections.connect() as conn:
                await conn.execute(text("SELECT * FROM no_such_table"))
        # On PostgreSQL the failed transaction would refuse this; a new connection does not.
        assert (await loaders.rows_by_id("countries").load(5))["name"] == "C5"
    assert len(checkouts) == 2
    assert engine.pool.checkedout() == 0

"""The batch contract of the generic row loaders, against a real database."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from loaders import Loaders
from loaders.rows import RowsByIdLoader
from store.tables.agencies import agencies, agencies_country
from store.tables.common import countries
from store.tables.flights import astronaut_flights, spacecraft_flights
from tests.conftest import StatementCounter


async def _countries(engine: AsyncEngine, count: int) -> None:
    async with engine.begin() as conn:
        await conn.execute(
            insert(countries), [{"id": i, "name": f"C{i}"} for i in range(1, count + 1)]
        )


async def test_rows_by_id_keeps_key_order_and_answers_none_for_unknown(
    engine: AsyncEngine, count_statements: StatementCounter
) -> None:
    await _countries(engine, 5)
    count_statements.reset()
    loader = Loaders(engine).rows_by_id("countries")
    rows = await loader.load_many([4, 99, 2, 4])
    assert [r and r["name"] for r in rows] == ["C4", None, "C2", "C4"]
    assert count_statements.count == 1
    assert "extra" not in rows[0]


async def test_rows_by_id_batches_loads_from_concurrent_tasks(
    engine: AsyncEngine, count_statements: StatementCounter
) -> None:
    await _countries(engine, 20)
    count_statements.reset()
    loader = Loaders(engine).rows_by_id("countries")

    async def one(key: int) -> str:
        await asyncio.sleep(0)  # a resolver that asks a tick later still joins the batch
        row = await loader.load(key)
        return row["name"]

    names = await asyncio.gather(*(one(k) for k in range(1, 21)))
    assert names == [f"C{k}" for k in range(1, 21)]
    assert count_statements.count == 1


async def test_rows_by_id_sends_any_number_of_keys_as_one_parameter(
    engine: AsyncEngine, count_statements: StatementCounter
) -> None:
    # More keys than either backend takes bound parameters (SQLite 32,766, asyncpg 32,767).
    await _countries(engine, 10)
    count_statements.reset()
    rows = await Loaders(engine).rows_by_id("countries").load_many(range(1, 40_001))
    assert [row["id"] for row in rows[:10]] == list(range(1, 11))
    assert rows[10:] == [None] * 39_990
    assert count_statements.count == 1


async def test_linked_rows_follow_the_link_positions(
    engine: AsyncEngine, count_statements: StatementCounter
) -> None:
    await _countries(engine, 3)
    async with engine.begin() as conn:
        await conn.execute(insert(agencies), [{"id": 10}, {"id": 11}, {"id": 12}])
        await conn.execute(
            insert(agencies_country),
            [
                {"owner_id": 10, "position": 0, "target_id": 3},
                {"owner_id": 10, "position": 1, "target_id": 1},
                {"owner_id": 11, "position": 0, "target_id": 2},
            ],
        )
    count_statements.reset()
    loader = Loaders(engine).linked_rows("agencies_country")
    lists = await loader.load_many([12, 10, 11])
    assert [[r["name"] for r in rows] for rows in lists] == [[], ["C3", "C1"], ["C2"]]
    assert count_statements.count == 1


async def test_rows_by_column_narrows_by_constants(
    engine: AsyncEngine, count_statements: StatementCounter
) -> None:
    async with engine.begin() as conn:
        await conn.execute(insert(spacecraft_flights), [{"id": 1}, {"id": 2}])
        await conn.execute(
            insert(astronaut_flights),
            [
                {"id": 7, "flight_id": 1, "crew": "launch"},
                {"id": 5, "flight_id": 1, "crew": "launch"},
                {"id": 6, "flight_id": 1, "crew": "landing"},
                {"id": 8, "flight_id": 2, "crew": "launch"},
            ],
        )
    count_statements.reset()
    loaders = Loaders(engine)
    launch = await loaders.rows_by_column(
        "astronaut_flights", "flight_id", crew="launch"
    ).load_many([1, 2, 3])
    assert [[r["id"] for r in rows] for rows in launch] == [[5, 7], [8], []]
    assert loaders.rows_by_column("astronaut_flights", "flight_id", crew="launch") is (
        loaders.rows_by_column("astronaut_flights", "flight_id", crew="launch")
    )
    assert count_statements.count == 1


class _Broken(RowsByIdLoader):
    calls = 0

    async def fetch(self, conn, keys):  # type: ignore[no-untyped-def]
        self.calls += 1
        raise RuntimeError("database went away")


async def test_a_failing_batch_fails_every_waiter_and_is_not_cached(engine: AsyncEngine) -> None:
    loader = _Broken(engine, "countries")
    results = await asyncio.gather(loader.load(1), loader.load(2), return_exceptions=True)
    assert [str(r) for r in results] == ["database went away"] * 2
    with pytest.raises(RuntimeError):
        await loader.load(1)
    assert loader.calls == 2


async def test_rows_by_column_matches_text_keys_exactly(
    engine: AsyncEngine, count_statements: StatementCounter
) -> None:
    # Keys travel as one parameter (a JSON array on SQLite): quotes, backslashes, unicode and
    # SQL- or JSON-looking text must match themselves and nothing else.
    names = [
        "O'Brien",
        'say "hi"',
        "back\\slash",
        "Ünïcødé 🚀 宇宙",
        "x'); DROP TABLE countries; --",
        '["not", "a", "list"]',
        "1",
    ]
    async with engine.begin() as conn:
        await conn.execute(
            insert(countries), [{"id": i, "name": n} for i, n in enumerate(names, start=1)]
        )
    count_statements.reset()
    loader = Loaders(engine).rows_by_column("countries", "name")
    found = await loader.load_many([*reversed(names), "missing", "o'brien"])
    assert [[row["name"] for row in rows] for rows in found] == [
        *([n] for n in reversed(names)),
        [],
        [],
    ]
    assert count_statements.count == 1

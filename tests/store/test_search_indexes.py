"""On PostgreSQL every column a listing searches has a trigram index, and a ``contains`` on it
can be answered from that index (the operator class fits ``ILIKE … ESCAPE``)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Column, inspect, select
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.sql.selectable import ScalarSelect

import loaders  # noqa: F401 (registers every listing)
from loaders.listing import contains
from loaders.pages import LISTINGS
from store.search_indexes import index_name
from store.tables import metadata


def searched_columns() -> set[tuple[str, str]]:
    """(table, column) of every searched field, through ``via`` chains to the far column."""
    found: set[tuple[str, str]] = set()
    for listing in LISTINGS.values():
        for field in listing.search:
            expr = field.expr
            while isinstance(expr, ScalarSelect):
                expr = expr.element.selected_columns[0]
            assert isinstance(expr, Column), f"{listing.name} searches {expr!r}"
            found.add((expr.table.name, expr.name))
    return found


# Trigram indexes are PostgreSQL's (SQLite searches by scanning): the engine is PostgreSQL's.
on_postgres = pytest.mark.parametrize("backend", ["postgres"])


def index_names(sync: Any) -> set[tuple[str, str]]:
    inspector = inspect(sync)
    return {(table, ix["name"]) for table in metadata.tables for ix in inspector.get_indexes(table)}


@on_postgres
async def test_every_searched_column_has_a_trigram_index(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        indexes = await conn.run_sync(index_names)
    wanted = searched_columns()
    assert len(wanted) > 40
    missing = [(t, c) for t, c in sorted(wanted) if (t, index_name(t, c)) not in indexes]
    assert missing == []


@on_postgres
async def test_a_contains_condition_can_use_the_index(engine: AsyncEngine) -> None:
    launches = metadata.tables["launches"]
    query = select(launches.c.id).where(contains(launches.c.name, "100%_Falcon"))
    async with engine.connect() as conn:
        await conn.exec_driver_sql("SET enable_seqscan = off")  # a tiny table: force the issue
        sql = query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
        plan = (await conn.exec_driver_sql(f"EXPLAIN {sql}")).scalars().all()
    assert any(index_name("launches", "name") in line for line in plan), plan

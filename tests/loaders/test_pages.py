"""Keyset pages and counts, for one parent and for many, straight from the loaders."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from loaders import (
    Condition,
    CountQuery,
    CursorError,
    Loaders,
    PageQuery,
    decode_cursor,
    encode_cursor,
)
from store.tables.flights import spacecraft_flights
from store.tables.vehicles import spacecraft
from tests.conftest import StatementCounter

T0 = datetime(2024, 1, 1, tzinfo=UTC)


async def _flights(engine: AsyncEngine) -> dict[int, datetime | None]:
    """Ten flights on three spacecraft; every third has no mission end (NULL)."""
    ends = {i: None if i % 3 == 0 else T0 + timedelta(days=(i * 7) % 5) for i in range(1, 11)}
    async with engine.begin() as conn:
        await conn.execute(insert(spacecraft), [{"id": s} for s in (1, 2, 3)])
        await conn.execute(
            insert(spacecraft_flights),
            [{"id": i, "spacecraft_id": i % 3 + 1, "mission_end": e} for i, e in ends.items()],
        )
    return ends


def _expected(ends: dict[int, datetime | None], descending: bool) -> list[int]:
    ordered = sorted(ends, key=lambda i: (ends[i] is None, ends[i] or T0, i))
    return ordered[::-1] if descending else ordered


async def _all_pages(loaders: Loaders, query: PageQuery) -> list[int]:
    seen: list[int] = []
    while True:
        page = await loaders.pages.load((None, query))
        seen += [row["id"] for row in page.rows]
        if not page.has_next:
            return seen
        query = PageQuery(**{**query.__dict__, "after": page.keys[-1]})


@pytest.mark.parametrize("descending", [False, True])
async def test_keyset_pages_put_null_after_every_value(
    engine: AsyncEngine, descending: bool
) -> None:
    ends = await _flights(engine)
    query = PageQuery("flights", order="mission_end", descending=descending, first=3)
    assert await _all_pages(Loaders(engine), query) == _expected(ends, descending)


async def test_backward_pages_mirror_forward_ones(engine: AsyncEngine) -> None:
    ends = await _flights(engine)
    loaders = Loaders(engine)
    query = PageQuery("flights", order="mission_end", last=4)
    pages: list[list[int]] = []
    while True:
        page = await loaders.pages.load((None, query))
        pages.insert(0, [row["id"] for row in page.rows])
        if not page.has_previous:
            break
        query = PageQuery("flights", order="mission_end", last=4, before=page.keys[0])
    assert [i for page in pages for i in page] == _expected(ends, descending=False)


async def test_many_parents_one_statement_each_page_its_own(
    engine: AsyncEngine, count_statements: StatementCounter
) -> None:
    ends = await _flights(engine)
    loaders = Loaders(engine)
    query = PageQuery("flights", "spacecraft_id", order="mission_end", first=2)
    count = CountQuery("flights", "spacecraft_id", Condition("mission_end", "is_null", False))
    count_statements.reset()
    pages = await loaders.pages.load_many([(s, query) for s in (3, 1, 2, 99)])
    counts = await loaders.counts.load_many([(s, count) for s in (3, 1, 2, 99)])
    assert count_statements.count == 2
    for craft, page, total in zip((3, 1, 2, 99), pages, counts, strict=True):
        mine = {i: e for i, e in ends.items() if i % 3 + 1 == craft}
        assert [row["id"] for row in page.rows] == _expected(mine, False)[:2]
        assert page.has_next == (len(mine) > 2)
        assert total == sum(e is not None for e in mine.values())


def test_cursors_round_trip_and_refuse_strangers() -> None:
    values = (T0, None, 7, "x")
    kinds = (datetime, int, int, str)
    cursor = encode_cursor("mission_end", values)
    assert decode_cursor(cursor, "mission_end", kinds) == values
    with pytest.raises(CursorError, match="made for order 'mission_end', not 'id'"):
        decode_cursor(cursor, "id", kinds)
    for bad in ("%%%", encode_cursor("mission_end", values[:2]), "e30"):
        with pytest.raises(CursorError):
            decode_cursor(bad, "mission_end", kinds)


@pytest.mark.parametrize(
    "values",
    [
        (True, None, 7, "x"),  # a boolean for a timestamp
        (T0, None, True, "x"),  # a boolean for an integer
        (T0, None, "7", "x"),  # text for an integer
        (T0, None, 2**63, "x"),  # beyond the store's signed 64 bits
        (T0, None, 7.5, "x"),  # a float for an integer
        (T0, None, 7, 8),  # a number for text
        (T0.date(), None, 7, "x"),  # a date for a timestamp
    ],
)
def test_crafted_cursor_values_of_the_wrong_kind_are_refused(values: tuple) -> None:
    cursor = encode_cursor("mission_end", values)
    with pytest.raises(CursorError, match="malformed cursor"):
        decode_cursor(cursor, "mission_end", (datetime, int, int, str))

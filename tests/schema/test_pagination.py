"""Keyset pagination: forward and backward over ~1,000 generated flights, for every order."""

from __future__ import annotations

import base64
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from store.tables.launches import launches
from tests.conftest import StatementCounter
from tests.schema.helpers import load_json, run, run_raw, walk, walk_back


def _moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def demo_flights(files: list[Path]) -> list[dict[str, Any]]:
    return [flight for path in files for flight in load_json(path)["results"]]


def expected_order(items: dict[Any, Any], descending: bool) -> list[Any]:
    """Ids ordered by value (NULL after every value), ties by id; DESC is the exact reverse."""
    ordered = sorted(items, key=lambda key: (items[key] is None, items[key] or 0, key))
    return ordered[::-1] if descending else ordered


FLIGHT_ORDERS = ["ID", "MISSION_END", "LAUNCH_NET"]


@pytest.mark.parametrize("order", FLIGHT_ORDERS)
async def test_flights_visit_every_flight_once_in_order_both_ways(
    demo_engine: AsyncEngine, demo_files: list[Path], order: str
) -> None:
    flights = demo_flights(demo_files)
    values = {
        "ID": {f["id"]: f["id"] for f in flights},
        "MISSION_END": {f["id"]: _moment(f["mission_end"]) for f in flights},
        "LAUNCH_NET": {f["id"]: _moment(f["launch"]["net"]) for f in flights},
    }[order]
    assert len(values) == 1000
    for direction in ("ASC", "DESC"):
        expected = expected_order(values, direction == "DESC")
        forward = await walk(demo_engine, "flights", "FlightOrder", f"{order}_{direction}")
        assert forward == expected
        backward = await walk_back(demo_engine, "flights", "FlightOrder", f"{order}_{direction}")
        assert backward == expected


LAUNCH_ORDERS = ["ID", "NET", "WINDOW_START", "LAST_UPDATED", "NAME"]


@pytest.mark.parametrize("order", LAUNCH_ORDERS)
async def test_launches_visit_every_launch_once_in_order_both_ways(
    demo_engine: AsyncEngine, demo_files: list[Path], order: str
) -> None:
    launches_by_id = {f["launch"]["id"]: f["launch"] for f in demo_flights(demo_files)}
    if order == "NAME":
        # Text order is the database's collation: ask it directly, without cursors.
        async with demo_engine.connect() as conn:
            rows = await conn.execute(
                select(launches.c.id).order_by(launches.c.name.asc().nulls_last(), launches.c.id)
            )
            by_db = list(rows.scalars())
        expected_asc = by_db
    else:
        key = {"ID": "id", "NET": "net", "WINDOW_START": "window_start"}.get(order, "last_updated")
        values = {
            i: (launch[key] if key == "id" else _moment(launch[key]))
            for i, launch in launches_by_id.items()
        }
        expected_asc = expected_order(values, descending=False)
    assert sorted(expected_asc) == sorted(launches_by_id)
    for direction in ("ASC", "DESC"):
        expected = expected_asc if direction == "ASC" else expected_asc[::-1]
        assert (
            await walk(demo_engine, "launches", "LaunchOrder", f"{order}_{direction}") == expected
        )
        assert (
            await walk_back(demo_engine, "launches", "LaunchOrder", f"{order}_{direction}")
            == expected
        )


async def test_every_page_costs_one_statement(
    demo_engine: AsyncEngine, count_statements: StatementCounter
) -> None:
    query = "query($after: String) { flights(first: 50, after: $after, orderBy: LAUNCH_NET_DESC)"
    query += " { pageInfo { endCursor } nodes { ll2Id } } }"
    after = None
    for _ in range(20):
        count_statements.reset()
        data = await run(demo_engine, query, after=after)
        assert count_statements.count == 1
        after = data["flights"]["pageInfo"]["endCursor"]
    assert after is not None


async def test_empty_pages_and_first_zero(demo_engine: AsyncEngine) -> None:
    data = await run(
        demo_engine,
        """{ none: flights(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage
               hasPreviousPage startCursor endCursor } }
             nothing: flights(filter: {ll2Id: {eq: -1}}) { totalCount nodes { ll2Id }
               pageInfo { hasNextPage hasPreviousPage startCursor } } }""",
    )
    assert data["none"] == {
        "totalCount": 1000,
        "edges": [],
        "pageInfo": {
            "hasNextPage": True,
            "hasPreviousPage": False,
            "startCursor": None,
            "endCursor": None,
        },
    }
    assert data["nothing"] == {
        "totalCount": 0,
        "nodes": [],
        "pageInfo": {"hasNextPage": False, "hasPreviousPage": False, "startCursor": None},
    }


async def test_default_page_is_ten(demo_engine: AsyncEngine) -> None:
    data = await run(demo_engine, "{ flights { nodes { ll2Id } } }")
    assert len(data["flights"]["nodes"]) == 10


def _cursor(value: Any) -> str:
    text = orjson.dumps({"o": "id", "v": [value]})
    return base64.urlsafe_b64encode(text).decode().rstrip("=")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ("first: 101", "`first` must be between 0 and 100 (got 101)"),
        ("last: 101", "`last` must be between 0 and 100 (got 101)"),
        ("first: -1", "`first` must be between 0 and 100 (got -1)"),
        ("first: 1, last: 1", "pass either `first` or `last`, not both"),
        ('after: "nonsense"', "bad cursor: malformed cursor 'nonsense'"),
        ('before: "eyJvIjoiaWQifQ"', "bad cursor: malformed cursor"),
        # Crafted cursors whose values are not the order's kinds: refused, not sent to SQL.
        (f'after: "{_cursor(True)}"', "bad cursor: malformed cursor"),
        (f'after: "{_cursor("abc")}"', "bad cursor: malformed cursor"),
        (f'after: "{_cursor(2**63)}"', "bad cursor: malformed cursor"),
    ],
)
async def test_bad_page_arguments_are_user_errors(
    engine: AsyncEngine, arguments: str, message: str
) -> None:
    result = await run_raw(engine, f"{{ flights({arguments}) {{ nodes {{ ll2Id }} }} }}")
    assert result.data is None
    (error,) = result.errors
    assert message in error.message
    assert error.extensions == {"code": "BAD_USER_INPUT"}


async def test_a_cursor_only_pages_the_order_it_was_made_for(demo_engine: AsyncEngine) -> None:
    data = await run(
        demo_engine, "{ flights(first: 1, orderBy: MISSION_END_ASC) { edges { cursor } } }"
    )
    cursor = data["flights"]["edges"][0]["cursor"]
    result = await run_raw(
        demo_engine,
        "query($c: String) { flights(after: $c, orderBy: ID_ASC) { nodes { ll2Id } } }",
        c=cursor,
    )
    (error,) = result.errors
    assert "made for order 'mission_end', not 'id'" in error.message
    assert error.extensions == {"code": "BAD_USER_INPUT"}


async def test_nested_connections_page_with_cursors_too(demo_engine: AsyncEngine) -> None:
    data = await run(
        demo_engine,
        """{ spacecraftList(first: 1, orderBy: FLIGHTS_COUNT_DESC) { nodes { ll2Id
               flights(first: 100) { totalCount nodes { ll2Id } } } } }""",
    )
    (craft,) = data["spacecraftList"]["nodes"]
    every = [f["ll2Id"] for f in craft["flights"]["nodes"]]
    assert len(every) == craft["flights"]["totalCount"] > 2
    query = """query($id: Int!, $after: String) { spacecraft(ll2Id: $id) {
                 flights(first: 2, after: $after) { pageInfo { hasNextPage endCursor }
                   nodes { ll2Id } } } }"""
    paged: list[int] = []
    after = None
    while True:
        page = (await run(demo_engine, query, id=craft["ll2Id"], after=after))["spacecraft"]
        paged += [f["ll2Id"] for f in page["flights"]["nodes"]]
        if not page["flights"]["pageInfo"]["hasNextPage"]:
            break
        after = page["flights"]["pageInfo"]["endCursor"]
    assert paged == every == sorted(every)

"""The JSON-in-SQL floor must answer what flightgraph's standard executor answers — values and
key order, white space aside — with one SQL statement per request, on both databases; if it
drifted, every "vs floor" ratio in the benchmark's report would too."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import orjson
import pytest
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bench import queries
from bench.checks import Mismatch, same_bytes
from bench.floor.handlers import PAGE, _cursor
from bench.floor_json import create_app as create_floor_json_app
from bench.floor_json.handlers import FLOOR_JSON_QUERIES
from bench.inprocess import Counted, find_targets, settings_for
from gateway.app import create_app

FAR_FUTURE = "2999-01-01T00:00:00Z"


class Pair:
    """flightgraph (standard executor) and the JSON-in-SQL floor on one engine."""

    def __init__(self, engine: AsyncEngine, fg: httpx.AsyncClient, floor: httpx.AsyncClient):
        self.engine, self.fg, self.floor = engine, fg, floor

    async def answers(self, name: str, variables: dict[str, Any]) -> tuple[bytes, bytes, int]:
        """(flightgraph's body, the floor's body, the floor's statement count)."""
        body = {"query": queries.document(name), "variables": variables}
        expected = await self.fg.post("/graphql", json=body)
        seen: list[str] = []

        def count(*args: object) -> None:
            seen.append(str(args[2]))

        event.listen(self.engine.sync_engine, "before_cursor_execute", count)
        try:
            actual = await self.floor.post("/graphql", json=body)
        finally:
            event.remove(self.engine.sync_engine, "before_cursor_execute", count)
        assert expected.status_code == actual.status_code == 200, (name, actual.text[:300])
        assert b'"errors"' not in expected.content, (name, expected.text[:300])
        return expected.content, actual.content, len(seen)


@asynccontextmanager
async def _pair(engine: AsyncEngine) -> AsyncIterator[Pair]:
    flightgraph = create_app(settings_for("sqlite+aiosqlite://", "standard"), engine=engine)
    floor = create_floor_json_app(engine=engine)
    async with (
        flightgraph.router.lifespan_context(flightgraph),
        floor.router.lifespan_context(floor),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=flightgraph), base_url="http://t"
        ) as fg,
        httpx.AsyncClient(transport=httpx.ASGITransport(app=floor), base_url="http://t") as fl,
    ):
        yield Pair(engine, fg, fl)


@pytest.mark.slow
async def test_floor_json_answers_q2_to_q5_as_flightgraph_in_one_statement(
    demo_engine: AsyncEngine,
) -> None:
    async with _pair(demo_engine) as pair:
        targets = await find_targets(Counted(pair.fg, demo_engine))
        answers = {}
        for name in FLOOR_JSON_QUERIES:
            expected, actual, statements = await pair.answers(
                name, queries.variables(name, targets)
            )
            same_bytes(name, expected, actual)
            assert statements == 1, (name, statements)
            answers[name] = orjson.loads(expected)["data"]
    # The checks saw real data: full lists, nested objects, a next page.
    assert answers["Q2"]["launches"]["nodes"]
    assert answers["Q3"]["agency"]["launches"]["nodes"]
    assert answers["Q4"]["flight"]["launch"]["status"]
    assert answers["Q5"]["flights"]["pageInfo"]["hasNextPage"] is True


@pytest.mark.slow
async def test_floor_json_answers_the_edges_as_flightgraph(demo_engine: AsyncEngine) -> None:
    """Nulls, empty lists, and Q5's last pages: exactly one page left (no next page), fewer
    than a page, none (no edges, a null endCursor)."""
    async with demo_engine.connect() as conn:
        ids = [
            r[0] for r in await conn.execute(text("SELECT id FROM spacecraft_flights ORDER BY id"))
        ]
    assert len(ids) > PAGE + 1
    cases = [
        ("Q2", {"from": FAR_FUTURE}),  # no launches: []
        ("Q3", {"agency": -1}),  # no agency: null
        ("Q4", {"flight": -1}),  # no flight: null
        *(("Q5", {"after": _cursor(ids[at])}) for at in (0, -PAGE - 2, -PAGE - 1, -5, -1)),
    ]
    seen = []
    async with _pair(demo_engine) as pair:
        for name, variables in cases:
            expected, actual, statements = await pair.answers(name, variables)
            same_bytes(f"{name} {variables}", expected, actual)
            assert statements == 1
            seen.append(orjson.loads(expected)["data"])
    # The cases are the edges they mean to be.
    assert seen[:3] == [{"launches": {"nodes": []}}, {"agency": None}, {"flight": None}]
    pages = [(len(d["flights"]["edges"]), d["flights"]["pageInfo"]) for d in seen[3:]]
    assert [(n, info["hasNextPage"]) for n, info in pages] == [
        (PAGE, True),
        (PAGE, True),
        (PAGE, False),
        (4, False),
        (0, False),
    ]
    assert pages[-1][1]["endCursor"] is None


async def test_floor_json_says_q1_is_not_served(engine: AsyncEngine) -> None:
    floor = create_floor_json_app(engine=engine)
    async with (
        floor.router.lifespan_context(floor),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=floor), base_url="http://t") as fl,
    ):
        response = await fl.post("/graphql", json={"query": queries.q1_document()})
    assert response.status_code == 400
    assert "not served" in response.json()["errors"][0]["message"]


def test_json_check_compares_key_order_and_not_white_space() -> None:
    flightgraph = b'{"data":{"flight":{"ll2Id":1,"name":"a"}}}'
    same_bytes("Q4", flightgraph, b'{"data":{"flight" : {"ll2Id" : 1, "name" : "a"}}}')
    with pytest.raises(Mismatch):
        same_bytes("Q4", flightgraph, b'{"data":{"flight" : {"name" : "a", "ll2Id" : 1}}}')

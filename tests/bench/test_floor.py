"""The benchmark's floor must keep answering byte for byte what flightgraph answers: if a
schema change alters flightgraph's output, the floor (and every ratio to it) would drift."""

from __future__ import annotations

import httpx
import orjson
import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from bench import queries
from bench.checks import Mismatch, same_bytes
from bench.floor import create_app as create_floor_app
from bench.floor import q1_sql
from bench.floor.handlers import FLOOR_QUERIES
from bench.inprocess import Counted, find_targets, settings_for
from gateway.app import create_app


async def _answers(
    engine: AsyncEngine, statements: dict[str, int] | None = None
) -> dict[str, tuple[bytes, bytes]]:
    flightgraph = create_app(settings_for("sqlite+aiosqlite://", "standard"), engine=engine)
    floor = create_floor_app(engine=engine)
    answers = {}
    async with (
        flightgraph.router.lifespan_context(flightgraph),
        floor.router.lifespan_context(floor),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=flightgraph), base_url="http://t"
        ) as fg,
        httpx.AsyncClient(transport=httpx.ASGITransport(app=floor), base_url="http://t") as fl,
    ):
        targets = await find_targets(Counted(fg, engine))
        for name in FLOOR_QUERIES:
            body = queries.graphql_body(name, targets)
            expected = await fg.post("/graphql", json=body)
            seen: list[str] = []

            def count(*args: object, seen: list[str] = seen) -> None:
                seen.append(str(args[2]))

            event.listen(engine.sync_engine, "before_cursor_execute", count)
            try:
                actual = await fl.post("/graphql", json=body)
            finally:
                event.remove(engine.sync_engine, "before_cursor_execute", count)
            if statements is not None:
                statements[name] = len(seen)
            assert expected.status_code == actual.status_code == 200, (name, expected.text[:300])
            answers[name] = (expected.content, actual.content)
    return answers


@pytest.mark.slow
async def test_floor_answers_q1_to_q5_byte_for_byte_as_flightgraph(
    demo_engine: AsyncEngine,
) -> None:
    statements: dict[str, int] = {}
    answers = await _answers(demo_engine, statements)
    assert set(answers) == {"Q1", "Q2", "Q3", "Q4", "Q5"}
    for name, (expected, actual) in answers.items():
        assert b'"errors"' not in expected, name
        same_bytes(name, expected, actual)
    assert b'"nodes":[]' not in answers["Q2"][0] + answers["Q3"][0]  # the check saw real data
    # Q1 saw a full page and the nested lists the shape is about (crews, dockings, programs).
    page = orjson.loads(answers["Q1"][0])["data"]["page"]["results"]
    assert len(page) == 100
    for key in ("launch_crew", "onboard_crew", "landing_crew", "docking_events"):
        assert any(flight[key] for flight in page), key
    assert any(f["launch"] and f["launch"]["program"] for f in page)
    # Batched, not one statement per flight: at most one per table, link and child list.
    bound = 2 + len(q1_sql.COLUMNS) + len(q1_sql.LINKS) + 3 + 2  # page, count, ..., parents
    assert statements["Q1"] <= bound, statements["Q1"]


def test_byte_check_fails_on_a_difference() -> None:
    with pytest.raises(Mismatch, match="first difference at byte 23"):
        same_bytes("Q4", b'{"data":{"flight":{"ll2Id":1}}}', b'{"data":{"flight":{"ll2id":1}}}')

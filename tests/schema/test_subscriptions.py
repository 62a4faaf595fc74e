"""launchUpdated / flightUpdated: a committed change reaches matching subscribers only."""

from __future__ import annotations

import asyncio
import contextlib
import copy
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.context import Context
from ingest.files import ingest_file
from schema import schema
from store.changes import LocalBroker
from tests.ingest.helpers import seed, write_page

LAUNCH = """
subscription ($filter: LaunchFilter) {
  launchUpdated(filter: $filter) { ll2Id name pad { name } }
}
"""
FLIGHT = "subscription { flightUpdated { ll2Id destination } }"


async def stop(task: asyncio.Future, stream) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError, StopAsyncIteration):
        await task
    await stream.aclose()


async def next_event(stream, timeout: float = 10.0):
    result = await asyncio.wait_for(anext(stream), timeout)
    assert result.errors is None, result.errors
    return result.data


async def test_a_changed_launch_reaches_its_subscriber(engine: AsyncEngine, tmp_path: Path) -> None:
    broker = LocalBroker()
    flight = seed()
    assert (await ingest_file(engine, write_page(tmp_path / "a.json", [flight]))).ok
    stream = await schema.subscribe(LAUNCH, context_value=Context(engine, broker=broker))
    flights = await schema.subscribe(FLIGHT, context_value=Context(engine, broker=broker))
    pending = asyncio.ensure_future(next_event(stream))
    pending_flight = asyncio.ensure_future(next_event(flights))
    await asyncio.sleep(0.05)  # both subscriptions are listening

    changed = copy.deepcopy(flight)
    changed["launch"]["name"] = "Long March 2F/G | slipped"
    changed["launch"]["last_updated"] = "2024-01-01T00:00:00Z"
    result = await ingest_file(
        engine, write_page(tmp_path / "b.json", [changed]), notify=broker.publish
    )
    assert result.ok

    event = await pending
    assert event["launchUpdated"]["name"] == "Long March 2F/G | slipped"
    assert event["launchUpdated"]["pad"]["name"] == flight["launch"]["pad"]["name"]
    assert not pending_flight.done()  # the flight itself did not change
    await stop(pending_flight, flights)
    await stream.aclose()


async def test_the_filter_decides_who_hears(engine: AsyncEngine, tmp_path: Path) -> None:
    broker = LocalBroker()
    flight = seed()
    assert (await ingest_file(engine, write_page(tmp_path / "a.json", [flight]))).ok
    elsewhere = await schema.subscribe(
        LAUNCH,
        variable_values={"filter": {"name": {"contains": "Falcon"}}},
        context_value=Context(engine, broker=broker),
    )
    matching = await schema.subscribe(
        LAUNCH,
        variable_values={"filter": {"name": {"contains": "Long March"}}},
        context_value=Context(engine, broker=broker),
    )
    quiet = asyncio.ensure_future(next_event(elsewhere, timeout=30))
    heard = asyncio.ensure_future(next_event(matching))
    await asyncio.sleep(0.05)

    changed = copy.deepcopy(flight)
    changed["launch"]["probability"] = 90
    changed["destination"] = "Somewhere else"
    assert (
        await ingest_file(engine, write_page(tmp_path / "b.json", [changed]), notify=broker.publish)
    ).ok

    assert (await heard)["launchUpdated"]["ll2Id"] == flight["launch"]["id"]
    await asyncio.sleep(0.2)
    assert not quiet.done()
    await stop(quiet, elsewhere)
    await matching.aclose()

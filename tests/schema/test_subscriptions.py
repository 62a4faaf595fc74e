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


async def test_an_event_past_the_deadline_is_an_error_and_the_next_one_comes(
    engine: AsyncEngine, tmp_path: Path, monkeypatch
) -> None:
    """Each event's execution (its selection's loader batches) gets execution_timeout: past
    it the event arrives as a TIMEOUT error, and the subscription keeps listening."""
    from gateway.settings import Settings
    from loaders.rows import RowsByIdLoader

    broker = LocalBroker()
    flight = seed()
    assert (await ingest_file(engine, write_page(tmp_path / "a.json", [flight]))).ok
    context = Context(engine, settings=Settings(execution_timeout=0.5), broker=broker)
    stream = await schema.subscribe(LAUNCH, context_value=context)
    slow = asyncio.Event()
    fetch = RowsByIdLoader.fetch

    async def held(self, conn, keys):  # the pad's batch waits while ``slow`` is set
        if slow.is_set():
            await asyncio.sleep(30)
        return await fetch(self, conn, keys)

    monkeypatch.setattr(RowsByIdLoader, "fetch", held)

    async def change(name: str, stamp: str, page: str) -> None:
        changed = copy.deepcopy(flight)
        changed["launch"]["name"] = name
        changed["launch"]["last_updated"] = stamp
        written = write_page(tmp_path / page, [changed])
        assert (await ingest_file(engine, written, notify=broker.publish)).ok

    slow.set()
    pending = asyncio.ensure_future(asyncio.wait_for(anext(stream), 10))
    await asyncio.sleep(0.05)
    started = asyncio.get_running_loop().time()
    await change("slipped once", "2024-01-01T00:00:00Z", "b.json")
    timed_out = await pending
    assert asyncio.get_running_loop().time() - started < 5
    assert timed_out.data is None
    assert [e.extensions["code"] for e in timed_out.errors] == ["TIMEOUT"]

    slow.clear()
    pending = asyncio.ensure_future(next_event(stream))
    await asyncio.sleep(0.05)
    await change("slipped twice", "2024-01-02T00:00:00Z", "c.json")
    assert (await pending)["launchUpdated"]["name"] == "slipped twice"
    await stream.aclose()


async def test_a_write_of_more_ids_than_a_statement_may_bind_still_arrives(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    """A change of 40,000 ids (over PostgreSQL's 32,767 parameters and SQLite's 32,766) is
    read in bounded batches: the one launch that exists among them is sent."""
    broker = LocalBroker()
    flight = seed()
    assert (await ingest_file(engine, write_page(tmp_path / "a.json", [flight]))).ok
    stream = await schema.subscribe(LAUNCH, context_value=Context(engine, broker=broker))
    pending = asyncio.ensure_future(next_event(stream))
    await asyncio.sleep(0.05)
    absent = [f"00000000-0000-4000-8000-{n:012d}" for n in range(40_000)]
    await broker.publish({"launches": [*absent, flight["launch"]["id"]]})
    assert (await pending)["launchUpdated"]["ll2Id"] == flight["launch"]["id"]
    await stream.aclose()

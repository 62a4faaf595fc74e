"""`Syncer` against a fake LL2: full, resumed, incremental, throttled and failing pulls."""

from __future__ import annotations

import copy
import json
import socket
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from ingest.demo_data import iter_flights
from ingest.sync import LL2Client, Syncer, SyncStopped
from ingest.sync.state import (
    acquire_lease,
    clear_dead_lease,
    load_checkpoint,
    release_lease,
    this_process,
)
from store.tables import metadata
from tests.conftest import SAMPLES, shared_file
from tests.ingest.fake_ll2 import FakeLL2, serve

FLIGHTS = 250


def dataset() -> dict[str, list[dict]]:
    flights = list(iter_flights(FLIGHTS, seed=5))
    launches = {f["launch"]["id"]: copy.deepcopy(f["launch"]) for f in flights}
    sample = json.loads(
        shared_file(SAMPLES / "launches/2.3.0_normal_page-limit2_spacenerd.json").read_bytes()
    )
    for launch in sample["results"]:
        launches[launch["id"]] = launch
    return {"spacecraft_flights": flights, "launches": list(launches.values())}


async def rows(engine: AsyncEngine, table: str) -> int:
    async with engine.connect() as conn:
        return await conn.scalar(select(func.count()).select_from(metadata.tables[table]))


def client_for(fake: FakeLL2, api_url: str, **options) -> LL2Client:
    http = httpx.AsyncClient(timeout=options.pop("timeout", 5.0))
    return LL2Client(api_url, http=http, sleep=fake.clock.sleep, clock=fake.clock, **options)


async def run_sync(engine: AsyncEngine, client: LL2Client, *endpoints: str, **options):
    try:
        await client.start()
        return await Syncer(engine, client, **options).run(endpoints)
    finally:
        await client.aclose()


async def test_a_full_sync_stores_every_record_once_fetching_each_page_once(
    engine: AsyncEngine,
) -> None:
    fake = FakeLL2(dataset())
    with serve(fake) as api:
        reports = await run_sync(engine, client_for(fake, api), "spacecraft_flights", "launches")

    assert await rows(engine, "spacecraft_flights") == FLIGHTS
    assert await rows(engine, "launches") == len(fake.data["launches"])
    assert len(fake.requests) == len(set(fake.requests)) == 3 + 3
    assert [r.records for r in reports] == [FLIGHTS, len(fake.data["launches"])]
    async with engine.connect() as conn:
        checkpoint = await load_checkpoint(conn, "launches")
    assert checkpoint.next_url is None and checkpoint.since is not None


async def test_the_throttle_budget_is_respected(engine: AsyncEngine) -> None:
    fake = FakeLL2(dataset(), limit=2, window=600)
    with serve(fake) as api:
        await run_sync(engine, client_for(fake, api), "spacecraft_flights", "launches")
    assert fake.served_429 == 0
    assert len(fake.requests) == 6
    # Six pages at two per 600 s: the client waited out at least two windows.
    assert sum(fake.clock.slept) >= 2 * 600 - 1
    assert await rows(engine, "spacecraft_flights") == FLIGHTS


@pytest.mark.parametrize(
    "answer",
    [{"Retry-After": "30"}, {"detail": "Request was throttled. Expected available in 45 seconds."}],
    ids=["retry-after", "detail"],
)
async def test_a_429_is_waited_out_as_ll2_says(engine: AsyncEngine, answer: dict) -> None:
    fake = FakeLL2(dataset())
    fake.throttle_once[("spacecraft_flights", 100)] = dict(answer)
    with serve(fake) as api:
        await run_sync(engine, client_for(fake, api), "spacecraft_flights")
    expected = 30 if "Retry-After" in answer else 45
    assert any(abs(s - expected) < 1 for s in fake.clock.slept), fake.clock.slept
    assert fake.requests.count(("spacecraft_flights", 100)) == 2
    assert await rows(engine, "spacecraft_flights") == FLIGHTS


async def test_transient_failures_and_a_slow_page_are_retried(engine: AsyncEngine) -> None:
    fake = FakeLL2(dataset(), random_5xx=0.3)
    fake.fail[("spacecraft_flights", 0)] = 2
    fake.slow[("spacecraft_flights", 200)] = 1.5
    with serve(fake) as api:
        await run_sync(engine, client_for(fake, api, timeout=0.5), "spacecraft_flights")
    assert await rows(engine, "spacecraft_flights") == FLIGHTS
    assert fake.requests.count(("spacecraft_flights", 0)) >= 3
    assert fake.requests.count(("spacecraft_flights", 200)) >= 2


async def test_a_malformed_page_is_reported_written_nowhere_and_skipped(
    engine: AsyncEngine,
) -> None:
    fake = FakeLL2(dataset())
    fake.malformed.add(("spacecraft_flights", 100))
    with serve(fake) as api:
        (report,) = await run_sync(engine, client_for(fake, api), "spacecraft_flights")

    assert len(report.bad_pages) == 1 and "offset=100" in report.bad_pages[0]["url"]
    assert "invalid JSON" in report.bad_pages[0]["error"]
    assert await rows(engine, "spacecraft_flights") == FLIGHTS - 100
    flights = metadata.tables["spacecraft_flights"]
    ordered = sorted(f["id"] for f in fake.data["spacecraft_flights"])
    async with engine.connect() as conn:
        stored = set((await conn.execute(select(flights.c.id))).scalars())
        checkpoint = await load_checkpoint(conn, "spacecraft_flights")
    assert stored == set(ordered[:100] + ordered[200:])
    assert checkpoint.bad_pages and checkpoint.next_url is None


async def test_stop_on_bad_page_stops_and_resumes_at_that_page(engine: AsyncEngine) -> None:
    fake = FakeLL2(dataset())
    fake.malformed.add(("spacecraft_flights", 100))
    with serve(fake) as api:
        with pytest.raises(SyncStopped, match="offset=100"):
            await run_sync(
                engine, client_for(fake, api), "spacecraft_flights", stop_on_bad_page=True
            )
        async with engine.connect() as conn:
            checkpoint = await load_checkpoint(conn, "spacecraft_flights")
        assert checkpoint.next_url is not None and "offset=100" in checkpoint.next_url

        fake.malformed.clear()
        (report,) = await run_sync(engine, client_for(fake, api), "spacecraft_flights")
    assert report.mode == "resume"
    assert fake.requests.count(("spacecraft_flights", 0)) == 1
    assert await rows(engine, "spacecraft_flights") == FLIGHTS


async def test_an_incremental_run_fetches_only_what_changed(engine: AsyncEngine) -> None:
    fake = FakeLL2(dataset())
    with serve(fake) as api:
        await run_sync(engine, client_for(fake, api), "launches")
        later = (datetime.now(UTC) + timedelta(minutes=5)).isoformat().replace("+00:00", "Z")
        changed = fake.data["launches"][:3]
        for launch in changed:
            launch["last_updated"] = later
            launch["name"] = f"{launch['name']} (slipped)"
        fake.requests.clear()

        (report,) = await run_sync(engine, client_for(fake, api), "launches")

    assert report.mode == "incremental"
    assert report.records == 3 and len(fake.requests) == 1
    assert "last_updated__gte" in fake.query_strings[-1]
    launches = metadata.tables["launches"]
    async with engine.connect() as conn:
        names = set(
            (
                await conn.execute(
                    select(launches.c.name).where(launches.c.name.like("%(slipped)"))
                )
            ).scalars()
        )
    assert names == {launch["name"] for launch in changed}


async def test_a_second_sync_cannot_take_the_lease(engine: AsyncEngine) -> None:
    assert await acquire_lease(engine, "sync", "a", timedelta(minutes=5))
    assert not await acquire_lease(engine, "sync", "b", timedelta(minutes=5))
    assert await acquire_lease(engine, "sync", "a", timedelta(minutes=5))  # renewal
    await release_lease(engine, "sync", "a")
    assert await acquire_lease(engine, "sync", "b", timedelta(minutes=5))
    assert await acquire_lease(engine, "sync", "c", timedelta(seconds=-1)) is False


async def test_a_lease_left_by_a_dead_local_process_is_cleared(engine: AsyncEngine) -> None:
    dead = f"{socket.gethostname()}:{2**22 + 12345}"  # above Linux's default pid_max
    assert await acquire_lease(engine, "sync", dead, timedelta(minutes=5))
    assert await clear_dead_lease(engine, "sync")
    assert await acquire_lease(engine, "sync", this_process(), timedelta(minutes=5))
    assert not await clear_dead_lease(engine, "sync")  # we are alive

"""The sync lag: the age of the newest launch ``last_updated``, on both databases."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.app import create_app
from gateway.observe.freshness import sync_lag_seconds
from gateway.settings import Settings
from store.engine import create_engine
from tests.gateway.helpers import client_for
from tests.gateway.http.conftest import Client
from tests.gateway.observe.scrape import parse, value


async def test_no_launches_is_unknown(engine: AsyncEngine) -> None:
    assert await sync_lag_seconds(engine) is None


async def test_the_age_of_the_newest_launch(demo_engine: AsyncEngine) -> None:
    async with demo_engine.connect() as conn:
        rows = (await conn.execute(text("SELECT last_updated FROM launches"))).scalars().all()
    assert rows
    now = datetime(2030, 1, 1, tzinfo=UTC)
    lag = await sync_lag_seconds(demo_engine, now)
    newest = max(_utc(row) for row in rows if row is not None)
    assert lag == (now - newest).total_seconds()


def _utc(value: object) -> datetime:
    if isinstance(value, str):  # SQLite keeps ISO-8601 text
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    assert isinstance(value, datetime)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


async def test_a_scrape_reads_it(client: Client, seeded: AsyncEngine) -> None:
    async with client() as http:
        samples = parse((await http.get("/metrics")).text)
    expected = await sync_lag_seconds(seeded)
    assert expected is not None
    scraped = value(samples, "flightgraph_sync_lag_seconds")
    assert expected - 60 < scraped <= expected
    assert scraped > timedelta(days=1).total_seconds()  # the seed flight is old news


async def test_an_unreachable_database_is_unknown_not_an_error(tmp_path: Path) -> None:
    missing = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'no' / 'such.db'}")
    app = create_app(Settings(tune_gc=False), engine=missing)
    try:
        async with client_for(app) as http:
            answer = await http.get("/metrics")
    finally:
        await missing.dispose()
    assert answer.status_code == 200
    assert math.isnan(value(parse(answer.text), "flightgraph_sync_lag_seconds"))

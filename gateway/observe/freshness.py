"""How far behind LL2 the store is: the age of the newest synced launch ``last_updated``
(sync asks LL2 for launches changed since its last pass, so this is what it has seen)."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 2.0  # a scrape must not wait on a slow database


async def sync_lag_seconds(engine: AsyncEngine, now: datetime | None = None) -> float | None:
    """Seconds since the newest launch ``last_updated`` (an indexed max); None when there
    is none, or the database does not answer in time."""
    from store.tables.launches import launches

    try:
        async with asyncio.timeout(TIMEOUT_SECONDS), engine.connect() as conn:
            newest = await conn.scalar(select(func.max(launches.c.last_updated)))
    except Exception as error:  # the gauge is then unknown; /readyz reports the database
        log.debug("sync lag unknown: %r", error)
        return None
    if newest is None:
        return None
    return ((now or datetime.now(UTC)) - newest).total_seconds()

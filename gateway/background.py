"""`serve --sync-every`: incremental LL2 sync in the background of the server.

Every worker and replica runs this loop, but only the holder of the database lease syncs,
so there is one runner however many processes serve. Changes go to the app's broker, so
subscribers hear about them.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.settings import Settings
from ingest.sync import DEFAULT_API_URL, LL2Client, Syncer
from ingest.sync.state import clear_dead_lease, hold_lease, this_process
from store.changes import ChangeBroker

log = logging.getLogger("flightgraph.sync")
LEASE = timedelta(minutes=5)


async def sync_forever(engine: AsyncEngine, settings: Settings, broker: ChangeBroker) -> None:
    every = settings.sync_every or 0
    holder = this_process()
    while True:
        try:
            await sync_once(engine, settings, broker, holder)
        except asyncio.CancelledError:
            raise
        except Exception:  # a failed round must not stop the loop; the next one retries
            log.exception("background sync failed; retrying in %.0f s", every)
        await asyncio.sleep(every)


async def sync_once(
    engine: AsyncEngine, settings: Settings, broker: ChangeBroker, holder: str
) -> bool:
    """One round if this process gets the lease; False when another process holds it."""
    await clear_dead_lease(engine, "sync")
    async with hold_lease(engine, "sync", holder, LEASE) as held:
        if not held:
            return False
        client = LL2Client(
            settings.sync_api_url or DEFAULT_API_URL,
            token=settings.ll2_token,
            attempts=settings.sync_attempts,
        )
        try:
            await client.start()
            reports = await Syncer(engine, client, notify=broker.publish).run()
        finally:
            await client.aclose()
        log.info("synced: %s", ", ".join(f"{r.endpoint} {r.records}" for r in reports))
        return True

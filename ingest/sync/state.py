"""Checkpoints and the single-runner lease, stored in the database beside the data."""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from store.tables.sync import sync_checkpoints, sync_leases


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Checkpoint:
    endpoint: str
    next_url: str | None = None
    pass_started_at: datetime | None = None
    since: datetime | None = None
    completed_at: datetime | None = None
    pages: int = 0
    records: int = 0
    bad_pages: list[dict[str, Any]] = field(default_factory=list)


async def load_checkpoint(conn: AsyncConnection, endpoint: str) -> Checkpoint:
    query = select(sync_checkpoints).where(sync_checkpoints.c.endpoint == endpoint)
    row = (await conn.execute(query)).mappings().first()
    if row is None:
        return Checkpoint(endpoint)
    return Checkpoint(**{**row, "bad_pages": row["bad_pages"] or []})


async def save_checkpoint(conn: AsyncConnection, checkpoint: Checkpoint) -> None:
    values = asdict(checkpoint)
    values["bad_pages"] = checkpoint.bad_pages or None
    changed = await conn.execute(
        update(sync_checkpoints)
        .where(sync_checkpoints.c.endpoint == checkpoint.endpoint)
        .values(values)
    )
    if changed.rowcount == 0:
        await conn.execute(insert(sync_checkpoints).values(values))


class LeaseTaken(RuntimeError):
    """Another sync holds the lease."""


async def acquire_lease(engine: AsyncEngine, name: str, holder: str, ttl: timedelta) -> bool:
    """Take or renew the lease ``name`` for ``holder``; False if someone else holds it.

    The conditional UPDATE and the primary key make this atomic on SQLite and PostgreSQL
    alike: of two racing processes exactly one changes a row (or inserts it).
    """
    now = utcnow()
    async with engine.begin() as conn:
        taken = await conn.execute(
            update(sync_leases)
            .where(sync_leases.c.name == name)
            .where(or_(sync_leases.c.holder == holder, sync_leases.c.expires_at < now))
            .values(holder=holder, expires_at=now + ttl)
        )
        if taken.rowcount:
            return True
        exists = await conn.scalar(select(sync_leases.c.name).where(sync_leases.c.name == name))
        if exists:
            return False
    try:
        async with engine.begin() as conn:
            await conn.execute(
                insert(sync_leases).values(name=name, holder=holder, expires_at=now + ttl)
            )
        return True
    except Exception:  # lost the insert race: the other process holds it
        return False


def this_process() -> str:
    """A lease holder name: host and pid, so a dead local holder can be recognised."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _is_dead_local(holder: str) -> bool:
    host, _, pid = holder.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


async def clear_dead_lease(engine: AsyncEngine, name: str) -> bool:
    """Drop the lease if its holder was a process on this host that no longer exists."""
    async with engine.begin() as conn:
        holder = await conn.scalar(select(sync_leases.c.holder).where(sync_leases.c.name == name))
        if holder is None or not _is_dead_local(holder):
            return False
        await conn.execute(
            delete(sync_leases).where(sync_leases.c.name == name, sync_leases.c.holder == holder)
        )
    return True


async def release_lease(engine: AsyncEngine, name: str, holder: str) -> None:
    async with engine.begin() as conn:
        await conn.execute(
            delete(sync_leases).where(sync_leases.c.name == name, sync_leases.c.holder == holder)
        )


@asynccontextmanager
async def hold_lease(
    engine: AsyncEngine, name: str, holder: str, ttl: timedelta
) -> AsyncIterator[bool]:
    """Hold the lease for the block, renewing it at a third of its life; yields False (and
    holds nothing) when someone else has it."""
    if not await acquire_lease(engine, name, holder, ttl):
        yield False
        return

    async def renew() -> None:
        while True:
            await asyncio.sleep(ttl.total_seconds() / 3)
            await acquire_lease(engine, name, holder, ttl)

    heartbeat = asyncio.create_task(renew())
    try:
        yield True
    finally:
        heartbeat.cancel()
        with suppress(asyncio.CancelledError):
            await heartbeat
        await release_lease(engine, name, holder)

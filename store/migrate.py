"""Alembic, driven from code: `flightgraph db upgrade` and the automatic upgrade on start."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    """Bring the database to ``revision`` (idempotent)."""
    async with engine.begin() as conn:
        await conn.run_sync(lambda sync: command.upgrade(alembic_config(sync), revision))


async def current_revision(engine: AsyncEngine) -> str | None:
    async with engine.connect() as conn:
        return await conn.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_revision()
        )


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


async def is_current(engine: AsyncEngine) -> bool:
    return await current_revision(engine) == head_revision()


class OutdatedDatabase(RuntimeError):
    """The database has migrations applied, but not the newest: upgrading is a choice."""


async def ensure_current(engine: AsyncEngine) -> None:
    """Migrate an empty database; refuse to silently migrate one that holds data."""
    current = await current_revision(engine)
    if current is None:
        await upgrade(engine)
    elif current != head_revision():
        raise OutdatedDatabase(
            f"database is at revision {current}, code expects {head_revision()}: "
            "run `flightgraph db upgrade`"
        )

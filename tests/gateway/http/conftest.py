"""An app on a migrated SQLite file holding the seed flight (HTTP behaviour does not depend
on the backend; the database-fault tests cover PostgreSQL themselves)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette

from gateway.app import create_app
from gateway.http import close_http
from gateway.settings import Settings
from tests.conftest import SEED_FLIGHT, Database, shared_file
from tests.databases import Template, Templates
from tests.gateway.helpers import client_for


async def close_views(app: Starlette) -> None:
    """What the app's lifespan should do at shutdown (``client_for`` runs the router's)."""
    await close_http(app)


Client = Callable[..., contextlib.AbstractAsyncContextManager[httpx.AsyncClient]]


@pytest.fixture
def seed_template(templates: Templates) -> Template:
    return templates.get("sqlite", "seed", [shared_file(SEED_FLIGHT)])


@pytest.fixture
async def seeded(seed_template: Template, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """A migrated SQLite file holding the seed flight (a copy of the session's template)."""
    database = Database("sqlite", tmp_path, seed_template)
    await database.create()
    engine = database.engine()
    yield engine
    await engine.dispose()


@pytest.fixture
def client(seeded: AsyncEngine) -> Client:
    """``async with client(**settings) as http:`` — the app for those settings."""

    @contextlib.asynccontextmanager
    async def make(**settings: Any) -> AsyncIterator[httpx.AsyncClient]:
        app = create_app(Settings(**settings), engine=seeded)
        try:
            async with client_for(app) as http:
                yield http
        finally:
            await close_views(app)

    return make

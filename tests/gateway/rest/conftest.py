"""Fixtures of the REST tests: ~1,000 generated LL2 flights, written once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.gateway.rest.helpers import ingest

DEMO_FLIGHTS = 1000
DEMO_SEED = 2023


@pytest.fixture(scope="session")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from ingest.demo_data import generate

    return generate(DEMO_FLIGHTS, DEMO_SEED, tmp_path_factory.mktemp("rest-demo"))


@pytest.fixture
async def demo_engine(engine: AsyncEngine, demo_files: list[Path]) -> AsyncEngine:
    """The migrated database of each backend, holding the demo flights."""
    await ingest(engine, demo_files)
    return engine

"""Fixtures shared by every test: a migrated database on SQLite and on PostgreSQL.

Tests that need an outside service (PostgreSQL, Redis, Node, Chromium) skip with a reason
when it is missing — unless FLIGHTGRAPH_REQUIRE_SERVICES=1 (set by .ci/run), which turns
such a skip into a failure so CI always runs everything.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from store.engine import create_engine
from store.migrate import upgrade

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLES = SHARED / "ll2" / "samples"
SEED_FLIGHT = SAMPLES / "spacecraft_flights" / "2.3.0_detailed_single_flight859_seed.json"
POSTGRES_URL = os.environ.get(
    "FLIGHTGRAPH_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
BACKENDS = ["sqlite", "postgres"]


def require_service(name: str, reason: str) -> None:
    """Skip (or, under FLIGHTGRAPH_REQUIRE_SERVICES=1, fail) for a missing service."""
    message = f"{name} unavailable: {reason}"
    if os.environ.get("FLIGHTGRAPH_REQUIRE_SERVICES") == "1":
        pytest.fail(message + " (FLIGHTGRAPH_REQUIRE_SERVICES=1 forbids skipping)")
    pytest.skip(message)


def shared_file(path: Path) -> Path:
    if not path.exists():
        require_service("../shared", f"{path} is missing")
    return path


_postgres_error: str | None = None
_postgres_checked = False


def _postgres_problem() -> str | None:
    global _postgres_checked, _postgres_error
    if not _postgres_checked:
        _postgres_checked = True

        async def probe() -> None:
            engine = create_engine(POSTGRES_URL)
            try:
                async with engine.connect() as conn:
                    await conn.execute(text("select 1"))
            finally:
                await engine.dispose()

        try:
            asyncio.run(asyncio.wait_for(probe(), 5))
        except Exception as error:  # any failure to connect means "not available"
            _postgres_error = f"{type(error).__name__}: {error}"
    return _postgres_error


class Database:
    """A fresh, empty database: a temp SQLite file, or a PostgreSQL schema of its own."""

    def __init__(self, backend: str, tmp_path: Path) -> None:
        self.backend = backend
        self.schema = f"t_{uuid.uuid4().hex[:12]}"
        if backend == "sqlite":
            self.url = f"sqlite+aiosqlite:///{tmp_path / 'flightgraph.db'}"
            self.options: dict[str, object] = {}
        else:
            self.url = POSTGRES_URL
            self.options = {"connect_args": {"server_settings": {"search_path": self.schema}}}

    def engine(self) -> AsyncEngine:
        return create_engine(self.url, **self.options)

    async def create(self) -> None:
        if self.backend == "postgres":
            admin = create_engine(POSTGRES_URL)
            async with admin.begin() as conn:
                await conn.execute(text(f'CREATE SCHEMA "{self.schema}"'))
            await admin.dispose()

    async def drop(self) -> None:
        if self.backend == "postgres":
            admin = create_engine(POSTGRES_URL)
            async with admin.begin() as conn:
                await conn.execute(text(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE'))
            await admin.dispose()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgres":
        problem = _postgres_problem()
        if problem:
            require_service("PostgreSQL", f"{POSTGRES_URL}: {problem}")
    return request.param


@pytest.fixture
async def database(backend: str, tmp_path: Path) -> AsyncIterator[Database]:
    db = Database(backend, tmp_path)
    await db.create()
    yield db
    await db.drop()


@pytest.fixture
async def engine(database: Database) -> AsyncIterator[AsyncEngine]:
    """A migrated, empty database of each backend."""
    engine = database.engine()
    await upgrade(engine)
    yield engine
    await engine.dispose()


DEMO_FLIGHTS = 1000
DEMO_SEED = 2023


@pytest.fixture(scope="session")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """~1,000 generated LL2 detailed flights, written once per session."""
    from ingest.demo_data import generate

    return generate(DEMO_FLIGHTS, DEMO_SEED, tmp_path_factory.mktemp("demo"))


@pytest.fixture
async def demo_engine(engine: AsyncEngine, demo_files: list[Path]) -> AsyncEngine:
    """The migrated database of each backend, holding the demo flights."""
    from ingest.files import ingest_file

    for path in demo_files:
        result = await ingest_file(engine, path)
        assert result.ok, f"{path}: {result.error}"
    return engine


class StatementCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)

    def reset(self) -> None:
        self.statements.clear()


@pytest.fixture
def count_statements(engine: AsyncEngine) -> Iterator[StatementCounter]:
    """Counts every SQL statement the engine sends (executemany counts once)."""
    counter = StatementCounter()

    def before(_conn, _cursor, statement, _params, _context, _executemany) -> None:  # type: ignore[no-untyped-def]
        counter.statements.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", before)
    yield counter
    event.remove(engine.sync_engine, "before_cursor_execute", before)


@pytest.fixture
def database_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A URL for a fresh, empty database that another process (the CLI) can open."""
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
        return
    name = f"fg_{uuid.uuid4().hex[:12]}"

    async def admin(statement: str) -> None:
        engine = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
        try:
            async with engine.connect() as conn:
                await conn.execute(text(statement))
        finally:
            await engine.dispose()

    asyncio.run(admin(f'CREATE DATABASE "{name}"'))
    yield POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}"
    asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

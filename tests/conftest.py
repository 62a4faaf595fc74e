"""Fixtures shared by every test: a migrated database on SQLite and on PostgreSQL (a copy of
a template built once a session, see :mod:`tests.databases`).

Tests that need an outside service (PostgreSQL, Redis, Node, Chromium) skip with a reason
when it is missing — unless FLIGHTGRAPH_REQUIRE_SERVICES=1 (set by .ci/run), which turns
such a skip into a failure so CI always runs everything.
"""

from __future__ import annotations

import asyncio
import functools
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from store.engine import create_engine
from tests.databases import (
    POSTGRES_URL,
    Database,
    Template,
    Templates,
    empty_database_url,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLES = SHARED / "ll2" / "samples"
SEED_FLIGHT = SAMPLES / "spacecraft_flights" / "2.3.0_detailed_single_flight859_seed.json"
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


@pytest.fixture(scope="module", params=BACKENDS)
def module_backend(request: pytest.FixtureRequest) -> str:
    """``backend`` for module-scoped fixtures (a data set or servers shared by a module)."""
    # Checked outside the event loop: the probe runs a loop of its own.
    if request.param == "postgres" and (problem := _postgres_problem()):
        require_service("PostgreSQL", f"{POSTGRES_URL}: {problem}")
    return str(request.param)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgres":
        problem = _postgres_problem()
        if problem:
            require_service("PostgreSQL", f"{POSTGRES_URL}: {problem}")
    return request.param


DEMO_FLIGHTS = 1000
DEMO_SEED = 2023


@pytest.fixture(scope="session")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """~1,000 generated LL2 detailed flights, written once per session: the hostile data
    set, so that every test meets odd text (HTML, SQL-looking, unicode, empty names)."""
    from ingest.demo_data import generate

    return generate(DEMO_FLIGHTS, DEMO_SEED, tmp_path_factory.mktemp("demo"), hostile=True)


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Templates]:
    """Migrated databases built once a session, which tests get copies of."""
    built = Templates(tmp_path_factory.mktemp("templates"))
    yield built
    built.drop()


def demo_template(templates: Templates, backend: str, demo_files: list[Path]) -> Template:
    """Migrated, holding the demo flights, then their events."""
    return templates.get(backend, "demo", [*demo_files, *demo_event_files(demo_files)])


@functools.cache
def _demo_events(flight_pages: tuple[Path, ...]) -> tuple[Path, ...]:
    from ingest.demo_events import write_events

    folder = flight_pages[0].parent / "events"
    folder.mkdir(exist_ok=True)
    return tuple(write_events(flight_pages, folder))


def demo_event_files(demo_files: list[Path]) -> list[Path]:
    """The events of the demo flights (``ingest.demo_events``), written once beside them."""
    return list(_demo_events(tuple(demo_files)))


@pytest.fixture
def template(backend: str, templates: Templates, request: pytest.FixtureRequest) -> Template:
    """What ``database`` is a copy of: the demo data set when the test uses ``demo_engine``
    (so that ``engine``, ``database`` and ``count_statements`` are about the same database),
    else migrated and empty. Built here, outside the test's event loop."""
    if "demo_engine" in request.fixturenames:
        return demo_template(templates, backend, request.getfixturevalue("demo_files"))
    return templates.get(backend, "empty")


@pytest.fixture
async def database(template: Template, tmp_path: Path) -> AsyncIterator[Database]:
    """A fresh, migrated database of each backend (a copy of ``template``)."""
    db = Database(template.backend, tmp_path, template)
    await db.create()
    yield db
    await db.drop()


@pytest.fixture
async def engine(database: Database) -> AsyncIterator[AsyncEngine]:
    """A migrated, empty database of each backend (but see ``demo_engine``)."""
    engine = database.engine()
    yield engine
    await engine.dispose()


@pytest.fixture
def demo_engine(engine: AsyncEngine, database: Database, demo_files: list[Path]) -> AsyncEngine:
    """The migrated database of each backend, holding the demo flights: ``engine`` itself,
    whose database the ``template`` fixture made a copy of the demo template (a module may
    override ``template`` with one that holds more)."""
    assert database.template is not None
    assert database.template.files[: len(demo_files)] == tuple(demo_files), database.template
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
    with empty_database_url(backend, tmp_path) as url:
        yield url

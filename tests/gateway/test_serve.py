"""``bootstrap``: a fresh embedded database is migrated and filled once; ``run`` starts uvicorn."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from gateway import serve
from gateway.settings import Settings
from store.engine import create_engine
from store.migrate import current_revision, head_revision, upgrade
from store.tables.flights import spacecraft_flights
from tests.conftest import SEED_FLIGHT, shared_file


async def _flight_ids(url: str) -> list[int]:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            query = select(spacecraft_flights.c.id).order_by(spacecraft_flights.c.id)
            return list((await conn.execute(query)).scalars())
    finally:
        await engine.dispose()


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """A stand-in for ../shared holding only the seed flight."""
    folder = tmp_path / "shared"
    target = folder / serve.SEED
    target.parent.mkdir(parents=True)
    shutil.copy(shared_file(SEED_FLIGHT), target)
    return folder


async def test_first_start_migrates_and_loads_seed_and_demo_flights(
    tmp_path: Path, shared: Path
) -> None:
    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'var' / 'fg.db'}",
        demo_flights=25,
        demo_seed=7,
    )
    assert await serve.bootstrap(settings, shared) is True
    ids = await _flight_ids(settings.database_url)
    assert ids[0] == 859
    assert len(ids) == 26
    assert all(i > 100_000 for i in ids[1:])

    # A second start leaves the data alone.
    assert await serve.bootstrap(settings, shared) is False
    assert await _flight_ids(settings.database_url) == ids


async def test_without_shared_data_only_demo_flights_are_loaded(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'fg.db'}", demo_flights=3)
    assert await serve.bootstrap(settings, tmp_path / "missing") is True
    assert len(await _flight_ids(settings.database_url)) == 3


async def test_an_already_migrated_database_is_not_filled(tmp_path: Path, shared: Path) -> None:
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'fg.db'}", demo_flights=3)
    engine = create_engine(settings.database_url)
    await upgrade(engine)
    await engine.dispose()
    assert await serve.bootstrap(settings, shared) is False
    assert await _flight_ids(settings.database_url) == []


async def test_a_server_database_is_migrated_but_never_given_demo_data(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, shared: Path
) -> None:
    # Pretend the SQLite file is a server database: only the backend decides.
    monkeypatch.setattr(serve, "is_embedded", lambda url: False)
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'fg.db'}", demo_flights=3)
    assert await serve.bootstrap(settings, shared) is True
    engine = create_engine(settings.database_url)
    assert await current_revision(engine) == head_revision()
    await engine.dispose()
    assert await _flight_ids(settings.database_url) == []


def test_is_embedded() -> None:
    assert serve.is_embedded("sqlite+aiosqlite:///var/flightgraph.db")
    assert not serve.is_embedded("postgresql+asyncpg://u@db/flightgraph")


@pytest.fixture
def no_start(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, dict[str, Any]]]:
    calls: list[tuple[Any, dict[str, Any]]] = []

    async def bootstrap(settings: Settings) -> bool:
        calls.append(("bootstrap", {"settings": settings}))
        return False

    monkeypatch.setattr(serve, "bootstrap", bootstrap)
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.setattr(os, "environ", dict(os.environ))
    return calls


def test_run_serves_one_process_with_the_app(no_start: list[tuple[Any, dict[str, Any]]]) -> None:
    from starlette.applications import Starlette

    serve.run(Settings(host="0.0.0.0", port=9000))
    (_, _boot), (app, options) = no_start
    assert isinstance(app, Starlette)
    assert options == {"host": "0.0.0.0", "port": 9000}


def test_run_hands_settings_to_worker_processes(
    no_start: list[tuple[Any, dict[str, Any]]],
) -> None:
    settings = Settings(database_url="sqlite+aiosqlite:///elsewhere.db", workers=3, port=9001)
    serve.run(settings)
    (_, _), (app, options) = no_start
    assert app == "gateway.app:create_app"
    assert options == {"factory": True, "host": "127.0.0.1", "port": 9001, "workers": 3}
    assert os.environ["FLIGHTGRAPH_DATABASE_URL"] == "sqlite+aiosqlite:///elsewhere.db"
    assert Settings().database_url == settings.database_url

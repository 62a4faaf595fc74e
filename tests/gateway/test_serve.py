"""``bootstrap``: a fresh embedded database is migrated and filled once; ``run`` starts uvicorn
(believing X-Forwarded-For only from trusted proxies)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from gateway import serve
from gateway.http.ratelimit import MemoryBuckets, RateLimit
from gateway.settings import Settings
from store.engine import create_engine
from store.migrate import current_revision, head_revision, upgrade
from store.tables.flights import spacecraft_flights
from tests.conftest import SEED_FLIGHT, shared_file
from tests.gateway.http.served import uvicorn_serving


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
    assert options == serve.uvicorn_options(Settings(host="0.0.0.0", port=9000))
    assert (options["host"], options["port"]) == ("0.0.0.0", 9000)


def test_run_hands_settings_to_worker_processes(
    no_start: list[tuple[Any, dict[str, Any]]],
) -> None:
    settings = Settings(
        database_url="sqlite+aiosqlite:///elsewhere.db",
        workers=3,
        port=9001,
        trusted_proxies="10.0.0.0/8",
    )
    serve.run(settings)
    (_, _), (app, options) = no_start
    assert app == "gateway.app:create_app"
    assert options == {"factory": True, "workers": 3, **serve.uvicorn_options(settings)}
    assert options["forwarded_allow_ips"] == ["10.0.0.0/8"]
    assert os.environ["FLIGHTGRAPH_DATABASE_URL"] == "sqlite+aiosqlite:///elsewhere.db"
    assert Settings().database_url == settings.database_url
    assert Settings().trusted_proxies == "10.0.0.0/8"


# --- Proxy trust and slow clients (issue 16)


def test_proxy_headers_are_off_unless_proxies_are_trusted() -> None:
    options = serve.uvicorn_options(Settings())
    assert options["proxy_headers"] is False
    assert options["forwarded_allow_ips"] == []
    trusting = serve.uvicorn_options(Settings(trusted_proxies=" 10.0.0.0/8, 192.0.2.1 ,::1"))
    assert trusting["proxy_headers"] is True
    assert trusting["forwarded_allow_ips"] == ["10.0.0.0/8", "192.0.2.1", "::1"]
    assert serve.uvicorn_options(Settings(trusted_proxies="*"))["forwarded_allow_ips"] == ["*"]


@pytest.mark.parametrize(
    ("proxies", "bad"),
    [
        ("10.0.0.1/8", "10.0.0.1/8"),  # host bits set: uvicorn would ignore it
        ("10.0.0.0/8, proxy.internal", "proxy.internal"),
        ("10.0.0.0/33", "10.0.0.0/33"),
        ("1.2.3", "1.2.3"),
        ("*, 10.0.0.1", "*"),  # uvicorn honours * only alone
    ],
)
def test_a_trusted_proxy_that_is_not_an_address_stops_serve_before_it_starts(
    proxies: str,
    bad: str,
    no_start: list[tuple[Any, dict[str, Any]]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    from gateway.cli import main

    os.environ["FLIGHTGRAPH_TRUSTED_PROXIES"] = proxies
    assert main(["serve"]) == 2
    error = capsys.readouterr().err
    assert f"FLIGHTGRAPH_TRUSTED_PROXIES: {bad!r} is not an IP address" in error
    assert no_start == []  # neither the database nor uvicorn was touched


def test_a_malformed_keys_file_stops_serve_before_it_starts(
    tmp_path: Path,
    no_start: list[tuple[Any, dict[str, Any]]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    from gateway.cli import main

    keys = tmp_path / "keys"
    keys.write_text("the-key-itself partner\n")
    os.environ["FLIGHTGRAPH_API_KEYS_FILE"] = str(keys)
    assert main(["serve"]) == 2
    assert f"FLIGHTGRAPH_API_KEYS_FILE: {keys}:1: expected" in capsys.readouterr().err
    assert no_start == []


def forwarded_for(port: int, address: str) -> int:
    headers = {"x-forwarded-for": address}
    return httpx.get(f"http://127.0.0.1:{port}/", headers=headers, timeout=5).status_code


def limited_app() -> RateLimit:
    """Three requests per client, then 429 (a refill every 100 s)."""

    async def ok(request: Request) -> PlainTextResponse:
        return PlainTextResponse("ok")

    return RateLimit(Starlette(routes=[Route("/", ok)]), MemoryBuckets(0.01, 3))


def test_x_forwarded_for_does_not_change_who_is_limited_without_trusted_proxies() -> None:
    options = serve.uvicorn_options(Settings())
    with uvicorn_serving(limited_app(), **options) as port:
        answers = [forwarded_for(port, f"198.51.100.{n}") for n in range(5)]
    assert answers == [200, 200, 200, 429, 429]  # all one client: 127.0.0.1


def test_x_forwarded_for_from_a_trusted_proxy_names_the_client() -> None:
    options = serve.uvicorn_options(Settings(trusted_proxies="127.0.0.0/8"))
    with uvicorn_serving(limited_app(), **options) as port:
        answers = [forwarded_for(port, f"198.51.100.{n}") for n in range(5)]
        same_client = [forwarded_for(port, "203.0.113.1, 127.0.0.2") for _ in range(4)]
    assert answers == [200] * 5
    # The proxies' own hops are skipped: the client is the last address not trusted.
    assert same_client == [200, 200, 200, 429]

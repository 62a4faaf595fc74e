"""The database going away under load: 503 + SERVICE_UNAVAILABLE (never a 500), /readyz
failing, and service resuming by itself once the database is back — PostgreSQL (a private
cluster, stopped and started) and SQLite (the file locked, then missing)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from gateway.app import create_app
from gateway.cli import main as cli
from gateway.http.database import engine_options
from gateway.settings import Settings
from store.engine import create_engine
from tests.conftest import SEED_FLIGHT, require_service, shared_file
from tests.gateway.http.live import serve
from tests.processes import free_port

PG_BIN = Path("/usr/lib/postgresql")
QUERY = {"query": "{ flight(ll2Id: 859) { ll2Id launch { name pad { name } } } }"}
WAIT = 60  # seconds a phase may take at most (a bound, not a measurement)


class DisposeOnShutdown:
    """Disposes the engine on the server's own loop when it stops (create_app leaves an
    engine it was given open)."""

    def __init__(self, app: Any, engine: Any) -> None:
        self.app, self.engine = app, engine

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "lifespan":
            await self.app(scope, receive, send)
            return

        async def receiving() -> Any:
            message = await receive()
            if message["type"] == "lifespan.shutdown":
                await self.engine.dispose()
            return message

        await self.app(scope, receiving, send)


def served(settings: Settings) -> Any:
    engine = create_engine(settings.database_url, **engine_options(settings))
    return serve(DisposeOnShutdown(create_app(settings, engine=engine), engine))


class Load:
    """``workers`` threads posting QUERY until stopped; every answer noted by phase."""

    def __init__(self, url: str, workers: int = 8, phase: str = "before") -> None:
        self.url, self.phase = url, phase
        self.seen: list[tuple[str, int, str | None]] = []
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._run, daemon=True) for _ in range(workers)]

    def __enter__(self) -> Load:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(30)

    def _run(self) -> None:
        with httpx.Client(timeout=30) as http:
            while not self.stop.is_set():
                response = http.post(self.url + "/graphql", json=QUERY)
                # The phase an answer came back in: one sent before the database stopped
                # may come back after, and then belongs to the outage.
                phase = self.phase
                errors = response.json().get("errors") or [{}]
                self.seen.append(
                    (phase, response.status_code, errors[0].get("extensions", {}).get("code"))
                )

    def wait_for(self, phase: str, predicate: Any) -> None:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            if predicate([(s, c) for p, s, c in self.seen if p == phase]):
                return
            time.sleep(0.05)
        raise AssertionError(f"{phase}: not seen in {WAIT}s: {self.seen[-20:]}")

    def statuses(self, phase: str) -> list[tuple[int, str | None]]:
        return [(s, c) for p, s, c in self.seen if p == phase]


def readiness(url: str) -> int:
    return httpx.get(url + "/readyz", timeout=10).status_code


def check_phases(load: Load) -> None:
    before, down, after = (load.statuses(p) for p in ("before", "down", "after"))
    assert before and all(status == 200 for status, _ in before)
    # In-flight requests may still succeed as the database goes; nothing is ever a 500.
    assert {status for status, _ in down} <= {200, 503}
    assert all(code == "SERVICE_UNAVAILABLE" for status, code in down if status == 503)
    assert any(status == 503 for status, _ in down)
    assert after[-20:] == [(200, None)] * 20


@pytest.fixture
def cluster() -> Iterator[dict[str, Any]]:
    # Not under pytest's tmp_path: the postgres user cannot enter root's private folders.
    folder = Path(tempfile.mkdtemp(prefix="flightgraph-pg-"))
    try:
        yield from _cluster(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _cluster(tmp_path: Path) -> Iterator[dict[str, Any]]:
    versions = sorted(PG_BIN.glob("*/bin/initdb")) if PG_BIN.exists() else []
    if not versions:
        require_service("PostgreSQL binaries", "initdb/pg_ctl not found in /usr/lib/postgresql")
    bin_dir = versions[-1].parent
    data, sockets = tmp_path / "pgdata", tmp_path / "sockets"
    sockets.mkdir()
    shutil.chown(tmp_path, "postgres")
    shutil.chown(sockets, "postgres")
    port = free_port()
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def pg_ctl(*args: str) -> None:
        subprocess.run(
            [*as_postgres, str(bin_dir / "pg_ctl"), "-D", str(data), "-w", *args],
            check=True,
            capture_output=True,
            timeout=120,
        )

    subprocess.run(
        [*as_postgres, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
    start = ("-o", options, "-l", str(tmp_path / "postgres.log"), "start")
    pg_ctl(*start)
    try:
        yield {
            "url": f"postgresql+asyncpg://postgres@127.0.0.1:{port}/postgres",
            "stop": lambda: pg_ctl("-m", "fast", "stop"),
            "start": lambda: pg_ctl(*start),
        }
    finally:
        subprocess.run(
            [*as_postgres, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=120,
        )


def test_postgres_stopped_under_load_then_back(cluster: dict[str, Any]) -> None:
    url = cluster["url"]
    assert cli(["--database-url", url, "ingest", str(shared_file(SEED_FLIGHT))]) == 0
    with served(Settings(database_url=url)) as base, Load(base) as load:
        load.wait_for("before", lambda seen: len(seen) >= 20)
        load.phase = "down"
        cluster["stop"]()
        load.wait_for("down", lambda seen: sum(s == 503 for s, _ in seen) >= 20)
        down_ready = readiness(base)
        cluster["start"]()
        load.wait_for("down", lambda seen: seen[-1][0] == 200)
        load.phase = "after"
        load.wait_for("after", lambda seen: len(seen) >= 50)
        up_ready = readiness(base)
    assert (down_ready, up_ready) == (503, 200)
    check_phases(load)


def test_sqlite_locked_then_missing_then_back(tmp_path: Path) -> None:
    database = tmp_path / "served.db"
    url = f"sqlite+aiosqlite:///{database}"
    assert cli(["--database-url", url, "ingest", str(shared_file(SEED_FLIGHT))]) == 0
    # Locked: another process holds the file exclusively (readers included). It takes the
    # lock before the server opens the file: once the server's pool holds connections, WAL
    # keeps a shared lock on it and such a locker waits instead. Until a first connection
    # succeeds, SQLAlchemy opens connections one at a time (it initializes the dialect on
    # the first), so requests queued behind a 5 s busy wait may reach their deadline (504).
    holder = sqlite3.connect(database, timeout=30, check_same_thread=False)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE IF NOT EXISTS lock_holder (x)")
    with served(Settings(database_url=url)) as base, Load(base, 4, "locked") as load:
        load.wait_for("locked", lambda seen: sum(s == 503 for s, _ in seen) >= 1)
        locked_ready = readiness(base)
        holder.rollback()
        holder.close()
        load.wait_for("locked", lambda seen: seen[-1][0] == 200)
        load.phase = "before"
        load.wait_for("before", lambda seen: len(seen) >= 20)
        # Missing: the file moved away (pooled connections notice at checkout), then put back.
        aside = tmp_path / "aside.db"
        load.phase = "down"
        database.rename(aside)
        load.wait_for("down", lambda seen: sum(s == 503 for s, _ in seen) >= 4)
        aside.rename(database)
        load.wait_for("down", lambda seen: seen[-1][0] == 200)
        load.phase = "after"
        load.wait_for("after", lambda seen: len(seen) >= 50)
        up_ready = readiness(base)
    # (/readyz runs `SELECT 1`, which an empty file SQLite creates in place of the missing
    # one still answers: it is not checked for the missing file.)
    assert (locked_ready, up_ready) == (503, 200)
    locked = load.statuses("locked")
    assert {status for status, _ in locked} <= {200, 503, 504}
    assert {code for _, code in locked} <= {None, "SERVICE_UNAVAILABLE", "TIMEOUT"}
    check_phases(load)  # "down": the file missing

"""Benchmark data sets: N generated flights in a SQLite file and a PostgreSQL database,
cached under bench/.cache between runs.

A cached database is used when its stamp (flights, seed, a hash of the generator, the
migration head) matches and a cheap check agrees (its flight count, its migration
revision); otherwise it is rebuilt. Building streams: the generator writes 100 pages
(10,000 flights, ~150 MB of JSON) at a time, `flightgraph ingest` loads them into every
stale database at once (one child process per database), and the pages are deleted before
the next chunk; the next chunk is generated while the previous one is being ingested.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson
from sqlalchemy import text
from sqlalchemy.engine import make_url

import ingest.demo_data as demo_data
from ingest.demo_data import PAGE_SIZE, iter_flights
from store.engine import create_engine
from store.migrate import head_revision, upgrade

ROOT = Path(__file__).resolve().parent
CACHE = ROOT / ".cache"
SEED = 2023
CHUNK_PAGES = 100


@dataclass(frozen=True)
class Database:
    """One backend's copy of a data set."""

    backend: str  # "sqlite" | "postgres"
    url: str  # SQLAlchemy async URL
    stamp: Path  # what it was built from (JSON), next to the cache

    @property
    def libpq_url(self) -> str:
        """The URL for non-Python clients (PostGraphile)."""
        url = make_url(self.url).set(drivername="postgresql")
        return url.render_as_string(hide_password=False)


def sqlite_database(folder: Path, name: str) -> Database:
    return Database("sqlite", f"sqlite+aiosqlite:///{folder / name}.db", folder / f"{name}.json")


def postgres_database(admin_url: str, folder: Path, name: str) -> Database:
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    return Database("postgres", url, folder / f"{name}.postgres.json")


def expected_stamp(flights: int, seed: int) -> dict[str, object]:
    # Every module of the generator (ingest/demo_*.py): a change to any changes the data.
    sources = sorted(Path(demo_data.__file__).parent.glob("demo_*.py"))
    generator = hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()[:16]
    return {"flights": flights, "seed": seed, "generator": generator, "revision": head_revision()}


async def _admin(admin_url: str, *statements: str) -> None:
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            for statement in statements:
                await conn.execute(text(statement))
    finally:
        await engine.dispose()


async def _looks_built(db: Database, flights: int) -> bool:
    """The cheap check: the flights are all there and the schema is at the head revision."""
    if db.backend == "sqlite" and not Path(make_url(db.url).database or "").exists():
        return False
    engine = create_engine(db.url)
    try:
        async with engine.connect() as conn:
            count = (await conn.execute(text("SELECT count(*) FROM spacecraft_flights"))).scalar()
            revision = (
                await conn.execute(text("SELECT version_num FROM alembic_version"))
            ).scalar()
    except Exception:  # missing database or tables: not built
        return False
    finally:
        await engine.dispose()
    return count == flights and revision == head_revision()


def is_current(db: Database, flights: int, seed: int) -> bool:
    try:
        stamp = json.loads(db.stamp.read_text())
    except (OSError, ValueError):
        return False
    if stamp != expected_stamp(flights, seed):
        return False
    return asyncio.run(_looks_built(db, flights))


def _reset(db: Database, admin_url: str) -> None:
    db.stamp.unlink(missing_ok=True)
    if db.backend == "sqlite":
        path = Path(make_url(db.url).database or "")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
    else:
        name = make_url(db.url).database
        asyncio.run(
            _admin(
                admin_url,
                f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
                f'CREATE DATABASE "{name}"',
            )
        )


async def _upgrade(url: str) -> None:
    engine = create_engine(url)
    try:
        await upgrade(engine)
    finally:
        await engine.dispose()


def _cli(db: Database, *args: str) -> list[str]:
    return [sys.executable, "-m", "gateway.cli", "--database-url", db.url, *args]


def _page_url(offset: int) -> str:
    suffix = f"&offset={offset}" if offset else ""
    return f"{demo_data.API}/spacecraft_flights/?limit={PAGE_SIZE}&mode=detailed{suffix}"


def _pages(flights: int, seed: int) -> Iterator[bytes]:
    """The pages `flightgraph demo-data` writes, one at a time (same envelope and links)."""
    source = iter_flights(flights, seed)
    for offset in range(0, flights, PAGE_SIZE):
        page = {
            "count": flights,
            "next": _page_url(offset + PAGE_SIZE) if offset + PAGE_SIZE < flights else None,
            "previous": _page_url(offset - PAGE_SIZE) if offset else None,
            "results": list(itertools.islice(source, PAGE_SIZE)),
        }
        yield orjson.dumps(page)


def _write_chunk(pages: Iterator[bytes], folder: Path, first_number: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for page in itertools.islice(pages, CHUNK_PAGES):
        written += 1
        (folder / f"spacecraft_flights_page_{first_number + written:05d}.json").write_bytes(page)
    return written


def _ingest_all(stale: list[Database], folder: Path) -> list[subprocess.Popen[bytes]]:
    return [
        subprocess.Popen(
            _cli(db, "ingest", str(folder)), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        for db in stale
    ]


def _wait(processes: list[subprocess.Popen[bytes]], stale: list[Database]) -> None:
    for process, db in zip(processes, stale, strict=True):
        _, error = process.communicate()
        if process.returncode:
            raise RuntimeError(f"ingest into {db.url} failed:\n{error.decode()[-2000:]}")


def build(stale: list[Database], flights: int, seed: int, admin_url: str, log=print) -> None:
    """Generate the data set chunk by chunk and ingest it into every database of ``stale``."""
    started = time.monotonic()
    for db in stale:
        _reset(db, admin_url)
        asyncio.run(_upgrade(db.url))
    work = CACHE / f"pages-{flights}-{seed}"
    shutil.rmtree(work, ignore_errors=True)
    pages = _pages(flights, seed)
    folders = [work / "a", work / "b"]
    done = 0
    running: list[subprocess.Popen[bytes]] = []
    try:
        written = _write_chunk(pages, folders[0], 0)
        for chunk in itertools.count():
            if not written:
                break
            running = _ingest_all(stale, folders[chunk % 2])
            # Generate the next chunk while this one is being ingested.
            next_folder = folders[(chunk + 1) % 2]
            shutil.rmtree(next_folder, ignore_errors=True)
            next_written = _write_chunk(pages, next_folder, done + written)
            _wait(running, stale)
            running = []
            shutil.rmtree(folders[chunk % 2])
            done += written
            written = next_written
            log(f"  {min(done * PAGE_SIZE, flights):,}/{flights:,} flights ingested")
    finally:
        for process in running:
            process.kill()
        shutil.rmtree(work, ignore_errors=True)
    for db in stale:
        if db.backend == "postgres":
            asyncio.run(_admin(db.url, "VACUUM ANALYZE"))
        else:
            asyncio.run(_admin(db.url, "PRAGMA wal_checkpoint(TRUNCATE)"))
        db.stamp.write_text(json.dumps(expected_stamp(flights, seed)))
    log(f"  built in {time.monotonic() - started:.0f} s")


def ensure(
    flights: int,
    *,
    admin_url: str,
    postgres: bool = True,
    folder: Path = CACHE,
    seed: int = SEED,
    name: str | None = None,
    log=print,
) -> dict[str, Database]:
    """The data set's databases by backend, built (or rebuilt) when missing or stale."""
    name = name or f"fgbench_{flights}_s{seed}"
    databases = {"sqlite": sqlite_database(folder, name)}
    if postgres:
        databases["postgres"] = postgres_database(admin_url, folder, name)
    folder.mkdir(parents=True, exist_ok=True)
    stale = [db for db in databases.values() if not is_current(db, flights, seed)]
    if stale:
        names = ", ".join(db.backend for db in stale)
        log(f"data set {flights:,} flights (seed {seed}): building for {names}")
        build(stale, flights, seed, admin_url, log)
    else:
        log(f"data set {flights:,} flights (seed {seed}): cached")
    return databases


def drop(databases: dict[str, Database], admin_url: str) -> None:
    """Remove a data set's databases (the smoke run's temporary ones)."""
    for db in databases.values():
        db.stamp.unlink(missing_ok=True)
        if db.backend == "postgres":
            name = make_url(db.url).database
            asyncio.run(_admin(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

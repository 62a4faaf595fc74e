"""Ingest benchmark: generated detailed flights into SQLite and PostgreSQL.

    python -m bench.ingest [--flights 10000] [--postgres-url URL]

Generates the data once (cached under bench/.cache), then times `flightgraph ingest` on a
fresh database of each kind, in a child process as a user would run it, and writes
bench/results/ingest.md. A throughput, not a test: nothing here asserts a target.
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import subprocess
import sys
import time
import uuid
from pathlib import Path

from sqlalchemy import text

from ingest.demo_data import generate
from store.engine import create_engine

ROOT = Path(__file__).resolve().parent
CACHE = ROOT / ".cache"
RESULTS = ROOT / "results" / "ingest.md"
POSTGRES_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"


def demo_pages(flights: int, seed: int = 2023) -> Path:
    folder = CACHE / f"demo-{flights}-{seed}"
    if not (folder / ".complete").exists():
        generate(flights, seed, folder)
        (folder / ".complete").touch()
    return folder


async def _admin(url: str, statement: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(statement))
    finally:
        await engine.dispose()


def timed_ingest(database_url: str, folder: Path) -> float:
    command = [sys.executable, "-m", "gateway.cli", "--database-url", database_url]
    subprocess.run([*command, "db", "upgrade"], check=True, capture_output=True)
    started = time.perf_counter()
    subprocess.run([*command, "ingest", str(folder)], check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flights", type=int, default=10_000)
    parser.add_argument("--postgres-url", default=POSTGRES_URL)
    args = parser.parse_args()

    folder = demo_pages(args.flights)
    size_mb = sum(p.stat().st_size for p in folder.glob("*.json")) / 1e6
    rows = []

    sqlite_file = CACHE / f"ingest-{uuid.uuid4().hex[:8]}.db"
    try:
        seconds = timed_ingest(f"sqlite+aiosqlite:///{sqlite_file}", folder)
        rows.append(("SQLite (WAL)", seconds))
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_file}{suffix}").unlink(missing_ok=True)

    name = f"bench_{uuid.uuid4().hex[:8]}"
    asyncio.run(_admin(args.postgres_url, f'CREATE DATABASE "{name}"'))
    try:
        url = args.postgres_url.rsplit("/", 1)[0] + f"/{name}"
        rows.append(("PostgreSQL", timed_ingest(url, folder)))
    finally:
        asyncio.run(_admin(args.postgres_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    lines = [
        f"# Ingest: {args.flights:,} generated detailed flights ({size_mb:.0f} MB, "
        f"{len(list(folder.glob('*.json')))} pages)",
        "",
        f"Machine: {platform.machine()}, Python {platform.python_version()}; "
        "one `flightgraph ingest` process, wall time including start-up.",
        "",
        "| database | seconds | flights/s |",
        "|---|---:|---:|",
        *(f"| {db} | {s:.1f} | {args.flights / s:,.0f} |" for db, s in rows),
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())

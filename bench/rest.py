"""REST benchmark: LL2's detailed flight list versus the GraphQL query for the same fields.

    python -m bench.rest [--flights 1000] [--seconds 10] [--postgres-url URL]

One run, in process (httpx over ASGI, the app's lifespan running, no network): for SQLite and
PostgreSQL, a fresh database holding the generated flights, then ``GET
/2.3.0/spacecraft_flights/?mode=detailed&limit=100`` and ``POST /graphql`` with the very
query that endpoint executes (its mode document: same fields, same 100 flights), each
repeated for the given time, one request at a time. Prints a table and writes
bench/results/rest.md. A throughput, not a test: nothing here asserts a target.
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text

from bench.ingest import POSTGRES_URL, demo_pages
from gateway.app import create_app
from gateway.rest.documents import mode_document
from gateway.settings import Settings
from ingest.files import ingest_file
from store.engine import create_engine
from store.migrate import upgrade

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results" / "rest.md"
REST_URL = "/2.3.0/spacecraft_flights/?mode=detailed&limit=100"
VARIABLES = {"first": 100, "offset": 0, "filter": None, "orderBy": "ID_ASC"}


async def _timed(client: httpx.AsyncClient, request: Any, seconds: float) -> tuple[int, float]:
    await request(client)  # warm: documents parsed, caches filled
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        await request(client)
        count += 1
    return count, time.perf_counter() - start


async def _rest(client: httpx.AsyncClient) -> None:
    response = await client.get(REST_URL)
    response.raise_for_status()
    assert len(response.json()["results"]) == 100


async def _graphql(client: httpx.AsyncClient) -> None:
    query = mode_document("spacecraft_flights.detailed").source
    response = await client.post("/graphql", json={"query": query, "variables": VARIABLES})
    response.raise_for_status()
    body = response.json()
    assert "errors" not in body and len(body["data"]["page"]["results"]) == 100, body


async def _engine_for(backend: str, postgres_url: str) -> tuple[Any, Any]:
    if backend == "sqlite":
        folder = ROOT / ".cache"
        folder.mkdir(exist_ok=True)
        path = folder / f"rest-{uuid.uuid4().hex[:8]}.db"
        return create_engine(f"sqlite+aiosqlite:///{path}"), path
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(postgres_url)
    async with admin.begin() as conn:
        await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    await admin.dispose()
    options = {"connect_args": {"server_settings": {"search_path": schema}}}
    return create_engine(postgres_url, **options), schema


async def _drop(backend: str, handle: Any, postgres_url: str) -> None:
    if backend == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{handle}{suffix}").unlink(missing_ok=True)
        return
    admin = create_engine(postgres_url)
    async with admin.begin() as conn:
        await conn.execute(text(f'DROP SCHEMA IF EXISTS "{handle}" CASCADE'))
    await admin.dispose()


async def measure(backend: str, pages: list[Path], seconds: float, postgres_url: str) -> dict:
    engine, handle = await _engine_for(backend, postgres_url)
    try:
        await upgrade(engine)
        for page in pages:
            result = await ingest_file(engine, page)
            assert result.ok, result.error
        # The public /graphql guards refuse a document this deep and wide (LL2's detailed mode
        # is 13 levels, ~280 aliases); lift them so the same document can run on both paths.
        limits = {"max_depth": 64, "max_aliases": 10_000, "max_tokens": 100_000}
        app = create_app(Settings(**limits, max_cost=10**9), engine=engine)
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
                rest = await _timed(client, _rest, seconds)
                graphql = await _timed(client, _graphql, seconds)
    finally:
        await engine.dispose()
        await _drop(backend, handle, postgres_url)
    return {"backend": backend, "rest": rest, "graphql": graphql}


def _table(rows: list[dict], flights: int, seconds: float) -> str:
    lines = [
        "| database | REST detailed list (req/s) | GraphQL, same fields (req/s) | REST / GraphQL |",
        "|---|---:|---:|---:|",
    ]
    for row in rows:
        rest = row["rest"][0] / row["rest"][1]
        graphql = row["graphql"][0] / row["graphql"][1]
        lines.append(f"| {row['backend']} | {rest:.1f} | {graphql:.1f} | {rest / graphql:.2f} |")
    head = (
        f"`GET {REST_URL}` vs `POST /graphql` with its mode document; {flights} generated "
        f"flights, 100 per response, {seconds:g} s each, one request at a time, in process "
        f"(httpx ASGITransport). Python {platform.python_version()}, {platform.machine()}."
    )
    return head + "\n\n" + "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.rest", description=__doc__)
    parser.add_argument("--flights", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--postgres-url", default=POSTGRES_URL)
    parser.add_argument("--sqlite-only", action="store_true")
    args = parser.parse_args(argv)
    pages = sorted(demo_pages(args.flights).glob("*.json"))
    backends = ["sqlite"] if args.sqlite_only else ["sqlite", "postgres"]
    rows = [
        asyncio.run(measure(backend, pages, args.seconds, args.postgres_url))
        for backend in backends
    ]
    table = _table(rows, args.flights, args.seconds)
    print(table)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("# REST compatibility benchmark\n\n" + table)
    return 0


if __name__ == "__main__":
    sys.exit(main())

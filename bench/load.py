"""Load benchmark: a bounded load of mixed GraphQL queries against `flightgraph serve`.

    python -m bench.load [--seconds 60] [--connections 32] [--flights 1000]

Starts `flightgraph serve` in a child process on embedded SQLite with generated demo flights
(the first start loads them), warms it up, then keeps ``--connections`` requests in flight
for ``--seconds`` seconds, cycling through the query mix below. Reports errors (any non-200
or GraphQL error), p50/p99 latency, throughput, and the server's RSS at the start and at the
end; writes bench/results/load.md. Loopback only; stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import orjson

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results" / "load.md"

# What frontends ask for: lists, nested objects, cursor pages, a lookup, a GET (cacheable).
MIX: list[tuple[str, str, dict[str, Any]]] = [
    ("list", "{ flights(first: 20) { totalCount nodes { id ll2Id destination } } }", {}),
    (
        "nested",
        """{ launches(first: 10, orderBy: NET_DESC) { nodes { name net
             pad { name location { name celestialBody { name } } }
             launchServiceProvider { name } } } }""",
        {},
    ),
    (
        "page",
        """query($after: String) { flights(first: 10, after: $after) {
             edges { cursor node { ll2Id destination launch { name } } }
             pageInfo { hasNextPage endCursor } } }""",
        {},
    ),
    ("lookup", "query($id: Int) { flight(ll2Id: $id) { ll2Id destination } }", {"id": 5}),
    (
        "deep",
        """{ spacecraftList(first: 10) { nodes { name
             flights(first: 5) { nodes { ll2Id launch { name pad { name } } } } } } }""",
        {},
    ),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def start_server(
    port: int,
    folder: Path,
    flights: int,
    log: Any,
    settings: dict[str, str] | None = None,
    wrap: Callable[[list[str]], list[str]] = list,
) -> subprocess.Popen[bytes]:
    """`flightgraph serve` on SQLite in ``folder`` with ``flights`` demo flights; ``settings``
    adds FLIGHTGRAPH_* variables, ``wrap`` the command (``taskset``…)."""
    env = {
        **os.environ,
        "FLIGHTGRAPH_DATABASE_URL": f"sqlite+aiosqlite:///{folder / 'load.db'}",
        "FLIGHTGRAPH_DEMO_FLIGHTS": str(flights),
        "FLIGHTGRAPH_PORT": str(port),
        **(settings or {}),
    }
    return subprocess.Popen(
        wrap([sys.executable, "-m", "gateway.cli", "serve"]),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )


async def wait_ready(base: str, process: subprocess.Popen[bytes]) -> None:
    async with httpx.AsyncClient() as http:
        for _ in range(1200):
            if process.poll() is not None:
                raise RuntimeError("the server exited; see its log")
            try:
                if (await http.get(base + "/readyz")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.25)
    raise RuntimeError("the server never became ready")


async def one(http: httpx.AsyncClient, kind: str, query: str, variables: dict) -> bool:
    if kind == "lookup":  # a GET, as a CDN-fronted frontend would send it
        response = await http.get(
            "/graphql", params={"query": query, "variables": orjson.dumps(variables).decode()}
        )
    else:
        response = await http.post("/graphql", json={"query": query, "variables": variables})
    return response.status_code == 200 and "errors" not in response.json()


async def run_mix(
    http: httpx.AsyncClient,
    offset: int,
    deadline: float,
    answered: Callable[[str, bool, float], None],
    pace: float = 0.0,
) -> None:
    """The mix in turn from ``offset`` until ``deadline``, each answer told to ``answered``
    (kind, ok, seconds); ``pace`` seconds between requests (0: flat out)."""
    for kind, query, variables in itertools.islice(itertools.cycle(MIX), offset, None):
        if time.monotonic() >= deadline:
            return
        started = time.perf_counter()
        try:
            ok = await one(http, kind, query, variables)
        except httpx.HTTPError:
            ok = False
        answered(kind, ok, time.perf_counter() - started)
        if pace:
            await asyncio.sleep(pace)


async def load(base: str, seconds: float, connections: int) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    counts = dict.fromkeys((kind for kind, _, _ in MIX), 0)
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)

    def answered(kind: str, ok: bool, took: float) -> None:
        nonlocal errors
        latencies.append(took)
        counts[kind] += 1
        errors += not ok

    async def worker(offset: int, http: httpx.AsyncClient) -> None:
        await run_mix(http, offset, deadline, answered)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:
        began = time.monotonic()
        await asyncio.gather(*(worker(i, http) for i in range(connections)))
        elapsed = time.monotonic() - began
    ordered = sorted(latencies)
    return {
        "requests": len(latencies),
        "errors": errors,
        "elapsed": elapsed,
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[int(len(ordered) * 0.99) - 1] * 1000,
        "per_second": len(latencies) / elapsed,
        "counts": counts,
    }


def report(result: dict[str, Any], args: argparse.Namespace, rss: tuple[float, float]) -> str:
    counts = ", ".join(f"{kind} {n}" for kind, n in result["counts"].items())
    row = (
        f"| {result['requests']} | {result['errors']} | {result['per_second']:.0f} "
        f"| {result['p50_ms']:.1f} ms | {result['p99_ms']:.1f} ms "
        f"| {rss[0]:.0f} → {rss[1]:.0f} MiB |"
    )
    return f"""# Load benchmark (`make bench-load`, `python -m bench.load`)

{args.seconds:g} s, {args.connections} concurrent connections, `flightgraph serve` (one uvicorn
worker) on embedded SQLite with {args.flights} generated flights; client and server on the
same {os.cpu_count()}-core machine ({platform.python_implementation()} {platform.python_version()}).

| requests | errors | req/s | p50 | p99 | server RSS start → end |
|---:|---:|---:|---:|---:|---:|
{row}

Mix (requests each): {counts}.
"""


async def main_async(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="flightgraph-load-") as folder:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = open(Path(folder) / "server.log", "wb")  # noqa: SIM115 - closed below
        server = start_server(port, Path(folder), args.flights, log)
        try:
            await wait_ready(base, server)
            await load(base, min(5.0, args.seconds), args.connections)  # warm-up
            rss_start = rss_mib(server.pid)
            result = await load(base, args.seconds, args.connections)
            rss_end = rss_mib(server.pid)
        finally:
            server.terminate()
            server.wait(30)
            log.close()
    text = report(result, args, (rss_start, rss_end))
    print(text)
    if args.write:
        RESULTS.write_text(text)
    return 1 if result["errors"] else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--flights", type=int, default=1000)
    parser.add_argument("--no-write", dest="write", action="store_false")
    return asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())

"""Hostile load: do normal clients keep their service while others attack?

    python -m bench.hostile [--seconds 60] [--quiet-seconds 20] [--flights 1000]

Starts `flightgraph serve` with the production profile and an API keys file on embedded
SQLite (demo flights), then measures the normal query mix of :mod:`bench.load` — one issued
key per connection, as many separate apps would call — first alone ("quiet"), then for
``--seconds`` while attackers run beside it: one issued key sending the expensive requests
of issue 16 (long searches, huge ``or``/``in``, long text, depth/alias bombs, id floods, the
most expensive filter the limits let through, 160-word REST searches), clients with made-up
keys, and idle connections held open. Reports normal throughput and p99 in both phases, what
the attackers were answered, ``/healthz`` latency during the attack and the server's RSS;
writes bench/results/hostile.md. The acceptance of issue 16: normal clients keep >= 90% of
their throughput and p99 stays under 5x the quiet figure. Loopback only; stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import itertools
import multiprocessing
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import orjson

from bench.load import free_port, rss_mib, run_mix, start_server, wait_ready
from bench.servers import LOAD_CORE, SERVER_CORE, pinned
from gateway.http.apikeys import add_key

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results" / "hostile.md"
NORMAL_CONNECTIONS = 8
ATTACK_CONNECTIONS = 8
IDLE_CONNECTIONS = 200
# Each party from an address of its own, as separate clients on a network are: the server
# caps connections per address, and an attacker sharing the normal clients' address would
# spend their allowance (loopback answers on all of 127.0.0.0/8).
NORMAL_ADDRESS, ATTACK_ADDRESS, IDLE_ADDRESS = "127.0.0.1", "127.0.0.2", "127.0.0.3"
PACE = 0.1  # seconds each normal client waits between requests

LAUNCHES = "query($f: LaunchFilter) { launches(first: 5, filter: $f) { totalCount } }"
WORDS = "alpha bravo charlie delta echo foxtrot"


def attacks() -> list[tuple[str, str, dict[str, Any] | None]]:
    """(name, method + path, JSON body) of each hostile request."""

    def launches(filter_value: Any) -> dict[str, Any]:
        return {"query": LAUNCHES, "variables": {"f": filter_value}}

    nest = "id"
    for level in range(8):
        field = "pad" if level % 2 == 0 else "launchServiceProvider"
        nest = f"launches(first: 100) {{ nodes {{ {field} {{ {nest} }} }} }}"
    heaviest = {
        "query": "query($f: LaunchFilter) { launches(first: 100, filter: $f) {"
        " totalCount nodes { name net pad { name location { name } } } } }",
        "variables": {"f": {"or": [{"name": {"contains": f"{c}a"}} for c in "abcdefghij"] * 4}},
    }
    depth_bomb = {"query": f"{{ agencies(first: 100) {{ nodes {{ {nest} }} }} }}"}
    alias_bomb = {"query": "{ " + " ".join(f"a{i}: __typename" for i in range(1000)) + " }"}
    id_flood = {
        "query": "query($i: [ID!]!) { nodes(ids: $i) { id } }",
        "variables": {"i": [f"x{i}" for i in range(60_000)]},
    }
    post = "POST /graphql"
    return [
        ("160-word search", post, launches({"search": " ".join(["a"] * 160)})),
        ("or of 900 searches", post, launches({"or": [{"search": WORDS}] * 900})),
        ("or of 20k conditions", post, launches({"or": [{"status": {"eq": 3}}] * 20_000})),
        ("60k-character contains", post, launches({"name": {"contains": "x" * 60_000}})),
        ("in of 40k items", post, launches({"status": {"in": list(range(40_000))}})),
        ("depth bomb", post, depth_bomb),
        ("alias bomb", post, alias_bomb),
        ("60k ids", post, id_flood),
        ("heaviest allowed filter", post, heaviest),
        ("REST 160-word search", "GET /2.3.0/launches/?search=" + "+".join(["a"] * 160), None),
    ]


async def normal_load(base: str, keys: list[str], seconds: float) -> dict[str, Any]:
    """The mix of bench.load, one key per connection (each well under its rate limit)."""
    latencies: list[float] = []
    statuses: collections.Counter[str] = collections.Counter()
    http_statuses: collections.Counter[int] = collections.Counter()
    deadline = time.monotonic() + seconds

    def answered(_kind: str, ok: bool, took: float) -> None:
        latencies.append(took)
        statuses["ok" if ok else "failed"] += 1

    async def seen(response: httpx.Response) -> None:
        http_statuses[response.status_code] += 1

    async def worker(offset: int, key: str) -> None:
        async with httpx.AsyncClient(
            base_url=base,
            headers={"x-api-key": key},
            timeout=30,
            transport=httpx.AsyncHTTPTransport(local_address=NORMAL_ADDRESS),
            event_hooks={"response": [seen]},
        ) as http:
            # A frontend's pace: each app asks a few times a second, not flat out.
            await run_mix(http, offset, deadline, answered, pace=PACE)

    began = time.monotonic()
    await asyncio.gather(*(worker(i, key) for i, key in enumerate(keys)))
    elapsed = time.monotonic() - began
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "per_second": statuses["ok"] / elapsed,  # answered well: a failure is no service
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[max(0, int(len(ordered) * 0.99) - 1)] * 1000,
        "statuses": dict(statuses),
        "http_statuses": dict(sorted(http_statuses.items())),
    }


async def attack(base: str, key: str, seconds: float) -> dict[str, dict[str, int]]:
    """Attackers flat out: the hostile requests with an issued key, and made-up keys. What
    each was answered: the HTTP status, and the error code for a 200 with errors."""
    answers: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    deadline = time.monotonic() + seconds
    # Encoded once: the attacker's own JSON work must not be what slows the machine.
    cases = [
        (name, *target.split(" ", 1), None if body is None else orjson.dumps(body))
        for name, target, body in attacks()
    ]

    async def worker(offset: int) -> None:
        transport = httpx.AsyncHTTPTransport(local_address=ATTACK_ADDRESS)
        async with httpx.AsyncClient(base_url=base, timeout=60, transport=transport) as http:
            for number, (name, method, path, body) in enumerate(
                itertools.islice(itertools.cycle(cases), offset, None)
            ):
                if time.monotonic() >= deadline:
                    return
                made_up = number % 5 == 4
                headers = {
                    "x-api-key": f"made-up-{number}" if made_up else key,
                    "content-type": "application/json",
                }
                try:
                    response = await http.request(method, path, content=body, headers=headers)
                    answer = str(response.status_code)
                    if response.status_code == 200 and b'"errors"' in response.content:
                        answer += " " + response.json()["errors"][0]["extensions"]["code"]
                except httpx.HTTPError as error:
                    answer = type(error).__name__
                answers["made-up key" if made_up else name][answer] += 1

    await asyncio.gather(*(worker(i) for i in range(ATTACK_CONNECTIONS)))
    return {name: dict(counts) for name, counts in answers.items()}


def attack_in_a_process(base: str, key: str, seconds: float, results: Any) -> None:
    results.put(asyncio.run(attack(base, key, seconds)))


@contextlib.asynccontextmanager
async def idle_connections(port: int, count: int) -> Any:
    """Connections that send nothing (the server may close them: that is the point)."""
    writers = []
    for _ in range(count):
        with contextlib.suppress(OSError):
            opened = await asyncio.open_connection("127.0.0.1", port, local_addr=(IDLE_ADDRESS, 0))
            writers.append(opened[1])
    try:
        yield len(writers)
    finally:
        for writer in writers:
            writer.close()


async def health_watch(base: str, seconds: float) -> list[float]:
    took = []
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        while time.monotonic() < deadline:
            started = time.perf_counter()
            await http.get("/healthz")
            took.append((time.perf_counter() - started) * 1000)
            await asyncio.sleep(0.25)
    return took


def report(args: argparse.Namespace, figures: dict[str, Any]) -> str:
    quiet, mixed = figures["quiet"], figures["mixed"]
    kept = mixed["per_second"] / quiet["per_second"]
    p99_ratio = mixed["p99_ms"] / quiet["p99_ms"]
    health = sorted(figures["health"])
    rows = "\n".join(
        f"| {name} | " + ", ".join(f"{answer}: {n}" for answer, n in sorted(counts.items())) + " |"
        for name, counts in figures["attacks"].items()
    )
    verdict = "met" if kept >= 0.9 and p99_ratio < 5 else "NOT met"
    return f"""# Hostile load (`python -m bench.hostile`)

`flightgraph serve` (production profile, API keys file, one uvicorn worker) on embedded
SQLite with {args.flights} demo flights; {NORMAL_CONNECTIONS} normal clients (one issued key
each, the query mix of bench.load, at most 10 requests/s each) alone for {args.quiet_seconds:g} s,
then for {args.seconds:g} s beside {ATTACK_CONNECTIONS} attacking connections flat out (one
issued key, plus made-up keys on every fifth request; a process of their own) and
{figures["idle"]} idle connections; normal clients connect from {NORMAL_ADDRESS}, attackers
from {ATTACK_ADDRESS}, idle connections from {IDLE_ADDRESS} (the server caps connections per
address). req/s counts the answers that were right; the HTTP statuses are every answer's.
Server pinned to core {SERVER_CORE}, every client to core {LOAD_CORE} of a {os.cpu_count()}-core machine
({platform.python_implementation()} {platform.python_version()}).

| normal clients | requests | req/s | p50 | p99 | answers | HTTP statuses |
|---|---:|---:|---:|---:|---|---|
| quiet | {quiet["requests"]} | {quiet["per_second"]:.0f} | {quiet["p50_ms"]:.1f} ms | {quiet["p99_ms"]:.1f} ms | {quiet["statuses"]} | {quiet["http_statuses"]} |
| under attack | {mixed["requests"]} | {mixed["per_second"]:.0f} | {mixed["p50_ms"]:.1f} ms | {mixed["p99_ms"]:.1f} ms | {mixed["statuses"]} | {mixed["http_statuses"]} |

Throughput kept: **{kept:.0%}** (goal >= 90%); p99 under attack / quiet: **{p99_ratio:.2f}x**
(goal < 5x): {verdict}. `/healthz` during the attack: median {statistics.median(health):.1f} ms,
max {health[-1]:.1f} ms ({len(health)} probes). Server RSS: {figures["rss"][0]:.0f} MiB before,
{figures["rss"][1]:.0f} MiB after the attack.

What the attackers were answered (HTTP status, with the error code of a 200: count):

| attack | answers |
|---|---|
{rows}
"""  # noqa: E501


async def main_async(args: argparse.Namespace) -> int:
    # The server gets a core of its own; the clients (normal and attacking) share the
    # other, so what slows the normal clients is the server's work, not the attacker's.
    if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
        os.sched_setaffinity(0, {int(LOAD_CORE)})
    with tempfile.TemporaryDirectory(prefix="flightgraph-hostile-") as folder:
        keys_file = Path(folder) / "keys"
        normal_keys = [add_key(keys_file, f"app-{i}") for i in range(NORMAL_CONNECTIONS)]
        attacker = add_key(keys_file, "attacker")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        with open(Path(folder) / "server.log", "wb") as log:
            settings = {
                "FLIGHTGRAPH_PROFILE": "production",
                "FLIGHTGRAPH_API_KEYS_FILE": str(keys_file),
            }
            server = start_server(
                port,
                Path(folder),
                args.flights,
                log,
                settings,
                wrap=lambda command: pinned(SERVER_CORE, command),
            )
            try:
                await wait_ready(base, server)
                await normal_load(base, normal_keys, min(5.0, args.quiet_seconds))  # warm-up
                quiet = await normal_load(base, normal_keys, args.quiet_seconds)
                rss_before = rss_mib(server.pid)
                results: Any = multiprocessing.get_context("spawn").Queue()
                attacker_process = multiprocessing.get_context("spawn").Process(
                    target=attack_in_a_process, args=(base, attacker, args.seconds, results)
                )
                async with idle_connections(port, IDLE_CONNECTIONS) as idle:
                    attacker_process.start()
                    mixed, health = await asyncio.gather(
                        normal_load(base, normal_keys, args.seconds),
                        health_watch(base, args.seconds),
                    )
                    answers = await asyncio.to_thread(results.get, True, 120)
                    attacker_process.join(30)
                rss_after = rss_mib(server.pid)
            finally:
                server.terminate()
                server.wait(30)
        if args.server_log:
            args.server_log.write_bytes((Path(folder) / "server.log").read_bytes())
    figures = {
        "quiet": quiet,
        "mixed": mixed,
        "attacks": answers,
        "health": health,
        "idle": idle,
        "rss": (rss_before, rss_after),
    }
    text = report(args, figures)
    print(text)
    if args.write:
        RESULTS.write_text(text)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--quiet-seconds", type=float, default=20)
    parser.add_argument("--flights", type=int, default=1000)
    parser.add_argument("--no-write", dest="write", action="store_false")
    parser.add_argument("--server-log", type=Path, help="keep the server's log here")
    return asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())

"""The measurement matrix: for each data set and backend, in-process figures first (which also
give the reference answers and check the floors and the compiled executor against them), then
each variant's server under HTTP load, its answers checked again before it is timed.
"""

from __future__ import annotations

import asyncio
import functools
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx
import orjson

from bench import checks, postgraphile_queries, queries
from bench.datasets import Database
from bench.floor.handlers import FLOOR_QUERIES
from bench.floor_json.handlers import FLOOR_JSON_QUERIES
from bench.inprocess import app_client, find_targets
from bench.loadgen import run_load
from bench.servers import VARIANTS, cpu_seconds, serve

FLIGHTGRAPH = ("compiled", "standard")
REST = "REST"  # the "query" name of Q1 through flightgraph's LL2 REST endpoint


@dataclass
class Plan:
    """What one run measures, and for how long."""

    queries: tuple[str, ...]
    timed: bool = True
    warmup_requests: int = 20
    seconds: float = 2.0
    slow_requests: int = 8  # measured by count instead when a request takes > 250 ms
    connections: int = 4  # Q1 (and its REST form): 1, see bench/report.py
    repeat: int = 100  # in-process calls per median (after warmup_requests unmeasured)
    q1_repeat: int = 3
    page_sizes: tuple[int, ...] = ()  # Q1 statement counts at these page sizes
    variants: tuple[str, ...] = VARIANTS


@dataclass
class Row:
    flights: int
    backend: str
    variant: str
    query: str
    per_second: float | None = None
    p50_ms: float | None = None
    p99_ms: float | None = None
    inprocess_ms: float | None = None
    statements: int | None = None
    peak_rss_mib: float | None = None
    cpu_ms: float | None = None  # the server process's CPU per request under load


@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)
    page_statements: list[dict[str, Any]] = field(default_factory=list)
    targets: dict[str, Any] = field(default_factory=dict)

    def as_json(self, meta: dict[str, Any]) -> bytes:
        return orjson.dumps(
            {
                "meta": meta,
                "rows": [asdict(r) for r in self.rows],
                "page_statements": self.page_statements,
                "targets": self.targets,
            },
            option=orjson.OPT_INDENT_2,
        )

    @classmethod
    def from_json(cls, raw: bytes) -> tuple[Results, dict[str, Any]]:
        data = orjson.loads(raw)
        rows = [Row(**row) for row in data["rows"]]
        return cls(rows, data["page_statements"], data["targets"]), data.get("meta", {})


def _served_by(variant: str, name: str) -> bool:
    if variant == "floor":
        return name in FLOOR_QUERIES
    if variant == "floor-json":
        return name in FLOOR_JSON_QUERIES  # Q1 is "not served", n/a in the reports
    if name == REST:
        return variant in FLIGHTGRAPH
    return True


def _non_trivial(name: str, body: bytes) -> None:
    """A check that can fail: an empty answer would make every comparison pass."""
    data = checks.check_ok(f"{name} flightgraph", body)["data"]
    found = {
        "Q1": lambda: len(data["page"]["results"]),
        "Q2": lambda: len(data["launches"]["nodes"]),
        "Q3": lambda: len(data["agency"]["launches"]["nodes"]),
        "Q4": lambda: int(data["flight"] is not None),
        "Q5": lambda: len(data["flights"]["edges"]),
    }[name]()
    if not found:
        raise checks.Mismatch(f"{name}: flightgraph's answer is empty: {body[:300]!r}")


async def _in_process(db: Database, flights: int, plan: Plan, results: Results, log) -> dict:
    """Reference answers (the standard executor's), targets, in-process latency and
    statements; the other variants' answers are checked against the references."""
    references: dict[str, bytes] = {}
    targets: queries.Targets | None = None
    names = [*plan.queries, *([REST] if "Q1" in plan.queries else [])]
    order = ["standard", *(v for v in plan.variants if v not in ("standard", "postgraphile"))]
    for variant in order:
        async with app_client(variant, db.url) as app:
            targets = targets or await find_targets(app)
            for name in [n for n in names if _served_by(variant, n)]:
                if name == REST:
                    url = queries.rest_q1(targets)
                    call = functools.partial(app.get, url)
                else:
                    call = functools.partial(app.post, queries.graphql_body(name, targets))
                app.statements.clear()
                answer = await call()
                statements = len(app.statements)
                if name == REST:
                    checks.same_as_rest(references["Q1"], answer)
                elif variant == "standard":
                    _non_trivial(name, answer)
                else:
                    checks.same_bytes(f"{name} {variant} (in process)", references[name], answer)
                references.setdefault(name, answer)
                row = Row(flights, db.backend, variant, name)
                if plan.timed:
                    row.statements = statements
                    slow = name in ("Q1", REST)
                    repeat = plan.q1_repeat if slow else plan.repeat
                    # Unmeasured calls first: each pooled connection prepares the statement
                    # once (the pool hands its connections out in turn).
                    warmup = 0 if slow else plan.warmup_requests
                    row.inprocess_ms = await _median_ms(call, repeat, warmup)
                results.rows.append(row)
            if variant in FLIGHTGRAPH and plan.page_sizes and "Q1" in plan.queries:
                for first in plan.page_sizes:
                    count = await app.count(queries.graphql_body("Q1", targets, first))
                    results.page_statements.append(
                        {
                            "flights": flights,
                            "backend": db.backend,
                            "variant": variant,
                            "first": first,
                            "statements": count,
                        }
                    )
        log(f"    in process: {variant} checked" + (" and measured" if plan.timed else ""))
    assert targets is not None
    results.targets[f"{db.backend}/{flights}"] = asdict(targets)
    return {"targets": targets, "references": references}


async def _median_ms(call: Callable[[], Awaitable[bytes]], repeat: int, warmup: int) -> float:
    """Median wall time of ``repeat`` calls after ``warmup`` unmeasured ones, in ms."""
    for _ in range(warmup):
        await call()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        await call()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _pgl_variables(name: str, targets: queries.Targets, base: str) -> dict[str, Any]:
    if name == "Q5":
        found = httpx.post(
            base + "/graphql",
            json={
                "query": postgraphile_queries.PGL_CURSOR_OF,
                "variables": {"id": str(targets.q5_after_id)},
            },
            timeout=60,
        ).json()
        return {"after": found["data"]["allSpacecraftFlights"]["edges"][0]["cursor"]}
    return {
        "Q1": {"first": 100, "offset": targets.q1_offset},
        "Q2": {"from": queries.UPCOMING_FROM},
        "Q3": {"agency": str(targets.agency)},
        "Q4": {"flight": str(targets.flight)},
    }[name]


def _request(variant: str, name: str, targets: queries.Targets, base: str) -> tuple[str, bytes]:
    """The URL and body each variant is sent for a query."""
    if variant == "postgraphile":
        body = {
            "query": postgraphile_queries.DOCUMENTS[name],
            "variables": _pgl_variables(name, targets, base),
        }
    else:
        body = queries.graphql_body(name, targets)
    return base + "/graphql", orjson.dumps(body)


def _check_http(variant: str, name: str, reference: bytes, url: str, body: bytes) -> None:
    response = httpx.post(
        url, content=body, headers={"content-type": "application/json"}, timeout=120
    )
    label = f"{name} {variant} (HTTP)"
    if response.status_code != 200:
        raise checks.Mismatch(f"{label}: HTTP {response.status_code}: {response.text[:300]}")
    if variant == "postgraphile":
        checks.same_as_postgraphile(name, reference, response.content)
    else:
        checks.same_bytes(label, reference, response.content)


def _over_http(
    db: Database, flights: int, plan: Plan, found: dict, results: Results, logs: Path, log
) -> None:
    targets, references = found["targets"], found["references"]
    for variant in plan.variants:
        if variant == "postgraphile" and db.backend != "postgres":
            continue
        served = [n for n in plan.queries if _served_by(variant, n)]
        if "Q1" in plan.queries and _served_by(variant, REST):
            served.append(REST)
        with serve(
            variant, db.url, (db.backend == "postgres" and db.libpq_url) or None, logs
        ) as server:
            measured: list[Row] = []
            for name in served:
                if name == REST:
                    url = server.base + queries.rest_q1(targets)
                    response = httpx.get(url, timeout=120)
                    checks.same_as_rest(references["Q1"], response.content)
                    body = None
                else:
                    url, body = _request(variant, name, targets, server.base)
                    _check_http(variant, name, references[name], url, body)
                row = _row_for(results, flights, db.backend, variant, name)
                if plan.timed:
                    cpu = cpu_seconds(server.process.pid)
                    load = run_load(
                        url,
                        body,
                        warmup_requests=plan.warmup_requests,
                        seconds=plan.seconds,
                        slow_requests=plan.slow_requests,
                        connections=1 if name in ("Q1", REST) else plan.connections,
                    )
                    used = cpu_seconds(server.process.pid) - cpu
                    row.per_second, row.p50_ms, row.p99_ms = (
                        load.per_second,
                        load.p50_ms,
                        load.p99_ms,
                    )
                    row.cpu_ms = used * 1000 / load.answered
                measured.append(row)
        for row in measured:
            row.peak_rss_mib = server.peak_rss_mib
        log(
            f"    HTTP: {variant} checked"
            + (" and loaded" if plan.timed else "")
            + f" ({server.peak_rss_mib:.0f} MiB peak)"
        )


def _row_for(results: Results, flights: int, backend: str, variant: str, name: str) -> Row:
    for row in results.rows:
        if (row.flights, row.backend, row.variant, row.query) == (flights, backend, variant, name):
            return row
    row = Row(flights, backend, variant, name)
    results.rows.append(row)
    return row


def run_dataset(
    databases: dict[str, Database],
    flights: int,
    plan: Plan,
    results: Results,
    logs: Path,
    log=print,
) -> None:
    for backend, db in databases.items():
        log(f"  {backend}, {flights:,} flights: {', '.join(plan.queries)}")
        found = asyncio.run(_in_process(db, flights, plan, results, log))
        _over_http(db, flights, plan, found, results, logs, log)

"""The benchmark harness (`make bench`): flightgraph vs two hand-written floors vs PostGraphile 5.

    python -m bench            # the full run: writes bench/results/latest.{md,png,json}
    python -m bench --smoke    # 30 flights in temporary databases, correctness only
    python -m bench --queries Q1 --sizes 10000   # a subset: bench/results/subset.{md,json}

Data sets are cached under bench/.cache (see bench/datasets.py). The full run updates the
README's Benchmarks section with the results table. Needs Node (bench/postgraphile, `npm ci`)
and PostgreSQL at --postgres-url.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import text

from bench import datasets
from bench.checks import Mismatch
from bench.matrix import Plan, Results, run_dataset
from bench.queries import QUERY_NAMES
from bench.report import markdown, matrix_table, plot
from bench.servers import NODE_PROJECT
from store.engine import create_engine

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results"
README = ROOT.parent / "README.md"
POSTGRES_URL = os.environ.get(
    "FLIGHTGRAPH_BENCH_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
SMOKE_FLIGHTS = 30
README_START, README_END = "<!-- bench:table:start -->", "<!-- bench:table:end -->"


def _require_node() -> None:
    if not shutil.which("node") or not (NODE_PROJECT / "node_modules").is_dir():
        sys.exit(f"needs Node and `npm ci` in {NODE_PROJECT} (make bench does both)")


async def _postgres_version(url: str) -> str:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return str((await conn.execute(text("SHOW server_version"))).scalar())
    finally:
        await engine.dispose()


def smoke(args: argparse.Namespace) -> int:
    """Tiny data, every variant once per query, every check; nothing timed."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="flightgraph-bench-smoke-") as folder:
        seed = datasets.SEED
        name = f"fgbench_smoke_{uuid.uuid4().hex[:8]}"
        dbs = datasets.ensure(
            SMOKE_FLIGHTS, admin_url=args.postgres_url, folder=Path(folder), seed=seed, name=name
        )
        try:
            plan = Plan(queries=args.queries, timed=False)
            run_dataset(dbs, SMOKE_FLIGHTS, plan, Results(), Path(folder) / "logs")
        finally:
            datasets.drop(dbs, args.postgres_url)
    print(
        f"bench smoke: every variant agrees with flightgraph ({time.monotonic() - started:.0f} s)"
    )
    return 0


def _subset(args: argparse.Namespace) -> bool:
    return tuple(args.queries) != QUERY_NAMES


def full(args: argparse.Namespace) -> int:
    started = time.monotonic()
    subset = _subset(args)
    # A subset run measures every given size (the main one only when asked for).
    main = args.main if not subset or args.main in args.sizes else max(args.sizes)
    sizes = sorted({*args.sizes, main})
    results = Results()
    build = 0.0
    logs = datasets.CACHE / "logs"
    plan = Plan(queries=())
    for flights in sizes:
        if flights == main:
            names = args.queries
        else:
            names = tuple(q for q in args.queries if q in ("Q4", "Q5"))
        if not names:
            continue
        before = time.monotonic()
        dbs = datasets.ensure(flights, admin_url=args.postgres_url)
        build += time.monotonic() - before
        page_sizes = (10, 100) if flights == main and "Q1" in names else ()
        plan = Plan(queries=names, page_sizes=page_sizes)
        plan.seconds, plan.slow_requests = args.seconds, args.slow_requests
        run_dataset(dbs, flights, plan, results, logs)
    meta = {
        "main_flights": main,
        "queries": list(args.queries),
        "sizes": sizes,
        "seed": datasets.SEED,
        "wall_seconds": time.monotonic() - started,
        "build_seconds": build,
        "postgres_version": asyncio.run(_postgres_version(args.postgres_url)),
        **{k: getattr(plan, k) for k in ("connections", "warmup_requests", "repeat", "q1_repeat")},
        "seconds": args.seconds,
        "slow_requests": args.slow_requests,
        "load_average": os.getloadavg(),
    }
    RESULTS.mkdir(exist_ok=True)
    if subset:
        # Partial results never replace the full run's reports or the README's table.
        (RESULTS / "subset.json").write_bytes(results.as_json(meta))
        (RESULTS / "subset.md").write_text(markdown(results, meta))
        print((RESULTS / "subset.md").read_text())
    else:
        (RESULTS / "latest.json").write_bytes(results.as_json(meta))
        write_reports(results, meta)
    print(json.dumps({"wall_seconds": round(meta["wall_seconds"]), "build_seconds": round(build)}))
    return 0


def write_reports(results: Results, meta: dict) -> None:
    """latest.md, latest.png and the README's table, from one run's results."""
    (RESULTS / "latest.md").write_text(markdown(results, meta))
    plot(results, meta, RESULTS / "latest.png")
    _update_readme(matrix_table(results, meta["main_flights"]), meta)
    print((RESULTS / "latest.md").read_text())


def report_only() -> int:
    """Rewrite the reports from bench/results/latest.json (after a change to bench/report.py)."""
    results, meta = Results.from_json((RESULTS / "latest.json").read_bytes())
    write_reports(results, meta)
    return 0


def _update_readme(table: str, meta: dict) -> None:
    """Replace the table between the README's markers (left alone when they are missing)."""
    readme = README.read_text()
    if README_START not in readme:
        return
    block = (
        f"{README_START}\n{meta['main_flights']:,} flights; full results, method and machine in "
        f"[bench/results/latest.md](bench/results/latest.md).\n\n{table}\n{README_END}"
    )
    pattern = re.escape(README_START) + ".*?" + re.escape(README_END)
    README.write_text(re.sub(pattern, lambda _: block, readme, flags=re.S))


def _query_names(value: str) -> tuple[str, ...]:
    names = {name.strip().upper() for name in value.split(",") if name.strip()}
    unknown = names - set(QUERY_NAMES)
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"queries are among {', '.join(QUERY_NAMES)}")
    return tuple(name for name in QUERY_NAMES if name in names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="correctness only, tiny data")
    parser.add_argument(
        "--report-only", action="store_true", help="rewrite the reports from latest.json"
    )
    parser.add_argument("--postgres-url", default=POSTGRES_URL)
    parser.add_argument("--main", type=int, default=10_000, help="flights for the full matrix")
    parser.add_argument(
        "--sizes",
        type=lambda s: [int(x) for x in s.split(",")],
        default=[1_000, 10_000, 100_000],
        help="data sets for Q4/Q5 (comma-separated)",
    )
    parser.add_argument(
        "--queries",
        type=_query_names,
        default=QUERY_NAMES,
        help="a subset to run, e.g. Q1 or Q1,Q4 (REST runs with Q1); the full run's reports"
        " are left alone and the results go to bench/results/subset.{md,json}",
    )
    parser.add_argument("--seconds", type=float, default=2.0, help="load per point")
    parser.add_argument(
        "--slow-requests", type=int, default=8, help="requests per point for slow queries"
    )
    args = parser.parse_args(argv)
    if args.report_only:
        return report_only()
    _require_node()
    # Stopped from outside: unwind, so that the servers it started are stopped too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        return smoke(args) if args.smoke else full(args)
    except Mismatch as error:
        print(f"bench: MISMATCH: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

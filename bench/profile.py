"""Profile Q1 in process: 100 detailed flights (LL2's REST document), under pyinstrument.

    python -m bench.profile [--standard] [--flights 1000] [--runs 5] [--compare]

Generates the demo flights into a temporary SQLite database, warms the executor up, then
profiles ``--runs`` executions of ``spacecraft_flights.detailed`` (first 100) on the compiled
executor, or the standard one with ``--standard``, and prints pyinstrument's tree.
``--compare`` instead times, in the same run, the standard executor, the compiled one and a
rough floor: the very SQL statements the compiled run sends (replayed), building dicts of
their rows and ``orjson.dumps`` of the response — and a "loader floor" calling the same
loader batches (the statements as the store layer builds them). A measurement, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import orjson
from graphql import ExecutionResult, execute
from pyinstrument import Profiler
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine
from strawberry.execution import optimized_is_awaitable
from strawberry.schema._graphql_core import execution_context_class_kwargs

from gateway.context import Context
from gateway.rest.documents import mode_document
from ingest.demo_data import generate
from ingest.files import ingest_file
from loaders.batch import BatchLoader
from schema import Schema, build_schema
from store.engine import create_engine
from store.migrate import upgrade

Q1 = "spacecraft_flights.detailed"
VARIABLES = {"first": 100, "offset": 0, "filter": None, "orderBy": "ID_ASC"}


async def demo_engine(folder: Path, flights: int) -> AsyncEngine:
    engine = create_engine(f"sqlite+aiosqlite:///{folder / 'profile.db'}")
    await upgrade(engine)
    for path in generate(flights, 2023, folder / "pages"):
        result = await ingest_file(engine, path)
        assert result.ok, f"{path}: {result.error}"
    return engine


def q1(schema: Schema, engine: AsyncEngine) -> Callable[[], Awaitable[ExecutionResult]]:
    document = mode_document(Q1).document

    async def run() -> ExecutionResult:
        result = execute(
            schema._schema,
            document,
            variable_values=VARIABLES,
            context_value=Context(engine),
            is_awaitable=optimized_is_awaitable,
            **execution_context_class_kwargs(schema.execution_context_class),
        )
        if not isinstance(result, ExecutionResult):
            result = await result
        assert not result.errors, result.errors
        return result

    return run


async def floors(engine: AsyncEngine, compiled: Callable[[], Awaitable[ExecutionResult]]) -> Any:
    """(replayed statements, loader batches) of one compiled run, as runnable floors."""
    statements: list[tuple[str, Any]] = []
    batches: list[tuple[BatchLoader[Any, Any], list[Any]]] = []

    def record(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        statements.append((statement, params))

    def subclasses(cls: type) -> list[type]:
        return [c for sub in cls.__subclasses__() for c in (sub, *subclasses(sub))]

    originals = {cls: cls.__dict__["fetch"] for cls in subclasses(BatchLoader)}
    originals = {cls: fetch for cls, fetch in originals.items() if "fetch" in cls.__dict__}

    def spy_on(fetch: Any) -> Any:
        async def spy(self: BatchLoader[Any, Any], conn: Any, keys: list[Any]) -> Any:
            batches.append((self, list(keys)))
            return await fetch(self, conn, keys)

        return spy

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    for cls, fetch in originals.items():
        cls.fetch = spy_on(fetch)  # type: ignore[attr-defined]
    try:
        data = (await compiled()).data
    finally:
        for cls, fetch in originals.items():
            cls.fetch = fetch  # type: ignore[attr-defined]
        event.remove(engine.sync_engine, "before_cursor_execute", record)

    async def statement_floor() -> None:
        for statement, params in statements:
            async with engine.connect() as conn:
                result = await conn.exec_driver_sql(statement, params)
                [dict(row) for row in result.mappings()]
        orjson.dumps(data)

    async def loader_floor() -> None:
        for loader, keys in batches:
            await loader.batch_load_fn(keys)
        orjson.dumps(data)

    return statement_floor, loader_floor, len(statements)


async def timed(run: Callable[[], Awaitable[Any]], seconds: float) -> tuple[float, float]:
    """(wall ms, CPU ms) per run."""
    await run()
    count, wall, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - wall < seconds:
        await run()
        count += 1
    return (
        (time.perf_counter() - wall) / count * 1000,
        (time.process_time() - cpu) / count * 1000,
    )


async def compare(engine: AsyncEngine, seconds: float) -> None:
    standard = q1(build_schema(compiled=False), engine)
    compiled = q1(build_schema(compiled=True), engine)
    statement_floor, loader_floor, count = await floors(engine, compiled)
    response = orjson.dumps((await compiled()).data)
    print(f"Q1: {Q1}, first 100; {count} statements; {len(response):,} bytes of JSON")
    runs = [
        ("standard", standard),
        ("compiled", compiled),
        ("floor: statements replayed + dicts + orjson", statement_floor),
        ("floor: loader batches + orjson", loader_floor),
    ]
    results = {}
    for _ in range(2):  # interleaved twice: the machine may be busy with something else
        for name, run in runs:
            wall, cpu = await timed(run, seconds)
            best = results.get(name, (wall, cpu))
            results[name] = min(best, (wall, cpu))
    for name, (wall, cpu) in results.items():
        print(f"{name:45} {wall:8.1f} ms/op wall {cpu:8.1f} ms/op CPU {1000 / wall:6.1f} op/s")
    fast = results["compiled"][0]
    print(f"compiled vs standard: {results['standard'][0] / fast:.1f}x faster")
    for name in ("floor: statements replayed + dicts + orjson", "floor: loader batches + orjson"):
        print(f"compiled throughput vs {name}: {results[name][0] / fast:.0%}")


async def profile(engine: AsyncEngine, standard: bool, runs: int) -> None:
    run = q1(build_schema(compiled=not standard), engine)
    await run()
    profiler = Profiler(async_mode="disabled")
    profiler.start()
    for _ in range(runs):
        await run()
    profiler.stop()
    print(profiler.output_text(unicode=True, color=False))
    print("Hot spots (self time):")
    flat = profiler.output_text(unicode=True, color=False, flat=True, time="percent_of_total")
    print("\n".join(flat.splitlines()[:40]))


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--standard", action="store_true", help="the standard executor")
    parser.add_argument("--flights", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compare", action="store_true", help="time, not profile")
    parser.add_argument("--seconds", type=float, default=5.0, help="per timing (--compare)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="flightgraph-profile-") as folder:
        engine = await demo_engine(Path(folder), args.flights)
        try:
            if args.compare:
                await compare(engine, args.seconds)
            else:
                await profile(engine, args.standard, args.runs)
        finally:
            await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main())

"""bench/results/latest.md (tables, machine, method) and latest.png (matplotlib, Agg)."""

from __future__ import annotations

import os
import platform
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bench.floor_json.handlers import FLOOR_JSON_QUERIES
from bench.matrix import REST, Results, Row

VARIANT_NAMES = {
    "compiled": "flightgraph compiled",
    "standard": "flightgraph standard",
    "floor-json": "floor (JSON in SQL)",
    "floor": "floor (rows + orjson)",
    "postgraphile": "PostGraphile 5",
}
VARIANT_ORDER = ("floor-json", "floor", "compiled", "standard", "postgraphile")
# "vs floor" divides by the first of these that answered the query on that backend.
FLOOR_PREFERENCE = ("floor-json", "floor")
PGL_GOAL = 2.0  # compiled ÷ PostGraphile req/s, each query, PostgreSQL
FLOOR_JSON_GOAL = 0.7  # compiled ÷ JSON-in-SQL floor req/s, each query, both databases
QUERY_ORDER = ("Q1", REST, "Q2", "Q3", "Q4", "Q5")
QUERY_NAMES = {
    "Q1": "Q1 detailed x100",
    REST: "Q1 via LL2 REST",
    "Q2": "Q2 upcoming list",
    "Q3": "Q3 agency → launches x100",
    "Q4": "Q4 flight by id",
    "Q5": "Q5 page at 90%",
}


def _num(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}" if digits else f"{value:,.0f}"


def _ratio(value: float | None, floor: float | None) -> str:
    if value is None or not floor:
        return "n/a"
    return f"{value / floor:.2f}x"


def _floor_row(rows: list[Row], row: Row) -> Row | None:
    """The JSON-in-SQL floor's row where it answered the query, else the rows floor's."""
    # Q1's REST form is compared with the floor of Q1.
    query = "Q1" if row.query == REST else row.query
    for variant in FLOOR_PREFERENCE:
        for other in rows:
            if (other.flights, other.backend, other.variant, other.query) == (
                row.flights,
                row.backend,
                variant,
                query,
            ) and (other.per_second is not None or other.inprocess_ms is not None):
                return other
    return None


def _not_served(rows: list[Row]) -> list[Row]:
    """Empty rows (n/a throughout) for the queries the JSON-in-SQL floor does not serve (Q1),
    where it ran at all: the table says so instead of leaving the row out."""
    ran = {(r.backend, r.query) for r in rows if r.variant == "floor-json"}
    if not ran:
        return []
    backends = {backend for backend, _ in ran}
    return [
        Row(r.flights, r.backend, "floor-json", r.query)
        for r in rows
        if r.variant == "floor" and r.backend in backends and (r.backend, r.query) not in ran
    ]


def _sort_key(row: Row) -> tuple:
    return (
        row.backend != "sqlite",
        QUERY_ORDER.index(row.query),
        VARIANT_ORDER.index(row.variant),
    )


def matrix_table(results: Results, flights: int) -> str:
    rows = [r for r in results.rows if r.flights == flights]
    rows = sorted([*rows, *_not_served(rows)], key=_sort_key)
    lines = [
        "| backend | query | variant | req/s | vs floor | p50 ms | vs floor | p99 ms | vs floor "
        "| server CPU ms/request | vs floor | in-process ms | vs floor | SQL/request | vs floor "
        "| peak RSS MiB | vs floor |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        floor = _floor_row(results.rows, row)

        def pair(
            get: Callable[[Row], float | None], digits: int = 1, row: Row = row, floor=floor
        ) -> str:
            mine = get(row)
            base = get(floor) if floor else None
            return f"{_num(mine, digits)} | {_ratio(mine, base)}"

        lines.append(
            f"| {row.backend} | {QUERY_NAMES[row.query]} | {VARIANT_NAMES[row.variant]} "
            f"| {pair(lambda r: r.per_second)} | {pair(lambda r: r.p50_ms)} "
            f"| {pair(lambda r: r.p99_ms)} | {pair(lambda r: r.cpu_ms, 2)} "
            f"| {pair(lambda r: r.inprocess_ms, 2)} "
            f"| {pair(lambda r: None if r.statements is None else float(r.statements), 0)} "
            f"| {pair(lambda r: r.peak_rss_mib, 0)} |"
        )
    return "\n".join(lines)


def scale_table(results: Results, sizes: list[int]) -> str:
    head = " | ".join(f"{s:,}: p50 ms / in-process ms" for s in sizes)
    lines = [
        f"| backend | query | variant | {head} | in-process {sizes[-1]:,} ÷ {sizes[0]:,} |",
        "|---|---|---|" + "---:|" * len(sizes) + "---:|",
    ]
    keys = sorted(
        {(r.backend, r.query, r.variant) for r in results.rows if r.query in ("Q4", "Q5")},
        key=lambda k: (k[0] != "sqlite", k[1], VARIANT_ORDER.index(k[2])),
    )
    for backend, query, variant in keys:
        cells, first, last = [], None, None
        for size in sizes:
            row = next(
                (
                    r
                    for r in results.rows
                    if (r.flights, r.backend, r.query, r.variant) == (size, backend, query, variant)
                ),
                None,
            )
            if row is None:
                cells.append("n/a")
                continue
            cells.append(f"{_num(row.p50_ms)} / {_num(row.inprocess_ms, 2)}")
            first = row.inprocess_ms if first is None else first
            last = row.inprocess_ms
        growth = f"{last / first:.2f}x" if first and last else "n/a"
        lines.append(
            f"| {backend} | {QUERY_NAMES[query]} | {VARIANT_NAMES[variant]} "
            f"| {' | '.join(cells)} | {growth} |"
        )
    return "\n".join(lines)


def page_table(results: Results) -> str:
    sizes = sorted({p["first"] for p in results.page_statements})
    lines = [
        "| backend | variant | " + " | ".join(f"first: {s}" for s in sizes) + " |",
        "|---|---|" + "---:|" * len(sizes),
    ]
    keys = sorted({(p["backend"], p["variant"]) for p in results.page_statements})
    for backend, variant in keys:
        counts = {
            p["first"]: p["statements"]
            for p in results.page_statements
            if (p["backend"], p["variant"]) == (backend, variant)
        }
        cells = " | ".join(str(counts.get(s, "n/a")) for s in sizes)
        lines.append(f"| {backend} | {VARIANT_NAMES[variant]} | {cells} |")
    return "\n".join(lines)


def _find(results: Results, **match: object) -> Row | None:
    for row in results.rows:
        if all(getattr(row, k) == v for k, v in match.items()):
            return row
    return None


def _throughput_ratio(results: Results, flights: int, backend: str, query: str, base: str) -> str:
    """compiled ÷ ``base`` req/s, and whether it meets the goal for ``base``."""
    goal = PGL_GOAL if base == "postgraphile" else FLOOR_JSON_GOAL
    fg = _find(results, flights=flights, backend=backend, variant="compiled", query=query)
    other = _find(results, flights=flights, backend=backend, variant=base, query=query)
    if other is None and base == "floor-json" and query not in FLOOR_JSON_QUERIES:
        return "n/a (the JSON-in-SQL floor does not serve it)"
    if not (fg and other and fg.per_second and other.per_second):
        return "n/a"
    ratio = fg.per_second / other.per_second
    return f"{ratio:.2f}x ({'met' if ratio >= goal else 'NOT met'})"


def _acceptance(results: Results, flights: int) -> list[str]:
    """The issue's acceptance: compiled ≥ 2.0x PostGraphile on each query (PostgreSQL) and
    ≥ 0.7x the JSON-in-SQL floor on each query, on both databases."""
    ran = {r.query for r in results.rows if r.flights == flights and r.query != REST}
    names = [q for q in QUERY_ORDER if q in ran]
    out = [
        f"- {query} throughput, compiled ÷ PostGraphile (postgres; goal ≥ {PGL_GOAL:.1f}x): "
        + _throughput_ratio(results, flights, "postgres", query, "postgraphile")
        for query in names
    ]
    for backend in ("sqlite", "postgres"):
        out += [
            f"- {query} throughput, compiled ÷ JSON-in-SQL floor ({backend}; goal ≥ "
            f"{FLOOR_JSON_GOAL:.1f}x): "
            + _throughput_ratio(results, flights, backend, query, "floor-json")
            for query in names
        ]
    return out


def goals(results: Results, flights: int, sizes: list[int]) -> str:
    """The team's goals, reported (never asserted)."""
    out = []
    for backend in ("sqlite", "postgres"):
        q1 = _find(results, flights=flights, backend=backend, variant="compiled", query="Q1")
        floor = _find(results, flights=flights, backend=backend, variant="floor", query="Q1")
        share = (
            f"{q1.per_second / floor.per_second:.0%}"
            if q1 and floor and q1.per_second and floor.per_second
            else "n/a"
        )
        out.append(
            f"- Q1 throughput, compiled ÷ rows + orjson floor ({backend}; goal ≥ 50%): {share}"
        )
    out += _acceptance(results, flights)
    for page in sorted({(p["backend"], p["variant"]) for p in results.page_statements}):
        by_size = sorted(
            (p["first"], p["statements"])
            for p in results.page_statements
            if (p["backend"], p["variant"]) == page
        )
        counts = [count for _, count in by_size]
        if len(set(counts)) == 1:
            verdict = "flat"
        elif counts[-1] <= counts[0]:
            # Batches of one table merge when they happen to wait together: not exactly equal.
            verdict = "does not grow"
        else:
            verdict = "GROWS"
        shown = ", ".join(f"first: {first} → {count}" for first, count in by_size)
        out.append(
            f"- Q1 statements per request across page sizes, {page[1]} on {page[0]}: "
            f"{verdict} ({shown})"
        )
    for backend in ("sqlite", "postgres"):
        for query in ("Q4", "Q5"):
            small = _find(
                results, flights=sizes[0], backend=backend, variant="compiled", query=query
            )
            big = _find(
                results, flights=sizes[-1], backend=backend, variant="compiled", query=query
            )
            if small and big and small.inprocess_ms and big.inprocess_ms:
                growth = f"{big.inprocess_ms / small.inprocess_ms:.2f}x"
            else:
                growth = "n/a"
            out.append(
                f"- {query} in-process latency, {sizes[-1]:,} ÷ {sizes[0]:,} flights, compiled on "
                f"{backend} (goal: flat, ~1x): {growth}"
            )
    return "\n".join(out)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM; {platform.system()} "
        f"{platform.release()}; CPython {platform.python_version()}; Node {node}"
    )


def _q1_offsets(results: Results, flights: int) -> str:
    offsets = [
        f"{targets['q1_offset']} on {key.split('/')[0]}"
        for key, targets in results.targets.items()
        if key.endswith(f"/{flights}")
    ]
    return ", ".join(offsets) or "n/a"


def _note(meta: dict) -> str:
    load = meta.get("load_average")
    text = meta.get("note", "")
    if load:
        text += (
            f" Load average when the run ended: {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}"
            f" (1 / 5 / 15 min) on {os.cpu_count()} cores; anything above ~2 means other work"
            " shared the machine and the timings are noisy."
        )
    return f"**Caveats of this run.** {text.strip()}\n\n" if text.strip() else ""


def markdown(results: Results, meta: dict) -> str:
    main, sizes = meta["main_flights"], meta["sizes"]
    return f"""# Benchmarks (`make bench`)

{datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")} · {machine()} ·
PostgreSQL {meta["postgres_version"]}. Data sets: {", ".join(f"{s:,}" for s in sizes)} generated
flights (`flightgraph demo-data`, seed {meta["seed"]}); the full matrix at {main:,} flights,
Q4/Q5 at every size. This run took {meta["wall_seconds"]:.0f} s ({meta["build_seconds"]:.0f} s of
it building data sets).

**Method.** Each server is one uvicorn (or Node) process pinned to core 0 with `taskset`;
the load generator, autocannon 8 (bench/postgraphile/load.mjs), is pinned to core 1 and
keeps {meta["connections"]} keep-alive connections busy for {meta["seconds"]:g} s per point
after a warm-up of {meta["warmup_requests"]} requests — or, for a query whose warm-up
requests averaged over 250 ms (Q1 on flightgraph), for {meta["slow_requests"]} requests.
Q1 and its REST form (1.5 MB answers) are loaded over one connection, for every variant:
on one server core, concurrent Q1s only queue behind each other. (An earlier flightgraph
answered some of {meta["connections"]} concurrent Q1s with 503s on PostgreSQL: every loader
batch checked out a connection of its own, ~70 per request, beyond the pool's 10 + 10; a
compiled request now takes one.) PostgreSQL itself is not pinned. req/s, p50 and p99 come
from that run. *In-process* is
the median of {meta["repeat"]} calls ({meta["q1_repeat"]} for Q1), after
{meta["warmup_requests"]} unmeasured ones (none for Q1), of the ASGI app through httpx, no sockets;
*SQL/request* counts the engine's statements (`before_cursor_execute`) for one request;
PostGraphile's are not measured (n/a). *Server CPU* is the server process's user + system CPU
(psutil, children included) over the whole load run, warm-up included, per request answered;
PostgreSQL's own backends are not in it — a server that builds its JSON in SQL moves work there,
so compare req/s first. *Peak RSS* is the server process's VmHWM after all its
queries. Two floors on the same Starlette/uvicorn stack: *floor (JSON in SQL)*
(bench/floor_json) sends one statement per request that renders the whole `data` object in the
database (`json_build_object`/`json_agg` on PostgreSQL, `json_object`/`json_group_array` on
SQLite) and passes its text on unparsed; it serves Q2-Q5 (Q1: n/a). *floor (rows + orjson)*
(bench/floor) fetches rows and builds dicts for orjson, Q1 included. *vs floor* divides by the
JSON-in-SQL floor's figure for the same query and backend, and by the rows floor's where the
JSON-in-SQL floor does not answer (Q1 and its REST form). Before any timing every answer is
checked: the floors' and the compiled executor's JSON equals the standard executor's once
parsed, values and key order (white space aside); PostGraphile's and LL2 REST's answers equal
flightgraph's after the projections in bench/postgraphile_queries.py. flightgraph runs in the
development profile (no rate limiting) with the request guards lifted for Q1 (bench/servers.py).

## {main:,} flights

{matrix_table(results, main)}

Q1 pages 100 flights by id from offset {_q1_offsets(results, main)}. The generated data holds
integers beyond 32 bits (a spacecraft configuration's `payload_capacity` = 2^32, served as
`BigInt`): every flight is answered, none is skipped.
PostGraphile's Q1 document asks for every stored value of Q1's detailed shape (the same
fragments, aliased to flightgraph's keys, bench/postgraphile_queries.py); only `__typename`
values differ, and the check compares the whole answer.

{_note(meta)}## Q4 / Q5 latency by data size (goal: flat)

{scale_table(results, sizes)}

## SQL statements per request of Q1 by page size (goal: flat)

{page_table(results)}

## Goals (reported, not asserted)

{goals(results, main, sizes)}
"""


def plot(results: Results, meta: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    main, sizes = meta["main_flights"], meta["sizes"]
    figure, axes = plt.subplots(1, 3, figsize=(18, 5.5))
    for ax, backend in zip(axes[:2], ("sqlite", "postgres"), strict=True):
        variants = [v for v in VARIANT_ORDER if _find(results, backend=backend, variant=v)]
        width = 0.8 / max(len(variants), 1)
        for i, variant in enumerate(variants):
            values = []
            for query in QUERY_ORDER:
                row = _find(results, flights=main, backend=backend, variant=variant, query=query)
                values.append(row.per_second if row and row.per_second else 0)
            xs = [x + i * width for x in range(len(QUERY_ORDER))]
            ax.bar(xs, values, width, label=VARIANT_NAMES[variant])
        ax.set_xticks([x + width * (len(variants) - 1) / 2 for x in range(len(QUERY_ORDER))])
        ax.set_xticklabels(QUERY_ORDER)
        ax.set_yscale("log")
        ax.set_ylabel("requests/s (log)")
        ax.set_title(f"{backend}, {main:,} flights")
        ax.legend(fontsize=8)
    ax = axes[2]
    for backend in ("sqlite", "postgres"):
        for variant in ("floor-json", "floor", "compiled", "standard"):
            for query in ("Q4", "Q5"):
                points = [
                    (size, row.inprocess_ms)
                    for size in sizes
                    if (
                        row := _find(
                            results, flights=size, backend=backend, variant=variant, query=query
                        )
                    )
                    and row.inprocess_ms
                ]
                if points:
                    xs, ys = zip(*points, strict=True)
                    ax.plot(
                        xs, ys, marker="o", label=f"{query} {VARIANT_NAMES[variant]} ({backend})"
                    )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("flights")
    ax.set_ylabel("in-process latency, ms (log)")
    ax.set_title("Q4/Q5 latency by data size (goal: flat)")
    ax.legend(fontsize=6)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)

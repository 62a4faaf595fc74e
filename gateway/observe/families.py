"""The Prometheus metric families of one app, and what a finished request adds to them.

In one process each app has its own :class:`~prometheus_client.CollectorRegistry` (tests
build many apps). Under several workers (``PROMETHEUS_MULTIPROC_DIR`` set before the worker
imported prometheus-client) the values live in that directory's files, one set per process,
and a scrape sums them with a ``MultiProcessCollector``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from gateway.observe.labels import OperationNames, error_code
from gateway.observe.record import ERROR, RequestRecord

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

GRAPHQL = "graphql"
REST = "rest"
WEBSOCKET = "websocket"
UNMATCHED = "unmatched"  # a REST URL no route took (404, or refused before routing)

SQL_STATEMENT_BUCKETS = (0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 100)


class Metrics:
    """The app's metric families. ``operation_names`` bounds the ``operation`` label."""

    def __init__(self, operation_names: int = 100, multiprocess_dir: Path | None = None) -> None:
        from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

        self.multiprocess_dir = multiprocess_dir
        # Multiprocess values go to files; nothing is registered in-process.
        registry = None if multiprocess_dir else CollectorRegistry(auto_describe=True)
        self.registry = registry
        self.names = OperationNames(operation_names)
        self.graphql_operations = Counter(
            "flightgraph_graphql_operations",
            "GraphQL operations over HTTP, by operation name, outcome and first error code",
            ["operation", "outcome", "code"],
            registry=registry,
        )
        self.rest_requests = Counter(
            "flightgraph_rest_requests",
            "LL2 REST requests, by route template and status",
            ["route", "status"],
            registry=registry,
        )
        self.duration = Histogram(
            "flightgraph_request_duration_seconds",
            "HTTP request latency, by surface",
            ["surface"],
            registry=registry,
        )
        self.sql_statements = Histogram(
            "flightgraph_request_sql_statements",
            "SQL statements one HTTP request ran, by surface",
            ["surface"],
            buckets=SQL_STATEMENT_BUCKETS,
            registry=registry,
        )
        self.sql_seconds = Counter(
            "flightgraph_sql_seconds",
            "Seconds spent in SQL statements of HTTP requests, by surface",
            ["surface"],
            registry=registry,
        )
        self.executions = Counter(
            "flightgraph_executions",
            "Operations executed, by executor path (sql, breadth_first, express, standard) "
            "and why the standard executor ran",
            ["path", "reason"],
            registry=registry,
        )
        self.persisted = Counter(
            "flightgraph_persisted_queries",
            "Automatic persisted queries: hit, miss (PERSISTED_QUERY_NOT_FOUND), registered",
            ["result"],
            registry=registry,
        )
        self.refused = Counter(
            "flightgraph_rate_limited",
            "Requests and WebSocket operations refused by the rate limit, by surface",
            ["surface"],
            registry=registry,
        )
        self.pool_checked_out = Gauge(
            "flightgraph_db_pool_checked_out",
            "Serving database connections checked out of the pool",
            multiprocess_mode="livesum",
            registry=registry,
        )
        self.active_subscriptions = Gauge(
            "flightgraph_subscriptions_active",
            "GraphQL subscriptions running over WebSockets",
            multiprocess_mode="livesum",
            registry=registry,
        )
        self.sync_lag = Gauge(
            "flightgraph_sync_lag_seconds",
            "Age of the newest synced launch last_updated, read when scraped (NaN: none)",
            # Set by the worker a scrape reaches, just before it reads the files.
            multiprocess_mode="mostrecent",
            registry=registry,
        )

    # --- a finished request

    def observe(self, record: RequestRecord, status: int, seconds: float, route: str) -> None:
        """Count one HTTP request to ``record.surface`` (graphql or rest)."""
        surface = record.surface
        if surface is None:
            return
        if surface == GRAPHQL:
            notes = list(record.operations)
            if not notes and status < 400:
                return  # GraphiQL's page: no operation
            for note in notes or [None]:
                if note is None:  # refused before the view (rate limit, body too large, …)
                    operation, outcome, code = "none", ERROR, record.refusal
                else:
                    operation = self.names.label(note.name)
                    outcome, code = note.outcome, note.code
                self.graphql_operations.labels(operation, outcome, error_code(code)).inc()
        else:
            self.rest_requests.labels(route, str(status)).inc()
        self.duration.labels(surface).observe(seconds)
        self.sql_statements.labels(surface).observe(record.sql_statements)
        self.sql_seconds.labels(surface).inc(record.sql_seconds)
        for path, reason in record.executions:
            self.executions.labels(path, reason).inc()
        for result in record.persisted:
            self.persisted.labels(result).inc()
        if record.rate_limited:
            self.refused.labels(surface).inc(record.rate_limited)

    # --- a WebSocket's events, as they happen (record.LiveSink)

    def subscriptions(self, change: int) -> None:
        self.active_subscriptions.inc(change)

    def rate_limited(self, surface: str) -> None:
        self.refused.labels(surface).inc()

    # --- the database pool

    def watch_pool(self, engine: AsyncEngine) -> None:
        """Report the serving engine's checked-out connections: read from the pool at scrape
        time in one process; under several workers each one counts its checkouts and
        checkins in its own file (a scrape reaches one worker only)."""
        from sqlalchemy import event

        pool = getattr(getattr(engine, "sync_engine", None), "pool", None)
        if pool is None:  # a stand-in engine (tests)
            return

        def checked_out() -> float:
            count = getattr(pool, "checkedout", None)
            return float(count()) if count is not None else 0.0

        if self.multiprocess_dir is None:
            self.pool_checked_out.set_function(checked_out)
            return

        def checkout(*_: Any) -> None:
            self.pool_checked_out.inc()

        def checkin(*_: Any) -> None:
            self.pool_checked_out.dec()

        event.listen(pool, "checkout", checkout)
        event.listen(pool, "checkin", checkin)

    # --- the exposition

    def exposition(self) -> bytes:
        """The text format of every family (summed over the workers' files)."""
        from prometheus_client import CollectorRegistry, generate_latest
        from prometheus_client.multiprocess import MultiProcessCollector

        if self.multiprocess_dir is None:
            assert self.registry is not None
            return generate_latest(self.registry)
        registry = CollectorRegistry()
        MultiProcessCollector(registry, path=str(self.multiprocess_dir))
        return generate_latest(registry)

    def process_ended(self) -> None:
        """Drop this worker's live gauges from the shared files (at app shutdown)."""
        if self.multiprocess_dir is not None:
            import os

            from prometheus_client.multiprocess import mark_process_dead

            mark_process_dead(os.getpid(), path=str(self.multiprocess_dir))

"""``flightgraph serve``: prepare the database on first start, then run uvicorn."""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import math
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from gateway.observe.logs import JSON, JsonFormatter, uvicorn_log_config
from gateway.settings import Settings

log = logging.getLogger("flightgraph.serve")

# The workspace's shared LL2 reference data sits next to the repository checkout.
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = Path("ll2/samples/spacecraft_flights/2.3.0_detailed_single_flight859_seed.json")

# Bounds on slow and idle clients, per process. uvicorn's keep-alive (idle between
# requests) also bounds a new connection's wait for its first byte in our protocol, which
# adds header and body deadlines (gateway/http/deadlines.py).
HTTP_PROTOCOL = "gateway.http.deadlines:DeadlineHttpProtocol"
KEEP_ALIVE_SECONDS = 5
# Open connections plus running requests; past it uvicorn answers 503 (and closes) rather
# than queueing work it cannot do.
MAX_CONCURRENCY = 1000
BACKLOG = 2048  # accepted by the kernel before uvicorn takes them (uvicorn's default)
MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"  # read by prometheus-client when imported


class BadSettings(ValueError):
    """A setting ``serve`` cannot start with; the message names it."""


def is_embedded(database_url: str) -> bool:
    return make_url(database_url).get_backend_name() == "sqlite"


async def bootstrap(settings: Settings, shared: Path | None = SHARED) -> bool:
    """Migrate a database that has no migrations; if it is the embedded (SQLite) one, also
    load the seed flight (from ``shared``, when present) and ``settings.demo_flights``
    generated flights. Returns whether anything was done.

    A database that is already migrated is left alone (an outdated one is refused, see
    ``store.migrate.ensure_current``): demo data is only ever loaded into a fresh database.
    """
    from store.engine import create_engine
    from store.migrate import current_revision, ensure_current, upgrade

    engine = create_engine(settings.database_url)
    try:
        if await current_revision(engine) is not None:
            await ensure_current(engine)
            return False
        log.info("empty database: migrating %s", make_url(settings.database_url))
        await upgrade(engine)
        if not is_embedded(settings.database_url):
            return True
        await _load_demo(engine, settings, shared)
        return True
    finally:
        await engine.dispose()


async def _load_demo(engine: object, settings: Settings, shared: Path | None) -> None:
    from ingest.files import ingest_file

    paths: list[Path] = []
    if shared is not None and (shared / SEED).is_file():
        paths.append(shared / SEED)
    with tempfile.TemporaryDirectory(prefix="flightgraph-demo-") as folder:
        if settings.demo_flights:
            from ingest.demo_data import generate
            from ingest.demo_events import write_events

            flights = generate(settings.demo_flights, settings.demo_seed, Path(folder))
            paths += [*flights, *write_events(flights, Path(folder))]
        for path in paths:
            result = await ingest_file(engine, path)  # type: ignore[arg-type]
            if not result.ok:
                raise RuntimeError(f"loading demo data failed: {path}: {result.error}")
    log.info("loaded %d demo file(s) (%d generated flights)", len(paths), settings.demo_flights)


def run(settings: Settings) -> None:
    """Bootstrap the database, then serve until interrupted."""
    import asyncio

    import uvicorn

    configure_logging(settings.log_format)
    options = uvicorn_options(settings)  # before the database: a bad setting fails at once
    check_keys_file(settings)
    asyncio.run(bootstrap(settings))
    if settings.workers > 1:
        with metrics_directory(settings):
            # Worker processes build their own app from the environment: hand them these
            # settings (flags included) through it.
            os.environ.update(_environment(settings))
            uvicorn.run("gateway.app:create_app", factory=True, workers=settings.workers, **options)
        return
    from gateway.app import create_app

    uvicorn.run(create_app(settings), **options)


def configure_logging(log_format: str) -> None:
    """This process's logging before uvicorn starts (uvicorn then configures its own, and
    each worker's, from ``uvicorn_options``)."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(message)s")
    if log_format == JSON:
        for handler in logging.getLogger().handlers:
            handler.setFormatter(JsonFormatter())
    logging.getLogger("alembic").setLevel(logging.WARNING)  # its per-plugin chatter


@contextlib.contextmanager
def metrics_directory(settings: Settings) -> Iterator[Path | None]:
    """prometheus-client's multiprocess directory for the workers: a temporary one, removed
    when serving ends (stale files would add a previous run's counts), unless
    ``PROMETHEUS_MULTIPROC_DIR`` names one already (then it is the operator's to clean)."""
    if not settings.metrics_enabled:
        yield None
        return
    if settings.metrics_multiprocess_dir is not None:
        yield settings.metrics_multiprocess_dir
        return
    folder = Path(tempfile.mkdtemp(prefix="flightgraph-metrics-"))
    os.environ[MULTIPROCESS_DIR] = str(folder)
    try:
        yield folder
    finally:
        os.environ.pop(MULTIPROCESS_DIR, None)
        shutil.rmtree(folder, ignore_errors=True)


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """What uvicorn is run with: the address, proxy trust, the slow-client bounds and, for
    JSON logs, a logging configuration (flightgraph.access replaces uvicorn's access log)."""
    proxies = trusted_proxies(settings.trusted_proxies)
    logs: dict[str, Any] = {}
    if settings.log_format == JSON:
        logs = {"log_config": uvicorn_log_config(), "access_log": False}
    return {
        **logs,
        "host": settings.host,
        "port": settings.port,
        # uvicorn's defaults believe X-Forwarded-For from 127.0.0.1 (or $FORWARDED_ALLOW_IPS):
        # behind nothing, anyone on the host could pick the address a limit counts by.
        "proxy_headers": bool(proxies),
        "forwarded_allow_ips": proxies,
        "http": HTTP_PROTOCOL,
        "timeout_keep_alive": KEEP_ALIVE_SECONDS,
        "limit_concurrency": MAX_CONCURRENCY,
        "backlog": BACKLOG,
        # Frames over the guard's limit are refused by uvicorn before they are buffered
        # (its default would take 16 MiB first); the guard closes with 1009 at the same size.
        "ws_max_size": settings.ws_max_message_bytes,
        # Requests in flight at SIGTERM may finish (they are bounded by the execution
        # timeout); past that the server stops anyway instead of waiting on a client.
        "timeout_graceful_shutdown": math.ceil(settings.execution_timeout) + 5,
    }


def trusted_proxies(text: str) -> list[str]:
    """The addresses and networks (CIDR) in a comma-separated ``text``, checked: uvicorn
    would take a typo for a host name that never matches, and trust nobody silently."""
    proxies = [item.strip() for item in text.split(",") if item.strip()]
    if proxies == ["*"]:  # every peer: only where nothing but the proxy can reach the port
        return proxies
    for proxy in proxies:
        try:
            if "/" in proxy:
                ipaddress.ip_network(proxy)  # strict, as uvicorn's: 10.0.0.1/8 is refused
            else:
                ipaddress.ip_address(proxy)  # uvicorn honours "*" only on its own
        except ValueError:
            raise BadSettings(
                f"FLIGHTGRAPH_TRUSTED_PROXIES: {proxy!r} is not an IP address or network "
                "(e.g. 10.0.0.0/8)"
            ) from None
    return proxies


def check_keys_file(settings: Settings) -> None:
    """Refuse to start on a keys file that does not parse (workers would each fail)."""
    from gateway.http.apikeys import KeysFileError, read_keys

    if settings.api_keys_file is None:
        return
    try:
        read_keys(settings.api_keys_file)
    except (OSError, KeysFileError) as error:
        raise BadSettings(f"FLIGHTGRAPH_API_KEYS_FILE: {error}") from None


def _environment(settings: Settings) -> dict[str, str]:
    return {
        f"FLIGHTGRAPH_{name.upper()}": str(value)
        for name, value in settings.model_dump().items()
        if value is not None
    }

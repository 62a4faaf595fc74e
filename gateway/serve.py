"""``flightgraph serve``: prepare the database on first start, then run uvicorn."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url

from gateway.settings import Settings

log = logging.getLogger("flightgraph.serve")

# The workspace's shared LL2 reference data sits next to the repository checkout.
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = Path("ll2/samples/spacecraft_flights/2.3.0_detailed_single_flight859_seed.json")


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

            paths += generate(settings.demo_flights, settings.demo_seed, Path(folder))
        for path in paths:
            result = await ingest_file(engine, path)  # type: ignore[arg-type]
            if not result.ok:
                raise RuntimeError(f"loading demo data failed: {path}: {result.error}")
    log.info("loaded %d demo file(s) (%d generated flights)", len(paths), settings.demo_flights)


def run(settings: Settings) -> None:
    """Bootstrap the database, then serve until interrupted."""
    import asyncio

    import uvicorn

    logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)  # its per-plugin chatter
    asyncio.run(bootstrap(settings))
    if settings.workers > 1:
        # Worker processes build their own app from the environment: hand them these
        # settings (flags included) through it.
        os.environ.update(_environment(settings))
        uvicorn.run(
            "gateway.app:create_app",
            factory=True,
            host=settings.host,
            port=settings.port,
            workers=settings.workers,
        )
        return
    from gateway.app import create_app

    uvicorn.run(create_app(settings), host=settings.host, port=settings.port)


def _environment(settings: Settings) -> dict[str, str]:
    return {
        f"FLIGHTGRAPH_{name.upper()}": str(value)
        for name, value in settings.model_dump().items()
        if value is not None
    }

"""The `flightgraph` command line."""

from __future__ import annotations

import argparse
import asyncio
import functools
import gc
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: `flightgraph --help` needs none of them
    from rich.console import Console

    from gateway.settings import Settings


@functools.cache
def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr)


# Show a progress bar only where waiting is long enough to wonder.
PROGRESS_MIN_BYTES = 8 * 1024 * 1024
# Renewed while the sync runs, so a crashed holder on another host frees it this soon.
SYNC_LEASE = timedelta(minutes=5)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="flightgraph", description=__doc__)
    parser.add_argument("--database-url", help="overrides FLIGHTGRAPH_DATABASE_URL / DATABASE_URL")
    commands = parser.add_subparsers(dest="command", required=True)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="apply migrations up to the newest")
    db_commands.add_parser("current", help="print the database's migration revision")

    ingest = commands.add_parser("ingest", help="load LL2 2.3.0 JSON files or folders")
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    ingest.add_argument("--endpoint", help="LL2 endpoint of the records (default: from their url)")
    ingest.add_argument("--fail-fast", action="store_true", help="stop at the first bad file")

    sync = commands.add_parser("sync", help="pull LL2 2.3.0 into the store (resumable)")
    sync.add_argument("--endpoint", action="append", help="repeatable; default: all")
    sync.add_argument("--since", type=_timestamp, help="pull what changed since (ISO 8601)")
    sync.add_argument("--api-url", help="default https://ll.thespacedevs.com/2.3.0")
    sync.add_argument("--dev", action="store_true", help="use the lldev development host")
    sync.add_argument("--token", help="LL2 API key (sent as Authorization: Token …)")
    sync.add_argument("--full", action="store_true", help="full pass even where incremental")
    sync.add_argument("--dry-run", action="store_true", help="show the plan, fetch nothing")
    sync.add_argument("--stop-on-bad-page", action="store_true", help="default: skip, report")

    serve = commands.add_parser("serve", help="serve GraphQL (GraphiQL at /graphql)")
    serve.add_argument("--host", help="default 127.0.0.1 (FLIGHTGRAPH_HOST)")
    serve.add_argument("--port", type=int, help="default 8000 (FLIGHTGRAPH_PORT)")
    serve.add_argument("--workers", type=int, help="uvicorn worker processes (default 1)")
    serve.add_argument(
        "--sync-every", type=_duration, help="background incremental sync, e.g. 15m, 1h, 30s"
    )
    serve.add_argument("--sync-api-url", help="LL2 API root for --sync-every")

    keys = commands.add_parser("keys", help="issue, list and revoke API keys")
    keys_file = argparse.ArgumentParser(add_help=False)
    keys_file.add_argument("--file", type=Path, help="default FLIGHTGRAPH_API_KEYS_FILE")
    keys_commands = keys.add_subparsers(dest="keys_command", required=True)
    add = keys_commands.add_parser(
        "add", parents=[keys_file], help="issue a key: printed once, only its hash is kept"
    )
    add.add_argument("name", metavar="NAME")
    keys_commands.add_parser("list", parents=[keys_file], help="names of the issued keys")
    revoke = keys_commands.add_parser(
        "revoke", parents=[keys_file], help="revoke the key named NAME"
    )
    revoke.add_argument("name", metavar="NAME")

    commands.add_parser("export-schema", help="print the schema's SDL (what schema.graphql holds)")

    demo = commands.add_parser("demo-data", help="write generated LL2-shaped pages")
    demo.add_argument("--flights", type=int, default=1000)
    demo.add_argument("--seed", type=int, default=2023)
    demo.add_argument("--out", type=Path, required=True)
    demo.add_argument(
        "--hostile",
        action="store_true",
        help="odd text everywhere (HTML, SQL-looking, unicode, empty names): the tests' data",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "export-schema":  # needs no settings and no database
        from schema.export import sdl

        sys.stdout.write(sdl())
        return 0
    from sqlalchemy.exc import SQLAlchemyError

    from gateway.settings import Settings
    from store.migrate import OutdatedDatabase

    overrides = {"database_url": args.database_url} if args.database_url else {}
    if args.command == "serve":
        names = ("host", "port", "workers", "sync_every", "sync_api_url")
        overrides |= {k: v for k in names if (v := getattr(args, k))}
    settings = Settings(**overrides)
    try:
        if args.command == "db":
            return asyncio.run(_db(settings, args.db_command))
        if args.command == "ingest":
            return asyncio.run(_ingest(settings, args.paths, args.endpoint, args.fail_fast))
        if args.command == "sync":
            return asyncio.run(_sync(settings, args))
        if args.command == "serve":
            from gateway.serve import BadSettings, run

            try:
                run(settings)
            except BadSettings as error:
                _error(str(error))
                return 2
            return 0
        if args.command == "keys":
            return _keys(args.file or settings.api_keys_file, args.keys_command, args)
        if args.command == "demo-data":
            return _demo(args.flights, args.seed, args.out, args.hostile)
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except (OSError, SQLAlchemyError, OutdatedDatabase) as error:
        # The database is unreachable or not migrated: say so, no traceback.
        _error(f"database {settings.database_url!r}: {error}")
        return 2
    raise AssertionError(args.command)


async def _db(settings: Settings, command: str) -> int:
    from store.engine import create_engine
    from store.migrate import current_revision, upgrade

    engine = create_engine(settings.database_url)
    try:
        if command == "upgrade":
            await upgrade(engine)
        _console().print(f"revision: {await current_revision(engine)}")
    finally:
        await engine.dispose()
    return 0


async def _ingest(
    settings: Settings, paths: list[Path], endpoint: str | None, fail_fast: bool
) -> int:
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    from ingest.files import expand_paths, ingest_file, resolve_endpoint
    from ingest.normalise import WalkMemo
    from store.changes import create_broker
    from store.engine import create_engine
    from store.migrate import ensure_current

    if endpoint:
        try:
            resolve_endpoint(endpoint)
        except ValueError as error:
            _error(str(error))
            return 2
    files = list(expand_paths(paths))
    engine = create_engine(settings.database_url)
    totals: dict[str, Counter[str]] = {}
    failed = 0
    memo = WalkMemo()
    broker = create_broker(settings.redis_url) if settings.redis_url else None
    notify = broker.publish if broker else None
    try:
        await ensure_current(engine)
        with Progress(
            "{task.description}",
            BarColumn(),
            DownloadColumn(),
            TimeRemainingColumn(),
            console=_console(stderr=True),
            transient=True,
            disable=not _console(stderr=True).is_terminal,
        ) as progress:
            for path in files:
                size = path.stat().st_size if path.is_file() else 0
                task = progress.add_task(path.name, total=size, visible=size >= PROGRESS_MIN_BYTES)
                result = await ingest_file(
                    engine,
                    path,
                    endpoint,
                    lambda done, t=task: progress.update(t, completed=done),
                    memo,
                    notify,
                )
                progress.remove_task(task)
                # What the run keeps (the walk memo) is long-lived and acyclic: move it out of
                # the collector's way instead of rescanning it on every full collection.
                gc.freeze()
                if not result.ok:
                    failed += 1
                    _error(f"{path}: {result.error}")
                    if fail_fast:
                        break
                    continue
                for table, counts in result.counts.items():
                    totals.setdefault(table, Counter()).update(counts)
    finally:
        if broker is not None:
            await broker.close()
        await engine.dispose()
    _print_summary(totals, len(files), failed)
    return 1 if failed else 0


def _duration(text: str) -> float:
    """Seconds in '90', '30s', '15m', '1h' or '1d'."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    number, unit = (text[:-1], text[-1]) if text and text[-1] in units else (text, "s")
    try:
        seconds = float(number) * units[unit]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a duration: {text!r} (try 30s, 15m, 1h)") from None
    if seconds <= 0:
        raise argparse.ArgumentTypeError(f"duration must be positive: {text!r}")
    return seconds


def _timestamp(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO-8601 time: {text!r}") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


async def _sync(settings: Settings, args: argparse.Namespace) -> int:
    from gateway.sync_view import SyncView
    from ingest.sync import (
        DEFAULT_API_URL,
        DEV_API_URL,
        ENDPOINTS,
        LL2Client,
        LL2Error,
        Syncer,
        SyncStopped,
    )
    from ingest.sync.state import clear_dead_lease, hold_lease, this_process
    from store.changes import create_broker
    from store.engine import create_engine
    from store.migrate import ensure_current

    endpoints = args.endpoint or list(ENDPOINTS)
    unknown = sorted(set(endpoints) - set(ENDPOINTS))
    if unknown:
        _error(f"unknown endpoint(s) {', '.join(unknown)}; known: {', '.join(ENDPOINTS)}")
        return 2
    api_url = args.api_url or (DEV_API_URL if args.dev else DEFAULT_API_URL)
    engine = create_engine(settings.database_url)
    broker = create_broker(settings.redis_url) if settings.redis_url else None
    client = LL2Client(
        api_url, token=args.token or settings.ll2_token, attempts=settings.sync_attempts
    )
    try:
        await ensure_current(engine)
        view = SyncView(_console(stderr=True))
        syncer = Syncer(
            engine,
            client,
            full=args.full,
            since=args.since,
            progress=view.update,
            notify=broker.publish if broker else None,
            stop_on_bad_page=args.stop_on_bad_page,
        )
        state = await client.start()
        _console().print(
            f"LL2 budget: {state.limit - state.used} of {state.limit} requests "
            f"per {state.window_secs:.0f} s"
        )
        if args.dry_run:
            for endpoint in endpoints:
                report, _ = await syncer.plan(endpoint)
                _console().print(
                    f"{endpoint}: {report.mode} {report.start_url or ''}", highlight=False
                )
            return 0
        await clear_dead_lease(engine, "sync")
        async with hold_lease(engine, "sync", this_process(), SYNC_LEASE) as held:
            if not held:
                _error("another sync holds the lease; try again when it has finished")
                return 3
            with view:
                reports = await syncer.run(endpoints)
    except (LL2Error, SyncStopped) as error:
        _error(str(error))
        return 1
    finally:
        await client.aclose()
        if broker is not None:
            await broker.close()
        await engine.dispose()
    bad = [page for report in reports for page in report.bad_pages]
    for page in bad:
        _error(f"bad page {page['url']}: {page['error']}")
    view.summary(_console(), reports)
    return 1 if bad else 0


def _keys(path: Path | None, command: str, args: argparse.Namespace) -> int:
    from gateway.http.apikeys import KeysFileError, add_key, read_keys, revoke_key

    if path is None:
        _error("no keys file: set FLIGHTGRAPH_API_KEYS_FILE or pass --file")
        return 2
    try:
        if command == "add":
            key = add_key(path, args.name)
            # Plain print, alone on stdout: the key is shown this once, and must survive
            # copying and piping whole (no styling, no wrapping).
            print(key, flush=True)
            _note(f"issued {args.name!r}; {path} keeps only its hash: store the key now")
        elif command == "list":
            for issued in read_keys(path):
                print(issued.label)  # its name, or a fingerprint of an unnamed entry
        elif command == "revoke":
            if not revoke_key(path, args.name):
                _error(f"no key named {args.name!r} in {path}")
                return 1
            _note(f"revoked {args.name!r}; servers reading {path} drop it within seconds")
    except (OSError, KeysFileError) as error:
        _error(str(error))
        return 2
    return 0


def _error(message: str) -> None:
    # Plain text, one line per error: greppable, never wrapped or styled.
    print(f"error: {message}", file=sys.stderr, flush=True)


def _note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _print_summary(totals: dict[str, Counter[str]], files: int, failed: int) -> None:
    from rich.table import Table

    table = Table(title=f"{files - failed} of {files} file(s) ingested")
    for heading in ("table", "inserted", "updated", "unchanged", "skipped"):
        table.add_column(
            heading, justify="left" if heading == "table" else "right", no_wrap=heading == "table"
        )
    for name, counts in sorted(totals.items()):
        table.add_row(
            name, *(str(counts[k]) for k in ("inserted", "updated", "unchanged", "skipped"))
        )
    _console().print(table)


def _demo(flights: int, seed: int, out_dir: Path, hostile: bool) -> int:
    from ingest.demo_data import generate
    from ingest.demo_events import write_events

    paths = generate(flights, seed, out_dir, hostile=hostile)
    events = write_events(paths, out_dir)
    _console().print(
        f"wrote {flights} flights in {len(paths)} page(s) and their events in {len(events)}"
        f" page(s) to {out_dir}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

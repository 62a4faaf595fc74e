"""The async engine: SQLite (WAL, foreign keys on) or PostgreSQL, from a URL."""

from __future__ import annotations

import base64
import math
import os
import time
from datetime import UTC
from pathlib import Path
from typing import Any

from sqlalchemy import event, exc
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.util import await_

from store.types import moment


def create_engine(url: str, sqlite_statement_timeout: float = 0, **options: Any) -> AsyncEngine:
    """An AsyncEngine for ``url``; a SQLite file's folder is created if missing. SQLite
    statements running longer than ``sqlite_statement_timeout`` seconds are interrupted
    (0: never; PostgreSQL has its own ``statement_timeout``)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        is_file = bool(database) and database != ":memory:" and not database.startswith("file:")
        if is_file:
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, **options)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        event.listen(engine.sync_engine, "connect", _sqlite_functions)
        if is_file:
            _watch_file(engine, Path(database).expanduser())
        if sqlite_statement_timeout > 0:
            _interrupt_after(engine, sqlite_statement_timeout)
        return engine
    return create_async_engine(url, **options)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers run while ingest writes; foreign keys make SQLite check what
    # PostgreSQL checks, so both backends reject the same broken data.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _b64url(text: str | None) -> str | None:
    if text is None:
        return None
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _real(value: float | None) -> str | None:
    return None if value is None else repr(float(value))


def _utc(text: Any) -> str | None:
    """An ISO-8601 timestamp with an offset, in UTC as LL2 writes it (``…Z``); NULL for
    anything else. A timestamp that cannot be moved to UTC raises (the statement fails)."""
    parsed = moment(text)
    if parsed is None:
        return None
    try:
        return parsed.astimezone(UTC).isoformat().replace("+00:00", "Z")
    except OverflowError:  # sqlite3 would report it as "string or blob too big"
        raise StatementFailed(f"{text!r} is out of range in UTC") from None


class StatementFailed(Exception):
    """Raised inside SQLite by ``fg_fail``: the statement cannot give the right answer."""


def _fail(reason: str) -> None:
    raise StatementFailed(reason)


def _sqlite_functions(dbapi_connection: Any, _record: Any) -> None:
    # What PostgreSQL has and SQLite lacks, for statements that render JSON
    # (loaders.json_sql): url-safe base64, Python's shortest float form, timestamps in
    # JSON text, and an error.
    dbapi_connection.create_function("fg_b64url", 1, _b64url, deterministic=True)
    dbapi_connection.create_function("fg_utc", 1, _utc, deterministic=True)
    dbapi_connection.create_function("fg_real", 1, _real, deterministic=True)
    dbapi_connection.create_function("fg_fail", 1, _fail)


PROGRESS_STEPS = (
    10_000  # SQLite VM steps between deadline checks (well under a millisecond of work)
)


def _interrupt_after(engine: AsyncEngine, seconds: float) -> None:
    """SQLite has no ``statement_timeout``: a statement runs in aiosqlite's thread until it
    ends, whoever waits for it, and holds its connection (and a shutdown) meanwhile. Each
    connection gets a progress handler that interrupts the statement once it has run past
    its deadline; the deadline is set as the statement starts and cleared when it ends, so a
    COMMIT or ROLLBACK that follows is never interrupted. A statement whose request was
    cancelled is interrupted at once."""

    @event.listens_for(engine.sync_engine, "connect")
    def install(_dbapi_connection: Any, record: Any) -> None:
        deadline = record.info["deadline"] = [math.inf]  # read by the driver's thread

        def past_deadline() -> int:
            return 1 if time.monotonic() > deadline[0] else 0

        await_(record.driver_connection.set_progress_handler(past_deadline, PROGRESS_STEPS))

    def cell(connection: Any) -> list[float] | None:
        return connection.connection.info.get("deadline")  # type: ignore[no-any-return]

    @event.listens_for(engine.sync_engine, "before_cursor_execute")
    def start(connection: Any, *_: Any) -> None:
        if (deadline := cell(connection)) is not None:
            deadline[0] = time.monotonic() + seconds

    @event.listens_for(engine.sync_engine, "after_cursor_execute")
    def end(connection: Any, *_: Any) -> None:
        if (deadline := cell(connection)) is not None:
            deadline[0] = math.inf

    @event.listens_for(engine.sync_engine, "handle_error")
    def failed(context: Any) -> None:
        connection = context.connection
        if connection is None or connection.closed or not (found := cell(connection)):
            return
        if isinstance(context.original_exception, Exception):
            found[0] = math.inf  # the statement has ended
        else:
            # The awaiting task was cancelled (its request timed out, its client left) while
            # the statement still runs in the driver's thread: stop it now, not at its deadline.
            found[0] = -math.inf


def _file_identity(path: Path) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_dev, status.st_ino)


CHANGED_WHILE_OPENING = ("changed while opening",)


def _watch_file(engine: AsyncEngine, path: Path) -> None:
    """A pooled connection keeps the file it opened; checking it out after that file was
    replaced or removed would serve a file that is no longer the database. One ``stat`` per
    checkout notices, and the pool opens the path again (as it is now)."""

    opening: dict[int, tuple[int, int] | None] = {}  # by connection record, while it opens

    @event.listens_for(engine.sync_engine, "do_connect")
    def before_opening(_dialect: Any, record: Any, _args: Any, _params: Any) -> None:
        opening[id(record)] = _file_identity(path)

    @event.listens_for(engine.sync_engine, "connect")
    def remember(_dbapi_connection: Any, record: Any) -> None:
        # Which file the connection opened is only sure if the path held the same file
        # before and after opening it: a file put in place meanwhile (the database moved
        # back over the empty one SQLite made while it was missing) would otherwise be taken
        # for the one opened, and the connection kept on the empty file for good. Such a
        # connection is marked, and opened again at its next checkout. (Where nothing was
        # there before, the open made the file that is there now.)
        before = opening.pop(id(record), None)
        now = _file_identity(path)
        same = before is None or before == now
        record.info["file"] = now if same else CHANGED_WHILE_OPENING

    @event.listens_for(engine.sync_engine, "checkout")
    def check(_dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if record.info.get("file") != _file_identity(path):
            raise exc.DisconnectionError(f"{path} was replaced or removed")

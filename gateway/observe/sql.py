"""SQL statements and their time, added to the record of the request that ran them.

SQLAlchemy's cursor events run in the greenlet of the statement, which carries the calling
task's context variables, so :func:`gateway.observe.record.current` is that request's.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.observe.record import current

STARTED = "flightgraph_sql_started"


def count_statements(engine: AsyncEngine) -> None:
    """Count ``engine``'s statements into the current request's record (once per engine:
    the listeners do nothing outside an observed request, so they stay on it)."""
    sync = getattr(engine, "sync_engine", None)
    if sync is None:  # a stand-in engine (tests): nothing to listen to
        return
    if not event.contains(sync, "before_cursor_execute", _before):
        event.listen(sync, "before_cursor_execute", _before)
        event.listen(sync, "after_cursor_execute", _after)


def _before(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, *_: Any) -> None:
    record = current()
    if record is None:
        return
    record.sql_statements += 1
    conn.info[STARTED] = time.perf_counter()


def _after(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, *_: Any) -> None:
    record = current()
    started = conn.info.pop(STARTED, None)
    if record is not None and started is not None:
        record.sql_seconds += time.perf_counter() - started

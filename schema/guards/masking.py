"""Error masking: what a client may see of an error the server did not mean to raise.

GraphQL errors we raise (bad input, limits, validation) stay readable. Anything else reaches
the client as a generic message with an error id; the id is logged with the traceback, so
a report quoting it finds the cause. A database that cannot be reached is not a bug: it gets
``SERVICE_UNAVAILABLE`` (the HTTP layer answers 503) and no traceback.
"""

from __future__ import annotations

import logging
import sqlite3
import uuid

from graphql import GraphQLError
from sqlalchemy import exc as sa

from schema.errors import BAD_USER_INPUT
from schema.guards.codes import INTERNAL, SERVICE_UNAVAILABLE, TIMEOUT

log = logging.getLogger("flightgraph.errors")

UNAVAILABLE_MESSAGE = "The database is unavailable; try again shortly."


def is_unavailable(error: BaseException) -> bool:
    """Whether ``error`` (or what caused it) means the database cannot be reached now:
    refused or dropped connections, a full pool, a missing or locked SQLite file."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, sa.DBAPIError) and current.connection_invalidated:
            return True
        if isinstance(current, (sa.OperationalError, sa.InterfaceError, sa.TimeoutError)):
            return True
        if isinstance(current, OSError):  # refused, reset, unreachable, connect timeout
            return True
        kind = type(current)
        if kind.__module__.startswith("asyncpg") and "Connection" in kind.__name__:
            return True
        current = current.__cause__ or current.__context__
    return False


# SQLite's words for a statement too big or a value it cannot take, built from what a
# client sent (PostgreSQL says so with SQLSTATE classes 22 and 54).
_SQLITE_REFUSALS = (
    "pattern too complex",
    "string or blob too big",
    "too many sql variables",
    "parser stack overflow",
    "expression tree is too large",
    "too many terms",
)


def refused_input(error: BaseException) -> str | None:
    """The database's reason when it refused a value or a statement size that comes from the
    request (a data exception, a program limit), not because it is down or broken; ``None``
    otherwise. The reason is the driver's first line: no SQL text."""
    for outer in _chain(error):
        if isinstance(outer, sa.DataError):
            return _first_line(outer.orig or outer)
        current = getattr(outer, "orig", None) or outer  # SQLAlchemy wraps the driver's
        sqlstate = getattr(current, "sqlstate", None) or ""
        if sqlstate[:2] in ("22", "54"):
            return _first_line(current)
        if isinstance(current, sqlite3.Error):
            text = str(current)
            if any(sign in text.lower() for sign in _SQLITE_REFUSALS):
                return _first_line(current)
    return None


def _first_line(error: BaseException) -> str:
    text = str(error).split("\n", 1)[0].strip()
    return text[:200] or type(error).__name__


def is_statement_timeout(error: BaseException) -> bool:
    """Whether the database stopped a statement that ran past its ``statement_timeout``
    (PostgreSQL's, or the deadline :mod:`store.engine` gives SQLite's statements)."""
    return any(
        type(e).__name__ == "QueryCanceledError"
        or (isinstance(e, sqlite3.OperationalError) and str(e) == "interrupted")
        for e in _chain(error)
    )


def _chain(error: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and all(current is not e for e in seen):
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def mask_errors(errors: list[GraphQLError]) -> list[GraphQLError]:
    """``errors`` as a client may see them (idempotent: masked errors pass unchanged)."""
    return [_mask(error) for error in errors]


def _mask(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return error
    if is_statement_timeout(original):
        return _replace(error, "The query took too long and was stopped.", {"code": TIMEOUT})
    reason = refused_input(original)
    if reason is not None:  # before outages: SQLite reports both as OperationalError
        message = f"The database refused this request's input: {reason}"
        return _replace(error, message, {"code": BAD_USER_INPUT})
    if is_unavailable(original):
        log.warning("database unavailable: %s: %s", type(original).__name__, original)
        return _replace(error, UNAVAILABLE_MESSAGE, {"code": SERVICE_UNAVAILABLE})
    error_id = uuid.uuid4().hex[:16]
    log.error(
        "unexpected error %s at %s",
        error_id,
        ".".join(map(str, error.path or [])) or "(no path)",
        exc_info=(type(original), original, original.__traceback__),
    )
    message = f"Internal server error (error id {error_id})."
    return _replace(error, message, {"code": INTERNAL, "errorId": error_id})


def _replace(error: GraphQLError, message: str, extensions: dict[str, str]) -> GraphQLError:
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions=extensions,
    )

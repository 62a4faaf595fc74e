"""What one HTTP request did, noted by the code that serves it and read when it ends.

The middleware (:mod:`gateway.observe.middleware`) starts a :class:`RequestRecord` in a
context variable; the view, the APQ store, the rate limiter and the SQL events add to it
through :func:`current`, so none of them needs the metrics or the logger.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Protocol

OK = "ok"
ERROR = "error"

# APQ events
HIT = "hit"
MISS = "miss"
REGISTERED = "registered"


@dataclass(frozen=True)
class OperationNote:
    """One GraphQL operation as answered: its name as the client gave it, and how it went."""

    name: str | None
    outcome: str  # OK / ERROR
    code: str | None = None  # the first error's extensions.code


class LiveSink(Protocol):
    """Where a WebSocket's events go as they happen (the socket's record ends much later)."""

    def subscriptions(self, change: int) -> None: ...

    def rate_limited(self, surface: str) -> None: ...


@dataclass
class RequestRecord:
    request_id: str
    surface: str | None = None  # "graphql" / "rest" / "websocket"; None for the rest
    operations: list[OperationNote] = field(default_factory=list)
    executions: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    persisted: list[str] = field(default_factory=list)  # HIT / MISS / REGISTERED
    refusal: str | None = None  # a code answered before the view ran (RATE_LIMITED, …)
    rate_limited: int = 0
    sql_statements: int = 0
    sql_seconds: float = 0.0
    live: LiveSink | None = None

    def operation(self, name: str | None, outcome: str, code: str | None = None) -> None:
        self.operations.append(OperationNote(name, outcome, code))

    def execution(self, path: str, reason: str) -> None:
        self.executions.append((path, reason))


_CURRENT: ContextVar[RequestRecord | None] = ContextVar("flightgraph_request", default=None)


def current() -> RequestRecord | None:
    """The record of the request being served here, if it is observed."""
    return _CURRENT.get()


def start(record: RequestRecord) -> object:
    """Make ``record`` current; returns the token :func:`stop` takes."""
    return _CURRENT.set(record)


def stop(token: object) -> None:
    _CURRENT.reset(token)  # type: ignore[arg-type]


def note_persisted(event: str) -> None:
    if (record := current()) is not None:
        record.persisted.append(event)


def note_rate_limited(code: str) -> None:
    """A request (or a WebSocket's operation) refused by the rate limit."""
    if (record := current()) is None:
        return
    if record.live is not None:
        record.live.rate_limited(record.surface or "other")
        return
    record.rate_limited += 1
    record.refusal = record.refusal or code


def note_subscriptions(change: int) -> None:
    """Subscriptions started (+1) or ended (-1) on this WebSocket."""
    if (record := current()) is not None and record.live is not None:
        record.live.subscriptions(change)

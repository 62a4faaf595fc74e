"""Which executor path answered an operation, told to whoever listens (the gateway's metrics).

Each execution reports once: ``sql`` (one statement), ``breadth_first`` (the compiled plan
over the loaders), ``express`` (the express lane, reported by its caller) or ``standard``
(graphql-core's executor) with a ``reason`` from a small fixed set, never the free text of
:meth:`~schema.compiled.context.CompiledExecutionContext.fallback_reason`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar

SQL = "sql"
BREADTH_FIRST = "breadth_first"
EXPRESS = "express"
STANDARD = "standard"

# Reasons a query took the standard executor.
NOT_A_QUERY = "not_a_query"
RESOLVER_MIDDLEWARE = "resolver_middleware"
PLANNING_FAILED = "planning_failed"
UNTAUGHT = "untaught"
ERROR = "error"  # the compiled run failed; the standard executor gives the errors
COMPILED_OFF = "compiled_off"
NONE = "none"

Listener = Callable[[str, str], None]
_LISTENER: ContextVar[Listener | None] = ContextVar("flightgraph_executor_path", default=None)


def report(path: str, reason: str = NONE) -> None:
    """Tell the listener of this context (if any) which path ran an operation."""
    listener = _LISTENER.get()
    if listener is not None:
        listener(path, reason)


@contextlib.contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Send this context's reports (and those of tasks it starts) to ``listener``."""
    token = _LISTENER.set(listener)
    try:
        yield
    finally:
        _LISTENER.reset(token)


def reason_of(fallback: str) -> str:
    """The bounded reason for a ``fallback_reason`` text."""
    if fallback.startswith("a ") and "only queries run compiled" in fallback:
        return NOT_A_QUERY
    if fallback.startswith("resolver middleware"):
        return RESOLVER_MIDDLEWARE
    if fallback.startswith("planning failed"):
        return PLANNING_FAILED
    return UNTAUGHT


__all__ = ["listening", "reason_of", "report"]

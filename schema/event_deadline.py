"""Each subscription event's execution gets the operation deadline a query gets.

A subscription lasts, so it has no deadline of its own; but each event it sends is an
execution of its selection (nested fields, loader batches) and is bounded like one query:
past ``execution_timeout`` the event's work is cancelled (its statements with it) and the
client gets that event as an error (TIMEOUT) — the subscription goes on with the next one.
"""

from __future__ import annotations

import asyncio
from typing import Any

from graphql import ExecutionResult, GraphQLError
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from schema.guards import TIMEOUT


class EventDeadlineExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's executor class, with a deadline on each subscription event."""

    def execute_operation(self, serially: bool | None = None) -> Any:
        result = super().execute_operation(serially)
        # graphql-core executes a subscription's event as execute_operation(False).
        if serially is None or not self.is_awaitable(result):
            return result
        settings = getattr(self.context_value, "settings", None)
        seconds = getattr(settings, "execution_timeout", None)
        if seconds is None:
            return result
        return _within(result, seconds, getattr(self.context_value, "loaders", None))


async def _within(result: Any, seconds: float, loaders: Any) -> Any:
    try:
        async with asyncio.timeout(seconds):
            return await result
    except TimeoutError:
        if loaders is not None:
            loaders.cancel()  # the batches still running: their statements stop now
        error = GraphQLError(
            f"this event took longer than the {seconds:g} s an operation may run",
            extensions={"code": TIMEOUT},
        )
        return ExecutionResult(data=None, errors=[error])


__all__ = ["EventDeadlineExecutionContext"]

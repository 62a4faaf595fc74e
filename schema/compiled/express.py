"""The express lane: a query the SQL path has answered runs again without the per-request
machinery of Strawberry and graphql-core.

Once an operation has been answered by one SQL statement on the full path — parsed, checked
and validated by the guards, planned, its statement built — everything that depends on the
document alone is known good. A later request with the same document and operation name
needs only what depends on its variables: their coercion (graphql-core's), the cost with
these variables (the guards', cached), the statement's parameters and the statement itself.

What a request's variables lead to — that they coerce, the cost, the statement's parameters
and shape — depends on the document and the variables alone; the lane keeps it by the
variables' JSON (a bounded LRU), so a request that repeats an earlier one's variables (the
next launches, a flight page everybody opens) only sends the statement.

The lane only ever answers with data. Variables that do not coerce, a cost over the limit, a
failed statement, a shape the compiler cannot render: :meth:`ExpressLane.run` answers
``None`` and the request takes the full path, which gives the exact errors (a failure of the
database is remembered by the request's connections, so the full path fails at once).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import orjson
from graphql import DocumentNode, GraphQLSchema, OperationDefinitionNode, get_variable_values

from schema.compiled.sql_run import Bound, bind_plan, execute_sql
from schema.compiled.steps import ObjectPlan, Run
from schema.guards.budget import BoundedLru, ast_bytes, text_bytes

log = logging.getLogger(__name__)

MAX_OPERATIONS = 512
MAX_BYTES = 32_000_000
MAX_BOUND = 2048  # requests' variables kept bound, over all operations
MAX_BOUND_BYTES = 16_000_000
PARAM_BYTES = 256  # a bound parameter's size, roughly (a key, a value, the dict's slot)


@dataclass(frozen=True)
class Answered:
    """An operation the SQL path answered, with what a later request of it needs."""

    document: DocumentNode  # the operation and its fragments: what the cost is read from
    operation: OperationDefinitionNode
    plan: ObjectPlan
    serial: int = field(default_factory=lambda: next(_SERIALS))


_SERIALS = itertools.count()


class _Watch:
    """What the compiled executor answered with SQL during one watched execution."""

    def __init__(self) -> None:
        self.answered: list[Answered] = []


_WATCH: ContextVar[_Watch | None] = ContextVar("flightgraph_express_watch", default=None)


def notice(executor: Any, plan: ObjectPlan) -> None:
    """Called by the compiled executor when one SQL statement answered its operation (and the
    plan does not depend on the variables): kept if an execution is being watched."""
    watch = _WATCH.get()
    if watch is not None:
        fragments = tuple(f.definition for f in executor.fragments.values())
        document = DocumentNode(definitions=(executor.operation, *fragments))
        watch.answered.append(Answered(document, executor.operation, plan))


@dataclass
class _Bound:
    """What :class:`Run` reads of an executor: the schema, the context, the variables."""

    schema: GraphQLSchema
    context_value: Any
    variable_values: Any
    hide_suggestions: bool = False


class ExpressLane:
    """Operations the SQL path answered, by document text and operation name (LRU-bounded
    by entries and bytes), and running them again."""

    def __init__(
        self,
        schema: GraphQLSchema,
        guards: Any,
        size: int = MAX_OPERATIONS,
        max_bytes: int = MAX_BYTES,
    ) -> None:
        self.schema = schema
        self.guards = guards
        self.known: BoundedLru[tuple[str, str | None], Answered] = BoundedLru(size, max_bytes)
        # By the operation's serial (never reused, unlike id()) and the variables' JSON.
        self.bound: BoundedLru[tuple[int, bytes], tuple[Bound, Any]] = BoundedLru(
            MAX_BOUND, MAX_BOUND_BYTES
        )

    @contextlib.contextmanager
    def watch(self) -> Iterator[_Watch]:
        """Watch one full-path execution; :meth:`learn` it afterwards if it succeeded."""
        watch = _Watch()
        token = _WATCH.set(watch)
        try:
            yield watch
        finally:
            _WATCH.reset(token)

    def learn(self, query: str, operation_name: str | None, watch: _Watch) -> None:
        """Keep the operation of a watched execution that answered without errors."""
        if len(watch.answered) != 1:
            return
        answered = watch.answered[0]
        size = text_bytes(query, operation_name) + ast_bytes(answered.operation)
        self.known.put((query, operation_name), answered, size)

    async def run(
        self,
        query: str,
        operation_name: str | None,
        variables: dict[str, Any] | None,
        context: Any,
    ) -> dict[str, Any] | None:
        """The operation's ``data``, or ``None``: take the full path."""
        answered = self.known.get((query, operation_name))
        if answered is None:
            return None
        try:
            given = orjson.dumps(variables or {}, option=orjson.OPT_SORT_KEYS)
        except TypeError:  # not JSON's values (a caller in-process): nothing to key by
            given = None
        key = (answered.serial, given) if given is not None else None
        kept = self.bound.get(key) if key is not None else None
        if kept is not None:  # these variables coerced, cost and bound before
            bound, coerced_before = kept
            return await self._execute(answered, context, coerced_before, bound)
        schema, guards = self.schema, self.guards
        try:
            cost = guards.cost(schema, query, answered.document, operation_name, variables)
        except Exception:  # too many input values, a page size over the limit: refused there
            return None
        if cost > guards.limits.max_cost:
            return None
        definitions = answered.operation.variable_definitions or ()
        coerced = get_variable_values(schema, definitions, variables or {})
        if isinstance(coerced, list):
            return None
        run = Run(_Bound(schema, context, coerced))
        try:
            bound = bind_plan(run, answered.plan)
        except Exception as error:  # bad arguments: the full path reports them
            log.debug("the express lane took the full path: %r", error)
            return None
        if key is not None:
            size = len(given) * 8 + PARAM_BYTES * len(bound[1])
            self.bound.put(key, (bound, coerced), size)
        return await self._execute(answered, context, coerced, bound, run)

    async def _execute(
        self,
        answered: Answered,
        context: Any,
        variables: Any,
        bound: Bound,
        run: Run | None = None,
    ) -> dict[str, Any] | None:
        if run is None:
            run = Run(_Bound(self.schema, context, variables))
        try:
            return await execute_sql(run, answered.plan, context.raw_json, bound)
        except Exception as error:  # the full path reports it
            log.debug("the express lane took the full path: %r", error)
            return None


__all__ = ["Answered", "ExpressLane", "notice"]

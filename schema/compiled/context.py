"""The hook: an executor class that runs planned queries compiled, and everything else as usual.

Strawberry passes its ``execution_context_class`` to graphql-core as the executor class, so
Strawberry's extensions, guards, error masking, ``process_errors``, the HTTP view and the REST
routes all go through :meth:`CompiledExecutionContext.execute_operation`. A compiled run only
ever answers without errors: whatever goes wrong in it (a user error, a null in a non-null
field, a database outage) throws its partial result away and runs the operation again on the
standard executor — queries are read-only — which reports graphql-core's own errors.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from graphql import (
    DirectiveNode,
    DocumentNode,
    OperationDefinitionNode,
    OperationType,
    VariableNode,
    Visitor,
    visit,
)

from schema.compiled import express, paths
from schema.compiled.plan import Planner, Untaught
from schema.compiled.sql_run import execute_sql
from schema.compiled.steps import ObjectPlan, Run
from schema.event_deadline import EventDeadlineExecutionContext
from schema.guards.budget import BoundedLru, ast_bytes

if TYPE_CHECKING:
    import strawberry

log = logging.getLogger(__name__)

MAX_PLANNED_OPERATIONS = 512
# Plans of one operation, one per combination of @skip/@include variable values (2^n).
MAX_PLANS_PER_OPERATION = 16
# An entry holds its operation node, and through its location the whole parsed document.
MAX_PLANNED_BYTES = 32_000_000


class _DirectiveVariables(Visitor):
    """Names of the variables ``@skip``/``@include`` read: the only ones a plan depends on."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def enter_directive(self, node: DirectiveNode, *_: Any) -> None:
        if node.name.value in ("skip", "include"):
            for argument in node.arguments:
                if isinstance(argument.value, VariableNode):
                    self.names.add(argument.value.name.value)


class _Operation:
    """Plans of one operation node (held, so that its id is not reused while cached)."""

    def __init__(self, executor: Any) -> None:
        self.schema = executor.schema
        self.operation = executor.operation
        self.fragments = tuple(d.definition for d in executor.fragments.values())
        reader = _DirectiveVariables()
        for node in (self.operation, *self.fragments):
            visit(node, reader)
        self.variables = tuple(sorted(reader.names))
        self.plans: dict[tuple[Any, ...], ObjectPlan | str] = {}

    def matches(self, executor: Any) -> bool:
        fragments = executor.fragments.values()
        return (
            executor.schema is self.schema
            and executor.operation is self.operation
            and len(fragments) == len(self.fragments)
        ) and all(d.definition is f for d, f in zip(fragments, self.fragments, strict=True))


class PlanCache:
    """Plans by (schema, operation node, values of the directive variables), LRU-bounded."""

    def __init__(
        self, size: int = MAX_PLANNED_OPERATIONS, max_bytes: int = MAX_PLANNED_BYTES
    ) -> None:
        self.operations: BoundedLru[tuple[int, int], _Operation] = BoundedLru(size, max_bytes)

    def plan(self, executor: Any) -> ObjectPlan | str:
        """The plan of the executor's operation, or why it has none."""
        key = (id(executor.schema), id(executor.operation))
        entry = self.operations.get(key)
        if entry is None or not entry.matches(executor):
            entry = _Operation(executor)
            self.operations.put(key, entry, ast_bytes(executor.operation))
        coerced = executor.variable_values.coerced
        values = tuple(coerced.get(name) for name in entry.variables)
        plan = entry.plans.get(values)
        if plan is None:
            if len(entry.plans) >= MAX_PLANS_PER_OPERATION:
                entry.plans.pop(next(iter(entry.plans)))  # the oldest combination
            try:
                plan = Planner(executor).operation()
            except Untaught as reason:
                plan = str(reason)
            except Exception as error:  # e.g. a directive argument graphql-core refuses
                plan = f"planning failed: {type(error).__name__}: {error}"
            entry.plans[values] = plan
        return plan

    def reads_variables(self, executor: Any) -> bool:
        """Whether the executor's operation plans differently by its variables' values."""
        entry = self.operations.get((id(executor.schema), id(executor.operation)))
        return entry is None or bool(entry.variables)


PLANS = PlanCache()


class CompiledExecutionContext(EventDeadlineExecutionContext):
    """Strawberry's executor class, running planned queries on the compiled path."""

    def fallback_reason(self) -> str | None:
        """``None`` if this operation runs compiled, else why it does not."""
        if self.operation.operation is not OperationType.QUERY:
            return f"a {self.operation.operation.value}: only queries run compiled"
        manager = self.middleware_manager
        if manager is not None and manager.middlewares:
            # Resolvers wrapped per field (an extension's resolve hook): each field must run.
            return "resolver middleware (an extension with a resolve hook)"
        plan = PLANS.plan(self)
        return plan if isinstance(plan, str) else None

    def execute_operation(self, serially: bool | None = None) -> Any:
        if serially is not None:  # a subscription's event: not an operation of its own
            return super().execute_operation(serially)
        reason = self.fallback_reason()
        if reason is None:
            plan = PLANS.plan(self)
            assert isinstance(plan, ObjectPlan)
            return self._execute_compiled(plan)
        paths.report(paths.STANDARD, paths.reason_of(reason))
        return super().execute_operation(serially)

    async def _execute_compiled(self, plan: ObjectPlan) -> Any:
        try:
            data = await execute_sql(
                Run(self), plan, getattr(self.context_value, "raw_json", False)
            )
        except Exception as error:  # bad arguments, a failed statement: graphql-core's errors
            log.debug("compiled SQL fell back to the standard executor: %r", error)
            return await self._execute_standard()
        if data is not None:
            if not PLANS.reads_variables(self):
                express.notice(self, plan)
            paths.report(paths.SQL)
            return self.finish(self.build_response(data))
        try:  # not taught to the SQL compiler: breadth-first over the loaders
            run = Run(self)
            # Breadth-first, the batches come one after another: the request's one
            # connection serves them all (loaders.connections).
            async with run.loaders.connections.shared():
                data = (await plan.run(run, [self.root_value]))[0]
        except Exception as error:  # the standard executor gives the exact errors
            log.debug("compiled execution fell back: %r", error)
            return await self._execute_standard()
        paths.report(paths.BREADTH_FIRST)
        return self.finish(self.build_response(data))

    async def _execute_standard(self) -> Any:
        paths.report(paths.STANDARD, paths.ERROR)
        result = super().execute_operation(None)
        return await result if self.is_awaitable(result) else result


def explain(
    schema: strawberry.Schema,
    document: DocumentNode,
    operation_name: str | None = None,
    variables: dict[str, Any] | None = None,
) -> str | None:
    """``None`` if the operation would run compiled on ``schema``, else the fallback reason."""
    if not issubclass(schema.execution_context_class, CompiledExecutionContext):
        return "compiled execution is off for this schema"
    if operation_name is None:  # as Strawberry picks it: the first operation's name
        first = next(
            (d for d in document.definitions if isinstance(d, OperationDefinitionNode)), None
        )
        operation_name = first.name.value if first is not None and first.name else None
    executor = schema.execution_context_class.build(
        schema._schema, document, raw_variable_values=variables, operation_name=operation_name
    )
    if isinstance(executor, list):
        return "the request does not execute: " + "; ".join(e.message for e in executor)
    return executor.fallback_reason()  # type: ignore[no-any-return]

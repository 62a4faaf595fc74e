"""Fields with resolvers of their own, and objects of an interface's several types.

Such a field is called per parent through graphql-core's field machinery (argument values,
resolve info, Strawberry's resolver wrapper) — concurrently, so that the loaders its resolver
uses still batch — and its objects continue on the compiled path as records.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from graphql import FieldNode, GraphQLField, get_argument_values
from graphql.pyutils import Path

from schema.base import RowType, column_of
from schema.compiled.leaves import Fallback
from schema.compiled.steps import ObjectPlan, Run, Step, gather_all


@dataclass(eq=False)
class Shapes:
    """The records of a field's objects, per concrete type (an interface has several)."""

    plans: dict[str, ObjectPlan]

    async def run(self, run: Run, sources: list[Any]) -> list[dict[str, Any]]:
        """``sources`` are (type name, record) pairs; the dicts come back in their order."""
        groups: dict[str, list[int]] = {}
        for index, (type_name, _) in enumerate(sources):
            groups.setdefault(type_name, []).append(index)
        out: list[Any] = [None] * len(sources)
        for type_name, indexes in groups.items():
            plan = self.plans.get(type_name)
            if plan is None:
                raise Fallback(f"no plan for the runtime type {type_name}")
            built = await plan.run(run, [sources[i][1] for i in indexes])
            for index, value in zip(indexes, built, strict=True):
                out[index] = value
        return out


def instance_maker(cls: type) -> Callable[[Any], Any]:
    """Record → the Strawberry object its resolvers expect (as ``from_row`` builds it, with
    the private attributes a parent carried down)."""
    fields = [f for f in dataclasses.fields(cls) if f.init]  # type: ignore[arg-type]
    required = [(f.name, column_of(cls, f.name)) for f in fields if _no_default(f)]
    optional = [(f.name, column_of(cls, f.name)) for f in fields if not _no_default(f)]

    def make(record: Any) -> Any:
        values = {attribute: record[column] for attribute, column in required}
        for attribute, column in optional:
            if column in record:
                values[attribute] = record[column]
        return cls(**values)

    return make


def _no_default(f: dataclasses.Field[Any]) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


def record_maker(cls: type) -> Callable[[Any], dict[str, Any]]:
    """A Strawberry object built from a record → that record (every data attribute)."""
    pairs = [
        (f.name, column_of(cls, f.name))
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if f.init
    ]

    def make(obj: Any) -> dict[str, Any]:
        return {column: getattr(obj, attribute) for attribute, column in pairs}

    return make


@dataclass(eq=False)
class ResolverStep(Step):
    """A field with a resolver of its own: called per parent through graphql-core's field
    machinery (argument values, resolve info, Strawberry's resolver wrapper), concurrently, so
    that the loaders it uses still batch; its objects continue on the compiled path.

    The resolve info's path is the field's own key under its parent type (the resolvers
    taught this way read the context only; any error falls back to the standard executor).
    """

    field_def: GraphQLField | None = None
    nodes: list[FieldNode] = field(default_factory=list)
    parent_type: Any = None
    instance: Callable[[Any], Any] | None = None  # None at the root: the root value itself
    abstract: bool = False
    items_may_be_null = True

    async def values(self, run: Run, sources: list[Any]) -> list[Any]:
        field_def = self.field_def
        assert field_def is not None and field_def.resolve is not None
        executor = run.executor
        path = Path(None, self.key, self.parent_type.name)
        info = executor.build_resolve_info(field_def, self.nodes, self.parent_type, path)
        args = get_argument_values(
            field_def, self.nodes[0], executor.variable_values, None, executor.hide_suggestions
        )
        resolve, make = field_def.resolve, self.instance
        results = [
            resolve(source if make is None else make(source), info, **args) for source in sources
        ]
        if results and executor.is_awaitable(results[0]):
            results = await gather_all(results)
        if self.is_list:
            results = await self._settled(run, results)
            return [
                None if value is None else [self.source_of(v) for v in value] for value in results
            ]
        return [None if value is None else self.source_of(value) for value in results]

    @staticmethod
    async def _settled(run: Run, lists: list[Any]) -> list[Any]:
        """Lists whose items a resolver left awaitable (each item completes on its own in
        graphql-core: ``nodes(ids:)``), with their items awaited together, so they batch."""
        is_awaitable = run.executor.is_awaitable
        pending = [
            item for value in lists if value is not None for item in value if is_awaitable(item)
        ]
        if not pending:
            return lists
        done = iter(await gather_all(pending))
        return [
            None
            if value is None
            else [next(done) if is_awaitable(item) else item for item in value]
            for value in lists
        ]

    def source_of(self, obj: Any) -> Any:
        """What the sub-plan reads: a record for a type built from records (paired with its
        type name under an interface), else the object itself."""
        if obj is None:
            return None
        definition = getattr(obj, "__strawberry_definition__", None)
        cls = type(obj)
        maker = _RECORD_MAKERS.get(cls)
        if maker is None:
            maker = _RECORD_MAKERS[cls] = (
                record_maker(cls) if issubclass(cls, RowType) else (lambda o: o)
            )
        source = maker(obj)
        if self.abstract:
            if definition is None:
                raise Fallback(f"{obj!r} is not a Strawberry object")
            return (definition.name, source)
        return source


_RECORD_MAKERS: dict[type, Callable[[Any], Any]] = {}

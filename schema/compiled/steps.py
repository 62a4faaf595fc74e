"""Executing a plan breadth-first: each step loads its field for every parent at once.

An :class:`ObjectPlan` builds the dicts of all its sources (leaves in place, a ``None`` slot
for each step's key), then runs its steps concurrently. A step gathers the keys of every
parent, loads them in one batch through the request's loaders, runs its sub-plan once over all
the children together and puts each parent's share back into its slot.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graphql import FieldNode, GraphQLField, GraphQLInt, get_argument_values
from strawberry import UNSET

from schema.compiled import relations
from schema.compiled.arguments import Converters
from schema.compiled.leaves import Entry, Fallback, checked
from schema.pagination import check_filter, connection_of, node_key, page_query

if TYPE_CHECKING:
    from strawberry.types.field import StrawberryField

    from loaders import Loaders, PageQuery


async def load_unique(loader: Any, keys: list[Any]) -> list[Any]:
    """``loader.load_many(keys)``, asking for each distinct key once.

    Parents share most of their children, and a DataLoader future per key is most of what a
    load costs; awaiting the futures in turn (rather than gathering them) schedules nothing
    for the ones already done, and the rest resolve together with the batch.
    """
    unique = list(dict.fromkeys(keys))
    futures = [loader.load(key) for key in unique]
    try:
        values = [await future for future in futures]
    except Exception:
        _keep_failures(loader, unique, futures)
        raise
    if len(unique) == len(keys):
        return values
    by_key = dict(zip(unique, values, strict=True))
    return [by_key[key] for key in keys]


def _keep_failures(loader: Any, keys: list[Any], futures: list[Any]) -> None:
    """Cache the failures of a batch (the loader drops them), so that the standard run that
    follows fails on them at once — with the same error — instead of waiting on a locked or
    unreachable database a second time."""
    for key, future in zip(keys, futures, strict=True):
        if not future.done() or future.cancelled():
            continue
        error = future.exception()  # retrieved: never logged as unretrieved
        if isinstance(error, Exception):
            loader.prime(key, error)
            loader._cache[loader.get_cache_key(key)].exception()


async def gather_all(awaitables: Sequence[Awaitable[Any]]) -> list[Any]:
    """``asyncio.gather``, but on a failure it still lets every sibling finish before raising
    the first error, so that no batch outlives the compiled run that asked for it."""
    results = await asyncio.gather(*awaitables, return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results


class Run:
    """One compiled execution: the request's loaders and the operation's variables."""

    def __init__(self, executor: Any) -> None:
        self.executor = executor
        self.loaders: Loaders = executor.context_value.loaders
        self.strawberry = executor.schema._strawberry_schema
        self.converters = _converters(self.strawberry)

    def arguments(self, field_def: GraphQLField, node: FieldNode, field: StrawberryField) -> Any:
        """The field's arguments as its resolver gets them (graphql-core's coercion, then
        Strawberry's conversion to enums and input objects)."""
        executor = self.executor
        raw = get_argument_values(
            field_def, node, executor.variable_values, None, executor.hide_suggestions
        )
        return self.converters.convert(field, field.arguments, raw)


_CONVERTERS: weakref.WeakKeyDictionary[Any, Converters] = weakref.WeakKeyDictionary()


def _converters(schema: Any) -> Converters:
    """The argument conversions planned for ``schema`` (for as long as it lives)."""
    converters = _CONVERTERS.get(schema)
    if converters is None:
        converters = Converters(schema.schema_converter.scalar_registry, schema.config)
        _CONVERTERS[schema] = converters
    return converters


@dataclass(eq=False)
class ObjectPlan:
    type_name: str
    build: Callable[[list[Any]], list[dict[str, Any]]]
    steps: Sequence[Step] = ()
    # What ``build`` was made from, in field order (the SQL compiler reads them too).
    entries: Sequence[Entry] = ()
    # What the SQL path keeps for this plan (schema.compiled.sql_run.SqlPlan).
    sql: Any = None

    async def run(self, run: Run, sources: list[Any]) -> list[dict[str, Any]]:
        if not sources:
            return []
        dicts = self.build(sources)
        steps = self.steps
        if len(steps) == 1:
            await steps[0].fill(run, sources, dicts)
        elif steps:
            await gather_all([step.fill(run, sources, dicts) for step in steps])
        return dicts


@dataclass(eq=False)
class Step:
    """A response key whose value needs loading (or a sub-plan)."""

    key: str
    non_null: bool
    is_list: bool
    sub: ObjectPlan | None

    # Loaders never put a null in a list; plain fields and resolvers holding lists might.
    items_may_be_null = False
    item_non_null = True

    async def fill(self, run: Run, sources: list[Any], dicts: list[dict[str, Any]]) -> None:
        await self.complete(run, dicts, await self.values(run, sources))

    async def values(self, run: Run, sources: list[Any]) -> list[Any]:
        """Per source: ``None``, a child source, or a list of them."""
        raise NotImplementedError

    async def _complete_nullable_items(
        self, run: Run, dicts: list[dict[str, Any]], values: list[Any]
    ) -> None:
        key, sub = self.key, self.sub
        assert sub is not None
        flat = [item for value in values if value is not None for item in value]
        present = [item for item in flat if item is not None]
        if len(present) != len(flat) and self.item_non_null:
            raise Fallback(f"null item in {key}")
        built = iter(await sub.run(run, present))
        for out, value in zip(dicts, values, strict=True):
            if value is None:
                if self.non_null:
                    raise Fallback(f"null for non-null {key}")
                continue
            out[key] = [None if item is None else next(built) for item in value]

    async def complete(self, run: Run, dicts: list[dict[str, Any]], values: list[Any]) -> None:
        key, sub = self.key, self.sub
        assert sub is not None
        if self.is_list and self.items_may_be_null:
            await self._complete_nullable_items(run, dicts, values)
            return
        if self.is_list:
            flat = [item for value in values if value is not None for item in value]
            done = await sub.run(run, flat)
            start = 0
            for out, value in zip(dicts, values, strict=True):
                if value is None:
                    if self.non_null:
                        raise Fallback(f"null for non-null {key}")
                    continue
                end = start + len(value)
                out[key] = done[start:end]
                start = end
            return
        present = [value for value in values if value is not None]
        built = iter(await sub.run(run, present))
        for out, value in zip(dicts, values, strict=True):
            if value is None:
                if self.non_null:
                    raise Fallback(f"null for non-null {key}")
            else:
                out[key] = next(built)


@dataclass(eq=False)
class Embedded(Step):
    """A plain field holding an object (or objects): read, not loaded."""

    attribute: str = ""
    records: bool = False
    items_may_be_null = True

    async def values(self, run: Run, sources: list[Any]) -> list[Any]:
        name = self.attribute
        if self.records:
            return [source[name] for source in sources]
        return [getattr(source, name) for source in sources]


@dataclass(eq=False)
class OneStep(Step):
    relation: relations.One = field(default_factory=lambda: relations.One("", ""))

    async def values(self, run: Run, sources: list[Any]) -> list[Any]:
        column = self.relation.key
        keys = [source[column] for source in sources]
        present = [key for key in keys if key is not None]
        rows = iter(await load_unique(run.loaders.rows_by_id(self.relation.table), present))
        values = [None if key is None else next(rows) for key in keys]
        carry = self.relation.carry
        if carry:
            values = [
                None if row is None else {**row, **{c: s[p] for c, p in carry.items()}}
                for row, s in zip(values, sources, strict=True)
            ]
        return values


@dataclass(eq=False)
class ChildrenStep(Step):
    relation: relations.Children = field(default_factory=lambda: relations.Children("", ""))

    async def values(self, run: Run, sources: list[Any]) -> list[Any]:
        relation = self.relation
        key_of = relation.key_of
        keys = [source[relation.key] for source in sources]
        if key_of is not None:
            keys = [None if key is None else key_of(key) for key in keys]
        loader = run.loaders.rows_by_column(relation.table, relation.column, **relation.equals)
        rows = iter(await load_unique(loader, [key for key in keys if key is not None]))
        values: list[Any] = [[] if key is None else next(rows) for key in keys]
        if relation.order is not None:
            values = [relation.arrange(value) for value in values]
        if relation.single:
            values = [value[0] if value else None for value in values]
        return values


@dataclass(eq=False)
class LinkedStep(Step):
    link: str = ""

    async def values(self, run: Run, sources: list[Any]) -> list[Any]:
        loader = run.loaders.linked_rows(self.link)
        return await load_unique(loader, [source["id"] for source in sources])


@dataclass(eq=False)
class JsonStep(Step):
    relation: relations.JsonList | None = None

    async def values(self, run: Run, sources: list[Any]) -> list[Any]:
        assert self.relation is not None
        column, build = self.relation.column, self.relation.build
        return [build(source[column]) for source in sources]


@dataclass(eq=False)
class Argumented(Step):
    """A step whose field takes arguments (the same for every parent: one page query)."""

    field_def: GraphQLField | None = None
    node: FieldNode | None = None
    strawberry_field: Any = None

    def arguments(self, run: Run) -> dict[str, Any]:
        assert self.field_def is not None and self.node is not None
        return run.arguments(self.field_def, self.node, self.strawberry_field)  # type: ignore[no-any-return]


def _given(arguments: dict[str, Any], name: str) -> Any:
    value = arguments.get(name, UNSET)
    return None if value is UNSET else value


@dataclass(eq=False)
class ConnectionStep(Argumented):
    relation: relations.Connection | None = None

    def page_query(self, run: Run, check: bool = True) -> PageQuery:
        """This run's page, validated (:class:`UserInputError` when the arguments are wrong);
        without ``check`` the filter's fields and operators are left to whoever builds its
        SQL (which raises ``FilterError`` on the same mistakes)."""
        relation = self.relation
        assert relation is not None
        args = self.arguments(run)
        query = page_query(
            relation.listing,
            relation.parent_column,
            args["order_by"],
            *(_given(args, name) for name in ("first", "after", "last", "before", "filter")),
            _given(args, "offset"),
        )
        if check:
            check_filter(query)
        return query

    async def values(self, run: Run, sources: list[Any]) -> list[Any]:
        relation = self.relation
        assert relation is not None
        query = self.page_query(run)
        parents = [source["id"] if relation.parent_column else None for source in sources]
        pages = await load_unique(run.loaders.pages, [(parent, query) for parent in parents])
        return [
            connection_of(page, query, parent, page.rows)
            for page, parent in zip(pages, parents, strict=True)
        ]


@dataclass(eq=False)
class NodeStep(Argumented):
    relation: relations.NodeByKey | None = None

    async def values(self, run: Run, sources: list[Any]) -> list[Any]:
        relation = self.relation
        assert relation is not None
        args = self.arguments(run)
        key = node_key(
            relation.table, relation.uuid_key, _given(args, "id"), _given(args, "ll2_id")
        )
        (row,) = await load_unique(run.loaders.rows_by_id(relation.table), [key])
        return [row for _ in sources]


_INT = checked(GraphQLInt)


@dataclass(eq=False)
class CountStep(Step):
    """``Connection.totalCount``: a leaf, but loaded."""

    async def fill(self, run: Run, sources: list[Any], dicts: list[dict[str, Any]]) -> None:
        counts = await load_unique(run.loaders.counts, [source.count_key for source in sources])
        key = self.key
        for out, count in zip(dicts, counts, strict=True):
            out[key] = _INT(count)

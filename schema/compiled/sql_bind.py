"""What a compiled SQL statement takes from each request: parameters, and the statement's shape.

A statement is built once per plan and *shape* and run with this request's parameters. The
fields with arguments (root nodes, connections) are numbered in plan order; each one's values
— the node key, the page size and offset, the cursors' key values, the filter's values —
become named parameters (``s<field>_…``), and what changes the SQL itself — the ordering,
paging direction, which cursor values are null, the filter's structure — makes its shape.
The builder binds through the same :class:`Binding`, so both name the parameters alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Integer, bindparam

from loaders import PageQuery, listing
from loaders.listing import AllOf, AnyOf, Condition, Not, Related, Search
from loaders.pages import page_conditions
from loaders.rows import table
from schema.compiled.steps import ConnectionStep, NodeStep, ObjectPlan, Run, Step, _given
from schema.pagination import node_key
from store.search_indexes import trigram_usable


@dataclass
class Binding:
    """One field's arguments in this request, and the parameters they bind."""

    index: int
    params: dict[str, Any]
    query: PageQuery | None = None  # a connection's page
    key: Any = None  # a root node's key
    shape: tuple[Any, ...] = ()

    def binder(self, part: str) -> Any:
        """A :class:`loaders.listing.Bind` naming its parameters ``s<index>_<part><n>``."""
        prefix = f"s{self.index}_{part}"
        counter = iter(range(1 << 30))
        params = self.params

        def bind(expr: ColumnElement[Any], value: Any, expanding: bool = False) -> Any:
            name = f"{prefix}{next(counter)}"
            params[name] = value
            return bindparam(name, type_=expr.type, expanding=expanding)

        return bind

    def value(self, name: str, value: Any, type_: Any = None) -> Any:
        """A named parameter of this field (page size, offset, key)."""
        full = f"s{self.index}_{name}"
        self.params[full] = value
        return bindparam(full, type_=type_ or Integer())


def argumented(plan: ObjectPlan) -> list[Step]:
    """The plan's fields with arguments, in the order the builder meets them."""
    found: list[Step] = []

    def walk(current: ObjectPlan) -> None:
        for step in current.steps:
            if isinstance(step, NodeStep | ConnectionStep):
                found.append(step)
            if step.sub is not None and isinstance(step.sub, ObjectPlan):
                walk(step.sub)

    walk(plan)
    return found


def bind(run: Run, steps: list[Step]) -> tuple[dict[Step, Binding], dict[str, Any], tuple]:
    """This request's bindings, parameters and statement shape (raises what the standard
    executor's resolvers raise for bad arguments)."""
    params: dict[str, Any] = {}
    bindings: dict[Step, Binding] = {}
    shape: list[Any] = []
    for index, step in enumerate(steps):
        binding = Binding(index, params)
        if isinstance(step, NodeStep):
            relation = step.relation
            assert relation is not None
            args = step.arguments(run)
            binding.key = node_key(
                relation.table,
                relation.uuid_key,
                _given(args, "id"),
                _given(args, "ll2_id"),
            )
            binding.value("key", binding.key, table(relation.table).c.id.type)
            binding.shape = ("node",)
        else:
            assert isinstance(step, ConnectionStep)
            # Unchecked: where() below raises FilterError on a bad filter, as the check
            # would; the operation then falls back to the standard executor, which reports it.
            query = binding.query = step.page_query(run, check=False)
            binding.shape = connection_shape(query)
            # The parameters the builder will bind, named as it names them.
            keys = listing(query.listing).order_keys(query.order)
            page_conditions(query, keys, binding.binder("p"))
            listing(query.listing).where(query.filter, binding.binder("c"))
            params_of_page(binding)
        bindings[step] = binding
        shape.append(binding.shape)
    return bindings, params, tuple(shape)


def params_of_page(binding: Binding) -> dict[str, Any]:
    """The page size and offset parameters (the builder binds the same names)."""
    query = binding.query
    assert query is not None
    return {
        "limit": binding.value("limit", query.limit),
        "read": binding.value("read", query.limit + 1),
        "offset": binding.value("offset", query.offset),
    }


def connection_shape(query: PageQuery) -> tuple[Any, ...]:
    def nulls(values: tuple[Any, ...] | None) -> tuple[bool, ...] | None:
        return None if values is None else tuple(v is None for v in values)

    return (
        query.listing,
        query.parent_column,
        query.order,
        query.descending,
        query.backwards,
        nulls(query.after),
        nulls(query.before),
        query.offset > 0,
        filter_shape(query.filter),
    )


def filter_shape(item: Any) -> Any:
    """A filter with its values reduced to what changes the SQL (booleans and nulls stay, a
    text match keeps whether a trigram index can serve it — for a search, each term's —
    everything else its type)."""
    if item is None:
        return None
    if isinstance(item, Condition):
        value = item.value
        kept = value if value is None or isinstance(value, bool) else type(value).__name__
        if item.op == "contains" and isinstance(value, str):
            kept = (kept, trigram_usable(value))
        return ("if", item.field, item.op, kept)
    if isinstance(item, Search):
        return ("search", tuple(trigram_usable(term) for term in item.text.split()))
    if isinstance(item, Not):
        return ("not", filter_shape(item.item))
    if isinstance(item, Related):
        return ("related", item.relation, item.quantifier, filter_shape(item.item))
    if isinstance(item, AllOf | AnyOf):
        return (type(item).__name__, *(filter_shape(i) for i in item.items))
    raise TypeError(f"not a filter: {item!r}")


@dataclass
class Statements:
    """A plan's built statements by shape (a handful: each client sends few shapes)."""

    size: int = 32
    by_shape: dict[tuple, Any] = field(default_factory=dict)

    def get(self, shape: tuple) -> Any:
        return self.by_shape.get(shape)

    def put(self, shape: tuple, statement: Any) -> None:
        if len(self.by_shape) >= self.size:
            self.by_shape.pop(next(iter(self.by_shape)))
        self.by_shape[shape] = statement


__all__ = ["Binding", "Statements", "argumented", "bind"]

"""What every type module shares: building types from records and loading related ones.

A type builds itself from a record with ``from_row``: each dataclass field (public or
``strawberry.Private``) reads the column of the same name, ``ll2_id`` reads ``id``, and
``__columns__`` renames the rest. Relations go through the request's loaders, guarding null
foreign keys before ``.load()``; they are declared with :func:`one`, :func:`children`,
:func:`child` and :func:`linked`, which make the resolver and tell the compiled executor
(:mod:`schema.compiled`) what it loads.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

import strawberry

from schema.compiled.relations import META, Children, JsonList, Linked, One
from schema.node import type_for_table

if TYPE_CHECKING:
    from gateway.context import Context

    Info = strawberry.Info[Context, None]
else:
    Info = strawberry.Info


class RowType:
    """Mixin for Strawberry types built from a store record."""

    __columns__: ClassVar[Mapping[str, str]] = {}

    @classmethod
    def from_row(cls, row: Mapping[str, Any], **given: Any) -> Self:
        """Build from a record; ``given`` fills fields that are not columns."""
        plan = cls.__dict__.get("_row_plan")
        if plan is None:
            plan = _plan(cls)
            cls._row_plan = plan  # type: ignore[attr-defined]
        return cls(**{attr: row[column] for attr, column in plan if attr not in given}, **given)


def column_of(cls: type, attribute: str) -> str:
    """The record column an attribute of a :class:`RowType` reads."""
    if attribute == "ll2_id":
        return "id"
    return getattr(cls, "__columns__", {}).get(attribute, attribute)


def _plan(cls: type) -> tuple[tuple[str, str], ...]:
    """(attribute, column) for every init field without a default."""
    renames = {"ll2_id": "id", **getattr(cls, "__columns__", {})}
    return tuple(
        (f.name, renames.get(f.name, f.name))
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if f.init and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )


def build(table: str, row: Mapping[str, Any] | None) -> Any:
    return None if row is None else type_for_table(table).from_row(row)


async def load_one(info: Info, table: str, key: Hashable | None) -> Any:
    """The node of ``table`` with id ``key`` (``None`` for a null reference)."""
    if key is None:
        return None
    return build(table, await info.context.loaders.rows_by_id(table).load(key))


async def load_linked(info: Info, link: str, owner: Hashable) -> list[Any]:
    """The ordered list an association table ``<owner>_<key>`` holds for ``owner``."""
    rows = await info.context.loaders.linked_rows(link).load(owner)
    target = info.context.loaders.linked_rows(link).target.name
    return [build(target, row) for row in rows]


async def load_children(
    info: Info, table: str, column: str, key: Hashable | None, **equals: Any
) -> list[Any]:
    """Rows of ``table`` pointing back at ``key`` through ``column`` (id order)."""
    if key is None:
        return []
    rows = await info.context.loaders.rows_by_column(table, column, **equals).load(key)
    return [build(table, row) for row in rows]


async def load_child(
    info: Info, table: str, column: str, key: Hashable | None, **equals: Any
) -> Any:
    """The one row of ``table`` pointing back at ``key`` (LL2's single owned objects)."""
    children = await load_children(info, table, column, key, **equals)
    return children[0] if children else None


def field(description: str, **options: Any) -> Any:
    """A described plain field (keeps type modules to one line per field)."""
    return strawberry.field(description=description, **options)


def _column(attribute: str) -> str:
    return "id" if attribute == "ll2_id" else attribute


def one(table: str, *, key: str, description: str, carry: Mapping[str, str] | None = None) -> Any:
    """A field holding the node of ``table`` whose id is the ``key`` attribute; ``carry``
    gives the child private attributes from this node's ({child attribute: own attribute})."""
    carry = carry or {}

    async def resolve(self: Any, info: Info):
        if not carry:
            return await load_one(info, table, getattr(self, key))
        value = getattr(self, key)
        row = None if value is None else await info.context.loaders.rows_by_id(table).load(value)
        given = {attribute: getattr(self, own) for attribute, own in carry.items()}
        return None if row is None else type_for_table(table).from_row(row, **given)

    relation = One(table, _column(key), {_column(a): _column(o) for a, o in carry.items()})
    return strawberry.field(resolver=resolve, description=description, metadata={META: relation})


def children(
    table: str,
    column: str,
    *,
    description: str,
    key: str = "ll2_id",
    key_of: Callable[[Any], Any] | None = None,
    order: str | None = None,
    **equals: Any,
) -> Any:
    """A list field: rows of ``table`` whose ``column`` is this node's ``key`` (id order, or
    the ``order`` column's); ``key_of`` turns the key into the column's type."""
    relation = Children(table, column, _column(key), equals, key_of=key_of, order=order)

    async def resolve(self: Any, info: Info):
        value = getattr(self, key)
        if value is None:
            return []
        rows = await info.context.loaders.rows_by_column(table, column, **equals).load(
            value if key_of is None else key_of(value)
        )
        return [build(table, row) for row in relation.arrange(rows)]

    return strawberry.field(resolver=resolve, description=description, metadata={META: relation})


def child(table: str, column: str, *, description: str, key: str = "ll2_id") -> Any:
    """The one row of ``table`` pointing back at this node (LL2's single owned objects)."""

    async def resolve(self: Any, info: Info):
        return await load_child(info, table, column, getattr(self, key))

    relation = Children(table, column, _column(key), single=True)
    return strawberry.field(resolver=resolve, description=description, metadata={META: relation})


def linked(link: str, *, description: str) -> Any:
    """A list field: the rows the association table ``link`` holds for this node."""

    async def resolve(self: Any, info: Info):
        return await load_linked(info, link, self.ll2_id)

    return strawberry.field(
        resolver=resolve, description=description, metadata={META: Linked(link)}
    )


def json_list(cls: Any, attribute: str, column: str, *, description: str) -> Any:
    """A list of value objects kept whole in a JSON column (null when LL2 never gave it)."""
    from schema.media import from_json_list

    def resolve(self: Any):
        return from_json_list(cls, getattr(self, attribute))

    relation = JsonList(column, lambda value: from_json_list(cls, value), item=cls)
    return strawberry.field(resolver=resolve, description=description, metadata={META: relation})


def info_urls_field() -> Any:
    """LL2's ``info_urls`` of a launch, mission or event (its JSON column of that name, read
    through the type's ``info_urls_json``)."""
    from schema.media import InfoUrl

    return json_list(
        InfoUrl,
        "info_urls_json",
        "info_urls",
        description="Links to read more (null when LL2 has not given them).",
    )


def vid_urls_field() -> Any:
    """LL2's ``vid_urls``, as :func:`info_urls_field`."""
    from schema.media import VidUrl

    return json_list(
        VidUrl,
        "vid_urls_json",
        "vid_urls",
        description="Videos (null when LL2 has not given them).",
    )

"""What every type module shares: building types from records and loading related ones.

A type builds itself from a record with ``from_row``: each dataclass field (public or
``strawberry.Private``) reads the column of the same name, ``ll2_id`` reads ``id``, and
``__columns__`` renames the rest. Relations go through the request's loaders, guarding null
foreign keys before ``.load()``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

import strawberry

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

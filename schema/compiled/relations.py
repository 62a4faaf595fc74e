"""What the compiled executor knows about a field that is not a plain column.

Type modules declare their relations with the factories of :mod:`schema.base` (``one``,
``children``, ``linked``…); each attaches one of these records as the Strawberry field's
``metadata["compiled"]``, next to the ordinary resolver the standard executor calls. The planner
reads them; a resolver field without one is untaught (its operation runs on the standard path).

This module imports nothing of the schema, so that :mod:`schema.base` can use it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

META = "compiled"


@dataclass(frozen=True)
class One:
    """The row of ``table`` whose id is the parent's ``key`` column (null for a null key)."""

    table: str
    key: str
    # Columns the child record gets from its parent: {child column: parent column}.
    carry: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Children:
    """Rows of ``table`` whose ``column`` is the parent's ``key`` (id order, or ``order``'s),
    narrowed by ``equals``; ``single`` keeps the first one only (null when there is none)."""

    table: str
    column: str
    key: str = "id"
    equals: Mapping[str, Any] = field(default_factory=dict)
    single: bool = False
    key_of: Callable[[Any], Any] | None = None  # turns the parent's key into the loader's
    order: str | None = None  # a column giving the list's order (then id; nulls last)

    def arrange(self, rows: list[Any]) -> list[Any]:
        """The records in the list's order (the loader gives them in id order)."""
        if self.order is None:
            return rows
        column = self.order
        return sorted(rows, key=lambda row: (row[column] is None, row[column] or 0, row["id"]))


@dataclass(frozen=True)
class Linked:
    """The ordered rows an association table ``link`` holds for the parent's id."""

    link: str


@dataclass(frozen=True)
class JsonList:
    """Value objects built from the parent's JSON ``column`` (null when it is null)."""

    column: str
    build: Callable[[Any], Any]  # the column's value → list of objects or None
    item: Any = None  # the value class (its ``__json__`` says how it is read)


@dataclass(frozen=True)
class Connection:
    """A Relay connection over ``listing``; with ``parent_column``, the rows pointing back at
    the parent's id."""

    listing: str
    parent_column: str | None


@dataclass(frozen=True)
class NodeByKey:
    """A root field: one node of ``table`` by global ``id`` or ``ll2Id``."""

    table: str
    uuid_key: bool


@dataclass(frozen=True)
class GlobalId:
    """``Node.id``: the Relay global id of the record's type and LL2 id."""


@dataclass(frozen=True)
class TotalCount:
    """``Connection.totalCount``: counted per (parent, filter), batched."""

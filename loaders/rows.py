"""Generic, table-driven loaders: rows by id, rows by a column, rows through a link table.

They return records (SQLAlchemy ``RowMapping``s), never Strawberry types. The ``extra`` column
(LL2 keys the store has no column for) is never read.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

from sqlalchemy import ColumnElement, Table, select
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from loaders.batch import BatchLoader, chunks
from store.tables import metadata

Record = RowMapping


def table(name: str) -> Table:
    try:
        return metadata.tables[name]
    except KeyError:
        raise LookupError(f"no table {name!r} in the store") from None


def record_columns(target: Table) -> list[ColumnElement[Any]]:
    """Every column a record carries: all but ``extra``."""
    return [c for c in target.columns if c.name != "extra"]


class RowsByIdLoader(BatchLoader[Hashable, Record | None]):
    """One row of ``table`` per id (``None`` for an unknown id)."""

    def __init__(self, engine: AsyncEngine, table_name: str) -> None:
        super().__init__(engine)
        self.table = table(table_name)

    async def fetch(self, conn: AsyncConnection, keys: list[Hashable]) -> Mapping[Any, Record]:
        by_key: dict[Any, Record] = {}
        query = select(*record_columns(self.table))
        for part in chunks(keys):
            result = await conn.execute(query.where(self.table.c.id.in_(part)))
            for row in result.mappings():
                by_key[row["id"]] = row
        return by_key


class RowsByColumnLoader(BatchLoader[Hashable, list[Record]]):
    """Every row of ``table`` whose ``column`` equals the key, in id order.

    ``equals`` narrows the rows further by constant values (a crew list by its ``crew``).
    """

    def __init__(
        self, engine: AsyncEngine, table_name: str, column: str, equals: Mapping[str, Any]
    ) -> None:
        super().__init__(engine)
        self.table = table(table_name)
        self.column = self.table.c[column]
        self.equals = [self.table.c[name] == value for name, value in equals.items()]

    async def fetch(
        self, conn: AsyncConnection, keys: list[Hashable]
    ) -> Mapping[Any, list[Record]]:
        by_key: dict[Any, list[Record]] = {}
        query = (
            select(*record_columns(self.table), self.column.label("_key"))
            .where(*self.equals)
            .order_by(self.table.c.id)
        )
        for part in chunks(keys):
            result = await conn.execute(query.where(self.column.in_(part)))
            for row in result.mappings():
                by_key.setdefault(row["_key"], []).append(row)
        return by_key

    def missing(self, key: Hashable) -> list[Record]:
        return []


class LinkedRowsByOwnerIdLoader(BatchLoader[Hashable, list[Record]]):
    """The ordered list an association table ``<owner>_<key>`` holds for each owner id."""

    def __init__(self, engine: AsyncEngine, link_name: str) -> None:
        super().__init__(engine)
        self.link = table(link_name)
        if "link" not in self.link.info:
            raise LookupError(f"{link_name!r} is not an association table")
        self.target = table(self.link.info["link"]["target"])

    async def fetch(
        self, conn: AsyncConnection, keys: list[Hashable]
    ) -> Mapping[Any, list[Record]]:
        by_key: dict[Any, list[Record]] = {}
        link, target = self.link, self.target
        query = (
            select(*record_columns(target), link.c.owner_id.label("_key"))
            .select_from(link.join(target, target.c.id == link.c.target_id))
            .order_by(link.c.owner_id, link.c.position)
        )
        for part in chunks(keys):
            result = await conn.execute(query.where(link.c.owner_id.in_(part)))
            for row in result.mappings():
                by_key.setdefault(row["_key"], []).append(row)
        return by_key

    def missing(self, key: Hashable) -> list[Record]:
        return []

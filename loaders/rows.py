"""Generic, table-driven loaders: rows by id, rows by a column, rows through a link table.

They return records (SQLAlchemy ``RowMapping``s), never Strawberry types. The ``extra`` column
(LL2 keys the store has no column for) is never read.
"""

from __future__ import annotations

import functools
from collections.abc import Hashable, Iterator, Mapping
from typing import Any

import orjson
from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Select,
    Table,
    any_,
    bindparam,
    func,
    literal_column,
    select,
)
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncConnection

from loaders.batch import BatchLoader, chunks
from loaders.connections import Connections
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


# Statements are built once per process and dialect: building a select of ~40 columns per
# batch cost more than running it. The keys travel as one parameter where the database can
# take a list as one (a PostgreSQL array, a JSON array for SQLite's json_each): the statement
# text stays the same whatever the number of keys, so it is never re-rendered per batch nor
# prepared again by asyncpg, and there is no bound-parameter limit to chunk for.
ONE_PARAMETER = {"postgresql", "sqlite"}


def _key_in(column: ColumnElement[Any], dialect: str) -> ColumnElement[bool]:
    if dialect == "postgresql":
        return column == any_(bindparam("keys", type_=ARRAY(column.type)))
    if dialect == "sqlite":
        values = select(literal_column("value")).select_from(func.json_each(bindparam("keys")))
        return column.in_(values)
    return column.in_(bindparam("keys", expanding=True))


def key_parameters(dialect: str, keys: list[Hashable]) -> Iterator[dict[str, Any]]:
    """The statement parameters for ``keys``: one set, or one per chunk where each key is a
    parameter of its own."""
    if dialect == "sqlite":
        yield {"keys": orjson.dumps(keys).decode()}
    elif dialect in ONE_PARAMETER:
        yield {"keys": keys}
    else:
        for part in chunks(keys):
            yield {"keys": part}


@functools.cache
def rows_by_id_query(table_name: str, dialect: str) -> Select[Any]:
    target = table(table_name)
    return select(*record_columns(target)).where(_key_in(target.c.id, dialect))


@functools.cache
def rows_by_column_query(
    table_name: str, column: str, equals: tuple[tuple[str, Any], ...], dialect: str
) -> Select[Any]:
    target = table(table_name)
    key = target.c[column]
    return (
        select(*record_columns(target), key.label("_key"))
        .where(_key_in(key, dialect), *(target.c[name] == value for name, value in equals))
        .order_by(target.c.id)
    )


def link_target(link_name: str) -> Table:
    """The table an association table ``<owner>_<key>`` points at."""
    link = table(link_name)
    if "link" not in link.info:
        raise LookupError(f"{link_name!r} is not an association table")
    return table(link.info["link"]["target"])


@functools.cache
def linked_rows_query(link_name: str, dialect: str) -> Select[Any]:
    link, target = table(link_name), link_target(link_name)
    return (
        select(*record_columns(target), link.c.owner_id.label("_key"))
        .select_from(link.join(target, target.c.id == link.c.target_id))
        .where(_key_in(link.c.owner_id, dialect))
        .order_by(link.c.owner_id, link.c.position)
    )


class RowsByIdLoader(BatchLoader[Hashable, Record | None]):
    """One row of ``table`` per id (``None`` for an unknown id)."""

    def __init__(self, connections: Connections, table_name: str) -> None:
        super().__init__(connections)
        table(table_name)  # an unknown table fails here, not at the first batch
        self.table_name = table_name

    async def fetch(self, conn: AsyncConnection, keys: list[Hashable]) -> Mapping[Any, Record]:
        by_key: dict[Any, Record] = {}
        dialect = conn.dialect.name
        query = rows_by_id_query(self.table_name, dialect)
        for parameters in key_parameters(dialect, keys):
            result = await conn.execute(query, parameters)
            for row in result.mappings():
                by_key[row["id"]] = row
        return by_key


class RowsByColumnLoader(BatchLoader[Hashable, list[Record]]):
    """Every row of ``table`` whose ``column`` equals the key, in id order.

    ``equals`` narrows the rows further by constant values (a crew list by its ``crew``).
    """

    def __init__(
        self, connections: Connections, table_name: str, column: str, equals: Mapping[str, Any]
    ) -> None:
        super().__init__(connections)
        table(table_name).c[column]  # an unknown table or column fails here
        self.arguments = (table_name, column, tuple(sorted(equals.items())))

    async def fetch(
        self, conn: AsyncConnection, keys: list[Hashable]
    ) -> Mapping[Any, list[Record]]:
        by_key: dict[Any, list[Record]] = {}
        dialect = conn.dialect.name
        query = rows_by_column_query(*self.arguments, dialect)
        for parameters in key_parameters(dialect, keys):
            result = await conn.execute(query, parameters)
            for row in result.mappings():
                by_key.setdefault(row["_key"], []).append(row)
        return by_key

    def missing(self, key: Hashable) -> list[Record]:
        return []


class LinkedRowsByOwnerIdLoader(BatchLoader[Hashable, list[Record]]):
    """The ordered list an association table ``<owner>_<key>`` holds for each owner id."""

    def __init__(self, connections: Connections, link_name: str) -> None:
        super().__init__(connections)
        self.target = link_target(link_name)  # not an association table: fails here
        self.link_name = link_name

    async def fetch(
        self, conn: AsyncConnection, keys: list[Hashable]
    ) -> Mapping[Any, list[Record]]:
        by_key: dict[Any, list[Record]] = {}
        dialect = conn.dialect.name
        query = linked_rows_query(self.link_name, dialect)
        for parameters in key_parameters(dialect, keys):
            result = await conn.execute(query, parameters)
            for row in result.mappings():
                by_key.setdefault(row["_key"], []).append(row)
        return by_key

    def missing(self, key: Hashable) -> list[Record]:
        return []

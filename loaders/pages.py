"""Keyset pages of a listing, for one parent or for many at once, and their total counts.

A page is asked for by ``(parent id, PageQuery)``; parent ``None`` is a root connection. Keys
with the same query share one statement however many parents they name: ``ROW_NUMBER() OVER
(PARTITION BY <parent column> ORDER BY …)`` cuts each parent's page in SQL (SQLite ≥ 3.25,
PostgreSQL). Cursors hold the order key values of a row, so the next page is a ``WHERE`` on
those values, never an ``OFFSET``: page 1,000 costs what page 1 costs. An ``offset`` (LL2's
REST paging) is also understood, forward only: it skips rows in SQL, so it still reads them —
cursors remain the fast path.

NULL sorts after every value (last ascending, first descending) on both backends.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import orjson
from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncConnection

from loaders.batch import BatchLoader, chunks
from loaders.listing import LISTINGS, Bind, Filter, inline, listing, register
from loaders.rows import record_columns


class CursorError(ValueError):
    """A cursor that is not one of ours, or was made for another order."""


@dataclass(frozen=True)
class PageQuery:
    """Everything about a page except whose it is. ``first`` xor ``last`` is set."""

    listing: str
    parent_column: str | None = None
    order: str = "id"
    descending: bool = False
    first: int | None = None
    last: int | None = None
    after: tuple[Any, ...] | None = None
    before: tuple[Any, ...] | None = None
    filter: Filter | None = None
    offset: int = 0  # rows skipped before the page (forward pages only)

    @property
    def backwards(self) -> bool:
        return self.first is None and self.last is not None

    @property
    def limit(self) -> int:
        size = self.last if self.backwards else self.first
        if size is None:
            raise ValueError("a page needs first or last")
        return size


@dataclass(frozen=True)
class CountQuery:
    listing: str
    parent_column: str | None = None
    filter: Filter | None = None


@dataclass
class Page:
    rows: list[RowMapping]
    keys: list[tuple[Any, ...]]  # order key values of each row, for its cursor
    has_next: bool
    has_previous: bool


PageKey = tuple[Hashable, PageQuery]
CountKey = tuple[Hashable, CountQuery]


# Cursors -----------------------------------------------------------------------------------


def encode_cursor(order: str, values: Sequence[Any]) -> str:
    """An opaque cursor: url-safe base64 of the order name and the row's key values."""
    payload = orjson.dumps({"o": order, "v": [_encode_value(v) for v in values]})
    return base64.urlsafe_b64encode(payload).decode().rstrip("=")


def decode_cursor(cursor: str, order: str, kinds: Sequence[type | None]) -> tuple[Any, ...]:
    """The keyset values of ``cursor``, checked against the order's key ``kinds`` (from
    :func:`key_kinds`): a crafted cursor is refused here, not by the database."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = orjson.loads(raw)
        values = tuple(_decode_value(v) for v in data["v"])
        made_for = data["o"]
    except (binascii.Error, ValueError, TypeError, KeyError):
        raise CursorError(f"malformed cursor {cursor!r}") from None
    if made_for != order:
        raise CursorError(f"cursor {cursor!r} was made for order {made_for!r}, not {order!r}")
    if len(values) != len(kinds):
        raise CursorError(f"malformed cursor {cursor!r}")
    for value, kind in zip(values, kinds, strict=True):
        if value is not None and kind is not None and not _is_kind(value, kind):
            raise CursorError(f"malformed cursor {cursor!r}")
    return values


INT64 = 2**63


def key_kinds(keys: Sequence[ColumnElement[Any]]) -> tuple[type | None, ...]:
    """The Python type each keyset value must have (``None``: not checked)."""
    kinds: list[type | None] = []
    for key in keys:
        try:
            kinds.append(key.type.python_type)
        except NotImplementedError:
            kinds.append(None)
    return tuple(kinds)


def _is_kind(value: Any, kind: type) -> bool:
    if kind is int:
        return type(value) is int and -INT64 <= value < INT64
    if kind is float:
        return type(value) in (int, float)
    if kind is date:
        return type(value) is date  # not a datetime
    return isinstance(value, kind)


def _encode_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"t": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    return value


def _decode_value(value: Any) -> Any:
    if isinstance(value, dict):
        if "t" in value:
            parsed = datetime.fromisoformat(value["t"])
            if parsed.tzinfo is None:
                raise ValueError("naive timestamp in cursor")
            return parsed
        if "d" in value:
            return date.fromisoformat(value["d"])
        raise ValueError(value)
    if isinstance(value, list):
        raise ValueError(value)
    return value


# Keyset predicates (NULL is greater than every value) ---------------------------------------


def _eq(expr: ColumnElement[Any], value: Any, bind: Bind) -> ColumnElement[bool]:
    return expr.is_(None) if value is None else expr == bind(expr, value)


def _gt(expr: ColumnElement[Any], value: Any, bind: Bind) -> ColumnElement[bool]:
    if value is None:
        return false()
    if getattr(expr, "nullable", True) is False:
        # A NOT NULL key (the id tie-breaker): no NULL branch, so the index range scan holds
        # (`id > $1 OR id IS NULL` made PostgreSQL read the table up to the cursor).
        return expr > bind(expr, value)
    return or_(expr > bind(expr, value), expr.is_(None))


def _lt(expr: ColumnElement[Any], value: Any, bind: Bind) -> ColumnElement[bool]:
    return expr.is_not(None) if value is None else expr < bind(expr, value)


def beyond(
    keys: Sequence[ColumnElement[Any]],
    values: Sequence[Any],
    descending: bool,
    bind: Bind = inline,
) -> ColumnElement[bool]:
    """Rows strictly after ``values`` in the (lexicographic) order of ``keys``; ``bind``
    places the values (which of them are null is part of the statement's shape)."""
    step = _lt if descending else _gt
    alternatives = []
    for index, (expr, value) in enumerate(zip(keys, values, strict=True)):
        ties = [_eq(k, v, bind) for k, v in zip(keys[:index], values[:index], strict=True)]
        alternatives.append(and_(*ties, step(expr, value, bind)))
    return or_(*alternatives)


def order_by(keys: Sequence[ColumnElement[Any]], descending: bool) -> list[Any]:
    return [k.desc().nulls_first() if descending else k.asc().nulls_last() for k in keys]


# Loaders --------------------------------------------------------------------------------------


class PagesByParentLoader(BatchLoader[PageKey, Page]):
    """Pages keyed by ``(parent id, PageQuery)``: one statement per distinct query."""

    async def fetch(self, conn: AsyncConnection, keys: list[PageKey]) -> Mapping[PageKey, Page]:
        groups: dict[PageQuery, list[Hashable]] = {}
        for parent, query in keys:
            groups.setdefault(query, []).append(parent)
        pages: dict[PageKey, Page] = {}
        for query, parents in groups.items():
            if query.parent_column is None:
                rows = (await conn.execute(_page_statement(query))).mappings().all()
                pages[(None, query)] = _cut(query, list(rows))
                continue
            by_parent: dict[Any, list[RowMapping]] = {}
            for part in chunks(parents):
                result = await conn.execute(_windowed_statement(query, part))
                for row in result.mappings():
                    by_parent.setdefault(row["_parent"], []).append(row)
            for parent in parents:
                pages[(parent, query)] = _cut(query, by_parent.get(parent, []))
        return pages


class CountsByParentLoader(BatchLoader[CountKey, int]):
    """``totalCount`` keyed by ``(parent id, CountQuery)``: one GROUP BY per distinct query."""

    async def fetch(self, conn: AsyncConnection, keys: list[CountKey]) -> Mapping[CountKey, int]:
        groups: dict[CountQuery, list[Hashable]] = {}
        for parent, query in keys:
            groups.setdefault(query, []).append(parent)
        counts: dict[CountKey, int] = {}
        for query, parents in groups.items():
            spec = listing(query.listing)
            where = spec.where(query.filter)
            if query.parent_column is None:
                statement = select(func.count()).select_from(spec.table).where(where)
                counts[(None, query)] = (await conn.execute(statement)).scalar_one()
                continue
            column = spec.table.c[query.parent_column]
            for part in chunks(parents):
                statement = (
                    select(column, func.count()).where(column.in_(part), where).group_by(column)
                )
                for parent, count in await conn.execute(statement):
                    counts[(parent, query)] = count
        return counts

    def missing(self, key: CountKey) -> int:
        return 0


def page_conditions(
    query: PageQuery, keys: Sequence[ColumnElement[Any]], bind: Bind = inline
) -> list[Any]:
    """The filter and the cursors' keyset bounds of a page (``bind`` places the values)."""
    spec = listing(query.listing)
    conditions: list[Any] = [spec.where(query.filter, bind)]
    if query.after is not None:
        conditions.append(beyond(keys, query.after, query.descending, bind))
    if query.before is not None:
        conditions.append(beyond(keys, query.before, not query.descending, bind))
    return conditions


def _selected(query: PageQuery, keys: Sequence[ColumnElement[Any]]) -> list[Any]:
    table = listing(query.listing).table
    return [*record_columns(table), *(k.label(f"_k{i}") for i, k in enumerate(keys))]


def _page_statement(query: PageQuery) -> Select[Any]:
    keys = listing(query.listing).order_keys(query.order)
    descending = query.descending != query.backwards
    return (
        select(*_selected(query, keys))
        .where(*page_conditions(query, keys))
        .order_by(*order_by(keys, descending))
        .limit(query.limit + 1)
        .offset(query.offset or None)
    )


def _windowed_statement(query: PageQuery, parents: Sequence[Hashable]) -> Select[Any]:
    spec = listing(query.listing)
    keys = spec.order_keys(query.order)
    descending = query.descending != query.backwards
    column = spec.table.c[query.parent_column or ""]
    rank = func.row_number().over(partition_by=column, order_by=order_by(keys, descending))
    inner = (
        select(*_selected(query, keys), column.label("_parent"), rank.label("_rn"))
        .where(column.in_(parents), *page_conditions(query, keys))
        .subquery()
    )
    # Bracket access: ``.c._parent`` is the collection's own attribute, not the column.
    rank_column = inner.c["_rn"]
    return (
        select(inner)
        .where(rank_column > query.offset, rank_column <= query.offset + query.limit + 1)
        .order_by(inner.c["_parent"], rank_column)
    )


def _cut(query: PageQuery, rows: list[RowMapping]) -> Page:
    limit = query.limit
    more = len(rows) > limit
    rows = rows[:limit]
    width = len(listing(query.listing).order_keys(query.order))
    keys = [tuple(row[f"_k{i}"] for i in range(width)) for row in rows]
    if query.backwards:
        rows.reverse()
        keys.reverse()
        return Page(rows, keys, has_next=query.before is not None, has_previous=more)
    skipped = query.after is not None or query.offset > 0
    return Page(rows, keys, has_next=more, has_previous=skipped)


__all__ = [
    "LISTINGS",
    "CountQuery",
    "CountsByParentLoader",
    "CursorError",
    "Page",
    "PageQuery",
    "PagesByParentLoader",
    "decode_cursor",
    "encode_cursor",
    "key_kinds",
    "listing",
    "page_conditions",
    "register",
]

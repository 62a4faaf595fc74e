"""Relay connections over keyset pages, and the root/edge field factories that build them.

``connection_field`` makes a field with ``first``/``after``/``last``/``before``, ``offset``, a
typed ``filter`` and an ``orderBy``; on a root type it pages the whole listing, on a node it pages
the rows pointing back at that node (``parent_column``) — batched across every parent of the
same query by the loaders.
"""

import enum
import uuid
from typing import Annotated, Any, Generic, TypeVar

import strawberry
from strawberry import UNSET

from loaders import (
    CountQuery,
    CursorError,
    FilterError,
    Page,
    PageQuery,
    decode_cursor,
    encode_cursor,
    key_kinds,
    listing,
)
from schema.base import Info, build, load_one
from schema.compiled.relations import META, NodeByKey, TotalCount
from schema.compiled.relations import Connection as ConnectionMeta
from schema.errors import UserInputError
from schema.filters import to_ast
from schema.node import from_global_id

T = TypeVar("T")

MAX_PAGE = 100  # LL2's own ceiling on `limit`
DEFAULT_PAGE = 10  # LL2's default `limit`


@strawberry.type(description="Where a page sits in its connection (Relay cursor connections).")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More nodes follow this page.")
    has_previous_page: bool = strawberry.field(description="More nodes precede this page.")
    start_cursor: str | None = strawberry.field(description="Cursor of the first edge.")
    end_cursor: str | None = strawberry.field(description="Cursor of the last edge.")


@strawberry.type(description="A node and the cursor that points at it.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description="Pass as `after`/`before` to page from here.")
    node: T = strawberry.field(description="The node.")


@strawberry.type(description="A page of nodes, with cursors to the pages around it.")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The page's nodes with their cursors.")
    nodes: list[T] = strawberry.field(description="The page's nodes, without cursors.")
    page_info: PageInfo = strawberry.field(description="Cursors and whether pages follow.")
    count_key: strawberry.Private[tuple[Any, CountQuery]]

    @strawberry.field(
        description="How many nodes match the filter, across all pages.",
        metadata={META: TotalCount()},
    )
    async def total_count(self, info: Info) -> int:
        return await info.context.loaders.counts.load(self.count_key)


def order_enum(name: str, orders: list[str], description: str) -> Any:
    """A Strawberry enum ``<ORDER>_ASC``/``<ORDER>_DESC`` for each listing order."""
    members = {
        f"{order.upper()}_{direction.upper()}": f"{order}_{direction}"
        for order in orders
        for direction in ("asc", "desc")
    }
    return strawberry.enum(enum.Enum(name, members), description=description)  # type: ignore[misc]


def _given(value: Any) -> Any:
    """An argument's value, ``None`` when it was not given (the SDL shows no default)."""
    return None if value is UNSET else value


def parse_order(value: enum.Enum) -> tuple[str, bool]:
    """``NET_DESC`` → ``("net", True)``."""
    name, _, direction = value.value.rpartition("_")
    return name, direction == "desc"


def page_query(
    listing_name: str,
    parent_column: str | None,
    order: enum.Enum,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    filter_input: Any,
    offset: int | None = None,
) -> PageQuery:
    """Validate the page arguments (:class:`UserInputError` when they are wrong)."""
    if first is not None and last is not None:
        raise UserInputError("pass either `first` or `last`, not both")
    if offset is not None:
        if offset < 0:
            raise UserInputError(f"`offset` must be 0 or more (got {offset})")
        if last is not None or before is not None:
            raise UserInputError(
                "`offset` pages forward: pass it with `first`, not `last`/`before`"
            )
    for name, size in (("first", first), ("last", last)):
        if size is not None and not 0 <= size <= MAX_PAGE:
            raise UserInputError(
                f"`{name}` must be between 0 and {MAX_PAGE} (got {size}); "
                f"page with `after`/`before` cursors to see more"
            )
    if first is None and last is None:
        first = DEFAULT_PAGE
    order_name, descending = parse_order(order)
    kinds = key_kinds(listing(listing_name).order_keys(order_name))
    try:
        after_key = None if after is None else decode_cursor(after, order_name, kinds)
        before_key = None if before is None else decode_cursor(before, order_name, kinds)
    except CursorError as error:
        raise UserInputError(f"bad cursor: {error}") from None
    return PageQuery(
        listing=listing_name,
        parent_column=parent_column,
        order=order_name,
        descending=descending,
        first=first,
        last=last,
        after=after_key,
        before=before_key,
        filter=to_ast(filter_input),
        offset=offset or 0,
    )


def check_filter(query: PageQuery) -> None:
    """Fail on a bad filter before loading (:class:`UserInputError`)."""
    try:
        listing(query.listing).where(query.filter)
    except FilterError as error:
        raise UserInputError(str(error)) from None


def connection_of(page: Page, query: PageQuery, parent: Any, nodes: list[Any]) -> Connection[Any]:
    """The connection of a loaded page, whose ``nodes`` are built from its rows."""
    edges = [
        Edge(cursor=encode_cursor(query.order, key), node=node)
        for node, key in zip(nodes, page.keys, strict=True)
    ]
    return Connection(
        edges=edges,
        nodes=nodes,
        page_info=PageInfo(
            has_next_page=page.has_next,
            has_previous_page=page.has_previous,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        count_key=(parent, CountQuery(query.listing, query.parent_column, query.filter)),
    )


async def resolve_connection(info: Info, parent: Any, query: PageQuery) -> Connection[Any]:
    check_filter(query)
    page = await info.context.loaders.pages.load((parent, query))
    table = listing(query.listing).table.name
    return connection_of(page, query, parent, [build(table, row) for row in page.rows])


_FIRST = "Page forward: at most this many nodes (0 to 100; 10 when neither first nor last)."
_AFTER = "Page forward from this cursor (exclusive)."
_LAST = "Page backward: at most this many nodes (0 to 100), the ones just before `before`."
_BEFORE = "Page backward from this cursor (exclusive)."
_OFFSET = (
    "Skip this many nodes first (after `after`, if given), like LL2's `offset`. Forward only. "
    "The skipped rows are still read: page with cursors when you can."
)


def connection_field(
    node: Any,
    listing_name: str,
    filter_type: type,
    order_type: type[enum.Enum],
    default_order: enum.Enum,
    *,
    description: str,
    parent_column: str | None = None,
) -> Any:
    """A paginated field over ``listing_name``; with ``parent_column``, the rows pointing at
    ``self.ll2_id`` through that column."""

    async def resolver(
        self: Any,
        info: Info,
        first: Annotated[int | None, strawberry.argument(description=_FIRST)] = UNSET,
        after: Annotated[str | None, strawberry.argument(description=_AFTER)] = UNSET,
        last: Annotated[int | None, strawberry.argument(description=_LAST)] = UNSET,
        before: Annotated[str | None, strawberry.argument(description=_BEFORE)] = UNSET,
        offset: Annotated[int | None, strawberry.argument(description=_OFFSET)] = UNSET,
        filter: Annotated[
            filter_type | None,  # type: ignore[valid-type]
            strawberry.argument(description="Only nodes matching this."),
        ] = UNSET,
        order_by: Annotated[
            order_type,  # type: ignore[valid-type]
            strawberry.argument(description="Order of the nodes; ties are broken by id."),
        ] = default_order,
    ) -> Connection[node]:  # type: ignore[valid-type]
        query = page_query(
            listing_name,
            parent_column,
            order_by,
            _given(first),
            _given(after),
            _given(last),
            _given(before),
            _given(filter),
            _given(offset),
        )
        parent = self.ll2_id if parent_column else None
        return await resolve_connection(info, parent, query)

    relation = ConnectionMeta(listing_name, parent_column)
    return strawberry.field(resolver=resolver, description=description, metadata={META: relation})


def node_key(table: str, uuid_key: bool, id: str | None, ll2_id: Any) -> Any:
    """The store key a root node field asks for (:class:`UserInputError` when it is wrong)."""
    if (id is None) == (ll2_id is None):
        raise UserInputError("pass exactly one of `id` and `ll2Id`")
    if id is not None:
        kind, key = from_global_id(id)
        if kind.table != table:
            raise UserInputError(f"global id {id!r} is a {kind.name} id")
        return key
    return str(ll2_id) if uuid_key else ll2_id


def node_field(node: Any, table: str, *, description: str, uuid_key: bool = False) -> Any:
    """A root field fetching one node by global ``id`` or by ``ll2Id`` (exactly one)."""
    key_type = uuid.UUID if uuid_key else int

    async def resolver(
        info: Info,
        id: Annotated[strawberry.ID | None, strawberry.argument(description="Global id.")] = UNSET,
        ll2_id: Annotated[
            key_type | None,  # type: ignore[valid-type]
            strawberry.argument(description="LL2's id."),
        ] = UNSET,
    ) -> node | None:  # type: ignore[valid-type]
        key = node_key(table, uuid_key, _given(id), _given(ll2_id))
        return await load_one(info, table, key)

    relation = NodeByKey(table, uuid_key)
    return strawberry.field(resolver=resolver, description=description, metadata={META: relation})

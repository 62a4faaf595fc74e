"""Every root connection, every ``orderBy``: complete, duplicate-free, and the same both ways."""

from __future__ import annotations

from graphql import GraphQLEnumType, GraphQLNonNull, GraphQLObjectType, get_named_type
from sqlalchemy.ext.asyncio import AsyncEngine

from schema import schema
from tests.schema.helpers import walk, walk_back


def root_connections() -> list[tuple[str, str, list[str]]]:
    """(field, order enum, order values) of every root connection."""
    query = schema._schema.query_type
    assert query is not None
    found = []
    for name, field in query.fields.items():
        target = get_named_type(field.type)
        if isinstance(target, GraphQLObjectType) and target.name.endswith("Connection"):
            order = field.args["orderBy"].type
            assert isinstance(order, GraphQLNonNull)
            enum = order.of_type
            assert isinstance(enum, GraphQLEnumType)
            found.append((name, enum.name, list(enum.values)))
    return found


def test_every_node_type_has_a_root_connection() -> None:
    fields = {name for name, _, _ in root_connections()}
    assert {
        "flights",
        "spacecraftList",
        "spacecraftConfigs",
        "agencies",
        "launches",
        "pads",
        "locations",
        "celestialBodies",
        "landings",
    } <= fields


async def test_every_order_pages_completely_both_ways(demo_engine: AsyncEngine) -> None:
    checked = 0
    for field, enum, values in root_connections():
        for value in values:
            if not value.endswith("_ASC"):
                continue
            descending = value[: -len("_ASC")] + "_DESC"
            forward = await walk(demo_engine, field, enum, value)
            assert len(forward) == len(set(forward)), (field, value)
            assert await walk_back(demo_engine, field, enum, value) == forward, (field, value)
            assert await walk(demo_engine, field, enum, descending) == forward[::-1], (
                field,
                descending,
            )
            checked += bool(forward)
    assert checked >= 30

"""The ``offset`` argument of connections (LL2's REST paging; cursors stay the fast path)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.context import Context
from schema import schema

PAGE = "query($offset: Int, $last: Int, $first: Int) { flights(first: $first, last: $last, offset: $offset) { nodes { ll2Id } pageInfo { hasNextPage hasPreviousPage } } }"  # noqa: E501
NESTED = "{ spacecraftList(first: 3) { nodes { ll2Id flights(first: 2, offset: 1) { nodes { ll2Id } totalCount } } } }"  # noqa: E501


async def _run(engine: AsyncEngine, query: str, **variables: object) -> object:
    return await schema.execute(query, variable_values=variables, context_value=Context(engine))


async def test_offset_skips_rows_of_root_and_nested_connections(demo_engine: AsyncEngine) -> None:
    first = await _run(demo_engine, PAGE, first=10)
    skipped = await _run(demo_engine, PAGE, first=3, offset=4)
    nested = await _run(demo_engine, NESTED)
    plain = await _run(
        demo_engine, NESTED.replace(", offset: 1", "").replace("first: 2", "first: 3")
    )
    assert first.errors is None and skipped.errors is None and nested.errors is None
    ids = [n["ll2Id"] for n in first.data["flights"]["nodes"]]
    page = skipped.data["flights"]
    assert [n["ll2Id"] for n in page["nodes"]] == ids[4:7]
    assert page["pageInfo"] == {"hasNextPage": True, "hasPreviousPage": True}
    for with_offset, without in zip(
        nested.data["spacecraftList"]["nodes"], plain.data["spacecraftList"]["nodes"], strict=True
    ):
        expected = [n["ll2Id"] for n in without["flights"]["nodes"]][1:3]
        assert [n["ll2Id"] for n in with_offset["flights"]["nodes"]] == expected


async def test_offset_is_forward_and_not_negative(engine: AsyncEngine) -> None:
    backward = await _run(engine, PAGE, last=3, offset=1)
    negative = await _run(engine, PAGE, first=3, offset=-1)
    assert backward.errors and "`offset` pages forward" in backward.errors[0].message
    assert negative.errors and "`offset` must be 0 or more" in negative.errors[0].message

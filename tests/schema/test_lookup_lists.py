"""Root lists of LL2's lookups: what the store holds, filtered, searched and ordered like any
connection, in one statement per query on the SQL path — on both databases."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from loaders.lookups import LOOKUPS
from loaders.rows import table
from schema import schema
from tests.conftest import SEED_FLIGHT, StatementCounter, shared_file
from tests.schema.helpers import ingest, run, run_raw, statements


def field_of(listing: str) -> str:
    head, *rest = listing.split("_")
    return head + "".join(part.title() for part in rest)


async def test_every_lookup_lists_what_the_store_holds(engine: AsyncEngine) -> None:
    await ingest(engine, [shared_file(SEED_FLIGHT)])
    for listing, named_by in LOOKUPS:
        rows = table(listing)
        async with engine.connect() as conn:
            stored = (await conn.execute(select(rows.c.id).order_by(rows.c.id))).scalars().all()
        named = "role" if named_by == "role" else "name"
        query = f"{{ {field_of(listing)}(first: 100) {{ totalCount nodes {{ ll2Id {named} }} }} }}"
        data = (await run(engine, query))[field_of(listing)]
        assert [n["ll2Id"] for n in data["nodes"]] == list(stored), listing
        assert data["totalCount"] == len(stored)
    # The seed flight holds some of each: the lists are not all empty.
    seen = await run(engine, "{ launchStatuses { totalCount } orbits { totalCount } }")
    assert seen["launchStatuses"]["totalCount"] >= 1 and seen["orbits"]["totalCount"] >= 1


async def test_a_filter_finds_the_id_another_filter_takes(
    engine: AsyncEngine, count_statements: StatementCounter
) -> None:
    await ingest(engine, [shared_file(SEED_FLIGHT)])
    count_statements.reset()
    data = await run(
        engine,
        """{ success: launchStatuses(filter: {abbrev: {eq: "Success"}}) { nodes { ll2Id name } }
             leo: orbits(filter: {search: "low earth"}) { nodes { abbrev } }
             roles: astronautRoles(orderBy: NAME_DESC, first: 1) { nodes { role } } }""",
    )
    assert data["success"]["nodes"] == [{"ll2Id": 3, "name": "Launch Successful"}]
    assert data["leo"]["nodes"] == [{"abbrev": "LEO"}]
    assert len(data["roles"]["nodes"]) <= 1  # (the seed flight has no crew)
    # one page statement per list on the standard executor
    assert count_statements.count == statements(3), count_statements.statements


async def test_each_list_filters_on_exactly_the_fields_its_lookup_has(
    engine: AsyncEngine,
) -> None:
    await ingest(engine, [shared_file(SEED_FLIGHT)])
    lacking = await run_raw(engine, '{ agencyTypes(filter: {abbrev: {eq: "x"}}) { totalCount } }')
    (error,) = lacking.errors  # refused by validation: the schema says what can be filtered
    assert "'NamedLookupFilter' not to include unknown field 'abbrev'" in error.message
    data = await run(
        engine,
        """{ countries(filter: {alpha2Code: {in: ["US", "CN"]}}) { nodes { alpha2Code } }
             roles: astronautRoles(filter: {role: {contains: "command"}}) { totalCount } }""",
    )
    assert {n["alpha2Code"] for n in data["countries"]["nodes"]} <= {"US", "CN"}
    assert data["roles"]["totalCount"] >= 0


def test_every_lookup_has_a_root_list() -> None:
    fields = schema._schema.query_type.fields  # type: ignore[union-attr]
    for listing, _ in LOOKUPS:
        assert field_of(listing) in fields, listing


@pytest.mark.parametrize(
    ("query", "variables", "message"),
    [
        (
            "query($s: String) { launchStatuses(filter: {search: $s}) { totalCount } }",
            {"s": " ".join(["a"] * 160)},
            "search has 160 words; at most 10",
        ),
        (
            "query($n: [Int!]) { orbits(filter: {ll2Id: {in: $n}}) { totalCount } }",
            {"n": list(range(500))},
            "ll2_id: `in` has 500 items; at most 100",
        ),
    ],
)
async def test_hostile_lookup_filters_are_refused_before_sql(
    engine: AsyncEngine,
    count_statements: StatementCounter,
    query: str,
    variables: dict[str, Any],
    message: str,
) -> None:
    """The lookup lists take the filter limits every connection takes."""
    count_statements.reset()
    result = await run_raw(engine, query, **variables)
    (error,) = result.errors
    assert message in error.message
    assert error.extensions == {"code": "BAD_USER_INPUT"}
    assert count_statements.count == 0

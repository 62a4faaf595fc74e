"""SQL statement counts are pinned, whatever the page size: one statement per query on the
compiled SQL path, one per relation level on the standard executor (`make test-standard`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import StatementCounter
from tests.schema.helpers import load_json, run, statements

NESTED = """
query($n: Int!) {
  flights(first: $n) {
    %s
    nodes {
      spacecraft { spacecraftConfig { agency { country { name } } } }
      launch { pad { location { celestialBody { name } } } }
    }
  }
}
"""
# page, spacecraft, config, agency, country (link), launch, pad, location, celestial body
LEVELS = 9


@pytest.mark.parametrize("total_count", [False, True])
async def test_six_level_query_costs_one_statement_per_level_for_any_page_size(
    demo_engine: AsyncEngine, count_statements: StatementCounter, total_count: bool
) -> None:
    query = NESTED % ("totalCount" if total_count else "")
    for size in (1, 10, 100):
        count_statements.reset()
        data = await run(demo_engine, query, n=size)
        flights = data["flights"]["nodes"]
        assert len(flights) == size
        # the levels really were reached (no statement saved by empty relations)
        assert all(f["spacecraft"]["spacecraftConfig"]["agency"]["country"] for f in flights)
        assert all(f["launch"]["pad"]["location"]["celestialBody"]["name"] for f in flights)
        assert count_statements.count == statements(LEVELS + total_count), (
            count_statements.statements
        )


async def test_a_connection_on_many_parents_is_one_statement(
    demo_engine: AsyncEngine, demo_files: list[Path], count_statements: StatementCounter
) -> None:
    count_statements.reset()
    data = await run(
        demo_engine,
        """{ spacecraftList(first: 100) { nodes { ll2Id
               flights(first: 5, orderBy: LAUNCH_NET_DESC) { totalCount nodes { ll2Id } } } } }""",
    )
    # spacecraft page, every spacecraft's flights page, every spacecraft's flight count
    assert count_statements.count == statements(3), count_statements.statements
    spacecraft = data["spacecraftList"]["nodes"]
    assert len(spacecraft) == 100
    assert sum(len(s["flights"]["nodes"]) for s in spacecraft) > 100

    # Each parent's page is its flights in the order asked, as the raw JSON has them.
    flights = [f for path in demo_files for f in load_json(path)["results"]]
    for one in spacecraft:
        mine = [f for f in flights if f["spacecraft"]["id"] == one["ll2Id"]]
        mine.sort(key=lambda f: (f["launch"]["net"], f["id"]), reverse=True)
        assert one["flights"]["totalCount"] == len(mine)
        assert [n["ll2Id"] for n in one["flights"]["nodes"]] == [f["id"] for f in mine[:5]]

    # … and what asking for that parent alone gives.
    for one in spacecraft[:10]:
        alone = await run(
            demo_engine,
            """query($id: Int!) { spacecraft(ll2Id: $id) {
                 flights(first: 5, orderBy: LAUNCH_NET_DESC) { totalCount nodes { ll2Id } } } }""",
            id=one["ll2Id"],
        )
        assert alone["spacecraft"]["flights"] == one["flights"]


async def test_relation_filters_add_no_statement(
    demo_engine: AsyncEngine, count_statements: StatementCounter
) -> None:
    """A filter through relations (to one, and some/none/every of a list) is part of the
    statement that serves its connection: 50 agencies' filtered launches are still one page
    statement and one count statement."""
    count_statements.reset()
    data = await run(
        demo_engine,
        """{ agencies(first: 50, filter: { launchesWhere: {
               some: { statusWhere: { abbrev: { eq: "Success" } } },
               none: { padWhere: { locationWhere: { name: { eq: "nowhere" } } } } } }) {
             nodes { ll2Id
               launches(first: 5, filter: { or: [
                   { orbitWhere: { abbrev: { eq: "LEO" } } },
                   { flightsWhere: { every: { spacecraftWhere: { inSpace: { eq: false } } } } }
                 ] }) { totalCount nodes { ll2Id } } } } }""",
    )
    # the agency page, every agency's launches page, every agency's launch count
    assert count_statements.count == statements(3), count_statements.statements
    agencies = data["agencies"]["nodes"]
    assert agencies and sum(a["launches"]["totalCount"] for a in agencies) > 0

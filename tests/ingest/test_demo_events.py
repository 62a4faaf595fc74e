"""The demo events: made from the demo flights (a Docking event per docking, a Press Event
before each recent crewed launch), valid LL2 detailed events that ingest with the flights on
both databases and link back to the same launches, agencies and stations."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import orjson
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from ingest.demo_data import generate, iter_flights
from ingest.demo_events import demo_events, write_events
from tests.gateway.rest.spec import violations
from tests.schema.helpers import ingest, run

FLIGHTS, SEED = 200, 2023


def test_every_demo_event_is_an_ll2_detailed_event() -> None:
    flights = list(iter_flights(FLIGHTS, SEED))
    events = demo_events(flights)
    dockings = sum(len(f["docking_events"]) for f in flights)
    kinds = Counter(e["type"]["name"] for e in events)
    assert kinds["Docking"] == dockings > 0
    assert kinds["Press Event"] > 0
    assert len({e["id"] for e in events}) == len(events)
    for event in events:
        assert violations("EventEndpointDetailed", event) == [], event["name"]


@pytest.mark.parametrize("hostile", [False, True], ids=["default", "hostile"])
async def test_demo_events_ingest_and_link_to_the_demo_flights(
    engine: AsyncEngine, tmp_path: Path, hostile: bool
) -> None:
    pages = generate(FLIGHTS, SEED, tmp_path, hostile=hostile)
    event_pages = write_events(pages, tmp_path)
    events = [e for p in event_pages for e in orjson.loads(p.read_bytes())["results"]]
    await ingest(engine, [*pages, *event_pages])
    data = await run(
        engine,
        """{ events(first: 100, orderBy: DATE_ASC,
                    filter: { typeWhere: { name: { eq: "Docking" } } }) {
               totalCount
               nodes { ll2Id launches { ll2Id } spacestations { ll2Id } agencies { ll2Id } } }
             all: events { totalCount } }""",
    )
    dockings = [e for e in events if e["type"]["name"] == "Docking"]
    assert data["all"]["totalCount"] == len(events)
    assert data["events"]["totalCount"] == len(dockings)
    given = {e["id"]: e for e in dockings}
    for node in data["events"]["nodes"]:
        event = given[node["ll2Id"]]
        assert [x["ll2Id"] for x in node["launches"]] == [x["id"] for x in event["launches"]]
        assert [x["ll2Id"] for x in node["spacestations"]] == [
            x["id"] for x in event["spacestations"]
        ]
        assert [x["ll2Id"] for x in node["agencies"]] == [x["id"] for x in event["agencies"]]

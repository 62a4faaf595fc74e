"""The default demo data set, ingested into SQLite and PostgreSQL: every counter the generator
emits equals what the graph itself shows (an agency's launches, a pad's, a spacecraft's
flights, a landing location's landings, ...), and GraphiQL's examples answer with real data.

Counted as :mod:`ingest.demo_tally` says: a launch has flown when its status is Success,
Failure, Partial Failure or Payload Deployed; a landing counts once its outcome is known."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from graphql import OperationType, get_operation_ast, parse
from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.http.examples import EXAMPLES, NOW
from ingest.demo_data import generate
from tests.conftest import Database
from tests.databases import Template, Templates
from tests.schema.helpers import run

pytestmark = pytest.mark.asyncio(loop_scope="module")

FLIGHTS, SEED = 300, 2023
FLOWN, SUCCESS, FAILED, PENDING = [3, 4, 7, 9], 3, [4, 7], [1, 2, 8]
Node = dict[str, Any]


@pytest.fixture(scope="module")
def default_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return generate(FLIGHTS, SEED, tmp_path_factory.mktemp("demo-default"))


@pytest.fixture(scope="module")
def module_template(
    module_backend: str, templates: Templates, default_files: list[Path]
) -> Template:
    # Built outside the event loop: the template builder runs a loop of its own.
    return templates.get(module_backend, f"demo-default-{FLIGHTS}", default_files)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def demo(
    module_template: Template, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[AsyncEngine]:
    database = Database(module_template.backend, tmp_path_factory.mktemp("counters"),
                        module_template)  # fmt: skip
    await database.create()
    engine = database.engine()
    try:
        yield engine
    finally:
        await engine.dispose()
        await database.drop()


async def every(engine: AsyncEngine, field: str, selection: str) -> list[Node]:
    """Every node of a root connection, paged by cursor."""
    query = f"""query($after: String) {{ {field}(first: 100, after: $after) {{
      pageInfo {{ hasNextPage endCursor }} nodes {{ {selection} }} }} }}"""
    nodes: list[Node] = []
    after = None
    while True:
        page = (await run(engine, query, after=after))[field]
        nodes += page["nodes"]
        if not page["pageInfo"]["hasNextPage"]:
            return nodes
        after = page["pageInfo"]["endCursor"]


FLIGHT = """ll2Id missionEnd
  spacecraft { ll2Id spacecraftConfig { ll2Id } }
  launch { ll2Id net status { ll2Id } launchServiceProvider { ll2Id }
           mission { orbit { abbrev } }
           pad { ll2Id location { ll2Id celestialBody { ll2Id } } }
           orbitalLaunchAttemptCount locationLaunchAttemptCount padLaunchAttemptCount
           agencyLaunchAttemptCount orbitalLaunchAttemptCountYear
           locationLaunchAttemptCountYear padLaunchAttemptCountYear
           agencyLaunchAttemptCountYear }
  landing { success landingLocation { ll2Id location { ll2Id } celestialBody { ll2Id } } }
  launchCrew { astronaut { ll2Id firstFlight lastFlight } }"""


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def flights(demo: AsyncEngine) -> list[Node]:
    found = await every(demo, "flights", FLIGHT)
    assert len(found) == FLIGHTS
    return found


def flown(flight: Node) -> bool:
    return flight["launch"]["status"]["ll2Id"] in FLOWN


def outcome(flight: Node) -> bool | None:
    return flight["landing"]["success"] if flight["landing"] else None


def landing_site(flight: Node) -> Node:
    return (flight["landing"] or {}).get("landingLocation") or {}


def tally(flights: list[Node], key: Any) -> dict[Any, Counter[str]]:
    """Launch and landing counts per key(flight) (flights with a None key are left out), and
    the streaks of successes up to the latest one."""
    counts: dict[Any, Counter[str]] = defaultdict(Counter)
    for flight in sorted(flights, key=lambda f: f["launch"]["net"]):
        k = key(flight)
        if k is None:
            continue
        c, status = counts[k], flight["launch"]["status"]["ll2Id"]
        c["launches"] += 1
        if status in FLOWN:
            c["flown"] += 1
            c["success"] += status == SUCCESS
            c["failed"] += status in FAILED
            c["streak"] = c["streak"] + 1 if status == SUCCESS else 0
        else:
            c["pending"] += 1
        landed = outcome(flight)
        if landed is not None:
            c["attempted"] += 1
            c["landed"] += landed
            c["crashed"] += not landed
            c["landing_streak"] = c["landing_streak"] + 1 if landed else 0
    return counts


async def test_agency_counters_count_the_launches_it_provides(
    demo: AsyncEngine, flights: list[Node]
) -> None:
    agencies = await every(
        demo,
        "agencies",
        """ll2Id name totalLaunchCount successfulLaunches failedLaunches pendingLaunches
        consecutiveSuccessfulLaunches attemptedLandings successfulLandings failedLandings
        consecutiveSuccessfulLandings attemptedLandingsSpacecraft successfulLandingsSpacecraft
        failedLandingsSpacecraft attemptedLandingsPayload
        launches { totalCount }
        flown: launches(filter: {status: {in: [3, 4, 7, 9]}}) { totalCount }
        ok: launches(filter: {status: {eq: 3}}) { totalCount }
        failed: launches(filter: {status: {in: [4, 7]}}) { totalCount }
        pending: launches(filter: {status: {in: [1, 2, 8]}}) { totalCount }""",
    )
    expected = tally(flights, lambda f: (f["launch"]["launchServiceProvider"] or {}).get("ll2Id"))
    assert sum(1 for a in agencies if expected[a["ll2Id"]]["launches"]) >= 5
    for agency in agencies:
        want = expected[agency["ll2Id"]]
        # Every agency has its counters: none sorts first as null in TOTAL_LAUNCH_COUNT_DESC.
        got = {
            "totalLaunchCount": agency["flown"]["totalCount"],
            "successfulLaunches": agency["ok"]["totalCount"],
            "failedLaunches": agency["failed"]["totalCount"],
            "pendingLaunches": agency["pending"]["totalCount"],
            "consecutiveSuccessfulLaunches": want["streak"],
            "attemptedLandings": want["attempted"],
            "successfulLandings": want["landed"],
            "failedLandings": want["crashed"],
            "consecutiveSuccessfulLandings": want["landing_streak"],
            "attemptedLandingsSpacecraft": want["attempted"],
            "successfulLandingsSpacecraft": want["landed"],
            "failedLandingsSpacecraft": want["crashed"],
            "attemptedLandingsPayload": 0,
        }
        assert {k: agency[k] for k in got} == got, agency["name"]
        assert agency["flown"]["totalCount"] == want["flown"]
        assert (
            agency["totalLaunchCount"] + agency["pendingLaunches"]
            == (agency["launches"]["totalCount"])
        )


async def test_pad_location_and_body_counters_count_their_launches(
    demo: AsyncEngine, flights: list[Node]
) -> None:
    pads = await every(
        demo,
        "pads",
        """ll2Id totalLaunchCount orbitalLaunchAttemptCount
        flown: launches(filter: {status: {in: [3, 4, 7, 9]}}) { totalCount }
        orbital: launches(filter: {status: {in: [3, 4, 7, 9]}, suborbital: false}) {
          totalCount }""",
    )
    used = {f["launch"]["pad"]["ll2Id"] for f in flights}
    assert used <= {p["ll2Id"] for p in pads}
    for pad in pads:
        assert pad["totalLaunchCount"] == pad["flown"]["totalCount"], pad
        assert pad["orbitalLaunchAttemptCount"] == pad["orbital"]["totalCount"], pad
    assert sum(p["totalLaunchCount"] for p in pads) == sum(map(flown, flights))

    locations = await every(demo, "locations", "ll2Id totalLaunchCount totalLandingCount")
    launches = tally(flights, lambda f: f["launch"]["pad"]["location"]["ll2Id"])
    landings = tally(flights, lambda f: (landing_site(f).get("location") or {}).get("ll2Id"))
    for location in locations:
        key = location["ll2Id"]
        assert location["totalLaunchCount"] == launches[key]["flown"], location
        assert location["totalLandingCount"] == landings[key]["attempted"], location

    bodies = await every(
        demo,
        "celestialBodies",
        """ll2Id name totalAttemptedLaunches successfulLaunches failedLaunches
        totalAttemptedLandings successfulLandings failedLandings""",
    )
    launched = tally(flights, lambda f: f["launch"]["pad"]["location"]["celestialBody"]["ll2Id"])
    landed = tally(flights, lambda f: (landing_site(f).get("celestialBody") or {}).get("ll2Id"))
    assert {b["name"] for b in bodies} >= {"Earth"}
    for body in bodies:
        up, down = launched[body["ll2Id"]], landed[body["ll2Id"]]
        want = [up["flown"], up["success"], up["failed"]]
        want += [down["attempted"], down["landed"], down["crashed"]]
        got = [body[k] for k in ("totalAttemptedLaunches", "successfulLaunches", "failedLaunches")]
        got += [body[k] for k in ("totalAttemptedLandings", "successfulLandings", "failedLandings")]
        # A body only named as an orbit's (the Moon) comes without statistics at all.
        assert got == want or (got == [None] * 6 and want == [0] * 6), body["name"]


async def test_spacecraft_counters_count_their_flights(
    demo: AsyncEngine, flights: list[Node]
) -> None:
    spacecraft = await every(
        demo,
        "spacecraftList",
        """ll2Id name flightsCount missionEndsCount flights { totalCount }
        ended: flights(filter: {missionEnd: {isNull: false}}) { totalCount }""",
    )
    assert max(s["flightsCount"] for s in spacecraft) > 1  # reusable ones fly again
    for craft in spacecraft:
        assert craft["flightsCount"] == craft["flights"]["totalCount"], craft
        assert craft["missionEndsCount"] == craft["ended"]["totalCount"], craft
    assert sum(s["flightsCount"] for s in spacecraft) == FLIGHTS


async def test_configuration_and_family_counters_count_their_spacecraft_flights(
    demo: AsyncEngine, flights: list[Node]
) -> None:
    configs = await every(
        demo,
        "spacecraftConfigs",
        """ll2Id name spacecraftFlown totalLaunchCount successfulLaunches failedLaunches
        attemptedLandings successfulLandings failedLandings
        family { ll2Id name spacecraftFlown totalLaunchCount successfulLaunches
                 failedLaunches attemptedLandings successfulLandings failedLandings }""",
    )
    expected = tally(flights, lambda f: f["spacecraft"]["spacecraftConfig"]["ll2Id"])
    fleet: dict[int, set[int]] = defaultdict(set)
    for flight in filter(flown, flights):
        fleet[flight["spacecraft"]["spacecraftConfig"]["ll2Id"]].add(flight["spacecraft"]["ll2Id"])
    names = ("spacecraftFlown", "totalLaunchCount", "successfulLaunches", "failedLaunches")
    names += ("attemptedLandings", "successfulLandings", "failedLandings")
    families: dict[int, tuple[Node, Counter[str]]] = {}
    for config in configs:
        want = expected[config["ll2Id"]]
        counts = [len(fleet[config["ll2Id"]]), want["flown"], want["success"], want["failed"]]
        counts += [want["attempted"], want["landed"], want["crashed"]]
        assert [config[n] for n in names] == counts, config["name"]
        for family in config["family"]:
            total = families.setdefault(family["ll2Id"], (family, Counter()))[1]
            total.update(dict(zip(names, counts, strict=True)))
    assert families
    for family, total in families.values():
        assert {n: family[n] for n in names} == {n: total[n] for n in names}, family["name"]


async def test_landing_location_counters_count_their_landings(demo: AsyncEngine) -> None:
    sites = await every(
        demo,
        "landingLocations",
        """ll2Id name attemptedLandings successfulLandings failedLandings
        ok: landings(filter: {success: {eq: true}}) { totalCount }
        lost: landings(filter: {success: {eq: false}}) { totalCount }""",
    )
    assert sum(s["attemptedLandings"] for s in sites) > 0
    for site in sites:
        assert site["successfulLandings"] == site["ok"]["totalCount"], site
        assert site["failedLandings"] == site["lost"]["totalCount"], site
        assert site["attemptedLandings"] == site["ok"]["totalCount"] + site["lost"]["totalCount"]


async def test_a_launch_is_the_nth_from_its_pad_location_and_provider(
    demo: AsyncEngine, flights: list[Node]
) -> None:
    launches = [f["launch"] | {"_sub": (f["launch"]["mission"] or {}).get("orbit", {})} for f in
                flights]  # fmt: skip

    def rank(launch: Node, same: Any, year: bool) -> int | None:
        if same(launch) is None:
            return None
        return sum(
            1
            for other in launches
            if same(other) == same(launch)
            and other["net"] <= launch["net"]
            and (not year or other["net"][:4] == launch["net"][:4])
        )

    groups = {
        "orbital": lambda x: None if x["_sub"].get("abbrev") == "Sub" else "orbit",
        "location": lambda x: x["pad"]["location"]["ll2Id"],
        "pad": lambda x: x["pad"]["ll2Id"],
        "agency": lambda x: (x["launchServiceProvider"] or {}).get("ll2Id"),
    }
    for launch in launches:
        for name, same in groups.items():
            assert launch[f"{name}LaunchAttemptCount"] == rank(launch, same, False), (name, launch)
            assert launch[f"{name}LaunchAttemptCountYear"] == rank(launch, same, True), name
    # The same, asked of the graph for one launch.
    launch = max(launches, key=lambda x: x["padLaunchAttemptCount"])
    data = await run(
        demo,
        "query($pad: Int!, $net: DateTime!) { launches(filter: {pad: {eq: $pad},"
        " net: {lte: $net}}) { totalCount } }",
        pad=launch["pad"]["ll2Id"],
        net=launch["net"],
    )
    assert data["launches"]["totalCount"] == launch["padLaunchAttemptCount"] > 1


async def test_astronauts_first_and_last_flights_are_their_crews(flights: list[Node]) -> None:
    nets: dict[int, list[str]] = defaultdict(list)
    seen: dict[int, Node] = {}
    for flight in filter(flown, flights):
        for seat in flight["launchCrew"]:
            nets[seat["astronaut"]["ll2Id"]].append(flight["launch"]["net"])
            seen[seat["astronaut"]["ll2Id"]] = seat["astronaut"]
    assert len(seen) > 10
    for ident, astronaut in seen.items():
        assert (astronaut["firstFlight"], astronaut["lastFlight"]) == (
            min(nets[ident]),
            max(nets[ident]),
        )


async def test_graphiql_examples_show_real_providers_and_upcoming_launches(
    demo: AsyncEngine,
) -> None:
    now = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    for example in EXAMPLES:
        if get_operation_ast(parse(example.query)).operation != OperationType.QUERY:
            continue
        for when in ("2024-01-01T00:00:00Z", now):
            variables = {k: (when if v == NOW else v) for k, v in example.variables.items()}
            data = await run(demo, example.query, **variables)
            (answer,) = data.values()
            nodes = answer["nodes"]
            assert nodes, (example.name, when)
    history = await run(demo, EXAMPLES[2].query, after=None)
    top = history["agencies"]["nodes"][0]
    assert top["name"] in {"SpaceX", "Russian Federal Space Agency (ROSCOSMOS)",
                           "National Aeronautics and Space Administration"}  # fmt: skip
    assert top["totalLaunchCount"] >= top["successfulLaunches"] > 10

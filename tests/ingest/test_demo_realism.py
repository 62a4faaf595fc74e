"""The default demo data set looks like LL2: real providers fly their own rockets from their
own pads, places sit in their real countries on Earth, spacecraft fly in their own years
with crews of their own agencies, missions are numbered in NET order; and in the JSON, on
both data sets, every counter agrees with the flights it counts."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

import pytest

from ingest.demo_craft import CRAFTS
from ingest.demo_data import iter_flights

Flight = dict[str, Any]
FLOWN = {3, 4, 7, 9}


@pytest.fixture(scope="module")
def flights() -> list[Flight]:
    return list(iter_flights(3000, seed=2023))


def seen(flights: list[Flight], *path: str) -> Counter[tuple[Any, ...]]:
    """How often each combination of the values at dotted paths occurs."""

    def at(flight: Flight, dotted: str) -> Any:
        value: Any = flight
        for key in dotted.split("."):
            value = value[key] if value is not None else None
        return value

    return Counter(tuple(at(f, p) for p in path) for f in flights)


def test_the_big_providers_fly_their_own_rockets_from_their_own_pads(
    flights: list[Flight],
) -> None:
    combos = seen(
        flights,
        "launch.launch_service_provider.name",
        "launch.rocket.configuration.full_name",
        "launch.pad.name",
        "launch.pad.location.name",
    )
    for combo in [
        ("SpaceX", "Falcon 9 Block 5", "Space Launch Complex 40", "Cape Canaveral SFS, FL, USA"),
        ("Russian Federal Space Agency (ROSCOSMOS)", "Soyuz 2.1a", "31/6",
         "Baikonur Cosmodrome, Republic of Kazakhstan"),
        ("China Aerospace Science and Technology Corporation", "Long March 2F/G",
         "Launch Area 4 (SLS-1 / 921)",
         "Jiuquan Satellite Launch Center, People's Republic of China"),
        ("Indian Space Research Organization", "PSLV-G", "First Launch Pad",
         "Satish Dhawan Space Centre, India"),
        ("Rocket Lab", "Electron", "Rocket Lab Launch Complex 1B",
         "Rocket Lab Launch Complex 1, Mahia Peninsula, New Zealand"),
        ("Arianespace", "Ariane 62", "Ariane Launch Area 4", "Guiana Space Centre, French Guiana"),
        ("United Launch Alliance", "Atlas V N22", "Space Launch Complex 41",
         "Cape Canaveral SFS, FL, USA"),
        ("Blue Origin", "New Shepard", "West Texas Suborbital Launch Site/ Corn Ranch",
         "Corn Ranch, Van Horn, TX, USA"),
        ("Mitsubishi Heavy Industries", "H3-24W", "Yoshinobu Launch Complex LP-2",
         "Tanegashima Space Center, Japan"),
    ]:  # fmt: skip
        assert combo in combos, combo
    # One provider per rocket, and a rocket only at its own launch sites.
    providers: dict[str, set[str]] = defaultdict(set)
    sites: dict[str, set[str]] = defaultdict(set)
    for provider, rocket, _, location in combos:
        providers[rocket].add(provider)
        sites[rocket].add(location)
    assert all(len(names) == 1 for names in providers.values()), providers
    assert max(len(names) for names in sites.values()) <= 2, sites


def test_places_sit_in_their_countries_on_earth(flights: list[Flight]) -> None:
    countries = {
        "Baikonur Cosmodrome, Republic of Kazakhstan": "KAZ",
        "Cape Canaveral SFS, FL, USA": "USA",
        "Jiuquan Satellite Launch Center, People's Republic of China": "CHN",
        "Guiana Space Centre, French Guiana": "FRA",
        "Satish Dhawan Space Centre, India": "IND",
        "Rocket Lab Launch Complex 1, Mahia Peninsula, New Zealand": "NZL",
        "Tanegashima Space Center, Japan": "JPN",
    }
    for flight in flights:
        pad = flight["launch"]["pad"]
        location = pad["location"]
        assert location["celestial_body"]["name"] == "Earth"
        assert pad["country"] == location["country"]
        assert abs(pad["latitude"] - location["latitude"]) < 1
        assert abs(pad["longitude"] - location["longitude"]) < 1
        want = countries.get(location["name"])
        assert want is None or location["country"]["alpha_3_code"] == want, location["name"]
        if flight["landing"]:
            site = flight["landing"]["landing_location"]
            assert site["celestial_body"]["name"] == "Earth"
            near = site["location"]
            assert near is None or abs(near["latitude"] - site["latitude"]) < 1


def test_spacecraft_fly_in_their_years_on_their_missions(flights: list[Flight]) -> None:
    years = {craft.name: craft.years for craft in CRAFTS}
    for flight in flights:
        config = flight["spacecraft"]["spacecraft_config"]
        first, last = years[config["name"]]
        assert first <= int(flight["launch"]["net"][:4]) <= last, config["name"]
        mission = flight["launch"]["mission"]
        suborbital = mission["orbit"]["abbrev"] == "Sub"
        assert suborbital == (config["name"] in ("New Shepard Capsule", "Starship"))
        assert flight["destination"] == mission["orbit"]["name"]
    operators = seen(flights, "spacecraft.spacecraft_config.name",
                     "spacecraft.spacecraft_config.agency.abbrev")  # fmt: skip
    for pair in [("Dragon 2", "SpX"), ("Soyuz MS", "RFSA"), ("Shenzhou", "CASC"),
                 ("CST-100 Starliner", "BA"), ("Orion", "NASA"), ("Cygnus", "NGSS"),
                 ("HTV-X", "JAXA"), ("Space Shuttle", "NASA")]:  # fmt: skip
        assert pair in operators, pair


def test_missions_are_numbered_in_net_order(flights: list[Flight]) -> None:
    numbered: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for flight in flights:
        name = flight["launch"]["mission"]["name"]
        if match := re.fullmatch(r"(Crew-|Soyuz MS-|Shenzhou |STS-|NS-|Progress MS-)(\d+)", name):
            numbered[match[1]].append((flight["launch"]["net"], int(match[2])))
    assert len(numbered) == 6
    for prefix, missions in numbered.items():
        numbers = [n for _, n in sorted(missions)]
        assert numbers == sorted(set(numbers)), prefix
    # A single use spacecraft is named after its mission.
    soyuz = [f for f in flights if f["launch"]["mission"]["name"].startswith("Soyuz MS-")]
    assert all(f["spacecraft"]["name"] == f["launch"]["mission"]["name"] for f in soyuz)


def test_crews_are_people_of_their_craft_and_agency(flights: list[Flight]) -> None:
    nationalities: dict[str, Counter[str]] = defaultdict(Counter)
    people: dict[int, set[str]] = defaultdict(set)
    for flight in flights:
        config = flight["spacecraft"]["spacecraft_config"]["name"]
        for seat in flight["launch_crew"]:
            astronaut = seat["astronaut"]
            people[astronaut["id"]].add(astronaut["name"])
            nationalities[config].update(c["alpha_3_code"] for c in astronaut["nationality"])
            if astronaut["date_of_birth"] and astronaut["first_flight"]:
                age = int(astronaut["first_flight"][:4]) - int(astronaut["date_of_birth"][:4])
                assert 25 <= age <= 80, astronaut
        assert len(flight["launch_crew"]) <= (
            flight["spacecraft"]["spacecraft_config"]["crew_capacity"] or 0
        )
    assert set(nationalities["Shenzhou"]) == {"CHN"}
    assert nationalities["Soyuz MS"].most_common(1)[0][0] == "RUS"
    assert all(len(names) == 1 for names in people.values())
    names = Counter(next(iter(names)) for names in people.values())
    assert names.most_common(1)[0][1] <= 2  # varied names, few namesakes


@pytest.mark.parametrize("hostile", [False, True])
def test_json_counters_agree_with_the_flights(hostile: bool) -> None:
    flights = list(iter_flights(1500, seed=11, hostile=hostile))
    by_net = sorted(flights, key=lambda f: f["launch"]["net"])
    want: dict[tuple[str, Any], Counter[str]] = defaultdict(Counter)
    copies: dict[tuple[str, Any], list[dict[str, Any]]] = defaultdict(list)
    for flight in by_net:
        launch, status = flight["launch"], flight["launch"]["status"]["id"]
        provider = launch["launch_service_provider"]
        keys = [("pad", launch["pad"]["id"]), ("location", launch["pad"]["location"]["id"])]
        keys += [("config", flight["spacecraft"]["spacecraft_config"]["id"])]
        keys += [("agency", provider["id"])] if provider else []
        for key in keys:
            want[key]["flown"] += status in FLOWN
            want[key]["ok"] += status == 3
            want[key]["pending"] += status not in FLOWN
        want[("spacecraft", flight["spacecraft"]["id"])]["flights"] += 1
        want[("spacecraft", flight["spacecraft"]["id"])]["ends"] += bool(flight["mission_end"])
        if flight["landing"] and flight["landing"]["success"] is not None:
            site = ("site", flight["landing"]["landing_location"]["id"])
            want[site]["attempted"] += 1
            want[site]["landed"] += flight["landing"]["success"]
        copies[("pad", launch["pad"]["id"])].append(launch["pad"])
        copies[("location", launch["pad"]["location"]["id"])].append(launch["pad"]["location"])
        copies[("config", flight["spacecraft"]["spacecraft_config"]["id"])].append(
            flight["spacecraft"]["spacecraft_config"]
        )
        copies[("spacecraft", flight["spacecraft"]["id"])].append(flight["spacecraft"])
        if flight["landing"]:
            site_copy = flight["landing"]["landing_location"]
            copies[("site", site_copy["id"])].append(site_copy)
        for agency in (launch["mission"] or {}).get("agencies", []):
            copies[("agency", agency["id"])].append(agency)
    checked = Counter()
    for (kind, ident), objs in copies.items():
        n = want[(kind, ident)]
        fields = {
            "pad": {"total_launch_count": n["flown"]},
            "location": {"total_launch_count": n["flown"]},
            "config": {"total_launch_count": n["flown"], "successful_launches": n["ok"]},
            "spacecraft": {"flights_count": n["flights"], "mission_ends_count": n["ends"]},
            "site": {"attempted_landings": n["attempted"], "successful_landings": n["landed"]},
            "agency": {"total_launch_count": n["flown"], "successful_launches": n["ok"],
                       "pending_launches": n["pending"]},
        }[kind]  # fmt: skip
        for obj in objs:
            assert {k: obj[k] for k in fields} == fields, (kind, ident)
        checked[kind] += 1
    assert all(checked[kind] > 3 for kind in ("pad", "config", "spacecraft", "site", "agency"))
    # Every agency a flight mentions is listed in full (with counters) by some mission.
    listed = {ident for kind, ident in copies if kind == "agency"}
    mentioned = {f["launch"]["launch_service_provider"]["id"] for f in flights
                 if f["launch"]["launch_service_provider"]}  # fmt: skip
    mentioned |= {f["spacecraft"]["spacecraft_config"]["agency"]["id"] for f in flights}
    assert mentioned <= listed

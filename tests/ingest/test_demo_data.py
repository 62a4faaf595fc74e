"""ingest.demo_data: deterministic pages, the seed flight's exact shape, one value per id —
on the default (realistic) data set and on the hostile one the tests use; hostile text only
on request."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from ingest.demo_craft import realistic_catalog
from ingest.demo_data import PAGE_SIZE, generate, iter_flights
from ingest.demo_hostile import AGENCY_NAMES, ODD_TEXT, hostile_catalog
from ingest.demo_lookups import BODY_STATS
from ingest.demo_plan import draw
from ingest.demo_tally import count
from ingest.demo_world import World

SAMPLES = Path(__file__).resolve().parents[3] / "shared/ll2/samples"
SEED_FLIGHT = SAMPLES / "spacecraft_flights/2.3.0_detailed_single_flight859_seed.json"
# A page of real LL2 2.3.0 launches: its missions list agencies in full (with counters).
LAUNCHES = SAMPLES / "launches/2.3.0_normal_upcoming-results-array_10_astroshare.json"
MODES = ("default", "hostile")
API = "https://ll.thespacedevs.com/2.3.0/"
PAGES = f"{API}spacecraft_flights/?limit=100&mode=detailed"
DURATION = re.compile(r"^P(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?$")

# Objects LL2 may send as null where the seed happens to hold one.
NULLABLE = {"image", "logo", "social_logo", "agency", "launch_service_provider", "mission"}
NULLABLE |= {"landing", "location", "manufacturer", "language"}
NEVER_NULL = {"id", "url", "response_mode", "net", "window_start", "window_end", "last_updated"}


def shared_json(path: Path) -> Any:
    if not path.exists():
        if os.environ.get("FLIGHTGRAPH_REQUIRE_SERVICES") == "1":
            pytest.fail(f"{path} is missing")
        pytest.skip(f"../shared unavailable: {path} is missing")
    return json.loads(path.read_text())


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    return shared_json(SEED_FLIGHT)


@pytest.fixture(scope="module")
def mission_agency() -> dict[str, Any]:
    return shared_json(LAUNCHES)[1]["mission"]["agencies"][0]


@pytest.fixture(scope="module", params=MODES)
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def flights(mode: str) -> list[dict[str, Any]]:
    return list(iter_flights(1000, seed=7, hostile=mode == "hostile"))


def walk(value: Any) -> Iterator[dict[str, Any]]:
    """Every dict nested anywhere in value, value included."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


def strings(value: Any) -> Iterator[str]:
    for obj in walk(value):
        yield from (v for v in obj.values() if isinstance(v, str))


def entity_key(obj: dict[str, Any]) -> tuple[str, Any] | None:
    """(endpoint, id) for an object that names itself with an LL2 API url."""
    url = obj.get("url")
    if "id" not in obj or not isinstance(url, str) or not url.startswith(API):
        return None
    return url[len(API) :].split("/")[0], obj["id"]


def templates(seed: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Shapes for what the seed leaves empty (by list key) or null (by key), in LL2 2.3.0 order.
    Values only give the type; they are built from the seed's own objects where it has them."""
    launch, agency = seed["launch"], seed["spacecraft"]["spacecraft_config"]["agency"]
    mini, image, country = (
        launch["launch_service_provider"],
        launch["image"],
        launch["pad"]["country"],
    )
    kind, language = {"id": 1, "name": "n"}, {"id": 1, "name": "English", "code": "en"}
    link = {"id": 1, "social_media": {"id": 1, "name": "n", "url": "u", "logo": image}, "url": "u"}
    astronaut = {"id": 1, "url": "u", "name": "n", "status": kind, "agency": mini, "image": image}
    astronaut |= {"response_mode": "detailed", "type": kind, "in_space": False}
    astronaut |= {"time_in_space": "P0D", "eva_time": "P0D", "age": 1, "date_of_birth": "d"}
    astronaut |= {"date_of_death": None, "nationality": [country], "bio": "b", "wiki": "w"}
    astronaut |= {"last_flight": "t", "first_flight": "t", "social_media_links": [link]}
    station = {"id": 1, "url": "u", "name": "n", "image": image}
    target = station | {"status": kind, "founded": "d", "deorbited": None, "description": "d"}
    target |= {"orbit": "o", "type": kind}
    port = {"id": 1, "name": "n", "spacestation": station, "spacecraft": None, "payload": None}
    docking = {"id": 1, "url": "u", "docking": "t", "departure": "t", "docking_location": port}
    docking |= {"space_station_target": target, "flight_vehicle_target": None}
    docking |= {"payload_flight_target": None}
    counts = "spacecraft_flown total_launch_count successful_launches failed_launches"
    counts += " attempted_landings successful_landings failed_landings"
    family = {"response_mode": "normal", "id": 1, "name": "n", "description": "d"}
    family |= {"manufacturer": agency, "parent": None, "maiden_flight": "d"}
    family |= dict.fromkeys(counts.split(), 1)
    program = {"response_mode": "normal", "id": 1, "url": "u", "name": "n", "image": image}
    program |= {"info_url": "u", "wiki_url": "u", "description": "d", "agencies": [mini]}
    program |= {"start_date": "t", "end_date": "t", "mission_patches": [], "type": kind}
    info = {"priority": 1, "source": "s", "title": "t", "description": "d", "feature_image": "f"}
    info |= {"url": "u", "type": kind, "language": language}
    vid = {"priority": 1, "source": "s", "publisher": "p", "title": "t", "description": "d"}
    vid |= {"feature_image": "f", "url": "u", "type": kind, "language": language}
    vid |= {"start_time": "t", "end_time": "t", "live": False}
    crew = {"id": 1, "role": {"id": 1, "role": "r", "priority": 1}, "astronaut": astronaut}
    location = {k: v for k, v in launch["pad"]["location"].items() if k != "celestial_body"}
    list_items = {
        "variants": {"id": 1, "type": kind, "image_url": "u"},
        "family": family,
        "agencies": agency,
        "program": program,
        "info_urls": info,
        "vid_urls": vid,
        "launch_crew": crew,
        "onboard_crew": crew,
        "landing_crew": crew,
        "docking_events": docking,
    }
    return list_items, {"image": image, "location": location}


class ShapeCheck:
    """Walks a template and a value in parallel, collecting every difference. A mission's
    agencies are checked against LL2's own (AgencyDetailed keys, with the counters)."""

    def __init__(self, seed: dict[str, Any], mission_agency: dict[str, Any]) -> None:
        self.list_items, self.null_templates = templates(seed)
        self.mission_agency = mission_agency
        self.errors: list[str] = []

    def check(self, template: Any, value: Any, path: str, key: str = "") -> None:
        if template is None:
            self.check_seed_null(value, path, key)
        elif value is None:
            nullable = key in NULLABLE or (key == "type" and "_urls[" in path)
            if (isinstance(template, (dict, list)) and not nullable) or key in NEVER_NULL:
                self.errors.append(f"{path}: null")
        elif isinstance(template, dict):
            self.check_dict(template, value, path)
        elif isinstance(template, list):
            self.check_list(template, value, path, key)
        elif type(value) is not type(template):  # bool is not int, int is not float
            self.errors.append(f"{path}: {type(value).__name__}, not {type(template).__name__}")
        elif key == "response_mode" and value != template:
            self.errors.append(f"{path}: response_mode {value!r}, not {template!r}")

    def check_seed_null(self, value: Any, path: str, key: str) -> None:
        if value is not None and key in self.null_templates:
            self.check(self.null_templates[key], value, path, key)
        elif isinstance(value, (dict, list)):
            self.errors.append(f"{path}: unexpected {type(value).__name__}")

    def check_dict(self, template: dict[str, Any], value: Any, path: str) -> None:
        if not isinstance(value, dict) or list(value) != list(template):
            keys = list(value) if isinstance(value, dict) else value
            self.errors.append(f"{path}: {keys} instead of keys {list(template)}")
            return
        for name, item in template.items():
            self.check(item, value[name], f"{path}.{name}", name)

    def check_list(self, template: list[Any], value: Any, path: str, key: str) -> None:
        if not isinstance(value, list):
            self.errors.append(f"{path}: {type(value).__name__}, not list")
            return
        item = template[0] if template else self.list_items.get(key)
        if key == "agencies" and path.endswith(".mission.agencies"):
            item = self.mission_agency
        if item is None and value:
            self.errors.append(f"{path}: expected an empty list")
        for n, element in enumerate(value if item is not None else []):
            self.check(item, element, f"{path}[{n}]", key)


def without_stats(body: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in body.items() if k not in BODY_STATS}


def read_pages(paths: list[Path]) -> list[dict[str, Any]]:
    return [orjson.loads(path.read_bytes()) for path in paths]


@pytest.mark.parametrize("hostile", [False, True])
def test_same_seed_writes_identical_bytes_and_another_seed_does_not(
    tmp_path: Path, hostile: bool
) -> None:
    first = generate(250, 3, tmp_path / "a", hostile=hostile)
    again = generate(250, 3, tmp_path / "b", hostile=hostile)
    other = generate(250, 4, tmp_path / "c", hostile=hostile)

    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    assert [p.read_bytes() for p in first] != [p.read_bytes() for p in other]


def test_output_does_not_depend_on_the_process(tmp_path: Path) -> None:
    # Hash randomisation must not leak in (no set order, no hash() of strings).
    script = (
        "import hashlib, sys; from pathlib import Path; from ingest.demo_data import generate; "
        "paths = generate(120, 11, Path(sys.argv[1])); "
        "paths += generate(120, 11, Path(sys.argv[1]) / 'h', hostile=True); "
        "print(hashlib.sha256(b''.join(p.read_bytes() for p in paths)).hexdigest())"
    )
    root = str(Path(__file__).resolve().parents[2])
    digests = {
        subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / hash_seed)],
            env={**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": root},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for hash_seed in ("1", "2")
    }

    assert len(digests) == 1


def test_pages_hold_100_results_linked_like_ll2(tmp_path: Path) -> None:
    paths = generate(250, 1, tmp_path / "missing" / "dir")
    pages = read_pages(paths)

    assert [p.name for p in paths] == [f"spacecraft_flights_page_000{n}.json" for n in (1, 2, 3)]
    assert [len(page["results"]) for page in pages] == [PAGE_SIZE, PAGE_SIZE, 50]
    assert {page["count"] for page in pages} == {250}
    assert [(page["previous"], page["next"]) for page in pages] == [
        (None, f"{PAGES}&offset=100"),
        (PAGES, f"{PAGES}&offset=200"),
        (f"{PAGES}&offset=100", None),
    ]
    ids = [flight["id"] for page in pages for flight in page["results"]]
    assert ids == list(range(100_001, 100_251))


def test_page_edges_full_last_page_and_no_flights(tmp_path: Path) -> None:
    full = read_pages(generate(200, 1, tmp_path / "full"))
    empty = read_pages(generate(0, 1, tmp_path / "empty"))

    assert [(len(p["results"]), p["next"] is None) for p in full] == [(100, False), (100, True)]
    assert empty == [{"count": 0, "next": None, "previous": None, "results": []}]
    with pytest.raises(ValueError):
        generate(-1, 1, tmp_path / "negative")


@pytest.mark.parametrize("hostile", [False, True])
def test_iter_flights_yields_what_generate_writes(tmp_path: Path, hostile: bool) -> None:
    pages = read_pages(generate(150, 9, tmp_path, hostile=hostile))

    assert [f for page in pages for f in page["results"]] == list(
        iter_flights(150, 9, hostile=hostile)
    )


def test_the_default_set_differs_from_the_hostile_one() -> None:
    assert list(iter_flights(20, 9)) != list(iter_flights(20, 9, hostile=True))


def test_iter_flights_yields_independent_copies() -> None:
    first, second = list(iter_flights(2, 5))
    first["launch"]["pad"]["location"]["name"] = "changed"
    first["spacecraft"]["spacecraft_config"]["agency"]["name"] = "changed"

    assert "changed" not in set(strings(second))


def test_every_flight_has_the_seed_flights_exact_shape(
    seed: dict[str, Any], mission_agency: dict[str, Any], flights: list[dict[str, Any]]
) -> None:
    checker = ShapeCheck(seed, mission_agency)
    for flight in flights:
        checker.check(seed, flight, f"flight {flight['id']}")

    assert checker.errors[:20] == []


def test_an_id_carries_the_same_values_wherever_it_appears(flights: list[dict[str, Any]]) -> None:
    held: dict[tuple[str, Any], dict[str, Any]] = {}
    clashes = []
    for obj in walk(flights):
        key = entity_key(obj)
        if key is None:
            continue
        scalars = {
            k: v for k, v in obj.items() if k != "response_mode" and not isinstance(v, (dict, list))
        }
        known = held.setdefault(key, scalars)
        clashes += [(key, k) for k in scalars.keys() & known.keys() if scalars[k] != known[k]]
        known.update(scalars)

    assert clashes == []
    assert {endpoint for endpoint, _ in held} >= {
        "spacecraft_flights",
        "spacecraft",
        "spacecraft_configurations",
        "agencies",
        "launches",
        "pads",
        "locations",
        "landings",
        "launcher_configurations",
        "astronauts",
        "docking_events",
        "space_stations",
        "programs",
    }


def test_value_objects_without_urls_are_identical_by_id(flights: list[dict[str, Any]]) -> None:
    kinds = {"image": "thumbnail_url", "country": "alpha_3_code", "body": "length_of_day"}
    held: dict[tuple[str, Any], dict[str, Any]] = {}
    clashes = []
    for obj in walk(flights):
        for kind, marker in kinds.items():
            if marker in obj:
                known = held.setdefault((kind, obj["id"]), obj)
                clashes += [(kind, obj["id"], k) for k in obj.keys() & known if obj[k] != known[k]]

    assert clashes == []


def test_lookups_reuse_ll2_ids_with_ll2_values(
    seed: dict[str, Any], flights: list[dict[str, Any]]
) -> None:
    seed_launch = seed["launch"]
    # Earth as LL2 gives it, but for its statistics: the data set's own (see test_demo_realism).
    earth = without_stats(seed_launch["pad"]["location"]["celestial_body"])
    expected = {
        ("license", 1): seed_launch["image"]["license"],
        ("license", 4): earth["image"]["license"],
        ("country", 6): seed_launch["pad"]["country"],
        ("launch_status", 3): seed_launch["status"],
        ("net_precision", 1): seed_launch["net_precision"],
        ("landing_type", 6): seed["landing"]["type"],
    }
    found: dict[tuple[str, int], dict[str, Any]] = {}
    for flight in flights:
        launch = flight["launch"]
        found[("launch_status", launch["status"]["id"])] = launch["status"]
        found[("net_precision", launch["net_precision"]["id"])] = launch["net_precision"]
        if flight["landing"]:
            found[("landing_type", flight["landing"]["type"]["id"])] = flight["landing"]["type"]
        for obj in walk(flight):
            if "alpha_3_code" in obj:
                found[("country", obj["id"])] = obj
            if "license" in obj:
                found[("license", obj["license"]["id"])] = obj["license"]
            if obj.get("length_of_day") and obj["id"] == 1:
                assert without_stats(obj) == earth

    assert {key: found.get(key) for key in expected} == expected


def test_generated_ids_stay_clear_of_real_ll2_ids(
    seed: dict[str, Any], flights: list[dict[str, Any]]
) -> None:
    real = {key for obj in walk(seed) if (key := entity_key(obj))}
    generated = {key for obj in walk(flights) if (key := entity_key(obj))}

    assert real & generated == set()
    assert all(ident > 100_000 for endpoint, ident in generated if endpoint != "launches")


def test_flights_share_spacecraft_pads_and_astronauts(flights: list[dict[str, Any]]) -> None:
    spacecraft = Counter(f["spacecraft"]["id"] for f in flights)
    pads = {f["launch"]["pad"]["id"] for f in flights}
    seats = [seat for f in flights for seat in f["launch_crew"] + f["landing_crew"]]

    assert len(spacecraft) < 1000 and spacecraft.most_common(1)[0][1] > 1
    assert len(pads) < 100
    assert len({s["astronaut"]["id"] for s in seats}) < len(seats)
    assert len({s["id"] for s in seats}) == len(seats)  # a crew seat belongs to one flight


def test_data_exercises_every_relation(mode: str, flights: list[dict[str, Any]]) -> None:
    launches = [f["launch"] for f in flights]
    missions = [launch["mission"] for launch in launches if launch["mission"]]
    bodies = {launch["pad"]["location"]["celestial_body"]["name"] for launch in launches}
    present = {
        "launch_crew": any(f["launch_crew"] for f in flights),
        "onboard_crew": any(f["onboard_crew"] for f in flights),
        "landing_crew": any(f["landing_crew"] for f in flights),
        "docking_events": any(f["docking_events"] for f in flights),
        "program": any(launch["program"] for launch in launches),
        "mission agencies": any(m["agencies"] for m in missions),
        "info_urls": any(m["info_urls"] for m in missions),
        "vid_urls": any(m["vid_urls"] for m in missions),
        "pad agencies": any(launch["pad"]["agencies"] for launch in launches),
        "image variants": any(o.get("variants") for o in walk(flights)),
        "config family": any(f["spacecraft"]["spacecraft_config"]["family"] for f in flights),
        "spacecraft image": any(f["spacecraft"]["image"] for f in flights),
        "landing location": any(
            f["landing"] and f["landing"]["landing_location"]["location"] for f in flights
        ),
        "null landing": any(f["landing"] is None for f in flights),
        "failed landing": any(f["landing"] and f["landing"]["success"] is False for f in flights),
        "suborbital": any(m["orbit"]["abbrev"] == "Sub" for m in missions),
    }
    if mode == "hostile":  # what only the test data set has
        present |= {
            "null mission": any(launch["mission"] is None for launch in launches),
            "null provider": any(launch["launch_service_provider"] is None for launch in launches),
            "off-Earth pad": bodies - {"Earth"} != set(),
        }
    else:
        assert bodies == {"Earth"}

    assert [name for name, seen in present.items() if not seen] == []


def test_dates_are_ordered_and_span_past_and_future(flights: list[dict[str, Any]]) -> None:
    for flight in flights:
        launch = flight["launch"]
        assert launch["window_start"] <= launch["net"] <= launch["window_end"]
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", launch["net"])
        assert flight["mission_end"] is None or flight["mission_end"] > launch["net"]
        durations = [flight["duration"], flight["spacecraft"]["time_in_space"]]
        assert all(DURATION.match(d) for d in durations if d is not None)
    years = [int(f["launch"]["net"][:4]) for f in flights]

    assert min(years) < 1970 and max(years) > 2026
    assert len({f["launch"]["last_updated"] for f in flights}) > 900


def hostile_markers() -> list[str]:
    """Text that only the hostile data set may hold."""
    return [text for text in ODD_TEXT if text] + [name for name, _ in AGENCY_NAMES if name]


@pytest.mark.parametrize("seed", [7, 2023])
def test_the_default_set_holds_no_hostile_text(seed: int) -> None:
    flights = list(iter_flights(2000, seed))
    texts = set(strings(flights))
    markers = [*hostile_markers(), "<", "DROP TABLE", "🚀", "\u0421"]
    names = [o["name"] for o in walk(flights) if isinstance(o.get("name"), str)]

    assert [m for m in markers if any(m in t for t in texts)] == []
    assert [n for n in names if not n.strip()] == []  # every name says something
    assert not any(isinstance(n, int) and n > 2**31 for o in walk(flights) for n in o.values())


def test_values_include_the_awkward_cases() -> None:
    flights = list(iter_flights(1000, seed=7, hostile=True))
    texts = set(strings(flights))
    numbers = [v for o in walk(flights) for v in o.values() if isinstance(v, (int, float))]

    assert any("DROP TABLE" in t for t in texts) and any("<b>" in t for t in texts)
    assert any("'" in t for t in texts) and any('"' in t for t in texts)
    assert any("天宫" in t for t in texts) and any("🚀" in t for t in texts)
    assert "" in texts
    assert sum(any(m in t for t in texts) for m in hostile_markers()) > 10
    assert any(isinstance(n, int) and n > 2**31 for n in numbers)
    assert any(isinstance(n, float) and n < 0 for n in numbers)
    assert any(isinstance(n, float) and n > 1e20 for n in numbers)


@pytest.mark.parametrize("hostile", [False, True])
def test_a_rebuilt_spacecraft_or_astronaut_comes_out_the_same(hostile: bool) -> None:
    # Both are built on demand and cached; after an eviction (100k flights) they are built
    # again, between other draws, and must not change.
    catalog = hostile_catalog(5) if hostile else realistic_catalog()
    plan = draw(catalog, 300, 5)
    world = World(plan, count(plan), 5)
    builds = {
        "astronaut": (world.astronaut.__wrapped__, range(plan.astronauts)),  # type: ignore[attr-defined]
        "spacecraft": (world.spacecraft.__wrapped__, sorted(set(plan.vehicle))),  # type: ignore[attr-defined]
    }
    for kind, (build, numbers) in builds.items():
        first = [build(n) for n in numbers]
        world.images.get("another image", 1.0)  # the world's own Random moves on meanwhile
        assert [build(n) for n in reversed(numbers)][::-1] == first, kind

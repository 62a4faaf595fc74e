"""Deterministic LL2 2.3.0 demo data: detailed ``spacecraft_flights`` pages.

By default the data set looks like LL2: real launch providers, rockets, pads, launch sites
and spacecraft (:mod:`ingest.demo_catalog`, :mod:`ingest.demo_craft`), flown in their own
years, with fictional crews. ``hostile=True`` gives the data set the tests use instead
(:mod:`ingest.demo_hostile`): odd text of every kind, random links, places off Earth.

Either way, every flight has the exact shape of the real detailed flight (the 859 seed
sample) and fills the relations the seed leaves empty (crews, dockings, programs, ...).
The data set is planned first (:mod:`ingest.demo_plan`) and counted (:mod:`ingest.demo_tally`),
so every counter (an agency's launches, a pad's, a spacecraft's flights, ...) agrees with
the flights generated. Shared objects are built once (:mod:`ingest.demo_world`) and embedded
wherever they occur, so an id carries the same values everywhere. Generated ids start at
100001, clear of real LL2 ids; lookups keep LL2's real ids and values where the samples
show them.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

from ingest.demo_craft import realistic_catalog
from ingest.demo_hostile import hostile_catalog
from ingest.demo_lookups import (
    API,
    BASE,
    FLOWN,
    INFO_TYPES,
    LANDING_TYPES,
    LANGUAGES,
    LAUNCH_STATUSES,
    MEDIA,
    NET_PRECISIONS,
    ORBITS,
    ROLES,
    VID_TYPES,
    Obj,
)
from ingest.demo_plan import NOW, Plan, draw, moment
from ingest.demo_tally import count, mission_agencies
from ingest.demo_world import MISSION_IMAGES, World, minutes, slug, ts, url

__all__ = ["API", "NOW", "PAGE_SIZE", "generate", "iter_flights"]

PAGE_SIZE = 100
FAILURES = (
    "Second stage underperformed.",
    "Loss of telemetry during first stage flight.",
    "Upper stage engine shut down early.",
    "Payload fairing failed to separate.",
)
WEATHER = ("Cumulus clouds", "Thick clouds", "Upper-level winds", "Flight through precipitation")


def _below(rng: random.Random, n: int) -> int:
    # random() is several times faster than randrange() and choice(), and as deterministic.
    return int(rng.random() * n)


def _pick(rng: random.Random, options: Any) -> Any:
    return options[int(rng.random() * len(options))]


def _when(rng: random.Random, first: int, last: int) -> datetime:
    """A day in [first, last) years."""
    return datetime(rng.randrange(first, last), rng.randrange(1, 13), rng.randrange(1, 29))


class _FlightMaker:
    """Builds flight i from the plan, the world and the one sequential Random (which only
    decides what no counter depends on: texts, images, urls, crew roles, dockings)."""

    def __init__(self, plan: Plan, seed: int) -> None:
        tally = count(plan)
        self.plan, self.tally = plan, tally
        self.w = World(plan, tally, seed)
        self.listed = mission_agencies(plan)
        self.rng = random.Random(seed)
        self.hostile = plan.catalog.hostile
        self.programs = [
            [plan.catalog.each("programs", m.programs) for m in craft.missions]
            for craft in plan.catalog.crafts
        ]
        self.stations = [plan.catalog.each("stations", c.stations) for c in plan.catalog.crafts]
        self.launch_images = [f"[AUTO] {c['name']} - image" for c in self.w.launchers]
        self.seat_id = BASE  # AstronautFlight and docking event ids count up across flights
        self.docking_id = BASE

    def flight(self, i: int) -> Obj:
        p, w, rng, ident = self.plan, self.w, self.rng, BASE + 1 + i
        net, end = moment(p.net[i]), p.end[i]
        name = p.mission_name(i)
        spacecraft = w.spacecraft(p.vehicle[i])
        mission = self.mission(i, name) if name is not None else None
        where = mission["orbit"]["name"] if mission else None
        if mission is None and self.hostile and rng.random() < 0.5:
            where = ORBITS[8]["name"]
        crew = p.crew[i]
        seats = self.crew(crew)
        in_space = p.status[i] in FLOWN and end is None and p.status[i] != 4
        onboard = in_space or (self.hostile and bool(seats) and rng.random() < 0.5)
        # One literal per object, in LL2's key order: the fastest way to build it.
        return {
            "id": ident,
            "url": url("spacecraft_flights", ident),
            "destination": where,
            "mission_end": ts(moment(end)) if end else None,
            "spacecraft": spacecraft,
            "launch": self.launch(i, net, name, mission),
            "landing": self.landing(i, spacecraft) if p.site[i] >= 0 else None,
            "duration": minutes(end - p.net[i]) if end else None,
            "turn_around_time": minutes(self.tally.turnaround[i]),
            "response_mode": "detailed",
            "launch_crew": seats,
            "onboard_crew": self.crew(crew) if onboard else [],
            "landing_crew": self.crew(crew) if end and seats else [],
            "docking_events": self.dockings(i, net, end),
        }

    def launch(self, i: int, net: datetime, name: str | None, mission: Obj | None) -> Obj:
        p, w, rng = self.plan, self.w, self.rng
        lid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        config = w.launchers[p.launcher[i]]
        flown = p.status[i] in FLOWN
        title = f"{config['full_name']} | {name if mission else 'Unknown Payload'}"
        updated = net + timedelta(minutes=5 + _below(rng, 2995))
        updated = min(updated, NOW - timedelta(minutes=1 + _below(rng, 49999)))
        ranks = self.tally.ranks[i]
        spec = p.mission_spec(i)
        return {
            "id": lid,
            "url": url("launches", lid),
            "name": title,
            "response_mode": "normal",
            "slug": f"{slug(title)}-{i + 1}" if self.hostile else slug(title),
            "launch_designator": f"{net.year}-{ranks[4]:03d}" if flown and ranks[4] else None,
            "status": LAUNCH_STATUSES[p.status[i]],
            "last_updated": ts(updated),
            "net": ts(net),
            "net_precision": _pick(rng, NET_PRECISIONS[:3] if flown else NET_PRECISIONS),
            "window_end": ts(net + timedelta(minutes=_pick(rng, (0, 0, 10, 180)))),
            "window_start": ts(net - timedelta(minutes=_pick(rng, (0, 0, 11, 120)))),
            "image": w.images.get(self.launch_images[p.launcher[i]], 0.9),
            "infographic": f"{MEDIA}/infographic_images/{i}.jpeg" if rng.random() < 0.05 else None,
            "probability": self.probability(flown),
            "weather_concerns": self.weather(flown),
            "failreason": self.failure(p.status[i]),
            "hashtag": self.hashtag(i, name),
            "launch_service_provider": w.minis[p.provider[i]] if p.provider[i] >= 0 else None,
            "rocket": {"id": BASE + 1 + i, "configuration": config},
            "mission": mission,
            "pad": w.pads[p.pad[i]],
            "webcast_live": self.hostile and rng.random() < 0.02,
            "program": [w.programs[g] for g in self.programs[p.craft[i]][p.mission[i]]]
            if spec
            else [],
            "orbital_launch_attempt_count": ranks[0],
            "location_launch_attempt_count": ranks[1],
            "pad_launch_attempt_count": ranks[2],
            "agency_launch_attempt_count": ranks[3],
            "orbital_launch_attempt_count_year": ranks[4],
            "location_launch_attempt_count_year": ranks[5],
            "pad_launch_attempt_count_year": ranks[6],
            "agency_launch_attempt_count_year": ranks[7],
        }

    def probability(self, flown: bool) -> int | None:
        rng = self.rng
        if self.hostile:
            return _below(rng, 101) if rng.random() < 0.2 else None
        return 40 + _below(rng, 60) if not flown and rng.random() < 0.4 else None

    def weather(self, flown: bool) -> str | None:
        rng = self.rng
        if self.hostile:
            return self.w.text(rng, "Cumulus clouds", 0.2) if rng.random() < 0.1 else None
        return _pick(rng, WEATHER) if not flown and rng.random() < 0.1 else None

    def failure(self, status: int) -> str:
        if status not in (4, 7):
            return ""
        return self.w.text(self.rng, _pick(self.rng, FAILURES), 0.2)

    def hashtag(self, i: int, name: str | None) -> str | None:
        if self.rng.random() >= 0.2:
            return None
        if self.hostile or not name:
            return f"#Demo{i}"
        return "#" + "".join(ch for ch in name if ch.isalnum())

    def mission(self, i: int, name: str) -> Obj:
        p, w, rng = self.plan, self.w, self.rng
        spec = p.mission_spec(i)
        assert spec is not None
        about = w.text(rng, spec.description, 0.1, 0.05)
        n_info = 1 + _below(rng, 2) if rng.random() < 0.2 else 0
        info = [self.info_url(k, name) for k in range(n_info)]
        n_vids = 1 + _below(rng, 2) if rng.random() < 0.15 else 0
        vids = [self.vid_url(k, i, name) for k in range(n_vids)]
        if self.hostile:
            image = w.images.get("", 0.2)
        elif rng.random() < 0.15:
            image = w.images.make(MISSION_IMAGES + i, f"{name} mission patch")
        else:
            image = None
        return {
            "id": BASE + 1 + i,
            "name": w.text(rng, name, 0.08),
            "type": spec.type,
            "description": about,
            "image": image,
            "orbit": ORBITS[spec.orbit],
            "agencies": [w.full[a] for a in self.listed[i]],
            "info_urls": info,
            "vid_urls": vids,
        }

    def info_url(self, k: int, name: str) -> Obj:
        rng, text = self.rng, self.w.text
        return (
            {"priority": 10 * k, "source": "example.org"}
            | {"title": text(rng, f"{name} mission page", 0.2, 0.1)}
            | {"description": text(rng, "Press kit and timeline.", 0.2, 0.2)}
            | {"feature_image": f"{MEDIA}/images/feature_{k}.jpg" if rng.random() < 0.5 else None}
            | {"url": f"https://example.org/missions/{_below(rng, 10**9)}"}
            | {"type": _pick(rng, INFO_TYPES) if rng.random() < 0.8 else None}
            | {"language": _pick(rng, LANGUAGES) if rng.random() < 0.8 else None}
        )

    def vid_url(self, k: int, i: int, name: str) -> Obj:
        p, rng, text = self.plan, self.rng, self.w.text
        flown = p.status[i] in FLOWN
        start = moment(p.net[i]) - timedelta(minutes=10 + _below(rng, 50))
        if self.hostile:
            start = _when(rng, 2010, 2026)
        end = ts(start + timedelta(minutes=2 + _below(rng, 298)))
        provider = p.catalog.agencies[p.provider[i]].name if p.provider[i] >= 0 else "NASA"
        return (
            {"priority": 10 * k, "source": "youtube.com"}
            | {"publisher": text(rng, provider if not self.hostile else "SciNews", 0.2, 0.1)}
            | {"title": text(rng, f"{name} launch webcast", 0.2)}
            | {"description": text(rng, "Live coverage of the launch.", 0.2, 0.1)}
            | {
                "feature_image": f"https://i.ytimg.com/vi/d{k}/0.jpg"
                if rng.random() < 0.7
                else None
            }
            | {"url": f"https://www.youtube.com/watch?v=demo{_below(rng, 10**9)}"}
            | {"type": _pick(rng, VID_TYPES) if rng.random() < 0.9 else None}
            | {"language": _pick(rng, LANGUAGES) if rng.random() < 0.8 else None}
            | {"start_time": ts(start), "end_time": end if flown or rng.random() < 0.7 else None}
            | {"live": not flown and rng.random() < 0.3}
        )

    def landing(self, i: int, spacecraft: Obj) -> Obj:
        p, w, rng, ident = self.plan, self.w, self.rng, BASE + 1 + i
        site = w.sites[p.site[i]]
        success = p.success[i]
        if success:
            about = f"{spacecraft['name']} landed at {site['name']}."
        elif success is False:
            about = "The spacecraft was lost during the landing."
        else:
            about = f"A landing at {site['name']} is planned." if p.attempt[i] else ""
        downrange = round(rng.uniform(0, 700), 1) if rng.random() < 0.4 else None
        return (
            {"id": ident, "url": url("landings", ident), "attempt": p.attempt[i]}
            | {"success": success, "description": w.text(rng, about, 0.15)}
            | {"downrange_distance": downrange if self.hostile else None}
            | {"landing_location": site}
            | {"type": LANDING_TYPES[p.catalog.crafts[p.craft[i]].landing_type]}
        )

    def crew(self, astronauts: tuple[int, ...]) -> list[Obj]:
        w, rng, seats = self.w, self.rng, []
        for place, number in enumerate(astronauts):
            self.seat_id += 1
            astronaut = w.astronaut(number)
            if self.hostile:
                role = _pick(rng, ROLES)
            elif astronaut["type"]["id"] != 2 and place:
                role = ROLES[3]  # a private flyer: Spaceflight Participant
            else:
                role = ROLES[min(place, 2)]  # Commander, Pilot, Mission Specialists
            seats.append({"id": self.seat_id, "role": role, "astronaut": astronaut})
        return seats

    def dockings(self, i: int, net: datetime, end: int | None) -> list[Obj]:
        p, w, rng = self.plan, self.w, self.rng
        craft = p.catalog.crafts[p.craft[i]]
        if not craft.stations or p.status[i] not in FLOWN or rng.random() >= craft.p_dock:
            return []
        day = net.date().isoformat()
        stations = [
            w.stations[s]
            for s in self.stations[p.craft[i]]
            if self.hostile
            or p.catalog.stations[s].founded <= day < (p.catalog.stations[s].deorbited or "9")
        ]
        if not stations:
            return []
        events = []
        for k in range(1 + _below(rng, 2) if self.hostile else 1):
            station, ports = _pick(rng, stations)
            usable = [port for port in ports if port[1]["name"] in craft.ports] or ports
            _, port = _pick(rng, usable)
            at = net + timedelta(hours=(3 + _below(rng, 69)) * (k + 1))
            if self.hostile:
                leave: datetime | None = at + timedelta(hours=2 + _below(rng, 4998))
            else:
                leave = moment(end) - timedelta(hours=2 + _below(rng, 10)) if end else None
                leave = max(leave, at + timedelta(hours=1)) if leave else None
            self.docking_id += 1
            events.append(
                {"id": self.docking_id, "url": url("docking_events", self.docking_id)}
                | {"docking": ts(at), "departure": ts(leave) if leave and leave < NOW else None}
                | {"docking_location": port, "space_station_target": station}
                | {"flight_vehicle_target": None, "payload_flight_target": None}
            )
        return events


def _flights(flights: int, seed: int, hostile: bool) -> Iterator[Obj]:
    """Flights that share pool objects by reference: cheap, but read-only."""
    if flights < 0:
        raise ValueError(f"flights must be >= 0, not {flights}")
    catalog = hostile_catalog(seed) if hostile else realistic_catalog()
    maker = _FlightMaker(draw(catalog, flights, seed), seed)
    return (maker.flight(i) for i in range(flights))


def iter_flights(flights: int, seed: int, *, hostile: bool = False) -> Iterator[dict[str, Any]]:
    """Yield `flights` detailed LL2 2.3.0 flight objects for `seed`, each an independent copy
    (the realistic data set, or the hostile one the tests use)."""
    return (orjson.loads(orjson.dumps(flight)) for flight in _flights(flights, seed, hostile))


def _page_url(offset: int) -> str:
    # As LL2's limit/offset paging writes them: a link to the first page has no offset.
    suffix = f"&offset={offset}" if offset else ""
    return f"{API}/spacecraft_flights/?limit={PAGE_SIZE}&mode=detailed{suffix}"


def generate(flights: int, seed: int, out_dir: Path, *, hostile: bool = False) -> list[Path]:
    """Write `spacecraft_flights_page_0001.json`, ... (100 results per page, last page may be
    shorter) into out_dir (created if missing); return the paths in order. `hostile` writes
    the test data set: odd text everywhere (HTML, SQL-looking text, unicode, empty names)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    source = _flights(flights, seed, hostile)
    paths: list[Path] = []
    for offset in range(0, max(flights, 1), PAGE_SIZE):
        page = {
            "count": flights,
            "next": _page_url(offset + PAGE_SIZE) if offset + PAGE_SIZE < flights else None,
            "previous": _page_url(offset - PAGE_SIZE) if offset else None,
            "results": [next(source) for _ in range(min(PAGE_SIZE, flights - offset))],
        }
        path = out_dir / f"spacecraft_flights_page_{len(paths) + 1:04d}.json"
        path.write_bytes(orjson.dumps(page))
        paths.append(path)
    return paths

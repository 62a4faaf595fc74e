"""The shared objects of a demo data set as LL2 2.3.0 JSON, built once from the catalog and
the counters, and embedded by reference wherever they occur (so an id carries the same
values everywhere). Spacecraft and astronauts, the numerous ones, are built on demand from
a Random of their own, so memory stays flat however many flights are asked for.

Long objects are written as unions of short dicts (``{...} | {...}``), in LL2's key order.
"""

from __future__ import annotations

import random
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from ingest.demo_hostile import FIRST_NAMES, SURNAMES, WORDS, season
from ingest.demo_lookups import (
    AGENCY_TYPES,
    API,
    ASTRONAUT_STATUSES,
    ASTRONAUT_TYPES,
    BASE,
    BODIES,
    BODY_STATS,
    COUNTRIES,
    LICENSES,
    MEDIA,
    PROGRAM_TYPES,
    SOCIAL_MEDIA,
    SPACECRAFT_STATUSES,
    SPACECRAFT_TYPES,
    STATION_STATUSES,
    VARIANT_TYPES,
    Obj,
)
from ingest.demo_plan import NOW, Plan, moment
from ingest.demo_specs import AgencySpec, CraftSpec, LocationSpec, NameGroup
from ingest.demo_tally import Counts, Tally, pad_agencies

Rng = random.Random
MISSION_IMAGES = BASE + 1_000_000  # + flight index; astronaut portraits after them
PORTRAITS = BASE + 5_000_000  # + astronaut number


def url(endpoint: str, ident: Any) -> str:
    return f"{API}/{endpoint}/{ident}/"


def ts(dt: datetime) -> str:
    return dt.isoformat() + "Z"  # naive UTC, whole seconds: "2023-12-14T14:12:00Z"


def duration(seconds: int) -> str:
    """ISO-8601 the way LL2 writes it: "P266DT10H58M", "PT3H", "P0D"."""
    days, rem = divmod(seconds if seconds > 0 else 0, 86400)
    hours, rem = divmod(rem, 3600)
    minutes, secs = divmod(rem, 60)
    clock = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    clock += f"{secs}S" if secs else ""
    if not clock:
        return f"P{days}D"
    return f"P{days}DT{clock}" if days else f"PT{clock}"


def minutes(value: int | None) -> str | None:
    return None if value is None else duration(value * 60)


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return _NOT_SLUG.sub("-", text.lower()).strip("-")


def mini(agency: Obj) -> Obj:
    """An agency in list mode (AgencyMini)."""
    return {"response_mode": "list"} | {
        k: agency[k] for k in ("id", "url", "name", "abbrev", "type")
    }


def _launch_stats(counts: Counts, names: str) -> Obj:
    values = (counts.flown, counts.success, counts.failed)
    return dict(zip(names.split(), values, strict=True))


def _landing_stats(counts: Counts, names: str) -> Obj:
    values = (counts.attempted, counts.landed, counts.crashed)
    return dict(zip(names.split(), values, strict=True))


class Images:
    """Images: one per label on the realistic set (LL2's "[AUTO] SpaceX - logo"), drawn from
    a pool of odd ones on the hostile set."""

    def __init__(self, rng: Rng, hostile: bool) -> None:
        self.rng, self.hostile = rng, hostile
        self.made: dict[str, Obj] = {}
        odd = range(200) if hostile else range(0)
        self.pool = [self.make(BASE + 1 + i, self._odd_name(), True) for i in odd]

    def _odd_name(self) -> str:
        what = self.rng.choice(("liftoff", "on the pad", "in orbit", "logo"))
        return season(self.rng, f"{self.rng.choice(WORDS)} {what}", 0.1)

    def make(self, ident: int, name: str, odd: bool = False, rng: Rng | None = None) -> Obj:
        rng = rng or self.rng
        variants = [
            {"id": ident * 4 + j, "type": t, "image_url": f"{MEDIA}/images/demo_{ident}_{j}.webp"}
            for j, t in enumerate(VARIANT_TYPES)
        ]
        credit = rng.choice((None, "NASA", "我们的太空", "")) if odd else None
        stem = f"{MEDIA}/images/{slug(name.replace('[AUTO] ', ''))[:24] or 'image'}_{ident}"
        return (
            {"id": ident, "name": name}
            | {"image_url": f"{stem}.jpeg", "thumbnail_url": f"{stem}_thumbnail.jpeg"}
            | {"credit": credit}
            | {"license": rng.choice(LICENSES) if odd else LICENSES[0], "single_use": True}
            | {"variants": variants if rng.random() < 0.15 else []}
        )

    def get(self, label: str, p: float = 1.0, rng: Rng | None = None) -> Obj | None:
        """The image for `label`, with chance `p`; `rng`: the caller's, if it must draw the
        same whenever it is rebuilt (a cached object)."""
        rng = rng or self.rng
        if rng.random() >= p:
            return None
        if self.hostile:
            return self.pool[int(rng.random() * len(self.pool))]
        if label not in self.made:
            self.made[label] = self.make(BASE + 1001 + len(self.made), label)
        return self.made[label]


class World:
    """Every shared object, with the counters of `tally`."""

    def __init__(self, plan: Plan, tally: Tally, seed: int) -> None:
        c, rng = plan.catalog, random.Random(f"{seed}/world")
        self.plan, self.tally, self.seed, self.hostile = plan, tally, seed, c.hostile
        self.images = Images(rng, c.hostile)
        self.agencies = [self._agency(i, spec) for i, spec in enumerate(c.agencies)]
        self.minis = [mini(a) for a in self.agencies]
        self.full = [self._full(i, a) for i, a in enumerate(self.agencies)]
        self.bodies = {b: self._body(b) for b in BODIES}
        self.locations = [self._location(i, s) for i, s in enumerate(c.locations)]
        pads = pad_agencies(plan)
        self.pads = [self._pad(i, pads[i]) for i in range(len(c.pads))]
        families = sorted({name for spec in c.launchers for name in spec.families})
        family = {n: {"response_mode": "list", "id": BASE + 1 + i, "name": n}
                  for i, n in enumerate(families)}  # fmt: skip
        self.launchers = [
            {"response_mode": "list", "id": BASE + 1 + i, "url": url("launcher_configurations",
                                                                      BASE + 1 + i)}
            | {"name": s.name, "families": [family[f] for f in s.families]}
            | {"full_name": s.full_name, "variant": s.variant}
            for i, s in enumerate(c.launchers)
        ]  # fmt: skip
        self.families = [self._family(i) for i in range(len(c.families))]
        self.crafts = [self._craft(i, s) for i, s in enumerate(c.crafts)]
        self.programs = [self._program(i) for i in range(len(c.programs))]
        self.stations = [self._station(i) for i in range(len(c.stations))]
        self.sites = [self._site(i) for i in range(len(c.sites))]
        self.spacecraft = lru_cache(maxsize=4096)(self._spacecraft)
        self.astronaut = lru_cache(maxsize=4096)(self._astronaut)

    def text(self, rng: Rng, text: str, p_odd: float = 0.05, p_null: float = 0.0) -> Any:
        """`text`, seasoned (and sometimes null) on the hostile set only."""
        return season(rng, text, p_odd, p_null) if self.hostile else text

    def _agency(self, i: int, s: AgencySpec) -> Obj:
        ident, image = BASE + 1 + i, self.images.get
        return (
            {"response_mode": "normal", "id": ident, "url": url("agencies", ident)}
            | {"name": s.name, "abbrev": s.abbrev, "type": AGENCY_TYPES[s.type_id]}
            | {"featured": s.featured, "country": [COUNTRIES[c] for c in s.countries]}
            | {"description": s.description, "administrator": s.administrator}
            | {"founding_year": s.founded, "launchers": s.launchers, "spacecraft": s.spacecraft}
            | {"parent": None, "image": image(f"[AUTO] {s.name} - image", 0.6)}
            | {"logo": image(f"[AUTO] {s.name} - logo", 0.6)}
            | {"social_logo": image(f"[AUTO] {s.name} - social_logo", 0.5)}
        )

    def _full(self, i: int, agency: Obj) -> Obj:
        """The agency as a mission lists it: with its counters (LL2's AgencyDetailed keys)."""
        n, s = self.tally.agencies[i], self.plan.catalog.agencies[i]
        return (
            agency
            | {"total_launch_count": n.flown, "consecutive_successful_launches": n.streak}
            | {"successful_launches": n.success, "failed_launches": n.failed}
            | {"pending_launches": n.pending}
            | {"consecutive_successful_landings": n.landing_streak}
            | {"successful_landings": n.landed, "failed_landings": n.crashed}
            | {"attempted_landings": n.attempted}
            # Spacecraft landings are all the data set has: no boosters, no payloads land.
            | {"successful_landings_spacecraft": n.landed, "failed_landings_spacecraft": n.crashed}
            | {"attempted_landings_spacecraft": n.attempted}
            | {"successful_landings_payload": 0, "failed_landings_payload": 0}
            | {"attempted_landings_payload": 0}
            | {"info_url": s.info_url, "wiki_url": s.wiki_url, "social_media_links": []}
        )

    def _body(self, body: int) -> Obj:
        counts = self.tally.bodies[body]
        stats = (counts.flown, counts.success, counts.failed)
        stats += (counts.attempted, counts.landed, counts.crashed)
        return BODIES[body] | dict(zip(BODY_STATS, stats, strict=True))

    def _location(self, i: int, s: LocationSpec) -> Obj:
        ident, counts = BASE + 1 + i, self.tally.locations[i]
        return (
            {"response_mode": "normal", "id": ident, "url": url("locations", ident)}
            | {"name": s.name, "celestial_body": self.bodies[s.body], "active": True}
            | {"country": COUNTRIES[s.country], "description": s.description}
            | {"image": self.images.get(f"[AUTO] {s.name} - image", 0.8)}
            | {"map_image": f"{MEDIA}/map_images/location_{ident}.jpg"}
            | {"longitude": s.longitude, "latitude": s.latitude}
            | {"timezone_name": s.timezone, "total_launch_count": counts.flown}
            | {"total_landing_count": counts.attempted}
        )

    def _pad(self, i: int, agencies: tuple[int, ...]) -> Obj:
        s, ident, counts = self.plan.catalog.pads[i], BASE + 1 + i, self.tally.pads[i]
        location = self.locations[self.plan.catalog.at("locations", s.location)]
        info = f"https://example.org/pads/{ident}" if self.hostile and i % 3 == 0 else None
        return (
            {"id": ident, "url": url("pads", ident), "active": True}
            | {"agencies": [self.agencies[a] for a in agencies], "name": s.name}
            | {"image": self.images.get(f"[AUTO] {s.name} - image", 0.7)}
            | {"description": s.description, "info_url": info, "wiki_url": s.wiki_url}
            | {"map_url": f"https://www.google.com/maps?q={s.latitude},{s.longitude}"}
            | {"latitude": s.latitude, "longitude": s.longitude, "country": location["country"]}
            | {"map_image": f"{MEDIA}/map_images/pad_{ident}.jpg"}
            | {"total_launch_count": counts.flown, "orbital_launch_attempt_count": counts.orbital}
            | {"fastest_turnaround": minutes(counts.gap)}
            | {"location": location}
        )

    def _family(self, i: int) -> Obj:
        # SpacecraftConfigFamilyDetailed as LL2 2.3.0 sends it (manufacturer in normal mode).
        c = self.plan.catalog
        spec, members = c.families[i], [k for k, s in enumerate(c.crafts) if s.family]
        members = [k for k in members if c.at("families", c.crafts[k].family or "") == i]
        total = Counts()
        for k in members:
            n = self.tally.crafts[k]
            for name in ("fleet", "flown", "success", "failed", "attempted", "landed", "crashed"):
                setattr(total, name, getattr(total, name) + getattr(n, name))
        first = min((f for k in members if (f := self.tally.crafts[k].first) is not None),
                    default=None)  # fmt: skip
        maker = c.at("agencies", spec.manufacturer) if spec.manufacturer else None
        return (
            {"response_mode": "normal", "id": BASE + 1 + i, "name": spec.name}
            | {"description": spec.description}
            | {"manufacturer": None if maker is None else self.agencies[maker], "parent": None}
            | {"maiden_flight": None if first is None else moment(first).date().isoformat()}
            | {"spacecraft_flown": total.fleet}
            | _launch_stats(total, "total_launch_count successful_launches failed_launches")
            | _landing_stats(total, "attempted_landings successful_landings failed_landings")
        )

    def _craft(self, i: int, s: CraftSpec) -> Obj:
        c, ident, n = self.plan.catalog, BASE + 1 + i, self.tally.crafts[i]
        family = [self.families[c.at("families", s.family)]] if s.family else []
        return (
            {"response_mode": "detailed", "id": ident}
            | {"url": url("spacecraft_configurations", ident), "name": s.name}
            | {"type": SPACECRAFT_TYPES[s.type_id]}
            | {"agency": self.agencies[c.at("agencies", s.agency)]}
            | {"family": family, "in_use": s.years[1] >= NOW.year}
            | {"image": self.images.get(f"[AUTO] {s.name} - image", 0.5)}
            | {"capability": s.capability, "history": s.history, "details": s.details}
            | {"maiden_flight": None if n.first is None else moment(n.first).date().isoformat()}
            | {"height": s.height, "diameter": s.diameter}
            | {"human_rated": s.human_rated, "crew_capacity": s.crew_capacity}
            | {"payload_capacity": s.payload_capacity}
            | {"payload_return_capacity": s.payload_return_capacity}
            | {"flight_life": s.flight_life, "wiki_link": s.wiki_link, "info_link": ""}
            | {"spacecraft_flown": n.fleet}
            | _launch_stats(n, "total_launch_count successful_launches failed_launches")
            | _landing_stats(n, "attempted_landings successful_landings failed_landings")
            | {"fastest_turnaround": minutes(n.gap)}
        )

    def _program(self, i: int) -> Obj:
        c, ident = self.plan.catalog, BASE + 1 + i
        s = c.programs[i]
        return (
            {"response_mode": "normal", "id": ident, "url": url("programs", ident)}
            | {"name": s.name, "image": self.images.get(f"[AUTO] {s.name} - image", 0.7)}
            | {"info_url": s.info_url, "wiki_url": s.wiki_url, "description": s.description}
            | {"agencies": [self.minis[a] for a in c.each("agencies", s.agencies)]}
            | {"start_date": f"{s.start}T00:00:00Z"}
            | {"end_date": f"{s.end}T00:00:00Z" if s.end else None, "mission_patches": []}
            | {"type": PROGRAM_TYPES[s.type_id]}
        )

    def _station(self, i: int) -> tuple[Obj, list[tuple[Obj, Obj]]]:
        s, ident = self.plan.catalog.stations[i], BASE + 1 + i
        short = {"id": ident, "url": url("space_stations", ident), "name": s.name}
        short["image"] = self.images.get(f"[AUTO] {s.name} - image", 0.9)
        normal = (
            short
            | {"status": STATION_STATUSES[2 if s.deorbited else 1], "founded": s.founded}
            | {"deorbited": s.deorbited, "description": s.description}
            | {"orbit": "Low Earth Orbit", "type": {"id": 2, "name": "Government"}}
        )
        ports = [
            (normal, {"id": i * 100 + j + BASE + 1, "name": name, "spacestation": short}
             | {"spacecraft": None, "payload": None})
            for j, name in enumerate(s.ports)
        ]  # fmt: skip
        return normal, ports

    def _site(self, i: int) -> Obj:
        c, counts = self.plan.catalog, self.tally.sites[i]
        s = c.sites[i]
        location = self.locations[c.at("locations", s.location)] if s.location else None
        bare = {k: v for k, v in location.items() if k != "celestial_body"} if location else None
        return (
            {"id": BASE + 1 + i, "name": s.name, "active": True, "abbrev": s.abbrev}
            | {"description": s.description, "location": bare}
            | {"longitude": s.longitude, "latitude": s.latitude}
            | {"image": self.images.get(s.name, 0.6)}
            | {"successful_landings": counts.landed, "attempted_landings": counts.attempted}
            | {"failed_landings": counts.crashed}
            | {"celestial_body": BODIES[s.body]}
        )

    def _sub_rng(self, kind: int, index: int) -> Rng:
        # One seeded Random per entity: rebuilt after cache eviction, it comes out the same.
        # An int seed (not a str, hashed with SHA-512) keeps building thousands of them cheap.
        return random.Random((self.seed * 8 + kind) * 1_000_000_007 + index)

    def vehicle_name(self, vehicle: int) -> str:
        plan = self.plan
        k = plan.craft_of_vehicle(vehicle)
        spec, n = plan.catalog.crafts[k], vehicle - plan.fleet[k]
        if n < len(spec.vehicles):
            return spec.vehicles[n]
        # A single use vehicle may be named after the mission of its one flight.
        mission = plan.mission_name(self.tally.first_flight[vehicle]) or "Unknown Payload"
        name = self.crafts[k]["name"] or ""
        return spec.vehicle.format(config=name, n=n + 1, g=vehicle + 1, mission=mission)

    def _spacecraft(self, vehicle: int) -> Obj:
        ident, plan, n = BASE + 1 + vehicle, self.plan, self.tally.vehicles[vehicle]
        name = self.vehicle_name(vehicle)
        k = plan.craft_of_vehicle(vehicle)
        spec, config = plan.catalog.crafts[k], self.crafts[k]
        about = f"{name}, a {config['name']} spacecraft."
        if self.hostile:
            rng = self._sub_rng(1, vehicle)
            status = rng.choice(list(SPACECRAFT_STATUSES.values()))
            serial = f"SN-{rng.randrange(1, 999):03d}" if rng.random() < 0.6 else None
            pictured = rng.random() < 0.3
            name, about = season(rng, name), season(rng, about, 0.1)
        else:  # all from the plan: no Random of its own to build (thousands are single use)
            retired = spec.years[1] < NOW.year
            status = SPACECRAFT_STATUSES[
                3 if n.lost else 4 if spec.reuse == 1 else 2 if retired else 1
            ]
            serial = f"C{200 + vehicle - plan.fleet[k] + 1}" if spec.reuse > 1 else None
            pictured = vehicle % 10 < 3
        return (
            {"response_mode": "normal", "id": ident, "url": url("spacecraft", ident)}
            | {"name": name, "serial_number": serial}
            | {"is_placeholder": False, "image": config["image"] if pictured else None}
            | {"in_space": n.open, "time_in_space": minutes(n.time)}
            | {"time_docked": "P0D", "flights_count": n.flights, "mission_ends_count": n.ends}
            | {"status": status, "description": about}
            | {"spacecraft_config": config, "fastest_turnaround": minutes(n.gap)}
        )

    def _astronaut(self, number: int) -> Obj:
        rng, ident, plan = self._sub_rng(2, number), BASE + 1 + number, self.plan
        corps = plan.catalog.corps[plan.corps_of(number)]
        group = corps.groups[int(rng.random() * len(corps.groups))]
        given, family = _person(group, number)
        name = f"{family} {given}" if group.family_first else f"{given} {family}"
        if self.hostile:
            name = season(rng, f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}")
        n = self.tally.astronauts.get(number) or _NEVER
        first = moment(n.first) if n.first is not None else None
        born = _born(rng, corps.born, first)
        died = born + timedelta(days=rng.randrange(11000, 30000)) if born else None
        last = moment(n.last).date() if n.last is not None else born
        died = died if died and last < died < NOW.date() and rng.random() < 0.08 else None
        if died or not first:
            status = 11 if died else 3 if born and born.year >= 1960 else 2
        else:
            status = 1 if first.year > 2012 else 2
        agency = plan.catalog.at("agencies", corps.agency) if corps.agency else None
        links = [
            {"id": ident * 4 + j, "social_media": sm | {"logo": self.images.pool[j]}}
            | {"url": f"{sm['url']}/a{ident}"}
            for j, sm in enumerate(SOCIAL_MEDIA)
            if self.hostile and rng.random() < 0.4
        ]
        country = COUNTRIES[group.country]
        role = "cosmonaut" if country["alpha_2_code"] == "RU" else "astronaut"
        bio = f"{name} is a {country['nationality_name']} {role}"
        bio += f" who first flew in {first.year}." if first else " in training."
        return (
            {"id": ident, "url": url("astronauts", ident), "name": name}
            | {"status": ASTRONAUT_STATUSES[status]}
            | {"agency": self.minis[agency] if agency is not None else None}
            | {"image": self._portrait(rng, number, name), "response_mode": "detailed"}
            | {"type": ASTRONAUT_TYPES[corps.type_id], "in_space": n.open}
            | {"time_in_space": minutes(n.time)}
            | {"eva_time": duration(rng.randrange(0, 3 * 86400)) if first else "P0D"}
            | {"age": ((died or NOW.date()) - born).days // 365 if born else None}
            | {"date_of_birth": born.isoformat() if born else None}
            | {"date_of_death": died.isoformat() if died else None}
            | {"nationality": [country]}
            | {"bio": self.text(rng, bio, 0.1)}
            | {"wiki": None}
            | {"last_flight": ts(moment(n.last)) if n.last is not None else None}
            | {"first_flight": ts(first) if first else None, "social_media_links": links}
        )

    def _portrait(self, rng: Rng, number: int, name: str) -> Obj | None:
        # The astronaut's own Random: rebuilt after cache eviction, the same portrait.
        if self.hostile:
            return self.images.get("", 0.7, rng)
        if rng.random() >= 0.7:
            return None
        return self.images.make(PORTRAITS + number, f"{name} portrait", rng=rng)


_NEVER = Counts()


def _person(group: NameGroup, number: int) -> tuple[str, str]:
    """Given and family name: astronauts numbered apart get different names (a prime
    stride scatters them over the group's combinations)."""
    names = len(group.given) * len(group.family)
    spot = number * 7919 % names
    return group.given[spot % len(group.given)], group.family[spot // len(group.given)]


def _born(rng: Rng, years: tuple[int, int], first: datetime | None) -> date | None:
    """A birthday in the corps' years, at least 26 years before a first flight."""
    low, high = years
    if first is not None:
        high = min(high, first.year - 26)
        low = min(low, high)
    return date(rng.randrange(low, high + 1), rng.randrange(1, 13), rng.randrange(1, 29))

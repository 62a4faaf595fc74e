"""What a demo data set is made of, before any flight is drawn: agencies, places, launchers,
spacecraft configurations and how each flies (on which launchers, to where, with whom).

Two catalogs fill these in: the realistic one (:mod:`ingest.demo_catalog`) and the hostile one
for tests (:mod:`ingest.demo_hostile`). Specs refer to each other by key; a :class:`Catalog`
turns keys into list positions once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class AgencySpec:
    key: str
    name: str
    abbrev: str
    type_id: int
    countries: tuple[int, ...]
    description: str | None
    administrator: str | None = None
    founded: int | None = None
    launchers: str = ""
    spacecraft: str = ""
    featured: bool = False
    info_url: str | None = None
    wiki_url: str | None = None


@dataclass(frozen=True)
class LocationSpec:
    key: str
    name: str
    country: int
    latitude: float
    longitude: float
    timezone: str
    description: str | None
    body: int = 1


@dataclass(frozen=True)
class PadSpec:
    key: str
    name: str
    location: str
    latitude: float
    longitude: float
    description: str = ""
    wiki_url: str | None = None
    # None: the providers of the launchers that fly from it (as LL2 lists them).
    agencies: tuple[str, ...] | None = None


@dataclass(frozen=True)
class LauncherSpec:
    key: str
    name: str
    full_name: str
    variant: str
    families: tuple[str, ...]
    providers: tuple[str, ...]
    pads: tuple[str, ...]
    years: tuple[int, int]  # first and last year it flies


@dataclass(frozen=True)
class MissionSpec:
    """A kind of mission a spacecraft flies; its flights are named in NET order: ``names``
    first, then ``pattern`` with ``{n}`` counting on from ``len(names) + start``."""

    pattern: str
    type: str
    orbit: int
    description: str
    names: tuple[str, ...] = ()
    start: int = 1
    customers: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()
    crewed: bool = False
    crewed_from: int = 0  # the first flights of a crewed mission may fly without crew
    weight: float = 1.0
    first_year: int = 0
    crew: tuple[tuple[str, float], ...] = ()  # instead of the craft's corps
    days: tuple[float, float] | None = None  # instead of the craft's


@dataclass(frozen=True)
class CraftSpec:
    """A spacecraft configuration, its vehicles and how they fly."""

    key: str
    name: str
    type_id: int
    agency: str
    years: tuple[int, int]
    weight: float  # share of the data set's flights
    launchers: tuple[str, ...]
    missions: tuple[MissionSpec, ...]
    days: tuple[float, float]  # how long a mission lasts
    # Named vehicles of a reusable craft; more are named by `vehicle` ({n}: its number,
    # {g}: its place among all spacecraft, {config}: the craft's name, {mission}: a single
    # use vehicle's mission). Reusable if `reuse` > 1: the flights per vehicle before
    # another one joins the fleet.
    vehicles: tuple[str, ...] = ()
    vehicle: str = "{config} {n}"
    reuse: int = 1
    crew: tuple[tuple[str, float], ...] = ()  # (corps key, weight) per seat
    crew_size: tuple[int, int] = (0, 0)
    stations: tuple[str, ...] = ()
    ports: tuple[str, ...] = ()  # docking port names it uses (any of the station's if empty)
    p_dock: float = 0.0
    sites: tuple[str, ...] = ()  # where it lands; () means it burns up or stays up
    landing_type: int = 3
    family: str | None = None
    human_rated: bool = False
    crew_capacity: int | None = None
    capability: str = ""
    history: str = ""
    details: str = ""
    height: float | None = None
    diameter: float | None = None
    payload_capacity: int | None = None
    payload_return_capacity: int | None = None
    flight_life: str = ""
    wiki_link: str = ""


@dataclass(frozen=True)
class FamilySpec:
    key: str
    name: str
    description: str | None
    manufacturer: str | None


@dataclass(frozen=True)
class SiteSpec:
    """A landing location."""

    key: str
    name: str
    abbrev: str
    description: str | None
    latitude: float
    longitude: float
    location: str | None = None
    body: int = 1


@dataclass(frozen=True)
class StationSpec:
    key: str
    name: str
    founded: str
    deorbited: str | None
    description: str | None
    ports: tuple[str, ...]


@dataclass(frozen=True)
class ProgramSpec:
    key: str
    name: str
    agencies: tuple[str, ...]
    start: str
    end: str | None
    description: str | None
    wiki_url: str | None = None
    info_url: str | None = None
    type_id: int = 2


@dataclass(frozen=True)
class NameGroup:
    """People of one nationality: given names and family names to combine."""

    country: int
    given: tuple[str, ...]
    family: tuple[str, ...]
    family_first: bool = False


@dataclass(frozen=True)
class CorpsSpec:
    """A pool of astronauts (an agency's corps, or private flyers)."""

    key: str
    agency: str | None
    groups: tuple[NameGroup, ...]
    born: tuple[int, int]
    type_id: int
    share: float  # of the data set's astronauts


@dataclass(frozen=True)
class Catalog:
    agencies: tuple[AgencySpec, ...]
    locations: tuple[LocationSpec, ...]
    pads: tuple[PadSpec, ...]
    launchers: tuple[LauncherSpec, ...]
    families: tuple[FamilySpec, ...]
    crafts: tuple[CraftSpec, ...]
    sites: tuple[SiteSpec, ...]
    stations: tuple[StationSpec, ...]
    programs: tuple[ProgramSpec, ...]
    corps: tuple[CorpsSpec, ...]
    # Launch outcomes of flown launches, drawn with equal chance each (repeat to weigh).
    outcomes: tuple[int, ...]
    hostile: bool = False
    p_no_mission: float = 0.0
    p_no_provider: float = 0.0
    p_no_landing: float = 0.0  # of a craft that lands
    p_no_attempt: float = 0.0
    positions: dict[str, dict[str, int]] = field(default_factory=dict, compare=False)

    def at(self, kind: str, key: str) -> int:
        """The list position of the `kind` spec (e.g. "agencies") with this key."""
        if kind not in self.positions:
            specs: tuple[Any, ...] = getattr(self, kind)
            self.positions[kind] = {spec.key: i for i, spec in enumerate(specs)}
        return self.positions[kind][key]

    def each(self, kind: str, keys: tuple[str, ...]) -> tuple[int, ...]:
        return tuple(self.at(kind, key) for key in keys)

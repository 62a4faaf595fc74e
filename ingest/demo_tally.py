"""Counters of a demo data set, computed from its plan in one pass in NET order.

What they count, so that each equals what the graph shows:

* a launch has *flown* when its status is Success, Failure, Partial Failure or Payload
  Deployed, and is *pending* otherwise (Go, TBD, TBC); ``total_launch_count`` counts flown
  launches, ``failed_launches`` Failure and Partial Failure;
* a landing counts once its outcome is known (``success`` true or false): attempted =
  successful + failed;
* ``consecutive_successful_*``: successes since the last launch (landing) that was not one;
* a launch's ``*_launch_attempt_count`` is its rank in NET order among all the data set's
  launches (orbital ones only for ``orbital_*``: a suborbital launch has none) from the same
  location, pad or provider, and ``*_year`` the same within its NET's year;
* a spacecraft's ``flights_count`` counts its flights, ``mission_ends_count`` those that
  ended; a configuration's ``spacecraft_flown`` its spacecraft with a flown flight.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ingest.demo_lookups import FAILED, FLOWN, SUBORBITAL, SUCCESS
from ingest.demo_plan import NOW_MINUTE, Plan

_FIELDS = "flights flown success failed pending streak orbital attempted landed crashed"
_FIELDS += " landing_streak fleet ends time first last gap open lost"


class Counts:
    """Counters of one entity; unused ones stay 0 (or None for times)."""

    __slots__ = tuple(_FIELDS.split())

    def __init__(self) -> None:
        self.flights = self.flown = self.success = self.failed = self.pending = 0
        self.streak = self.orbital = self.attempted = self.landed = self.crashed = 0
        self.landing_streak = self.fleet = self.ends = self.time = 0
        self.first = self.last = self.gap = None
        self.open = self.lost = False

    def launch(self, status: int) -> None:
        if status in FLOWN:
            self.flown += 1
            ok = status == SUCCESS
            self.success += ok
            self.failed += status in FAILED
            self.streak = self.streak + 1 if ok else 0
        else:
            self.pending += 1

    def landing(self, success: bool | None) -> None:
        if success is None:
            return
        self.attempted += 1
        self.landed += success
        self.crashed += not success
        self.landing_streak = self.landing_streak + 1 if success else 0

    def flew(self, net: int) -> int | None:
        """Note a flown launch at `net`; return the time since the previous one."""
        since = None if self.last is None else net - self.last
        if since is not None and (self.gap is None or since < self.gap):
            self.gap = since
        if self.first is None:
            self.first = net
        self.last = net
        return since


def _table(size: int) -> list[Counts]:
    return [Counts() for _ in range(size)]


@dataclass
class Tally:
    agencies: list[Counts]
    pads: list[Counts]
    locations: list[Counts]
    bodies: dict[int, Counts]
    sites: list[Counts]
    crafts: list[Counts]
    vehicles: list[Counts]
    astronauts: dict[int, Counts] = field(default_factory=dict)
    # Per flight:
    ranks: list[tuple[int | None, ...]] = field(default_factory=list)
    turnaround: list[int | None] = field(default_factory=list)
    first_flight: dict[int, int] = field(default_factory=dict)  # vehicle -> flight


def count(plan: Plan) -> Tally:
    """Every counter of the data set `plan` describes."""
    c = plan.catalog
    tally = Tally(
        agencies=_table(len(c.agencies)),
        pads=_table(len(c.pads)),
        locations=_table(len(c.locations)),
        bodies={body: Counts() for body in (1, 2, 3)},
        sites=_table(len(c.sites)),
        crafts=_table(len(c.crafts)),
        vehicles=_table(max(plan.vehicle, default=-1) + 1),
    )
    tally.ranks = [()] * len(plan)
    tally.turnaround = [None] * len(plan)
    pad_location = [c.at("locations", pad.location) for pad in c.pads]
    site_location = [c.at("locations", s.location) if s.location else -1 for s in c.sites]
    ranks: dict[tuple[object, ...], int] = {}
    for i in plan.order:
        _launch(plan, tally, i, pad_location)
        _landing(plan, tally, i, site_location)
        _ranks(plan, tally, ranks, i, pad_location)
        _crew(plan, tally, i)
    return tally


def _launch(plan: Plan, tally: Tally, i: int, pad_location: list[int]) -> None:
    status, net, end = plan.status[i], plan.net[i], plan.end[i]
    location = pad_location[plan.pad[i]]
    spec = plan.mission_spec(i)
    suborbital = spec is not None and spec.orbit == SUBORBITAL
    for counts in (
        tally.pads[plan.pad[i]],
        tally.locations[location],
        tally.bodies[plan.catalog.locations[location].body],
        tally.crafts[plan.craft[i]],
    ):
        counts.launch(status)
    if plan.provider[i] >= 0:
        tally.agencies[plan.provider[i]].launch(status)
    vehicle = tally.vehicles[plan.vehicle[i]]
    vehicle.flights += 1
    vehicle.ends += end is not None
    tally.first_flight.setdefault(plan.vehicle[i], i)
    if status not in FLOWN:
        return
    pad = tally.pads[plan.pad[i]]
    pad.orbital += not suborbital
    pad.flew(net)
    craft = tally.crafts[plan.craft[i]]
    craft.fleet += vehicle.first is None  # the craft's spacecraft flown
    craft.flew(net)
    tally.turnaround[i] = vehicle.flew(net)
    if vehicle.gap is not None and (craft.gap is None or vehicle.gap < craft.gap):
        craft.gap = vehicle.gap
    vehicle.time += (end if end is not None else NOW_MINUTE) - net
    vehicle.open = end is None and status != 4
    vehicle.lost = vehicle.lost or status == 4


def _landing(plan: Plan, tally: Tally, i: int, site_location: list[int]) -> None:
    site, success = plan.site[i], plan.success[i]
    if site < 0:
        return
    for counts in (tally.sites[site], tally.crafts[plan.craft[i]]):
        counts.landing(success)
    if plan.provider[i] >= 0:
        tally.agencies[plan.provider[i]].landing(success)
    tally.bodies[plan.catalog.sites[site].body].landing(success)
    if site_location[site] >= 0:
        tally.locations[site_location[site]].landing(success)
    if success is False:
        tally.vehicles[plan.vehicle[i]].lost = True


def _ranks(
    plan: Plan, tally: Tally, ranks: dict[tuple[object, ...], int], i: int, pad_location: list[int]
) -> None:
    spec = plan.mission_spec(i)
    orbital = spec is None or spec.orbit != SUBORBITAL
    year, provider, pad = plan.year[i], plan.provider[i], plan.pad[i]
    keys = (
        ("orbit", 0) if orbital else None,
        ("location", pad_location[pad]),
        ("pad", pad),
        ("agency", provider) if provider >= 0 else None,
    )
    found: list[int | None] = [None] * 8
    for n, key in enumerate(keys):
        if key is None:
            continue
        for place, group in ((n, key), (n + 4, (*key, year))):
            rank = ranks.get(group, 0) + 1
            ranks[group] = rank
            found[place] = rank
    tally.ranks[i] = tuple(found)


def _crew(plan: Plan, tally: Tally, i: int) -> None:
    status, net, end = plan.status[i], plan.net[i], plan.end[i]
    for astronaut in plan.crew[i]:
        counts = tally.astronauts.get(astronaut)
        if counts is None:
            counts = tally.astronauts[astronaut] = Counts()
        counts.flights += 1
        if status in FLOWN:
            counts.flew(net)
            counts.time += (end if end is not None else NOW_MINUTE) - net
            counts.open = end is None and status != 4


def mission_agencies(plan: Plan) -> list[tuple[int, ...]]:
    """Per flight, the agencies its mission lists in full (with their counters): the
    mission's customers, and every agency that no earlier mission listed and that this
    flight mentions anywhere (so that each agency's counters reach the store)."""
    c = plan.catalog
    customers = [[c.each("agencies", m.customers) for m in k.missions] for k in c.crafts]
    listed: list[tuple[int, ...]] = []
    covered: set[int] = set()
    waiting: list[int] = []
    mentions = _mentions(plan)
    for i in range(len(plan)):
        m = plan.mission[i]
        if len(covered) == len(c.agencies):  # all listed once: only customers from now on
            listed.append(customers[plan.craft[i]][m] if m >= 0 else ())
            continue
        for a in mentions(i):
            if a >= 0 and a not in covered and a not in waiting:
                waiting.append(a)
        if m < 0:
            listed.append(())
            continue
        mine = customers[plan.craft[i]][m]
        extra = tuple(a for a in waiting if a not in mine)
        covered.update(mine, extra)
        waiting = []
        listed.append(mine + extra)
    return listed


def _mentions(plan: Plan) -> Callable[[int], list[int]]:
    """The agencies flight i mentions: its spacecraft's (and family's) maker, its provider,
    its pad's, its programs' and its crew's."""
    c = plan.catalog
    on_pads = pad_agencies(plan)
    crafts = []
    for k in c.crafts:
        found = [c.at("agencies", k.agency)]
        maker = c.families[c.at("families", k.family)].manufacturer if k.family else None
        found += [c.at("agencies", maker)] if maker else []
        programs = [
            [
                a
                for g in m.programs
                for a in c.each("agencies", c.programs[c.at("programs", g)].agencies)
            ]
            for m in k.missions
        ]
        crafts.append((found, programs))
    corps = [c.at("agencies", spec.agency) if spec.agency else -1 for spec in c.corps]

    def mentions(i: int) -> list[int]:
        found, programs = crafts[plan.craft[i]]
        m = plan.mission[i]
        return (
            [*found, plan.provider[i], *on_pads[plan.pad[i]]]
            + (programs[m] if m >= 0 else [])
            + [corps[plan.corps_of(a)] for a in plan.crew[i]]
        )

    return mentions


def pad_agencies(plan: Plan) -> list[tuple[int, ...]]:
    """A pad's agencies as its spec names them, or else its operators: the providers of
    the launchers that fly from it last."""
    c = plan.catalog
    derived: dict[int, list[int]] = {}
    last: dict[int, int] = {}
    for launcher in sorted(c.launchers, key=lambda spec: -spec.years[1]):
        for pad in c.each("pads", launcher.pads):
            if last.setdefault(pad, launcher.years[1]) != launcher.years[1]:
                continue
            for agency in c.each("agencies", launcher.providers):
                if agency not in derived.setdefault(pad, []):
                    derived[pad].append(agency)
    return [
        c.each("agencies", p.agencies) if p.agencies is not None else tuple(derived.get(i, ()))
        for i, p in enumerate(c.pads)
    ]

"""The plan of a demo data set: for each flight, the few choices every counter depends on
(when, which spacecraft, launcher, pad and provider, the outcome, the mission, the landing,
the crew), drawn before any JSON is built.

Counters (:mod:`ingest.demo_tally`) are computed from the plan, so the nested copies of an
agency, a pad or a spacecraft that each flight carries all say what the whole data set says.
"""

from __future__ import annotations

import random
from bisect import bisect
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import accumulate

from ingest.demo_specs import Catalog, CraftSpec, MissionSpec

# A fixed "now": statuses and end dates depend on it, never on the clock.
NOW = datetime(2026, 1, 1)
EPOCH = datetime(1961, 1, 1)  # plan times are whole minutes since then
NOW_MINUTE = int((NOW - EPOCH).total_seconds()) // 60
DAY = 1440
PENDING_DRAW = (1, 2, 2, 8)
FAILURE = 4


def moment(minute: int) -> datetime:
    return EPOCH + timedelta(minutes=minute)


def _minute(year: int) -> int:
    return int((datetime(year, 1, 1) - EPOCH).total_seconds()) // 60


@dataclass
class Plan:
    """Per flight i (list position i), as drawn; times in minutes since EPOCH."""

    catalog: Catalog
    net: list[int] = field(default_factory=list)
    year: list[int] = field(default_factory=list)
    craft: list[int] = field(default_factory=list)
    launcher: list[int] = field(default_factory=list)
    pad: list[int] = field(default_factory=list)
    provider: list[int] = field(default_factory=list)  # -1: none
    status: list[int] = field(default_factory=list)
    mission: list[int] = field(default_factory=list)  # in the craft's missions; -1: none
    end: list[int | None] = field(default_factory=list)
    site: list[int] = field(default_factory=list)  # -1: no landing
    attempt: list[bool] = field(default_factory=list)
    success: list[bool | None] = field(default_factory=list)
    crew: list[tuple[int, ...]] = field(default_factory=list)  # astronaut numbers
    # Filled in NET order once every flight is drawn:
    number: list[int] = field(default_factory=list)  # rank among its mission's flights
    vehicle: list[int] = field(default_factory=list)  # spacecraft number (all crafts)
    fleet: list[int] = field(default_factory=list)  # per craft: its spacecraft numbers start
    order: list[int] = field(default_factory=list)  # flight positions by NET
    corps_start: list[int] = field(default_factory=list)
    astronauts: int = 0

    def __len__(self) -> int:
        return len(self.net)

    def mission_spec(self, i: int) -> MissionSpec | None:
        m = self.mission[i]
        return self.catalog.crafts[self.craft[i]].missions[m] if m >= 0 else None

    def mission_name(self, i: int) -> str | None:
        """Named in NET order: the spec's names first, then its pattern, counting on."""
        spec = self.mission_spec(i)
        if spec is None:
            return None
        rank = self.number[i]
        return (
            spec.names[rank] if rank < len(spec.names) else spec.pattern.format(n=rank + spec.start)
        )

    def craft_of_vehicle(self, vehicle: int) -> int:
        return bisect(self.fleet, vehicle) - 1

    def corps_of(self, astronaut: int) -> int:
        return bisect(self.corps_start, astronaut) - 1


class _Drawer:
    """Draws the flights one by one from one Random."""

    def __init__(self, catalog: Catalog, rng: random.Random, astronauts: int) -> None:
        self.c, self.rng = catalog, rng
        self.cum = list(accumulate(craft.weight for craft in catalog.crafts))
        last_year = max(craft.years[1] for craft in catalog.crafts)
        self.year_starts = [_minute(year) for year in range(EPOCH.year, last_year + 2)]
        self.spans = [
            (_minute(first), _minute(last + 1) - _minute(first))
            for first, last in (craft.years for craft in catalog.crafts)
        ]
        self.launchers = [catalog.each("launchers", craft.launchers) for craft in catalog.crafts]
        self.pads = [catalog.each("pads", spec.pads) for spec in catalog.launchers]
        self.providers = [catalog.each("agencies", spec.providers) for spec in catalog.launchers]
        self.sites = [catalog.each("sites", craft.sites) for craft in catalog.crafts]
        shares = [corps.share for corps in catalog.corps]
        sizes = [max(8, int(astronauts * share / sum(shares))) for share in shares]
        self.corps_start = [0, *accumulate(sizes)][:-1]
        self.corps_size = sizes
        self.astronauts = sum(sizes)
        self.cache: dict[tuple[str, int, int], tuple[list[float], list[int]]] = {}
        self.used: set[int] = set()

    def choose(self, weights: list[float], options: list[int]) -> int:
        total = weights[-1]
        return options[bisect(weights, self.rng.random() * total) if total else 0]

    def flight(self, plan: Plan) -> None:
        c, rng = self.c, self.rng
        k = bisect(self.cum, rng.random() * self.cum[-1])
        craft = c.crafts[k]
        first, span = self.spans[k]
        net = first + int(rng.random() * span)
        while net in self.used:  # unique NETs: "the n-th launch" counters have no ties
            net += 1
        self.used.add(net)
        year = EPOCH.year + bisect(self.year_starts, net) - 1
        flown = net < NOW_MINUTE
        outcomes = c.outcomes if flown else PENDING_DRAW
        status = outcomes[int(rng.random() * len(outcomes))]
        launcher = self._launcher(k, craft, year)
        pads, providers = self.pads[launcher], self.providers[launcher]
        provider = -1
        if providers and not rng.random() < c.p_no_provider:
            provider = providers[int(rng.random() * len(providers))]
        mission = -1 if rng.random() < c.p_no_mission else self._mission(k, craft, year)
        spec = craft.missions[mission] if mission >= 0 else None
        low, high = (spec and spec.days) or craft.days
        length = int(rng.uniform(2, 15)) if status == FAILURE else int(rng.uniform(low, high) * DAY)
        end: int | None = net + max(1, length)
        if end >= NOW_MINUTE or (c.hostile and rng.random() < 0.15):
            end = None
        site, attempt, success = self._landing(k, status, end)
        plan.net.append(net)
        plan.year.append(year)
        plan.craft.append(k)
        plan.launcher.append(launcher)
        plan.pad.append(pads[int(rng.random() * len(pads))])
        plan.provider.append(provider)
        plan.status.append(status)
        plan.mission.append(mission)
        plan.end.append(end)
        plan.site.append(site)
        plan.attempt.append(attempt)
        plan.success.append(success)
        plan.crew.append(self._crew(craft, spec) if spec and spec.crewed else ())

    def _launcher(self, k: int, craft: CraftSpec, year: int) -> int:
        key = ("launcher", k, year)
        if key not in self.cache:
            options = [
                i
                for i in self.launchers[k]
                if self.c.launchers[i].years[0] <= year <= self.c.launchers[i].years[1]
            ] or list(self.launchers[k])
            self.cache[key] = (list(accumulate(1.0 for _ in options)), options)
        return self.choose(*self.cache[key])

    def _mission(self, k: int, craft: CraftSpec, year: int) -> int:
        key = ("mission", k, year)
        if key not in self.cache:
            options = [m for m, s in enumerate(craft.missions) if s.first_year <= year]
            options = options or list(range(len(craft.missions)))
            weights = list(accumulate(craft.missions[m].weight for m in options))
            self.cache[key] = (weights, options)
        return self.choose(*self.cache[key])

    def _landing(self, k: int, status: int, end: int | None) -> tuple[int, bool, bool | None]:
        sites, rng, c = self.sites[k], self.rng, self.c
        if not sites or status == FAILURE or rng.random() < c.p_no_landing:
            return -1, False, None
        site = sites[int(rng.random() * len(sites))]
        attempt = not rng.random() < c.p_no_attempt
        if end is None or not attempt:
            return site, attempt, None
        return site, attempt, rng.random() < (0.9 if c.hostile else 0.98)

    def _crew(self, craft: CraftSpec, spec: MissionSpec) -> tuple[int, ...]:
        rng, c = self.rng, self.c
        weights = spec.crew or craft.crew
        if not weights:
            return ()
        key = ("crew", id(weights), 0)
        if key not in self.cache:
            cum = list(accumulate(w for _, w in weights))
            self.cache[key] = (cum, [c.at("corps", corps) for corps, _ in weights])
        low, high = craft.crew_size
        seats: list[int] = []
        for _ in range(low + int(rng.random() * (high - low + 1))):
            corps = self.choose(*self.cache[key])
            astronaut = self.corps_start[corps] + int(rng.random() * self.corps_size[corps])
            if astronaut not in seats:
                seats.append(astronaut)
        return tuple(seats)


def _number(plan: Plan, rng: random.Random) -> None:
    """Name missions and assign spacecraft in NET order: Crew-1 flies before Crew-2, and a
    reusable craft's fleet grows as its flights add up."""
    crafts = plan.catalog.crafts
    plan.order = sorted(range(len(plan)), key=plan.net.__getitem__)
    plan.number = [0] * len(plan)
    local = [0] * len(plan)
    ranks: dict[tuple[int, int], int] = {}
    flights_per_craft = [0] * len(crafts)
    for i in plan.order:
        k, m = plan.craft[i], plan.mission[i]
        if m >= 0:
            rank = ranks.get((k, m), 0)
            ranks[(k, m)] = rank + 1
            plan.number[i] = rank
            if rank < crafts[k].missions[m].crewed_from:
                plan.crew[i] = ()
        j = flights_per_craft[k]
        flights_per_craft[k] = j + 1
        craft = crafts[k]
        if craft.reuse > 1:
            local[i] = int(rng.random() * (1 + j // craft.reuse))
        else:
            local[i] = j
    sizes = [
        (1 + (n - 1) // craft.reuse if craft.reuse > 1 else n) if n else 0
        for craft, n in zip(crafts, flights_per_craft, strict=True)
    ]
    plan.fleet = [0, *accumulate(sizes)][:-1]
    plan.vehicle = [plan.fleet[plan.craft[i]] + local[i] for i in range(len(plan))]


def draw(catalog: Catalog, flights: int, seed: int) -> Plan:
    """The plan of `flights` flights for `seed`."""
    rng = random.Random(f"{seed}/plan")
    drawer = _Drawer(catalog, rng, max(30, flights // 5))
    plan = Plan(catalog, corps_start=drawer.corps_start, astronauts=drawer.astronauts)
    for _ in range(flights):
        drawer.flight(plan)
    _number(plan, rng)
    return plan

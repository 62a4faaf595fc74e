"""Q1's floor: a page of flights in LL2's detailed spacecraft-flight shape.

Loads table by table in dependency order (every table once, or once per self-referencing
level: target flights, family parents), each statement batched over all the ids the levels
above named, then shapes plain dicts (bench/floor/q1_shapes.py) for ``orjson.dumps``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from bench.floor import q1_sql as sql
from bench.floor.q1_shapes import Shaper


class Store:
    """This request's rows: by table and id, link lists by owner, child lists by parent."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn
        self.sql = sql.statements(conn.dialect.name)
        self.rows: dict[str, dict[Any, Row[Any]]] = {table: {} for table in sql.COLUMNS}
        self.links: dict[str, dict[Any, list[Any]]] = {link: {} for link in sql.LINKS}
        self.crews: dict[Any, dict[str, list[Row[Any]]]] = {}
        self.dockings: dict[Any, list[Row[Any]]] = {}
        self.variants: dict[Any, list[Row[Any]]] = {}

    async def load(self, table: str, ids: Iterable[Any]) -> list[Row[Any]]:
        """Rows of ``table`` for ``ids`` (those not loaded yet, in one statement)."""
        known = self.rows[table]
        wanted = {i for i in ids if i is not None}
        missing = [i for i in wanted if i not in known]
        if missing:
            for row in await self.conn.execute(self.sql.by_id[table], {"ids": missing}):
                known[row.id] = row
        return [known[i] for i in wanted if i in known]

    async def link(self, link: str, owners: Iterable[Any]) -> set[Any]:
        """Fill ``link``'s ordered target lists for ``owners``; the target ids."""
        lists = self.links[link]
        missing = list({o for o in owners if o is not None and o not in lists})
        targets: set[Any] = set()
        if missing:
            for owner in missing:
                lists[owner] = []
            for owner, target in await self.conn.execute(self.sql.linked[link], {"ids": missing}):
                lists[owner].append(target)
                targets.add(target)
        return targets


async def _load(store: Store, page: list[Row[Any]]) -> None:
    flights = {row.id: row for row in page}
    store.rows["spacecraft_flights"].update(flights)
    rows = store.rows
    ids = list(flights)
    if ids:
        for seat in await store.conn.execute(store.sql.crews, {"ids": ids}):
            store.crews.setdefault(seat.flight_id, {}).setdefault(seat.crew, []).append(seat)
        for event in await store.conn.execute(store.sql.dockings, {"ids": ids}):
            store.dockings.setdefault(event.flight_vehicle_chaser_id, []).append(event)
    seats = [s for crews in store.crews.values() for lists in crews.values() for s in lists]
    events = [e for events in store.dockings.values() for e in events]

    # Docking targets: flights (shaped "normal": no crews or dockings of their own), payload
    # flights, ports, stations.
    await store.load("spacecraft_flights", (e.flight_vehicle_target_id for e in events))
    all_flights = list(rows["spacecraft_flights"].values())
    payload_flights = await store.load(
        "payload_flights", (e.payload_flight_target_id for e in events)
    )
    ports = await store.load("docking_locations", (e.docking_location_id for e in events))

    spacecraft = await store.load("spacecraft", (f.spacecraft_id for f in all_flights))
    configs = await store.load(
        "spacecraft_configurations",
        [*(s.spacecraft_config_id for s in spacecraft), *(p.spacecraft_id for p in ports)],
    )
    # Detailed family -> its parent (normal) -> that one's parent (mini).
    families = await store.load(
        "spacecraft_config_families",
        await store.link("spacecraft_configurations_family", (c.id for c in configs)),
    )
    for _ in range(2):
        families = await store.load("spacecraft_config_families", (f.parent_id for f in families))

    payloads = await store.load(
        "payloads",
        [*(p.payload_id for p in payload_flights), *(p.payload_id for p in ports)],
    )
    launches = await store.load(
        "launches",
        [*(f.launch_id for f in all_flights), *(p.launch_id for p in payload_flights)],
    )
    programs = await store.load(
        "programs",
        (await store.link("launches_program", (launch.id for launch in launches)))
        | await store.link("payloads_program", (p.id for p in payloads)),
    )
    await store.link("programs_agencies", (p.id for p in programs))
    patches = await store.load(
        "mission_patches", await store.link("programs_mission_patches", (p.id for p in programs))
    )
    rockets = await store.load("rockets", (launch.rocket_id for launch in launches))
    launchers = await store.load("launcher_configurations", (r.configuration_id for r in rockets))
    await store.load(
        "launcher_config_families",
        await store.link("launcher_configurations_families", (c.id for c in launchers)),
    )
    missions = await store.load("missions", (launch.mission_id for launch in launches))
    await store.link("missions_agencies", (m.id for m in missions))
    orbits = await store.load("orbits", (m.orbit_id for m in missions))
    pads = await store.load("pads", (launch.pad_id for launch in launches))
    await store.link("pads_agencies", (p.id for p in pads))
    landings = await store.load(
        "landings",
        [*(f.landing_id for f in all_flights), *(p.landing_id for p in payload_flights)],
    )
    sites = await store.load("landing_locations", (x.landing_location_id for x in landings))
    locations = await store.load(
        "locations", [*(p.location_id for p in pads), *(s.location_id for s in sites)]
    )
    bodies = await store.load(
        "celestial_bodies",
        [
            *(x.celestial_body_id for x in locations),
            *(s.celestial_body_id for s in sites),
            *(o.celestial_body_id for o in orbits),
        ],
    )
    astronauts = await store.load("astronauts", (s.astronaut_id for s in seats))
    await store.link("astronauts_nationality", (a.id for a in astronauts))
    stations = await store.load(
        "space_stations",
        [*(e.space_station_target_id for e in events), *(p.spacestation_id for p in ports)],
    )

    links = store.links
    agencies = await store.load(
        "agencies",
        [
            *(c.agency_id for c in configs),
            *(f.manufacturer_id for f in rows["spacecraft_config_families"].values()),
            *(launch.launch_service_provider_id for launch in launches),
            *(p.manufacturer_id for p in payloads),
            *(p.operator_id for p in payloads),
            *(p.agency_id for p in patches),
            *(a.agency_id for a in astronauts),
            *(t for targets in links["missions_agencies"].values() for t in targets),
            *(t for targets in links["pads_agencies"].values() for t in targets),
            *(t for targets in links["programs_agencies"].values() for t in targets),
        ],
    )
    await store.link("agencies_country", (a.id for a in agencies))
    social_links = await store.load(
        "social_media_links",
        await store.link("agencies_social_media_links", (a.id for a in agencies))
        | await store.link("astronauts_social_media_links", (a.id for a in astronauts)),
    )
    networks = await store.load("social_media", (s.social_media_id for s in social_links))
    await store.load(
        "countries",
        [
            *(p.country_id for p in pads),
            *(x.country_id for x in locations),
            *(t for targets in links["agencies_country"].values() for t in targets),
            *(t for targets in links["astronauts_nationality"].values() for t in targets),
        ],
    )

    lookups: dict[str, Iterable[Any]] = {
        "agency_types": (a.type_id for a in agencies),
        "launch_statuses": (x.status_id for x in launches),
        "net_precisions": (x.net_precision_id for x in launches),
        "landing_types": (x.type_id for x in landings),
        "celestial_body_types": (b.type_id for b in bodies),
        "spacecraft_statuses": (s.status_id for s in spacecraft),
        "spacecraft_config_types": (c.type_id for c in configs),
        "astronaut_statuses": (a.status_id for a in astronauts),
        "astronaut_types": (a.type_id for a in astronauts),
        "astronaut_roles": (s.role_id for s in seats),
        "space_station_statuses": (s.status_id for s in stations),
        "space_station_types": (s.type_id for s in stations),
        "program_types": (p.type_id for p in programs),
        "payload_types": (p.type_id for p in payloads),
    }
    for table, wanted in lookups.items():
        await store.load(table, wanted)

    images = await store.load(
        "images",
        [
            *(x.image_id for x in spacecraft),
            *(x.image_id for x in configs),
            *(x.image_id for x in launches),
            *(x.image_id for x in missions),
            *(x.image_id for x in pads),
            *(x.image_id for x in programs),
            *(x.image_id for x in locations),
            *(x.image_id for x in sites),
            *(x.image_id for x in bodies),
            *(x.image_id for x in stations),
            *(x.image_id for x in payloads),
            *(x.image_id for x in astronauts),
            *(x.logo_id for x in networks),
            *(x.image_id for x in agencies),
            *(x.logo_id for x in agencies),
            *(x.social_logo_id for x in agencies),
        ],
    )
    await store.load("image_licenses", (i.license_id for i in images))
    image_ids = [i.id for i in images]
    if image_ids:
        for variant in await store.conn.execute(store.sql.variants, {"ids": image_ids}):
            store.variants.setdefault(variant.image_id, []).append(variant)
    await store.load(
        "image_variant_types",
        (v.type_id for variants in store.variants.values() for v in variants),
    )


async def detailed_flights(conn: AsyncConnection, variables: dict[str, Any]) -> Any:
    """``data`` of the Q1 document: ``page { count results }``, flights by id."""
    if variables.get("filter") is not None or variables.get("orderBy") != "ID_ASC":
        raise ValueError("the Q1 floor serves the benchmark's variables only")
    first, offset = int(variables["first"]), int(variables["offset"])
    page = (await conn.execute(sql.PAGE, {"first": first, "offset": offset})).all()
    total = (await conn.execute(sql.TOTAL)).scalar_one()
    store = Store(conn)
    await _load(store, page)
    shaper = Shaper(store)
    return {"page": {"count": total, "results": [shaper.flight_detailed(f) for f in page]}}

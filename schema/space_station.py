"""``SpaceStation`` and what happens aboard: ``Expedition``, ``Spacewalk``, ``DockingLocation``
(LL2 SpaceStationDetailed, ExpeditionDetailed, SpacewalkNormal, DockingLocation)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import strawberry

from schema.base import (
    Info,
    RowType,
    children,
    field,
    linked,
    load_children,
    one,
)
from schema.inputs.space_station import SpaceStationFilter, SpaceStationOrder
from schema.node import Node, node
from schema.pagination import connection_field, node_field
from schema.refs import (
    AgencyRef,
    AstronautFlightRef,
    DockingEventRef,
    EventRef,
    FlightRef,
    ImageRef,
    MissionPatchRef,
    PayloadRef,
    ProgramRef,
    SpacecraftConfigRef,
    SpaceStationStatusRef,
    SpaceStationTypeRef,
)
from schema.scalars import Duration

LL2_ID = "LL2's id."


def _ongoing(end: datetime | None) -> bool:
    return end is None or end > datetime.now(UTC)


async def _active_expeditions(self: SpaceStation, info: Info):
    expeditions = await load_children(info, "expeditions", "spacestation_id", self.ll2_id)
    return [e for e in expeditions if _ongoing(e.end)]


@node("space_stations")
@strawberry.type(description="A space station (LL2 SpaceStationDetailed).")
class SpaceStation(Node, RowType):
    ll2_id: int = field(LL2_ID)
    url: str | None = field("LL2's URL of this station.")
    name: str | None = field("Name.")
    founded: date | None = field("Date founded.")
    deorbited: date | None = field("Date deorbited.")
    description: str | None = field("About the station.")
    orbit: str | None = field("Its orbit (text).")
    height: float | None = field("Height (m).")
    width: float | None = field("Width (m).")
    mass: float | None = field("Mass (t).")
    volume: int | None = field("Pressurised volume (m³).")
    onboard_crew: int | None = field("Crew aboard now.")
    docked_vehicles: int | None = field("Vehicles docked now.")
    image_id: strawberry.Private[int | None]
    status_id: strawberry.Private[int | None]
    type_id: strawberry.Private[int | None]

    image: ImageRef | None = one("images", key="image_id", description="Image.")

    status: SpaceStationStatusRef | None = one(
        "space_station_statuses", key="status_id", description="State of the station."
    )

    type: SpaceStationTypeRef | None = one(
        "space_station_types", key="type_id", description="Kind of station."
    )

    owners: list[AgencyRef] = linked("space_stations_owners", description="Agencies owning it.")

    # Untaught to the compiled executor: it filters on the clock.
    active_expeditions: list[Expedition] = strawberry.field(
        resolver=_active_expeditions, description="Expeditions aboard it that have not ended."
    )

    docking_location: list[DockingLocation] = children(
        "docking_locations", "spacestation_id", description="Its docking ports."
    )

    active_docking_events: list[DockingEventRef] = linked(
        "space_stations_active_docking_events",
        description="Docking events LL2 lists as active at the station.",
    )


@node("expeditions")
@strawberry.type(description="A crew's stay aboard a station (LL2 ExpeditionDetailed).")
class Expedition(Node, RowType):
    ll2_id: int = field(LL2_ID)
    url: str | None = field("LL2's URL of this expedition.")
    name: str | None = field("Name.")
    start: datetime | None = field("Start.")
    end: datetime | None = field("End.")
    spacestation_id: strawberry.Private[int | None]

    spacestation: SpaceStation | None = one(
        "space_stations", key="spacestation_id", description="The station."
    )

    mission_patches: list[MissionPatchRef] = linked(
        "expeditions_mission_patches", description="Patches."
    )

    spacewalks: list[Spacewalk] = children(
        "spacewalks", "expedition_id", description="Spacewalks made during it."
    )

    crew: list[AstronautFlightRef] = children(
        "astronaut_flights", "expedition_id", description="Its crew.", crew="expedition"
    )


@node("spacewalks")
@strawberry.type(description="A spacewalk (LL2 SpacewalkNormal).")
class Spacewalk(Node, RowType):
    ll2_id: int = field(LL2_ID)
    url: str | None = field("LL2's URL of this spacewalk.")
    name: str | None = field("Name.")
    start: datetime | None = field("Start.")
    end: datetime | None = field("End.")
    duration: Duration | None = field("How long it lasted.")
    location: str | None = field("Where it took place (text).")
    expedition_id: strawberry.Private[int | None]
    spacestation_id: strawberry.Private[int | None]
    spacecraft_flight_id: strawberry.Private[int | None]
    event_id: strawberry.Private[int | None]

    crew: list[AstronautFlightRef] = children(
        "astronaut_flights", "spacewalk_id", description="Who walked.", crew="spacewalk"
    )

    expedition: Expedition | None = one(
        "expeditions", key="expedition_id", description="Expedition it was part of."
    )

    spacestation: SpaceStation | None = one(
        "space_stations", key="spacestation_id", description="Station it set out from, if any."
    )

    spacecraft_flight: FlightRef | None = one(
        "spacecraft_flights",
        key="spacecraft_flight_id",
        description="Spacecraft flight it set out from, if any.",
    )

    program: list[ProgramRef] = linked("spacewalks_program", description="Programs it belongs to.")

    event: EventRef | None = one("events", key="event_id", description="LL2's event for it.")


@node("docking_locations")
@strawberry.type(description="A docking port (LL2 DockingLocation).")
class DockingLocation(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field("Name.")
    spacestation_id: strawberry.Private[int | None]
    spacecraft_id: strawberry.Private[int | None]
    payload_id: strawberry.Private[int | None]

    spacestation: SpaceStation | None = one(
        "space_stations", key="spacestation_id", description="Station it is on."
    )

    spacecraft: SpacecraftConfigRef | None = one(
        "spacecraft_configurations",
        key="spacecraft_id",
        description="Spacecraft configuration it is on, if not a station.",
    )

    payload: PayloadRef | None = one(
        "payloads", key="payload_id", description="Payload it is on, if not a station."
    )

    @strawberry.field(description="What is docked at it now.")
    async def currently_docked(self, info: Info) -> DockingEventRef | None:
        events = await load_children(info, "docking_events", "docking_location_id", self.ll2_id)
        docked = [e for e in events if _ongoing(e.departure)]
        return docked[-1] if docked else None


@strawberry.type
class SpaceStationQuery:
    space_station = node_field(
        SpaceStation, "space_stations", description="A space station by `id` or `ll2Id`."
    )
    space_stations = connection_field(
        SpaceStation,
        "space_stations",
        SpaceStationFilter,
        SpaceStationOrder,
        SpaceStationOrder.ID_ASC,
        description="Space stations (LL2 `/2.3.0/space_stations/`).",
    )

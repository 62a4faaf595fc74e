"""``SpaceStation`` and what happens aboard: ``Expedition``, ``Spacewalk``, ``DockingLocation``
(LL2 SpaceStationDetailed, ExpeditionDetailed, SpacewalkNormal, DockingLocation)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import strawberry

from schema.base import Info, RowType, field, load_children, load_linked, load_one
from schema.inputs.space_station import SpaceStationFilter, SpaceStationOrder
from schema.node import Node, node
from schema.pagination import connection_field, node_field
from schema.refs import (
    AgencyRef,
    AstronautFlightRef,
    DockingEventRef,
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

    @strawberry.field(description="Image.")
    async def image(self, info: Info) -> ImageRef | None:
        return await load_one(info, "images", self.image_id)

    @strawberry.field(description="State of the station.")
    async def status(self, info: Info) -> SpaceStationStatusRef | None:
        return await load_one(info, "space_station_statuses", self.status_id)

    @strawberry.field(description="Kind of station.")
    async def type(self, info: Info) -> SpaceStationTypeRef | None:
        return await load_one(info, "space_station_types", self.type_id)

    @strawberry.field(description="Agencies owning it.")
    async def owners(self, info: Info) -> list[AgencyRef]:
        return await load_linked(info, "space_stations_owners", self.ll2_id)

    @strawberry.field(description="Expeditions aboard it that have not ended.")
    async def active_expeditions(self, info: Info) -> list[Expedition]:
        expeditions = await load_children(info, "expeditions", "spacestation_id", self.ll2_id)
        return [e for e in expeditions if _ongoing(e.end)]

    @strawberry.field(description="Its docking ports.")
    async def docking_location(self, info: Info) -> list[DockingLocation]:
        return await load_children(info, "docking_locations", "spacestation_id", self.ll2_id)

    @strawberry.field(description="Docking events LL2 lists as active at the station.")
    async def active_docking_events(self, info: Info) -> list[DockingEventRef]:
        return await load_linked(info, "space_stations_active_docking_events", self.ll2_id)


@node("expeditions")
@strawberry.type(description="A crew's stay aboard a station (LL2 ExpeditionDetailed).")
class Expedition(Node, RowType):
    ll2_id: int = field(LL2_ID)
    url: str | None = field("LL2's URL of this expedition.")
    name: str | None = field("Name.")
    start: datetime | None = field("Start.")
    end: datetime | None = field("End.")
    spacestation_id: strawberry.Private[int | None]

    @strawberry.field(description="The station.")
    async def spacestation(self, info: Info) -> SpaceStation | None:
        return await load_one(info, "space_stations", self.spacestation_id)

    @strawberry.field(description="Patches.")
    async def mission_patches(self, info: Info) -> list[MissionPatchRef]:
        return await load_linked(info, "expeditions_mission_patches", self.ll2_id)

    @strawberry.field(description="Spacewalks made during it.")
    async def spacewalks(self, info: Info) -> list[Spacewalk]:
        return await load_children(info, "spacewalks", "expedition_id", self.ll2_id)

    @strawberry.field(description="Its crew.")
    async def crew(self, info: Info) -> list[AstronautFlightRef]:
        return await load_children(
            info, "astronaut_flights", "expedition_id", self.ll2_id, crew="expedition"
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

    @strawberry.field(description="Who walked.")
    async def crew(self, info: Info) -> list[AstronautFlightRef]:
        return await load_children(
            info, "astronaut_flights", "spacewalk_id", self.ll2_id, crew="spacewalk"
        )

    @strawberry.field(description="Expedition it was part of.")
    async def expedition(self, info: Info) -> Expedition | None:
        return await load_one(info, "expeditions", self.expedition_id)

    @strawberry.field(description="Station it set out from, if any.")
    async def spacestation(self, info: Info) -> SpaceStation | None:
        return await load_one(info, "space_stations", self.spacestation_id)

    @strawberry.field(description="Spacecraft flight it set out from, if any.")
    async def spacecraft_flight(self, info: Info) -> FlightRef | None:
        return await load_one(info, "spacecraft_flights", self.spacecraft_flight_id)

    @strawberry.field(description="Programs it belongs to.")
    async def program(self, info: Info) -> list[ProgramRef]:
        return await load_linked(info, "spacewalks_program", self.ll2_id)


@node("docking_locations")
@strawberry.type(description="A docking port (LL2 DockingLocation).")
class DockingLocation(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field("Name.")
    spacestation_id: strawberry.Private[int | None]
    spacecraft_id: strawberry.Private[int | None]
    payload_id: strawberry.Private[int | None]

    @strawberry.field(description="Station it is on.")
    async def spacestation(self, info: Info) -> SpaceStation | None:
        return await load_one(info, "space_stations", self.spacestation_id)

    @strawberry.field(description="Spacecraft configuration it is on, if not a station.")
    async def spacecraft(self, info: Info) -> SpacecraftConfigRef | None:
        return await load_one(info, "spacecraft_configurations", self.spacecraft_id)

    @strawberry.field(description="Payload it is on, if not a station.")
    async def payload(self, info: Info) -> PayloadRef | None:
        return await load_one(info, "payloads", self.payload_id)

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

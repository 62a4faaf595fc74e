"""``Flight``: one flight of a spacecraft, LL2's ``spacecraft_flights``
(SpacecraftFlightDetailed)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from schema.base import Info, RowType, field, load_children, load_one
from schema.inputs.flight import FlightFilter, FlightOrder
from schema.node import Node, node
from schema.pagination import connection_field, node_field
from schema.refs import (
    AstronautFlightRef,
    DockingEventRef,
    LandingRef,
    LaunchRef,
    SpacecraftRef,
)
from schema.scalars import Duration


@node("spacecraft_flights")
@strawberry.type(description="One flight of a spacecraft (LL2 SpacecraftFlightDetailed).")
class Flight(Node, RowType):
    ll2_id: int = field("LL2's id.")
    url: str | None = field("LL2's URL of this flight.")
    destination: str | None = field("Where it goes, e.g. Low Earth Orbit.")
    mission_end: datetime | None = field("When the mission ended.")
    duration: Duration | None = field("How long the flight lasted.")
    turn_around_time: Duration | None = field("Time since the spacecraft's previous flight.")
    spacecraft_id: strawberry.Private[int | None]
    launch_id: strawberry.Private[str | None]
    landing_id: strawberry.Private[int | None]

    @strawberry.field(description="The spacecraft.")
    async def spacecraft(self, info: Info) -> SpacecraftRef | None:
        return await load_one(info, "spacecraft", self.spacecraft_id)

    @strawberry.field(description="The launch that carried it up.")
    async def launch(self, info: Info) -> LaunchRef | None:
        return await load_one(info, "launches", self.launch_id)

    @strawberry.field(description="Its landing.")
    async def landing(self, info: Info) -> LandingRef | None:
        return await load_one(info, "landings", self.landing_id)

    @strawberry.field(description="Crew that rode it up.")
    async def launch_crew(self, info: Info) -> list[AstronautFlightRef]:
        return await load_children(
            info, "astronaut_flights", "flight_id", self.ll2_id, crew="launch"
        )

    @strawberry.field(description="Crew aboard while it flew.")
    async def onboard_crew(self, info: Info) -> list[AstronautFlightRef]:
        return await load_children(
            info, "astronaut_flights", "flight_id", self.ll2_id, crew="onboard"
        )

    @strawberry.field(description="Crew that rode it down.")
    async def landing_crew(self, info: Info) -> list[AstronautFlightRef]:
        return await load_children(
            info, "astronaut_flights", "flight_id", self.ll2_id, crew="landing"
        )

    @strawberry.field(description="Its dockings.")
    async def docking_events(self, info: Info) -> list[DockingEventRef]:
        return await load_children(info, "docking_events", "flight_vehicle_chaser_id", self.ll2_id)


@strawberry.type
class FlightQuery:
    flight = node_field(
        Flight, "spacecraft_flights", description="A spacecraft flight by `id` or `ll2Id`."
    )
    flights = connection_field(
        Flight,
        "flights",
        FlightFilter,
        FlightOrder,
        FlightOrder.ID_ASC,
        description="Spacecraft flights (LL2 `/2.3.0/spacecraft_flights/`).",
    )

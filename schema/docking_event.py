"""``DockingEvent``: a vehicle docking to a station or another vehicle (LL2 DockingEvent)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from schema.base import Info, RowType, field, load_one
from schema.inputs.docking_event import DockingEventFilter, DockingEventOrder
from schema.node import Node, node
from schema.pagination import connection_field, node_field
from schema.refs import DockingLocationRef, FlightRef, PayloadFlightRef, SpaceStationRef


@node("docking_events")
@strawberry.type(description="A docking: who docked to what, where, when (LL2 DockingEvent).")
class DockingEvent(Node, RowType):
    ll2_id: int = field("LL2's id.")
    url: str | None = field("LL2's URL of this docking event.")
    docking: datetime | None = field("When it docked.")
    departure: datetime | None = field("When it left (null: still docked or unknown).")
    docking_location_id: strawberry.Private[int | None]
    space_station_target_id: strawberry.Private[int | None]
    flight_vehicle_target_id: strawberry.Private[int | None]
    payload_flight_target_id: strawberry.Private[int | None]
    flight_vehicle_chaser_id: strawberry.Private[int | None]
    space_station_chaser_id: strawberry.Private[int | None]
    payload_flight_chaser_id: strawberry.Private[int | None]

    @strawberry.field(description="The port.")
    async def docking_location(self, info: Info) -> DockingLocationRef | None:
        return await load_one(info, "docking_locations", self.docking_location_id)

    @strawberry.field(description="Station docked to.")
    async def space_station_target(self, info: Info) -> SpaceStationRef | None:
        return await load_one(info, "space_stations", self.space_station_target_id)

    @strawberry.field(description="Spacecraft flight docked to.")
    async def flight_vehicle_target(self, info: Info) -> FlightRef | None:
        return await load_one(info, "spacecraft_flights", self.flight_vehicle_target_id)

    @strawberry.field(description="Payload flight docked to.")
    async def payload_flight_target(self, info: Info) -> PayloadFlightRef | None:
        return await load_one(info, "payload_flights", self.payload_flight_target_id)

    @strawberry.field(description="Spacecraft flight that docked.")
    async def flight_vehicle_chaser(self, info: Info) -> FlightRef | None:
        return await load_one(info, "spacecraft_flights", self.flight_vehicle_chaser_id)

    @strawberry.field(description="Station that docked.")
    async def space_station_chaser(self, info: Info) -> SpaceStationRef | None:
        return await load_one(info, "space_stations", self.space_station_chaser_id)

    @strawberry.field(description="Payload flight that docked.")
    async def payload_flight_chaser(self, info: Info) -> PayloadFlightRef | None:
        return await load_one(info, "payload_flights", self.payload_flight_chaser_id)


@strawberry.type
class DockingEventQuery:
    docking_event = node_field(
        DockingEvent, "docking_events", description="A docking event by `id` or `ll2Id`."
    )
    docking_events = connection_field(
        DockingEvent,
        "docking_events",
        DockingEventFilter,
        DockingEventOrder,
        DockingEventOrder.DOCKING_ASC,
        description="Docking events (LL2 `/2.3.0/docking_events/`).",
    )

"""``DockingEvent``: a vehicle docking to a station or another vehicle (LL2 DockingEvent)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from schema.base import RowType, field, one
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

    docking_location: DockingLocationRef | None = one(
        "docking_locations", key="docking_location_id", description="The port."
    )

    space_station_target: SpaceStationRef | None = one(
        "space_stations", key="space_station_target_id", description="Station docked to."
    )

    flight_vehicle_target: FlightRef | None = one(
        "spacecraft_flights",
        key="flight_vehicle_target_id",
        description="Spacecraft flight docked to.",
    )

    payload_flight_target: PayloadFlightRef | None = one(
        "payload_flights", key="payload_flight_target_id", description="Payload flight docked to."
    )

    flight_vehicle_chaser: FlightRef | None = one(
        "spacecraft_flights",
        key="flight_vehicle_chaser_id",
        description="Spacecraft flight that docked.",
    )

    space_station_chaser: SpaceStationRef | None = one(
        "space_stations", key="space_station_chaser_id", description="Station that docked."
    )

    payload_flight_chaser: PayloadFlightRef | None = one(
        "payload_flights", key="payload_flight_chaser_id", description="Payload flight that docked."
    )


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

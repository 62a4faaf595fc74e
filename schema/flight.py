"""``Flight``: one flight of a spacecraft, LL2's ``spacecraft_flights``
(SpacecraftFlightDetailed)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from schema.base import RowType, children, field, one
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

    spacecraft: SpacecraftRef | None = one(
        "spacecraft", key="spacecraft_id", description="The spacecraft."
    )

    launch: LaunchRef | None = one(
        "launches", key="launch_id", description="The launch that carried it up."
    )

    landing: LandingRef | None = one("landings", key="landing_id", description="Its landing.")

    launch_crew: list[AstronautFlightRef] = children(
        "astronaut_flights", "flight_id", description="Crew that rode it up.", crew="launch"
    )

    onboard_crew: list[AstronautFlightRef] = children(
        "astronaut_flights", "flight_id", description="Crew aboard while it flew.", crew="onboard"
    )

    landing_crew: list[AstronautFlightRef] = children(
        "astronaut_flights", "flight_id", description="Crew that rode it down.", crew="landing"
    )

    docking_events: list[DockingEventRef] = children(
        "docking_events", "flight_vehicle_chaser_id", description="Its dockings."
    )


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

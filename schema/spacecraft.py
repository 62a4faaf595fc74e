"""``Spacecraft``: one serial-numbered vehicle, e.g. Crew Dragon Endeavour (LL2 Spacecraft)."""

from __future__ import annotations

import strawberry

from schema.base import RowType, field, one
from schema.inputs.flight import FlightFilter, FlightOrder
from schema.inputs.spacecraft import SpacecraftFilter, SpacecraftOrder
from schema.node import Node, node
from schema.pagination import connection_field, node_field
from schema.refs import FlightRef, ImageRef, SpacecraftConfigRef, SpacecraftStatusRef
from schema.scalars import Duration


@node("spacecraft")
@strawberry.type(description="One spacecraft (LL2 SpacecraftDetailed).")
class Spacecraft(Node, RowType):
    ll2_id: int = field("LL2's id.")
    url: str | None = field("LL2's URL of this spacecraft.")
    name: str | None = field("Name.")
    serial_number: str | None = field("Serial number.")
    is_placeholder: bool | None = field("A placeholder for an unknown spacecraft.")
    in_space: bool | None = field("In space now.")
    time_in_space: Duration | None = field("Time spent in space.")
    time_docked: Duration | None = field("Time spent docked.")
    flights_count: int | None = field("Flights flown.")
    mission_ends_count: int | None = field("Missions ended.")
    description: str | None = field("About the spacecraft.")
    fastest_turnaround: Duration | None = field("Shortest time between two flights.")
    image_id: strawberry.Private[int | None]
    status_id: strawberry.Private[int | None]
    spacecraft_config_id: strawberry.Private[int | None]

    image: ImageRef | None = one("images", key="image_id", description="Image.")

    status: SpacecraftStatusRef | None = one(
        "spacecraft_statuses", key="status_id", description="State of the spacecraft."
    )

    spacecraft_config: SpacecraftConfigRef | None = one(
        "spacecraft_configurations", key="spacecraft_config_id", description="Its model."
    )

    flights = connection_field(
        FlightRef,
        "flights",
        FlightFilter,
        FlightOrder,
        FlightOrder.ID_ASC,
        parent_column="spacecraft_id",
        description="Its flights (LL2 `flights`).",
    )


@strawberry.type
class SpacecraftQuery:
    spacecraft = node_field(
        Spacecraft, "spacecraft", description="A spacecraft by `id` or `ll2Id`."
    )
    spacecraft_list = connection_field(
        Spacecraft,
        "spacecraft",
        SpacecraftFilter,
        SpacecraftOrder,
        SpacecraftOrder.ID_ASC,
        description="Spacecraft (LL2 `/2.3.0/spacecraft/`).",
    )

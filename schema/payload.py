"""``Payload`` and ``PayloadFlight``, a payload on one launch (LL2 PayloadDetailed,
PayloadFlightDetailed)."""

from __future__ import annotations

import strawberry

from schema.base import (
    RowType,
    children,
    field,
    linked,
    one,
)
from schema.node import Node, node
from schema.refs import (
    AgencyRef,
    DockingEventRef,
    ImageRef,
    LandingRef,
    LaunchRef,
    PayloadTypeRef,
    ProgramRef,
)
from schema.scalars import BigInt

LL2_ID = "LL2's id."


@node("payloads")
@strawberry.type(description="A payload (LL2 PayloadDetailed).")
class Payload(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field("Name.")
    wiki_link: str | None = field("Wikipedia page.")
    info_link: str | None = field("Web page.")
    cost: BigInt | None = field("Cost (USD).")
    mass: float | None = field("Mass (kg).")
    description: str | None = field("About the payload.")
    type_id: strawberry.Private[int | None]
    manufacturer_id: strawberry.Private[int | None]
    operator_id: strawberry.Private[int | None]
    image_id: strawberry.Private[int | None]

    type: PayloadTypeRef | None = one(
        "payload_types", key="type_id", description="Kind of payload."
    )

    manufacturer: AgencyRef | None = one(
        "agencies", key="manufacturer_id", description="Manufacturer."
    )

    operator: AgencyRef | None = one("agencies", key="operator_id", description="Operator.")

    image: ImageRef | None = one("images", key="image_id", description="Image.")

    program: list[ProgramRef] = linked("payloads_program", description="Programs it belongs to.")


@node("payload_flights")
@strawberry.type(description="A payload on one launch (LL2 PayloadFlightDetailed).")
class PayloadFlight(Node, RowType):
    ll2_id: int = field(LL2_ID)
    url: str | None = field("LL2's URL of this payload flight.")
    destination: str | None = field("Where it goes.")
    amount: int | None = field("How many were flown.")
    payload_id: strawberry.Private[int | None]
    launch_id: strawberry.Private[str | None]
    landing_id: strawberry.Private[int | None]

    payload: Payload | None = one("payloads", key="payload_id", description="The payload.")

    launch: LaunchRef | None = one("launches", key="launch_id", description="The launch.")

    landing: LandingRef | None = one("landings", key="landing_id", description="Its landing.")

    docking_events: list[DockingEventRef] = children(
        "docking_events", "payload_flight_chaser_id", description="Its dockings."
    )

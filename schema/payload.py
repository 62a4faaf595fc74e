"""``Payload`` and ``PayloadFlight``, a payload on one launch (LL2 PayloadDetailed,
PayloadFlightDetailed)."""

from __future__ import annotations

import strawberry

from schema.base import Info, RowType, field, load_children, load_linked, load_one
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

    @strawberry.field(description="Kind of payload.")
    async def type(self, info: Info) -> PayloadTypeRef | None:
        return await load_one(info, "payload_types", self.type_id)

    @strawberry.field(description="Manufacturer.")
    async def manufacturer(self, info: Info) -> AgencyRef | None:
        return await load_one(info, "agencies", self.manufacturer_id)

    @strawberry.field(description="Operator.")
    async def operator(self, info: Info) -> AgencyRef | None:
        return await load_one(info, "agencies", self.operator_id)

    @strawberry.field(description="Image.")
    async def image(self, info: Info) -> ImageRef | None:
        return await load_one(info, "images", self.image_id)

    @strawberry.field(description="Programs it belongs to.")
    async def program(self, info: Info) -> list[ProgramRef]:
        return await load_linked(info, "payloads_program", self.ll2_id)


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

    @strawberry.field(description="The payload.")
    async def payload(self, info: Info) -> Payload | None:
        return await load_one(info, "payloads", self.payload_id)

    @strawberry.field(description="The launch.")
    async def launch(self, info: Info) -> LaunchRef | None:
        return await load_one(info, "launches", self.launch_id)

    @strawberry.field(description="Its landing.")
    async def landing(self, info: Info) -> LandingRef | None:
        return await load_one(info, "landings", self.landing_id)

    @strawberry.field(description="Its dockings.")
    async def docking_events(self, info: Info) -> list[DockingEventRef]:
        return await load_children(info, "docking_events", "payload_flight_chaser_id", self.ll2_id)

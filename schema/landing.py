"""``Landing``: one landing attempt of a booster, spacecraft or payload (LL2 Landing)."""

from __future__ import annotations

import strawberry

from schema.base import Info, RowType, field, load_child, load_one
from schema.inputs.landing import LandingFilter, LandingOrder
from schema.node import Node, node
from schema.pagination import connection_field, node_field
from schema.refs import (
    FirstStageRef,
    FlightRef,
    LandingLocationRef,
    LandingTypeRef,
    PayloadFlightRef,
)


@node("landings")
@strawberry.type(description="A landing attempt and its outcome (LL2 Landing).")
class Landing(Node, RowType):
    ll2_id: int = field("LL2's id.")
    url: str | None = field("LL2's URL of this landing.")
    attempt: bool | None = field("A landing was attempted.")
    success: bool | None = field("It succeeded (null: not known yet).")
    description: str | None = field("What happened.")
    downrange_distance: float | None = field("Distance downrange of the pad (km).")
    landing_location_id: strawberry.Private[int | None]
    type_id: strawberry.Private[int | None]

    @strawberry.field(description="Where it landed.")
    async def landing_location(self, info: Info) -> LandingLocationRef | None:
        return await load_one(info, "landing_locations", self.landing_location_id)

    @strawberry.field(description="How it landed.")
    async def type(self, info: Info) -> LandingTypeRef | None:
        return await load_one(info, "landing_types", self.type_id)

    @strawberry.field(description="The booster that landed, if one did (LL2 `firststage`).")
    async def firststage(self, info: Info) -> FirstStageRef | None:
        return await load_child(info, "first_stages", "landing_id", self.ll2_id)

    @strawberry.field(
        description="The spacecraft flight that landed, if one did (LL2 `spacecraftflight`)."
    )
    async def spacecraftflight(self, info: Info) -> FlightRef | None:
        return await load_child(info, "spacecraft_flights", "landing_id", self.ll2_id)

    @strawberry.field(
        description="The payload flight that landed, if one did (LL2 `payloadflight`)."
    )
    async def payloadflight(self, info: Info) -> PayloadFlightRef | None:
        return await load_child(info, "payload_flights", "landing_id", self.ll2_id)


@strawberry.type
class LandingQuery:
    landing = node_field(Landing, "landings", description="A landing by `id` or `ll2Id`.")
    landings = connection_field(
        Landing,
        "landings",
        LandingFilter,
        LandingOrder,
        LandingOrder.ID_ASC,
        description="Landings (LL2 `/2.3.0/landings/`).",
    )

"""``Landing``: one landing attempt of a booster, spacecraft or payload (LL2 Landing)."""

from __future__ import annotations

import strawberry

from schema.base import RowType, child, field, one
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

    landing_location: LandingLocationRef | None = one(
        "landing_locations", key="landing_location_id", description="Where it landed."
    )

    type: LandingTypeRef | None = one("landing_types", key="type_id", description="How it landed.")

    firststage: FirstStageRef | None = child(
        "first_stages",
        "landing_id",
        description="The booster that landed, if one did (LL2 `firststage`).",
    )

    spacecraftflight: FlightRef | None = child(
        "spacecraft_flights",
        "landing_id",
        description="The spacecraft flight that landed, if one did (LL2 `spacecraftflight`).",
    )
    payloadflight: PayloadFlightRef | None = child(
        "payload_flights",
        "landing_id",
        description="The payload flight that landed, if one did (LL2 `payloadflight`).",
    )


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

"""``LandingLocation``: a drone ship, landing zone or runway (LL2 LandingLocation)."""

from __future__ import annotations

import strawberry

from schema.base import RowType, field, one
from schema.inputs.landing import (
    LandingFilter,
    LandingLocationFilter,
    LandingLocationOrder,
    LandingOrder,
)
from schema.node import Node, node
from schema.pagination import connection_field, node_field
from schema.refs import CelestialBodyRef, ImageRef, LandingRef, LocationRef


@node("landing_locations")
@strawberry.type(description="Where landings happen: drone ship, landing zone, runway… (LL2).")
class LandingLocation(Node, RowType):
    ll2_id: int = field("LL2's id.")
    name: str | None = field("Name.")
    active: bool | None = field("In use.")
    abbrev: str | None = field("Short name.")
    description: str | None = field("About the place.")
    longitude: float | None = field("Longitude (°).")
    latitude: float | None = field("Latitude (°).")
    successful_landings: int | None = field("Successful landings at it.")
    attempted_landings: int | None = field("Landings attempted at it.")
    failed_landings: int | None = field("Failed landings at it.")
    location_id: strawberry.Private[int | None]
    image_id: strawberry.Private[int | None]
    celestial_body_id: strawberry.Private[int | None]

    location: LocationRef | None = one(
        "locations", key="location_id", description="Launch location it belongs to, if any."
    )

    image: ImageRef | None = one("images", key="image_id", description="Image.")

    celestial_body: CelestialBodyRef | None = one(
        "celestial_bodies", key="celestial_body_id", description="Celestial body it is on."
    )

    landings = connection_field(
        LandingRef,
        "landings",
        LandingFilter,
        LandingOrder,
        LandingOrder.ID_ASC,
        parent_column="landing_location_id",
        description="Landings made here.",
    )


@strawberry.type
class LandingLocationQuery:
    landing_location = node_field(
        LandingLocation, "landing_locations", description="A landing location by `id` or `ll2Id`."
    )
    landing_locations = connection_field(
        LandingLocation,
        "landing_locations",
        LandingLocationFilter,
        LandingLocationOrder,
        LandingLocationOrder.ID_ASC,
        description="Landing locations.",
    )

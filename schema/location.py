"""``Location``: a launch site grouping pads (LL2 Location)."""

from __future__ import annotations

import strawberry

from schema.base import RowType, field, one
from schema.inputs.location import LocationFilter, LocationOrder
from schema.inputs.pad import PadFilter, PadOrder
from schema.node import Node, node
from schema.pagination import connection_field, node_field
from schema.refs import CelestialBodyRef, CountryRef, ImageRef, PadRef


@node("locations")
@strawberry.type(description="A launch site, grouping its pads (LL2 Location).")
class Location(Node, RowType):
    ll2_id: int = field("LL2's id.")
    url: str | None = field("LL2's URL of this location.")
    name: str | None = field("Name.")
    active: bool | None = field("In use.")
    description: str | None = field("About the location.")
    map_image: str | None = field("URL of a map image.")
    longitude: float | None = field("Longitude (°).")
    latitude: float | None = field("Latitude (°).")
    timezone_name: str | None = field("IANA time zone, e.g. America/New_York.")
    total_launch_count: int | None = field("Launches from it.")
    total_landing_count: int | None = field("Landings at it.")
    celestial_body_id: strawberry.Private[int | None]
    country_id: strawberry.Private[int | None]
    image_id: strawberry.Private[int | None]

    celestial_body: CelestialBodyRef | None = one(
        "celestial_bodies", key="celestial_body_id", description="Celestial body it is on."
    )

    country: CountryRef | None = one("countries", key="country_id", description="Country it is in.")

    image: ImageRef | None = one("images", key="image_id", description="Image.")

    pads = connection_field(
        PadRef,
        "pads",
        PadFilter,
        PadOrder,
        PadOrder.ID_ASC,
        parent_column="location_id",
        description="Its pads (LL2 `pads`).",
    )


@strawberry.type
class LocationQuery:
    location = node_field(Location, "locations", description="A location by `id` or `ll2Id`.")
    locations = connection_field(
        Location,
        "locations",
        LocationFilter,
        LocationOrder,
        LocationOrder.ID_ASC,
        description="Launch locations (LL2 `/2.3.0/locations/`).",
    )

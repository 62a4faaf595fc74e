"""``Pad``: where a rocket stands at liftoff (LL2 Pad)."""

from __future__ import annotations

import strawberry

from schema.base import RowType, field, linked, one
from schema.inputs.launch import LaunchFilter, LaunchOrder
from schema.inputs.pad import PadFilter, PadOrder
from schema.node import Node, node
from schema.pagination import connection_field, node_field
from schema.refs import AgencyRef, CountryRef, ImageRef, LaunchRef, LocationRef
from schema.scalars import Duration


@node("pads")
@strawberry.type(description="A launch pad (LL2 Pad).")
class Pad(Node, RowType):
    ll2_id: int = field("LL2's id.")
    url: str | None = field("LL2's URL of this pad.")
    active: bool | None = field("In use.")
    name: str | None = field("Name.")
    description: str | None = field("About the pad.")
    info_url: str | None = field("Web page.")
    wiki_url: str | None = field("Wikipedia page.")
    map_url: str | None = field("URL of the pad on a map.")
    latitude: float | None = field("Latitude (°).")
    longitude: float | None = field("Longitude (°).")
    map_image: str | None = field("URL of a map image.")
    total_launch_count: int | None = field("Launches from it.")
    orbital_launch_attempt_count: int | None = field("Orbital launch attempts from it.")
    fastest_turnaround: Duration | None = field("Shortest time between two launches from it.")
    image_id: strawberry.Private[int | None]
    country_id: strawberry.Private[int | None]
    location_id: strawberry.Private[int | None]

    agencies: list[AgencyRef] = linked("pads_agencies", description="Agencies that use it.")

    image: ImageRef | None = one("images", key="image_id", description="Image.")

    country: CountryRef | None = one("countries", key="country_id", description="Country it is in.")

    location: LocationRef | None = one(
        "locations", key="location_id", description="Location (launch site) it belongs to."
    )

    launches = connection_field(
        LaunchRef,
        "launches",
        LaunchFilter,
        LaunchOrder,
        LaunchOrder.NET_ASC,
        parent_column="pad_id",
        description="Launches from it.",
    )


@strawberry.type
class PadQuery:
    pad = node_field(Pad, "pads", description="A pad by `id` or `ll2Id`.")
    pads = connection_field(
        Pad, "pads", PadFilter, PadOrder, PadOrder.ID_ASC, description="Pads (LL2 `/2.3.0/pads/`)."
    )

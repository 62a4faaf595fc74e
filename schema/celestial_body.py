"""``CelestialBody``: Earth, the Moon, Mars… (LL2 CelestialBodyDetailed)."""

from __future__ import annotations

import strawberry

from schema.base import RowType, field, one
from schema.inputs.celestial_body import CelestialBodyFilter, CelestialBodyOrder
from schema.inputs.location import LocationFilter, LocationOrder
from schema.node import Node, node
from schema.pagination import connection_field, node_field
from schema.refs import CelestialBodyTypeRef, ImageRef, LocationRef


@node("celestial_bodies")
@strawberry.type(description="A celestial body things launch from, orbit or land on (LL2).")
class CelestialBody(Node, RowType):
    ll2_id: int = field("LL2's id.")
    url: str | None = field("LL2's URL of this celestial body.")
    name: str | None = field("Name.")
    diameter: float | None = field("Diameter (m).")
    mass: float | None = field("Mass (kg).")
    gravity: float | None = field("Surface gravity (m/s²).")
    length_of_day: str | None = field("Length of a day, as LL2 writes it ('1 00:00:00').")
    atmosphere: bool | None = field("Has an atmosphere.")
    description: str | None = field("About the body.")
    wiki_url: str | None = field("Wikipedia page.")
    total_attempted_launches: int | None = field("Launches attempted from it.")
    successful_launches: int | None = field("Successful launches from it.")
    failed_launches: int | None = field("Failed launches from it.")
    total_attempted_landings: int | None = field("Landings attempted on it.")
    successful_landings: int | None = field("Successful landings on it.")
    failed_landings: int | None = field("Failed landings on it.")
    type_id: strawberry.Private[int | None]
    image_id: strawberry.Private[int | None]

    type: CelestialBodyTypeRef | None = one(
        "celestial_body_types", key="type_id", description="Kind of body."
    )

    image: ImageRef | None = one("images", key="image_id", description="Image.")

    locations = connection_field(
        LocationRef,
        "locations",
        LocationFilter,
        LocationOrder,
        LocationOrder.ID_ASC,
        parent_column="celestial_body_id",
        description="Launch locations on it (LL2 `locations`).",
    )


@strawberry.type
class CelestialBodyQuery:
    celestial_body = node_field(
        CelestialBody, "celestial_bodies", description="A celestial body by `id` or `ll2Id`."
    )
    celestial_bodies = connection_field(
        CelestialBody,
        "celestial_bodies",
        CelestialBodyFilter,
        CelestialBodyOrder,
        CelestialBodyOrder.ID_ASC,
        description="Celestial bodies (LL2 `/2.3.0/celestial_bodies/`).",
    )

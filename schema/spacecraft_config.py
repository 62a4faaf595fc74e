"""``SpacecraftConfig``: a spacecraft model such as Crew Dragon (LL2 SpacecraftConfigDetailed),
and its ``SpacecraftConfigFamily``."""

from __future__ import annotations

from datetime import date

import strawberry

from schema.base import RowType, field, linked, one
from schema.inputs.spacecraft import SpacecraftFilter, SpacecraftOrder
from schema.inputs.spacecraft_config import SpacecraftConfigFilter, SpacecraftConfigOrder
from schema.node import Node, node
from schema.pagination import connection_field, node_field
from schema.refs import AgencyRef, ImageRef, SpacecraftConfigTypeRef, SpacecraftRef
from schema.scalars import BigInt, Duration

LL2_ID = "LL2's id."


@node("spacecraft_config_families")
@strawberry.type(description="A family of spacecraft configurations: Dragon, Soyuz… (LL2).")
class SpacecraftConfigFamily(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field("Name.")
    description: str | None = field("About the family.")
    maiden_flight: date | None = field("Date of the first flight.")
    spacecraft_flown: int | None = field("Spacecraft of this family that have flown.")
    total_launch_count: int | None = field("Launches that carried one.")
    successful_launches: int | None = field("Successful launches that carried one.")
    failed_launches: int | None = field("Failed launches that carried one.")
    attempted_landings: int | None = field("Landings attempted.")
    successful_landings: int | None = field("Successful landings.")
    failed_landings: int | None = field("Failed landings.")
    manufacturer_id: strawberry.Private[int | None]
    parent_id: strawberry.Private[int | None]

    manufacturer: AgencyRef | None = one(
        "agencies", key="manufacturer_id", description="Manufacturer."
    )

    parent: SpacecraftConfigFamily | None = one(
        "spacecraft_config_families", key="parent_id", description="The family this one belongs to."
    )


@node("spacecraft_configurations")
@strawberry.type(description="A spacecraft model: Crew Dragon, Soyuz MS… (LL2 SpacecraftConfig).")
class SpacecraftConfig(Node, RowType):
    ll2_id: int = field(LL2_ID)
    url: str | None = field("LL2's URL of this configuration.")
    name: str | None = field("Name.")
    in_use: bool | None = field("Still in use.")
    capability: str | None = field("What it can do.")
    history: str | None = field("Its history.")
    details: str | None = field("Details.")
    maiden_flight: date | None = field("Date of the first flight.")
    height: float | None = field("Height (m).")
    diameter: float | None = field("Diameter (m).")
    human_rated: bool | None = field("Rated to carry humans.")
    crew_capacity: int | None = field("Crew it can carry.")
    payload_capacity: BigInt | None = field("Payload it can carry up (kg).")
    payload_return_capacity: BigInt | None = field("Payload it can bring back (kg).")
    flight_life: str | None = field("How long it can fly (text).")
    wiki_link: str | None = field("Wikipedia page.")
    info_link: str | None = field("Web page.")
    spacecraft_flown: int | None = field("Spacecraft of this model flown.")
    total_launch_count: int | None = field("Launches made.")
    successful_launches: int | None = field("Successful launches.")
    failed_launches: int | None = field("Failed launches.")
    attempted_landings: int | None = field("Attempted landings.")
    successful_landings: int | None = field("Successful landings.")
    failed_landings: int | None = field("Failed landings.")
    fastest_turnaround: Duration | None = field("Shortest time between two flights.")
    type_id: strawberry.Private[int | None]
    agency_id: strawberry.Private[int | None]
    image_id: strawberry.Private[int | None]

    type: SpacecraftConfigTypeRef | None = one(
        "spacecraft_config_types", key="type_id", description="Kind of spacecraft."
    )

    agency: AgencyRef | None = one(
        "agencies", key="agency_id", description="Agency that builds it."
    )

    family: list[SpacecraftConfigFamily] = linked(
        "spacecraft_configurations_family", description="Families it belongs to."
    )

    image: ImageRef | None = one("images", key="image_id", description="Image.")

    spacecraft = connection_field(
        SpacecraftRef,
        "spacecraft",
        SpacecraftFilter,
        SpacecraftOrder,
        SpacecraftOrder.ID_ASC,
        parent_column="spacecraft_config_id",
        description="Spacecraft of this model.",
    )


@strawberry.type
class SpacecraftConfigQuery:
    spacecraft_config = node_field(
        SpacecraftConfig,
        "spacecraft_configurations",
        description="A spacecraft configuration by `id` or `ll2Id`.",
    )
    spacecraft_configs = connection_field(
        SpacecraftConfig,
        "spacecraft_configs",
        SpacecraftConfigFilter,
        SpacecraftConfigOrder,
        SpacecraftConfigOrder.ID_ASC,
        description="Spacecraft configurations (LL2 `/2.3.0/spacecraft_configurations/`).",
    )

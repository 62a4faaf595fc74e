"""Launch vehicles: ``LauncherConfig`` (a rocket model), ``LauncherFamily``, ``Launcher``
(one booster) and ``FirstStage`` (a booster on one launch)."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from schema.base import Info, RowType, children, field, linked, load_child, one
from schema.inputs.launcher import LauncherFilter, LauncherOrder
from schema.inputs.launcher_config import LauncherConfigFilter, LauncherConfigOrder
from schema.node import Node, node
from schema.pagination import connection_field, node_field
from schema.refs import (
    AgencyRef,
    ImageRef,
    LandingRef,
    LauncherStatusRef,
    LaunchRef,
    ProgramRef,
)
from schema.scalars import BigInt, Duration

LL2_ID = "LL2's id."


@node("launcher_config_families")
@strawberry.type(description="A family of launcher configurations: Falcon, Long March… (LL2).")
class LauncherFamily(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field("Name.")
    description: str | None = field("About the family.")
    active: bool | None = field("Still flying.")
    maiden_flight: date | None = field("Date of the first flight.")
    total_launch_count: int | None = field("Launches made.")
    consecutive_successful_launches: int | None = field("Successful launches in a row.")
    successful_launches: int | None = field("Successful launches.")
    failed_launches: int | None = field("Failed launches.")
    pending_launches: int | None = field("Launches to come.")
    attempted_landings: int | None = field("Attempted landings.")
    successful_landings: int | None = field("Successful landings.")
    failed_landings: int | None = field("Failed landings.")
    consecutive_successful_landings: int | None = field("Successful landings in a row.")
    parent_id: strawberry.Private[int | None]

    manufacturer: list[AgencyRef] = linked(
        "launcher_config_families_manufacturer", description="Manufacturers."
    )

    parent: LauncherFamily | None = one(
        "launcher_config_families", key="parent_id", description="The family this one belongs to."
    )


@node("launcher_configurations")
@strawberry.type(description="A launch vehicle model: Falcon 9 Block 5… (LL2 LauncherConfig).")
class LauncherConfig(Node, RowType):
    ll2_id: int = field(LL2_ID)
    url: str | None = field("LL2's URL of this configuration.")
    name: str | None = field("Name.")
    full_name: str | None = field("Full name.")
    variant: str | None = field("Variant.")
    active: bool | None = field("Still flying.")
    is_placeholder: bool | None = field("A placeholder for an unknown vehicle.")
    reusable: bool | None = field("Reusable.")
    info_url: str | None = field("Web page.")
    wiki_url: str | None = field("Wikipedia page.")
    description: str | None = field("About the vehicle.")
    alias: str | None = field("Other names.")
    min_stage: int | None = field("Fewest stages.")
    max_stage: int | None = field("Most stages.")
    length: float | None = field("Length (m).")
    diameter: float | None = field("Diameter (m).")
    maiden_flight: date | None = field("Date of the first flight.")
    launch_cost: BigInt | None = field("Cost of a launch (USD).")
    launch_mass: float | None = field("Mass at liftoff (t).")
    leo_capacity: float | None = field("Payload to low Earth orbit (kg).")
    gto_capacity: float | None = field("Payload to geostationary transfer orbit (kg).")
    geo_capacity: float | None = field("Payload to geostationary orbit (kg).")
    sso_capacity: float | None = field("Payload to Sun-synchronous orbit (kg).")
    to_thrust: float | None = field("Thrust at liftoff (kN).")
    apogee: float | None = field("Apogee, for suborbital vehicles (km).")
    total_launch_count: int | None = field("Launches made.")
    consecutive_successful_launches: int | None = field("Successful launches in a row.")
    successful_launches: int | None = field("Successful launches.")
    failed_launches: int | None = field("Failed launches.")
    pending_launches: int | None = field("Launches to come.")
    attempted_landings: int | None = field("Attempted landings.")
    successful_landings: int | None = field("Successful landings.")
    failed_landings: int | None = field("Failed landings.")
    consecutive_successful_landings: int | None = field("Successful landings in a row.")
    fastest_turnaround: Duration | None = field("Shortest time between two launches.")
    manufacturer_id: strawberry.Private[int | None]
    image_id: strawberry.Private[int | None]

    families: list[LauncherFamily] = linked(
        "launcher_configurations_families", description="Families it belongs to."
    )

    manufacturer: AgencyRef | None = one(
        "agencies", key="manufacturer_id", description="Manufacturer."
    )

    program: list[ProgramRef] = linked(
        "launcher_configurations_program", description="Programs it flies for."
    )

    image: ImageRef | None = one("images", key="image_id", description="Image.")


@node("launchers")
@strawberry.type(description="One booster, by serial number (LL2 Launcher).")
class Launcher(Node, RowType):
    ll2_id: int = field(LL2_ID)
    url: str | None = field("LL2's URL of this booster.")
    flight_proven: bool | None = field("Has flown before.")
    serial_number: str | None = field("Serial number, e.g. B1062.")
    is_placeholder: bool | None = field("A placeholder for an unknown booster.")
    details: str | None = field("About the booster.")
    successful_landings: int | None = field("Successful landings.")
    attempted_landings: int | None = field("Attempted landings.")
    flights: int | None = field("Flights flown.")
    last_launch_date: datetime | None = field("Its last launch.")
    first_launch_date: datetime | None = field("Its first launch.")
    fastest_turnaround: Duration | None = field("Shortest time between two of its launches.")
    status_id: strawberry.Private[int | None]
    image_id: strawberry.Private[int | None]
    launcher_config_id: strawberry.Private[int | None]

    status: LauncherStatusRef | None = one(
        "launcher_statuses", key="status_id", description="State of the booster."
    )

    image: ImageRef | None = one("images", key="image_id", description="Image.")

    launcher_config: LauncherConfig | None = one(
        "launcher_configurations", key="launcher_config_id", description="Its configuration."
    )

    stages: list[FirstStage] = children(
        "first_stages",
        "launcher_id",
        description="Its flights: the booster as flown on each launch, with its landing.",
    )


@node("first_stages")
@strawberry.type(description="A booster as flown on one launch (LL2 FirstStage).")
class FirstStage(Node, RowType):
    ll2_id: int = field(LL2_ID)
    type: str | None = field("Role of the stage, e.g. Core, Strap-on booster.")
    reused: bool | None = field("It had flown before.")
    launcher_flight_number: int | None = field("Which flight of the booster this is.")
    previous_flight_date: datetime | None = field("When the booster flew before.")
    turn_around_time: Duration | None = field("Time since the booster's previous flight.")
    launcher_id: strawberry.Private[int | None]
    landing_id: strawberry.Private[int | None]
    previous_flight_id: strawberry.Private[str | None]
    rocket_id: strawberry.Private[int | None]

    launcher: Launcher | None = one("launchers", key="launcher_id", description="The booster.")

    landing: LandingRef | None = one("landings", key="landing_id", description="Its landing.")

    previous_flight: LaunchRef | None = one(
        "launches", key="previous_flight_id", description="The booster's previous launch."
    )

    # The stage belongs to the launch's rocket; the launch points at that rocket.
    @strawberry.field(description="The launch it flew on.")
    async def launch(self, info: Info) -> LaunchRef | None:
        return await load_child(info, "launches", "rocket_id", self.rocket_id)


@strawberry.type
class LauncherConfigQuery:
    launcher_config = node_field(
        LauncherConfig,
        "launcher_configurations",
        description="A launcher configuration by `id` or `ll2Id`.",
    )
    launcher_configs = connection_field(
        LauncherConfig,
        "launcher_configs",
        LauncherConfigFilter,
        LauncherConfigOrder,
        LauncherConfigOrder.ID_ASC,
        description="Launcher configurations (LL2 `/2.3.0/launcher_configurations/`).",
    )


@strawberry.type
class LauncherQuery:
    launcher = node_field(Launcher, "launchers", description="A booster by `id` or `ll2Id`.")
    launchers = connection_field(
        Launcher,
        "launchers",
        LauncherFilter,
        LauncherOrder,
        LauncherOrder.ID_ASC,
        description="Boosters, by serial number (LL2 `/2.3.0/launchers/`).",
    )

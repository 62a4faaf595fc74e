"""``Astronaut`` (LL2 AstronautDetailed) and ``AstronautFlight``, one seat in a crew."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from schema.base import RowType, field, linked, one
from schema.inputs.astronaut import AstronautFilter, AstronautOrder
from schema.node import Node, node
from schema.pagination import connection_field, node_field
from schema.refs import (
    AgencyRef,
    AstronautRoleRef,
    AstronautStatusRef,
    AstronautTypeRef,
    CountryRef,
    FlightRef,
    ImageRef,
    LaunchRef,
    SocialMediaLinkRef,
    SpacewalkRef,
)
from schema.scalars import Duration


@node("astronauts")
@strawberry.type(description="An astronaut (LL2 AstronautDetailed).")
class Astronaut(Node, RowType):
    ll2_id: int = field("LL2's id.")
    url: str | None = field("LL2's URL of this astronaut.")
    name: str | None = field("Name.")
    in_space: bool | None = field("In space now.")
    time_in_space: Duration | None = field("Time spent in space.")
    eva_time: Duration | None = field("Time spent on spacewalks.")
    age: int | None = field("Age.")
    date_of_birth: date | None = field("Date of birth.")
    date_of_death: date | None = field("Date of death.")
    bio: str | None = field("Biography.")
    wiki: str | None = field("Wikipedia page.")
    last_flight: datetime | None = field("Their last launch.")
    first_flight: datetime | None = field("Their first launch.")
    flights_count: int | None = field("Launches flown.")
    landings_count: int | None = field("Landings made.")
    spacewalks_count: int | None = field("Spacewalks made.")
    status_id: strawberry.Private[int | None]
    agency_id: strawberry.Private[int | None]
    image_id: strawberry.Private[int | None]
    type_id: strawberry.Private[int | None]

    status: AstronautStatusRef | None = one(
        "astronaut_statuses", key="status_id", description="Career status."
    )

    agency: AgencyRef | None = one("agencies", key="agency_id", description="Agency they fly for.")

    image: ImageRef | None = one("images", key="image_id", description="Portrait.")

    type: AstronautTypeRef | None = one(
        "astronaut_types", key="type_id", description="Kind of astronaut."
    )

    nationality: list[CountryRef] = linked("astronauts_nationality", description="Nationalities.")

    social_media_links: list[SocialMediaLinkRef] = linked(
        "astronauts_social_media_links", description="Profiles on social networks."
    )

    flights: list[LaunchRef] = linked(
        "astronauts_flights", description="Launches they flew on (LL2 `flights`)."
    )

    landings: list[FlightRef] = linked(
        "astronauts_landings", description="Spacecraft flights they landed with (LL2 `landings`)."
    )

    spacewalks: list[SpacewalkRef] = linked(
        "astronauts_spacewalks", description="Spacewalks they made."
    )


@node("astronaut_flights")
@strawberry.type(description="One seat in a crew: who, in which role (LL2 AstronautFlight).")
class AstronautFlight(Node, RowType):
    ll2_id: int = field("LL2's id.")
    role_id: strawberry.Private[int | None]
    astronaut_id: strawberry.Private[int | None]

    role: AstronautRoleRef | None = one(
        "astronaut_roles", key="role_id", description="Role in the crew."
    )

    astronaut: Astronaut | None = one(
        "astronauts", key="astronaut_id", description="The astronaut."
    )


@strawberry.type
class AstronautQuery:
    astronaut = node_field(Astronaut, "astronauts", description="An astronaut by `id` or `ll2Id`.")
    astronauts = connection_field(
        Astronaut,
        "astronauts",
        AstronautFilter,
        AstronautOrder,
        AstronautOrder.ID_ASC,
        description="Astronauts (LL2 `/2.3.0/astronauts/`).",
    )

"""``Astronaut`` (LL2 AstronautDetailed) and ``AstronautFlight``, one seat in a crew."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from schema.base import Info, RowType, field, load_linked, load_one
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

    @strawberry.field(description="Career status.")
    async def status(self, info: Info) -> AstronautStatusRef | None:
        return await load_one(info, "astronaut_statuses", self.status_id)

    @strawberry.field(description="Agency they fly for.")
    async def agency(self, info: Info) -> AgencyRef | None:
        return await load_one(info, "agencies", self.agency_id)

    @strawberry.field(description="Portrait.")
    async def image(self, info: Info) -> ImageRef | None:
        return await load_one(info, "images", self.image_id)

    @strawberry.field(description="Kind of astronaut.")
    async def type(self, info: Info) -> AstronautTypeRef | None:
        return await load_one(info, "astronaut_types", self.type_id)

    @strawberry.field(description="Nationalities.")
    async def nationality(self, info: Info) -> list[CountryRef]:
        return await load_linked(info, "astronauts_nationality", self.ll2_id)

    @strawberry.field(description="Profiles on social networks.")
    async def social_media_links(self, info: Info) -> list[SocialMediaLinkRef]:
        return await load_linked(info, "astronauts_social_media_links", self.ll2_id)

    @strawberry.field(description="Launches they flew on (LL2 `flights`).")
    async def flights(self, info: Info) -> list[LaunchRef]:
        return await load_linked(info, "astronauts_flights", self.ll2_id)

    @strawberry.field(description="Spacecraft flights they landed with (LL2 `landings`).")
    async def landings(self, info: Info) -> list[FlightRef]:
        return await load_linked(info, "astronauts_landings", self.ll2_id)

    @strawberry.field(description="Spacewalks they made.")
    async def spacewalks(self, info: Info) -> list[SpacewalkRef]:
        return await load_linked(info, "astronauts_spacewalks", self.ll2_id)


@node("astronaut_flights")
@strawberry.type(description="One seat in a crew: who, in which role (LL2 AstronautFlight).")
class AstronautFlight(Node, RowType):
    ll2_id: int = field("LL2's id.")
    role_id: strawberry.Private[int | None]
    astronaut_id: strawberry.Private[int | None]

    @strawberry.field(description="Role in the crew.")
    async def role(self, info: Info) -> AstronautRoleRef | None:
        return await load_one(info, "astronaut_roles", self.role_id)

    @strawberry.field(description="The astronaut.")
    async def astronaut(self, info: Info) -> Astronaut | None:
        return await load_one(info, "astronauts", self.astronaut_id)


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

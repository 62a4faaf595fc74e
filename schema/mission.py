"""``Mission``, its ``Orbit``, ``MissionPatch`` and ``Program`` (LL2 Mission, Orbit,
MissionPatch, ProgramNormal)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, ClassVar

import strawberry

from schema.base import Info, RowType, field, load_linked, load_one
from schema.media import InfoUrl, VidUrl, from_json_list
from schema.node import Node, node
from schema.refs import AgencyRef, CelestialBodyRef, ImageRef, ProgramTypeRef

LL2_ID = "LL2's id."


@node("orbits")
@strawberry.type(description="An orbit: LEO, GTO, Suborbital… (LL2 Orbit).")
class Orbit(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field("Name.")
    abbrev: str | None = field("Short name.")
    celestial_body_id: strawberry.Private[int | None]

    @strawberry.field(description="Body orbited.")
    async def celestial_body(self, info: Info) -> CelestialBodyRef | None:
        return await load_one(info, "celestial_bodies", self.celestial_body_id)


@node("missions")
@strawberry.type(description="What a launch is for (LL2 Mission).")
class Mission(Node, RowType):
    __columns__: ClassVar[Mapping[str, str]] = {
        "info_urls_json": "info_urls",
        "vid_urls_json": "vid_urls",
    }

    ll2_id: int = field(LL2_ID)
    name: str | None = field("Name.")
    type: str | None = field("Kind of mission, e.g. Communications, Resupply.")
    description: str | None = field("About the mission.")
    image_id: strawberry.Private[int | None]
    orbit_id: strawberry.Private[int | None]
    info_urls_json: strawberry.Private[list[Any] | None]
    vid_urls_json: strawberry.Private[list[Any] | None]

    @strawberry.field(description="Image.")
    async def image(self, info: Info) -> ImageRef | None:
        return await load_one(info, "images", self.image_id)

    @strawberry.field(description="Target orbit.")
    async def orbit(self, info: Info) -> Orbit | None:
        return await load_one(info, "orbits", self.orbit_id)

    @strawberry.field(description="Agencies behind the mission.")
    async def agencies(self, info: Info) -> list[AgencyRef]:
        return await load_linked(info, "missions_agencies", self.ll2_id)

    @strawberry.field(description="Links to read more (null when LL2 has not given them).")
    def info_urls(self) -> list[InfoUrl] | None:
        return from_json_list(InfoUrl, self.info_urls_json)

    @strawberry.field(description="Videos (null when LL2 has not given them).")
    def vid_urls(self) -> list[VidUrl] | None:
        return from_json_list(VidUrl, self.vid_urls_json)


@node("mission_patches")
@strawberry.type(description="A mission patch (LL2 MissionPatch).")
class MissionPatch(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field("Name.")
    priority: int | None = field("Rank among patches (lower first).")
    image_url: str | None = field("URL of the patch image.")
    agency_id: strawberry.Private[int | None]

    @strawberry.field(description="Agency the patch belongs to.")
    async def agency(self, info: Info) -> AgencyRef | None:
        return await load_one(info, "agencies", self.agency_id)


@node("programs")
@strawberry.type(description="A program launches belong to: Artemis, Starlink… (LL2 Program).")
class Program(Node, RowType):
    ll2_id: int = field(LL2_ID)
    url: str | None = field("LL2's URL of this program.")
    name: str | None = field("Name.")
    info_url: str | None = field("Web page.")
    wiki_url: str | None = field("Wikipedia page.")
    description: str | None = field("About the program.")
    start_date: datetime | None = field("When it started.")
    end_date: datetime | None = field("When it ended.")
    image_id: strawberry.Private[int | None]
    type_id: strawberry.Private[int | None]

    @strawberry.field(description="Image.")
    async def image(self, info: Info) -> ImageRef | None:
        return await load_one(info, "images", self.image_id)

    @strawberry.field(description="Agencies running it.")
    async def agencies(self, info: Info) -> list[AgencyRef]:
        return await load_linked(info, "programs_agencies", self.ll2_id)

    @strawberry.field(description="Its patches.")
    async def mission_patches(self, info: Info) -> list[MissionPatch]:
        return await load_linked(info, "programs_mission_patches", self.ll2_id)

    @strawberry.field(description="Kind of program.")
    async def type(self, info: Info) -> ProgramTypeRef | None:
        return await load_one(info, "program_types", self.type_id)

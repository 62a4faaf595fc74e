"""``Mission``, its ``Orbit``, ``MissionPatch`` and ``Program`` (LL2 Mission, Orbit,
MissionPatch, ProgramNormal)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, ClassVar

import strawberry

from schema.base import RowType, field, info_urls_field, linked, one, vid_urls_field
from schema.media import InfoUrl, VidUrl
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

    celestial_body: CelestialBodyRef | None = one(
        "celestial_bodies", key="celestial_body_id", description="Body orbited."
    )


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

    image: ImageRef | None = one("images", key="image_id", description="Image.")

    orbit: Orbit | None = one("orbits", key="orbit_id", description="Target orbit.")

    agencies: list[AgencyRef] = linked(
        "missions_agencies", description="Agencies behind the mission."
    )

    info_urls: list[InfoUrl] | None = info_urls_field()
    vid_urls: list[VidUrl] | None = vid_urls_field()


@node("mission_patches")
@strawberry.type(description="A mission patch (LL2 MissionPatch).")
class MissionPatch(Node, RowType):
    ll2_id: int = field(LL2_ID)
    name: str | None = field("Name.")
    priority: int | None = field("Rank among patches (lower first).")
    image_url: str | None = field("URL of the patch image.")
    agency_id: strawberry.Private[int | None]

    agency: AgencyRef | None = one(
        "agencies", key="agency_id", description="Agency the patch belongs to."
    )


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

    image: ImageRef | None = one("images", key="image_id", description="Image.")

    agencies: list[AgencyRef] = linked("programs_agencies", description="Agencies running it.")

    mission_patches: list[MissionPatch] = linked(
        "programs_mission_patches", description="Its patches."
    )

    type: ProgramTypeRef | None = one(
        "program_types", key="type_id", description="Kind of program."
    )
